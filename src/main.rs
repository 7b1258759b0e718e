//! `warta`: the command-line front end of the Warta pipeline.
//!
//! See `warta --help` and the README for the contract (inputs, outputs, exit codes).

mod args;

use std::io::{self, Write};
use std::process::ExitCode;

use args::{Command, Format, Options};
use warta::Pipeline;
use warta::boilerplate::Classifier;
use warta::gazetteer::{Gazetteer, GazetteerBuilder};
use warta::quotes::Extractor;
use warta::tokenize::Tokenizer;
use warta_cli::{Failure, analyze_guarded, input, jsonl};

/// The allocator (the `mimalloc` feature, on by default): the pipeline makes many small
/// allocations per document, which mimalloc serves faster than the system allocator.
#[cfg(feature = "mimalloc")]
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// Exit status: everything went well.
const EXIT_OK: u8 = 0;
/// Exit status: at least one input (file or JSONL line) could not be processed; the others were.
const EXIT_INPUT: u8 = 1;
/// Exit status: bad command line or configuration (e.g. a malformed gazetteer file).
const EXIT_USAGE: u8 = 2;

fn main() -> ExitCode {
    std::panic::set_hook(Box::new(report_internal_error));
    let options = match args::parse() {
        Ok(Some(options)) => options,
        Ok(None) => return ExitCode::from(EXIT_OK),
        Err(message) => {
            eprintln!("warta: {message}");
            eprintln!("Try 'warta --help'.");
            return ExitCode::from(EXIT_USAGE);
        }
    };
    match run(&options) {
        Ok(failed) if failed > 0 => ExitCode::from(EXIT_INPUT),
        Ok(_) => ExitCode::from(EXIT_OK),
        Err(Failure::BrokenPipe) => ExitCode::from(EXIT_OK),
        Err(Failure::Config(message)) => {
            eprintln!("warta: {message}");
            ExitCode::from(EXIT_USAGE)
        }
        Err(Failure::Output(err)) => {
            eprintln!("warta: cannot write output: {err}");
            ExitCode::from(EXIT_INPUT)
        }
    }
}

/// Reports a bug (a panic) as one line on stderr instead of a backtrace. Analysis runs under
/// [`analyze_guarded`], so a bug hit by one document costs that document, not the run.
fn report_internal_error(info: &std::panic::PanicHookInfo<'_>) {
    let message = info
        .payload()
        .downcast_ref::<&str>()
        .map(|s| s.to_string())
        .or_else(|| info.payload().downcast_ref::<String>().cloned())
        .unwrap_or_default();
    let place = info
        .location()
        .map(|l| format!(" at {}:{}", l.file(), l.line()))
        .unwrap_or_default();
    eprintln!("warta: internal error{place}: {message} (please report it with the input)");
}

/// Runs the command; returns how many inputs failed.
fn run(options: &Options) -> Result<usize, Failure> {
    if let Some(threads) = options.threads {
        rayon::ThreadPoolBuilder::new()
            .num_threads(threads)
            .build_global()
            .map_err(|e| Failure::Config(format!("cannot start {threads} threads: {e}")))?;
    }
    match &options.command {
        Command::Analyze { jsonl } => {
            let pipeline = build_pipeline(options)?;
            let failed = if *jsonl {
                jsonl::run(&pipeline, &options.files)
            } else {
                analyze_files(&pipeline, &options.files)
            };
            // The process ends next: freeing the pipeline's tables one by one (0.3 M
            // instructions with the default gazetteer) would only delay the exit.
            std::mem::forget(pipeline);
            failed
        }
        Command::Tokenize { format } => tokenize_files(*format, &options.files),
    }
}

/// Builds the pipeline; the gazetteer (the largest start-up cost with the default list, about 2
/// M instructions) and the tokenizer's built-in lists (0.4 M) are built on one thread of the
/// pool while the quote lexicons and the boilerplate classifier (about 1 M each) are built on
/// another.
fn build_pipeline(options: &Options) -> Result<Pipeline, Failure> {
    let ((gazetteer, tokenizer), (extractor, classifier)) = rayon::join(
        || (build_gazetteer(options), Tokenizer::new()),
        || (Extractor::default(), Classifier::default()),
    );
    Ok(Pipeline::builder()
        .tokens(options.tokens)
        .tokenizer(tokenizer)
        .classifier(classifier)
        .extractor(extractor)
        .gazetteer(gazetteer?)
        .build())
}

/// The default list (unless turned off) and the user's gazetteer files.
fn build_gazetteer(options: &Options) -> Result<Gazetteer, Failure> {
    let mut builder = GazetteerBuilder::new();
    if !options.no_default_gazetteer {
        builder = builder.with_default_list();
    }
    for path in &options.gazetteers {
        let data = std::fs::read_to_string(path)
            .map_err(|e| Failure::Config(format!("gazetteer {}: {e}", path.display())))?;
        let is_json = path
            .extension()
            .is_some_and(|e| e.eq_ignore_ascii_case("json"));
        let loaded = if is_json {
            builder.add_json(&data)
        } else {
            builder.add_tsv(&data)
        };
        builder =
            loaded.map_err(|e| Failure::Config(format!("gazetteer {}: {e}", path.display())))?;
    }
    builder
        .build()
        .map_err(|e| Failure::Config(format!("gazetteer: {e}")))
}

/// Reads every source as text and hands it to `work`, reporting unreadable sources; returns how
/// many sources failed (unreadable, or `work` returned `Ok(false)`).
fn for_each_text(
    files: &[std::path::PathBuf],
    mut work: impl FnMut(&input::Source, &str) -> Result<bool, Failure>,
) -> Result<usize, Failure> {
    let mut failed = 0;
    for source in input::sources(files) {
        match input::read_text(&source) {
            Ok(text) => failed += usize::from(!work(&source, &text)?),
            Err(message) => {
                eprintln!("warta: {message}");
                failed += 1;
            }
        }
    }
    Ok(failed)
}

/// `warta analyze [FILE…]`: one pretty JSON document per input.
fn analyze_files(pipeline: &Pipeline, files: &[std::path::PathBuf]) -> Result<usize, Failure> {
    // Buffered: the lock alone is line-buffered, a write call per line of pretty JSON.
    let mut out = io::BufWriter::with_capacity(1 << 16, io::stdout().lock());
    let failed = for_each_text(files, |source, text| {
        if text.trim().is_empty() {
            eprintln!("warta: {}: input is empty", source.name());
        }
        match analyze_guarded(pipeline, text) {
            Ok(doc) => {
                serde_json::to_writer_pretty(&mut out, &doc).map_err(io::Error::from)?;
                out.write_all(b"\n")?;
                Ok(true)
            }
            Err(message) => {
                eprintln!("warta: {}: {message}", source.name());
                Ok(false)
            }
        }
    })?;
    out.flush()?;
    Ok(failed)
}

/// `warta tokenize [--format conllu|json] [FILE…]`: the whole input, no boilerplate removal.
fn tokenize_files(format: Format, files: &[std::path::PathBuf]) -> Result<usize, Failure> {
    let tokenizer = Tokenizer::new();
    // Buffered: the lock alone is line-buffered, a write call per line of pretty JSON.
    let mut out = io::BufWriter::with_capacity(1 << 16, io::stdout().lock());
    let failed = for_each_text(files, |_, text| {
        let analysis = tokenizer.analyze(text);
        match format {
            Format::Conllu => {
                let mut buf = String::new();
                warta::tokenize::conllu::write(text, &analysis, &mut buf);
                out.write_all(buf.as_bytes())?;
            }
            Format::Json => {
                let tokens: Vec<warta::TokenOut> = analysis
                    .tokens
                    .iter()
                    .map(|t| warta::TokenOut::new(text, t))
                    .collect();
                let sentences: Vec<warta::SpanOut> =
                    analysis.sentences.iter().map(|&s| s.into()).collect();
                let value = serde_json::json!({ "tokens": tokens, "sentences": sentences });
                serde_json::to_writer(&mut out, &value).map_err(io::Error::from)?;
                out.write_all(b"\n")?;
            }
        }
        Ok(true)
    })?;
    out.flush()?;
    Ok(failed)
}
