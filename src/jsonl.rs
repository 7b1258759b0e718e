//! `warta analyze --jsonl`: JSON Lines in, one document line out per input line, in order,
//! spread over the rayon thread pool with bounded memory whatever the length of the input.
//!
//! Every thread of the pool runs the same loop: take the next input line, analyse it, hand its
//! output line over for writing. There is no reader or writer thread: the input is read in
//! chunks ([`lines`]) into a queue of lines by a thread that finds the queue running low
//! (before it is empty, so that the others rarely wait for the reading), and the output lines
//! are written, in input order, by the thread that finishes the next one to write. A thread
//! takes no line more than [`WINDOW`] lines ahead of the output (or while the lines waiting for
//! an earlier one hold [`WAITING_BYTES`]), so memory does not grow with the input.

use std::borrow::Cow;
use std::collections::VecDeque;
use std::fmt;
use std::io::{self, BufWriter, IsTerminal, Write};
use std::path::PathBuf;
use std::sync::{Condvar, Mutex, MutexGuard, PoisonError, TryLockError};
use std::time::{Duration, Instant};

use serde::{Deserialize, Serialize};
use serde_json::Value;
use warta::{Document, Pipeline};

use crate::Failure;
use crate::input::{self, Source};

mod lines;
mod write;

use lines::{Buffers, Line, Lines};

/// Bytes read from a source at a time.
const CHUNK: usize = 64 << 10;
/// A thread that takes a line and leaves fewer in the queue reads on, unless another is.
const READ_AHEAD: usize = 4;
/// How far (in lines) a thread may run ahead of the next line to write.
const WINDOW: usize = 64;
/// Output bytes that may wait for an earlier line before threads stop taking new lines.
const WAITING_BYTES: usize = 8 << 20;
/// Output bytes gathered before they are written.
const OUTPUT_BUFFER: usize = 64 << 10;
/// The first capacity of a thread's output line (most documents' lines are shorter).
const LINE_CAPACITY: usize = 64 << 10;
/// Output buffers kept for reuse per thread, and the largest one kept (at most 2 MiB each).
const SPARE_OUTPUTS: usize = 16;
const SPARE_OUTPUT_BYTES: usize = 2 * LINE_CAPACITY;

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
    let names: Vec<String> = sources.iter().map(Source::name).collect();
    let shared = Shared {
        queue: Mutex::new(Queue::default()),
        input: Mutex::new(Reader::new(&sources)),
        output: Mutex::new(Output::new(rayon::current_num_threads())),
        room: Condvar::new(),
    };
    rayon::broadcast(|thread| work(pipeline, &shared, &names, thread.index()));
    let unreadable = lock(&shared.input).failed;
    let mut output = lock(&shared.output);
    if let Some(e) = output.error.take() {
        return Err(e.into());
    }
    output.out.flush()?;
    output.progress.finish();
    Ok(output.failed + unreadable)
}

/// What the threads share. A thread holds two locks at once only as `input` then `queue`, and
/// waits for room holding neither.
struct Shared<'a> {
    /// The lines read and not yet taken.
    queue: Mutex<Queue>,
    input: Mutex<Reader<'a>>,
    output: Mutex<Output>,
    /// Signalled when lines were written: a thread waiting for room may take a line.
    room: Condvar,
}

fn lock<T>(mutex: &Mutex<T>) -> MutexGuard<'_, T> {
    mutex.lock().unwrap_or_else(PoisonError::into_inner)
}

/// One thread's loop: the next line, its analysis, its output line, until the input ends or
/// the output fails.
fn work(pipeline: &Pipeline, shared: &Shared, names: &[String], thread: usize) {
    let _stop = StopOnPanic(shared);
    let mut line = Vec::with_capacity(LINE_CAPACITY);
    while let Some(job) = shared.take() {
        line.clear();
        let origin = Origin {
            name: &names[job.source],
            number: job.number,
        };
        let ok = process_into(pipeline, &origin, job.line.bytes(), &mut line);
        line.push(b'\n');
        let done = Done {
            ok,
            input_bytes: job.line.range.len(),
        };
        drop(job.line);
        shared.hand_over(job.seq, &mut line, done, thread);
    }
}

/// Stops the other threads when this one unwinds (a bug outside the guarded analysis), as they
/// would wait for its line forever; the panic itself reaches the main thread.
struct StopOnPanic<'a, 'b>(&'a Shared<'b>);

impl Drop for StopOnPanic<'_, '_> {
    fn drop(&mut self) {
        if std::thread::panicking() {
            lock(&self.0.output)
                .error
                .get_or_insert_with(|| io::Error::other("a thread stopped"));
            self.0.room.notify_all();
        }
    }
}

/// The lines read and not yet taken, in input order.
#[derive(Default)]
struct Queue {
    jobs: VecDeque<Job>,
    /// The place of the next line read.
    next: usize,
    /// Whether the input has ended.
    ended: bool,
}

impl Shared<'_> {
    /// The next line of the input, once there is room for its output; `None` at the end of
    /// the input or when the output failed.
    fn take(&self) -> Option<Job> {
        loop {
            let seq = {
                let queue = lock(&self.queue);
                match queue.jobs.front() {
                    Some(job) => job.seq,
                    None if queue.ended => return None,
                    None => {
                        drop(queue);
                        self.read(true);
                        continue;
                    }
                }
            };
            if !self.wait_for_room(seq) {
                return None;
            }
            let mut queue = lock(&self.queue);
            if queue.jobs.front().is_none_or(|job| job.seq != seq) {
                // Another thread took it meanwhile.
                continue;
            }
            let job = queue.jobs.pop_front();
            let low = queue.jobs.len() < READ_AHEAD && !queue.ended;
            drop(queue);
            if low {
                self.read(false);
            }
            return job;
        }
    }

    /// Reads the next lines into the queue. With `wait` false, only if no other thread is
    /// reading; with `wait` true (the queue was empty), after the thread reading, if any, and
    /// only if the queue is still empty then.
    fn read(&self, wait: bool) {
        let mut input = match self.input.try_lock() {
            Ok(input) => input,
            Err(TryLockError::Poisoned(input)) => input.into_inner(),
            Err(TryLockError::WouldBlock) if wait => lock(&self.input),
            Err(TryLockError::WouldBlock) => return,
        };
        if wait {
            let queue = lock(&self.queue);
            if !queue.jobs.is_empty() || queue.ended {
                return;
            }
        }
        let mut lines = std::mem::take(&mut input.lines);
        let more = input.read_lines(&mut lines);
        let mut queue = lock(&self.queue);
        for (source, number, line) in lines.drain(..) {
            let seq = queue.next;
            queue.next += 1;
            queue.jobs.push_back(Job {
                seq,
                source,
                number,
                line,
            });
        }
        queue.ended = !more;
        input.lines = lines;
    }

    /// Waits until line `seq` may be taken; false when the output failed.
    fn wait_for_room(&self, seq: usize) -> bool {
        let mut output = lock(&self.output);
        while output.error.is_none()
            && seq > output.next
            && (seq - output.next >= WINDOW || output.waiting_bytes > WAITING_BYTES)
        {
            output.sleeping += 1;
            output = self
                .room
                .wait(output)
                .unwrap_or_else(PoisonError::into_inner);
            output.sleeping -= 1;
        }
        output.error.is_none()
    }

    /// Writes the output line of input line `seq` when its turn has come, with the lines after
    /// it that are done; else keeps it until then and gives `line` another buffer of `thread`.
    /// Buffers go back to the thread that filled them, so that each grows (is reallocated) only
    /// on its own thread: the allocator would not reuse a block freed by another soon.
    fn hand_over(&self, seq: usize, line: &mut Vec<u8>, done: Done, thread: usize) {
        let mut output = lock(&self.output);
        if output.error.is_some() {
            return;
        }
        let ahead = seq - output.next;
        if ahead > 0 {
            if output.waiting.len() < ahead {
                output.waiting.resize_with(ahead, || None);
            }
            let other = output.spare[thread]
                .pop()
                .unwrap_or_else(|| Vec::with_capacity(LINE_CAPACITY));
            let full = std::mem::replace(line, other);
            output.waiting_bytes += full.len();
            output.waiting[ahead - 1] = Some(Waiting {
                line: full,
                done,
                thread,
            });
            return;
        }
        output.write(line, done);
        while let Some(Some(_)) = output.waiting.front() {
            let Some(Some(mut waited)) = output.waiting.pop_front() else {
                break;
            };
            output.waiting_bytes -= waited.line.len();
            output.write(&waited.line, waited.done);
            let spare = &mut output.spare[waited.thread];
            if waited.line.capacity() <= SPARE_OUTPUT_BYTES && spare.len() < SPARE_OUTPUTS {
                waited.line.clear();
                spare.push(waited.line);
            }
        }
        if output.sleeping > 0 {
            self.room.notify_all();
        }
    }
}

/// `name:number` of an input line, for messages.
struct Origin<'a> {
    name: &'a str,
    number: usize,
}

impl fmt::Display for Origin<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}", self.name, self.number)
    }
}

/// An input line to analyse: its place in the whole input, its source and number there.
struct Job {
    seq: usize,
    source: usize,
    number: usize,
    line: Line,
}

/// The sources, read one after the other.
struct Reader<'a> {
    sources: &'a [Source],
    /// The next source to open.
    next_source: usize,
    /// The source being read, and its index.
    current: Option<(usize, Lines)>,
    buffers: Buffers,
    /// The lines of one read, passed to the queue (kept for its allocation).
    lines: Vec<(usize, usize, Line)>,
    /// Sources that could not be opened or read to the end.
    failed: usize,
}

impl<'a> Reader<'a> {
    fn new(sources: &'a [Source]) -> Self {
        Reader {
            sources,
            next_source: 0,
            current: None,
            buffers: Buffers::new(CHUNK),
            lines: Vec::new(),
            failed: 0,
        }
    }

    /// Reads on until at least one more line is complete, and appends every line read
    /// (source, line number, line) to `out`; false when the input has ended. Reports the
    /// sources that cannot be opened or read on stderr.
    fn read_lines(&mut self, out: &mut Vec<(usize, usize, Line)>) -> bool {
        loop {
            let Some((source, lines)) = &mut self.current else {
                let Some(source) = self.sources.get(self.next_source) else {
                    return false;
                };
                match source.open() {
                    Ok(read) => {
                        let lines = Lines::new(read, &mut self.buffers);
                        self.current = Some((self.next_source, lines));
                    }
                    Err(message) => {
                        eprintln!("warta: {message}");
                        self.failed += 1;
                    }
                }
                self.next_source += 1;
                continue;
            };
            if lines.is_done() {
                if let Some((_, lines)) = self.current.take() {
                    lines.finish(&mut self.buffers);
                }
                continue;
            }
            if let Err(e) = lines.read_more(&mut self.buffers) {
                eprintln!(
                    "warta: {}: read error after line {}: {e}",
                    self.sources[*source].name(),
                    lines.number()
                );
                self.failed += 1;
                continue;
            }
            let before = out.len();
            while let Some(line) = lines.buffered_line() {
                out.push((*source, lines.number(), line));
            }
            if out.len() > before {
                return true;
            }
        }
    }
}

/// An output line waiting for an earlier one, and the thread whose buffer it is.
struct Waiting {
    line: Vec<u8>,
    done: Done,
    thread: usize,
}

/// How an output line's input went.
struct Done {
    ok: bool,
    input_bytes: usize,
}

/// The output: the lines written so far and those waiting for an earlier one.
struct Output {
    out: BufWriter<io::Stdout>,
    /// The place of the next line to write.
    next: usize,
    /// The output lines of the places after `next` that are done.
    waiting: VecDeque<Option<Waiting>>,
    waiting_bytes: usize,
    /// Buffers of written lines, for reuse by the thread that filled them.
    spare: Vec<Vec<Vec<u8>>>,
    /// Threads waiting for room.
    sleeping: usize,
    failed: usize,
    error: Option<io::Error>,
    progress: Progress,
}

impl Output {
    fn new(threads: usize) -> Self {
        Output {
            out: BufWriter::with_capacity(OUTPUT_BUFFER, io::stdout()),
            next: 0,
            waiting: VecDeque::new(),
            waiting_bytes: 0,
            spare: vec![Vec::new(); threads],
            sleeping: 0,
            failed: 0,
            error: None,
            progress: Progress::new(),
        }
    }

    /// Writes the output line of place `next` (with its line break).
    fn write(&mut self, line: &[u8], done: Done) {
        self.next += 1;
        if self.error.is_some() {
            return;
        }
        if let Err(e) = self.out.write_all(line) {
            self.error = Some(e);
            return;
        }
        self.failed += usize::from(!done.ok);
        self.progress.update(1, done.input_bytes);
    }
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
    let mut out = Vec::new();
    let ok = process_into(pipeline, &origin, bytes, &mut out);
    // Both JSON writers write valid UTF-8.
    (String::from_utf8(out).unwrap_or_default(), ok)
}

/// [`process_line`] appending the output line to `out`; `origin` is formatted only for an
/// error.
fn process_into(
    pipeline: &Pipeline,
    origin: &dyn fmt::Display,
    bytes: &[u8],
    out: &mut Vec<u8>,
) -> bool {
    let text = match std::str::from_utf8(bytes) {
        Ok(t) => t,
        Err(e) => {
            let at = e.valid_up_to();
            return error_line(
                out,
                &Value::Null,
                format!("{origin}: not valid UTF-8 (first bad byte at offset {at})"),
            );
        }
    };
    let input: Input = match serde_json::from_str(text) {
        Ok(input) => input,
        Err(_) => match read_value(text) {
            Ok(input) => input,
            Err((id, message)) => return error_line(out, &id, format!("{origin}: {message}")),
        },
    };
    let id = &input.id;
    let doc = match crate::analyze_guarded(pipeline, &input.text) {
        Ok(doc) => doc,
        Err(message) => return error_line(out, id, format!("{origin}: {message}")),
    };
    match document_line(out, id, &doc) {
        Ok(()) => true,
        Err(e) => error_line(
            out,
            id,
            format!("{origin}: cannot serialise the document: {e}"),
        ),
    }
}

/// The line read as a [`Value`]: a repeated field keeps its last value; the id and the error
/// message (without the origin) when the line is not an object with a string `text`.
fn read_value<'a>(text: &str) -> Result<Input<'a>, (Value, String)> {
    let mut value: Value = match serde_json::from_str(text) {
        Ok(v) => v,
        Err(e) => return Err((Value::Null, format!("invalid JSON: {e}"))),
    };
    let id = value.get_mut("id").map(Value::take).unwrap_or_default();
    match value.get_mut("text").map(Value::take) {
        Some(Value::String(body)) => Ok(Input {
            id,
            text: Cow::Owned(body),
        }),
        None => Err((id, "missing \"text\" field".to_owned())),
        Some(_) => Err((id, "\"text\" is not a string".to_owned())),
    }
}

/// Appends `{"id": …, "error": …}` to `out`; returns false (the input failed).
fn error_line(out: &mut Vec<u8>, id: &Value, error: String) -> bool {
    let start = out.len();
    if serde_json::to_writer(&mut *out, &ErrorLine { id, error }).is_err() {
        out.truncate(start);
        out.extend_from_slice(br#"{"id":null,"error":"unserialisable error"}"#);
    }
    false
}

/// Appends the document's JSON object to `out` with the caller's `id` as its first field, as
/// given (string, number, …), then the document's own fields, written as serde_json writes
/// them. On an error `out` is left as it was.
fn document_line(out: &mut Vec<u8>, id: &Value, doc: &Document) -> serde_json::Result<()> {
    let start = out.len();
    out.extend_from_slice(br#"{"id":"#);
    if let Err(e) = serde_json::to_writer(&mut *out, id) {
        out.truncate(start);
        return Err(e);
    }
    out.push(b',');
    write::document_fields(out, doc);
    out.push(b'}');
    Ok(())
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
