//! Embedded word lists (cues, roles, affiliation words, stop words, pronouns) and the compiled
//! cue automaton.

use std::collections::{HashMap, HashSet};

use aho_corasick::{AhoCorasick, AhoCorasickKind, MatchKind};

pub(crate) const CUES: &str = include_str!("../data/cues.txt");
pub(crate) const ROLES: &str = include_str!("../data/roles.txt");
pub(crate) const AFFILIATION: &str = include_str!("../data/affiliation.txt");
pub(crate) const STOPCAPS: &str = include_str!("../data/stopcaps.txt");
pub(crate) const PRONOUNS: &str = include_str!("../data/pronouns.txt");

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

/// Normalises a phrase for lookups: lowercase, single spaces.
pub(crate) fn norm(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for w in s.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.extend(w.chars().flat_map(char::to_lowercase));
    }
    out
}

/// Everything the extractor looks words up in.
#[derive(Debug, Clone)]
pub(crate) struct Lexicon {
    pub cue_ac: AhoCorasick,
    pub cue_entries: Vec<CueEntry>,
    /// Role phrases, normalised.
    pub roles: HashSet<String>,
    /// Every word of a role phrase, normalised.
    pub role_words: HashSet<String>,
    /// Longest role phrase in words.
    pub role_max_words: usize,
    /// Affiliation words, normalised; value true for head words taking a complement.
    pub affiliation: HashMap<String, bool>,
    pub stopcaps: HashSet<String>,
    pub pronouns: HashSet<String>,
}

impl Lexicon {
    pub(crate) fn build(
        cues: &[(String, CueClass)],
        roles: &[String],
        affiliation: &[(String, bool)],
        stopcaps: &[String],
        pronouns: &[String],
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
            .match_kind(MatchKind::Standard)
            .kind(Some(AhoCorasickKind::DFA))
            .build(&pats)
            .or_else(|_| {
                AhoCorasick::builder()
                    .ascii_case_insensitive(true)
                    .match_kind(MatchKind::Standard)
                    .build(&pats)
            })
            .expect("cue patterns are plain words");
        let roles: HashSet<String> = roles.iter().map(|r| norm(r)).collect();
        let role_max_words = roles
            .iter()
            .map(|r| r.split(' ').count())
            .max()
            .unwrap_or(1);
        let role_words = roles
            .iter()
            .flat_map(|r| r.split(' ').map(str::to_string))
            .collect();
        Lexicon {
            cue_ac,
            cue_entries: entries,
            roles,
            role_words,
            role_max_words,
            affiliation: affiliation.iter().map(|(w, h)| (norm(w), *h)).collect(),
            stopcaps: stopcaps.iter().map(|w| norm(w)).collect(),
            pronouns: pronouns.iter().map(|w| norm(w)).collect(),
        }
    }

    pub(crate) fn is_pronoun(&self, lower: &str) -> bool {
        self.pronouns.contains(lower)
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

/// The built-in affiliation words with their head flag.
pub(crate) fn builtin_affiliation() -> Vec<(String, bool)> {
    lines(AFFILIATION)
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
