//! Command-line arguments.

use std::path::PathBuf;

pub(crate) const HELP: &str = "\
warta: Indonesian news NLP: article body, metadata, tokens, entities and who said what.

USAGE:
    warta analyze [OPTIONS] [FILE...]     one pretty JSON document per input (stdin when no FILE)
    warta analyze --jsonl [OPTIONS] [FILE...]
                                         JSON Lines {\"id\":…,\"text\":…} in, one document line out
                                         per input line, in order
    warta tokenize [--format conllu|json] [FILE...]
                                         tokens and sentences of the whole input

ANALYZE OPTIONS:
    --jsonl                 read JSON Lines, write JSON Lines (a line that cannot be read yields
                            {\"id\":…,\"error\":\"…\"} and the run goes on)
    --threads N             worker threads for --jsonl (default: all cores)
    --tokens                include tokens in the documents
    --gazetteer FILE        add the entities of FILE (TSV, or JSON when FILE ends in .json);
                            repeatable
    --no-default-gazetteer  do not load the embedded default entity list

TOKENIZE OPTIONS:
    --format conllu|json    CoNLL-U (default) or one JSON object per input

    -h, --help              this help
    -V, --version           version

EXIT STATUS:
    0  success (also when the reader of the output closes it early, as `| head` does)
    1  at least one input (file or JSONL line) could not be read; the others were processed
    2  bad command line or configuration (unknown option, unreadable or malformed gazetteer)
";

/// What to do.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Command {
    /// `warta analyze`.
    Analyze {
        /// JSON Lines in and out.
        jsonl: bool,
    },
    /// `warta tokenize`.
    Tokenize {
        /// Output format.
        format: Format,
    },
}

/// Output format of `warta tokenize`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Format {
    /// CoNLL-U.
    Conllu,
    /// JSON.
    Json,
}

/// Parsed options.
#[derive(Debug, Clone)]
pub(crate) struct Options {
    pub command: Command,
    pub files: Vec<PathBuf>,
    pub threads: Option<usize>,
    pub tokens: bool,
    pub gazetteers: Vec<PathBuf>,
    pub no_default_gazetteer: bool,
}

/// Parses the process arguments; `Ok(None)` when help or version was printed.
pub(crate) fn parse() -> Result<Option<Options>, String> {
    parse_from(std::env::args_os().skip(1))
}

fn parse_from<I>(args: I) -> Result<Option<Options>, String>
where
    I: IntoIterator<Item = std::ffi::OsString>,
{
    use lexopt::prelude::*;
    let mut parser = lexopt::Parser::from_args(args);
    let mut command: Option<&str> = None;
    let mut jsonl = false;
    let mut format = None;
    let mut options = Options {
        command: Command::Analyze { jsonl: false },
        files: Vec::new(),
        threads: None,
        tokens: false,
        gazetteers: Vec::new(),
        no_default_gazetteer: false,
    };
    let err = |e: lexopt::Error| e.to_string();
    while let Some(arg) = parser.next().map_err(err)? {
        match arg {
            Short('h') | Long("help") => {
                // A closed stdout (`warta --help | head -1`) is not an error worth a message.
                let _ = std::io::Write::write_all(&mut std::io::stdout(), HELP.as_bytes());
                return Ok(None);
            }
            Short('V') | Long("version") => {
                let version = format!("warta {}\n", env!("CARGO_PKG_VERSION"));
                let _ = std::io::Write::write_all(&mut std::io::stdout(), version.as_bytes());
                return Ok(None);
            }
            Long("jsonl") => jsonl = true,
            Long("tokens") => options.tokens = true,
            Long("no-default-gazetteer") => options.no_default_gazetteer = true,
            Long("gazetteer") => options.gazetteers.push(parser.value().map_err(err)?.into()),
            Long("threads") => {
                let n: usize = parser.value().map_err(err)?.parse().map_err(err)?;
                if n == 0 {
                    return Err("--threads must be at least 1".into());
                }
                options.threads = Some(n);
            }
            Long("format") => {
                let value = parser.value().map_err(err)?;
                format = Some(match value.to_str() {
                    Some("conllu") => Format::Conllu,
                    Some("json") => Format::Json,
                    _ => return Err(format!("unknown format {value:?}: use conllu or json")),
                });
            }
            Value(value) if command.is_none() => match value.to_str() {
                Some("analyze") => command = Some("analyze"),
                Some("tokenize") => command = Some("tokenize"),
                _ => {
                    return Err(format!(
                        "unknown command {value:?}: use analyze or tokenize"
                    ));
                }
            },
            Value(value) => options.files.push(value.into()),
            _ => return Err(arg.unexpected().to_string()),
        }
    }
    options.command = match command {
        Some("analyze") => {
            if format.is_some() {
                return Err("--format belongs to 'warta tokenize'".into());
            }
            Command::Analyze { jsonl }
        }
        Some(_) => {
            if jsonl
                || options.tokens
                || !options.gazetteers.is_empty()
                || options.no_default_gazetteer
            {
                return Err("'warta tokenize' takes only --format and files".into());
            }
            Command::Tokenize {
                format: format.unwrap_or(Format::Conllu),
            }
        }
        None => return Err("missing command: analyze or tokenize".into()),
    };
    Ok(Some(options))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(args: &[&str]) -> Result<Option<Options>, String> {
        parse_from(args.iter().map(|a| a.into()))
    }

    #[test]
    fn analyze_with_all_options() {
        let o = parse(&[
            "analyze",
            "--jsonl",
            "--threads",
            "2",
            "--gazetteer",
            "a.tsv",
            "--gazetteer",
            "b.json",
            "--no-default-gazetteer",
            "x.jsonl",
        ])
        .unwrap()
        .unwrap();
        assert_eq!(o.command, Command::Analyze { jsonl: true });
        assert_eq!(o.threads, Some(2));
        assert_eq!(
            o.gazetteers,
            [PathBuf::from("a.tsv"), PathBuf::from("b.json")]
        );
        assert!(o.no_default_gazetteer);
        assert_eq!(o.files, [PathBuf::from("x.jsonl")]);
    }

    #[test]
    fn tokenize_defaults_to_conllu() {
        let o = parse(&["tokenize"]).unwrap().unwrap();
        assert_eq!(
            o.command,
            Command::Tokenize {
                format: Format::Conllu
            }
        );
        let o = parse(&["tokenize", "--format", "json", "f.txt"])
            .unwrap()
            .unwrap();
        assert_eq!(
            o.command,
            Command::Tokenize {
                format: Format::Json
            }
        );
    }

    #[test]
    fn bad_command_lines_are_errors() {
        assert!(parse(&[]).is_err());
        assert!(parse(&["frobnicate"]).is_err());
        assert!(parse(&["analyze", "--threads", "0"]).is_err());
        assert!(parse(&["analyze", "--threads", "many"]).is_err());
        assert!(parse(&["analyze", "--format", "json"]).is_err());
        assert!(parse(&["tokenize", "--jsonl"]).is_err());
        assert!(parse(&["tokenize", "--format", "xml"]).is_err());
        assert!(parse(&["analyze", "--bogus"]).is_err());
    }
}
