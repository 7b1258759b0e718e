//! `warta analyze --jsonl`: JSON Lines in, one document line out per input line, in order,
//! spread over the rayon thread pool in bounded batches so memory does not grow with the input.

use std::io::{self, BufRead, BufReader, IsTerminal, Write};
use std::path::PathBuf;
use std::time::{Duration, Instant};

use rayon::prelude::*;
use serde::Serialize;
use serde_json::Value;
use warta::{Document, Pipeline};

use crate::Failure;
use crate::input::{self, Source};

/// Lines read before a batch is analysed in parallel.
const BATCH_LINES: usize = 512;
/// Bytes read before a batch is analysed in parallel, whatever its number of lines.
const BATCH_BYTES: usize = 8 << 20;

/// One input line: where it came from and its raw bytes.
struct Line {
    /// `name:line` for messages.
    origin: String,
    bytes: Vec<u8>,
}

/// A document with the caller's id as it was given (string, number, …).
#[derive(Serialize)]
struct Output<'a> {
    id: &'a Value,
    #[serde(flatten)]
    doc: &'a Document,
}

#[derive(Serialize)]
struct ErrorLine<'a> {
    id: &'a Value,
    error: String,
}

/// Streams every source; returns how many lines (or unreadable sources) failed.
pub(crate) fn run(pipeline: &Pipeline, files: &[PathBuf]) -> Result<usize, Failure> {
    let stdout = io::stdout();
    let mut out = io::BufWriter::new(stdout.lock());
    let mut progress = Progress::new();
    let mut failed = 0;
    for source in input::sources(files) {
        let reader = match source.open() {
            Ok(r) => r,
            Err(message) => {
                eprintln!("warta: {message}");
                failed += 1;
                continue;
            }
        };
        failed += run_source(
            pipeline,
            &source,
            BufReader::new(reader),
            &mut out,
            &mut progress,
        )?;
    }
    out.flush()?;
    progress.finish();
    Ok(failed)
}

fn run_source(
    pipeline: &Pipeline,
    source: &Source,
    mut reader: impl BufRead,
    out: &mut impl Write,
    progress: &mut Progress,
) -> Result<usize, Failure> {
    let name = source.name();
    let mut failed = 0;
    let mut number = 0usize;
    let mut batch: Vec<Line> = Vec::with_capacity(BATCH_LINES);
    let mut batch_bytes = 0;
    loop {
        let mut bytes = Vec::new();
        let n = match reader.read_until(b'\n', &mut bytes) {
            Ok(n) => n,
            Err(e) => {
                eprintln!("warta: {name}: read error after line {number}: {e}");
                failed += 1;
                0
            }
        };
        if n > 0 {
            number += 1;
            if bytes.last() == Some(&b'\n') {
                bytes.pop();
                if bytes.last() == Some(&b'\r') {
                    bytes.pop();
                }
            }
            batch_bytes += bytes.len();
            batch.push(Line {
                origin: format!("{name}:{number}"),
                bytes,
            });
        }
        if n == 0 || batch.len() >= BATCH_LINES || batch_bytes >= BATCH_BYTES {
            let results: Vec<(String, bool)> = batch
                .par_iter()
                .map(|line| process(pipeline, line))
                .collect();
            for (json, ok) in &results {
                out.write_all(json.as_bytes())?;
                out.write_all(b"\n")?;
                if !ok {
                    failed += 1;
                }
            }
            progress.update(results.len(), batch_bytes);
            batch.clear();
            batch_bytes = 0;
        }
        if n == 0 {
            return Ok(failed);
        }
    }
}

/// Analyses one line; returns the output line and whether it succeeded.
fn process(pipeline: &Pipeline, line: &Line) -> (String, bool) {
    let fail = |id: &Value, error: String| {
        let json = serde_json::to_string(&ErrorLine { id, error })
            .unwrap_or_else(|_| String::from(r#"{"id":null,"error":"unserialisable error"}"#));
        (json, false)
    };
    let text = match std::str::from_utf8(&line.bytes) {
        Ok(t) => t,
        Err(e) => {
            let at = e.valid_up_to();
            return fail(
                &Value::Null,
                format!(
                    "{}: not valid UTF-8 (first bad byte at offset {at})",
                    line.origin
                ),
            );
        }
    };
    let value: Value = match serde_json::from_str(text) {
        Ok(v) => v,
        Err(e) => return fail(&Value::Null, format!("{}: invalid JSON: {e}", line.origin)),
    };
    let id = value.get("id").unwrap_or(&Value::Null);
    let Some(body) = value.get("text") else {
        return fail(id, format!("{}: missing \"text\" field", line.origin));
    };
    let Some(body) = body.as_str() else {
        return fail(id, format!("{}: \"text\" is not a string", line.origin));
    };
    let doc = match crate::analyze_guarded(pipeline, body) {
        Ok(doc) => doc,
        Err(message) => return fail(id, format!("{}: {message}", line.origin)),
    };
    match serde_json::to_string(&Output { id, doc: &doc }) {
        Ok(json) => (json, true),
        Err(e) => fail(
            id,
            format!("{}: cannot serialise the document: {e}", line.origin),
        ),
    }
}

/// A progress line on stderr, only when stderr is a terminal.
struct Progress {
    enabled: bool,
    started: Instant,
    last: Instant,
    docs: usize,
    bytes: usize,
}

impl Progress {
    fn new() -> Self {
        let now = Instant::now();
        Progress {
            enabled: io::stderr().is_terminal(),
            started: now,
            last: now,
            docs: 0,
            bytes: 0,
        }
    }

    fn update(&mut self, docs: usize, bytes: usize) {
        self.docs += docs;
        self.bytes += bytes;
        if self.enabled && self.last.elapsed() >= Duration::from_secs(1) {
            self.last = Instant::now();
            self.print();
        }
    }

    fn print(&self) {
        let secs = self.started.elapsed().as_secs_f64().max(1e-9);
        let mb = self.bytes as f64 / 1e6;
        eprint!(
            "\rwarta: {} documents, {:.1} MB, {:.1} MB/s   ",
            self.docs,
            mb,
            mb / secs
        );
    }

    fn finish(&self) {
        if self.enabled && self.started.elapsed() >= Duration::from_secs(1) {
            self.print();
            eprintln!();
        }
    }
}
