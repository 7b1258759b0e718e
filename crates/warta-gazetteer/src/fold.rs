//! Text normalisation: the folded tokens the matcher walks over, each with its span in the
//! original text.
//!
//! Folding rules (applied identically to aliases and to the text, so they always agree):
//! - letters are lowercased (full Unicode lowercase) and common Latin diacritics are removed
//!   (`é` -> `e`, `ş` -> `s`, `ø` -> `o`, `ß` -> `ss`, Vietnamese `ễ` -> `e`, pinyin `ǎ` -> `a`);
//!   combining marks (U+0300–U+036F and the other combining blocks) are dropped;
//! - whitespace (ASCII, NBSP, the Unicode spaces, line breaks, ZWSP) separates tokens and is
//!   otherwise ignored, so any run of it matches any other;
//! - format characters inside words (ZWJ, ZWNJ, word joiner, BOM, soft hyphen) are dropped;
//! - every other character (punctuation, symbols, emoji) is a token of its own, with a space
//!   on each side: `PDI-P` folds to `pdi - p`, `AS-ROK` to `as - rok`, `Cote d’Ivoire` to
//!   `cote d ' ivoire`. Curly apostrophes fold to `'`, curly double quotes to `"`, and the
//!   dashes (en, em, minus, non-breaking hyphen) to `-`.
//!
//! In keys (see [`fold_key`]) tokens are joined by one space.

/// A token of a text: its original span, the hash of its folded bytes and where those bytes
/// are.
///
/// A token made only of ASCII bytes (every ASCII word and symbol, most of news text) keeps
/// no folded copy: its folded bytes are the original bytes mapped by `FOLD` (ASCII
/// lowercase). Any other token is folded into the caller's buffer.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Token {
    /// Original span (relative to the scanned text).
    pub ostart: u32,
    /// End of the original span.
    pub oend: u32,
    /// `hash_bytes` of the folded bytes.
    pub hash: u64,
    /// Folded bytes in the buffer, `buf[fstart..fend]`; `fstart == ASCII` when the folded
    /// bytes are the original ones lowercased.
    fstart: u32,
    fend: u32,
    /// True when the original token has an uppercase letter.
    pub upper: bool,
}

/// Marks a token whose folded bytes are its original ASCII bytes lowercased.
const ASCII: u32 = u32::MAX;

impl Token {
    /// A token whose folded bytes are its original ASCII bytes `start..end` lowercased.
    #[inline(always)]
    pub(crate) fn ascii(start: usize, end: usize, hash: u64, upper: bool) -> Token {
        Token {
            ostart: start as u32,
            oend: end as u32,
            hash,
            fstart: ASCII,
            fend: ASCII,
            upper,
        }
    }

    /// Folded bytes: `text` is the scanned text, `buf` the buffer the scanner folded into.
    #[inline]
    pub fn folded<'a>(&self, text: &'a [u8], buf: &'a [u8]) -> FoldedBytes<'a> {
        if self.fstart == ASCII {
            FoldedBytes::Ascii(&text[self.ostart as usize..self.oend as usize])
        } else {
            FoldedBytes::Buf(&buf[self.fstart as usize..self.fend as usize])
        }
    }

    /// Length in bytes of a glued clitic (`-nya`, `-ku`, `-mu`) the token ends with, 0 when
    /// none or when the rest would be too short.
    #[inline]
    pub fn clitic(&self, text: &[u8], buf: &[u8]) -> usize {
        let (b, mask) = match self.folded(text, buf) {
            // Letters and digits: bit 5 set is the lowercase.
            FoldedBytes::Ascii(b) => (b, 0x20),
            FoldedBytes::Buf(b) => (b, 0),
        };
        match b {
            [.., n, y, a] if b.len() > 4 && [n | mask, y | mask, a | mask] == *b"nya" => 3,
            [.., k, u] if b.len() > 3 && matches!(k | mask, b'k' | b'm') && u | mask == b'u' => 2,
            _ => 0,
        }
    }

    /// Hash of the folded bytes without the glued clitic.
    #[inline]
    pub fn stripped_hash(&self, text: &[u8], buf: &[u8]) -> u64 {
        let clitic = self.clitic(text, buf);
        match self.folded(text, buf) {
            FoldedBytes::Ascii(_) => {
                hash_ascii_word(text, self.ostart as usize, self.oend as usize - clitic)
            }
            FoldedBytes::Buf(b) => hash_bytes(&b[..b.len() - clitic]),
        }
    }

    /// True when the folded bytes, without their last `strip` bytes, equal `key`.
    #[inline(always)]
    pub fn folded_eq(&self, text: &[u8], buf: &[u8], strip: usize, key: &[u8]) -> bool {
        match self.folded(text, buf) {
            FoldedBytes::Ascii(b) => {
                let b = &b[..b.len() - strip];
                match b {
                    [x] => key == [FOLD[*x as usize]],
                    // Letters and digits: bit 5 set is the lowercase.
                    _ => b.len() == key.len() && b.iter().zip(key).all(|(&x, &k)| x | 0x20 == k),
                }
            }
            FoldedBytes::Buf(b) => &b[..b.len() - strip] == key,
        }
    }
}

/// Where a token's folded bytes are.
pub(crate) enum FoldedBytes<'a> {
    /// Original ASCII bytes, to map by `FOLD`.
    Ascii(&'a [u8]),
    /// Folded bytes.
    Buf(&'a [u8]),
}

/// What the fast path of matching does with a word (see [`Scanner::skip_ascii`]).
pub(crate) enum Step {
    /// No alias starts with it.
    Skip,
    /// An alias may start with it.
    Stop,
    /// Only aliases of several tokens may start with it: look at the next word.
    Pending,
}

/// Cuts a text into folded tokens, one at a time.
pub(crate) struct Scanner<'t> {
    text: &'t str,
    pos: usize,
}

impl<'t> Scanner<'t> {
    /// A scanner at the start of `text`; token offsets are relative to it.
    pub fn new(text: &'t str) -> Self {
        Scanner { text, pos: 0 }
    }

    /// The next token; a token that is not plain ASCII is folded onto the end of `buf`.
    /// ASCII is handled here, inlined into the matching loop; the rest out of line.
    #[inline(always)]
    pub fn next_token(&mut self, buf: &mut Vec<u8>) -> Option<Token> {
        let bytes = self.text.as_bytes();
        let mut i = self.pos;
        while let Some(&b) = bytes.get(i) {
            if b >= 0x80 {
                self.pos = i;
                return self.next_token_any(buf);
            }
            if LOWER[b as usize] != 0 {
                return Some(self.word_at(i, buf));
            }
            if SPACE[b as usize] {
                i += 1;
                continue;
            }
            self.pos = i + 1;
            return Some(Token::ascii(i, i + 1, ASCII_SYMBOL_HASH[b as usize], false));
        }
        self.pos = i;
        None
    }

    /// The fast path of matching: skips the plain ASCII words and the bytes `skip` marks
    /// (spaces, symbols) where no alias starts, storing nothing. `first` tells what to do
    /// with a word as a first token (given its start, end, hash and whether it has an
    /// uppercase letter); a `Pending` word (it may only start aliases of several tokens) is
    /// skipped too unless `pair` says the next word may follow it.
    ///
    /// Either pushes onto `window` the complete tokens it stopped at (a word that may start
    /// an alias, or a pending word and the word after it) with the scanner after them, or
    /// pushes nothing and leaves the scanner at the next token to read with `next_token`
    /// (a token that is not plain ASCII or a symbol, a pending word followed by one, or the
    /// end). Words are classified and hashed 8 bytes at a time in registers; a word shorter
    /// than 8 bytes (most of them) takes one load.
    ///
    /// With `FAST`, a plain word of up to 15 bytes followed by an ASCII byte, without a
    /// pending word, is taken from one 16-byte load whose letters and digits `alnum16`
    /// gives as a bit mask (SSE2 compares on x86-64): the same steps with fewer
    /// instructions (a property test compares both). Such a word goes to `first` only when
    /// `quick` (given its hash and whether it has an uppercase letter; no false negatives)
    /// says it may start an alias: one filter test whether the word is capitalised or not
    /// (which is random, so a branch on it mispredicts often).
    #[inline(always)]
    pub fn skip_ascii<const FAST: bool>(
        &mut self,
        skip: &[bool; 128],
        window: &mut Vec<Token>,
        quick: impl Fn(u64, bool) -> bool,
        mut first: impl FnMut(usize, usize, u64, bool) -> Step,
        mut pair: impl FnMut(&Token, &Token) -> bool,
        alnum16: impl Fn(&[u8; 16]) -> u32,
    ) {
        let bytes = self.text.as_bytes();
        let mut i = self.pos;
        let mut pending: Option<Token> = None;
        'words: while i < bytes.len() {
            if FAST && pending.is_none() {
                while let Some(chunk) = bytes.get(i..).and_then(<[u8]>::first_chunk::<16>) {
                    // `n` letters and digits at `i`, then a byte that is neither.
                    let n = (!alnum16(chunk)).trailing_zeros() as usize;
                    let Some(&next) = chunk.get(n) else {
                        break;
                    };
                    if n == 0 || next >= 0x80 {
                        break;
                    }
                    let (lo, hi) = match chunk.as_chunks::<8>().0 {
                        [lo, hi] => (u64::from_le_bytes(*lo), u64::from_le_bytes(*hi)),
                        _ => break,
                    };
                    // As `ascii_word_from`: the lowercase (bit 5 set) of the word's bytes,
                    // hashed 8 at a time; an uppercase letter has bit 5 clear.
                    let (hash, upper) = if n <= 8 {
                        let keep = u64::MAX >> (64 - 8 * n);
                        let folded = (lo | LOW) & keep;
                        (hash_end(hash_step(0, folded)), lo & keep != folded)
                    } else {
                        let keep = u64::MAX >> (128 - 8 * n);
                        let h = hash_step(hash_step(0, lo | LOW), (hi | LOW) & keep);
                        (hash_end(h), (!lo | (!hi & keep)) & LOW != 0)
                    };
                    let end = i + n;
                    if quick(hash, upper) {
                        match first(i, end, hash, upper) {
                            Step::Skip => {}
                            Step::Stop => {
                                window.push(Token::ascii(i, end, hash, upper));
                                self.pos = end;
                                return;
                            }
                            Step::Pending => {
                                pending = Some(Token::ascii(i, end, hash, upper));
                                i = end + usize::from(next == b' ');
                                continue 'words;
                            }
                        }
                    }
                    i = end;
                    if next == b' ' {
                        i += 1;
                    } else if skip[next as usize] {
                        let b1 = bytes.get(end + 1).copied().unwrap_or(0);
                        i += 1 + usize::from(b1 < 0x80 && SPACE[b1 as usize]);
                    }
                }
                if i >= bytes.len() {
                    break;
                }
            }
            let w = load8(bytes, i);
            let (ends, lower) = classify(w);
            if ends & 0x80 != 0 {
                // Not a word: a space, a symbol or a byte that is not ASCII.
                let b = w as u8;
                if b < 0x80 {
                    if SPACE[b as usize] || (pending.is_none() && skip[b as usize]) {
                        // A space after it (`, `, `. `) goes too.
                        let b1 = (w >> 8) as u8;
                        i += 1 + usize::from(b1 < 0x80 && SPACE[b1 as usize]);
                        continue;
                    }
                } else if pending.is_none()
                    && let Some(m) = common_punctuation(bytes, i)
                    && skip[m as usize]
                {
                    i += 3;
                    continue;
                }
                break;
            }
            let (end, hash, upper, next) = if ends != 0 {
                // The word ends inside these 8 bytes, at `n` (1 to 7).
                let n = ends.trailing_zeros() / 8;
                let keep = (1u64 << (8 * n)) - 1;
                let folded = lower & keep;
                let hash = hash_end(hash_step(0, folded));
                // Of letters and digits, only uppercase letters change when folded.
                let upper = w & keep != folded;
                (i + n as usize, hash, upper, (w >> (8 * n)) as u8)
            } else {
                let (end, hash, upper) =
                    ascii_word_from(bytes, i + 8, hash_step(0, lower), !w & LOW);
                (end, hash, upper, bytes.get(end).copied().unwrap_or(0))
            };
            if next >= 0x80 && common_punctuation(bytes, end).is_none() {
                // The word may go on with a letter that is not ASCII.
                break;
            }
            if let Some(p) = pending.take() {
                let t = Token::ascii(i, end, hash, upper);
                if pair(&p, &t) {
                    window.push(p);
                    window.push(t);
                    self.pos = end;
                    return;
                }
            }
            match first(i, end, hash, upper) {
                Step::Skip => {}
                Step::Stop => {
                    window.push(Token::ascii(i, end, hash, upper));
                    self.pos = end;
                    return;
                }
                Step::Pending => pending = Some(Token::ascii(i, end, hash, upper)),
            }
            // Most words end at a space: step over it now, as over a skipped symbol after
            // the word and the space after that (what the next round would do with them).
            i = end;
            if next == b' ' {
                i += 1;
            } else if next < 0x80 && pending.is_none() && skip[next as usize] {
                let b1 = bytes.get(end + 1).copied().unwrap_or(0);
                i += 1 + usize::from(b1 < 0x80 && SPACE[b1 as usize]);
            }
        }
        self.pos = pending.map_or(i.min(bytes.len()), |p| p.ostart as usize);
    }

    /// The word starting at `i` with an ASCII letter or digit.
    #[inline(always)]
    fn word_at(&mut self, i: usize, buf: &mut Vec<u8>) -> Token {
        let bytes = self.text.as_bytes();
        let (end, hash, upper) = ascii_word(bytes, i);
        if bytes.get(end).is_some_and(|&b| b >= 0x80) && self.continues_word(end) {
            return self.slow_word(i, buf);
        }
        self.pos = end;
        Token::ascii(i, end, hash, upper)
    }

    /// `next_token` at a non-ASCII char.
    #[inline(never)]
    fn next_token_any(&mut self, buf: &mut Vec<u8>) -> Option<Token> {
        let bytes = self.text.as_bytes();
        let mut i = self.pos;
        while let Some(&b) = bytes.get(i) {
            if b < 0x80 {
                self.pos = i;
                return self.next_token(buf);
            }
            let c = self.char_at(i);
            let len = c.len_utf8();
            // The common non-ASCII characters of news text first, without the Unicode tables.
            let common_symbol = matches!(
                c,
                '\u{2013}' | '\u{2014}' | '\u{2018}'..='\u{201F}' | '\u{2026}'
            );
            if c == '\u{A0}'
                || (!common_symbol
                    && (c.is_whitespace() || c == '\u{200B}' || is_ignorable(c) || is_combining(c)))
            {
                // Whitespace separates tokens; an invisible character outside a word is
                // dropped.
                i += len;
                continue;
            }
            if !common_symbol && c.is_alphanumeric() {
                return Some(self.slow_word(i, buf));
            }
            let mapped = match c {
                '\u{2018}' | '\u{2019}' | '\u{201A}' | '\u{201B}' | '\u{2032}' | '\u{02BC}'
                | '\u{00B4}' => '\'',
                '\u{201C}' | '\u{201D}' | '\u{201E}' | '\u{201F}' | '\u{00AB}' | '\u{00BB}' => '"',
                '\u{2010}' | '\u{2011}' | '\u{2012}' | '\u{2013}' | '\u{2014}' | '\u{2212}' => '-',
                other => other,
            };
            self.pos = i + len;
            let fstart = buf.len();
            let mut tmp = [0u8; 4];
            buf.extend_from_slice(mapped.encode_utf8(&mut tmp).as_bytes());
            return Some(Token {
                ostart: i as u32,
                oend: (i + len) as u32,
                hash: hash_bytes(&buf[fstart..]),
                fstart: fstart as u32,
                fend: buf.len() as u32,
                upper: false,
            });
        }
        self.pos = i;
        None
    }

    /// The char starting at byte `i` (a char boundary).
    #[inline]
    fn char_at(&self, i: usize) -> char {
        self.text[i..].chars().next().unwrap_or('\u{FFFD}')
    }

    /// True when the non-ASCII char at `i` belongs to the word before it.
    #[inline(never)]
    fn continues_word(&self, i: usize) -> bool {
        let c = self.char_at(i);
        !(c.is_whitespace() || c == '\u{200B}')
            && (c.is_alphanumeric() || is_ignorable(c) || is_combining(c))
    }

    /// Folds the word starting at `start` (an alphanumeric char) into `buf`.
    #[inline(never)]
    fn slow_word(&mut self, start: usize, buf: &mut Vec<u8>) -> Token {
        let bytes = self.text.as_bytes();
        let fstart = buf.len();
        let mut upper = false;
        let mut i = start;
        while let Some(&b) = bytes.get(i) {
            if b < 0x80 {
                let l = LOWER[b as usize];
                if l == 0 {
                    break;
                }
                upper |= l != b;
                buf.push(l);
                i += 1;
                continue;
            }
            let c = self.char_at(i);
            if c.is_whitespace() || c == '\u{200B}' {
                break;
            }
            if is_ignorable(c) || is_combining(c) {
                // Invisible inside a word: part of the token, folded to nothing.
            } else if c.is_alphanumeric() {
                upper |= c.is_uppercase();
                for l in c.to_lowercase() {
                    if is_combining(l) {
                        continue;
                    }
                    match strip_diacritic(l) {
                        Some(s) => buf.extend_from_slice(s.as_bytes()),
                        None => {
                            let mut tmp = [0u8; 4];
                            buf.extend_from_slice(l.encode_utf8(&mut tmp).as_bytes());
                        }
                    }
                }
            } else {
                break;
            }
            i += c.len_utf8();
        }
        self.pos = i;
        let folded = &buf[fstart..];
        Token {
            ostart: start as u32,
            oend: i as u32,
            hash: hash_bytes(folded),
            fstart: fstart as u32,
            fend: buf.len() as u32,
            upper,
        }
    }
}

/// Bytes `0x80` (the high bit of each byte of a word).
pub(crate) const HIGH: u64 = 0x8080_8080_8080_8080;
/// Bit 5 of each byte (ASCII lowercase of a letter).
pub(crate) const LOW: u64 = 0x2020_2020_2020_2020;

/// Each byte `b`.
const fn bytes_of(b: u8) -> u64 {
    (b as u64) * 0x0101_0101_0101_0101
}

/// High bit of each byte of `w` (all below 0x80) that lies in `lo..=hi`.
#[inline]
pub(crate) const fn in_range(w: u64, lo: u8, hi: u8) -> u64 {
    (w + bytes_of(0x80 - lo)) & !(w + bytes_of(0x7F - hi)) & HIGH
}

/// The first 8 bytes at `at`, zero-padded past the end of `bytes`.
#[inline(always)]
fn load8(bytes: &[u8], at: usize) -> u64 {
    match bytes.get(at..).and_then(<[u8]>::first_chunk::<8>) {
        Some(b) => u64::from_le_bytes(*b),
        None => load_tail(bytes, at),
    }
}

/// `load8` within 8 bytes of the end.
#[cold]
#[inline(never)]
fn load_tail(bytes: &[u8], at: usize) -> u64 {
    let len = bytes.len();
    if at >= len {
        return 0;
    }
    // The last 8 bytes, shifted (most texts are longer than 8 bytes).
    if let Some(last) = bytes
        .get(len.saturating_sub(8)..)
        .and_then(<[u8]>::first_chunk::<8>)
    {
        return u64::from_le_bytes(*last) >> (8 * (at + 8 - len));
    }
    bytes[at..]
        .iter()
        .rev()
        .fold(0, |w, &b| (w << 8) | u64::from(b))
}

/// The ASCII word (letters and digits) starting at `start`, 8 bytes at a time: its end,
/// `hash_bytes` of its lowercase, and whether it has an uppercase letter.
#[inline]
pub(crate) fn ascii_word(bytes: &[u8], start: usize) -> (usize, u64, bool) {
    ascii_word_from(bytes, start, 0, 0)
}

/// `ascii_word` of a word whose first bytes, before `at`, are already hashed into `h`
/// (without `hash_end`) and their bit-5-clear letters or-ed into `upper`.
#[inline(always)]
fn ascii_word_from(bytes: &[u8], mut at: usize, mut h: u64, mut upper: u64) -> (usize, u64, bool) {
    loop {
        let w = load8(bytes, at);
        let (ends, lower) = classify(w);
        if ends == 0 {
            h = hash_step(h, lower);
            // Of letters and digits, only uppercase letters have bit 5 clear.
            upper |= !w & LOW;
            at += 8;
            continue;
        }
        let n = ends.trailing_zeros() as usize / 8;
        if n > 0 {
            let keep = u64::MAX >> (64 - 8 * n);
            h = hash_step(h, lower & keep);
            upper |= !w & LOW & keep;
        }
        at += n;
        return (at, hash_end(h), upper != 0);
    }
}

/// The ASCII symbol that the common news punctuation at `at` (curly quotes, en and em
/// dashes, three bytes of UTF-8) folds to, if it is one.
#[inline]
fn common_punctuation(bytes: &[u8], at: usize) -> Option<u8> {
    match bytes.get(at..at + 3)? {
        [0xE2, 0x80, 0x93 | 0x94] => Some(b'-'),
        [0xE2, 0x80, 0x98 | 0x99] => Some(b'\''),
        [0xE2, 0x80, 0x9C | 0x9D] => Some(b'"'),
        _ => None,
    }
}

/// The 8 bytes `w`: the high bit of each byte that is not an ASCII letter or digit, and the
/// bytes with bit 5 set (the lowercase of the letters and digits).
#[inline(always)]
const fn classify(w: u64) -> (u64, u64) {
    let seven = w & !HIGH;
    let lower = seven | LOW;
    let alnum = (in_range(seven, b'0', b'9') | in_range(lower, b'a', b'z')) & !w;
    (!alnum & HIGH, lower)
}

const HASH_K: u64 = 0x517c_c1b7_2722_0a95;

#[inline]
const fn hash_step(h: u64, w: u64) -> u64 {
    (h.rotate_left(5) ^ w).wrapping_mul(HASH_K)
}

/// Folds the well-mixed high bits of the last product into the low bits (which table
/// indexes and filters use).
#[inline]
const fn hash_end(h: u64) -> u64 {
    h ^ (h >> 29)
}

/// A fast 64-bit hash of a token's folded bytes (FxHash-style over 8-byte little-endian
/// words, the last one zero-padded). Folded tokens have no zero byte (but the one-byte token
/// of U+0000), so the padding needs no length: a token of at most 8 bytes even has a hash
/// of its own (a product by an odd constant is a bijection).
#[inline]
pub(crate) fn hash_bytes(bytes: &[u8]) -> u64 {
    let mut h = 0;
    let mut chunks = bytes.chunks_exact(8);
    for c in &mut chunks {
        let w = u64::from_le_bytes([c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7]]);
        h = hash_step(h, w);
    }
    let rest = chunks.remainder();
    if !rest.is_empty() {
        let mut w = [0u8; 8];
        w[..rest.len()].copy_from_slice(rest);
        h = hash_step(h, u64::from_le_bytes(w));
    }
    hash_end(h)
}

/// `hash_bytes` of the ASCII lowercase of `bytes[start..end]`, ASCII letters and digits,
/// without copying them (for these bytes, setting bit 5 is the lowercase).
#[inline]
pub(crate) fn hash_ascii_word(bytes: &[u8], start: usize, end: usize) -> u64 {
    let mut h = 0;
    let mut at = start;
    while at < end {
        let mut w = load8(bytes, at) | LOW;
        if end - at < 8 {
            w &= u64::MAX >> (64 - 8 * (end - at));
        }
        h = hash_step(h, w);
        at += 8;
    }
    hash_end(h)
}

/// `hash_bytes` of every one-byte ASCII symbol token.
static ASCII_SYMBOL_HASH: [u64; 128] = {
    let mut t = [0u64; 128];
    let mut i = 0;
    while i < 128 {
        t[i] = hash_end(hash_step(0, i as u64));
        i += 1;
    }
    t
};

/// Folds a name to the key aliases are compared on: tokens (runs of letters and digits, or
/// single other characters), lowercased, without diacritics, joined by one space. Two aliases
/// with the same key are the same alias for the matcher.
///
/// ```
/// use warta_gazetteer::fold_key;
/// assert_eq!(fold_key("Côte d’Ivoire"), "cote d ' ivoire");
/// assert_eq!(fold_key("PDI-P"), fold_key("pdi - p"));
/// assert_eq!(fold_key("Korea\u{A0}\u{A0}Selatan"), "korea selatan");
/// ```
pub fn fold_key(alias: &str) -> String {
    let mut out = Vec::with_capacity(alias.len());
    fold_key_into(alias, &mut Vec::new(), &mut out);
    String::from_utf8(out).unwrap_or_default()
}

/// [`fold_key`] of `alias` appended to `out`, with `buf` as scratch space (no allocation
/// once both have grown).
pub(crate) fn fold_key_into(alias: &str, buf: &mut Vec<u8>, out: &mut Vec<u8>) {
    if alias.is_ascii() {
        // What the scanner makes of ASCII, byte by byte: runs of letters and digits
        // lowercased, every other byte but whitespace a token of its own.
        let first = out.len();
        let mut in_word = false;
        for &b in alias.as_bytes() {
            let alnum = b.is_ascii_alphanumeric();
            if !alnum && SPACE[usize::from(b & 0x7F)] {
                in_word = false;
                continue;
            }
            if !(alnum && in_word) && out.len() > first {
                out.push(b' ');
            }
            out.push(FOLD[usize::from(b & 0x7F)]);
            in_word = alnum;
        }
        return;
    }
    fold_key_hashes_into(alias, buf, out, |_| {});
}

/// [`fold_key_into`] that also hands the hash of each token (what the matcher's trie is made
/// of) to `hash`, in order.
pub(crate) fn fold_key_hashes_into(
    alias: &str,
    buf: &mut Vec<u8>,
    out: &mut Vec<u8>,
    mut hash: impl FnMut(u64),
) {
    buf.clear();
    let first = out.len();
    let mut scanner = Scanner::new(alias);
    while let Some(t) = scanner.next_token(buf) {
        hash(t.hash);
        if out.len() > first {
            out.push(b' ');
        }
        match t.folded(alias.as_bytes(), buf) {
            FoldedBytes::Ascii(b) => out.extend(b.iter().map(|&b| FOLD[b as usize])),
            FoldedBytes::Buf(b) => out.extend_from_slice(b),
        }
    }
}

/// ASCII lowercase: the folded form of every ASCII byte of a token.
static FOLD: [u8; 128] = {
    let mut t = [0u8; 128];
    let mut i = 0;
    while i < 128 {
        t[i] = (i as u8).to_ascii_lowercase();
        i += 1;
    }
    t
};

/// Lowercase of ASCII letters and digits, 0 for every other byte.
static LOWER: [u8; 256] = {
    let mut t = [0u8; 256];
    let mut i = 0;
    while i < 128 {
        let b = i as u8;
        if b.is_ascii_alphanumeric() {
            t[i] = b.to_ascii_lowercase();
        }
        i += 1;
    }
    t
};

/// ASCII whitespace: separates tokens.
static SPACE: [bool; 128] = {
    let mut t = [false; 128];
    let mut i = 0;
    while i < 128 {
        t[i] = matches!(i as u8, b' ' | b'\t' | b'\n' | b'\r' | 0x0b | 0x0c);
        i += 1;
    }
    t
};

/// Format characters that may sit inside a word without separating it.
fn is_ignorable(c: char) -> bool {
    matches!(
        c,
        '\u{00AD}' | '\u{200C}' | '\u{200D}' | '\u{2060}' | '\u{FEFF}' | '\u{180E}'
    )
}

/// Combining marks (diacritics written as separate code points).
pub(crate) fn is_combining(c: char) -> bool {
    matches!(c,
        '\u{0300}'..='\u{036F}'
        | '\u{1AB0}'..='\u{1AFF}'
        | '\u{1DC0}'..='\u{1DFF}'
        | '\u{20D0}'..='\u{20FF}'
        | '\u{FE20}'..='\u{FE2F}')
}

/// ASCII replacement of a lowercase Latin letter with a diacritic, if it has one.
fn strip_diacritic(c: char) -> Option<&'static str> {
    let s = match c {
        'à'..='å' => "a",
        'æ' => "ae",
        'ç' => "c",
        'è'..='ë' => "e",
        'ì'..='ï' => "i",
        'ð' => "d",
        'ñ' => "n",
        'ò'..='ö' | 'ø' => "o",
        'ù'..='ü' => "u",
        'ý' | 'ÿ' => "y",
        'þ' => "th",
        'ß' => "ss",
        '\u{0100}'..='\u{017F}' => latin_ext_a(c),
        'ơ' => "o",
        'ư' => "u",
        'ǎ' => "a",
        'ǐ' => "i",
        'ǒ' => "o",
        'ǔ' | 'ǖ' | 'ǘ' | 'ǚ' | 'ǜ' => "u",
        'ș' => "s",
        'ț' => "t",
        '\u{1EA0}'..='\u{1EB7}' => "a",
        '\u{1EB8}'..='\u{1EC7}' => "e",
        '\u{1EC8}'..='\u{1ECB}' => "i",
        '\u{1ECC}'..='\u{1EE3}' => "o",
        '\u{1EE4}'..='\u{1EF1}' => "u",
        '\u{1EF2}'..='\u{1EF9}' => "y",
        _ => return None,
    };
    Some(s)
}

fn latin_ext_a(c: char) -> &'static str {
    match c as u32 {
        0x0100..=0x0105 => "a",
        0x0106..=0x010D => "c",
        0x010E..=0x0111 => "d",
        0x0112..=0x011B => "e",
        0x011C..=0x0123 => "g",
        0x0124..=0x0127 => "h",
        0x0128..=0x0131 => "i",
        0x0132..=0x0133 => "ij",
        0x0134..=0x0135 => "j",
        0x0136..=0x0138 => "k",
        0x0139..=0x0142 => "l",
        0x0143..=0x014B => "n",
        0x014C..=0x0151 => "o",
        0x0152..=0x0153 => "oe",
        0x0154..=0x0159 => "r",
        0x015A..=0x0161 => "s",
        0x0162..=0x0167 => "t",
        0x0168..=0x0173 => "u",
        0x0174..=0x0175 => "w",
        0x0176..=0x0178 => "y",
        0x0179..=0x017E => "z",
        _ => "s",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys() {
        let cases = [
            ("Korea  Selatan", "korea selatan"),
            ("Korea\u{A0}Selatan", "korea selatan"),
            ("Korea\r\n Selatan", "korea selatan"),
            ("PDI-P", "pdi - p"),
            ("AS-ROK", "as - rok"),
            ("Côte d’Ivoire", "cote d ' ivoire"),
            ("Erdoğan", "erdogan"),
            ("Nguyễn Phú Trọng", "nguyen phu trong"),
            ("Straße", "strasse"),
            ("Jo\u{200D}kowi", "jokowi"),
            ("Cafe\u{301}", "cafe"),
            ("İstanbul", "istanbul"),
            ("서울", "서울"),
            ("U.S.", "u . s ."),
            ("Jae–in", "jae - in"),
        ];
        for (input, want) in cases {
            assert_eq!(fold_key(input), want, "{input:?}");
        }
    }

    #[test]
    fn tokens_point_to_original_chars() {
        let text = "Cô\u{A0}A-nya Jokowinya Jo\u{200D}kowi\u{200D}, “Erdoğan”\u{301}";
        let mut buf = Vec::new();
        let mut scanner = Scanner::new(text);
        let mut got = Vec::new();
        while let Some(t) = scanner.next_token(&mut buf) {
            let folded = match t.folded(text.as_bytes(), &buf) {
                FoldedBytes::Ascii(b) => b.iter().map(|&b| FOLD[b as usize]).collect(),
                FoldedBytes::Buf(b) => b.to_vec(),
            };
            assert_eq!(t.hash, hash_bytes(&folded), "{t:?}");
            let folded = String::from_utf8(folded).unwrap();
            got.push((
                folded,
                &text[t.ostart as usize..t.oend as usize],
                t.upper,
                t.clitic(text.as_bytes(), &buf),
            ));
        }
        let want = [
            ("co", "Cô", true, 0),
            ("a", "A", true, 0),
            ("-", "-", false, 0),
            ("nya", "nya", false, 0),
            ("jokowinya", "Jokowinya", true, 3),
            ("jokowi", "Jo\u{200D}kowi\u{200D}", true, 0),
            (",", ",", false, 0),
            ("\"", "“", false, 0),
            ("erdogan", "Erdoğan", true, 0),
            ("\"", "”", false, 0),
        ];
        let want: Vec<(String, &str, bool, usize)> = want
            .iter()
            .map(|&(f, o, u, c)| (f.to_owned(), o, u, c))
            .collect();
        assert_eq!(got, want);
    }

    #[test]
    fn ascii_keys_are_the_scanners() {
        let alphabet = b"aZ0 -'.\n\x0b@`\x01";
        let mut texts: Vec<String> = vec![
            "Min-seol".into(),
            "O'Brien".into(),
            "  PDI-P  (Jakarta)\t".into(),
            "U.S.".into(),
            "Covid-19, 2024.".into(),
        ];
        for len in 0..=3 {
            let mut ix = vec![0; len];
            loop {
                texts.push(ix.iter().map(|&i| char::from(alphabet[i])).collect());
                let Some(k) = ix.iter().rposition(|&i| i + 1 < alphabet.len()) else {
                    break;
                };
                ix[k] += 1;
                ix[k + 1..].fill(0);
            }
        }
        for text in &texts {
            let (mut got, mut want) = (b"x".to_vec(), b"x".to_vec());
            fold_key_into(text, &mut Vec::new(), &mut got);
            fold_key_hashes_into(text, &mut Vec::new(), &mut want, |_| {});
            assert_eq!(got, want, "{text:?}");
        }
    }

    #[test]
    fn load8_pads_with_zeros_past_the_end() {
        let text = b"Kata Home, 2024.";
        for len in 0..=text.len() {
            let bytes = &text[..len];
            for at in 0..len + 2 {
                let mut want = [0u8; 8];
                for (k, b) in bytes.iter().skip(at).take(8).enumerate() {
                    want[k] = *b;
                }
                assert_eq!(load8(bytes, at), u64::from_le_bytes(want), "{len} {at}");
            }
        }
    }

    #[test]
    fn ascii_and_folded_hashes_agree() {
        for word in [
            "a",
            "AS",
            "Indonesia",
            "MENGATAKAN",
            "x1234567",
            "Abcdefgh9",
            "Sullivannya",
        ] {
            let lower = word.to_ascii_lowercase();
            let text = format!("{word} x");
            assert_eq!(
                hash_ascii_word(text.as_bytes(), 0, word.len()),
                hash_bytes(lower.as_bytes()),
                "{word}"
            );
            assert_eq!(
                hash_ascii_word(word.as_bytes(), 0, word.len()),
                hash_bytes(lower.as_bytes())
            );
            assert_eq!(
                ascii_word(text.as_bytes(), 0),
                (word.len(), hash_bytes(lower.as_bytes()), word != lower)
            );
        }
        for b in 0..128u8 {
            assert_eq!(ASCII_SYMBOL_HASH[b as usize], hash_bytes(&[b]));
        }
    }
}
