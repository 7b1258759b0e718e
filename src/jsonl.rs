//! `warta analyze --jsonl`: JSON Lines in, one document line out per input line, in order,
//! spread over the rayon thread pool in bounded batches so memory does not grow with the input.
//!
//! Three stages overlap: a reader thread splits the sources into batches, the thread pool
//! analyses one batch at a time, and a writer thread writes the previous batch's lines. At most
//! a few batches are alive at once (the channels are bounded).

use std::borrow::Cow;
use std::io::{self, BufRead, BufReader, IsTerminal, Write};
use std::path::PathBuf;
use std::sync::mpsc::{Receiver, SyncSender, sync_channel};
use std::time::{Duration, Instant};

use rayon::prelude::*;
use serde::{Deserialize, Serialize};
use serde_json::Value;
use warta::{Document, Pipeline};

use crate::Failure;
use crate::input::{self, Source};

mod write;

/// Lines read before a batch is analysed in parallel.
const BATCH_LINES: usize = 128;
/// Bytes read before a batch is analysed in parallel, whatever its number of lines.
const BATCH_BYTES: usize = 2 << 20;

/// One input line: where it came from and its raw bytes.
struct Line {
    /// `name:line` for messages.
    origin: String,
    bytes: Vec<u8>,
}

/// Consecutive input lines, analysed together.
struct Batch {
    lines: Vec<Line>,
    bytes: usize,
}

/// The output lines of a batch, each with whether its input succeeded.
type Results = Vec<(String, bool)>;

/// The fields of an input line that the analysis reads; other fields are skipped unparsed.
/// A line this does not fit (not an object, `text` missing or not a string, a repeated field)
/// is read again as a [`Value`] ([`read_value`]): a repeated field keeps its last value, the
/// rest become error lines.
#[derive(Deserialize)]
struct Input<'a> {
    #[serde(default)]
    id: Value,
    /// Borrowed from the line unless it contains escapes.
    #[serde(borrow)]
    text: Cow<'a, str>,
}

#[derive(Serialize)]
struct ErrorLine<'a> {
    id: &'a Value,
    error: String,
}

/// Streams every source; returns how many lines (or unreadable sources) failed.
pub fn run(pipeline: &Pipeline, files: &[PathBuf]) -> Result<usize, Failure> {
    let sources = input::sources(files);
    let (batch_tx, batches) = sync_channel::<Batch>(1);
    let (results_tx, results) = sync_channel::<Results>(1);
    std::thread::scope(|scope| {
        let reader = scope.spawn(move || read_sources(&sources, &batch_tx));
        let writer = scope.spawn(move || write_results(results));
        analyze_batches(pipeline, batches, &results_tx);
        // Closing the channel ends the writer; a failed write ends the reader in turn, as the
        // batches are no longer received.
        drop(results_tx);
        let written = writer
            .join()
            .unwrap_or(Err(Failure::Output(io::Error::other(
                "the output thread stopped",
            ))));
        let unreadable = reader.join().unwrap_or(1);
        Ok(written? + unreadable)
    })
}

/// Reads the sources one after the other into batches; returns how many sources could not be
/// read (opened, or read to the end).
fn read_sources(sources: &[Source], batches: &SyncSender<Batch>) -> usize {
    let mut failed = 0;
    for source in sources {
        match source.open() {
            Ok(reader) => {
                let (unreadable, receiving) = read_source(source, BufReader::new(reader), batches);
                failed += usize::from(unreadable);
                if !receiving {
                    break;
                }
            }
            Err(message) => {
                eprintln!("warta: {message}");
                failed += 1;
            }
        }
    }
    failed
}

/// Reads one source into batches; returns whether a read error cut it short and whether the
/// batches are still being received.
fn read_source(
    source: &Source,
    mut reader: impl BufRead,
    batches: &SyncSender<Batch>,
) -> (bool, bool) {
    let name = source.name();
    let mut number = 0usize;
    let mut batch = Batch {
        lines: Vec::with_capacity(BATCH_LINES),
        bytes: 0,
    };
    let mut unreadable = false;
    loop {
        let mut bytes = Vec::new();
        let n = match reader.read_until(b'\n', &mut bytes) {
            Ok(n) => n,
            Err(e) => {
                eprintln!("warta: {name}: read error after line {number}: {e}");
                unreadable = true;
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
            batch.bytes += bytes.len();
            batch.lines.push(Line {
                origin: format!("{name}:{number}"),
                bytes,
            });
        }
        let full = batch.lines.len() >= BATCH_LINES || batch.bytes >= BATCH_BYTES;
        if (n == 0 || full) && !batch.lines.is_empty() {
            let next = Batch {
                lines: Vec::with_capacity(BATCH_LINES),
                bytes: 0,
            };
            if batches.send(std::mem::replace(&mut batch, next)).is_err() {
                return (unreadable, false);
            }
        }
        if n == 0 {
            return (unreadable, true);
        }
    }
}

/// Analyses each batch on the thread pool and hands its output lines, in input order, to the
/// writer; stops when the writer is gone.
fn analyze_batches(pipeline: &Pipeline, batches: Receiver<Batch>, results: &SyncSender<Results>) {
    let mut progress = Progress::new();
    for batch in batches {
        let out: Results = batch
            .lines
            .par_iter()
            .map(|line| process_line(pipeline, &line.origin, &line.bytes))
            .collect();
        progress.update(out.len(), batch.bytes);
        if results.send(out).is_err() {
            return;
        }
    }
    progress.finish();
}

/// Writes the output lines; returns how many inputs failed.
fn write_results(results: Receiver<Results>) -> Result<usize, Failure> {
    let stdout = io::stdout();
    let mut out = io::BufWriter::new(stdout.lock());
    let mut failed = 0;
    for batch in results {
        for (json, ok) in &batch {
            out.write_all(json.as_bytes())?;
            out.write_all(b"\n")?;
            failed += usize::from(!ok);
        }
    }
    out.flush()?;
    Ok(failed)
}

/// Turns one input line (without its line break) into its output line: the document with the
/// input's `id`, or `{"id", "error"}` whose message starts with `origin` (`name:number`).
/// Returns the line and whether the input succeeded.
///
/// ```
/// let pipeline = warta::Pipeline::new();
/// let (line, ok) = warta_cli::jsonl::process_line(&pipeline, "in.jsonl:1", br#"{"id": 7, "text": "Budi datang."}"#);
/// assert!(ok && line.starts_with(r#"{"id":7,"#));
/// let (line, ok) = warta_cli::jsonl::process_line(&pipeline, "in.jsonl:2", b"{");
/// assert!(!ok && line.contains("in.jsonl:2: invalid JSON"));
/// ```
pub fn process_line(pipeline: &Pipeline, origin: &str, bytes: &[u8]) -> (String, bool) {
    let text = match std::str::from_utf8(bytes) {
        Ok(t) => t,
        Err(e) => {
            let at = e.valid_up_to();
            return error_line(
                &Value::Null,
                format!(
                    "{}: not valid UTF-8 (first bad byte at offset {at})",
                    origin
                ),
            );
        }
    };
    let input: Input = match serde_json::from_str(text) {
        Ok(input) => input,
        Err(_) => match read_value(origin, text) {
            Ok(input) => input,
            Err(line) => return line,
        },
    };
    let id = &input.id;
    let doc = match crate::analyze_guarded(pipeline, &input.text) {
        Ok(doc) => doc,
        Err(message) => return error_line(id, format!("{origin}: {message}")),
    };
    match document_line(id, &doc) {
        Ok(json) => (json, true),
        Err(e) => error_line(id, format!("{origin}: cannot serialise the document: {e}")),
    }
}

/// The line read as a [`Value`]: a repeated field keeps its last value; the error line when
/// the line is not an object with a string `text`.
fn read_value<'a>(origin: &str, text: &str) -> Result<Input<'a>, (String, bool)> {
    let mut value: Value = match serde_json::from_str(text) {
        Ok(v) => v,
        Err(e) => {
            return Err(error_line(
                &Value::Null,
                format!("{origin}: invalid JSON: {e}"),
            ));
        }
    };
    let id = value.get_mut("id").map(Value::take).unwrap_or_default();
    match value.get_mut("text").map(Value::take) {
        Some(Value::String(body)) => Ok(Input {
            id,
            text: Cow::Owned(body),
        }),
        None => Err(error_line(&id, format!("{origin}: missing \"text\" field"))),
        Some(_) => Err(error_line(
            &id,
            format!("{origin}: \"text\" is not a string"),
        )),
    }
}

/// `{"id": …, "error": …}`.
fn error_line(id: &Value, error: String) -> (String, bool) {
    let json = serde_json::to_string(&ErrorLine { id, error })
        .unwrap_or_else(|_| String::from(r#"{"id":null,"error":"unserialisable error"}"#));
    (json, false)
}

/// The document's JSON object with the caller's `id` as its first field, as given (string,
/// number, …), then the document's own fields, written as serde_json writes them.
fn document_line(id: &Value, doc: &Document) -> serde_json::Result<String> {
    let mut out = Vec::with_capacity(4096);
    out.extend_from_slice(br#"{"id":"#);
    serde_json::to_writer(&mut out, id)?;
    out.push(b',');
    write::document_fields(&mut out, doc);
    out.push(b'}');
    // Both writers write valid UTF-8.
    Ok(String::from_utf8(out).unwrap_or_default())
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

#[cfg(test)]
mod tests {
    use super::*;

    fn line(input: &str) -> (Value, bool) {
        let pipeline = Pipeline::builder().entities(false).build();
        let (out, ok) = process_line(&pipeline, "t:1", input.as_bytes());
        (
            serde_json::from_str(&out).expect("every output line is JSON"),
            ok,
        )
    }

    #[test]
    fn the_id_comes_first_and_as_given() {
        let pipeline = Pipeline::builder().entities(false).build();
        let input = r#"{"x": [1, {"y": null}], "text": "Budi datang.", "id": {"a": [1, 2]}}"#;
        let (out, ok) = process_line(&pipeline, "t:1", input.as_bytes());
        assert!(ok);
        assert!(
            out.starts_with(r#"{"id":{"a":[1,2]},"schema_version":1,"blocks":"#),
            "{out}"
        );
        assert!(!out.contains(r#""x""#));
    }

    #[test]
    fn escaped_text_is_analysed_unescaped() {
        // `\"` and `\u00e9` are one byte and two bytes of the analysed text.
        let (out, ok) = line(r#"{"id": 1, "text": "\"Kami siap,\" kata Andr\u00e9 di Bandung."}"#);
        assert!(ok);
        let text = "\"Kami siap,\" kata André di Bandung.";
        assert_eq!(out["sentences"][0]["end"], text.len());
        assert_eq!(out["quotes"][0]["content"]["text"], "\"Kami siap,\"");
    }

    #[test]
    fn a_repeated_field_keeps_its_last_value() {
        let (out, ok) =
            line(r#"{"id": 1, "text": "x", "id": 2, "text": "Budi datang ke Bandung."}"#);
        assert!(ok);
        assert_eq!(out["id"], 2);
        assert_eq!(out["sentences"][0]["end"], "Budi datang ke Bandung.".len());
    }

    #[test]
    fn lines_without_a_string_text_are_errors_with_their_id() {
        for (input, id, error) in [
            (
                r#"{"id": 7}"#,
                serde_json::json!(7),
                "t:1: missing \"text\" field",
            ),
            (
                r#"{"id": "a", "text": 5}"#,
                serde_json::json!("a"),
                "t:1: \"text\" is not a string",
            ),
            ("[1, 2]", Value::Null, "t:1: missing \"text\" field"),
        ] {
            let (out, ok) = line(input);
            assert!(!ok, "{input}");
            assert_eq!(out["id"], id, "{input}");
            assert_eq!(out["error"], error, "{input}");
        }
        let (out, ok) = line("{");
        assert!(!ok);
        assert!(
            out["error"]
                .as_str()
                .unwrap()
                .starts_with("t:1: invalid JSON")
        );
    }
}
