//! The command line: flags turned into the library's options, the hints added to its errors,
//! printing, the progress bar, and the hidden scale-test generator.

pub mod flags;
pub mod hints;
pub mod output;
pub mod progress;
pub mod synth;
