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

pub(crate) struct Builtin {
    pub abbrevs: FxMap<&'static str, AbbrevClass>,
    pub abbrevs_lower: FxMap<String, AbbrevClass>,
    pub nya_keep: FxSet<&'static str>,
    pub particle_keep: FxSet<&'static str>,
    pub stems: FxSet<&'static str>,
    pub tlds: FxSet<&'static str>,
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
        let abbrevs_lower = abbrevs
            .iter()
            .filter(|(w, _)| w.len() > 1)
            .map(|(w, c)| (w.to_lowercase(), *c))
            .collect();
        Builtin {
            abbrevs,
            abbrevs_lower,
            nya_keep: lines(include_str!("data/nya_keep.txt")).collect(),
            particle_keep: lines(include_str!("data/particle_keep.txt")).collect(),
            stems: lines(include_str!("data/stems.txt")).collect(),
            tlds: lines(include_str!("data/tlds.txt")).collect(),
        }
    })
}

/// ASCII-lowercases `s` into `buf`; `None` when `s` is longer than the buffer or not ASCII.
#[inline]
pub(crate) fn ascii_lower<'b>(s: &str, buf: &'b mut [u8; 64]) -> Option<&'b str> {
    let bytes = s.as_bytes();
    if bytes.len() > buf.len() || !s.is_ascii() {
        return None;
    }
    let out = &mut buf[..bytes.len()];
    for (o, b) in out.iter_mut().zip(bytes) {
        *o = b.to_ascii_lowercase();
    }
    std::str::from_utf8(out).ok()
}
