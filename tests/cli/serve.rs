//! The HTTP API of `depeche serve`, asked over real connections.
