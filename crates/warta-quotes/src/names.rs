//! Document-level name index: every `role + affiliation + name` run of the paragraphs, so that
//! a short mention (`Home`, `Presiden`) resolves to the fullest name (`Emily Home`, `Joe Biden`).

use std::collections::HashMap;

use crate::KnownEntity;
use crate::Span;
use crate::lexicon::{Lexicon, norm};

/// One full mention seen in the document.
#[derive(Debug, Clone)]
pub(crate) struct NameEntry {
    pub pos: usize,
    pub name: String,
    pub tokens: Vec<String>,
    pub role: Option<String>,
    pub affiliation: Option<String>,
}

/// Names by token and by role.
#[derive(Debug, Default)]
pub(crate) struct NameIndex {
    entries: Vec<NameEntry>,
    by_token: HashMap<String, Vec<usize>>,
    by_role: HashMap<String, Vec<usize>>,
}

/// Lowercase name tokens (hyphenated parts stay whole).
pub(crate) fn name_tokens(name: &str) -> Vec<String> {
    name.split(|c: char| c.is_whitespace() || c == ',')
        .filter(|t| !t.is_empty())
        .map(norm)
        .collect()
}

impl NameIndex {
    /// One pass over the paragraphs: each capitalised run is split and indexed.
    pub(crate) fn build(
        lex: &Lexicon,
        text: &str,
        paragraphs: &[Span],
        entities: &[KnownEntity],
    ) -> NameIndex {
        let mut idx = NameIndex::default();
        let bytes = text.as_bytes();
        for p in paragraphs {
            let mut i = p.start;
            while i < p.end {
                let b = bytes[i];
                let starts = b.is_ascii_uppercase()
                    && (i == p.start
                        || !bytes[i - 1].is_ascii_alphanumeric() && bytes[i - 1] < 0x80);
                if !starts {
                    i += 1;
                    continue;
                }
                let words = lex.run_forward(text, i, p.end);
                let Some(last) = words.last() else {
                    i += 1;
                    continue;
                };
                let next = last.end;
                let m = lex.split(text, &words, entities);
                if let (Some((s, e)), false) = (m.name, m.org) {
                    let name = &text[s..e];
                    let tokens = name_tokens(name);
                    if tokens.len() >= 2 || m.role.is_some() {
                        idx.push(
                            NameEntry {
                                pos: s,
                                name: name.to_string(),
                                tokens,
                                role: m.role.clone(),
                                affiliation: m.affiliation.clone(),
                            },
                            m.role_key.clone(),
                        );
                    }
                }
                i = next.max(i + 1);
            }
        }
        idx
    }

    fn push(&mut self, e: NameEntry, role_key: Option<String>) {
        let id = self.entries.len();
        for t in &e.tokens {
            let v = self.by_token.entry(t.clone()).or_default();
            if v.last() != Some(&id) {
                v.push(id);
            }
        }
        if let Some(r) = role_key {
            self.by_role.entry(r).or_default().push(id);
        }
        self.entries.push(e);
    }

    fn pick(
        &self,
        ids: &[usize],
        pos: usize,
        ok: impl Fn(&NameEntry) -> bool,
    ) -> Option<&NameEntry> {
        let before = ids.partition_point(|&i| self.entries[i].pos < pos);
        ids[..before]
            .iter()
            .rev()
            .map(|&i| &self.entries[i])
            .find(|e| ok(e))
            .or_else(|| {
                ids[before..]
                    .iter()
                    .map(|&i| &self.entries[i])
                    .find(|e| ok(e))
            })
    }

    /// The fullest name containing every token of `name`, the latest one before `pos` if any.
    pub(crate) fn resolve_name(&self, name: &str, pos: usize) -> Option<&NameEntry> {
        let toks = name_tokens(name);
        let last = toks.last()?;
        let ids = self.by_token.get(last)?;
        self.pick(ids, pos, |e| {
            e.tokens.len() >= toks.len() && toks.iter().all(|t| e.tokens.contains(t))
        })
    }

    /// The latest name introduced with the role `role_key` (`presiden`) before `pos`.
    pub(crate) fn resolve_role(&self, role_key: &str, pos: usize) -> Option<&NameEntry> {
        let ids = self.by_role.get(role_key)?;
        self.pick(ids, pos, |_| true)
    }
}
