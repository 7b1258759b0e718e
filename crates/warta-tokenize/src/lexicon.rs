//! Embedded word lists, parsed once.

use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::OnceLock;

/// A small, fast hasher for short keys (the FxHash mixing step); lexicon keys are not
/// attacker-chosen collections, they are fixed lists and a few user additions.
#[derive(Default, Clone, Copy)]
pub(crate) struct FxHasher(u64);

impl Hasher for FxHasher {
    #[inline]
    fn write(&mut self, bytes: &[u8]) {
        const K: u64 = 0x517c_c1b7_2722_0a95;
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            let v = u64::from_le_bytes([c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7]]);
            self.0 = (self.0.rotate_left(5) ^ v).wrapping_mul(K);
        }
        for &b in chunks.remainder() {
            self.0 = (self.0.rotate_left(5) ^ u64::from(b)).wrapping_mul(K);
        }
    }

    #[inline]
    fn finish(&self) -> u64 {
        self.0
    }
}

pub(crate) type FxBuild = BuildHasherDefault<FxHasher>;
pub(crate) type FxSet<T> = HashSet<T, FxBuild>;
pub(crate) type FxMap<K, V> = HashMap<K, V, FxBuild>;

/// How an abbreviation that keeps its period behaves at a possible sentence end.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "lowercase"))]
pub enum AbbrevClass {
    /// Precedes a name or a number (`Dr.`, `Jl.`, `No.`): never ends a sentence.
    Title,
    /// May end a sentence when a capitalised word follows (`dll.`, `Tbk.`, `S.H.`).
    Final,
}

/// Keys of this many bytes or more are not told apart by a [`KeyFilter`].
const FILTER_LEN: usize = 16;

/// A compact over-approximation of a set of keys by length and ASCII-lowercased first two
/// bytes, so that most words are known not to be keys without hashing them.
#[derive(Debug, Clone)]
pub(crate) struct KeyFilter {
    bits: Box<[u64; FILTER_LEN * 16]>,
}

impl Default for KeyFilter {
    fn default() -> Self {
        KeyFilter {
            bits: Box::new([0; FILTER_LEN * 16]),
        }
    }
}

impl KeyFilter {
    /// Bit index of a non-empty key shorter than [`FILTER_LEN`].
    #[inline]
    fn index(b: &[u8]) -> usize {
        let first = usize::from(b[0].to_ascii_lowercase() & 31);
        let second = usize::from(b[b.len().min(2) - 1].to_ascii_lowercase() & 31);
        (b.len() << 10) | (first << 5) | second
    }

    /// Adds `key` (also matching words that differ from it only in ASCII case).
    pub(crate) fn insert(&mut self, key: &[u8]) {
        if !key.is_empty() && key.len() < FILTER_LEN {
            let k = Self::index(key);
            self.bits[k >> 6] |= 1 << (k & 63);
        }
    }

    /// False when no key equals `word` up to ASCII case; true for the empty word and for words
    /// too long to be told apart.
    #[inline]
    pub(crate) fn may_contain(&self, word: &[u8]) -> bool {
        if word.is_empty() || word.len() >= FILTER_LEN {
            return true;
        }
        let k = Self::index(word);
        self.bits[k >> 6] & (1 << (k & 63)) != 0
    }

    fn of<'k>(keys: impl IntoIterator<Item = &'k [u8]>) -> Self {
        let mut f = KeyFilter::default();
        for k in keys {
            f.insert(k);
        }
        f
    }
}

pub(crate) struct Builtin {
    /// Abbreviations, matched exactly.
    pub abbrevs: FxMap<&'static str, AbbrevClass>,
    /// The abbreviations of more than one byte in lower case.
    pub abbrevs_lower: FxMap<Vec<u8>, AbbrevClass>,
    /// Every key of `abbrevs` and `abbrevs_lower`.
    pub abbrev_filter: KeyFilter,
    /// Lexicalised words that keep their `-nya` or particle (`akhirnya`, `walaupun`).
    pub keep: FxSet<&'static [u8]>,
    pub keep_filter: KeyFilter,
    pub stems: FxSet<&'static [u8]>,
    pub stem_filter: KeyFilter,
    pub tlds: FxSet<&'static [u8]>,
}

fn lines(data: &'static str) -> impl Iterator<Item = &'static str> {
    data.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
}

pub(crate) fn builtin() -> &'static Builtin {
    static B: OnceLock<Builtin> = OnceLock::new();
    B.get_or_init(|| {
        let abbrevs: FxMap<&'static str, AbbrevClass> =
            lines(include_str!("data/abbreviations.txt"))
                .filter_map(|l| {
                    let (w, c) = l.split_once('\t')?;
                    let class = if c.trim() == "final" {
                        AbbrevClass::Final
                    } else {
                        AbbrevClass::Title
                    };
                    Some((w.trim(), class))
                })
                .collect();
        let abbrevs_lower: FxMap<Vec<u8>, AbbrevClass> = abbrevs
            .iter()
            .filter(|(w, _)| w.len() > 1)
            .map(|(w, c)| (w.to_lowercase().into_bytes(), *c))
            .collect();
        let abbrev_filter = KeyFilter::of(
            abbrevs
                .keys()
                .map(|w| w.as_bytes())
                .chain(abbrevs_lower.keys().map(Vec::as_slice)),
        );
        let keep: FxSet<&'static [u8]> = lines(include_str!("data/nya_keep.txt"))
            .chain(lines(include_str!("data/particle_keep.txt")))
            .map(str::as_bytes)
            .collect();
        let stems: FxSet<&'static [u8]> = lines(include_str!("data/stems.txt"))
            .map(str::as_bytes)
            .collect();
        Builtin {
            abbrevs,
            abbrevs_lower,
            abbrev_filter,
            keep_filter: KeyFilter::of(keep.iter().copied()),
            keep,
            stem_filter: KeyFilter::of(stems.iter().copied()),
            stems,
            tlds: lines(include_str!("data/tlds.txt"))
                .map(str::as_bytes)
                .collect(),
        }
    })
}

/// ASCII-lowercases `s` into `buf`; `None` when `s` is longer than the buffer or not ASCII.
#[inline]
pub(crate) fn ascii_lower<'b>(s: &str, buf: &'b mut [u8; 64]) -> Option<&'b [u8]> {
    let bytes = s.as_bytes();
    if bytes.len() > buf.len() || !s.is_ascii() {
        return None;
    }
    let out = &mut buf[..bytes.len()];
    for (o, b) in out.iter_mut().zip(bytes) {
        *o = b.to_ascii_lowercase();
    }
    Some(out)
}
