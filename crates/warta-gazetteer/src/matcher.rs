//! The compiled matcher: a trie over folded tokens.
//!
//! Every alias is folded and cut into tokens exactly as the text is (see `fold`); the trie's
//! edges are token hashes, stored in one open-addressing table keyed by (parent node, token
//! hash). Matching walks the trie from every token start that a small bit filter of first
//! tokens lets through, records every alias ending on the way (with and without a glued
//! clitic on the last token), checks each candidate exactly (folded bytes, case rule) and
//! keeps the longest valid one. Boundaries are therefore part of the matching: a candidate
//! is made of whole tokens by construction, and a longer candidate that fails a check never
//! hides a shorter valid one at the same start or one starting inside it. The cost is one
//! filter probe per token plus one table probe per trie step: linear in the text. A 64-bit
//! hash collision between two different tokens can only propose a candidate, which the exact
//! byte comparison then rejects.

use std::cell::RefCell;
use std::collections::{BTreeMap, HashMap};
use std::sync::Arc;

use crate::builder::Duplicate;
use crate::fold::{Folded, Token, hash_bytes, is_combining, quick_hash};
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
    /// Any case except all lowercase (a one-token alias with a capital letter).
    NotLowercase,
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
    /// Folded key (tokens joined by one space).
    pub key: Box<[u8]>,
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
    /// Trie edges from the root: (0, first token hash) -> child. Kept apart from the deeper
    /// edges so that the table probed at (almost) every token stays small and cached.
    roots: Vec<Slot>,
    /// Trie edges below the first token: (parent, token hash) -> child.
    table: Vec<Slot>,
    /// Bit filter of the quick hashes (`fold::quick_hash`) of first tokens.
    first: Vec<u64>,
    /// Alias ending at each node (`NONE` when none); node 0 is the root.
    terminal: Vec<u32>,
    /// Most tokens in an alias.
    max_depth: usize,
    aliases: Vec<AliasInfo>,
    entities: Vec<EntityInfo>,
    by_id: HashMap<Arc<str>, u32>,
    duplicates: Vec<Duplicate>,
}

#[derive(Debug, Clone, Copy, Default)]
struct Slot {
    hash: u64,
    parent: u32,
    /// Child node; 0 marks an empty slot (the root is never a child).
    node: u32,
}

const NONE: u32 = u32::MAX;

#[inline]
fn slot_index(parent: u32, hash: u64, mask: usize) -> usize {
    ((hash ^ (parent as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15)) as usize) & mask
}

impl Gazetteer {
    pub(crate) fn compile(
        aliases: Vec<AliasInfo>,
        entities: Vec<EntityInfo>,
        duplicates: Vec<Duplicate>,
    ) -> Result<Gazetteer, Error> {
        // Token hashes of every alias, flat.
        let mut folded = Folded::default();
        let mut hashes: Vec<u64> = Vec::new();
        let mut quick: Vec<u64> = Vec::with_capacity(aliases.len());
        let mut bounds: Vec<usize> = Vec::with_capacity(aliases.len() + 1);
        bounds.push(0);
        for a in &aliases {
            folded.fold(&a.alias);
            hashes.extend(folded.tokens.iter().map(|t| hash_bytes(folded.bytes(t))));
            quick.push(folded.tokens.first().map_or(0, |t| {
                quick_hash(&folded.buf, t.fstart as usize, (t.fend - t.fstart) as usize)
            }));
            bounds.push(hashes.len());
        }
        if hashes.len() >= (u32::MAX / 2) as usize {
            return Err(Error::Build("more than 2 billion alias tokens".into()));
        }
        let deep = hashes.len() - (bounds.len() - 1);
        let mut roots = vec![Slot::default(); (aliases.len() * 2).next_power_of_two().max(16)];
        let mut table = vec![Slot::default(); (deep * 2).next_power_of_two().max(16)];
        let first_bits = (aliases.len() * 16)
            .next_power_of_two()
            .clamp(1 << 12, 1 << 27);
        let mut first = vec![0u64; first_bits / 64];
        let mut terminal = vec![NONE];
        let mut max_depth = 0;
        for (a, w) in bounds.windows(2).enumerate() {
            let toks = &hashes[w[0]..w[1]];
            if toks.is_empty() {
                continue;
            }
            let bit = (quick[a] >> 32) as usize & (first_bits - 1);
            first[bit / 64] |= 1 << (bit % 64);
            max_depth = max_depth.max(toks.len());
            let mut node = 0u32;
            for &h in toks {
                let table = if node == 0 { &mut roots } else { &mut table };
                let mask = table.len() - 1;
                let mut i = slot_index(node, h, mask);
                node = loop {
                    let s = table[i];
                    if s.node == 0 {
                        let child = terminal.len() as u32;
                        terminal.push(NONE);
                        table[i] = Slot {
                            hash: h,
                            parent: node,
                            node: child,
                        };
                        break child;
                    }
                    if s.hash == h && s.parent == node {
                        break s.node;
                    }
                    i = (i + 1) & mask;
                };
            }
            if terminal[node as usize] == NONE {
                terminal[node as usize] = a as u32;
            }
        }
        let by_id = entities
            .iter()
            .enumerate()
            .map(|(i, e)| (e.id.clone(), i as u32))
            .collect();
        Ok(Gazetteer {
            roots,
            table,
            first,
            terminal,
            max_depth,
            aliases,
            entities,
            by_id,
            duplicates,
        })
    }

    #[inline]
    fn maybe_first(&self, hash: u64) -> bool {
        let bit = (hash >> 32) as usize & (self.first.len() * 64 - 1);
        self.first[bit / 64] & (1 << (bit % 64)) != 0
    }

    #[inline]
    fn child(&self, parent: u32, hash: u64) -> Option<u32> {
        let table = if parent == 0 {
            &self.roots
        } else {
            &self.table
        };
        let mask = table.len() - 1;
        let mut i = slot_index(parent, hash, mask);
        loop {
            let s = &table[i];
            if s.node == 0 {
                return None;
            }
            if s.hash == hash && s.parent == parent {
                return Some(s.node);
            }
            i = (i + 1) & mask;
        }
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
        let trie = (self.roots.len() + self.table.len()) * std::mem::size_of::<Slot>()
            + self.first.len() * 8
            + self.terminal.len() * 4;
        let aliases = self.aliases.iter().map(|a| {
            std::mem::size_of::<AliasInfo>()
                + a.alias.len()
                + match &a.case {
                    CaseRule::Sensitive { upper } => upper.len(),
                    CaseRule::Insensitive | CaseRule::NotLowercase => 0,
                }
                + a.key.len()
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
        trie + aliases.sum::<usize>() + entities.sum::<usize>()
    }

    /// Mentions in `text[range]`, spans into the whole `text`, sorted, non-overlapping.
    /// A range out of bounds is clamped, one inside a character is widened to its boundaries.
    pub fn find_in(&self, text: &str, range: Span) -> Vec<Mention> {
        if self.aliases.is_empty() {
            return Vec::new();
        }
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
                if let Some(ws) = text[at..stop].rfind(char::is_whitespace)
                    && ws > 0
                {
                    stop = at + ws;
                }
            }
            self.find_piece(at, &text[at..stop], &mut out);
            at = stop;
        }
        out
    }

    /// Mentions in the whole text.
    pub fn find(&self, text: &str) -> Vec<Mention> {
        self.find_in(text, Span::new(0, text.len()))
    }

    fn find_piece(&self, base: usize, piece: &str, out: &mut Vec<Mention>) {
        thread_local! {
            /// Folding buffers reused across calls on a thread (the pipeline calls `find_in`
            /// once per paragraph).
            static SCRATCH: RefCell<Folded> = RefCell::new(Folded::default());
        }
        SCRATCH.with(|scratch| match scratch.try_borrow_mut() {
            Ok(mut folded) => {
                self.find_folded(&mut folded, base, piece, out);
                folded.shrink();
            }
            Err(_) => self.find_folded(&mut Folded::default(), base, piece, out),
        });
    }

    fn find_folded(&self, folded: &mut Folded, base: usize, piece: &str, out: &mut Vec<Mention>) {
        folded.fold(piece);
        let folded = &*folded;
        let toks = &folded.tokens;
        let n = toks.len();
        let mut i = 0;
        while i < n {
            let t = &toks[i];
            // (last token, clitic stripped, alias) of the longest valid candidate at `i`.
            let mut best: Option<(usize, bool, u32)> = None;
            let stripped = |t: &Token| {
                let b = folded.bytes(t);
                &b[..b.len() - t.clitic as usize]
            };
            let (start, len) = (t.fstart as usize, (t.fend - t.fstart) as usize);
            if self.maybe_first(quick_hash(&folded.buf, start, len))
                || (t.clitic > 0
                    && self.maybe_first(quick_hash(&folded.buf, start, len - t.clitic as usize)))
            {
                let mut node = 0;
                let stop = n.min(i + self.max_depth);
                for (j, tj) in toks.iter().enumerate().take(stop).skip(i) {
                    if tj.clitic > 0
                        && let Some(a) = self.alias_at(node, hash_bytes(stripped(tj)))
                        && self.aliases[a as usize].clitics
                        && starts_upper(piece, t)
                        && self.accept(folded, piece, i, j, true, a)
                    {
                        best = Some((j, true, a));
                    }
                    let Some(c) = self.child(node, hash_bytes(folded.bytes(tj))) else {
                        break;
                    };
                    node = c;
                    let a = self.terminal[c as usize];
                    if a != NONE && self.accept(folded, piece, i, j, false, a) {
                        best = Some((j, false, a));
                    }
                }
            }
            let Some((j, clitic, a)) = best else {
                i += 1;
                continue;
            };
            let span = Self::span(piece, toks, i, j, clitic);
            let info = &self.aliases[a as usize];
            let e = &self.entities[info.entity as usize];
            out.push(Mention {
                span: Span::new(base + span.start, base + span.end),
                id: e.id.clone(),
                entity_type: e.entity_type.clone(),
                canonical: e.canonical.clone(),
                alias: info.alias.clone(),
            });
            i = j + 1;
        }
    }

    /// The alias ending at the child of `node` reached by `hash`, if any.
    #[inline]
    fn alias_at(&self, node: u32, hash: u64) -> Option<u32> {
        let a = self.terminal[self.child(node, hash)? as usize];
        (a != NONE).then_some(a)
    }

    /// Original span of tokens `i..=j`, without the glued clitic of `j` when `clitic`.
    fn span(piece: &str, toks: &[Token], i: usize, j: usize, clitic: bool) -> Span {
        let start = toks[i].ostart as usize;
        let mut end = toks[j].oend as usize;
        if clitic {
            let mut letters = toks[j].clitic;
            for c in piece[..end].chars().rev() {
                if letters == 0 {
                    break;
                }
                end -= c.len_utf8();
                if c.is_alphanumeric() {
                    letters -= 1;
                }
            }
        }
        Span::new(start, end)
    }

    /// Exact check of a candidate: folded bytes equal to the alias key (the token hashes
    /// only proposed it), and the case rule.
    fn accept(
        &self,
        folded: &Folded,
        piece: &str,
        i: usize,
        j: usize,
        clitic: bool,
        a: u32,
    ) -> bool {
        let info = &self.aliases[a as usize];
        let toks = &folded.tokens[i..=j];
        if matches!(info.case, CaseRule::NotLowercase) && !toks.iter().any(|t| t.upper) {
            return false;
        }
        let mut key = info.key.split(|&b| b == b' ');
        for (k, t) in toks.iter().enumerate() {
            let mut bytes = folded.bytes(t);
            if clitic && k + 1 == toks.len() {
                bytes = &bytes[..bytes.len() - t.clitic as usize];
            }
            if key.next() != Some(bytes) {
                return false;
            }
        }
        if key.next().is_some() {
            return false;
        }
        match &info.case {
            CaseRule::Insensitive | CaseRule::NotLowercase => true,
            CaseRule::Sensitive { upper } => {
                let span = Self::span(piece, &folded.tokens, i, j, clitic);
                let surface = &piece[span.start..span.end];
                same_letters(surface, &info.alias) || same_letters(surface, upper)
            }
        }
    }
}

/// True when the token's original text starts with an uppercase letter.
fn starts_upper(piece: &str, t: &Token) -> bool {
    piece[t.ostart as usize..]
        .chars()
        .next()
        .is_some_and(char::is_uppercase)
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
