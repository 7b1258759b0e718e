//! Embedded word lists, parsed once.

use std::collections::{HashMap, HashSet};
use std::sync::OnceLock;

/// How an abbreviation that keeps its period behaves at a possible sentence end.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum AbbrevClass {
    /// Precedes a name or a number (`Dr.`, `Jl.`, `No.`): never ends a sentence.
    Title,
    /// May end a sentence when a capitalised word follows (`dll.`, `Tbk.`, `S.H.`).
    Final,
}

pub(crate) struct Builtin {
    pub abbrevs: HashMap<&'static str, AbbrevClass>,
    pub abbrevs_lower: HashMap<String, AbbrevClass>,
    pub nya_keep: HashSet<&'static str>,
    pub particle_keep: HashSet<&'static str>,
    pub stems: HashSet<&'static str>,
    pub tlds: HashSet<&'static str>,
}

fn lines(data: &'static str) -> impl Iterator<Item = &'static str> {
    data.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
}

pub(crate) fn builtin() -> &'static Builtin {
    static B: OnceLock<Builtin> = OnceLock::new();
    B.get_or_init(|| {
        let abbrevs: HashMap<&'static str, AbbrevClass> =
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
