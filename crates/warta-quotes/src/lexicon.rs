//! Embedded word lists (cues, roles, affiliation words, stop words, pronouns, ranks, …)
//! compiled into hash tables with cheap byte-level prefilters.

use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasherDefault, Hasher};

pub(crate) const CUES: &str = include_str!("../data/cues.txt");
pub(crate) const ROLES: &str = include_str!("../data/roles.txt");
pub(crate) const AFFILIATION: &str = include_str!("../data/affiliation.txt");
pub(crate) const PLACES: &str = include_str!("../data/places.txt");
pub(crate) const MEDIA: &str = include_str!("../data/media.txt");
pub(crate) const STOPCAPS: &str = include_str!("../data/stopcaps.txt");
pub(crate) const PRONOUNS: &str = include_str!("../data/pronouns.txt");
pub(crate) const NONPERSON: &str = include_str!("../data/nonperson.txt");
pub(crate) const RANKS: &str = include_str!("../data/ranks.txt");
pub(crate) const CORPS: &str = include_str!("../data/corps.txt");
pub(crate) const NAME_OPENERS: &str = include_str!("../data/name_openers.txt");
pub(crate) const ROLE_ABBREVIATIONS: &str = include_str!("../data/role_abbreviations.txt");
pub(crate) const PERSON_NOUNS: &str = include_str!("../data/person_nouns.txt");
pub(crate) const CONNECTORS: &str = include_str!("../data/connectors.txt");
pub(crate) const CIRCUMSTANCE_OPENERS: &str = include_str!("../data/circumstance_openers.txt");
pub(crate) const CONJUNCTIONS: &str = include_str!("../data/conjunctions.txt");
pub(crate) const OFFICES: &str = include_str!("../data/offices.txt");
pub(crate) const INSTITUTIONS: &str = include_str!("../data/institutions.txt");
pub(crate) const ADVERBS: &str = include_str!("../data/adverbs.txt");
pub(crate) const DEMONSTRATIVES: &str = include_str!("../data/demonstratives.txt");

/// How a cue word behaves.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum CueClass {
    /// Bare verb after a quote or starting `kata X` (`kata`, `ujar`); can also close an
    /// unmarked indirect quote (`…, kata X.`).
    Base,
    /// Bare verb only trusted right after a quote (`jelas`, `tambah`).
    After,
    /// Reported-speech verb with its subject before it (`mengatakan`).
    Me,
    /// Reporting verb that is speech only before `bahwa` (`menunjukkan`).
    Weak,
    /// `menurut`.
    Menurut,
}

impl CueClass {
    /// Parses the class column of the cue list.
    pub(crate) fn parse(s: &str) -> Option<CueClass> {
        Some(match s {
            "base" => CueClass::Base,
            "after" => CueClass::After,
            "me" => CueClass::Me,
            "weak" => CueClass::Weak,
            "menurut" => CueClass::Menurut,
            _ => return None,
        })
    }
}

/// One pattern of the cue automaton.
#[derive(Debug, Clone, Copy)]
pub(crate) struct CueEntry {
    pub class: CueClass,
    /// The form ends in `-nya` (`katanya`): the speaker is implicit.
    pub nya: bool,
}

/// Lines of an embedded list, without comments and blank lines.
pub(crate) fn lines(data: &str) -> impl Iterator<Item = &str> {
    data.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
}

/// `src` (not longer than `buf`) ASCII-lowercased into the start of `buf`, byte by byte (short
/// words: no call to `memcpy`).
#[inline(always)]
fn lower_into<'b>(buf: &'b mut [u8], src: &[u8]) -> &'b [u8] {
    let dst = &mut buf[..src.len()];
    for (d, &b) in dst.iter_mut().zip(src) {
        *d = b.to_ascii_lowercase();
    }
    dst
}

/// Calls `f` with `s` lowercased, without allocating for short ASCII words.
#[inline]
pub(crate) fn with_lower<R>(s: &str, f: impl FnOnce(&str) -> R) -> R {
    let mut buf = [0u8; 48];
    // Most words are lowercase ASCII already: no copy, no check.
    if s.len() <= buf.len() && s.bytes().all(|c| c.is_ascii() && !c.is_ascii_uppercase()) {
        return f(s);
    }
    if s.len() <= buf.len() && s.is_ascii() {
        let b = lower_into(&mut buf, s.as_bytes());
        match std::str::from_utf8(b) {
            Ok(l) => f(l),
            Err(_) => f(&norm(s)),
        }
    } else {
        f(&norm(s))
    }
}

/// Calls `f` with the bytes of `s` lowercased (as [`norm`] does), without allocating or
/// validating for short ASCII words.
#[inline]
pub(crate) fn with_lower_bytes<R>(s: &str, f: impl FnOnce(&[u8]) -> R) -> R {
    let mut buf = [0u8; 48];
    if s.len() <= buf.len() && s.is_ascii() {
        f(lower_into(&mut buf, s.as_bytes()))
    } else {
        f(norm(s).as_bytes())
    }
}

/// A fast hasher for the fixed lexicon tables (their keys are ours, not the input's).
#[derive(Debug, Default, Clone, Copy)]
pub(crate) struct FxHasher {
    hash: u64,
}

impl FxHasher {
    /// The hash of a key packed by [`pack_bytes`].
    #[inline]
    pub(crate) fn packed(p: u128) -> u64 {
        let mut h = FxHasher::default();
        h.add(p as u64);
        h.add((p >> 64) as u64);
        h.hash
    }

    #[inline]
    fn add(&mut self, w: u64) {
        self.hash = (self.hash.rotate_left(5) ^ w).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }
}

impl Hasher for FxHasher {
    #[inline]
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            let mut a = [0u8; 8];
            a.copy_from_slice(c);
            self.add(u64::from_le_bytes(a));
        }
        let rest = chunks.remainder();
        if !rest.is_empty() {
            let mut a = [0u8; 8];
            for (d, &b) in a.iter_mut().zip(rest) {
                *d = b;
            }
            self.add(u64::from_le_bytes(a));
        }
    }

    #[inline]
    fn write_u8(&mut self, i: u8) {
        self.add(u64::from(i));
    }

    #[inline]
    fn write_usize(&mut self, i: usize) {
        self.add(i as u64);
    }

    #[inline]
    fn finish(&self) -> u64 {
        self.hash
    }
}

/// Hash builder of the lexicon tables.
pub(crate) type FxBuild = BuildHasherDefault<FxHasher>;

/// Word flags of [`Lexicon::flags`].
pub(crate) mod flag {
    /// Part of a role phrase.
    pub const ROLE: u16 = 1;
    /// Capitalised word that never starts a name.
    pub const STOP: u16 = 2;
    /// Organisation or place word.
    pub const AFF: u16 = 4;
    /// Organisation head word taking a complement.
    pub const HEAD: u16 = 8;
    /// Pronoun referring to the last speaker.
    pub const PRONOUN: u16 = 16;
    /// Stop word that also ends a run in its middle (days, months, pronouns).
    pub const HARD_STOP: u16 = 32;
    /// Word of a place, law or programme name, never of a person (`Taman`, `RUU`).
    pub const NONPERSON: u16 = 64;
    /// Military or police rank, or a word of a rank phrase (`Mayjen`, `TNI`).
    pub const RANK: u16 = 128;
    /// Corps, branch or status word written after a rank (`Inf`, `Laut`, `Purn`).
    pub const CORPS: u16 = 256;
    /// Word that opens personal names (`I`, `Gusti`, `Muhammad`).
    pub const NAME_OPENER: u16 = 512;
    /// Noun for a person that opens an epithet (`pria`, `warga`).
    pub const PERSON_NOUN: u16 = 1024;
    /// Lowercase particle inside a name (`bin`, `van`).
    pub const CONNECTOR: u16 = 2048;
    /// Word that opens a circumstance between a subject and its verb (`saat`, `dalam`).
    pub const CIRCUMSTANCE: u16 = 4096;
    /// Conjunction that may open a clause before its subject (`sedangkan`).
    pub const CONJUNCTION: u16 = 8192;
    /// Adverb between a subject and its verb (`juga`, `pun`).
    pub const ADVERB: u16 = 16384;
    /// Demonstrative closing an epithet (`itu`, `tersebut`).
    pub const DEMONSTRATIVE: u16 = 32768;
    /// The flags that [`super::Lexicon::flags`] leaves out; [`super::Lexicon::has`] finds them.
    pub const RARE: u16 =
        NAME_OPENER | PERSON_NOUN | CONNECTOR | CIRCUMSTANCE | CONJUNCTION | ADVERB | DEMONSTRATIVE;
}

/// True when `word` has the shape of an Indonesian abstract noun that names a portfolio or a
/// field (`Transmigrasi`, `Kebudayaan`, `Pembangunan`, `Perlindungan`): `ke-…-an`, `pe-…-an`
/// or `-asi`, eight letters or more. Such a word glued before a name (`… dan Transmigrasi
/// Abdul Halim Iskandar`) ends a role or an affiliation; it is only trusted at the start of a
/// name part, since surnames take these shapes too (`Bergas Catursasi Penanggungan`).
pub(crate) fn is_portfolio_shape(word: &str) -> bool {
    let b = word.as_bytes();
    if b.len() < 8 || !b.iter().all(u8::is_ascii_alphabetic) {
        return false;
    }
    let lower = |i: usize| b[i].to_ascii_lowercase();
    let n = b.len();
    let ends = |suffix: &[u8]| {
        b[n - suffix.len()..]
            .iter()
            .zip(suffix)
            .all(|(c, s)| c.to_ascii_lowercase() == *s)
    };
    (matches!((lower(0), lower(1)), (b'k' | b'p', b'e')) && ends(b"an")) || ends(b"asi")
}

/// Normalises a phrase for lookups: lowercase, single spaces.
pub(crate) fn norm(s: &str) -> String {
    if s.is_ascii() {
        return norm_ascii(s.as_bytes());
    }
    let mut out = String::with_capacity(s.len());
    for w in s.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        if w.is_ascii() {
            let at = out.len();
            out.push_str(w);
            out[at..].make_ascii_lowercase();
        } else {
            out.extend(w.chars().flat_map(char::to_lowercase));
        }
    }
    out
}

/// [`norm`] of an ASCII string, byte by byte: the whitespace chars of ASCII are tab, line
/// feed, vertical tab, form feed, carriage return and space.
fn norm_ascii(s: &[u8]) -> String {
    let mut out = Vec::with_capacity(s.len());
    for w in s
        .split(|b| matches!(b, b'\t' | b'\n' | 0x0b | 0x0c | b'\r' | b' '))
        .filter(|w| !w.is_empty())
    {
        if !out.is_empty() {
            out.push(b' ');
        }
        out.extend(w.iter().map(u8::to_ascii_lowercase));
    }
    // ASCII bytes: always valid UTF-8.
    String::from_utf8(out).unwrap_or_default()
}

/// Masks of a block of at most 64 bytes: bit `k` of the first is set when byte `k` may belong
/// to a word (an ASCII letter or digit, `-`, or any non-ASCII byte, whose char is decoded to
/// tell), of the second when byte `k` is not ASCII (zero when the block is all ASCII).
#[cfg(all(target_arch = "x86_64", target_feature = "sse2"))]
#[inline]
fn block_masks(block: &[u8]) -> (u64, u64) {
    use safe_arch::{
        bitor_m128i, cmp_eq_mask_i8_m128i, load_unaligned_m128i, m128i, move_mask_i8_m128i,
        set_splat_i8_m128i,
    };
    /// The word and non-ASCII masks of sixteen bytes.
    #[inline(always)]
    fn classify(v: m128i) -> (u64, u64) {
        let dash = cmp_eq_mask_i8_m128i(v, set_splat_i8_m128i(b'-' as i8));
        // The sign bit of a non-ASCII byte is its own word bit.
        let word = bitor_m128i(crate::text::alnum_bytes(v), bitor_m128i(dash, v));
        (
            u64::from(move_mask_i8_m128i(word) as u16),
            u64::from(move_mask_i8_m128i(v) as u16),
        )
    }
    let load = |chunk: &[u8]| {
        let mut a = [0u8; 16];
        a.copy_from_slice(chunk);
        load_unaligned_m128i(&a)
    };
    let (mut mask, mut high) = (0u64, 0u64);
    if block.len() == 64 {
        for (k, chunk) in block.chunks_exact(16).enumerate() {
            let (w, h) = classify(load(chunk));
            mask |= w << (16 * k);
            high |= h << (16 * k);
        }
    } else {
        // A short block (the end of a range) padded with zero bytes, which belong to no word.
        let mut padded = [0u8; 64];
        padded[..block.len()].copy_from_slice(block);
        for (k, chunk) in padded.chunks_exact(16).enumerate() {
            let (w, h) = classify(load(chunk));
            mask |= w << (16 * k);
            high |= h << (16 * k);
        }
    }
    (mask, high)
}

/// [`block_masks`] eight bytes at a time in general-purpose registers, for targets without
/// SSE2 (and, in the tests, the reference of the vector version).
#[cfg(any(test, not(all(target_arch = "x86_64", target_feature = "sse2"))))]
#[inline]
fn block_masks_swar(block: &[u8]) -> (u64, u64) {
    const L: u64 = 0x0101_0101_0101_0101;
    const H: u64 = 0x8080_8080_8080_8080;
    /// High bit of each byte of `y` (7-bit bytes) set when the byte lies in `lo..=hi`.
    #[inline(always)]
    fn in_range(y: u64, lo: u64, hi: u64) -> u64 {
        (y | H).wrapping_sub(L * lo) & (L * (0x80 + hi)).wrapping_sub(y) & H
    }
    /// The high bits of the eight bytes as an 8-bit mask.
    #[inline(always)]
    fn gather(m: u64) -> u64 {
        (m >> 7).wrapping_mul(0x0102_0408_1020_4080) >> 56
    }
    /// The gathered word mask and the high bits of the eight bytes, not gathered.
    #[inline(always)]
    fn classify(v: u64) -> (u64, u64) {
        let h = v & H;
        let y = v & !H;
        let word = h
            | in_range(y | (L * 0x20), 0x61, 0x7a)
            | in_range(y, 0x30, 0x39)
            | in_range(y, 0x2d, 0x2d);
        (gather(word), h)
    }
    // Last chunk first, each shifting the masks by eight: the chain keeps the compiler from
    // splitting the work into two-lane vectors, which have no 64-bit multiply and cost more.
    // The non-ASCII bytes are gathered into a mask only when the block has some (most blocks
    // of news text have none).
    let (mut mask, mut any_high) = (0u64, 0u64);
    let full = block.len() / 8 * 8;
    let rest = &block[full..];
    let last = || {
        let mut a = [0u8; 8];
        for (x, &b) in a.iter_mut().zip(rest) {
            *x = b;
        }
        u64::from_le_bytes(a)
    };
    if !rest.is_empty() {
        (mask, any_high) = classify(last());
    }
    for c in block[..full].rchunks_exact(8) {
        let mut a = [0u8; 8];
        a.copy_from_slice(c);
        let (m, h) = classify(u64::from_le_bytes(a));
        mask = mask << 8 | m;
        any_high |= h;
    }
    if any_high == 0 {
        return (mask, 0);
    }
    let mut high = if rest.is_empty() {
        0
    } else {
        gather(last() & H)
    };
    for c in block[..full].rchunks_exact(8) {
        let mut a = [0u8; 8];
        a.copy_from_slice(c);
        high = high << 8 | gather(u64::from_le_bytes(a) & H);
    }
    (mask, high)
}

/// Without SSE2, the masks come from the eight-bytes-at-a-time version.
#[cfg(not(all(target_arch = "x86_64", target_feature = "sse2")))]
#[inline]
fn block_masks(block: &[u8]) -> (u64, u64) {
    block_masks_swar(block)
}

/// [`block_masks`] of `bytes[base..base + n]` (`n` at most 64): a short block followed by enough
/// text is read as a whole block, its bits from `n` on cleared (no copy into a padded block).
#[inline(always)]
fn block_masks_at(bytes: &[u8], base: usize, n: usize) -> (u64, u64) {
    match bytes.get(base..base + 64) {
        Some(block) if n < 64 => {
            let (mask, high) = block_masks(block);
            let keep = (1u64 << n) - 1;
            (mask & keep, high & keep)
        }
        _ => block_masks(&bytes[base..base + n]),
    }
}

/// A prefilter of a set of keys: one bit per (first byte, last byte, length), the bytes taken
/// modulo 32 so that ASCII case does not matter and lengths from 15 up sharing a bit. Most
/// words of a text are rejected with one load, without lowercasing or hashing.
#[derive(Debug, Clone)]
pub(crate) struct Prefilter {
    bits: Box<[u64; 256]>,
}

impl Default for Prefilter {
    fn default() -> Self {
        Prefilter {
            bits: Box::new([0; 256]),
        }
    }
}

impl Prefilter {
    /// The bit of `word` (not empty).
    #[inline(always)]
    fn slot(first: u8, last: u8, len: usize) -> usize {
        usize::from(first & 0x1f) << 9 | usize::from(last & 0x1f) << 4 | len.min(15)
    }

    pub(crate) fn insert(&mut self, key: &[u8]) {
        if let (Some(&f), Some(&l)) = (key.first(), key.last()) {
            let s = Self::slot(f, l, key.len());
            self.bits[s / 64] |= 1 << (s % 64);
        }
    }

    /// False when no key can equal `word` up to ASCII case.
    #[inline(always)]
    pub(crate) fn may_contain(&self, word: &[u8]) -> bool {
        match (word.first(), word.last()) {
            (Some(&f), Some(&l)) => self.may_contain_ends(f, l, word.len()),
            _ => false,
        }
    }

    /// [`Self::may_contain`] of a word (not empty) of `len` bytes from `first` to `last`.
    #[inline(always)]
    pub(crate) fn may_contain_ends(&self, first: u8, last: u8, len: usize) -> bool {
        let s = Self::slot(first, last, len);
        self.bits[s / 64] & (1 << (s % 64)) != 0
    }
}

/// A filter of the cue forms: one bit per hash of a form's first eight bytes (each ORed with
/// `0x20`, which lowercases ASCII capitals) and its length. The bit of a word is computed
/// without a branch on its bytes, so the scan takes one rarely taken branch per word (the
/// `me…kan` verbs of Indonesian share their first and last letters with the cues, which
/// defeats filters on a few bytes).
#[derive(Debug, Clone)]
struct CueFilter {
    bits: Box<[u64; CueFilter::WORDS]>,
}

impl Default for CueFilter {
    fn default() -> Self {
        CueFilter {
            bits: Box::new([0; CueFilter::WORDS]),
        }
    }
}

impl CueFilter {
    /// Bits of the hash: 16 384 bits (2 KB) for about 150 cue forms.
    const HASH_BITS: u32 = 14;
    const WORDS: usize = 1 << (CueFilter::HASH_BITS - 6);

    /// The bit of a word of `len` bytes whose head is `head` (as [`word_head`] gives it).
    #[inline(always)]
    fn slot(head: u64, len: usize) -> usize {
        let x = head ^ (len as u64).rotate_right(8);
        (x.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> (64 - Self::HASH_BITS)) as usize
    }

    fn insert(&mut self, key: &[u8]) {
        let s = Self::slot(word_head(key, 0, key.len()), key.len());
        self.bits[s / 64] |= 1 << (s % 64);
    }

    /// False when no cue form can equal a word of `len` bytes with head `head` up to ASCII
    /// case.
    #[inline(always)]
    fn may_contain(&self, head: u64, len: usize) -> bool {
        let s = Self::slot(head, len);
        self.bits[s / 64] & (1 << (s % 64)) != 0
    }
}

/// The head of the word `bytes[s..e]`: its first (at most eight) bytes ORed with `0x20` (which
/// lowercases ASCII capitals) as one little-endian number, zero beyond the word; one load and
/// one mask when eight bytes follow `s`.
#[inline(always)]
fn word_head(bytes: &[u8], s: usize, e: usize) -> u64 {
    let n = (e - s).min(8);
    let raw = match bytes.get(s..s + 8) {
        Some(chunk) => {
            let mut a = [0u8; 8];
            a.copy_from_slice(chunk);
            u64::from_le_bytes(a)
        }
        None => load_short(&bytes[s..s + n]).0,
    };
    if n == 0 {
        return 0;
    }
    fold_head(raw, n)
}

/// The last bytes of a text (fewer than 64) padded with zero bytes to a block of 72.
#[cold]
#[inline(never)]
fn last_block(rest: &[u8]) -> [u8; 72] {
    let mut block = [0u8; 72];
    block[..rest.len()].copy_from_slice(rest);
    block
}

/// The head of a word of `len` bytes (at least one) whose bytes, followed by any others, are
/// `raw` (little-endian): the first eight ORed with `0x20`, zero beyond the word.
#[inline(always)]
fn fold_head(raw: u64, len: usize) -> u64 {
    (raw | 0x2020_2020_2020_2020) & u64::MAX >> ((8 - len.min(8)) * 8)
}

/// The bytes of a word's head by its length (below 64: a block's word that ends in the block):
/// [`fold_head`] is `(raw | 0x2020_2020_2020_2020) & HEAD_MASKS[len]`, one load instead of a
/// clamp and two shifts.
static HEAD_MASKS: [u64; 64] = {
    let mut t = [u64::MAX; 64];
    let mut len = 0;
    while len < 8 {
        t[len] = (1u64 << (8 * len)) - 1;
        len += 1;
    }
    t
};

/// A table keyed by short byte strings: keys of up to 15 bytes are packed into one `u128`
/// (hashed and compared without a call to `memcmp`), longer ones stay boxed.
#[derive(Debug, Clone)]
struct ByteMap<V> {
    short: HashMap<u128, V, FxBuild>,
    long: HashMap<Box<[u8]>, V, FxBuild>,
}

impl<V: Copy> ByteMap<V> {
    fn new(map: HashMap<Box<[u8]>, V, FxBuild>) -> Self {
        let mut out = ByteMap {
            short: HashMap::default(),
            long: HashMap::default(),
        };
        for (k, v) in map {
            match Self::pack(&k) {
                Some(p) => out.short.insert(p, v),
                None => out.long.insert(k, v),
            };
        }
        out
    }

    /// The bytes and the length in one number, for keys of up to 15 bytes.
    #[inline(always)]
    fn pack(key: &[u8]) -> Option<u128> {
        (key.len() <= 15).then(|| pack_bytes(key))
    }

    #[inline]
    fn get(&self, key: &[u8]) -> Option<V> {
        match Self::pack(key) {
            Some(p) => self.short.get(&p).copied(),
            None => self.long.get(key).copied(),
        }
    }

    /// The value of a key packed by [`pack_lower`].
    #[inline]
    fn get_packed(&self, packed: u128) -> Option<V> {
        self.short.get(&packed).copied()
    }
}

/// The bytes of `key` (at most 15) as two little-endian numbers, read with a few fixed-size
/// loads (overlapping for lengths that are not a power of two; no call to `memcpy`).
#[inline(always)]
fn load_short(key: &[u8]) -> (u64, u64) {
    let n = key.len();
    let u32_at = |i: usize| {
        let mut a = [0u8; 4];
        a.copy_from_slice(&key[i..i + 4]);
        u64::from(u32::from_le_bytes(a))
    };
    if n >= 8 {
        let mut a = [0u8; 8];
        a.copy_from_slice(&key[..8]);
        let lo = u64::from_le_bytes(a);
        a.copy_from_slice(&key[n - 8..]);
        let hi = if n == 8 {
            0
        } else {
            u64::from_le_bytes(a) >> (8 * (16 - n))
        };
        (lo, hi)
    } else if n >= 4 {
        (u32_at(0) | u32_at(n - 4) << (8 * (n - 4)), 0)
    } else if n > 0 {
        let b = |i: usize| u64::from(key[i]) << (8 * i);
        (b(0) | b(n / 2) | b(n - 1), 0)
    } else {
        (0, 0)
    }
}

/// `v` with its ASCII capitals lowercased, eight bytes at a time (other bytes unchanged).
#[inline(always)]
fn lower_u64(v: u64) -> u64 {
    const L: u64 = 0x0101_0101_0101_0101;
    const H: u64 = 0x8080_8080_8080_8080;
    let y = v & !H;
    let upper = (y | H).wrapping_sub(L * 0x41) & (L * (0x80 + 0x5a)).wrapping_sub(y) & !v & H;
    v | upper >> 2
}

/// `key` (at most 15 bytes) packed with its length into one number, as [`ByteMap`] keys are.
#[inline(always)]
pub(crate) fn pack_bytes(key: &[u8]) -> u128 {
    let (lo, hi) = load_short(key);
    u128::from(lo) | u128::from(hi) << 64 | u128::from(key.len() as u8) << 120
}

/// `key` lowercased and packed as [`pack_lower`] does, when it is ASCII and at most 15 bytes
/// long (the bytes are loaded once for both the test and the packing).
#[inline(always)]
pub(crate) fn pack_lower_ascii(key: &[u8]) -> Option<u128> {
    if key.len() > 15 {
        return None;
    }
    let (lo, hi) = load_short(key);
    if (lo | hi) & 0x8080_8080_8080_8080 != 0 {
        return None;
    }
    Some(
        u128::from(lower_u64(lo))
            | u128::from(lower_u64(hi)) << 64
            | u128::from(key.len() as u8) << 120,
    )
}

/// [`pack_lower_ascii`] of `text[start..end]`: a word of one to eight bytes with eight bytes of
/// text from its start is read with one load.
#[inline(always)]
pub(crate) fn pack_lower_ascii_at(text: &str, start: usize, end: usize) -> Option<u128> {
    let bytes = text.as_bytes();
    let len = end - start;
    if (1..=8).contains(&len)
        && let Some(chunk) = bytes.get(start..start + 8)
    {
        let mut a = [0u8; 8];
        a.copy_from_slice(chunk);
        let v = u64::from_le_bytes(a) & (u64::MAX >> (8 * (8 - len)));
        // `pack_bytes` of a key of at most eight bytes: the bytes, then the length in the top
        // byte.
        return (v & 0x8080_8080_8080_8080 == 0)
            .then(|| u128::from(lower_u64(v)) | (len as u128) << 120);
    }
    pack_lower_ascii(&bytes[start..end])
}

/// `key` (at most 15 bytes) with its ASCII capitals lowercased, packed as [`pack_bytes`] does.
#[inline(always)]
pub(crate) fn pack_lower(key: &[u8]) -> u128 {
    let (lo, hi) = load_short(key);
    u128::from(lower_u64(lo)) | u128::from(lower_u64(hi)) << 64 | u128::from(key.len() as u8) << 120
}

/// Everything the extractor looks words up in.
#[derive(Debug, Clone)]
pub(crate) struct Lexicon {
    /// Cue forms (lowercase) and what they are.
    cues: ByteMap<CueEntry>,
    /// Filter of the cue forms: a word is looked up only when its bit is set.
    cue_filter: CueFilter,
    /// Prefilter of the keys of `words`.
    word_filter: Prefilter,
    /// Role phrases, normalised.
    pub roles: HashSet<Box<[u8]>, FxBuild>,
    /// Flags of single normalised words (keyed by bytes: no UTF-8 check on lookups).
    words: ByteMap<u16>,
    /// The flags of [`flag::RARE`], which only a few rules ask for: kept out of `words` so that
    /// the lookups of every capitalised word probe that table no more often.
    rare: ByteMap<u16>,
    /// Prefilter of the keys of `rare`.
    rare_filter: Prefilter,
    /// Longest role phrase in words.
    pub role_max_words: usize,
    /// News outlets, normalised: a source, never a speaker.
    pub media: HashSet<String, FxBuild>,
    /// Most words of a news outlet's name.
    media_max_words: usize,
    /// Prefilter of the keys of `media`.
    media_filter: Prefilter,
    /// Offices written as one word: (abbreviation, role, start of the affiliation),
    /// normalised, in list order.
    pub role_abbreviations: Vec<(String, String, String)>,
    /// Offices whose jurisdiction or portfolio joins the role, normalised.
    pub offices: Vec<String>,
    /// Organisation words that move from the end of a role to the affiliation, normalised.
    pub institutions: Vec<String>,
}

/// The flags of a word (any case) in `table`, behind its prefilter `filter` (built from the
/// same lowercase keys): ASCII words up to 16 bytes as one packed key, others lowercased.
#[inline(always)]
fn lookup(filter: &Prefilter, table: &ByteMap<u16>, w: &str) -> u16 {
    let b = w.as_bytes();
    if let Some(packed) = pack_lower_ascii(b) {
        if !filter.may_contain(b) {
            return 0;
        }
        return table.get_packed(packed).unwrap_or(0);
    }
    if b.is_ascii() && !filter.may_contain(b) {
        return 0;
    }
    with_lower_bytes(w, |l| {
        if filter.may_contain(l) {
            table.get(l).unwrap_or(0)
        } else {
            0
        }
    })
}

impl Lexicon {
    pub(crate) fn build(lists: &Lists) -> Lexicon {
        let Lists {
            cues,
            roles,
            affiliation,
            stopwords,
            pronouns,
            media,
            nonperson,
            ranks,
            corps,
            name_openers,
            role_abbreviations,
            offices,
            institutions,
            rare_words,
        } = lists;
        let mut cue_map: HashMap<Box<[u8]>, CueEntry, FxBuild> = HashMap::default();
        let mut add = |p: String, e: CueEntry| {
            if !p.is_empty() {
                cue_map
                    .entry(p.into_bytes().into_boxed_slice())
                    .or_insert(e);
            }
        };
        for (form, class) in cues {
            let form = norm(form);
            add(
                form.clone(),
                CueEntry {
                    class: *class,
                    nya: false,
                },
            );
            if matches!(class, CueClass::Base | CueClass::After | CueClass::Menurut) {
                add(
                    format!("{form}nya"),
                    CueEntry {
                        class: *class,
                        nya: true,
                    },
                );
            }
        }
        let mut cue_filter = CueFilter::default();
        for k in cue_map.keys() {
            cue_filter.insert(k);
        }
        let roles: HashSet<String, FxBuild> = roles.iter().map(|r| norm(r)).collect();
        let role_max_words = roles
            .iter()
            .map(|r| r.split(' ').count())
            .max()
            .unwrap_or(1);
        let mut words: HashMap<Box<[u8]>, u16, FxBuild> = HashMap::default();
        let mut set = |w: &str, f: u16| {
            *words
                .entry(norm(w).into_bytes().into_boxed_slice())
                .or_default() |= f;
        };
        for r in &roles {
            for w in r.split(' ') {
                set(w, flag::ROLE);
            }
        }
        for w in stopwords {
            match w.strip_suffix('!') {
                Some(w) => set(w, flag::STOP | flag::HARD_STOP),
                None => set(w, flag::STOP),
            }
        }
        for (w, head) in affiliation {
            set(
                w,
                if *head {
                    flag::AFF | flag::HEAD
                } else {
                    flag::AFF
                },
            );
        }
        for w in pronouns {
            set(w, flag::PRONOUN);
        }
        for (list, f) in [
            (nonperson, flag::NONPERSON),
            (ranks, flag::RANK),
            (corps, flag::CORPS),
        ] {
            for w in list {
                set(w, f);
            }
        }
        let mut rare: HashMap<Box<[u8]>, u16, FxBuild> = HashMap::default();
        for w in name_openers {
            *rare
                .entry(norm(w).into_bytes().into_boxed_slice())
                .or_default() |= flag::NAME_OPENER;
        }
        for (w, f) in rare_words {
            *rare
                .entry(norm(w).into_bytes().into_boxed_slice())
                .or_default() |= f & flag::RARE;
        }
        let filter_of = |map: &HashMap<Box<[u8]>, u16, FxBuild>| {
            let mut filter = Prefilter::default();
            for k in map.keys() {
                filter.insert(k);
            }
            filter
        };
        Lexicon {
            word_filter: filter_of(&words),
            words: ByteMap::new(words),
            rare_filter: filter_of(&rare),
            rare: ByteMap::new(rare),
            cues: ByteMap::new(cue_map),
            cue_filter,
            roles: roles
                .into_iter()
                .map(|r| r.into_bytes().into_boxed_slice())
                .collect(),
            role_max_words,
            media_max_words: media
                .iter()
                .map(|w| w.split_whitespace().count())
                .max()
                .unwrap_or(0),
            media_filter: {
                let mut f = Prefilter::default();
                for w in media {
                    f.insert(norm(w).as_bytes());
                }
                f
            },
            media: media.iter().map(|w| norm(w)).collect(),
            role_abbreviations: role_abbreviations
                .iter()
                .map(|(a, r, f)| (norm(a), norm(r), norm(f)))
                .collect(),
            offices: offices.iter().map(|o| norm(o)).collect(),
            institutions: institutions.iter().map(|o| norm(o)).collect(),
        }
    }

    /// True when the role phrase `r` ends with an office (offices.txt: `Wakil Presiden`,
    /// `Wali Kota`), any case.
    pub(crate) fn ends_with_office(&self, r: &str) -> bool {
        self.offices.iter().any(|o| {
            let (r, o) = (r.as_bytes(), o.as_bytes());
            r.len() >= o.len()
                && r[r.len() - o.len()..].eq_ignore_ascii_case(o)
                && (r.len() == o.len() || r[r.len() - o.len() - 1] == b' ')
        })
    }

    /// A speaker's role and affiliation as they are written out. An organisation word closing
    /// the role moves to the affiliation (institutions.txt: `Kepala Dinas` + `Kesehatan Kota
    /// Bogor` → `Kepala` + `Dinas Kesehatan Kota Bogor`). An office's jurisdiction or portfolio
    /// is part of it (offices.txt): `Wali Kota` with the affiliation `Bekasi` becomes the role
    /// `Wali Kota Bekasi`; the affiliation's words from its first organisation head word
    /// (`Direktur Jenderal Pajak` + `Kementerian Keuangan`) or after its first comma (`Camat
    /// Tanah Abang` + `Jakarta Pusat`) stay in it.
    #[inline(never)]
    pub(crate) fn scope_role(&self, role: &mut Option<String>, affiliation: &mut Option<String>) {
        let Some(r) = role.as_mut() else {
            return;
        };
        if let Some((head, last)) = r.rsplit_once(' ')
            && self
                .institutions
                .iter()
                .any(|w| last.eq_ignore_ascii_case(w))
        {
            *affiliation = Some(match affiliation.take() {
                Some(a) => format!("{last} {a}"),
                None => last.to_string(),
            });
            r.truncate(head.trim_end().len());
            return;
        }
        let Some(a) = affiliation.as_deref() else {
            return;
        };
        if !self.ends_with_office(r) {
            return;
        }
        // The end of the words that join the role, and where the affiliation's rest starts.
        let (mut joined, mut rest) = (0, a.len());
        let mut pos = 0;
        for word in a.split(' ') {
            let start = pos;
            pos += word.len() + 1;
            if word.is_empty() {
                continue;
            }
            if self.flags(word.trim_end_matches(',')) & flag::HEAD != 0 {
                rest = start;
                break;
            }
            if let Some(w) = word.strip_suffix(',') {
                joined = start + w.len();
                rest = pos.min(a.len());
                break;
            }
            joined = start + word.len();
        }
        if joined == 0 {
            return;
        }
        r.push(' ');
        r.push_str(&a[..joined]);
        let rest = a[rest..].trim();
        *affiliation = (!rest.is_empty()).then(|| rest.to_string());
    }

    /// The flags of a word (any case).
    #[inline(never)]
    pub(crate) fn flags(&self, w: &str) -> u16 {
        lookup(&self.word_filter, &self.words, w)
    }

    /// [`Self::flags`] of the word `text[start..end]`: an ASCII word of up to 15 bytes with
    /// sixteen bytes of text from its start is read with two loads and masked to its length
    /// (no dispatch on the length, which mispredicts about once a call).
    #[inline(always)]
    pub(crate) fn flags_at(&self, text: &str, start: usize, end: usize) -> u16 {
        let bytes = text.as_bytes();
        let len = end.wrapping_sub(start);
        if len.wrapping_sub(1) < 15
            && let Some(chunk) = bytes.get(start..start + 16)
        {
            let mut a = [0u8; 8];
            a.copy_from_slice(&chunk[..8]);
            let lo = u64::from_le_bytes(a) & HEAD_MASKS[len];
            a.copy_from_slice(&chunk[8..]);
            let hi = u64::from_le_bytes(a) & HEAD_MASKS[len.saturating_sub(8)];
            if (lo | hi) & 0x8080_8080_8080_8080 == 0 {
                if !self
                    .word_filter
                    .may_contain_ends(lo as u8, chunk[len - 1], len)
                {
                    return 0;
                }
                let packed = u128::from(lower_u64(lo))
                    | u128::from(lower_u64(hi)) << 64
                    | (len as u128) << 120;
                return self.words.get_packed(packed).unwrap_or(0);
            }
        }
        self.flags(&text[start..end])
    }

    /// The flags of a lowercase word of at most 15 bytes packed by [`pack_bytes`].
    #[inline]
    pub(crate) fn flags_of_packed(&self, l: &[u8], packed: u128) -> u16 {
        if !self.word_filter.may_contain(l) {
            return 0;
        }
        self.words.get_packed(packed).unwrap_or(0)
    }

    /// The flags of a word already lowercased (as [`with_lower_bytes`] gives it).
    #[inline]
    pub(crate) fn flags_of_lower(&self, l: &[u8]) -> u16 {
        if !self.word_filter.may_contain(l) {
            return 0;
        }
        self.words.get(l).unwrap_or(0)
    }

    /// True when `w` (any case) is a whole cue form that names its speaker next to it (not a
    /// `-nya` form, not `menurut`): `mengatakan`, `berharap`, `kata`.
    pub(crate) fn is_speech_verb(&self, w: &str) -> bool {
        self.cue(w.as_bytes())
            .is_some_and(|e| !e.nya && e.class != CueClass::Menurut)
    }

    /// The cue form equal to `word` up to ASCII case.
    #[inline]
    fn cue(&self, word: &[u8]) -> Option<CueEntry> {
        if !self
            .cue_filter
            .may_contain(word_head(word, 0, word.len()), word.len())
        {
            return None;
        }
        self.cue_lookup(word)
    }

    /// [`Self::cue`] of the word `bytes[s..e]`, its head read with one load when the text holds
    /// eight bytes from `s`.
    #[inline(always)]
    fn cue_at(&self, bytes: &[u8], s: usize, e: usize) -> Option<CueEntry> {
        if !self.cue_filter.may_contain(word_head(bytes, s, e), e - s) {
            return None;
        }
        self.cue_lookup(&bytes[s..e])
    }

    #[inline(never)]
    fn cue_lookup(&self, word: &[u8]) -> Option<CueEntry> {
        if word.len() <= 15 {
            return self.cues.get_packed(pack_lower(word));
        }
        let mut buf = [0u8; 48];
        if word.len() > buf.len() {
            return self.cues.get(&word.to_ascii_lowercase());
        }
        self.cues.get(lower_into(&mut buf, word))
    }

    /// Calls `f(start, end, entry)` for every cue in `text[start..end]`, in order: a whole
    /// word (a maximal run of alphanumeric chars and `-`) equal to a cue form up to ASCII case.
    ///
    /// Blocks of 64 bytes become a bit mask of the bytes that may belong to a word (ASCII
    /// letters, digits, `-`, any non-ASCII byte) and one of the non-ASCII bytes; each run of set
    /// bits is a candidate, and only a run holding non-ASCII bytes is decoded.
    pub(crate) fn for_each_cue(
        &self,
        text: &str,
        start: usize,
        end: usize,
        mut f: impl FnMut(usize, usize, CueEntry),
    ) {
        let bytes = text.as_bytes();
        let mut base = start;
        // Start of a run still open at the end of the previous block, and whether it holds
        // non-ASCII bytes.
        let mut open: Option<(usize, bool)> = None;
        while base < end {
            let n = (end - base).min(64);
            // The block with eight bytes of room, so that the head of each word is one load.
            let block = match bytes.get(base..base + 64) {
                Some(b) => {
                    let mut block = [0u8; 72];
                    block[..64].copy_from_slice(b);
                    block
                }
                None => last_block(&bytes[base..base + n]),
            };
            let (mut mask, high) = block_masks_at(&block, 0, n);
            if let Some((s, open_high)) = open {
                // Set bits from bit 0 continue the open run.
                let run = (!mask).trailing_zeros() as usize;
                let bits = if run >= 64 {
                    u64::MAX
                } else {
                    (1u64 << run) - 1
                };
                let run_high = open_high || high & bits != 0;
                if run >= n {
                    open = Some((s, run_high));
                    base += n;
                    continue;
                }
                self.run_cues(text, s, base + run, run_high, &mut f);
                open = None;
                mask &= !bits;
            }
            // The first and the last byte of each run, paired in order; a run reaching the
            // block's last byte stays open.
            let mut starts = mask & !(mask << 1);
            let mut ends = mask & !(mask >> 1) & !(1u64 << (n - 1));
            while ends != 0 {
                // Bit indices: below 64.
                let s = starts.trailing_zeros() as usize & 63;
                let e = ends.trailing_zeros() as usize + 1;
                starts &= starts - 1;
                ends &= ends - 1;
                if high != 0 && high & ((1u64 << e) - (1u64 << s)) != 0 {
                    self.cues_in_run(text, base + s, base + e, &mut f);
                    continue;
                }
                let mut a = [0u8; 8];
                a.copy_from_slice(&block[s..s + 8]);
                // A word ending in the block ends before its last byte: `e - s` is below 64.
                let head =
                    (u64::from_le_bytes(a) | 0x2020_2020_2020_2020) & HEAD_MASKS[(e - s) & 63];
                if self.cue_filter.may_contain(head, e - s)
                    && let Some(c) = self.cue_lookup(&bytes[base + s..base + e])
                {
                    f(base + s, base + e, c);
                }
            }
            if starts != 0 {
                let at = starts.trailing_zeros() as usize;
                open = Some((base + at, high >> at != 0));
            }
            base += n;
        }
        if let Some((s, run_high)) = open {
            self.run_cues(text, s, end, run_high, &mut f);
        }
    }

    /// The cues of the run `text[s..e]`, which holds non-ASCII bytes when `high`.
    #[inline]
    fn run_cues(
        &self,
        text: &str,
        s: usize,
        e: usize,
        high: bool,
        f: &mut impl FnMut(usize, usize, CueEntry),
    ) {
        if high {
            self.cues_in_run(text, s, e, f);
        } else if let Some(c) = self.cue_at(text.as_bytes(), s, e) {
            f(s, e, c);
        }
    }

    /// The cues of `text[s..e]`, a run of bytes without ASCII separators.
    #[inline(never)]
    fn cues_in_run(
        &self,
        text: &str,
        s: usize,
        e: usize,
        f: &mut impl FnMut(usize, usize, CueEntry),
    ) {
        let bytes = text.as_bytes();
        // Non-ASCII chars that are not alphanumeric (quote marks, dashes, NBSP) split the run;
        // the marks of U+2000..U+203F, NBSP and guillemets are told by their bytes.
        let mut w = s;
        let mut k = s;
        while k < e {
            let b = bytes[k];
            if b < 0x80 {
                k += 1;
                continue;
            }
            let (split, len) = match (b, bytes.get(k + 1)) {
                (0xE2, Some(0x80)) => (true, 3),
                (0xC2, Some(0xA0 | 0xAB | 0xBB)) => (true, 2),
                _ => match text[k..e].chars().next() {
                    Some(c) => (!c.is_alphanumeric(), c.len_utf8()),
                    None => break,
                },
            };
            if split {
                if let Some(x) = self.cue(&bytes[w..k]) {
                    f(w, k, x);
                }
                w = k + len;
            }
            k += len;
        }
        if let Some(x) = self.cue(&bytes[w..e]) {
            f(w, e, x);
        }
    }

    /// True when [`Self::for_each_cue`] over a range ending at `end` finds a cue starting at
    /// `pos`, for a `pos` right after a separator (a space, a quote mark): the word from `pos`
    /// (ASCII letters, digits and `-`, alphanumeric chars) is a cue form.
    pub(crate) fn cue_starts_at(&self, text: &str, pos: usize, end: usize) -> bool {
        let bytes = text.as_bytes();
        let mut k = pos;
        while k < end {
            let b = bytes[k];
            if b < 0x80 {
                if b.is_ascii_alphanumeric() || b == b'-' {
                    k += 1;
                    continue;
                }
                break;
            }
            match (b, bytes.get(k + 1)) {
                (0xE2, Some(0x80)) | (0xC2, Some(0xA0 | 0xAB | 0xBB)) => break,
                _ => match text[k..end].chars().next() {
                    Some(c) if c.is_alphanumeric() => k += c.len_utf8(),
                    _ => break,
                },
            }
        }
        self.cue(&bytes[pos..k]).is_some()
    }

    /// True when `phrase`, lowercased, is a news outlet; a phrase of more words than any
    /// outlet is not lowercased at all.
    pub(crate) fn is_media(&self, phrase: &str) -> bool {
        let b = phrase.as_bytes();
        // An ASCII phrase lowercases byte for byte: an outlet it equals passes the prefilter.
        if b.is_ascii() && !self.media_filter.may_contain(b) {
            return false;
        }
        // Short ASCII phrases are lowercased on the stack; others would be normalised.
        if b.len() > 48 || !b.is_ascii() {
            let too_many = if b.is_ascii() {
                let mut words = 0;
                let mut prev_ws = true;
                for &c in b {
                    let ws = c.is_ascii_whitespace() || c == 0x0b;
                    words += usize::from(prev_ws && !ws);
                    prev_ws = ws;
                }
                words > self.media_max_words
            } else {
                phrase
                    .split_whitespace()
                    .nth(self.media_max_words)
                    .is_some()
            };
            if too_many {
                return false;
            }
        }
        with_lower(phrase, |l| self.media.contains(l))
    }

    /// True when the word (any case) has `f`, one of the flags of [`Self::flags`] or of
    /// [`flag::RARE`] (not both).
    #[inline]
    pub(crate) fn has(&self, w: &str, f: u16) -> bool {
        if f & flag::RARE != 0 {
            return self.rare_flags(w) & f != 0;
        }
        self.flags(w) & f != 0
    }

    /// The [`flag::RARE`] flags of a word (any case), looked up as [`Self::flags`] does (out
    /// of line: few rules ask, and inlined it would grow their callers).
    #[inline(never)]
    fn rare_flags(&self, w: &str) -> u16 {
        lookup(&self.rare_filter, &self.rare, w)
    }

    /// True when a role phrase holds a military or police rank (`Wakil Kepala Satuan
    /// Komisaris`, `Mayjen TNI`; not `Sekretaris Jenderal`): a rank word that is no corps word,
    /// or `Jenderal` alone at the end.
    pub(crate) fn has_rank(&self, role: &str) -> bool {
        let mut words = role.split(' ').filter(|w| !w.is_empty()).peekable();
        let mut any = false;
        let mut only_jenderal = true;
        while let Some(w) = words.next() {
            let jenderal = w.eq_ignore_ascii_case("jenderal");
            any |= !jenderal && self.flags(w) & (flag::RANK | flag::CORPS) == flag::RANK;
            only_jenderal &= jenderal && words.peek().is_none();
        }
        any || only_jenderal
    }
}

/// The word lists a [`Lexicon`] is built from: the built-in ones, extended or replaced through
/// the extractor's builder.
#[derive(Debug, Clone, Default)]
pub(crate) struct Lists {
    /// Cue forms and their class (cues.txt).
    pub cues: Vec<(String, CueClass)>,
    /// Role words and phrases (roles.txt).
    pub roles: Vec<String>,
    /// Organisation and place words, with their head flag (affiliation.txt, places.txt).
    pub affiliation: Vec<(String, bool)>,
    /// Capitalised words that never start a name; `!` marks a hard stop (stopcaps.txt).
    pub stopwords: Vec<String>,
    /// Pronouns of the last speaker (pronouns.txt).
    pub pronouns: Vec<String>,
    /// News outlets (media.txt).
    pub media: Vec<String>,
    /// Words of places, laws and programmes (nonperson.txt).
    pub nonperson: Vec<String>,
    /// Military and police ranks (ranks.txt).
    pub ranks: Vec<String>,
    /// Corps and status words after a rank (corps.txt).
    pub corps: Vec<String>,
    /// Words that open personal names (name_openers.txt).
    pub name_openers: Vec<String>,
    /// Offices written as one word: abbreviation, role, start of the affiliation
    /// (role_abbreviations.txt).
    pub role_abbreviations: Vec<(String, String, String)>,
    /// Offices whose jurisdiction or portfolio joins the role (offices.txt).
    pub offices: Vec<String>,
    /// Organisation words that move from the end of a role to the affiliation
    /// (institutions.txt).
    pub institutions: Vec<String>,
    /// Words of the other [`flag::RARE`] lists, each with its flag (person_nouns.txt,
    /// connectors.txt, circumstance_openers.txt, conjunctions.txt, adverbs.txt,
    /// demonstratives.txt).
    pub rare_words: Vec<(String, u16)>,
}

impl Lists {
    /// The built-in lists of `data/`.
    pub(crate) fn builtin() -> Lists {
        Lists {
            cues: builtin_cues(),
            roles: builtin_list(ROLES),
            affiliation: builtin_affiliation(),
            stopwords: builtin_list(STOPCAPS),
            pronouns: builtin_list(PRONOUNS),
            media: builtin_list(MEDIA),
            nonperson: builtin_list(NONPERSON),
            ranks: builtin_list(RANKS),
            corps: builtin_list(CORPS),
            name_openers: builtin_list(NAME_OPENERS),
            role_abbreviations: builtin_role_abbreviations(),
            offices: builtin_list(OFFICES),
            institutions: builtin_list(INSTITUTIONS),
            rare_words: [
                (PERSON_NOUNS, flag::PERSON_NOUN),
                (CONNECTORS, flag::CONNECTOR),
                (CIRCUMSTANCE_OPENERS, flag::CIRCUMSTANCE),
                (CONJUNCTIONS, flag::CONJUNCTION),
                (ADVERBS, flag::ADVERB),
                (DEMONSTRATIVES, flag::DEMONSTRATIVE),
            ]
            .into_iter()
            .flat_map(|(data, f)| lines(data).map(move |w| (w.to_string(), f)))
            .collect(),
        }
    }
}

/// The built-in cue list.
fn builtin_cues() -> Vec<(String, CueClass)> {
    lines(CUES)
        .filter_map(|l| {
            let (form, class) = l.split_once('\t')?;
            Some((form.trim().to_string(), CueClass::parse(class.trim())?))
        })
        .collect()
}

/// The built-in affiliation words (and places) with their head flag.
fn builtin_affiliation() -> Vec<(String, bool)> {
    lines(AFFILIATION)
        .chain(lines(PLACES))
        .map(|l| match l.strip_suffix('+') {
            Some(w) => (w.to_string(), true),
            None => (l.to_string(), false),
        })
        .collect()
}

/// The built-in role abbreviations: `abbreviation<TAB>role<TAB>affiliation start`, the last
/// column optional.
fn builtin_role_abbreviations() -> Vec<(String, String, String)> {
    lines(ROLE_ABBREVIATIONS)
        .filter_map(|l| {
            let mut cols = l.split('\t').map(str::trim);
            let (abbr, role) = (cols.next()?, cols.next()?);
            let field = cols.next().unwrap_or("");
            Some((abbr.to_string(), role.to_string(), field.to_string()))
        })
        .collect()
}

/// A plain list.
fn builtin_list(data: &str) -> Vec<String> {
    lines(data).map(str::to_string).collect()
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;

    fn lexicon() -> Lexicon {
        Lexicon::build(&Lists::builtin())
    }

    /// The cues of `text` found char by char: whole words (alphanumeric chars and `-`).
    fn reference(lex: &Lexicon, text: &str) -> Vec<(usize, usize)> {
        let mut out = Vec::new();
        let mut word: Option<usize> = None;
        for (i, c) in text.char_indices().chain([(text.len(), ' ')]) {
            let inside = c.is_alphanumeric() || c == '-';
            match (inside, word) {
                (true, None) => word = Some(i),
                (false, Some(s)) => {
                    let w = text[s..i].to_ascii_lowercase();
                    if lex.cues.get(w.as_bytes()).is_some() {
                        out.push((s, i));
                    }
                    word = None;
                }
                _ => {}
            }
        }
        out
    }

    fn scan(lex: &Lexicon, text: &str, start: usize, end: usize) -> Vec<(usize, usize)> {
        let mut out = Vec::new();
        lex.for_each_cue(text, start, end, |s, e, _| out.push((s, e)));
        out
    }

    #[test]
    fn cues_are_whole_words_in_any_case() {
        let lex = lexicon();
        let table: &[(&str, &[&str])] = &[
            ("“Sudah,” kata Budi.", &["kata"]),
            ("”Ya,”Katanya singkat.", &["Katanya"]),
            ("Ia berkata-kata dan mengatakannya.", &[]),
            (
                "KATA\u{a0}ujar—tutur «jelas»",
                &["KATA", "ujar", "tutur", "jelas"],
            ),
            ("kataé ékata kata2 Menurut", &["Menurut"]),
        ];
        for (text, want) in table {
            let got: Vec<&str> = scan(&lex, text, 0, text.len())
                .iter()
                .map(|&(s, e)| &text[s..e])
                .collect();
            assert_eq!(&got, want, "{text:?}");
        }
        let long = format!("{}kata {}mengatakan", "a".repeat(63), "b ".repeat(40));
        assert_eq!(
            scan(&lex, &long, 0, long.len()),
            [(long.len() - 10, long.len())]
        );
        assert_eq!(scan(&lex, &long, 64, long.len() - 1), []);
    }

    proptest! {
        #[test]
        fn ascii_norm_matches_the_char_split(s in "[A-Za-z\t\n\u{b}\u{c}\r ,.-]{0,30}") {
            let want = s
                .split_whitespace()
                .map(|w| w.to_lowercase())
                .collect::<Vec<_>>()
                .join(" ");
            prop_assert_eq!(norm(&s), want);
        }

        #[test]
        fn cues_around_quotes_match_the_whole_scan(
            parts in proptest::collection::vec(
                prop_oneof![
                    Just("kata"), Just("Ujarnya"), Just("ujar"), Just(" "), Just("“"), Just("”"),
                    Just("’"), Just("‘"), Just("\""), Just(","), Just("."), Just("-"), Just("é"),
                    Just("\u{a0}"), Just("Budi"), Just("«"), Just("»"), Just("—"), Just("x"),
                    Just("“Ya, ’ kata"), Just(".’ ujarnya"), Just(", ’\u{a0}kata"), Just("!’Kata"),
                ],
                0..50,
            ),
        ) {
            let lex = lexicon();
            let text: String = parts.concat();
            let end = text.len();
            // As the walk did it: every cue first, the quotes asking for a cue among them.
            let all = scan(&lex, &text, 0, end);
            let mut old_quotes = Vec::new();
            crate::text::find_quotes(
                &text,
                0,
                end,
                |p| {
                    let at = crate::text::skip_ws(&text, p, end);
                    all.iter().any(|&(s, _)| s == at)
                },
                &mut old_quotes,
            );
            let mut quotes = Vec::new();
            crate::text::find_quotes(
                &text,
                0,
                end,
                |p| lex.cue_starts_at(&text, crate::text::skip_ws(&text, p, end), end),
                &mut quotes,
            );
            prop_assert_eq!(&quotes, &old_quotes);
            let outside: Vec<(usize, usize)> = all
                .iter()
                .copied()
                .filter(|&(s, _)| !quotes.iter().any(|q| q.start <= s && s < q.end))
                .collect();
            let mut around = Vec::new();
            let mut from = 0;
            for q in &quotes {
                around.extend(scan(&lex, &text, from, q.start));
                from = q.end;
            }
            around.extend(scan(&lex, &text, from, end));
            prop_assert_eq!(around, outside);
        }

        #[test]
        fn block_masks_match_the_eight_byte_version(
            bytes in proptest::collection::vec(
                prop_oneof![
                    Just(b'a'), Just(b'z'), Just(b'A'), Just(b'Z'), Just(b'0'), Just(b'9'),
                    Just(b'-'), Just(b' '), Just(b'`'), Just(b'{'), Just(b'@'), Just(b'['),
                    Just(b'/'), Just(b':'), Just(b','), Just(0x80), Just(0xE2), Just(0xFF),
                    Just(0x7F), Just(0), any::<u8>(),
                ],
                0..=130,
            ),
        ) {
            let head = &bytes[..bytes.len().min(64)];
            prop_assert_eq!(block_masks(head), block_masks_swar(head));
            for base in 0..bytes.len() {
                let n = (bytes.len() - base).min(64);
                for n in [n, n / 2, 1] {
                    prop_assert_eq!(
                        block_masks_at(&bytes, base, n),
                        block_masks_swar(&bytes[base..base + n])
                    );
                }
            }
        }

        #[test]
        fn block_scan_matches_the_char_by_char_scan(
            parts in proptest::collection::vec(
                prop_oneof![
                    Just("kata"), Just("Ujarnya"), Just("mengatakan"), Just("MENGATAKAN"),
                    Just("KataNYA"), Just("mengatakanya"), Just("-"), Just(" "),
                    Just("“"), Just("é"), Just("\u{a0}"), Just("nya"), Just("x"), Just(","),
                    Just("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"), Just("\n"), Just("🙂"),
                ],
                0..60,
            ),
            cut in 0usize..400,
        ) {
            let lex = lexicon();
            let text: String = parts.concat();
            let mut start = cut.min(text.len());
            while !text.is_char_boundary(start) {
                start -= 1;
            }
            let want: Vec<(usize, usize)> = reference(&lex, &text[start..])
                .into_iter()
                .map(|(s, e)| (s + start, e + start))
                .collect();
            prop_assert_eq!(scan(&lex, &text, start, text.len()), want);
        }
    }
}
