//! The compiled matcher.

use std::collections::{BTreeMap, HashMap};
use std::sync::Arc;

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};

use crate::builder::Duplicate;
use crate::fold::{Folded, is_combining};
use crate::{Error, Mention, Span};

/// Per-entity data shared by its mentions.
#[derive(Debug, Clone)]
pub(crate) struct EntityInfo {
    pub id: Arc<str>,
    pub entity_type: Arc<str>,
    pub canonical: Arc<str>,
    pub attributes: BTreeMap<String, String>,
}

/// How an alias checks letter case against the original text.
#[derive(Debug, Clone)]
pub(crate) enum CaseRule {
    Insensitive,
    /// Match only as written or all in capitals.
    Sensitive {
        upper: Box<str>,
    },
}

/// Per-pattern data.
#[derive(Debug, Clone)]
pub(crate) struct AliasInfo {
    pub entity: u32,
    pub alias: Arc<str>,
    pub case: CaseRule,
    pub clitics: bool,
}

/// An immutable, `Send + Sync` matcher compiled by [`crate::GazetteerBuilder`].
///
/// ```
/// use warta_gazetteer::GazetteerBuilder;
/// let gaz = GazetteerBuilder::new().with_default_list().build().unwrap();
/// let text = "Yonhap: Korsel dan AS memperkuat aliansi AS-ROK.";
/// let found = gaz.find(text);
/// let aliases: Vec<&str> = found.iter().map(|m| &*m.alias).collect();
/// assert_eq!(aliases, ["Yonhap", "Korsel", "AS", "AS", "ROK"]);
/// ```
#[derive(Debug, Clone)]
pub struct Gazetteer {
    ac: Option<AhoCorasick>,
    aliases: Vec<AliasInfo>,
    entities: Vec<EntityInfo>,
    by_id: HashMap<Arc<str>, u32>,
    duplicates: Vec<Duplicate>,
}

/// A candidate occurrence: folded start and length, original span, alias.
#[derive(Clone, Copy)]
struct Candidate {
    start: usize,
    len: usize,
    span: Span,
    alias: u32,
}

/// Clitics that may be glued to a name (`Jokowinya`, `Indonesiaku`).
const CLITICS: [&[u8]; 3] = [b"nya ", b"ku ", b"mu "];

impl Gazetteer {
    pub(crate) fn compile(
        patterns: Vec<String>,
        aliases: Vec<AliasInfo>,
        entities: Vec<EntityInfo>,
        duplicates: Vec<Duplicate>,
    ) -> Result<Gazetteer, Error> {
        let ac = if patterns.is_empty() {
            None
        } else {
            Some(
                AhoCorasickBuilder::new()
                    .match_kind(MatchKind::Standard)
                    .build(&patterns)
                    .map_err(|e| Error::Build(e.to_string()))?,
            )
        };
        let by_id = entities
            .iter()
            .enumerate()
            .map(|(i, e)| (e.id.clone(), i as u32))
            .collect();
        Ok(Gazetteer {
            ac,
            aliases,
            entities,
            by_id,
            duplicates,
        })
    }

    /// Number of entities.
    pub fn len(&self) -> usize {
        self.entities.len()
    }

    /// True when the gazetteer has no entity.
    pub fn is_empty(&self) -> bool {
        self.entities.is_empty()
    }

    /// Number of distinct aliases compiled (after folding and duplicate resolution).
    pub fn alias_count(&self) -> usize {
        self.aliases.len()
    }

    /// Alias collisions resolved while building (the later entity kept the alias).
    pub fn duplicates(&self) -> &[Duplicate] {
        &self.duplicates
    }

    /// Canonical name, type and attributes of the entity with this id.
    ///
    /// ```
    /// use warta_gazetteer::GazetteerBuilder;
    /// let gaz = GazetteerBuilder::new().with_default_list().build().unwrap();
    /// assert_eq!(gaz.entity("GPE:KR").map(|e| e.0), Some("Korea Selatan"));
    /// ```
    pub fn entity(&self, id: &str) -> Option<(&str, &str, &BTreeMap<String, String>)> {
        let e = &self.entities[*self.by_id.get(id)? as usize];
        Some((&e.canonical, &e.entity_type, &e.attributes))
    }

    /// Heap memory used by the matcher, in bytes (automaton plus tables, approximate).
    pub fn memory_usage(&self) -> usize {
        let ac = self.ac.as_ref().map_or(0, AhoCorasick::memory_usage);
        let aliases = self.aliases.iter().map(|a| {
            std::mem::size_of::<AliasInfo>()
                + a.alias.len()
                + match &a.case {
                    CaseRule::Sensitive { upper } => upper.len(),
                    CaseRule::Insensitive => 0,
                }
        });
        let entities = self.entities.iter().map(|e| {
            std::mem::size_of::<EntityInfo>()
                + e.id.len()
                + e.canonical.len()
                + e.entity_type.len()
                + e.attributes
                    .iter()
                    .map(|(k, v)| k.len() + v.len() + 48)
                    .sum::<usize>()
                + 32
        });
        ac + aliases.sum::<usize>() + entities.sum::<usize>()
    }

    /// Mentions in `text[range]`, spans into the whole `text`, sorted, non-overlapping.
    /// A range out of bounds is clamped, one inside a character is widened to its boundaries.
    pub fn find_in(&self, text: &str, range: Span) -> Vec<Mention> {
        let Some(ac) = &self.ac else {
            return Vec::new();
        };
        let mut start = range.start.min(text.len());
        let mut end = range.end.clamp(start, text.len());
        while !text.is_char_boundary(start) {
            start -= 1;
        }
        while !text.is_char_boundary(end) {
            end += 1;
        }
        let mut out = Vec::new();
        // Offsets in the folded map are u32: fold very large ranges in pieces cut at a
        // whitespace when possible.
        const PIECE: usize = 1 << 30;
        let mut at = start;
        while at < end {
            let mut stop = end;
            if end - at > PIECE {
                stop = at + PIECE;
                while !text.is_char_boundary(stop) {
                    stop -= 1;
                }
                if let Some(ws) = text[at..stop].rfind(char::is_whitespace) {
                    if ws > 0 {
                        stop = at + ws;
                    }
                }
            }
            self.find_piece(ac, at, &text[at..stop], &mut out);
            at = stop;
        }
        out
    }

    /// Mentions in the whole text.
    pub fn find(&self, text: &str) -> Vec<Mention> {
        self.find_in(text, Span::new(0, text.len()))
    }

    fn find_piece(&self, ac: &AhoCorasick, base: usize, piece: &str, out: &mut Vec<Mention>) {
        let mut folded = Folded::default();
        folded.fold(piece);
        let buf = &folded.buf;
        let map = &folded.map;
        let mut cands: Vec<Candidate> = Vec::new();
        for m in ac.find_overlapping_iter(buf.as_slice()) {
            let alias = m.pattern().as_u32();
            let info = &self.aliases[alias as usize];
            let (s, e) = (m.start() + 1, m.end());
            // Right boundary: a token boundary, or a glued clitic then a boundary.
            if buf[e] != b' ' && !(info.clitics && CLITICS.iter().any(|c| buf[e..].starts_with(c)))
            {
                continue;
            }
            let first = map[s] as usize;
            let last = map[e - 1] as usize;
            let last_len = piece[last..].chars().next().map_or(0, char::len_utf8);
            let span = Span::new(first, last + last_len);
            if let CaseRule::Sensitive { upper } = &info.case {
                let surface = &piece[span.start..span.end];
                if !same_letters(surface, &info.alias) && !same_letters(surface, upper) {
                    continue;
                }
            }
            cands.push(Candidate {
                start: s,
                len: e - s,
                span,
                alias,
            });
        }
        cands.sort_unstable_by(|a, b| a.start.cmp(&b.start).then(b.len.cmp(&a.len)));
        let mut next_free = 0;
        for c in cands {
            if c.start < next_free {
                continue;
            }
            next_free = c.start + c.len;
            let info = &self.aliases[c.alias as usize];
            let e = &self.entities[info.entity as usize];
            out.push(Mention {
                span: Span::new(base + c.span.start, base + c.span.end),
                id: e.id.clone(),
                entity_type: e.entity_type.clone(),
                canonical: e.canonical.clone(),
                alias: info.alias.clone(),
            });
        }
    }
}

/// Equal ignoring whitespace and invisible characters (exact case).
fn same_letters(a: &str, b: &str) -> bool {
    let keep = |c: &char| {
        !(c.is_whitespace()
            || is_combining(*c)
            || matches!(
                c,
                '\u{200B}'..='\u{200D}' | '\u{2060}' | '\u{FEFF}' | '\u{00AD}'
            ))
    };
    a.chars().filter(keep).eq(b.chars().filter(keep))
}
