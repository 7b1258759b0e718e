//! The library half of the `warta` command-line program: reading inputs and the JSON Lines
//! runner, shared by the binary, its tests and the `jsonl` fuzz target (which so exercises the
//! exact code of `warta analyze --jsonl`). Not a stable API: use the `warta` crate.

use std::io;

use warta::Pipeline;

pub mod input;
pub mod jsonl;

/// Analyses one text; a bug in a stage becomes an error for this text only (the binary's panic
/// hook reports it on stderr in one line).
///
/// ```
/// let doc = warta_cli::analyze_guarded(&warta::Pipeline::new(), "Budi datang.").unwrap();
/// assert_eq!(doc.sentences.len(), 1);
/// ```
pub fn analyze_guarded(pipeline: &Pipeline, text: &str) -> Result<warta::Document, &'static str> {
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| pipeline.analyze(text)))
        .map_err(|_| "internal error while analysing this document (reported on stderr)")
}

/// Why a run stopped early.
#[derive(Debug)]
pub enum Failure {
    /// The reader of our output went away (`warta … | head`): stop quietly.
    BrokenPipe,
    /// A configuration problem (gazetteer file, thread pool).
    Config(String),
    /// Writing the output failed for another reason.
    Output(io::Error),
}

impl From<io::Error> for Failure {
    fn from(err: io::Error) -> Self {
        if err.kind() == io::ErrorKind::BrokenPipe {
            Failure::BrokenPipe
        } else {
            Failure::Output(err)
        }
    }
}
