//! Prints the mentions `Gazetteer::find` returns, one per line, to compare matcher versions.
//!
//! ```text
//! cargo run --release -p warta-gazetteer --example find_dump -- LIST.tsv TEXT_FILE [REPS]
//! ```
//!
//! The list (TSV, as `GazetteerBuilder::add_tsv` reads it) is added after the embedded default
//! list. Each line is `start end id alias` of one mention of the whole text. With `REPS`, the
//! text is matched that many more times after printing (for profilers).

use std::process::ExitCode;

use warta_gazetteer::GazetteerBuilder;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [list_path, text_path, rest @ ..] = args.as_slice() else {
        eprintln!("usage: find_dump LIST.tsv TEXT_FILE [REPS]");
        return ExitCode::FAILURE;
    };
    let reps: usize = rest.first().and_then(|r| r.parse().ok()).unwrap_or(0);
    let (list, text) = match (
        std::fs::read_to_string(list_path),
        std::fs::read_to_string(text_path),
    ) {
        (Ok(l), Ok(t)) => (l, t),
        (Err(e), _) | (_, Err(e)) => {
            eprintln!("{e}");
            return ExitCode::FAILURE;
        }
    };
    let gazetteer = match GazetteerBuilder::new()
        .with_default_list()
        .add_tsv(&list)
        .and_then(|b| b.build())
    {
        Ok(g) => g,
        Err(e) => {
            eprintln!("{list_path}: {e}");
            return ExitCode::FAILURE;
        }
    };
    for m in gazetteer.find(&text) {
        println!("{}\t{}\t{}\t{}", m.span.start, m.span.end, m.id, m.alias);
    }
    let mut total = 0;
    for _ in 0..reps {
        total += gazetteer.find(&text).len();
    }
    if reps > 0 {
        eprintln!("{total} mentions in {reps} more passes");
    }
    ExitCode::SUCCESS
}
