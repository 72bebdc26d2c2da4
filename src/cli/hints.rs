//! What the command line adds to the library's errors: the `depeche` command that mends them.

use std::fmt::Write;

/// The error's message, its causes joined by `: `, then the command that mends it, if any.
pub fn message(error: &anyhow::Error) -> String {
    let mut message = format!("{error:#}");
    let library = error
        .chain()
        .find_map(|e| e.downcast_ref::<depeche::Error>());
    if let Some(hint) = library.and_then(hint) {
        let _ = write!(message, "; {hint}");
    }
    message
}

/// The command that mends `error`, when one does.
fn hint(error: &depeche::Error) -> Option<String> {
    match error {
        depeche::Error::NoIndex { path } => Some(format!(
            "build one with `depeche index CORPUS --index {}`",
            path.display()
        )),
        depeche::Error::NoEntities { path } => Some(format!(
            "`depeche index CORPUS --index {} --entities` extracts them",
            path.display()
        )),
        depeche::Error::Locked { .. } => {
            Some("wait for the other `depeche index` to finish".into())
        }
        depeche::Error::Rebuild { path, .. } => Some(format!(
            "rebuild it with `depeche index CORPUS --index {} --full`",
            path.display()
        )),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hints_name_the_command_that_mends() {
        let cases = [
            (
                depeche::Error::NoIndex { path: "idx".into() },
                "index idx: no index here; build one with `depeche index CORPUS --index idx`",
            ),
            (
                depeche::Error::NoEntities { path: "idx".into() },
                "index idx: built without entities; `depeche index CORPUS --index idx --entities` extracts them",
            ),
            (
                depeche::Error::rebuild(std::path::Path::new("idx"), "too old"),
                "index idx: too old; rebuild it with `depeche index CORPUS --index idx --full`",
            ),
            (
                depeche::Error::Locked { path: "idx".into() },
                "index idx: another process is writing to this index; wait for the other `depeche index` to finish",
            ),
            (
                depeche::Error::Skipped { count: 1 },
                "1 file(s) or line(s) skipped; everything else is indexed",
            ),
        ];
        for (error, expected) in cases {
            assert_eq!(message(&error.into()), expected);
        }
    }

    #[test]
    fn the_hint_follows_the_context() {
        let error = anyhow::Error::new(depeche::Error::NoIndex { path: "i".into() });
        let error = error.context("indexing corpus");
        assert_eq!(
            message(&error),
            "indexing corpus: index i: no index here; build one with `depeche index CORPUS --index i`"
        );
    }
}
