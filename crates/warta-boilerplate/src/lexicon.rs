//! Embedded word lists and the phrase lexicon of page chrome.

use std::borrow::Cow;

use crate::ChromeReason;

/// Indonesian function word.
pub(crate) const W_ID: u8 = 1;
/// English function word.
pub(crate) const W_EN: u8 = 2;
/// Calendar / clock / counter word (`Senin`, `November`, `WIB`, `views`).
pub(crate) const W_DATE: u8 = 4;

pub(crate) const BUILTIN_STOPWORDS: &str = include_str!("../data/stopwords.txt");
pub(crate) const BUILTIN_OUTLETS: &str = include_str!("../data/outlets.txt");
pub(crate) const BUILTIN_CHROME: &str = include_str!("../data/chrome.txt");

/// Where a chrome phrase must occur in a line for the line to count as chrome.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum PhraseMode {
    /// The line starts with the phrase, followed by a non-letter (`Baca Juga: …`).
    Prefix,
    /// The whole line is the phrase, ignoring surrounding punctuation and counters
    /// (`Related Articles`, `Tweet`, `Share 12`).
    Line,
    /// The phrase occurs anywhere in a short line (`SCROLL TO CONTINUE WITH CONTENT`).
    Anywhere,
}

impl PhraseMode {
    fn parse(s: &str) -> Option<PhraseMode> {
        match s {
            "prefix" => Some(PhraseMode::Prefix),
            "line" => Some(PhraseMode::Line),
            "any" => Some(PhraseMode::Anywhere),
            _ => None,
        }
    }
}

pub(crate) fn parse_reason(s: &str) -> Option<ChromeReason> {
    Some(match s {
        "teaser" => ChromeReason::Teaser,
        "navigation" => ChromeReason::Navigation,
        "widget" => ChromeReason::Widget,
        "advertisement" => ChromeReason::Advertisement,
        "social" => ChromeReason::Social,
        "related-list" => ChromeReason::RelatedList,
        "copyright" => ChromeReason::Copyright,
        "credit" => ChromeReason::Credit,
        "caption" => ChromeReason::Caption,
        "metadata" => ChromeReason::Metadata,
        "other" => ChromeReason::Other,
        _ => return None,
    })
}

/// One chrome phrase of the lexicon.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Phrase {
    /// Borrowed from the built-in list, owned when added.
    pub(crate) text: Cow<'static, str>,
    pub(crate) reason: ChromeReason,
    pub(crate) mode: PhraseMode,
}

/// The text before the first `sep` and the text after it.
#[inline]
fn split_at_byte(s: &str, sep: u8) -> Option<(&str, &str)> {
    memchr::memchr(sep, s.as_bytes()).map(|i| (&s[..i], &s[i + 1..]))
}

/// The lines of a built-in list that are neither blank nor comments (`#`).
fn data_lines(text: &'static str) -> impl Iterator<Item = &'static str> {
    let mut rest = Some(text);
    std::iter::from_fn(move || {
        let r = rest?;
        let (line, next) = split_at_byte(r, b'\n').unwrap_or((r, ""));
        rest = (!next.is_empty()).then_some(next);
        Some(line.strip_suffix('\r').unwrap_or(line))
    })
    .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
}

pub(crate) fn builtin_phrases() -> Vec<Phrase> {
    data_lines(BUILTIN_CHROME)
        .filter_map(|l| {
            let (reason, rest) = split_at_byte(l, b'\t')?;
            let (mode, rest) = split_at_byte(rest, b'\t')?;
            let text = split_at_byte(rest, b'\t').map_or(rest, |(t, _)| t).trim();
            Some(Phrase {
                text: Cow::Borrowed(text),
                reason: parse_reason(reason)?,
                mode: PhraseMode::parse(mode)?,
            })
        })
        .collect()
}

pub(crate) fn builtin_words() -> Vec<(Cow<'static, str>, u8)> {
    data_lines(BUILTIN_STOPWORDS)
        .filter_map(|l| {
            let (tag, word) = split_at_byte(l, b' ')?;
            let flag = match tag {
                "id" => W_ID,
                "en" => W_EN,
                "date" => W_DATE,
                _ => return None,
            };
            Some((Cow::Borrowed(word.trim()), flag))
        })
        .collect()
}

pub(crate) fn builtin_outlets() -> Vec<String> {
    data_lines(BUILTIN_OUTLETS)
        .map(|l| l.trim().to_string())
        .collect()
}

/// Packs an ASCII word of at most 15 bytes into a `u128` key (never 0), lowercased the cheap
/// way: bit 0x20 set on every byte (letters become lowercase, digits stay digits).
#[inline]
pub(crate) fn pack(word: &[u8]) -> Option<u128> {
    let len = word.len();
    if len == 0 || len > 15 {
        return None;
    }
    let mut buf = [0u8; 16];
    for (d, s) in buf.iter_mut().zip(word) {
        *d = *s;
    }
    pack_bits(u128::from_le_bytes(buf), len)
}

/// The key of the `len` (1..=15) little-endian bytes `v` (higher bytes zero).
#[inline]
pub(crate) fn pack_bits(v: u128, len: usize) -> Option<u128> {
    pack_halves(v as u64, (v >> 64) as u64, len)
}

/// [`pack_bits`] of the bytes split into two little-endian halves (bytes 0..8 in `lo`, 8..16
/// in `hi`), with 64-bit operations only.
#[inline]
pub(crate) fn pack_halves(lo: u64, hi: u64, len: usize) -> Option<u128> {
    const HIGH: u64 = 0x8080_8080_8080_8080;
    const CASE: u64 = 0x2020_2020_2020_2020;
    if (lo | hi) & HIGH != 0 {
        return None;
    }
    let (case_lo, case_hi) = if len <= 8 {
        (CASE >> (8 * (8 - len)), 0)
    } else {
        (CASE, CASE >> (8 * (16 - len)))
    };
    let hi = (hi | case_hi) | ((len as u64) << 56);
    Some((u128::from(hi) << 64) | u128::from(lo | case_lo))
}

/// A small open-addressing table from packed words to flag bits: a few nanoseconds a lookup.
#[derive(Debug, Clone)]
pub(crate) struct WordTable {
    keys: Vec<u128>,
    flags: Vec<u8>,
    shift: u32,
    /// Bit `second letter` of entry `[length][first letter]`: which (length, first two
    /// letters) occur at all, so most content words are rejected before hashing.
    shapes: [[u32; 32]; 16],
    /// Bit `last letter` of entry `[length][first letter]`: with `shapes`, most words that are
    /// not in the table are rejected before hashing.
    lasts: [[u32; 32]; 16],
}

impl WordTable {
    pub(crate) fn new(words: &[(Cow<'static, str>, u8)]) -> WordTable {
        let bits = (words.len() * 4)
            .max(64)
            .next_power_of_two()
            .trailing_zeros();
        let size = 1usize << bits;
        let mut table = WordTable {
            keys: vec![0; size],
            flags: vec![0; size],
            shift: 64 - bits,
            shapes: [[0; 32]; 16],
            lasts: [[0; 32]; 16],
        };
        for (w, f) in words {
            if let Some(k) = pack(w.as_bytes()) {
                let (first, second) = shape(w.as_bytes());
                table.shapes[w.len()][first] |= 1 << second;
                table.lasts[w.len()][first] |= 1 << last_key(w.as_bytes());
                let mut i = table.slot(k);
                loop {
                    if table.keys[i] == 0 || table.keys[i] == k {
                        table.keys[i] = k;
                        table.flags[i] |= f;
                        break;
                    }
                    i = (i + 1) & (size - 1);
                }
            }
        }
        table
    }

    #[inline]
    fn slot(&self, k: u128) -> usize {
        let x = (k as u64) ^ ((k >> 64) as u64).rotate_left(29);
        (x.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> self.shift) as usize
    }

    /// Whether `word` (not empty) can be in the table at all, from its length, first two
    /// bytes and last byte.
    #[inline]
    pub(crate) fn may_contain(&self, word: &[u8]) -> bool {
        let (first, second) = shape(word);
        let len = word.len();
        // One test of both bits.
        len < 16
            && (self.shapes[len][first] >> second) & (self.lasts[len][first] >> last_key(word)) & 1
                != 0
    }

    #[inline]
    pub(crate) fn get(&self, k: u128) -> u8 {
        let mask = self.keys.len() - 1;
        let mut i = self.slot(k);
        loop {
            let key = self.keys[i];
            if key == k {
                return self.flags[i];
            }
            if key == 0 {
                return 0;
            }
            i = (i + 1) & mask;
        }
    }
}

/// The first two bytes of a word (not empty) folded to 0..32 each, case-insensitive for ASCII
/// letters; a one-byte word has 0 as its second.
#[inline]
fn shape(word: &[u8]) -> (usize, u32) {
    let fold = |x: u8| (x | 0x20) & 31;
    let second = word.get(1).map_or(0, |&x| fold(x));
    (usize::from(fold(word[0])), u32::from(second))
}

/// The last byte of a word (not empty) folded to 0..32, case-insensitive for ASCII letters.
#[inline]
fn last_key(word: &[u8]) -> u32 {
    u32::from((word[word.len() - 1] | 0x20) & 31)
}

/// No node / no phrase.
const NONE: u32 = u32::MAX;

/// The phrases in a trie over their bytes folded to ASCII lowercase, to find the longest phrase
/// starting at a position (ASCII case-insensitive). Built from the sorted keys in one pass,
/// far cheaper than an automaton; a node's children are contiguous.
#[derive(Debug, Clone)]
struct PhraseSet {
    nodes: Vec<Node>,
    /// The byte leading to each node (lowercase).
    labels: Vec<u8>,
    /// The child of the root for each byte (both cases of a letter), or [`NONE`].
    root: Box<[u32; 256]>,
    phrases: Vec<Phrase>,
}

/// A trie node: its children are `first..first + count`.
#[derive(Debug, Clone, Copy)]
struct Node {
    first: u32,
    count: u32,
    /// The phrase ending here, or [`NONE`].
    phrase: u32,
}

impl PhraseSet {
    /// `None` for no phrase. Phrases must not be empty.
    fn new(phrases: Vec<Phrase>) -> Option<PhraseSet> {
        if phrases.is_empty() {
            return None;
        }
        let mut bytes = Vec::with_capacity(phrases.iter().map(|p| p.text.len()).sum());
        let mut keys = Vec::with_capacity(phrases.len());
        for (i, p) in phrases.iter().enumerate() {
            let start = bytes.len();
            bytes.extend(p.text.bytes().map(|b| b.to_ascii_lowercase()));
            keys.push((start, bytes.len(), i as u32));
        }
        let key = |&(s, e, _): &(usize, usize, u32)| &bytes[s..e];
        // Of phrases equal after folding, the first added wins.
        keys.sort_unstable_by(|a, b| key(a).cmp(key(b)).then(a.2.cmp(&b.2)));
        keys.dedup_by(|b, a| key(a) == key(b));
        let empty = Node {
            first: 0,
            count: 0,
            phrase: NONE,
        };
        // Breadth first: node `i` holds the keys `ranges[i]`, which share their first
        // `depth` bytes; the one of exactly `depth` bytes (sorted first) ends there.
        // At most one node per key byte, and the root.
        let mut nodes = Vec::with_capacity(bytes.len() + 1);
        let mut labels = Vec::with_capacity(bytes.len() + 1);
        let mut ranges = Vec::with_capacity(bytes.len() + 1);
        nodes.push(empty);
        labels.push(0);
        ranges.push((0, keys.len(), 0));
        let mut i = 0;
        while i < nodes.len() {
            let (mut lo, hi, depth) = ranges[i];
            if lo < hi && key(&keys[lo]).len() == depth {
                nodes[i].phrase = keys[lo].2;
                lo += 1;
            }
            nodes[i].first = nodes.len() as u32;
            while lo < hi {
                let b = key(&keys[lo])[depth];
                let mut end = lo + 1;
                while end < hi && key(&keys[end])[depth] == b {
                    end += 1;
                }
                nodes.push(empty);
                labels.push(b);
                ranges.push((lo, end, depth + 1));
                lo = end;
            }
            nodes[i].count = nodes.len() as u32 - nodes[i].first;
            i += 1;
        }
        let mut root = Box::new([NONE; 256]);
        let children = nodes[0].first..nodes[0].first + nodes[0].count;
        for c in children {
            let b = labels[c as usize];
            root[usize::from(b)] = c;
            root[usize::from(b.to_ascii_uppercase())] = c;
        }
        Some(PhraseSet {
            nodes,
            labels,
            root,
            phrases,
        })
    }

    /// The longest phrase at the start of `hay` and its length.
    #[inline]
    fn longest(&self, hay: &[u8]) -> Option<(&Phrase, usize)> {
        let mut node = self.root[usize::from(*hay.first()?)];
        if node == NONE {
            return None;
        }
        let mut best = None;
        let mut k = 1;
        loop {
            let n = self.nodes[node as usize];
            if n.phrase != NONE {
                best = Some((n.phrase, k));
            }
            let Some(&b) = hay.get(k) else {
                break;
            };
            let b = b.to_ascii_lowercase();
            let children = &self.labels[n.first as usize..(n.first + n.count) as usize];
            let Some(j) = children.iter().position(|&l| l == b) else {
                break;
            };
            node = n.first + j as u32;
            k += 1;
        }
        best.map(|(p, len)| (&self.phrases[p as usize], len))
    }

    /// The leftmost-longest phrase in `hay[from..]`: where it starts, the phrase and its
    /// length.
    fn next_in(&self, hay: &[u8], from: usize) -> Option<(usize, &Phrase, usize)> {
        (from..hay.len()).find_map(|i| {
            if self.root[usize::from(hay[i])] == NONE {
                return None;
            }
            self.longest(&hay[i..]).map(|(p, len)| (i, p, len))
        })
    }
}

/// The compiled phrase lexicon: the line-start phrases (`prefix`, `line`) and the `any`
/// phrases apart, so a line costs one probe at its start plus, for short lines only, one scan.
#[derive(Debug, Clone)]
pub(crate) struct PhraseMatcher {
    start: Option<PhraseSet>,
    /// The [`head_key`]s of the line-start phrases, as a bit set: most lines are rejected
    /// before the phrases are searched. `None` when a phrase is shorter than three bytes.
    heads: Option<Box<[u64]>>,
    anywhere: Option<PhraseSet>,
    /// The length in bytes of the shortest `any` phrase: shorter lines are not scanned.
    min_anywhere: usize,
    /// The ASCII letters of each `any` phrase, as bit sets ([`letters`]): a line lacking a
    /// letter of every phrase is not scanned. `None` for many phrases (the test would cost
    /// more than the scan).
    anywhere_letters: Option<Vec<u32>>,
}

/// The ASCII letters (either case) of `b` as a bit set: bit 0 for `a`, 25 for `z`.
#[inline]
fn letters(b: &[u8]) -> u32 {
    b.iter().fold(0, |set, &x| {
        // `| 0x20` lowercases ASCII letters and makes no other byte a lowercase letter.
        let k = (x | 0x20).wrapping_sub(b'a');
        if k < 26 { set | (1 << k) } else { set }
    })
}

/// A 15-bit key of the first three bytes, equal for bytes that differ in ASCII case only.
#[inline]
fn head_key(b: &[u8]) -> usize {
    let fold = |x: u8| usize::from((x | 0x20) & 31);
    (fold(b[0]) << 10) | (fold(b[1]) << 5) | fold(b[2])
}

fn head_set(phrases: &[Phrase]) -> Option<Box<[u64]>> {
    let mut set = vec![0u64; (1 << 15) / 64];
    for p in phrases {
        let b = p.text.as_bytes();
        if b.len() < 3 {
            return None;
        }
        let k = head_key(b);
        set[k / 64] |= 1 << (k % 64);
    }
    Some(set.into_boxed_slice())
}

/// A lexicon hit on a line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Hit {
    pub(crate) reason: ChromeReason,
    /// The phrase is the whole line (a list header such as `Baca Juga` or `Berita Lainnya`).
    pub(crate) whole: bool,
    /// The phrase starts the line (a `prefix` or `line` phrase).
    pub(crate) at_start: bool,
}

impl PhraseMatcher {
    pub(crate) fn new(phrases: Vec<Phrase>) -> PhraseMatcher {
        let (anywhere, start): (Vec<Phrase>, Vec<Phrase>) = phrases
            .into_iter()
            .filter(|p| !p.text.trim().is_empty())
            .partition(|p| p.mode == PhraseMode::Anywhere);
        PhraseMatcher {
            heads: head_set(&start),
            start: PhraseSet::new(start),
            min_anywhere: anywhere.iter().map(|p| p.text.len()).min().unwrap_or(0),
            anywhere_letters: (anywhere.len() <= 16).then(|| {
                anywhere
                    .iter()
                    .map(|p| letters(p.text.as_bytes()))
                    .collect()
            }),
            anywhere: PhraseSet::new(anywhere),
        }
    }

    /// The lexicon hit of `line` (trimmed). `scan_anywhere` also looks for `any` phrases in
    /// the first `limit` bytes.
    pub(crate) fn find(&self, line: &str, scan_anywhere: bool, limit: usize) -> Option<Hit> {
        let bytes = line.as_bytes();
        if let Some(set) = &self.start {
            // Leading arrows and bullets do not hide a phrase (`» Selanjutnya`, `• Baca juga`).
            let lead = if bytes.first().is_some_and(u8::is_ascii_alphanumeric) {
                0
            } else {
                line.len()
                    - line
                        .trim_start_matches(|c: char| {
                            c.is_whitespace()
                                || matches!(c, '»' | '›' | '>' | '•' | '*' | '#' | '|' | '-')
                        })
                        .len()
            };
            let head = &bytes[lead..];
            let possible = self.heads.as_ref().is_none_or(|set| {
                head.len() >= 3 && {
                    let k = head_key(head);
                    set[k / 64] & (1 << (k % 64)) != 0
                }
            });
            if possible && let Some((p, len)) = set.longest(head) {
                let end = lead + len;
                let whole = rest_is_decoration(&line[end..]);
                let ok = match p.mode {
                    PhraseMode::Line => whole,
                    _ => !is_letter_at(bytes, end),
                };
                if ok {
                    return Some(Hit {
                        reason: p.reason,
                        whole,
                        at_start: true,
                    });
                }
            }
        }
        if !scan_anywhere || bytes.len() < self.min_anywhere {
            return None;
        }
        let set = self.anywhere.as_ref()?;
        let hay = &bytes[..bytes.len().min(limit)];
        if let Some(required) = &self.anywhere_letters {
            let have = letters(hay);
            if required.iter().all(|&r| r & !have != 0) {
                return None;
            }
        }
        // The leftmost-longest phrases, one after another without overlapping: the first with
        // no letter on either side counts.
        let mut from = 0;
        while let Some((start, p, len)) = set.next_in(hay, from) {
            let end = start + len;
            if !is_letter_before(bytes, start) && !is_letter_at(bytes, end) {
                return Some(Hit {
                    reason: p.reason,
                    whole: start == 0 && rest_is_decoration(&line[end..]),
                    at_start: false,
                });
            }
            from = end;
        }
        None
    }
}

#[inline]
fn is_letter_at(b: &[u8], i: usize) -> bool {
    b.get(i)
        .is_some_and(|&c| c.is_ascii_alphanumeric() || c >= 0x80)
}

#[inline]
fn is_letter_before(b: &[u8], i: usize) -> bool {
    i > 0 && (b[i - 1].is_ascii_alphanumeric() || b[i - 1] >= 0x80)
}

/// True when what follows a whole-line phrase is only punctuation, arrows or a counter
/// (`Related Articles`, `Baca Juga:`, `Share 12`, `Index »`).
fn rest_is_decoration(rest: &str) -> bool {
    rest.chars().all(|c| {
        c.is_whitespace()
            || c.is_ascii_digit()
            || matches!(
                c,
                ':' | '.' | '!' | '»' | '«' | '›' | '>' | '|' | '(' | ')' | '-' | '–' | '—' | '+'
            )
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The built-in lists read as the standard library's `lines` and `split` read them.
    #[test]
    fn builtin_lists_are_read_line_by_line() {
        let lines = |text: &'static str| -> Vec<&'static str> {
            text.lines()
                .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
                .collect()
        };
        let phrases: Vec<(&str, &str, &str)> = lines(BUILTIN_CHROME)
            .into_iter()
            .map(|l| {
                let mut parts = l.split('\t');
                let mut next = || parts.next().unwrap_or_default();
                (next(), next(), next().trim())
            })
            .collect();
        let builtin = builtin_phrases();
        let got: Vec<(ChromeReason, PhraseMode, &str)> = builtin
            .iter()
            .map(|p| (p.reason, p.mode, &*p.text))
            .collect();
        let want: Vec<(ChromeReason, PhraseMode, &str)> = phrases
            .iter()
            .map(|&(r, m, t)| (parse_reason(r).unwrap(), PhraseMode::parse(m).unwrap(), t))
            .collect();
        assert_eq!(got, want);
        let builtin = builtin_words();
        let words: Vec<&str> = builtin.iter().map(|(w, _)| &**w).collect();
        let want: Vec<&str> = lines(BUILTIN_STOPWORDS)
            .into_iter()
            .map(|l| l.split_once(' ').unwrap().1.trim())
            .collect();
        assert_eq!(words, want);
        let want: Vec<&str> = lines(BUILTIN_OUTLETS).into_iter().map(str::trim).collect();
        assert_eq!(builtin_outlets(), want);
        assert_eq!(
            data_lines("a\r\n\n# c\n b \nlast").collect::<Vec<_>>(),
            ["a", " b ", "last"]
        );
    }

    #[test]
    fn word_table_finds_words_case_insensitively() {
        let t = WordTable::new(&builtin_words());
        assert_eq!(t.get(pack(b"Yang").unwrap()) & W_ID, W_ID);
        assert_eq!(t.get(pack(b"the").unwrap()) & W_EN, W_EN);
        assert_eq!(t.get(pack(b"November").unwrap()) & W_DATE, W_DATE);
        assert_eq!(t.get(pack(b"presiden").unwrap()), 0);
        assert!(pack(b"abcdefghijklmnopq").is_none());
    }

    #[test]
    fn word_table_prefilter_keeps_every_word_in_either_case() {
        let words = builtin_words();
        let t = WordTable::new(&words);
        for (w, _) in &words {
            assert!(t.may_contain(w.as_bytes()), "{w}");
            assert!(t.may_contain(w.to_ascii_uppercase().as_bytes()), "{w}");
        }
        // Same length and first two letters as `yang`, another last letter.
        assert!(!t.may_contain(b"yanx"));
        assert!(!t.may_contain(b"presidennya"));
    }

    #[test]
    fn phrase_modes() {
        let m = PhraseMatcher::new(builtin_phrases());
        let hit = |s: &str| m.find(s, true, 300).map(|h| h.reason);
        assert_eq!(hit("Baca Juga: Joe Biden"), Some(ChromeReason::Teaser));
        assert_eq!(hit("Related Articles"), Some(ChromeReason::RelatedList));
        assert_eq!(hit("Terkait kekuatan mantan timnya, Samsul mengaku."), None);
        assert_eq!(hit("Bacaan juga"), None);
        assert_eq!(hit("Share 12"), Some(ChromeReason::Social));
        assert_eq!(
            hit("ada iklan SCROLL TO CONTINUE WITH CONTENT di sini"),
            Some(ChromeReason::Advertisement)
        );
        assert_eq!(
            hit("© 2024 Warta. all rights reserved."),
            Some(ChromeReason::Copyright)
        );
        // Every letter of `All Rights Reserved` but `v`: no scan, no hit.
        assert_eq!(hit("All Rights Reserbed di halaman ini"), None);
        assert_eq!(letters(b"Az-z\xc3\x80@[`{"), 1 | 1 << 25);
    }

    /// The phrase sets find what the leftmost-longest automaton of `aho-corasick`, which they
    /// replace, finds: anchored at a line start and one match after another in a line.
    #[test]
    fn phrase_sets_agree_with_an_automaton() {
        use aho_corasick::{AhoCorasick, Anchored, Input, MatchKind, StartKind};
        let pieces = [
            "baca", "Baca", "BACA", " ", "juga", "Juga", "a", "A", "ab", "b", "é", "É", ":", "x",
            "\u{a0}", "ja",
        ];
        let mut seed = 0x2545_F491_4F6C_DD1D;
        for round in 0..60 {
            seed += 1;
            let phrases: Vec<Phrase> = crate::random_lines(&pieces, seed, 1 + round % 12, 4)
                .map(|text| Phrase {
                    text: Cow::Owned(text),
                    reason: ChromeReason::Other,
                    mode: PhraseMode::Prefix,
                })
                .collect();
            let texts: Vec<&str> = phrases.iter().map(|p| &*p.text).collect();
            let build = |kind| {
                AhoCorasick::builder()
                    .ascii_case_insensitive(true)
                    .match_kind(MatchKind::LeftmostLongest)
                    .start_kind(kind)
                    .build(&texts)
                    .unwrap()
            };
            let (anchored, unanchored) = (build(StartKind::Anchored), build(StartKind::Unanchored));
            let set = PhraseSet::new(phrases.clone()).unwrap();
            for line in crate::random_lines(&pieces, seed << 8, 300, 8) {
                let hay = line.as_bytes();
                let want = anchored
                    .find(Input::new(hay).anchored(Anchored::Yes))
                    .map(|m| (texts[m.pattern().as_usize()], m.end()));
                let got = set.longest(hay).map(|(p, len)| (&*p.text, len));
                assert_eq!(got, want, "{texts:?} {line:?}");
                let want: Vec<_> = unanchored
                    .find_iter(hay)
                    .map(|m| (m.start(), texts[m.pattern().as_usize()], m.end()))
                    .collect();
                let mut got = Vec::new();
                let mut from = 0;
                while let Some((start, p, len)) = set.next_in(hay, from) {
                    got.push((start, &*p.text, start + len));
                    from = start + len;
                }
                assert_eq!(got, want, "{texts:?} {line:?}");
            }
        }
    }
}
