//! The lines of one source, read in large chunks into shared buffers: a line is a range of a
//! buffer, so reading copies each byte once and allocates nothing per line. A buffer whose
//! lines are still being analysed is left to them (it is reference-counted) and the reading
//! goes on in another; buffers come back for reuse once their last line is done.

use std::io::{self, Read};
use std::ops::Range;
use std::sync::Arc;

/// Buffers kept for reuse.
const SPARE_BUFFERS: usize = 8;

/// A line: the buffer holding it and its bytes there, without the line break.
pub(crate) struct Line {
    pub(crate) buffer: Arc<Vec<u8>>,
    pub(crate) range: Range<usize>,
}

impl Line {
    pub(crate) fn bytes(&self) -> &[u8] {
        &self.buffer[self.range.clone()]
    }
}

/// Buffers of `chunk` bytes whose lines may still be in use; one is reused when nothing else
/// holds it.
pub(crate) struct Buffers {
    chunk: usize,
    spare: Vec<Arc<Vec<u8>>>,
}

impl Buffers {
    /// Buffers that read `chunk` bytes at a time (at least 1).
    pub(crate) fn new(chunk: usize) -> Self {
        Buffers {
            chunk: chunk.max(1),
            spare: Vec::new(),
        }
    }

    /// A buffer of `chunk` bytes that nothing else holds.
    fn take(&mut self) -> Arc<Vec<u8>> {
        match self
            .spare
            .iter_mut()
            .position(|b| Arc::get_mut(b).is_some())
        {
            Some(k) => self.spare.swap_remove(k),
            None => Arc::new(vec![0; self.chunk]),
        }
    }

    /// Keeps a buffer for reuse, unless it grew for a long line or enough are kept.
    fn give_back(&mut self, buffer: Arc<Vec<u8>>) {
        if buffer.len() == self.chunk && self.spare.len() < SPARE_BUFFERS {
            self.spare.push(buffer);
        }
    }
}

/// Splits one source into lines at `\n`, a `\r` before it removed; a last line without a
/// line break is a line as it is.
pub(crate) struct Lines {
    read: Box<dyn Read + Send>,
    buffer: Arc<Vec<u8>>,
    /// Start of the first line not handed out.
    pos: usize,
    /// `buffer[pos..scanned]` holds no `\n`.
    scanned: usize,
    /// End of the bytes read into `buffer`.
    filled: usize,
    eof: bool,
    /// Lines handed out.
    number: usize,
}

impl Lines {
    /// The lines of `read`.
    pub(crate) fn new(read: Box<dyn Read + Send>, buffers: &mut Buffers) -> Self {
        Lines {
            read,
            buffer: buffers.take(),
            pos: 0,
            scanned: 0,
            filled: 0,
            eof: false,
            number: 0,
        }
    }

    /// How many lines were handed out: the number of the last one.
    pub(crate) fn number(&self) -> usize {
        self.number
    }

    /// The next line already read, if any: at the end of the source, the last one even without
    /// a line break.
    pub(crate) fn buffered_line(&mut self) -> Option<Line> {
        let data = &self.buffer[..self.filled];
        if let Some(k) = memchr::memchr(b'\n', &data[self.scanned..]) {
            let newline = self.scanned + k;
            let end = if newline > self.pos && data[newline - 1] == b'\r' {
                newline - 1
            } else {
                newline
            };
            return Some(self.hand_out(end, newline + 1));
        }
        self.scanned = self.filled;
        if self.eof && self.pos < self.filled {
            return Some(self.hand_out(self.filled, self.filled));
        }
        None
    }

    /// Whether every line was handed out.
    pub(crate) fn is_done(&self) -> bool {
        self.eof && self.pos == self.filled
    }

    /// Reads on (one read). After an error the source is done: the part of a line read before
    /// it is dropped.
    pub(crate) fn read_more(&mut self, buffers: &mut Buffers) -> io::Result<()> {
        let read = self.fill(buffers);
        if read.is_err() {
            self.eof = true;
            self.pos = self.filled;
            self.scanned = self.filled;
        }
        read
    }

    /// The line from `pos` to `end`; the next one starts at `next`.
    fn hand_out(&mut self, end: usize, next: usize) -> Line {
        let line = Line {
            buffer: Arc::clone(&self.buffer),
            range: self.pos..end,
        };
        self.pos = next;
        self.scanned = next;
        self.number += 1;
        line
    }

    /// Reads more bytes after the unfinished line `buffer[pos..filled]`, first moving it to the
    /// start of a buffer that no handed-out line uses.
    fn fill(&mut self, buffers: &mut Buffers) -> io::Result<()> {
        let tail = self.pos..self.filled;
        if self.pos > 0 {
            if let Some(data) = Arc::get_mut(&mut self.buffer) {
                data.copy_within(tail.clone(), 0);
            } else {
                let mut fresh = buffers.take();
                let data = Arc::get_mut(&mut fresh).expect("a taken buffer is not shared");
                if data.len() < tail.len() {
                    data.resize(tail.len(), 0);
                }
                data[..tail.len()].copy_from_slice(&self.buffer[tail.clone()]);
                buffers.give_back(std::mem::replace(&mut self.buffer, fresh));
            }
            self.scanned -= self.pos;
            self.filled -= self.pos;
            self.pos = 0;
        }
        let chunk = buffers.chunk;
        let data = Arc::get_mut(&mut self.buffer).expect("no line uses the buffer being filled");
        if data.len() - self.filled < (chunk / 2).max(1) {
            // A line longer than half a chunk: double the buffer, so that reading it stays
            // linear.
            let len = (2 * data.len()).max(self.filled + chunk);
            data.resize(len, 0);
        }
        loop {
            match self.read.read(&mut data[self.filled..]) {
                Ok(0) => self.eof = true,
                Ok(n) => self.filled += n,
                Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
                Err(e) => return Err(e),
            }
            return Ok(());
        }
    }

    /// Gives the buffer back for reuse once the source is done.
    pub(crate) fn finish(self, buffers: &mut Buffers) {
        buffers.give_back(self.buffer);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// Hands out at most `step` bytes per read, then fails if `fail` says so.
    struct Trickle {
        data: Vec<u8>,
        at: usize,
        step: usize,
        fail: bool,
    }

    impl Read for Trickle {
        fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
            if self.at == self.data.len() && self.fail {
                return Err(io::Error::other("broken"));
            }
            let n = self.step.min(buf.len()).min(self.data.len() - self.at);
            buf[..n].copy_from_slice(&self.data[self.at..self.at + n]);
            self.at += n;
            Ok(n)
        }
    }

    /// The next line as the runner reads them: the lines already read, else one more read.
    fn next_line(lines: &mut Lines, buffers: &mut Buffers) -> io::Result<Option<Line>> {
        loop {
            if let Some(line) = lines.buffered_line() {
                return Ok(Some(line));
            }
            if lines.is_done() {
                return Ok(None);
            }
            lines.read_more(buffers)?;
        }
    }

    /// The lines as `BufRead::read_until(b'\n')` reads them: `\r\n` and `\n` end a line, a
    /// last line may have no line break (and then keeps a final `\r`).
    fn reference(data: &[u8]) -> Vec<Vec<u8>> {
        let mut lines = Vec::new();
        let mut rest = data;
        while !rest.is_empty() {
            match rest.iter().position(|&b| b == b'\n') {
                Some(k) => {
                    let line = &rest[..k];
                    lines.push(line.strip_suffix(b"\r").unwrap_or(line).to_vec());
                    rest = &rest[k + 1..];
                }
                None => {
                    lines.push(rest.to_vec());
                    rest = &[];
                }
            }
        }
        lines
    }

    /// Every line read from `data` with chunks of `chunk` bytes and reads of at most `step`,
    /// each line's buffer kept alive until `keep` later lines were read.
    fn read_all(data: &[u8], chunk: usize, step: usize, keep: usize) -> Vec<Vec<u8>> {
        let mut buffers = Buffers::new(chunk);
        let source = Trickle {
            data: data.to_vec(),
            at: 0,
            step,
            fail: false,
        };
        let mut lines = Lines::new(Box::new(source), &mut buffers);
        let mut held = std::collections::VecDeque::new();
        let mut out = Vec::new();
        while let Some(line) = next_line(&mut lines, &mut buffers).expect("no read error") {
            out.push(line.bytes().to_vec());
            held.push_back(line);
            if held.len() > keep {
                let first = held.pop_front().expect("held");
                // The bytes of a line stay the same while it is held.
                assert_eq!(first.bytes(), out[out.len() - keep - 1]);
            }
        }
        assert_eq!(lines.number(), out.len());
        out
    }

    #[test]
    fn lines_split_like_read_until() {
        let long = format!("{{\"text\":\"{}\"}}", "é".repeat(40));
        let cases: Vec<Vec<u8>> = vec![
            b"".to_vec(),
            b"\n".to_vec(),
            b"\n\n\r\n".to_vec(),
            b"a".to_vec(),
            b"a\r".to_vec(),
            b"a\r\nb\r".to_vec(),
            b"\r\r\n\r".to_vec(),
            b"satu\ndua\r\ntiga".to_vec(),
            format!("{long}\n{long}\r\n\n{long}").into_bytes(),
            b"caf\xc3\xa9\n\xff\xfe\nakhir\n".to_vec(),
        ];
        for data in &cases {
            for chunk in [1, 2, 3, 7, 8, 16, 64, 1 << 16] {
                for step in [1, 5, 1 << 20] {
                    for keep in [0, 1, 3] {
                        assert_eq!(
                            read_all(data, chunk, step, keep),
                            reference(data),
                            "{:?} chunk {chunk} step {step} keep {keep}",
                            String::from_utf8_lossy(data)
                        );
                    }
                }
            }
        }
    }

    #[test]
    fn a_read_error_ends_the_source_after_its_complete_lines() {
        let mut buffers = Buffers::new(4);
        let source = Trickle {
            data: b"satu\ndua\ntig".to_vec(),
            at: 0,
            step: 3,
            fail: true,
        };
        let mut lines = Lines::new(Box::new(source), &mut buffers);
        let mut got = Vec::new();
        let error = loop {
            match next_line(&mut lines, &mut buffers) {
                Ok(Some(line)) => got.push(line.bytes().to_vec()),
                Ok(None) => panic!("the error is reported"),
                Err(e) => break e,
            }
        };
        assert_eq!(got, [b"satu".to_vec(), b"dua".to_vec()]);
        assert_eq!(error.to_string(), "broken");
        assert_eq!(lines.number(), 2);
        assert!(next_line(&mut lines, &mut buffers).unwrap().is_none());
    }

    #[test]
    fn buffers_are_reused_once_their_lines_are_dropped() {
        let mut buffers = Buffers::new(8);
        let source = Trickle {
            data: b"a\nb\nc\nd\ne\nf\ng\nh\ni\nj\n".repeat(50),
            at: 0,
            step: 1 << 20,
            fail: false,
        };
        let mut lines = Lines::new(Box::new(source), &mut buffers);
        let mut count = 0;
        // Each line is held while the next is read, so that reading goes on in other buffers.
        let mut previous = None;
        while let Some(line) = next_line(&mut lines, &mut buffers).unwrap() {
            count += 1;
            previous = Some(line);
            assert!(
                buffers.spare.len() <= 1,
                "a buffer is reused once its lines are done"
            );
        }
        drop(previous);
        assert_eq!(count, 500);
    }

    proptest! {
        #[test]
        fn random_input_splits_like_read_until(
            data in proptest::collection::vec(
                prop_oneof![Just(b'\n'), Just(b'\r'), Just(0xc3u8), Just(0xa9u8), any::<u8>()],
                0..300,
            ),
            chunk in 1usize..40,
            step in 1usize..50,
            keep in 0usize..4,
        ) {
            prop_assert_eq!(read_all(&data, chunk, step, keep), reference(&data));
        }
    }
}
