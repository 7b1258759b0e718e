//! Single-core throughput of every Warta stage and of the whole pipeline, on the corpus that the
//! peer comparison (`benches/peers/compare.py`) uses, plus scaling and adversarial inputs.
//!
//! ```text
//! cargo run --release --example throughput -- [--corpus FILE.jsonl] [--pages FILE.jsonl]
//!     [--names N[,N...]] [--reps N] [--quick] [--only ID]... [--json]
//! cargo run --release --example throughput -- [--corpus FILE.jsonl]
//!     [--dump-corpus FILE] [--dump-names N FILE]
//! ```
//!
//! The corpus is the one of the criterion benches (`benches/common/mod.rs`): the PFSA texts of
//! `../shared/data/pfsa/dev.jsonl` joined with blank lines when present, else the seed article
//! repeated to 3 MB; `--corpus` joins the `"text"` fields of another JSONL file the same way.
//! Every stage runs on the joined corpus as one text; the whole pipeline also runs one document
//! at a time, as `warta analyze --jsonl` feeds it.
//! The pages (`../shared/data/pages/dev.jsonl` by default) are whole scraped pages, one block
//! element per line, for the boilerplate classifier.
//!
//! Each figure is the median of `--reps` timed repetitions (7 by default, 3 with `--quick`)
//! after a warm-up run; a repetition repeats the work until it lasts at least 0.3 s (0.1 s with
//! `--quick`). MB means 10^6 bytes of input text. Everything runs on the calling thread. Beside
//! the wall-clock rates, the rate per second of the thread's CPU time over all repetitions
//! (`/proc/thread-self/stat`, 10 ms ticks) shows what a busy machine hides.
//! Gazetteer memory is read from `VmRSS` / `VmHWM` of `/proc/self/status` (Linux only; the peak
//! is reset through `/proc/self/clear_refs` before each build).
//!
//! The scaling runs analyse 1 KB, 1 MB and 100 MB (10 MB with `--quick`) prefixes of the corpus
//! repeated, and three adversarial shapes at a tenth of their size and at full size: 10 000
//! unmatched opening quote marks, one 10 MB line, 100 000 short lines. Time per byte should be
//! the same at both sizes.
//!
//! `--only ID` (repeatable) runs only the measurements whose id contains `ID` (`tokenize`,
//! `boilerplate`, `gazetteer_100000`, `quotes`, `pipeline`, `corpus/1MB`, `one-line`, ...), for
//! instance under a profiler: `perf record -g target/release/examples/throughput --only quotes`.
//!
//! `--dump-corpus FILE` writes the joined corpus and `--dump-names N FILE` the generated
//! `N`-name gazetteer TSV of the benches, then the program exits without measuring: the peer
//! script feeds those exact bytes to the Python tools.

#[path = "../benches/common/mod.rs"]
mod common;

use std::hint::black_box;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use serde_json::{Value, json};
use warta::Pipeline;
use warta::boilerplate::Classifier;
use warta::gazetteer::{Gazetteer, GazetteerBuilder};
use warta::quotes::Extractor;
use warta::tokenize::Tokenizer;

/// Command-line options.
struct Options {
    corpus: Option<PathBuf>,
    pages: PathBuf,
    names: Vec<usize>,
    reps: usize,
    quick: bool,
    json: bool,
    dump_corpus: Option<PathBuf>,
    dump_names: Option<(usize, PathBuf)>,
    only: Vec<String>,
}

const USAGE: &str = "usage: throughput [--corpus FILE.jsonl] [--pages FILE.jsonl] \
[--names N[,N...]] [--reps N] [--quick] [--only ID]... [--json] [--dump-corpus FILE] \
[--dump-names N FILE]";

fn parse_args() -> Result<Options, lexopt::Error> {
    use lexopt::prelude::*;
    let mut options = Options {
        corpus: None,
        pages: PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/data/pages/dev.jsonl"),
        names: vec![10_000, 100_000],
        reps: 0,
        quick: false,
        json: false,
        dump_corpus: None,
        dump_names: None,
        only: Vec::new(),
    };
    let mut parser = lexopt::Parser::from_env();
    while let Some(arg) = parser.next()? {
        match arg {
            Long("corpus") => options.corpus = Some(parser.value()?.into()),
            Long("pages") => options.pages = parser.value()?.into(),
            Long("names") => {
                let value = parser.value()?.string()?;
                options.names = value
                    .split(',')
                    .map(|n| n.trim().parse::<usize>())
                    .collect::<Result<_, _>>()
                    .map_err(|e| format!("--names {value}: {e}"))?;
            }
            Long("reps") => options.reps = parser.value()?.parse()?,
            Long("quick") => options.quick = true,
            Long("only") => options.only.push(parser.value()?.string()?),
            Long("json") => options.json = true,
            Long("dump-corpus") => options.dump_corpus = Some(parser.value()?.into()),
            Long("dump-names") => {
                let n = parser.value()?.parse()?;
                options.dump_names = Some((n, parser.value()?.into()));
            }
            Short('h') | Long("help") => {
                println!("{USAGE}");
                std::process::exit(0);
            }
            _ => return Err(arg.unexpected()),
        }
    }
    if options.reps == 0 {
        options.reps = if options.quick { 3 } else { 7 };
    }
    Ok(options)
}

/// A throughput measurement: MB/s over the timed repetitions.
struct Stat {
    bytes: usize,
    iters: u64,
    rates: Vec<f64>,
    /// MB per second of this thread's CPU time over all the timed repetitions: unlike the
    /// wall-clock rates, it hardly moves when other processes compete for the cores.
    cpu_rate: Option<f64>,
}

impl Stat {
    fn median(&self) -> f64 {
        let mut r = self.rates.clone();
        r.sort_by(f64::total_cmp);
        let n = r.len();
        if n % 2 == 1 {
            r[n / 2]
        } else {
            (r[n / 2 - 1] + r[n / 2]) / 2.0
        }
    }

    fn min(&self) -> f64 {
        self.rates.iter().copied().fold(f64::INFINITY, f64::min)
    }

    fn max(&self) -> f64 {
        self.rates.iter().copied().fold(0.0, f64::max)
    }

    /// Nanoseconds per input byte at the median rate.
    fn ns_per_byte(&self) -> f64 {
        1e3 / self.median()
    }

    fn to_json(&self) -> Value {
        json!({
            "bytes": self.bytes,
            "iters": self.iters,
            "reps": self.rates.len(),
            "median_mb_s": self.median(),
            "min_mb_s": self.min(),
            "max_mb_s": self.max(),
            "ns_per_byte": self.ns_per_byte(),
            "cpu_mb_s": self.cpu_rate,
        })
    }
}

/// Times `work` over `bytes` of input: one warm-up run, a calibration so that one repetition
/// lasts at least `min_time`, then `reps` timed repetitions.
fn measure(bytes: usize, reps: usize, min_time: Duration, mut work: impl FnMut()) -> Stat {
    let run = |work: &mut dyn FnMut(), iters: u64| {
        let start = Instant::now();
        for _ in 0..iters {
            work();
        }
        start.elapsed()
    };
    let warm = run(&mut work, 1);
    let mut iters: u64 = 1;
    let mut elapsed = warm;
    while elapsed < min_time && iters < 1 << 24 {
        let factor = if elapsed.is_zero() {
            16.0
        } else {
            (min_time.as_secs_f64() / elapsed.as_secs_f64() * 1.2).clamp(2.0, 1000.0)
        };
        iters = ((iters as f64) * factor).ceil() as u64;
        elapsed = run(&mut work, iters);
    }
    let cpu_before = thread_cpu_ticks();
    let rates = (0..reps)
        .map(|_| {
            let t = run(&mut work, iters).as_secs_f64().max(1e-9);
            (bytes as f64) * (iters as f64) / t / 1e6
        })
        .collect();
    let cpu_rate = match (cpu_before, thread_cpu_ticks()) {
        (Some(a), Some(b)) if b > a => {
            let seconds = (b - a) as f64 / USER_HZ;
            Some((bytes as f64) * (iters as f64) * (reps as f64) / seconds / 1e6)
        }
        _ => None,
    };
    Stat {
        bytes,
        iters,
        rates,
        cpu_rate,
    }
}

/// Clock ticks per second of the times in `/proc` (`USER_HZ`, 100 on Linux).
const USER_HZ: f64 = 100.0;

/// User + system CPU time of the calling thread in clock ticks, from `/proc/thread-self/stat`.
fn thread_cpu_ticks() -> Option<u64> {
    let stat = std::fs::read_to_string("/proc/thread-self/stat").ok()?;
    let after_name = &stat[stat.rfind(')')? + 2..];
    let mut fields = after_name.split(' ').skip(11);
    let utime: u64 = fields.next()?.parse().ok()?;
    let stime: u64 = fields.next()?.parse().ok()?;
    Some(utime + stime)
}

/// `VmRSS` and `VmHWM` of this process in kB, when `/proc` has them.
fn memory_kb() -> Option<(u64, u64)> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let field = |name: &str| {
        status
            .lines()
            .find_map(|l| l.strip_prefix(name))
            .and_then(|v| v.trim().trim_end_matches("kB").trim().parse::<u64>().ok())
    };
    Some((field("VmRSS:")?, field("VmHWM:")?))
}

/// Resets `VmHWM` to the current RSS; false when the kernel does not allow it.
fn reset_peak() -> bool {
    std::fs::write("/proc/self/clear_refs", "5").is_ok()
}

/// A gazetteer built with its build time and memory.
struct Built {
    names: usize,
    gazetteer: Gazetteer,
    build: Duration,
    retained_kb: Option<u64>,
    peak_kb: Option<u64>,
}

/// Builds the default list plus `names` generated names, measuring time and memory: the TSV text
/// is generated before the clock starts and the first memory reading, so neither counts it.
fn build_gazetteer(names: usize) -> Result<Built, String> {
    let tsv = (names > 0).then(|| common::generated_list(names));
    let peak_ok = reset_peak();
    let before = memory_kb();
    let start = Instant::now();
    let mut builder = GazetteerBuilder::new().with_default_list();
    if let Some(tsv) = &tsv {
        builder = builder.add_tsv(tsv).map_err(|e| e.to_string())?;
    }
    let gazetteer = builder.build().map_err(|e| e.to_string())?;
    let build = start.elapsed();
    let after = memory_kb();
    drop(tsv);
    let (retained_kb, peak_kb) = match (before, after) {
        (Some((rss0, _)), Some((rss1, hwm1))) => (
            Some(rss1.saturating_sub(rss0)),
            peak_ok.then(|| hwm1.saturating_sub(rss0)),
        ),
        _ => (None, None),
    };
    Ok(Built {
        names,
        gazetteer,
        build,
        retained_kb,
        peak_kb,
    })
}

/// The `"text"` fields of a JSONL file, in order (lines without one are skipped).
fn jsonl_texts(path: &Path) -> Result<Vec<String>, String> {
    let data = std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
    Ok(data
        .lines()
        .filter_map(|line| serde_json::from_str::<Value>(line).ok())
        .filter_map(|v| v.get("text").and_then(|t| t.as_str()).map(str::to_owned))
        .collect())
}

/// The corpus as documents, with its label: the texts of `path`, or by default the documents of
/// the benches' corpus (`benches/common/mod.rs`): the PFSA texts, else the seed repeated.
fn corpus_docs(path: Option<&Path>) -> Result<(Vec<String>, String), String> {
    if let Some(path) = path {
        let docs = jsonl_texts(path)?;
        if docs.is_empty() {
            return Err(format!("{}: no line with a \"text\" field", path.display()));
        }
        return Ok((docs, path.display().to_string()));
    }
    let pfsa = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/data/pfsa/dev.jsonl");
    let docs = jsonl_texts(&pfsa).unwrap_or_default();
    if !docs.is_empty() {
        return Ok((docs, "pfsa-dev".to_owned()));
    }
    let copies = (3usize << 20).div_ceil(common::SEED.len() + 2);
    Ok((vec![common::SEED.to_owned(); copies], "seed-x".to_owned()))
}

/// The first `n` bytes (cut back to a char boundary) of `unit` repeated.
fn sized(unit: &str, n: usize) -> String {
    let mut text = unit.repeat(n.div_ceil(unit.len()));
    let mut end = n.min(text.len());
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    text.truncate(end);
    text
}

/// Stage id of the gazetteer with `names` generated names (0: the default list alone).
fn gazetteer_id(names: usize) -> String {
    match names {
        0 => "gazetteer".to_owned(),
        n => format!("gazetteer_{n}"),
    }
}

/// A measured row of the report.
struct Row {
    id: String,
    what: String,
    input: String,
    stat: Stat,
}

impl Row {
    fn to_json(&self) -> Value {
        let mut v = self.stat.to_json();
        v["id"] = json!(self.id);
        v["what"] = json!(self.what);
        v["input"] = json!(self.input);
        v
    }
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let options = parse_args()?;
    let (docs, label) = corpus_docs(options.corpus.as_deref())?;
    let corpus: String = docs.iter().flat_map(|d| [d.as_str(), "\n\n"]).collect();
    if options.corpus.is_none() && common::corpus() != (corpus.clone(), label.as_str()) {
        return Err("the corpus of benches/common/mod.rs changed: update corpus_docs".into());
    }

    if options.dump_corpus.is_some() || options.dump_names.is_some() {
        if let Some(path) = &options.dump_corpus {
            std::fs::write(path, &corpus).map_err(|e| format!("{}: {e}", path.display()))?;
        }
        if let Some((n, path)) = &options.dump_names {
            std::fs::write(path, common::generated_list(*n))
                .map_err(|e| format!("{}: {e}", path.display()))?;
        }
        return Ok(());
    }

    let reps = options.reps;
    let min_time = Duration::from_millis(if options.quick { 100 } else { 300 });
    let corpus_input = format!("{label} ({} bytes)", corpus.len());

    let wanted = |id: &str| options.only.is_empty() || options.only.iter().any(|o| id.contains(o));

    // Gazetteers first, while the heap holds little besides the corpus, so that the RSS deltas
    // are the gazetteers' own.
    let mut built = Vec::new();
    for n in std::iter::once(0).chain(options.names.iter().copied()) {
        if wanted(&gazetteer_id(n)) {
            built.push(build_gazetteer(n)?);
        }
    }

    let mut rows: Vec<Row> = Vec::new();
    let mut stage = |id: &str, what: &str, input: &str, bytes: usize, work: &mut dyn FnMut()| {
        if !wanted(id) {
            return;
        }
        let stat = measure(bytes, reps, min_time, work);
        if !options.json {
            eprintln!(
                "{id:<22} {:>9.2} MB/s (min {:.2}, max {:.2})",
                stat.median(),
                stat.min(),
                stat.max()
            );
        }
        rows.push(Row {
            id: id.to_owned(),
            what: what.to_owned(),
            input: input.to_owned(),
            stat,
        });
    };

    let tokenizer = Tokenizer::new();
    stage(
        "tokenize",
        "tokenizer (tokens + sentences)",
        &corpus_input,
        corpus.len(),
        &mut || {
            black_box(tokenizer.analyze(black_box(&corpus)));
        },
    );

    let classifier = Classifier::new();
    stage(
        "boilerplate",
        "boilerplate classifier",
        &corpus_input,
        corpus.len(),
        &mut || {
            black_box(classifier.classify(black_box(&corpus)));
        },
    );
    let pages = jsonl_texts(&options.pages).unwrap_or_default();
    if !pages.is_empty() {
        let bytes = pages.iter().map(String::len).sum();
        stage(
            "boilerplate_pages",
            "boilerplate classifier, scraped pages",
            &format!("{} pages ({bytes} bytes)", pages.len()),
            bytes,
            &mut || {
                for page in &pages {
                    black_box(classifier.classify(black_box(page)));
                }
            },
        );
    }

    for b in &built {
        let what = match b.names {
            0 => "gazetteer, default list".to_owned(),
            n => format!("gazetteer, default list + {n} generated names"),
        };
        stage(
            &gazetteer_id(b.names),
            &what,
            &corpus_input,
            corpus.len(),
            &mut || {
                black_box(b.gazetteer.find(black_box(&corpus)));
            },
        );
    }

    let extractor = Extractor::new();
    stage(
        "quotes",
        "quote extractor",
        &corpus_input,
        corpus.len(),
        &mut || {
            black_box(extractor.extract(black_box(&corpus)));
        },
    );

    let pipeline = Pipeline::new();
    stage(
        "pipeline",
        "whole pipeline (boilerplate, tokens, entities, quotes)",
        &corpus_input,
        corpus.len(),
        &mut || {
            black_box(pipeline.analyze(black_box(&corpus)));
        },
    );
    let docs_bytes = docs.iter().map(String::len).sum();
    stage(
        "pipeline_docs",
        "whole pipeline, one document at a time",
        &format!("{label}, {} documents ({docs_bytes} bytes)", docs.len()),
        docs_bytes,
        &mut || {
            for doc in &docs {
                black_box(pipeline.analyze(black_box(doc)));
            }
        },
    );

    // Scaling of the whole pipeline with the input size, and adversarial shapes: (name, unit
    // repeated, bytes).
    const LINE: &str = "kata Presiden Joko Widodo di Jakarta ";
    let big = if options.quick { 10 } else { 100 };
    let big_name = format!("corpus/{big}MB");
    let shapes: [(&str, &str, usize); 9] = [
        ("corpus/1KB", &corpus, 1_000),
        ("corpus/1MB", &corpus, 1_000_000),
        (&big_name, &corpus, big * 1_000_000),
        ("unmatched-quotes/1000", "“kata ", 1_000 * "“kata ".len()),
        ("unmatched-quotes/10000", "“kata ", 10_000 * "“kata ".len()),
        ("one-line/1MB", LINE, 1_000_000),
        ("one-line/10MB", LINE, 10_000_000),
        ("short-lines/10000", "Baca\n", 10_000 * "Baca\n".len()),
        ("short-lines/100000", "Baca\n", 100_000 * "Baca\n".len()),
    ];
    let mut scaling: Vec<Row> = Vec::new();
    for (name, unit, size) in shapes {
        if !wanted(name) {
            continue;
        }
        let text = sized(unit, size);
        let reps = if size >= 10_000_000 {
            reps.min(3)
        } else {
            reps
        };
        let stat = measure(text.len(), reps, min_time, || {
            black_box(pipeline.analyze(black_box(&text)));
        });
        if !options.json {
            eprintln!(
                "pipeline {name:<24} {:>9.2} MB/s {:>8.3} ns/B",
                stat.median(),
                stat.ns_per_byte()
            );
        }
        scaling.push(Row {
            id: name.to_owned(),
            what: "whole pipeline".to_owned(),
            input: format!("{} bytes", text.len()),
            stat,
        });
    }

    let builds: Vec<Value> = built
        .iter()
        .map(|b| {
            json!({
                "names": b.names,
                "build_ms": b.build.as_secs_f64() * 1e3,
                "retained_kb": b.retained_kb,
                "peak_kb": b.peak_kb,
            })
        })
        .collect();

    if options.json {
        let report = json!({
            "corpus": { "label": label, "bytes": corpus.len() },
            "reps": reps,
            "min_rep_seconds": min_time.as_secs_f64(),
            "quick": options.quick,
            "stages": rows.iter().map(Row::to_json).collect::<Vec<_>>(),
            "gazetteer_builds": builds,
            "scaling": scaling.iter().map(Row::to_json).collect::<Vec<_>>(),
        });
        println!("{report}");
        return Ok(());
    }

    println!(
        "corpus: {label}, {} bytes; medians of {reps} repetitions, MB = 10^6 bytes, one thread",
        corpus.len()
    );
    println!();
    let cpu = |stat: &Stat| {
        stat.cpu_rate
            .map_or("n/a".to_owned(), |r| format!("{r:.2}"))
    };
    println!("| stage | input | MB/s median | min | max | MB/s of CPU time |");
    println!("|---|---|---:|---:|---:|---:|");
    for r in &rows {
        println!(
            "| {} | {} | {:.2} | {:.2} | {:.2} | {} |",
            r.what,
            r.input,
            r.stat.median(),
            r.stat.min(),
            r.stat.max(),
            cpu(&r.stat)
        );
    }
    if !built.is_empty() {
        println!();
        println!("| gazetteer | build ms | retained RSS MB | peak during build MB |");
        println!("|---|---:|---:|---:|");
        let mb =
            |kb: Option<u64>| kb.map_or("n/a".to_owned(), |k| format!("{:.1}", k as f64 / 1024.0));
        for b in &built {
            let list = match b.names {
                0 => "default list".to_owned(),
                n => format!("default list + {n} names"),
            };
            println!(
                "| {list} | {:.1} | {} | {} |",
                b.build.as_secs_f64() * 1e3,
                mb(b.retained_kb),
                mb(b.peak_kb)
            );
        }
    }
    println!();
    println!("| whole pipeline on | bytes | MB/s median | ns/B | MB/s of CPU time |");
    println!("|---|---:|---:|---:|---:|");
    for r in &scaling {
        println!(
            "| {} | {} | {:.2} | {:.3} | {} |",
            r.id,
            r.stat.bytes,
            r.stat.median(),
            r.stat.ns_per_byte(),
            cpu(&r.stat)
        );
    }
    Ok(())
}
