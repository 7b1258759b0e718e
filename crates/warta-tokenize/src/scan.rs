//! The single-pass token scanner.

use crate::chars::{
    CLASS, CONTROL, DIGIT, LOWER, NONASCII, PUNCT, SPACE, SYMBOL, UPPER, char_at, is_ascii_alnum,
    is_emoji_start, is_separator, is_unicode_punct, is_word_char,
};
use crate::lexicon::builtin;
use crate::sentence::{LOOK_AHEAD, Marks, Sentences};
use crate::{Span, Token, TokenKind, Tokenizer};
use unicode_segmentation::UnicodeSegmentation;

/// Upper bound of look-ahead (bytes) for e-mail and domain checks, so scanning stays linear.
const LOOKAHEAD: usize = 96;

/// What the scanner keeps of each token: a whole [`Token`], or a [`Bare`] one for the
/// sentence pass, which reads only spans and kinds.
pub(crate) trait ScanToken {
    /// Whether the token keeps its clitic analysis.
    const CLITICS: bool;
    /// A token without clitic analysis.
    fn new(span: Span, kind: TokenKind) -> Self;
    /// The token's span.
    fn span(&self) -> Span;
    /// The token's kind.
    fn kind(&self) -> TokenKind;
    /// Analyses the token into its clitics, when the token keeps them.
    fn split_clitics(&mut self, tk: &Tokenizer, text: &str);
}

impl ScanToken for Token {
    const CLITICS: bool = true;
    #[inline]
    fn new(span: Span, kind: TokenKind) -> Self {
        Token {
            span,
            kind,
            words: Vec::new(),
        }
    }
    #[inline]
    fn span(&self) -> Span {
        self.span
    }
    #[inline]
    fn kind(&self) -> TokenKind {
        self.kind
    }
    #[inline]
    fn split_clitics(&mut self, tk: &Tokenizer, text: &str) {
        tk.split_clitics(text, self);
    }
}

/// A token's span and kind only (half the size of a [`Token`], nothing to drop).
#[derive(Clone, Copy)]
pub(crate) struct Bare {
    span: Span,
    kind: TokenKind,
}

impl ScanToken for Bare {
    const CLITICS: bool = false;
    #[inline]
    fn new(span: Span, kind: TokenKind) -> Self {
        Bare { span, kind }
    }
    #[inline]
    fn span(&self) -> Span {
        self.span
    }
    #[inline]
    fn kind(&self) -> TokenKind {
        self.kind
    }
    #[inline]
    fn split_clitics(&mut self, _: &Tokenizer, _: &str) {}
}

/// One maximal run of word characters (letters, digits, marks).
#[derive(Clone, Copy, Default)]
struct Seg {
    start: usize,
    end: usize,
    digits: u32,
    upper: u32,
    lower: u32,
    other: u32,
}

impl Seg {
    #[inline]
    fn chars(&self) -> u32 {
        self.digits + self.upper + self.lower + self.other
    }
    #[inline]
    fn all_digits(&self) -> bool {
        self.digits > 0 && self.chars() == self.digits
    }
    #[inline]
    fn letters_only(&self) -> bool {
        self.digits == 0
    }
    #[inline]
    fn no_lower(&self) -> bool {
        self.lower == 0 && self.other == 0
    }
}

const H: u64 = 0x8080_8080_8080_8080;
const ONES: u64 = 0x0101_0101_0101_0101;

#[cfg(test)]
std::thread_local! {
    /// Set by unit tests to compare the plain-word fast path with the general path.
    pub(crate) static GENERAL_ONLY: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// True when the plain-word fast path is off (only ever in unit tests).
#[inline(always)]
fn general_only() -> bool {
    #[cfg(test)]
    return GENERAL_ONLY.get();
    #[cfg(not(test))]
    false
}

/// The high bit of each of the eight bytes of `v` (little-endian) up to the first one that is
/// no ASCII letter, set when the byte is an ASCII letter (SWAR): `| 0x20` lower-cases the
/// upper-case ones and maps no other byte into `a..=z`; a byte >= 0x80 is never a letter and
/// may only disturb the bytes after it.
#[inline(always)]
fn ascii_letters(v: u64) -> u64 {
    let x = v | (ONES * 0x20);
    let ge_a = x.wrapping_add(ONES * (0x80 - u64::from(b'a')));
    let gt_z = x.wrapping_add(ONES * (0x80 - u64::from(b'z') - 1));
    ge_a & !gt_z & !v & H
}

/// Bit masks of the 32 bytes of `w` (bit `i` for byte `i`), from SSE2 compares: the spaces
/// (` ` only), and the bytes that stop a run of plain words: a byte that is neither an ASCII
/// letter nor a space, and a space not followed by a letter (a space at the end always stops).
/// Every bit operation stays on vectors: on the masks, the compiler would rebuild per-byte
/// vectors of them for the shift.
#[cfg(all(target_arch = "x86_64", target_feature = "sse2"))]
#[inline(always)]
fn plain_masks(w: &[u8; 32]) -> (u32, u32) {
    use safe_arch::{
        bitand_m128i as and, bitandnot_m128i as andnot, bitor_m128i as or,
        byte_shl_imm_u128_m128i as shl, byte_shr_imm_u128_m128i as shr, cmp_eq_mask_i8_m128i as eq,
        cmp_gt_mask_i8_m128i as gt, cmp_lt_mask_i8_m128i as lt, m128i,
        move_mask_i8_m128i as movemask, set_splat_i8_m128i as splat,
    };
    let (lo, hi) = w.split_at(16);
    let [lo, hi] = [lo, hi].map(|h| m128i::from(<[u8; 16]>::try_from(h).unwrap_or_default()));
    let [letters_lo, letters_hi] = [lo, hi].map(|v| {
        // Signed compares: a byte >= 0x80 stays negative under `| 0x20`, never a letter.
        let y = or(v, splat(0x20));
        and(gt(y, splat(b'a' as i8 - 1)), lt(y, splat(b'z' as i8 + 1)))
    });
    let [spaces_lo, spaces_hi] = [lo, hi].map(|v| eq(v, splat(b' ' as i8)));
    // Whether the next byte is a letter (byte shifts towards byte 0).
    let next_lo = or(shr::<1>(letters_lo), shl::<15>(letters_hi));
    let next_hi = shr::<1>(letters_hi);
    let stop =
        |letters, spaces, next| or(andnot(or(letters, spaces), splat(-1)), andnot(next, spaces));
    let stop_lo = stop(letters_lo, spaces_lo, next_lo);
    let stop_hi = stop(letters_hi, spaces_hi, next_hi);
    let join =
        |lo: m128i, hi: m128i| (movemask(lo) as u32 & 0xFFFF) | ((movemask(hi) as u32) << 16);
    (join(spaces_lo, spaces_hi), join(stop_lo, stop_hi))
}

/// End of the maximal run of word characters of `text` (whose bytes are `b`) starting at `j`.
#[inline(always)]
fn seg_end(text: &str, b: &[u8], mut j: usize) -> usize {
    while j < b.len() {
        if let Some(w) = b[j..].first_chunk::<8>() {
            // eight bytes at a time over ASCII letters
            let v = u64::from_le_bytes(*w);
            let letters = ascii_letters(v);
            if letters == H {
                j += 8;
                continue;
            }
            let lane = (!letters & H).trailing_zeros() / 8;
            j += lane as usize;
            // the byte that stopped the letters, from the load: an ASCII byte other than a
            // digit ends the run (the usual space or punctuation)
            let c = (v >> (8 * lane)) as u8;
            if c < 0x80 && !c.is_ascii_digit() {
                break;
            }
        }
        let Some(&c) = b.get(j) else {
            break;
        };
        if c < 0x80 {
            if !is_ascii_alnum(c) {
                break;
            }
            j += 1;
        } else {
            let ch = char_at(text, j);
            if !is_word_char(ch) {
                break;
            }
            j += ch.len_utf8();
        }
    }
    j
}

/// True when a byte at `e` of `b` may join the word before it to more word characters
/// (`attach_period`: the tokenizer keeps an abbreviation's period in its token).
#[inline(always)]
fn connector_at(b: &[u8], e: usize, attach_period: bool) -> bool {
    let Some(&[c, next]) = b.get(e..e + 2) else {
        return false;
    };
    if c == b' ' {
        return false;
    }
    let wordish = is_ascii_alnum(next) || next >= 0x80;
    match c {
        b'.' => wordish || attach_period,
        b'-' | b'/' | b'\'' | b'&' | b'_' | b'@' => wordish,
        b',' | b':' => b[e - 1].is_ascii_digit() && next.is_ascii_digit(),
        0xe2 => b[e..].starts_with("’".as_bytes()),
        _ => false,
    }
}

pub(crate) struct Scanner<'a, T: ScanToken> {
    /// The text up to the end of the scanned range (a char boundary), so that every look-ahead
    /// stops there.
    text: &'a str,
    /// The bytes of `text`.
    b: &'a [u8],
    tk: &'a Tokenizer,
    pub(crate) out: Vec<T>,
    /// The possible sentence ends, quote marks and line breaks, for the sentence pass.
    pub(crate) marks: Marks,
    /// The sentence pass, run behind the scan; `None` when only tokens are wanted.
    pub(crate) sentences: Option<Sentences>,
    /// The first token after the last line break at which the sentence pass may stop next.
    pending: usize,
    /// The sentence pass decided the ends before this token.
    decided: usize,
}

/// The sentence pass catches up with the scan once it lags this many tokens behind (the
/// tokens it reads are then still in the cache).
const SENTENCE_CHUNK: usize = 512;

impl<'a, T: ScanToken> Scanner<'a, T> {
    /// A scanner of `text[..end]` (`end` a char boundary) with buffers for ranges of about
    /// `len` bytes, with the sentence pass when `sentences` is true.
    pub(crate) fn new(
        tk: &'a Tokenizer,
        text: &'a str,
        end: usize,
        len: usize,
        sentences: bool,
    ) -> Self {
        let text = &text[..end];
        Scanner {
            text,
            b: text.as_bytes(),
            tk,
            out: Vec::with_capacity((len / 4 + 16).min(1 << 22)),
            marks: Marks {
                ends: Vec::with_capacity((len / 64 + 16).min(1 << 20)),
                ..Marks::default()
            },
            sentences: sentences.then(|| Sentences::with_capacity((len / 128).min(1 << 20))),
            pending: 0,
            decided: 0,
        }
    }

    /// A scanner of `text[..end]` for the sentence pass only, expecting about `sentences`
    /// sentences, working in the buffers `out` and `marks` (emptied first) kept from an earlier
    /// scanner by [`Scanner::into_buffers`].
    pub(crate) fn with_buffers(
        tk: &'a Tokenizer,
        text: &'a str,
        end: usize,
        sentences: usize,
        mut out: Vec<T>,
        mut marks: Marks,
    ) -> Self {
        let text = &text[..end];
        out.clear();
        marks.ends.clear();
        marks.quotes.clear();
        marks.breaks.clear();
        Scanner {
            text,
            b: text.as_bytes(),
            tk,
            out,
            marks,
            sentences: Some(Sentences::with_capacity(sentences.min(1 << 20))),
            pending: 0,
            decided: 0,
        }
    }

    /// The sentences found, and the token and mark buffers for [`Scanner::with_buffers`].
    pub(crate) fn into_buffers(self) -> (Vec<Span>, Vec<T>, Marks) {
        let sentences = self
            .sentences
            .map(Sentences::into_spans)
            .unwrap_or_default();
        (sentences, self.out, self.marks)
    }

    /// Makes the scanner ready for another range of `text` ending at `end` (a char boundary):
    /// the tokens of the last range are dropped, the buffers and the sentences found so far
    /// are kept.
    pub(crate) fn restart(&mut self, text: &'a str, end: usize) {
        self.text = &text[..end];
        self.b = self.text.as_bytes();
        self.out.clear();
        self.marks.ends.clear();
        self.marks.quotes.clear();
        self.marks.breaks.clear();
        if let Some(st) = &mut self.sentences {
            st.restart();
        }
        self.pending = 0;
        self.decided = 0;
    }

    /// Scans `text[start..]` and lets the sentence pass finish its sentences.
    pub(crate) fn run_sentences(&mut self, start: usize) {
        self.run(start);
        if let Some(st) = &mut self.sentences {
            self.tk
                .finish_sentences(st, self.text, &self.out, &self.marks);
        }
    }

    /// At a line break: lets the sentence pass decide the ends before the previous line
    /// break once enough tokens follow that one and enough are undecided.
    #[inline]
    fn line_break(&mut self) {
        let n = self.out.len();
        if n < self.pending + LOOK_AHEAD {
            return;
        }
        if self.pending >= self.decided + SENTENCE_CHUNK
            && let Some(st) = &mut self.sentences
        {
            self.tk
                .sentences_until(st, self.text, &self.out, &self.marks, self.pending);
            self.decided = self.pending;
        }
        self.pending = n;
    }

    #[inline]
    fn push(&mut self, start: usize, end: usize, kind: TokenKind) {
        self.push_word(start, end, kind);
        match self.b[end - 1] {
            b'.' | b'!' | b'?' => self.mark_end(),
            b'"' => self.marks.quotes.push(self.out.len() - 1),
            0x80..=0xbf => {
                self.mark_end();
                if matches!(&self.b[start..end], [0xe2, 0x80, 0x9c | 0x9d]) {
                    self.marks.quotes.push(self.out.len() - 1);
                }
            }
            _ => {}
        }
    }

    /// Pushes a token that cannot end a sentence by itself (a plain word).
    #[inline]
    fn push_word(&mut self, start: usize, end: usize, kind: TokenKind) {
        self.out.push(T::new(Span::new(start, end), kind));
    }

    /// Marks the last token as a possible sentence end.
    #[inline]
    fn mark_end(&mut self) {
        if let Some(k) = self.out.len().checked_sub(1)
            && self.marks.ends.last() != Some(&k)
        {
            self.marks.ends.push(k);
        }
    }

    /// Notes a line break after the tokens so far: a possible sentence end.
    #[inline]
    fn mark_break(&mut self) {
        self.mark_end();
        let n = self.out.len();
        if self.marks.breaks.last() != Some(&n) {
            self.marks.breaks.push(n);
        }
    }

    /// True when a word character starts at byte `i`.
    #[inline]
    fn word_at(&self, i: usize) -> bool {
        if i >= self.b.len() {
            return false;
        }
        let c = self.b[i];
        if c < 0x80 {
            is_ascii_alnum(c)
        } else {
            is_word_char(char_at(self.text, i))
        }
    }

    /// Cheap test on the bytes of the word `i..e` (at least 5 bytes): may it carry a clitic
    /// (`-nya`, `-lah`, `-kah`, `-pun`, `-ku`, `-mu`, `ku-`, `kau-`)? Branch-free, as most
    /// words do not.
    #[inline]
    fn clitic_candidate(&self, i: usize, e: usize) -> bool {
        let word = &self.b[i..e];
        let (Some(&head), Some(&tail)) = (word.first_chunk::<3>(), word.last_chunk::<3>()) else {
            return false;
        };
        let low = |w: [u8; 3]| u32::from_le_bytes([w[0], w[1], w[2], 0]) | 0x0020_2020;
        let key = |w: &[u8; 3]| u32::from_le_bytes([w[0], w[1], w[2], 0]);
        let (head, tail) = (low(head), low(tail));
        (tail == key(b"nya"))
            | (tail == key(b"lah"))
            | (tail == key(b"kah"))
            | (tail == key(b"pun"))
            | (tail >> 8 == key(b"ku\0"))
            | (tail >> 8 == key(b"mu\0"))
            | (head & 0xffff == key(b"ku\0"))
            | (head == key(b"kau"))
    }

    /// The maximal run of word characters starting at `i`.
    #[inline]
    fn seg(&self, i: usize) -> Seg {
        self.stats(i, self.b.len())
    }

    /// Character counts of the run of word characters from `i`, stopping at `limit`.
    #[inline]
    fn stats(&self, i: usize, limit: usize) -> Seg {
        let mut s = Seg {
            start: i,
            end: i,
            ..Seg::default()
        };
        let mut j = i;
        while j < limit {
            let c = self.b[j];
            match CLASS[c as usize] {
                LOWER => s.lower += 1,
                UPPER => s.upper += 1,
                DIGIT => s.digits += 1,
                NONASCII => {
                    let ch = char_at(self.text, j);
                    if !is_word_char(ch) {
                        break;
                    }
                    if ch.is_uppercase() {
                        s.upper += 1;
                    } else if ch.is_lowercase() {
                        s.lower += 1;
                    } else if ch.is_numeric() {
                        s.digits += 1;
                    } else {
                        s.other += 1;
                    }
                    j += ch.len_utf8();
                    continue;
                }
                _ => break,
            }
            j += 1;
        }
        s.end = j;
        s
    }

    fn is_tld(&self, s: Seg) -> bool {
        let len = s.end - s.start;
        if !(2..=6).contains(&len) || s.digits > 0 {
            return false;
        }
        let mut buf = [0u8; 64];
        crate::lexicon::ascii_lower(&self.text[s.start..s.end], &mut buf)
            .is_some_and(|l| builtin().tlds.contains(l))
    }

    /// From a `.` at `j`, true when a chain of lower-case domain labels ends in a known
    /// top-level label (`news.detik.com`). Bounded look-ahead.
    fn domain_chain(&self, mut j: usize) -> bool {
        let limit = (j + LOOKAHEAD).min(self.b.len());
        let mut labels = 0;
        while j < limit && self.b[j] == b'.' && labels < 6 {
            let n = self.seg(j + 1);
            if n.start == n.end || n.upper > 0 || n.other > 0 {
                return false;
            }
            if self.is_tld(n) {
                return true;
            }
            labels += 1;
            j = n.end;
        }
        false
    }

    /// An e-mail whose local part starts at `s` and has been scanned up to `j`: returns its end.
    fn try_email(&self, s: usize, j: usize) -> Option<usize> {
        let limit = (s + LOOKAHEAD).min(self.b.len());
        if !self.b[s..j].is_ascii() {
            return None;
        }
        let mut k = j;
        while k < limit
            && (self.b[k].is_ascii_alphanumeric()
                || matches!(self.b[k], b'.' | b'_' | b'%' | b'+' | b'-'))
        {
            k += 1;
        }
        if k >= limit || self.b[k] != b'@' || self.b[k - 1] == b'.' {
            return None;
        }
        let limit = (k + LOOKAHEAD).min(self.b.len());
        let mut m = k + 1;
        let mut labels = 0;
        let mut last_label;
        loop {
            let ls = m;
            while m < limit && (self.b[m].is_ascii_alphanumeric() || self.b[m] == b'-') {
                m += 1;
            }
            if m == ls {
                return None;
            }
            labels += 1;
            last_label = (ls, m);
            if m + 1 < limit && self.b[m] == b'.' && self.b[m + 1].is_ascii_alphanumeric() {
                m += 1;
            } else {
                break;
            }
        }
        let tld = &self.b[last_label.0..last_label.1];
        (labels >= 2 && tld.len() >= 2 && tld.iter().all(u8::is_ascii_alphabetic)).then_some(m)
    }

    /// A URL starting at `s` with a scheme or `www.`: returns its end.
    fn try_url(&self, s: usize) -> Option<usize> {
        let rest = &self.b[s..];
        let head = |p: &[u8]| rest.len() > p.len() && rest[..p.len()].eq_ignore_ascii_case(p);
        let body = if head(b"https://") {
            8
        } else if head(b"http://") {
            7
        } else if head(b"www.") {
            4
        } else {
            return None;
        };
        if !self.word_at(s + body) {
            return None;
        }
        let mut j = s + body;
        let mut parens = 0i32;
        while j < self.b.len() {
            let c = self.b[j];
            if c < 0x80 {
                if matches!(CLASS[c as usize], SPACE | CONTROL) || matches!(c, b'"' | b'<' | b'>') {
                    break;
                }
                if c == b'(' {
                    parens += 1;
                } else if c == b')' {
                    if parens == 0 {
                        break;
                    }
                    parens -= 1;
                }
                j += 1;
            } else {
                let ch = char_at(self.text, j);
                if is_separator(ch) || is_unicode_punct(ch) {
                    break;
                }
                j += ch.len_utf8();
            }
        }
        while j > s + body
            && matches!(
                self.b[j - 1],
                b'.' | b',' | b';' | b':' | b'!' | b'?' | b'\''
            )
        {
            j -= 1;
        }
        Some(j)
    }

    pub(crate) fn run(&mut self, start: usize) {
        let mut i = start;
        while i < self.b.len() {
            let c = self.b[i];
            match CLASS[c as usize] {
                SPACE => {
                    if c == b'\n' || c == b'\r' {
                        self.mark_break();
                        self.line_break();
                    }
                    i += 1;
                }
                CONTROL => {
                    let mut j = i + 1;
                    while j < self.b.len() && self.b[j] == c {
                        j += 1;
                    }
                    self.push(i, j, TokenKind::Symbol);
                    i = j;
                }
                LOWER | UPPER => i = self.words(i, c),
                DIGIT => {
                    // fast path: ASCII digits before white space or the end (`2024 `)
                    let e = i
                        + 1
                        + self.b[i + 1..]
                            .iter()
                            .take_while(|d| d.is_ascii_digit())
                            .count();
                    if self.b.get(e).is_none_or(|&n| CLASS[n as usize] == SPACE) {
                        self.push_word(i, e, TokenKind::Number);
                        i = e;
                    } else {
                        i = self.word(i);
                    }
                }
                PUNCT | SYMBOL => i = self.punct(i, c),
                _ => {
                    let ch = char_at(self.text, i);
                    if is_separator(ch) {
                        if matches!(ch, '\u{2028}' | '\u{2029}') {
                            self.mark_break();
                        }
                        i += ch.len_utf8();
                    } else if !is_unicode_punct(ch) && is_word_char(ch) {
                        i = self.word(i);
                    } else if is_unicode_punct(ch) {
                        let mut j = i + ch.len_utf8();
                        while j < self.b.len() && self.text[j..].starts_with(ch) {
                            j += ch.len_utf8();
                        }
                        self.push(i, j, TokenKind::Punct);
                        i = j;
                    } else {
                        let g = self.text[i..].graphemes(true).next().unwrap_or("");
                        let j = i + g.len().max(ch.len_utf8());
                        let kind = if is_emoji_start(ch) || g.contains('\u{fe0f}') {
                            TokenKind::Emoji
                        } else {
                            TokenKind::Symbol
                        };
                        self.push(i, j, kind);
                        i = j;
                    }
                }
            }
        }
    }

    /// A run of plain words starting with the ASCII letter `c` at `i`, each followed by one
    /// space and the next starting with an ASCII letter: returns where the scan goes on.
    #[inline]
    fn words(&mut self, mut i: usize, mut c: u8) -> usize {
        // The text and the setting in locals: through `self` they would be read again after
        // every push.
        let (text, b, attach_period) = (self.text, self.b, self.tk.attach_period);
        loop {
            // fast path: the words of the next 32 bytes that are plain ASCII letters, each
            // followed by one space and then the next (what the paths below do with each)
            #[cfg(all(target_arch = "x86_64", target_feature = "sse2"))]
            if let Some(w) = b.get(i..).and_then(<[u8]>::first_chunk::<32>)
                && !general_only()
            {
                // (a word of letters before a space is never a URL, which `h` or `w` would
                // start)
                let (spaces, stop) = plain_masks(w);
                // The spaces before the first stop end words (all bits when nothing stops).
                let mut ends = spaces & (stop & stop.wrapping_neg()).wrapping_sub(1);
                if ends != 0 {
                    let mut start = i;
                    while ends != 0 {
                        let e = i + ends.trailing_zeros() as usize;
                        ends &= ends - 1;
                        self.push_word(start, e, TokenKind::Word);
                        if T::CLITICS && e - start >= 5 && self.clitic_candidate(start, e) {
                            let tok = self.out.last_mut().expect("just pushed");
                            tok.split_clitics(self.tk, self.text);
                        }
                        start = e + 1;
                    }
                    // a letter: a space followed by anything else stops the words
                    i = start;
                    c = b[i];
                    continue;
                }
            }
            // fast path: a word of at most fifteen ASCII letters and a space (or a comma
            // or, without `attach_period`, a period, and a space), read from 8-byte loads
            // (what the general path below does with such a word)
            if let Some(w) = b.get(i..).and_then(<[u8]>::first_chunk::<16>)
                && !general_only()
            {
                let (lo, hi) = w.split_at(8);
                let lo = u64::from_le_bytes(lo.try_into().unwrap_or_default());
                let hi = u64::from_le_bytes(hi.try_into().unwrap_or_default());
                // (both halves counted, the second kept only after eight letters: no branch)
                let n_lo = (!ascii_letters(lo) & H).trailing_zeros() as usize / 8;
                let n_hi = (!ascii_letters(hi) & H).trailing_zeros() as usize / 8;
                let n = n_lo + if n_lo == 8 { n_hi } else { 0 };
                let url = matches!(c, b'h' | b'H' | b'w' | b'W')
                    && n > 1
                    && matches!(w[1], b't' | b'T' | b'w' | b'W');
                if n < 16 && !url {
                    // a comma after a letter joins nothing, a period before a space only
                    // with `attach_period`
                    let punct = w[n] != b' '
                        && n < 15
                        && w[n + 1] == b' '
                        && (w[n] == b',' || (w[n] == b'.' && !attach_period));
                    if w[n] == b' ' || punct {
                        let e = i + n;
                        self.push_word(i, e, TokenKind::Word);
                        if T::CLITICS && n >= 5 && self.clitic_candidate(i, e) {
                            let tok = self.out.last_mut().expect("just pushed");
                            tok.split_clitics(self.tk, self.text);
                        }
                        i = e + 1;
                        if punct {
                            self.push_word(e, i, TokenKind::Punct);
                            if w[n] == b'.' {
                                self.mark_end();
                            }
                            i += 1;
                        }
                        match b.get(i) {
                            Some(&n) if n.is_ascii_alphabetic() => c = n,
                            _ => return i,
                        }
                        continue;
                    }
                }
            }
            let e = seg_end(text, b, i);
            let after = b.get(e).copied();
            // `Rp` + amount and URLs (`http…`, `www.…`) take the slow path
            let rupiah = c == b'R' && e > i + 2 && b[i + 2].is_ascii_digit();
            let url = matches!(c, b'h' | b'H' | b'w' | b'W')
                && e > i + 1
                && matches!(b[i + 1], b't' | b'T' | b'w' | b'W');
            // (a space is never a connector)
            if rupiah || url || (after != Some(b' ') && connector_at(b, e, attach_period)) {
                if matches!(c, b'h' | b'H' | b'w' | b'W')
                    && let Some(e) = self.try_url(i)
                {
                    self.push(i, e, TokenKind::Url);
                    return e;
                }
                return self.word(i);
            }
            // fast path: a plain word
            self.push_word(i, e, TokenKind::Word);
            if T::CLITICS && e - i >= 5 && self.clitic_candidate(i, e) {
                let tok = self.out.last_mut().expect("just pushed");
                tok.split_clitics(self.tk, self.text);
            }
            // then a comma or a single period (as `punct` takes them) and one space
            i = e;
            if after != Some(b' ') {
                match after {
                    Some(b',') => self.push_word(i, i + 1, TokenKind::Punct),
                    Some(b'.') if b.get(i + 1) != Some(&b'.') => {
                        self.push_word(i, i + 1, TokenKind::Punct);
                        self.mark_end();
                    }
                    _ => return i,
                }
                i += 1;
                if b.get(i) != Some(&b' ') {
                    return i;
                }
            }
            i += 1;
            match b.get(i) {
                Some(&n) if n.is_ascii_alphabetic() => c = n,
                _ => return i,
            }
        }
    }

    /// ASCII punctuation or symbol at `i`.
    fn punct(&mut self, i: usize, c: u8) -> usize {
        let next_word = matches!(c, b'#' | b'@') && self.word_at(i + 1);
        match c {
            b'#' if next_word => {
                let e = self.handle_run(i + 1);
                self.push(i, e, TokenKind::Hashtag);
                return e;
            }
            b'@' if next_word && self.b[i + 1].is_ascii_alphanumeric() => {
                let mut e = self.handle_run(i + 1);
                while e + 1 < self.b.len()
                    && self.b[e] == b'.'
                    && self.b[e + 1].is_ascii_alphanumeric()
                {
                    e = self.handle_run(e + 1);
                }
                self.push(i, e, TokenKind::Mention);
                return e;
            }
            _ => {}
        }
        let mut j = i + 1;
        if matches!(c, b'.' | b'-' | b'`' | b'\'') {
            while j < self.b.len() && self.b[j] == c {
                j += 1;
            }
        }
        let kind = if CLASS[c as usize] == SYMBOL
            || matches!(c, b'%' | b'&' | b'*' | b'#' | b'@' | b'_' | b'\\')
        {
            TokenKind::Symbol
        } else {
            TokenKind::Punct
        };
        self.push(i, j, kind);
        j
    }

    /// Whether a hyphen between segments `last` and `n` of the word starting at `s` joins them.
    ///
    /// Kept whole: reduplication (`anak-anak`, `Undang-Undang`), names with a lower-case part
    /// (`Jae-in`), prefixes (`e-KTP`, `ke-14`, `se-Indonesia`, `Indo-Pasifik`), numbers with
    /// letters (`Covid-19`, `1960-an`) and acronym pairs (`AS-ROK`, `APBN-P`). Split as in UD
    /// Indonesian: number ranges (`19-21`), `-nya` after a name (`APBD-nya`) and two
    /// capitalised words (`Januari-September`, `RI-Jepang`).
    fn join_hyphen(&self, s: usize, last: Seg, n: Seg) -> bool {
        let right = &self.text[n.start..n.end];
        if right.eq_ignore_ascii_case("nya") {
            return false;
        }
        if last.all_digits() && n.all_digits() {
            return false;
        }
        let cap = |g: Seg| {
            g.upper > 0 && g.digits == 0 && {
                let c = char_at(self.text, g.start);
                c.is_uppercase()
            }
        };
        if !(cap(last) && cap(n)) || (last.no_lower() && n.no_lower()) {
            return true;
        }
        let left = &self.text[last.start..last.end];
        if left.eq_ignore_ascii_case(right) || last.start != s {
            return true;
        }
        matches!(
            left,
            "Indo"
                | "Sino"
                | "Afro"
                | "Euro"
                | "Anglo"
                | "Franco"
                | "Austro"
                | "Pan"
                | "Trans"
                | "Pro"
                | "Anti"
                | "Non"
                | "Pra"
                | "Pasca"
                | "Eks"
                | "Al"
                | "El"
                | "Ad"
                | "An"
                | "Ar"
                | "As"
                | "At"
                | "Az"
                | "Ash"
        )
    }

    /// A run of ASCII letters, digits and underscores (hashtags and mentions).
    fn handle_run(&self, mut j: usize) -> usize {
        while j < self.b.len() {
            let c = self.b[j];
            if c.is_ascii_alphanumeric() || c == b'_' {
                j += 1;
            } else if c >= 0x80 {
                let ch = char_at(self.text, j);
                if !is_word_char(ch) {
                    break;
                }
                j += ch.len_utf8();
            } else {
                break;
            }
        }
        j
    }

    /// A word, number or domain starting at `s`.
    fn word(&mut self, s: usize) -> usize {
        if self.b[s] == b'R'
            && s + 2 < self.b.len()
            && self.b[s + 1] == b'p'
            && self.b[s + 2].is_ascii_digit()
        {
            // Rp1.500.000: the currency and the amount, as in UD Indonesian
            self.push(s, s + 2, TokenKind::Symbol);
            return s + 2;
        }
        let first = self.seg(s);
        let mut last = first;
        let mut j = first.end;
        let mut nsegs = 1u32;
        let mut dotted = false;
        let mut url = false;
        let mut letters = first.chars() - first.digits > 0;
        let mut marks = first.other > 0;
        loop {
            if j + 1 >= self.b.len() {
                break;
            }
            let c = self.b[j];
            let next = match c {
                b'.' | b',' | b'-' | b'/' | b':' | b'\'' | b'&' | b'_' | b'@' => j + 1,
                0xe2 if self.b[j..].starts_with("’".as_bytes()) => j + 3,
                _ => break,
            };
            if !self.word_at(next) {
                if matches!(c, b'.' | b'_')
                    && let Some(e) = self.try_email(s, j)
                {
                    self.push(s, e, TokenKind::Email);
                    return e;
                }
                break;
            }
            let n = self.seg(next);
            let last_digit = self.b[last.end - 1].is_ascii_digit();
            let join = match c {
                b'.' => {
                    let d = last_digit && n.all_digits();
                    let caps_num = last.no_lower() && last.chars() >= 2 && n.all_digits();
                    let dom = !d
                        && ((url && n.upper == 0)
                            || self.is_tld(n)
                            || (last.upper == 0 && self.domain_chain(j)));
                    let abbr = last.letters_only()
                        && n.letters_only()
                        && last.chars() <= 3
                        && n.chars() <= 3
                        && (last.chars() == 1 || n.chars() == 1)
                        && n.end < self.b.len()
                        && self.b[n.end] == b'.';
                    if dom {
                        url = true;
                    }
                    if abbr && !d && !dom {
                        dotted = true;
                    }
                    d || caps_num || dom || abbr
                }
                b',' | b':' => last_digit && n.all_digits(),
                b'-' => self.join_hyphen(s, last, n),
                // dates and references (19/2/2022, S/A, 34/PMK.011/2007) stay whole; two
                // words (MPR/DPR, dan/atau) are split as in UD Indonesian
                b'/' => {
                    (last.all_digits() && n.all_digits())
                        || last.chars() <= 2
                        || n.chars() <= 2
                        || last.digits > 0
                        || n.digits > 0
                }
                b'_' => true,
                b'&' => last.no_lower() && n.no_lower() && last.chars() <= 4 && n.chars() <= 4,
                b'@' => {
                    if let Some(e) = self.try_email(s, j) {
                        self.push(s, e, TokenKind::Email);
                        return e;
                    }
                    false
                }
                // apostrophe between letters: Ka'ban, Ma’ruf, Moody's
                _ => !last_digit && n.letters_only(),
            };
            if !join {
                if c == b'.'
                    && let Some(e) = self.try_email(s, j)
                {
                    self.push(s, e, TokenKind::Email);
                    return e;
                }
                break;
            }
            letters |= n.chars() > n.digits;
            marks |= n.other > 0;
            last = n;
            j = n.end;
            nsegs += 1;
        }
        // Trailing period of an abbreviation or an initial.
        if j < self.b.len()
            && self.b[j] == b'.'
            && !(j + 1 < self.b.len() && self.b[j + 1] == b'.')
            && !url
            && (dotted
                || (self.tk.attach_period
                    && ((nsegs == 1 && first.chars() == 1 && first.upper == 1)
                        || self.tk.abbrev_class(&self.text[s..j]).is_some())))
        {
            self.push(s, j + 1, TokenKind::Word);
            return j + 1;
        }
        let kind = if url {
            TokenKind::Url
        } else if !letters {
            TokenKind::Number
        } else if marks && self.text[s..j].contains('\u{20e3}') {
            TokenKind::Emoji
        } else {
            TokenKind::Word
        };
        self.push(s, j, kind);
        if T::CLITICS && kind == TokenKind::Word {
            let tok = self.out.last_mut().expect("just pushed");
            tok.split_clitics(self.tk, self.text);
        }
        j
    }
}
