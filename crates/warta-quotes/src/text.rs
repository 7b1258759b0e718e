//! Low-level scanning: words, quote marks, sentence starts. Every function works on byte
//! positions that lie on char boundaries and never reads outside the given limits.

/// A word: `start..end` in the text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Word {
    pub start: usize,
    pub end: usize,
}

impl Word {
    pub(crate) fn str<'a>(&self, text: &'a str) -> &'a str {
        &text[self.start..self.end]
    }
}

/// The words of a mention run with their lexicon flags, kept on the stack: a run holds at
/// most 24 words and one bracketed group of at most four (see `mention.rs`).
#[derive(Debug, Clone, Copy)]
pub(crate) struct Words {
    buf: [Word; Words::CAP],
    flags: [u16; Words::CAP],
    len: usize,
}

impl Words {
    /// Room for 24 words and a bracketed group of four.
    pub(crate) const CAP: usize = 28;

    /// No words.
    pub(crate) fn new() -> Words {
        Words {
            buf: [Word { start: 0, end: 0 }; Words::CAP],
            flags: [0; Words::CAP],
            len: 0,
        }
    }

    /// Appends `w` with its flags `f`; the callers never reach [`Words::CAP`] (a word beyond
    /// it is dropped).
    #[inline]
    pub(crate) fn push(&mut self, w: Word, f: u16) {
        if self.len < Words::CAP {
            self.buf[self.len] = w;
            self.flags[self.len] = f;
            self.len += 1;
        }
    }

    /// The flags of the words, in order.
    #[inline]
    pub(crate) fn flags(&self) -> &[u16] {
        &self.flags[..self.len]
    }

    /// Reverses the order of the words.
    pub(crate) fn reverse(&mut self) {
        self.buf[..self.len].reverse();
        self.flags[..self.len].reverse();
    }

    /// Drops the first word.
    pub(crate) fn remove_first(&mut self) {
        if self.len > 0 {
            self.buf.copy_within(1..self.len, 0);
            self.flags.copy_within(1..self.len, 0);
            self.len -= 1;
        }
    }
}

impl std::ops::Deref for Words {
    type Target = [Word];

    fn deref(&self) -> &[Word] {
        &self.buf[..self.len]
    }
}

/// The char starting at `pos`.
#[inline]
pub(crate) fn char_at(text: &str, pos: usize) -> Option<char> {
    match text.as_bytes().get(pos) {
        Some(&b) if b < 0x80 => Some(char::from(b)),
        _ => text.get(pos..).and_then(|s| s.chars().next()),
    }
}

/// The char ending at `pos`.
#[inline]
pub(crate) fn char_before(text: &str, pos: usize) -> Option<char> {
    let bytes = text.as_bytes();
    match pos.checked_sub(1).and_then(|p| bytes.get(p)) {
        // An ASCII byte before `pos` makes `pos` a char boundary in UTF-8.
        Some(&b) if b < 0x80 && pos <= bytes.len() => Some(char::from(b)),
        _ => text.get(..pos).and_then(|s| s.chars().next_back()),
    }
}

/// True when the word at `at` opens its sentence: the paragraph's start or a sentence end, a
/// quote mark, a colon or a dash before it.
#[inline]
pub(crate) fn opens_sentence(text: &str, at: usize, para_start: usize) -> bool {
    let before = skip_ws_back(text, at, para_start);
    before == para_start
        || matches!(
            char_before(text, before),
            Some('.' | '!' | '?' | '“' | '”' | '"' | ':' | '—')
        )
}

/// Where the `(` of the bracket group whose `)` ends at `q` opens, looked for in the `within`
/// bytes before it and not before `floor` (`Badan Penanggulangan Bencana Daerah (BPBD)`).
#[inline]
pub(crate) fn bracket_open_before(
    text: &str,
    q: usize,
    floor: usize,
    within: usize,
) -> Option<usize> {
    let window = &text.as_bytes()[q.saturating_sub(within).max(floor)..q - 1];
    memchr::memrchr(b'(', window).map(|i| q - 1 - window.len() + i)
}

#[inline]
fn is_word_char(c: char) -> bool {
    c.is_alphanumeric()
}

#[inline]
fn is_joiner(c: char) -> bool {
    matches!(c, '-' | '\'' | '’' | '.' | '‑')
}

/// True when a char of U+2000..=U+203F starts at `i` (spaces, dashes, quote marks, ellipsis)
/// other than the joiners `‑` and `’`: it neither belongs to a word nor joins two, and the
/// bytes tell it without decoding.
#[inline(always)]
fn is_general_punct(bytes: &[u8], i: usize) -> bool {
    bytes.get(i) == Some(&0xE2)
        && bytes.get(i + 1) == Some(&0x80)
        && bytes.get(i + 2).is_some_and(|&t| t != 0x91 && t != 0x99)
}

/// Skips spaces and tabs (not newlines) forward.
#[inline(always)]
pub(crate) fn skip_ws(text: &str, pos: usize, limit: usize) -> usize {
    // Most calls stand on a word or on the one space before it.
    let bytes = text.as_bytes();
    let plain = |p: usize| p < limit && bytes.get(p).is_some_and(|&b| b > b' ' && b < 0x80);
    if plain(pos) {
        return pos;
    }
    if bytes.get(pos) == Some(&b' ') && plain(pos + 1) {
        return pos + 1;
    }
    skip_ws_slow(text, pos, limit)
}

/// The end of an age in brackets (`(52)`: one to three digits) starting at `pos`, before
/// `limit`; `pos` when there is none.
pub(crate) fn skip_age(text: &str, pos: usize, limit: usize) -> usize {
    let b = &text.as_bytes()[pos.min(limit)..limit];
    let digits = b.iter().skip(1).take_while(|c| c.is_ascii_digit()).count();
    if b.first() == Some(&b'(') && (1..=3).contains(&digits) && b.get(digits + 1) == Some(&b')') {
        pos + digits + 2
    } else {
        pos
    }
}

/// [`skip_ws`] byte by byte.
#[inline(never)]
fn skip_ws_slow(text: &str, mut pos: usize, limit: usize) -> usize {
    let bytes = text.as_bytes();
    while pos < limit {
        match bytes.get(pos) {
            Some(b' ' | b'\t' | b'\r' | 0x0b | 0x0c) => pos += 1,
            Some(&b) if b >= 0x80 => match char_at(text, pos) {
                Some(c) if c.is_whitespace() || c == '\u{200b}' => pos += c.len_utf8(),
                _ => break,
            },
            _ => break,
        }
    }
    pos
}

/// Skips spaces and tabs (not newlines) backward (one out-of-line copy: inlined at its many
/// call sites it crowds the instruction cache).
#[inline(never)]
pub(crate) fn skip_ws_back(text: &str, pos: usize, floor: usize) -> usize {
    // Most calls stand after a word or after the one space behind it. (An ASCII byte before
    // `pos` makes `pos` a char boundary.)
    let bytes = text.as_bytes();
    let plain =
        |p: usize| p > floor && p <= bytes.len() && bytes[p - 1] > b' ' && bytes[p - 1] < 0x80;
    if plain(pos) {
        return pos;
    }
    if pos > floor && pos <= bytes.len() && bytes[pos - 1] == b' ' && plain(pos - 1) {
        return pos - 1;
    }
    skip_ws_back_slow(text, pos, floor)
}

/// [`skip_ws_back`] byte by byte.
#[inline(never)]
fn skip_ws_back_slow(text: &str, mut pos: usize, floor: usize) -> usize {
    let bytes = text.as_bytes();
    while pos > floor {
        match bytes.get(pos - 1) {
            Some(b' ' | b'\t' | b'\r' | 0x0b | 0x0c) if text.is_char_boundary(pos) => pos -= 1,
            Some(&b) if b >= 0x80 => match char_before(text, pos) {
                Some(c) if c.is_whitespace() || c == '\u{200b}' => pos -= c.len_utf8(),
                _ => break,
            },
            _ => break,
        }
    }
    pos
}

/// The word starting exactly at `pos`, if any.
#[inline(always)]
pub(crate) fn word_at(text: &str, pos: usize, limit: usize) -> Option<Word> {
    let bytes = text.as_bytes();
    let limit = limit.min(bytes.len());
    // Fast path: ASCII letters and digits up to an ASCII byte that neither joins nor belongs.
    if pos < limit && is_alnum(bytes[pos]) {
        let end = pos + 1 + alnum_run(bytes, pos + 1, limit);
        if end == limit || ends_ascii_word(bytes, end, limit) {
            return Some(Word { start: pos, end });
        }
    }
    word_at_slow(text, pos, limit)
}

/// ASCII letters and digits, by byte.
static ALNUM: [bool; 256] = {
    let mut t = [false; 256];
    let mut b = 0;
    while b < 256 {
        t[b] = (b as u8).is_ascii_alphanumeric();
        b += 1;
    }
    t
};

/// True for an ASCII letter or digit (one table load).
#[inline(always)]
fn is_alnum(b: u8) -> bool {
    ALNUM[usize::from(b)]
}

/// True when the byte at `end` (before `limit`) ends a word of ASCII letters and digits without
/// decoding: an ASCII byte that neither belongs nor joins, a joiner (`-`, `'`, `.`) not followed
/// by a letter or digit (`Budi.` at a sentence end), or general punctuation (`kata”`).
#[inline(always)]
fn ends_ascii_word(bytes: &[u8], end: usize, limit: usize) -> bool {
    match bytes[end] {
        b'-' | b'\'' | b'.' => {
            end + 1 >= limit || (bytes[end + 1] < 0x80 && !bytes[end + 1].is_ascii_alphanumeric())
        }
        b if b < 0x80 => true,
        _ => is_general_punct(bytes, end),
    }
}

/// [`word_at`] char by char, with `limit` within the text.
#[inline(never)]
fn word_at_slow(text: &str, pos: usize, limit: usize) -> Option<Word> {
    let bytes = text.as_bytes();
    if pos >= limit {
        return None;
    }
    let first = bytes[pos];
    if first.is_ascii_alphanumeric() {
        // Fast path over ASCII letters and digits; anything else goes char by char.
    } else if first < 0x80
        || is_general_punct(bytes, pos)
        || !char_at(text, pos).is_some_and(is_word_char)
    {
        return None;
    }
    let mut end = pos;
    while end < limit {
        let b = bytes[end];
        if b.is_ascii_alphanumeric() {
            end += 1 + ascii_alnum_run(bytes, end + 1, limit);
            continue;
        }
        if (b < 0x80 && !matches!(b, b'-' | b'\'' | b'.')) || is_general_punct(bytes, end) {
            break;
        }
        let Some(c) = char_at(text, end) else { break };
        if is_word_char(c) {
            end += c.len_utf8();
        } else if is_joiner(c) {
            let next = end + c.len_utf8();
            match char_at(text, next) {
                Some(n) if next < limit && is_word_char(n) => end = next,
                _ => break,
            }
        } else {
            break;
        }
    }
    Some(Word { start: pos, end })
}

/// All ones in each byte of `v` that is an ASCII letter or digit (`x + k` maps each range onto
/// the lowest signed bytes, where one signed compare tells it).
#[cfg(all(target_arch = "x86_64", target_feature = "sse2"))]
#[inline(always)]
pub(crate) fn alnum_bytes(v: safe_arch::m128i) -> safe_arch::m128i {
    use safe_arch::{add_i8_m128i, bitor_m128i, cmp_gt_mask_i8_m128i, set_splat_i8_m128i};
    let letter = cmp_gt_mask_i8_m128i(
        set_splat_i8_m128i(-128 + 26),
        add_i8_m128i(
            bitor_m128i(v, set_splat_i8_m128i(0x20)),
            set_splat_i8_m128i(0x80u8.wrapping_sub(b'a') as i8),
        ),
    );
    let digit = cmp_gt_mask_i8_m128i(
        set_splat_i8_m128i(-128 + 10),
        add_i8_m128i(v, set_splat_i8_m128i(0x80u8.wrapping_sub(b'0') as i8)),
    );
    bitor_m128i(letter, digit)
}

/// Bit `k` set when byte `i + k` is an ASCII letter or digit, for the sixteen bytes at `i`.
#[cfg(all(target_arch = "x86_64", target_feature = "sse2"))]
#[inline(always)]
fn alnum_mask16(bytes: &[u8], i: usize) -> u32 {
    use safe_arch::{load_unaligned_m128i, move_mask_i8_m128i};
    let mut a = [0u8; 16];
    a.copy_from_slice(&bytes[i..i + 16]);
    move_mask_i8_m128i(alnum_bytes(load_unaligned_m128i(&a))) as u32
}

/// The number of ASCII letters and digits from `pos` (at most `limit`) on, before `limit`
/// (within `bytes`): sixteen bytes with one load when the text holds them (most words end
/// within them; the bytes from `limit` on do not count).
#[cfg(all(target_arch = "x86_64", target_feature = "sse2"))]
#[inline(always)]
fn alnum_run(bytes: &[u8], pos: usize, limit: usize) -> usize {
    if pos + 16 <= bytes.len() {
        let stop = (!alnum_mask16(bytes, pos) & 0xFFFF) | 1 << limit.saturating_sub(pos).min(16);
        let run = stop.trailing_zeros() as usize;
        if run < 16 {
            return run;
        }
        return 16 + ascii_alnum_run(bytes, pos + 16, limit);
    }
    let mut end = pos;
    while end < limit && is_alnum(bytes[end]) {
        end += 1;
    }
    end - pos
}

/// The number of ASCII letters and digits from `pos` on, before `limit` (within `bytes`),
/// sixteen bytes at a time.
#[cfg(all(target_arch = "x86_64", target_feature = "sse2"))]
#[inline(always)]
fn ascii_alnum_run(bytes: &[u8], pos: usize, limit: usize) -> usize {
    let mut i = pos;
    while i + 16 <= limit {
        let other = !alnum_mask16(bytes, i) & 0xFFFF;
        if other != 0 {
            return i + other.trailing_zeros() as usize - pos;
        }
        i += 16;
    }
    while i < limit && bytes[i].is_ascii_alphanumeric() {
        i += 1;
    }
    i - pos
}

/// The number of ASCII letters and digits from `pos` on, before `limit`: eight bytes with one
/// load when they lie before `limit` (most words end within them), else byte by byte (the
/// version for targets without SSE2, and the reference of the vector one in the tests).
#[cfg(any(test, not(all(target_arch = "x86_64", target_feature = "sse2"))))]
#[inline(always)]
fn alnum_run_swar(bytes: &[u8], pos: usize, limit: usize) -> usize {
    const L: u64 = 0x0101_0101_0101_0101;
    const H: u64 = 0x8080_8080_8080_8080;
    #[inline(always)]
    fn in_range(y: u64, lo: u64, hi: u64) -> u64 {
        (y | H).wrapping_sub(L * lo) & (L * (0x80 + hi)).wrapping_sub(y) & H
    }
    if let Some(chunk) = bytes.get(pos..pos + 8).filter(|_| pos + 8 <= limit) {
        let mut a = [0u8; 8];
        a.copy_from_slice(chunk);
        let v = u64::from_le_bytes(a);
        let y = v & !H;
        let alnum = (in_range(y | (L * 0x20), 0x61, 0x7a) | in_range(y, 0x30, 0x39)) & !v;
        let other = !alnum & H;
        if other != 0 {
            return (other.trailing_zeros() / 8) as usize;
        }
        return 8 + ascii_alnum_run_swar(bytes, pos + 8, limit);
    }
    let mut end = pos;
    while end < limit && is_alnum(bytes[end]) {
        end += 1;
    }
    end - pos
}

/// The number of ASCII letters and digits from `pos` on, before `limit`, eight bytes at a time
/// (the version for targets without SSE2, and the reference of the vector one in the tests).
#[cfg(any(test, not(all(target_arch = "x86_64", target_feature = "sse2"))))]
#[inline(always)]
fn ascii_alnum_run_swar(bytes: &[u8], pos: usize, limit: usize) -> usize {
    const L: u64 = 0x0101_0101_0101_0101;
    const H: u64 = 0x8080_8080_8080_8080;
    #[inline(always)]
    fn in_range(y: u64, lo: u64, hi: u64) -> u64 {
        (y | H).wrapping_sub(L * lo) & (L * (0x80 + hi)).wrapping_sub(y) & H
    }
    let mut i = pos;
    while i + 8 <= limit {
        let mut a = [0u8; 8];
        a.copy_from_slice(&bytes[i..i + 8]);
        let v = u64::from_le_bytes(a);
        let y = v & !H;
        let alnum = (in_range(y | (L * 0x20), 0x61, 0x7a) | in_range(y, 0x30, 0x39)) & !v;
        let other = !alnum & H;
        if other != 0 {
            return i + (other.trailing_zeros() / 8) as usize - pos;
        }
        i += 8;
    }
    while i < limit && bytes[i].is_ascii_alphanumeric() {
        i += 1;
    }
    i - pos
}

/// The number of ASCII letters and digits right before `pos` (within `bytes`), not counting
/// those before `floor`: the sixteen bytes ending at `pos` with one load when the text holds
/// them (most words start within them), else byte by byte.
#[cfg(all(target_arch = "x86_64", target_feature = "sse2"))]
#[inline(always)]
fn alnum_run_back(bytes: &[u8], pos: usize, floor: usize) -> usize {
    if pos >= 16 && floor < pos {
        // Bit 15 is the byte before `pos`; a stop bit where `floor` cuts the run.
        let cut = (1u32 << 15).checked_shr((pos - floor) as u32).unwrap_or(0);
        let stop = (!alnum_mask16(bytes, pos - 16) & 0xFFFF) | cut;
        let run = (stop << 16).leading_zeros() as usize;
        if run < 16 {
            return run;
        }
        return 16 + alnum_run_back_bytes(bytes, pos - 16, floor);
    }
    alnum_run_back_bytes(bytes, pos, floor)
}

/// [`alnum_run_back`] byte by byte (also the version for targets without SSE2).
#[inline(always)]
fn alnum_run_back_bytes(bytes: &[u8], pos: usize, floor: usize) -> usize {
    let mut start = pos;
    while start > floor && is_alnum(bytes[start - 1]) {
        start -= 1;
    }
    pos - start
}

/// Without SSE2, runs back are measured byte by byte.
#[cfg(not(all(target_arch = "x86_64", target_feature = "sse2")))]
#[inline(always)]
fn alnum_run_back(bytes: &[u8], pos: usize, floor: usize) -> usize {
    alnum_run_back_bytes(bytes, pos, floor)
}

/// Without SSE2, runs are measured eight bytes at a time.
#[cfg(not(all(target_arch = "x86_64", target_feature = "sse2")))]
#[inline(always)]
fn alnum_run(bytes: &[u8], pos: usize, limit: usize) -> usize {
    alnum_run_swar(bytes, pos, limit)
}

/// Without SSE2, runs are measured eight bytes at a time.
#[cfg(not(all(target_arch = "x86_64", target_feature = "sse2")))]
#[inline(always)]
fn ascii_alnum_run(bytes: &[u8], pos: usize, limit: usize) -> usize {
    ascii_alnum_run_swar(bytes, pos, limit)
}

/// The word after optional spaces from `pos` (one out-of-line copy: it is called from many
/// places, and inlined copies of its two fast paths crowd the instruction cache).
#[inline(never)]
pub(crate) fn next_word(text: &str, pos: usize, limit: usize) -> Option<Word> {
    word_at(text, skip_ws(text, pos, limit), limit)
}

/// The word ending exactly at `pos`, if any.
#[inline]
pub(crate) fn word_ending_at(text: &str, pos: usize, floor: usize) -> Option<Word> {
    let bytes = text.as_bytes();
    // Fast path: ASCII letters and digits back to an ASCII byte that neither joins nor belongs.
    if pos > floor && pos <= bytes.len() && is_alnum(bytes[pos - 1]) {
        let start = pos - alnum_run_back(bytes, pos, floor);
        if start == floor || starts_ascii_word(bytes, start, floor) {
            return Some(Word { start, end: pos });
        }
    }
    word_ending_at_slow(text, pos, floor)
}

/// True when the byte before `start` (after `floor`) starts a word of ASCII letters and digits
/// without decoding: an ASCII byte that neither belongs nor joins, a joiner (`-`, `'`, `.`)
/// not preceded by a letter or digit, or general punctuation (`“Budi`).
#[inline(always)]
fn starts_ascii_word(bytes: &[u8], start: usize, floor: usize) -> bool {
    match bytes[start - 1] {
        b'-' | b'\'' | b'.' => {
            start - 1 <= floor
                || (bytes[start - 2] < 0x80 && !bytes[start - 2].is_ascii_alphanumeric())
        }
        b if b < 0x80 => true,
        _ => start >= 3 && is_general_punct(bytes, start - 3),
    }
}

/// [`word_ending_at`] char by char.
#[inline(never)]
fn word_ending_at_slow(text: &str, pos: usize, floor: usize) -> Option<Word> {
    let bytes = text.as_bytes();
    if pos <= floor || pos > bytes.len() || !text.is_char_boundary(pos) {
        return None;
    }
    let last = bytes[pos - 1];
    if last.is_ascii_alphanumeric() {
        // Fast path over ASCII letters and digits; anything else goes char by char.
    } else if last < 0x80
        || (pos >= 3 && is_general_punct(bytes, pos - 3))
        || !char_before(text, pos).is_some_and(is_word_char)
    {
        return None;
    }
    let mut start = pos;
    while start > floor {
        let b = bytes[start - 1];
        if b.is_ascii_alphanumeric() {
            start -= 1;
            continue;
        }
        if (b < 0x80 && !matches!(b, b'-' | b'\'' | b'.'))
            || (start >= 3 && is_general_punct(bytes, start - 3))
        {
            break;
        }
        let Some(c) = char_before(text, start) else {
            break;
        };
        if is_word_char(c) {
            start -= c.len_utf8();
        } else if is_joiner(c) {
            let prev = start - c.len_utf8();
            match char_before(text, prev) {
                Some(p) if prev > floor && is_word_char(p) => start = prev,
                _ => break,
            }
        } else {
            break;
        }
    }
    Some(Word { start, end: pos })
}

/// The word before optional spaces ending at `pos`.
pub(crate) fn prev_word(text: &str, pos: usize, floor: usize) -> Option<Word> {
    word_ending_at(text, skip_ws_back(text, pos, floor), floor)
}

/// `s.split_whitespace().take(max).count()`, byte by byte over ASCII (a non-ASCII char is
/// decoded to tell whether it is a space).
pub(crate) fn count_words(s: &str, max: usize) -> usize {
    let b = s.as_bytes();
    const L: u64 = 0x0101_0101_0101_0101;
    const H: u64 = 0x8080_8080_8080_8080;
    let (mut n, mut in_word, mut i) = (0, false, 0);
    while i < b.len() && n < max {
        // Eight ASCII bytes at a time: the high bit of each byte that is not a space, and
        // the words starting there.
        if let Some(chunk) = b.get(i..i + 8) {
            let mut a = [0u8; 8];
            a.copy_from_slice(chunk);
            let v = u64::from_le_bytes(a);
            if v & H == 0 {
                let x = v ^ (L * 0x20);
                let blank = !((x + L * 0x7f) | x) & H;
                let control = (v | H).wrapping_sub(L * 0x09) & (L * 0x8d).wrapping_sub(v) & H;
                let word = !(blank | control) & H;
                let starts = word & !(word << 8 | u64::from(in_word) << 7);
                n += starts.count_ones() as usize;
                in_word = word >> 63 != 0;
                i += 8;
                continue;
            }
        }
        let (space, len) = match b[i] {
            c if c < 0x80 => (matches!(c, b' ' | b'\t'..=b'\r'), 1),
            _ => match s[i..].chars().next() {
                Some(c) => (c.is_whitespace(), c.len_utf8()),
                None => break,
            },
        };
        n += usize::from(!space && !in_word);
        in_word = !space;
        i += len;
    }
    n.min(max)
}

/// Bit `k` set when byte `k` of the sixteen at `i` is in `A..=Z` (`b + 0x3F` maps them onto
/// the lowest signed bytes).
#[cfg(all(target_arch = "x86_64", target_feature = "sse2"))]
#[inline(always)]
fn upper(bytes: &[u8], i: usize) -> u32 {
    use safe_arch::{
        add_i8_m128i, cmp_gt_mask_i8_m128i, load_unaligned_m128i, move_mask_i8_m128i,
        set_splat_i8_m128i,
    };
    let mut a = [0u8; 16];
    a.copy_from_slice(&bytes[i..i + 16]);
    let v = add_i8_m128i(
        load_unaligned_m128i(&a),
        set_splat_i8_m128i(0x80u8.wrapping_sub(b'A') as i8),
    );
    move_mask_i8_m128i(cmp_gt_mask_i8_m128i(set_splat_i8_m128i(-128 + 26), v)) as u32
}

/// Position of the first ASCII capital letter in `bytes[from..to]`, sixteen bytes at a time
/// with one compare (the last, short stretch read as the sixteen bytes ending at `to`).
#[cfg(all(target_arch = "x86_64", target_feature = "sse2"))]
#[inline(always)]
pub(crate) fn find_ascii_upper(bytes: &[u8], from: usize, to: usize) -> Option<usize> {
    let to = to.min(bytes.len());
    let mut i = from;
    while i + 16 <= to {
        let m = upper(bytes, i);
        if m != 0 {
            return Some(i + m.trailing_zeros() as usize);
        }
        i += 16;
    }
    if i >= to {
        return None;
    }
    if to >= 16 {
        // The sixteen bytes ending at `to`, without those before `i`.
        let base = to - 16;
        let m = upper(bytes, base) >> (i - base);
        return (m != 0).then(|| i + m.trailing_zeros() as usize);
    }
    bytes[i..to]
        .iter()
        .position(u8::is_ascii_uppercase)
        .map(|o| i + o)
}

/// [`find_ascii_upper`] eight bytes at a time in general-purpose registers, for targets without
/// SSE2 (and, in the tests, the reference of the vector version).
#[cfg(any(test, not(all(target_arch = "x86_64", target_feature = "sse2"))))]
#[inline(always)]
pub(crate) fn find_ascii_upper_swar(bytes: &[u8], from: usize, to: usize) -> Option<usize> {
    const L: u64 = 0x0101_0101_0101_0101;
    const H: u64 = 0x8080_8080_8080_8080;
    /// High bit of each ASCII byte in `A..=Z` among the eight at `i`.
    #[inline(always)]
    fn upper(bytes: &[u8], i: usize) -> u64 {
        let mut a = [0u8; 8];
        a.copy_from_slice(&bytes[i..i + 8]);
        let v = u64::from_le_bytes(a);
        let y = v & !H;
        (y | H).wrapping_sub(L * 0x41) & (L * (0x80 + 0x5a)).wrapping_sub(y) & !v & H
    }
    let mut i = from;
    while i + 16 <= to {
        let (lo, hi) = (upper(bytes, i), upper(bytes, i + 8));
        if lo | hi != 0 {
            let at = if lo != 0 {
                lo.trailing_zeros()
            } else {
                64 + hi.trailing_zeros()
            };
            return Some(i + (at / 8) as usize);
        }
        i += 16;
    }
    if i + 8 <= to {
        let m = upper(bytes, i);
        if m != 0 {
            return Some(i + (m.trailing_zeros() / 8) as usize);
        }
        i += 8;
    }
    bytes
        .get(i..to)?
        .iter()
        .position(u8::is_ascii_uppercase)
        .map(|o| i + o)
}

/// Without SSE2, the search runs eight bytes at a time.
#[cfg(not(all(target_arch = "x86_64", target_feature = "sse2")))]
#[inline(always)]
pub(crate) fn find_ascii_upper(bytes: &[u8], from: usize, to: usize) -> Option<usize> {
    find_ascii_upper_swar(bytes, from, to)
}

/// Position of the last ASCII capital letter in `bytes[from..to]` (`to` within `bytes`),
/// sixteen bytes at a time from the end with one compare (the first, short stretch read as
/// the sixteen bytes ending where the search stands).
#[cfg(all(target_arch = "x86_64", target_feature = "sse2"))]
#[inline(always)]
pub(crate) fn rfind_ascii_upper(bytes: &[u8], from: usize, to: usize) -> Option<usize> {
    let mut j = to;
    while j >= from + 16 {
        let m = upper(bytes, j - 16);
        if m != 0 {
            return Some(j - 16 + (31 - m.leading_zeros()) as usize);
        }
        j -= 16;
    }
    if j <= from {
        return None;
    }
    if j >= 16 {
        // The sixteen bytes ending at `j`, without those before `from`.
        let base = j - 16;
        let m = upper(bytes, base) & (0xFFFF << (from - base));
        return (m != 0).then(|| base + (31 - m.leading_zeros()) as usize);
    }
    bytes[from..j]
        .iter()
        .rposition(u8::is_ascii_uppercase)
        .map(|o| from + o)
}

/// [`rfind_ascii_upper`] byte by byte, for targets without SSE2 (and, in the tests, the
/// reference of the vector version).
#[cfg(any(test, not(all(target_arch = "x86_64", target_feature = "sse2"))))]
#[inline(always)]
pub(crate) fn rfind_ascii_upper_bytes(bytes: &[u8], from: usize, to: usize) -> Option<usize> {
    bytes
        .get(from..to)?
        .iter()
        .rposition(u8::is_ascii_uppercase)
        .map(|o| from + o)
}

/// Without SSE2, the search runs byte by byte.
#[cfg(not(all(target_arch = "x86_64", target_feature = "sse2")))]
#[inline(always)]
pub(crate) fn rfind_ascii_upper(bytes: &[u8], from: usize, to: usize) -> Option<usize> {
    rfind_ascii_upper_bytes(bytes, from, to)
}

/// True when the word starts with an uppercase letter.
#[inline]
pub(crate) fn is_capitalised(w: &str) -> bool {
    match w.as_bytes().first() {
        Some(b) if b.is_ascii() => b.is_ascii_uppercase(),
        _ => w.chars().next().is_some_and(char::is_uppercase),
    }
}

/// True for acronyms such as `AS`, `TNI`, `DKI` (two or more letters, all uppercase).
#[inline]
pub(crate) fn is_acronym(w: &str) -> bool {
    // Byte by byte while ASCII: most words are out at their first lowercase letter.
    let mut letters = 0;
    for &b in w.as_bytes() {
        if b.is_ascii_lowercase() {
            return false;
        }
        if !b.is_ascii() {
            return is_acronym_chars(w);
        }
        letters += usize::from(b.is_ascii_uppercase());
    }
    letters >= 2
}

/// [`is_acronym`] char by char.
#[inline(never)]
fn is_acronym_chars(w: &str) -> bool {
    let mut letters = 0;
    for c in w.chars() {
        if c.is_lowercase() {
            return false;
        }
        if c.is_alphabetic() {
            letters += 1;
        }
    }
    letters >= 2
}

/// Quote mark kinds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Mark {
    /// `“`, `„`, `«`.
    Open,
    /// `”`, `»`: closing, or opening in Kompas style when it starts a word.
    Close,
    /// `"`.
    Straight,
    /// `‘`: opens a quote nested in an open one.
    SingleOpen,
    /// `’`: an apostrophe, the end of a nested quote, or a mismatched closing mark
    /// (`“… dan feodalisme, ’ kata Heri`).
    SingleClose,
}

/// A quote found between marks, inside one paragraph.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct RawQuote {
    /// Start of the opening mark.
    pub start: usize,
    /// End of the closing mark, or the trimmed paragraph end when unclosed.
    pub end: usize,
    /// Start of the words inside the marks.
    pub inner_start: usize,
    /// End of the words inside the marks.
    pub inner_end: usize,
    /// A closing mark was found.
    pub closed: bool,
}

fn mark_at(bytes: &[u8], i: usize) -> Option<(Mark, usize)> {
    match bytes[i] {
        b'"' => Some((Mark::Straight, 1)),
        0xE2 if i + 2 < bytes.len() && bytes[i + 1] == 0x80 => match bytes[i + 2] {
            0x9C | 0x9E => Some((Mark::Open, 3)),
            0x9D => Some((Mark::Close, 3)),
            0x98 => Some((Mark::SingleOpen, 3)),
            0x99 => Some((Mark::SingleClose, 3)),
            _ => None,
        },
        0xC2 if i + 1 < bytes.len() => match bytes[i + 1] {
            0xAB => Some((Mark::Open, 2)),
            0xBB => Some((Mark::Close, 2)),
            _ => None,
        },
        _ => None,
    }
}

/// The quotes of `start..end` in one left-to-right pass over its quote marks.
///
/// An opening mark opens a quote; a closing mark closes the open one. A `”` (or `"`) met
/// outside a quote opens one when it starts a word (Kompas writes `”` on both sides). A new
/// opening mark inside an open quote ends the open one, unclosed, just before it. A quote still
/// open at the end of the range is unclosed and ends there. A `’` after the final punctuation
/// of an open quote closes it when `cue_at` (a speech cue starts at the given position, after
/// spaces) says so: `“…, ’ kata Heri`. The quotes are appended to `out`.
pub(crate) fn find_quotes(
    text: &str,
    start: usize,
    end: usize,
    cue_at: impl Fn(usize) -> bool,
    out: &mut Vec<RawQuote>,
) {
    let bytes = text.as_bytes();
    let mut open: Option<(usize, usize)> = None; // (mark start, inner start)
    // A `‘` was seen inside the open quote: the next `’` closes that one, not the quote.
    let mut nested = false;
    let hay = &bytes[start..end];
    for rel in memchr::memchr3_iter(b'"', 0xE2, 0xC2, hay) {
        let i = start + rel;
        let Some((mark, len)) = mark_at(&bytes[..end], i) else {
            continue;
        };
        let after = char_at(text, i + len).filter(|_| i + len < end);
        let before = char_before(text, i).filter(|_| i > start);
        let starts_word = after.is_some_and(|c| !c.is_whitespace())
            && before.is_none_or(|c| c.is_whitespace() || matches!(c, '(' | '[' | '—' | '-'));
        match (mark, open) {
            (Mark::SingleOpen, Some(_)) => nested = true,
            (Mark::SingleClose, Some(_)) if nested => nested = false,
            (Mark::SingleClose, Some((s, inner))) => {
                // A `’` right after the quote's final punctuation and before a cue closes it.
                let prev = char_before(text, skip_ws_back(text, i, inner));
                if matches!(prev, Some(',' | '.' | '!' | '?' | '…'))
                    && after.is_none_or(char::is_whitespace)
                    && cue_at(i + len)
                {
                    push_closed(out, s, inner, i, len);
                    open = None;
                }
            }
            (Mark::SingleOpen | Mark::SingleClose, None) => {}
            (Mark::Open, None) => {
                open = Some((i, i + len));
                nested = false;
            }
            (Mark::Open, Some((s, inner))) => {
                push_unclosed(text, out, s, inner, i);
                open = Some((i, i + len));
                nested = false;
            }
            (Mark::Close | Mark::Straight, Some((s, inner))) => {
                if mark == Mark::Straight && starts_word && before.is_some_and(char::is_whitespace)
                {
                    push_unclosed(text, out, s, inner, i);
                    open = Some((i, i + len));
                    nested = false;
                } else {
                    push_closed(out, s, inner, i, len);
                    open = None;
                }
            }
            (Mark::Close | Mark::Straight, None) => {
                if starts_word {
                    open = Some((i, i + len));
                    nested = false;
                }
            }
        }
    }
    if let Some((s, inner)) = open {
        push_unclosed(text, out, s, inner, end);
    }
}

/// Records a quote opened at `s` (content from `inner`) and closed by the mark at `close`,
/// `len` bytes long.
fn push_closed(out: &mut Vec<RawQuote>, s: usize, inner: usize, close: usize, len: usize) {
    out.push(RawQuote {
        start: s,
        end: close + len,
        inner_start: inner,
        inner_end: close,
        closed: true,
    });
}

fn push_unclosed(text: &str, out: &mut Vec<RawQuote>, s: usize, inner: usize, end: usize) {
    let e = skip_ws_back(text, end, inner);
    if e > inner {
        out.push(RawQuote {
            start: s,
            end: e,
            inner_start: inner,
            inner_end: e,
            closed: false,
        });
    }
}

const ABBREVIATIONS: &[&str] = &[
    "jl", "dr", "prof", "ir", "no", "tbk", "dll", "dsb", "dst", "tsb", "hj", "st", "kol", "ny",
    "tn", "sdr", "bpk", "mr", "mrs", "ms", "drs", "dra", "kh", "sh", "mh", "se", "mm", "msi",
    "phd", "vol", "hal", "yth", "jln", "kec", "kab", "prov", "rp", "a.n", "u.p", "s.h", "m.h",
];

/// An ASCII word of at most four bytes, lowercased, with its length, as one number.
#[inline]
const fn abbreviation_key(w: &[u8]) -> u64 {
    let mut key = w.len() as u64;
    let mut i = 0;
    while i < w.len() {
        key |= (w[i].to_ascii_lowercase() as u64) << (8 * (i + 1));
        i += 1;
    }
    key
}

/// The keys of [`ABBREVIATIONS`], sorted.
const ABBREVIATION_KEYS: [u64; ABBREVIATIONS.len()] = {
    let mut keys = [0u64; ABBREVIATIONS.len()];
    let mut i = 0;
    while i < keys.len() {
        assert!(ABBREVIATIONS[i].len() <= 4);
        keys[i] = abbreviation_key(ABBREVIATIONS[i].as_bytes());
        i += 1;
    }
    // Insertion sort at compile time.
    let mut i = 1;
    while i < keys.len() {
        let mut j = i;
        while j > 0 && keys[j - 1] > keys[j] {
            let t = keys[j];
            keys[j] = keys[j - 1];
            keys[j - 1] = t;
            j -= 1;
        }
        i += 1;
    }
    keys
};

/// True when `w` is one of [`ABBREVIATIONS`] up to ASCII case.
#[inline]
fn is_abbreviation(w: &str) -> bool {
    w.len() <= 4
        && w.is_ascii()
        && ABBREVIATION_KEYS
            .binary_search(&abbreviation_key(w.as_bytes()))
            .is_ok()
}

/// True when the five bytes before `i` (from `start` on) are ASCII letters (tested together,
/// without a branch per byte).
#[inline(always)]
fn letters_before(bytes: &[u8], i: usize, start: usize) -> bool {
    i >= start + 5
        && bytes[i - 5..i]
            .iter()
            .fold(true, |all, &b| all & ((b | 0x20).wrapping_sub(b'a') < 26))
}

/// True when the period at `i` (within a paragraph from `start`) ends a short word that does
/// not end the sentence: an initial, an abbreviation, a number's digits before more digits.
/// Only short words matter: the word is looked for 16 bytes back at most.
fn period_inside_sentence(text: &str, i: usize, start: usize) -> bool {
    let Some(w) = word_ending_at(text, i, start.max(i.saturating_sub(16))) else {
        return false;
    };
    let ws = w.str(text);
    (ws.chars().nth(1).is_none() && is_capitalised(ws))
        || is_abbreviation(ws)
        || (ws.bytes().all(|b| b.is_ascii_digit())
            && text.as_bytes().get(i + 1).is_some_and(u8::is_ascii_digit))
}

/// Starts of the sentences of `start..end` (the first is `start`), appended to `out`.
pub(crate) fn sentence_starts(text: &str, start: usize, end: usize, out: &mut Vec<usize>) {
    let bytes = text.as_bytes();
    out.push(start);
    for rel in memchr::memchr3_iter(b'.', b'?', b'!', &bytes[start..end]) {
        let i = start + rel;
        // Five ASCII letters before the period make a word that ends a sentence.
        if bytes[i] == b'.'
            && !letters_before(bytes, i, start)
            && period_inside_sentence(text, i, start)
        {
            continue;
        }
        // Skip closing marks and brackets glued to the terminator.
        let mut j = i + 1;
        while j < end {
            match char_at(text, j) {
                Some(c @ ('”' | '"' | '’' | ')' | '.' | '?' | '!')) => j += c.len_utf8(),
                _ => break,
            }
        }
        let k = skip_ws(text, j, end);
        if k == j || k >= end {
            continue;
        }
        let starts = char_at(text, k).is_some_and(|c| {
            c.is_uppercase() || c.is_numeric() || matches!(c, '“' | '"' | '”' | '(' | '„')
        });
        if starts && out.last().is_some_and(|&l| l < k) {
            out.push(k);
        }
    }
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;
    use crate::lexicon::{norm, pack_bytes, pack_lower, pack_lower_ascii};
    use crate::names::{name_tokens, with_name_tokens};

    fn joiner(c: char) -> bool {
        matches!(c, '-' | '\'' | '’' | '.' | '‑')
    }

    /// `word_at` char by char, without the byte-level fast paths.
    fn reference_word_at(text: &str, pos: usize, limit: usize) -> Option<Word> {
        let limit = limit.min(text.len());
        if pos >= limit || !char_at(text, pos)?.is_alphanumeric() {
            return None;
        }
        let mut end = pos;
        while end < limit {
            let Some(c) = char_at(text, end) else { break };
            if c.is_alphanumeric() {
                end += c.len_utf8();
            } else if joiner(c) {
                let next = end + c.len_utf8();
                match char_at(text, next) {
                    Some(n) if next < limit && n.is_alphanumeric() => end = next,
                    _ => break,
                }
            } else {
                break;
            }
        }
        Some(Word { start: pos, end })
    }

    /// `word_ending_at` char by char.
    fn reference_word_ending_at(text: &str, pos: usize, floor: usize) -> Option<Word> {
        if pos <= floor || pos > text.len() || !text.is_char_boundary(pos) {
            return None;
        }
        if !char_before(text, pos)?.is_alphanumeric() {
            return None;
        }
        let mut start = pos;
        while start > floor {
            let Some(c) = char_before(text, start) else {
                break;
            };
            if c.is_alphanumeric() {
                start -= c.len_utf8();
            } else if joiner(c) {
                let prev = start - c.len_utf8();
                match char_before(text, prev) {
                    Some(p) if prev > floor && p.is_alphanumeric() => start = prev,
                    _ => break,
                }
            } else {
                break;
            }
        }
        Some(Word { start, end: pos })
    }

    fn text_of(parts: &[&str]) -> String {
        parts.concat()
    }

    fn parts() -> impl Strategy<Value = Vec<&'static str>> {
        proptest::collection::vec(
            prop_oneof![
                Just("kata"),
                Just("Budi"),
                Just("ABCDEFGHIJKLMNOPQ"),
                Just("9"),
                Just(" "),
                Just("-"),
                Just("'"),
                Just("."),
                Just(","),
                Just("“"),
                Just("”"),
                Just("’"),
                Just("‑"),
                Just("—"),
                Just("…"),
                Just("é"),
                Just("Ω"),
                Just("\u{a0}"),
                Just("🙂"),
            ],
            0..40,
        )
    }

    proptest! {
        #[test]
        fn five_letters_before_a_period_end_a_sentence(
            parts in proptest::collection::vec(
                prop_oneof![
                    Just(" Prof."), Just(" dll."), Just(" H."), Just(" 12.5"), Just("Prof"),
                    Just("dll"), Just("H"), Just("kata"), Just("Bahas"), Just("12"), Just("a"),
                    Just("."), Just(" "), Just("-"), Just("é"), Just("“"), Just("…"),
                ],
                0..24,
            ),
            cut in 0usize..40,
        ) {
            let text: String = parts.concat();
            let bytes = text.as_bytes();
            let mut start = cut.min(text.len());
            while !text.is_char_boundary(start) {
                start -= 1;
            }
            for i in (start..text.len()).filter(|&i| bytes[i] == b'.') {
                if letters_before(bytes, i, start) {
                    prop_assert!(!period_inside_sentence(&text, i, start), "{text:?} {i}");
                }
            }
        }

        #[test]
        fn word_scans_match_the_char_by_char_reference(parts in parts(), cut in 0usize..200) {
            let text = text_of(&parts);
            let mut limit = cut.min(text.len());
            while !text.is_char_boundary(limit) {
                limit -= 1;
            }
            for (pos, _) in text.char_indices() {
                prop_assert_eq!(word_at(&text, pos, text.len()), reference_word_at(&text, pos, text.len()));
                prop_assert_eq!(word_at(&text, pos, limit), reference_word_at(&text, pos, limit));
            }
            for pos in (0..=text.len()).filter(|&p| text.is_char_boundary(p)) {
                prop_assert_eq!(word_ending_at(&text, pos, 0), reference_word_ending_at(&text, pos, 0));
                let floor = limit.min(pos);
                prop_assert_eq!(
                    word_ending_at(&text, pos, floor),
                    reference_word_ending_at(&text, pos, floor)
                );
            }
        }

        #[test]
        fn packed_keys_match_bytewise_packing(key in proptest::collection::vec(any::<u8>(), 0..16)) {
            let key = &key[..key.len().min(15)];
            let mut want = [0u8; 16];
            want[..key.len()].copy_from_slice(key);
            want[15] = key.len() as u8;
            prop_assert_eq!(pack_bytes(key), u128::from_le_bytes(want));
            prop_assert_eq!(pack_lower(key), pack_bytes(&key.to_ascii_lowercase()));
            prop_assert_eq!(pack_lower_ascii(key), key.is_ascii().then(|| pack_lower(key)));
        }

        #[test]
        fn name_tokens_match_the_char_split(name in "[A-Za-z,\t .-]{0,30}") {
            let want: Vec<String> = name
                .split(|c: char| c.is_whitespace() || c == ',')
                .filter(|t| !t.is_empty())
                .map(norm)
                .collect();
            prop_assert_eq!(name_tokens(&name), want);
        }

        #[test]
        fn stack_name_tokens_match_the_owned_ones(name in "[A-Za-zÉé,\t .-]{0,80}") {
            let want = name_tokens(&name);
            let got = with_name_tokens(&name, |t| t.iter().map(|s| s.to_string()).collect::<Vec<_>>());
            prop_assert_eq!(got, want);
        }

        #[test]
        fn alnum_runs_match_the_byte_count(
            bytes in proptest::collection::vec(
                prop_oneof![
                    Just(b'a'), Just(b'z'), Just(b'A'), Just(b'Z'), Just(b'0'), Just(b'9'),
                    Just(b'`'), Just(b'{'), Just(b'@'), Just(b'['), Just(b'/'), Just(b':'),
                    Just(b' '), Just(0xC1u8), Just(0xE2), any::<u8>(),
                ],
                0..80,
            ),
            pos in 0usize..80,
            limit in 0usize..80,
        ) {
            let limit = limit.min(bytes.len());
            let pos = pos.min(limit);
            let want = bytes[pos..limit].iter().take_while(|b| b.is_ascii_alphanumeric()).count();
            prop_assert_eq!(alnum_run(&bytes, pos, limit), want);
            let back = bytes[pos..limit].iter().rev().take_while(|b| b.is_ascii_alphanumeric()).count();
            prop_assert_eq!(alnum_run_back(&bytes, limit, pos), back);
            prop_assert_eq!(ascii_alnum_run(&bytes, pos, limit), want);
            prop_assert_eq!(alnum_run_swar(&bytes, pos, limit), want);
            prop_assert_eq!(ascii_alnum_run_swar(&bytes, pos, limit), want);
        }

        #[test]
        fn first_capital_matches_the_byte_search(
            bytes in proptest::collection::vec(prop_oneof![Just(b'a'), Just(b'Z'), Just(b'['), Just(0xC1u8), Just(b'@'), Just(b'A')], 0..70),
            from in 0usize..70,
            to in 0usize..80,
        ) {
            let to = to.min(bytes.len());
            let want = (from..to).find(|&i| bytes[i].is_ascii_uppercase());
            prop_assert_eq!(find_ascii_upper(&bytes, from, to), want);
            prop_assert_eq!(find_ascii_upper_swar(&bytes, from, to), want);
            let last = (from..to).rev().find(|&i| bytes[i].is_ascii_uppercase());
            prop_assert_eq!(rfind_ascii_upper(&bytes, from, to), last);
            prop_assert_eq!(rfind_ascii_upper_bytes(&bytes, from, to), last);
        }

        #[test]
        fn one_load_packing_matches_the_packed_one(parts in parts(), from in 0usize..60, len in 0usize..12) {
            let text = text_of(&parts);
            let mut start = from.min(text.len());
            while !text.is_char_boundary(start) {
                start -= 1;
            }
            let mut end = (start + len).min(text.len());
            while !text.is_char_boundary(end) {
                end -= 1;
            }
            prop_assert_eq!(
                crate::lexicon::pack_lower_ascii_at(&text, start, end),
                pack_lower_ascii(&text.as_bytes()[start..end])
            );
        }

        #[test]
        fn word_counts_match_split_whitespace(
            parts in parts(),
            extra in "[ \t\n\u{b}\u{c}\r\u{1f}!\u{a0}\u{2003}a-zA-Z0-9,.é]{0,40}",
            max in 0usize..12,
        ) {
            let text = extra.clone() + &text_of(&parts) + &extra;
            prop_assert_eq!(count_words(&text, max), text.split_whitespace().take(max).count());
        }

        #[test]
        fn abbreviation_keys_match_the_list(w in "[A-Za-z.é]{0,5}") {
            let want = ABBREVIATIONS.iter().any(|a| a.eq_ignore_ascii_case(&w));
            prop_assert_eq!(is_abbreviation(&w), want);
        }

        #[test]
        fn acronyms_match_the_char_test(w in "[A-Za-z0-9.É-]{0,8}") {
            prop_assert_eq!(is_acronym(&w), is_acronym_chars(&w));
        }
    }
}
