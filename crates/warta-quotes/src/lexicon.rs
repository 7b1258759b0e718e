//! Embedded word lists (cues, roles, affiliation words, stop words, pronouns) and the compiled
//! cue automaton.

use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasherDefault, Hasher};

use aho_corasick::{AhoCorasick, AhoCorasickKind, MatchKind};

pub(crate) const CUES: &str = include_str!("../data/cues.txt");
pub(crate) const ROLES: &str = include_str!("../data/roles.txt");
pub(crate) const AFFILIATION: &str = include_str!("../data/affiliation.txt");
pub(crate) const PLACES: &str = include_str!("../data/places.txt");
pub(crate) const MEDIA: &str = include_str!("../data/media.txt");
pub(crate) const STOPCAPS: &str = include_str!("../data/stopcaps.txt");
pub(crate) const PRONOUNS: &str = include_str!("../data/pronouns.txt");
pub(crate) const NONPERSON: &str = include_str!("../data/nonperson.txt");

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

/// Calls `f` with `s` lowercased, without allocating for short ASCII words.
#[inline]
pub(crate) fn with_lower<R>(s: &str, f: impl FnOnce(&str) -> R) -> R {
    let mut buf = [0u8; 48];
    if s.len() <= buf.len() && s.is_ascii() {
        let b = &mut buf[..s.len()];
        b.copy_from_slice(s.as_bytes());
        b.make_ascii_lowercase();
        match std::str::from_utf8(b) {
            Ok(l) => f(l),
            Err(_) => f(&norm(s)),
        }
    } else {
        f(&norm(s))
    }
}

/// A fast hasher for the fixed lexicon tables (their keys are ours, not the input's).
#[derive(Debug, Default, Clone, Copy)]
pub(crate) struct FxHasher {
    hash: u64,
}

impl FxHasher {
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
        for &b in chunks.remainder() {
            self.add(u64::from(b));
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
}

/// Normalises a phrase for lookups: lowercase, single spaces.
pub(crate) fn norm(s: &str) -> String {
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

/// Everything the extractor looks words up in.
#[derive(Debug, Clone)]
pub(crate) struct Lexicon {
    pub cue_ac: AhoCorasick,
    pub cue_entries: Vec<CueEntry>,
    /// Role phrases, normalised.
    pub roles: HashSet<String, FxBuild>,
    /// Flags of single normalised words (keyed by bytes: no UTF-8 check on lookups).
    pub words: HashMap<Box<[u8]>, u16, FxBuild>,
    /// Longest role phrase in words.
    pub role_max_words: usize,
    /// News outlets, normalised: a source, never a speaker.
    pub media: HashSet<String>,
}

impl Lexicon {
    pub(crate) fn build(
        cues: &[(String, CueClass)],
        roles: &[String],
        affiliation: &[(String, bool)],
        stopcaps: &[String],
        pronouns: &[String],
        media: &[String],
        nonperson: &[String],
    ) -> Lexicon {
        let mut pats: Vec<String> = Vec::new();
        let mut entries = Vec::new();
        let mut seen = HashSet::new();
        let mut add = |p: String, e: CueEntry, pats: &mut Vec<String>| {
            if !p.is_empty() && seen.insert(p.clone()) {
                pats.push(p);
                entries.push(e);
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
                &mut pats,
            );
            if matches!(class, CueClass::Base | CueClass::After | CueClass::Menurut) {
                add(
                    format!("{form}nya"),
                    CueEntry {
                        class: *class,
                        nya: true,
                    },
                    &mut pats,
                );
            }
        }
        let cue_ac = AhoCorasick::builder()
            .ascii_case_insensitive(true)
            .match_kind(MatchKind::LeftmostLongest)
            .kind(Some(AhoCorasickKind::DFA))
            .prefilter(false)
            .build(&pats)
            .or_else(|_| {
                AhoCorasick::builder()
                    .ascii_case_insensitive(true)
                    .match_kind(MatchKind::LeftmostLongest)
                    .build(&pats)
            })
            .expect("cue patterns are plain words");
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
        for w in stopcaps {
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
        for w in nonperson {
            set(w, flag::NONPERSON);
        }
        Lexicon {
            words,
            cue_ac,
            cue_entries: entries,
            roles,
            role_max_words,
            media: media.iter().map(|w| norm(w)).collect(),
        }
    }

    /// The flags of a word (any case).
    #[inline]
    pub(crate) fn flags(&self, w: &str) -> u16 {
        let b = w.as_bytes();
        let mut buf = [0u8; 48];
        let key: &[u8] = if b.len() <= buf.len() && b.is_ascii() {
            let k = &mut buf[..b.len()];
            k.copy_from_slice(b);
            k.make_ascii_lowercase();
            k
        } else {
            return self.words.get(norm(w).as_bytes()).copied().unwrap_or(0);
        };
        self.words.get(key).copied().unwrap_or(0)
    }

    /// True when `w` (any case) is a whole cue form that names its speaker next to it (not a
    /// `-nya` form, not `menurut`): `mengatakan`, `berharap`, `kata`.
    pub(crate) fn is_speech_verb(&self, w: &str) -> bool {
        self.cue_ac.find_iter(w.as_bytes()).next().is_some_and(|m| {
            let e = self.cue_entries[m.pattern().as_usize()];
            m.start() == 0 && m.end() == w.len() && !e.nya && e.class != CueClass::Menurut
        })
    }

    /// True when the word (any case) has `f`.
    #[inline]
    pub(crate) fn has(&self, w: &str, f: u16) -> bool {
        self.flags(w) & f != 0
    }
}

/// The built-in cue list.
pub(crate) fn builtin_cues() -> Vec<(String, CueClass)> {
    lines(CUES)
        .filter_map(|l| {
            let (form, class) = l.split_once('\t')?;
            Some((form.trim().to_string(), CueClass::parse(class.trim())?))
        })
        .collect()
}

/// The built-in affiliation words (and places) with their head flag.
pub(crate) fn builtin_affiliation() -> Vec<(String, bool)> {
    lines(AFFILIATION)
        .chain(lines(PLACES))
        .map(|l| match l.strip_suffix('+') {
            Some(w) => (w.to_string(), true),
            None => (l.to_string(), false),
        })
        .collect()
}

/// A plain list.
pub(crate) fn builtin_list(data: &str) -> Vec<String> {
    lines(data).map(str::to_string).collect()
}
