//! The compiled matcher: a trie over folded tokens.
//!
//! Every alias is folded and cut into tokens exactly as the text is (see `fold`). The trie
//! has no node ids: a node is the hash of its path (the hashes of its tokens chained), and
//! one open-addressing table maps each node to the alias ending there and whether it has
//! children. Matching scans the text token by token without copying it (ASCII words are
//! hashed in place), and a token goes no further than a probe of a small bit filter of
//! first tokens unless some alias may start with it (a lowercase word is checked against
//! the first tokens of the aliases that may start in lowercase only). From a token that
//! passes, it walks the trie over the next tokens (a second bit filter of the deeper nodes
//! spares most table probes), records every alias ending on the way (with and without a
//! glued clitic on the last token), checks each candidate exactly (folded bytes, case
//! rule) and keeps the longest valid one. Boundaries are therefore part of the matching: a
//! candidate is made of whole tokens by construction, and a longer candidate that fails a
//! check never hides a shorter valid one at the same start or one starting inside it. The
//! cost is one filter probe per token plus one filter probe (and rarely a table probe) per
//! trie step: linear in the text. A 64-bit hash collision can only propose a candidate,
//! which the exact byte comparison then rejects.

use std::cell::RefCell;
use std::collections::BTreeMap;
use std::sync::{Arc, OnceLock};

use crate::builder::{Duplicate, FastMap, attribute_pairs};
use crate::fold::{Scanner, Step, Token, hash_bytes, is_combining};
use crate::masks::alnum16;
use crate::{Error, Mention, Span};

/// Per-entity data shared by its mentions.
#[derive(Debug, Clone)]
pub(crate) struct EntityInfo {
    pub id: Arc<str>,
    pub entity_type: Arc<str>,
    pub canonical: Arc<str>,
    /// Its attributes, unless they are in the embedded default list.
    pub attributes: BTreeMap<String, String>,
}

/// The attributes of a TSV attribute column (valid).
pub(crate) fn parse_attributes(column: &str) -> BTreeMap<String, String> {
    let mut map = BTreeMap::new();
    for (k, v) in attribute_pairs(column).flatten() {
        map.insert(k.to_string(), v.to_string());
    }
    map
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
    /// Folded key (tokens joined by one space). Its own allocation: reading it from one
    /// shared buffer cost the exact check of every candidate more than it saved the build.
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
    /// The nodes where an alias ends, keyed by path hash (open addressing, linear probing).
    table: Vec<Slot>,
    /// Properties of the nodes at depth 1 (first tokens).
    first: Filter,
    /// Properties of the deeper nodes.
    deep: Filter,
    /// ASCII bytes that are skipped looking for a first token: whitespace, and the
    /// symbols no alias starts with.
    skip: [bool; 128],
    /// Most tokens in an alias.
    max_depth: usize,
    aliases: Vec<AliasInfo>,
    entities: Vec<EntityInfo>,
    /// Entity by id, made by the first [`Gazetteer::entity`] (matching never needs it).
    by_id: OnceLock<FastMap<Arc<str>, u32>>,
    /// The range of each entity's attribute column in the embedded default list (`(0, 0)`
    /// when not there; empty when no entity is): parsed by the first [`Gazetteer::entity`]
    /// call, which most programs never make.
    default_columns: Vec<(u32, u32)>,
    /// The attributes of the entities from the default list, parsed from `default_columns`.
    default_attributes: OnceLock<Vec<BTreeMap<String, String>>>,
    duplicates: Vec<Duplicate>,
}

/// A node where an alias ends.
#[derive(Debug, Clone, Copy)]
struct Slot {
    /// Path hash of the node.
    key: u64,
    /// The alias, `NONE` marks an empty slot.
    alias: u32,
}

impl Default for Slot {
    fn default() -> Self {
        Slot {
            key: 0,
            alias: NONE,
        }
    }
}

const NONE: u32 = u32::MAX;

/// Path hash of the child of the node `parent` at `depth` (0 for the root) reached by a token
/// of hash `token`: a first token's node is its hash; below, distinct tokens give distinct
/// children of one parent (a bijection of the token hash).
#[inline]
fn child_key(parent: u64, depth: usize, token: u64) -> u64 {
    if depth == 0 {
        return token;
    }
    let mut h = parent.rotate_left(29) ^ token;
    h ^= h >> 33;
    h = h.wrapping_mul(0xc4ce_b9fe_1a85_ec53);
    h ^= h >> 33;
    h
}

/// Node properties a [`Filter`] records.
#[derive(Debug, Clone, Copy)]
enum Property {
    /// An alias ends at the node.
    Ends = 0,
    /// The node has children.
    Children = 1,
    /// (First tokens) some alias through the node may start with a token without an
    /// uppercase letter in the text.
    Lower = 2,
    /// (First tokens) some alias starts with the token (`Ends` or `Children`), or is one
    /// token that may match it without a glued clitic (`Korselnya`): one test for a
    /// capitalised word.
    Any = 3,
}

/// A blocked bit filter of node properties, keyed by path hash: all the properties of a node
/// are two bits each in one 64-bit word (one memory access per node), chosen by the hash's
/// bits 0 to 47, the word by its bits from 48 (see [`Filter::index`]). No false negatives.
#[derive(Debug, Clone)]
struct Filter {
    words: Vec<u64>,
}

impl Filter {
    /// A filter for `n` nodes, 64 bits per `per_word` nodes.
    fn new(n: usize, per_word: usize) -> Filter {
        Filter {
            words: vec![0; (n / per_word).next_power_of_two().max(1024)],
        }
    }

    /// The word of `key` in a filter of `len` words (a power of two).
    #[inline(always)]
    fn index(key: u64, len: usize) -> usize {
        key.rotate_right(48) as usize & len.wrapping_sub(1)
    }

    #[inline]
    fn word(&self, key: u64) -> u64 {
        self.words[Self::index(key, self.words.len())]
    }

    #[inline]
    fn bits(key: u64, p: Property) -> u64 {
        let b = key >> (12 * p as u32);
        (1 << (b & 63)) | (1 << ((b >> 6) & 63))
    }

    fn insert(&mut self, key: u64, p: Property) {
        let i = Self::index(key, self.words.len());
        self.words[i] |= Self::bits(key, p);
    }

    /// True when the node of `word` (`self.word(key)`) may have the property.
    #[inline]
    fn has(word: u64, key: u64, p: Property) -> bool {
        let bits = Self::bits(key, p);
        word & bits == bits
    }
}

/// Reusable per-thread buffers of the matching.
#[derive(Debug, Default)]
struct Scratch {
    /// Folded bytes of the tokens in `window` that are not plain ASCII.
    buf: Vec<u8>,
    /// Tokens scanned ahead of the current one.
    window: Vec<Token>,
}

impl Gazetteer {
    /// The matcher of `aliases`, whose token hashes are `hashes[bounds[a]..bounds[a + 1]]`
    /// for alias `a`.
    pub(crate) fn compile(
        aliases: Vec<AliasInfo>,
        hashes: &[u64],
        bounds: &[usize],
        entities: Vec<EntityInfo>,
        default_columns: Vec<(u32, u32)>,
        duplicates: Vec<Duplicate>,
    ) -> Result<Gazetteer, Error> {
        // Whether the first token of each alias must have an uppercase letter in the text.
        let first_upper: Vec<bool> = aliases.iter().map(needs_first_upper).collect();
        if hashes.len() >= (u32::MAX / 2) as usize {
            return Err(Error::Build("more than 2 billion alias tokens".into()));
        }
        let roots = bounds.len() - 1;
        let deep = hashes.len() - roots;
        let mut table = vec![Slot::default(); (roots * 3 / 2).next_power_of_two().max(16)];
        // The first-token filter is read for every token of the text: 16 to 32 bits per
        // node (few false positives) up to 128 KiB, then 8 to 16 bits per node, to stay in
        // the cache next to the text streaming through it. The deeper one is read only after
        // a first token passed (16 to 32 bits per node).
        let per_word = if roots / 4 <= 1 << 14 { 4 } else { 8 };
        let mut first = Filter::new(roots, per_word);
        let mut deep_filter = Filter::new(deep, 4);
        let mask = table.len() - 1;
        let mut max_depth = 0;
        let mut glued = Vec::new();
        for (a, w) in bounds.windows(2).enumerate() {
            let toks = &hashes[w[0]..w[1]];
            max_depth = max_depth.max(toks.len());
            let mut key = 0;
            for (depth, &h) in toks.iter().enumerate() {
                key = child_key(key, depth, h);
                let filter = if depth == 0 {
                    &mut first
                } else {
                    &mut deep_filter
                };
                if depth == 0 {
                    filter.insert(key, Property::Any);
                    if !first_upper[a] {
                        filter.insert(key, Property::Lower);
                    }
                    if toks.len() == 1 && aliases[a].clitics {
                        // The token with a glued clitic, as `Token::clitic` strips it.
                        for clitic in [&b"nya"[..], b"ku", b"mu"] {
                            glued.clear();
                            glued.extend_from_slice(&aliases[a].key);
                            glued.extend_from_slice(clitic);
                            filter.insert(hash_bytes(&glued), Property::Any);
                        }
                    }
                }
                if depth + 1 < toks.len() {
                    filter.insert(key, Property::Children);
                    continue;
                }
                filter.insert(key, Property::Ends);
                let mut i = key as usize & mask;
                loop {
                    let s = &mut table[i];
                    if s.alias == NONE {
                        *s = Slot {
                            key,
                            alias: a as u32,
                        };
                        break;
                    }
                    if s.key == key {
                        break;
                    }
                    i = (i + 1) & mask;
                }
            }
        }
        let skip = std::array::from_fn(|b| {
            let mut tmp = [0; 4];
            let text = char::from(b as u8).encode_utf8(&mut tmp);
            match Scanner::new(text).next_token(&mut Vec::new()) {
                None => true,
                Some(_) if text.as_bytes()[0].is_ascii_alphanumeric() => false,
                // A symbol has no uppercase letter.
                Some(t) => !Filter::has(first.word(t.hash), t.hash, Property::Lower),
            }
        });
        Ok(Gazetteer {
            table,
            first,
            deep: deep_filter,
            skip,
            max_depth,
            aliases,
            entities,
            by_id: OnceLock::new(),
            default_columns,
            default_attributes: OnceLock::new(),
            duplicates,
        })
    }

    /// The alias ending at the node with path hash `key`, if any.
    #[inline]
    fn alias_at(&self, key: u64) -> Option<u32> {
        let mask = self.table.len() - 1;
        let mut i = key as usize & mask;
        loop {
            let s = &self.table[i];
            if s.alias == NONE {
                return None;
            }
            if s.key == key {
                return Some(s.alias);
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
        let by_id = self.by_id.get_or_init(|| {
            let ids = self.entities.iter().enumerate();
            ids.map(|(i, e)| (e.id.clone(), i as u32)).collect()
        });
        let i = *by_id.get(id)? as usize;
        let e = &self.entities[i];
        let (start, end) = self.default_columns.get(i).copied().unwrap_or_default();
        let attributes = if start == end {
            &e.attributes
        } else {
            &self.default_attributes.get_or_init(|| {
                let tsv = crate::default_list::TSV;
                let ranges = self.default_columns.iter();
                ranges
                    .map(|&(start, end)| parse_attributes(&tsv[start as usize..end as usize]))
                    .collect()
            })[i]
        };
        Some((&e.canonical, &e.entity_type, attributes))
    }

    /// Heap memory used by the matcher, in bytes (automaton plus tables, approximate).
    pub fn memory_usage(&self) -> usize {
        let trie = self.table.len() * std::mem::size_of::<Slot>()
            + (self.first.words.len() + self.deep.words.len()) * 8;
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
        let mut found = Vec::new();
        self.find_in_into(text, range, &mut found);
        found
    }

    /// [`Gazetteer::find_in`] appending the mentions to `out` (one vector for the mentions
    /// of many ranges, as a pipeline collects them paragraph by paragraph).
    ///
    /// ```
    /// use warta_gazetteer::{GazetteerBuilder, Span};
    /// let gaz = GazetteerBuilder::new().with_default_list().build().unwrap();
    /// let text = "Yonhap melaporkan.\nKorsel dan AS bertemu.";
    /// let mut mentions = Vec::new();
    /// gaz.find_in_into(text, Span::new(0, 18), &mut mentions);
    /// gaz.find_in_into(text, Span::new(19, text.len()), &mut mentions);
    /// let aliases: Vec<&str> = mentions.iter().map(|m| &*m.alias).collect();
    /// assert_eq!(aliases, ["Yonhap", "Korsel", "AS"]);
    /// ```
    pub fn find_in_into(&self, text: &str, range: Span, out: &mut Vec<Mention>) {
        self.find_in_ranges_into(text, &[range], out);
    }

    /// [`Gazetteer::find_in_into`] of each of `ranges` in turn (the paragraphs of an article),
    /// with the working buffers taken once.
    ///
    /// ```
    /// use warta_gazetteer::{GazetteerBuilder, Span};
    /// let gaz = GazetteerBuilder::new().with_default_list().build().unwrap();
    /// let text = "Yonhap melaporkan.\nKorsel dan AS bertemu.";
    /// let mut mentions = Vec::new();
    /// gaz.find_in_ranges_into(text, &[Span::new(0, 18), Span::new(19, text.len())], &mut mentions);
    /// let aliases: Vec<&str> = mentions.iter().map(|m| &*m.alias).collect();
    /// assert_eq!(aliases, ["Yonhap", "Korsel", "AS"]);
    /// ```
    pub fn find_in_ranges_into(&self, text: &str, ranges: &[Span], out: &mut Vec<Mention>) {
        if self.aliases.is_empty() {
            return;
        }
        thread_local! {
            /// Buffers reused across calls on a thread (the pipeline calls `find_in` once
            /// per paragraph).
            static SCRATCH: RefCell<Scratch> = RefCell::new(Scratch::default());
        }
        let mut find = |scratch: &mut Scratch| {
            for range in ranges {
                let mut start = range.start.min(text.len());
                let mut end = range.end.clamp(start, text.len());
                while !text.is_char_boundary(start) {
                    start -= 1;
                }
                while !text.is_char_boundary(end) {
                    end += 1;
                }
                self.find_range::<true>(scratch, text, start, end, out);
            }
        };
        SCRATCH.with(|scratch| match scratch.try_borrow_mut() {
            Ok(mut scratch) => {
                find(&mut scratch);
                scratch.shrink();
            }
            Err(_) => find(&mut Scratch::default()),
        });
    }

    /// Mentions in the whole text.
    pub fn find(&self, text: &str) -> Vec<Mention> {
        self.find_in(text, Span::new(0, text.len()))
    }

    /// `find_in_into` on `text[start..end]` (char boundaries); `FAST` as in
    /// `Scanner::skip_ascii` (false only in tests, the reference of the fast path).
    fn find_range<const FAST: bool>(
        &self,
        scratch: &mut Scratch,
        text: &str,
        start: usize,
        end: usize,
        out: &mut Vec<Mention>,
    ) {
        // Token offsets are u32: scan very large ranges in pieces cut at a whitespace when
        // possible.
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
            self.find_scan::<FAST>(scratch, out, at, &text[at..stop]);
            at = stop;
        }
    }

    /// True when an alias may start at token `t` (no false negatives).
    #[inline(always)]
    fn may_start(&self, t: &Token, text: &[u8], buf: &[u8]) -> bool {
        let key = t.hash;
        let word = self.first.word(key);
        // Without an uppercase letter, only the aliases that may start in lowercase (and a
        // glued clitic needs a capitalised token). Evaluated without branches.
        let upper =
            Filter::has(word, key, Property::Ends) | Filter::has(word, key, Property::Children);
        let lower = Filter::has(word, key, Property::Lower);
        if if t.upper { upper } else { lower } {
            return true;
        }
        t.upper && t.clitic(text, buf) > 0 && self.may_start_with_clitic(t, text, buf)
    }

    /// True when a one-token alias may match `t` without its glued clitic.
    #[inline(never)]
    fn may_start_with_clitic(&self, t: &Token, text: &[u8], buf: &[u8]) -> bool {
        let key = t.stripped_hash(text, buf);
        Filter::has(self.first.word(key), key, Property::Ends)
    }

    /// What the fast path does with the plain ASCII word `text[start..end]` of hash `hash`:
    /// `Stop` exactly when `may_start` and an alias may end at the word (with or without a
    /// glued clitic), `Pending` when `may_start` but an alias starting there has more tokens.
    /// `first` is `self.first.words`, held by the caller's loop.
    #[inline(always)]
    fn first_step(
        &self,
        first: &[u64],
        start: usize,
        end: usize,
        hash: u64,
        upper: bool,
        text: &[u8],
    ) -> Step {
        let word = first
            .get(Filter::index(hash, first.len()))
            .copied()
            .unwrap_or(0);
        if !upper && !Filter::has(word, hash, Property::Lower) {
            return Step::Skip;
        }
        if Filter::has(word, hash, Property::Ends) {
            return Step::Stop;
        }
        if upper {
            let t = Token::ascii(start, end, hash, upper);
            if t.clitic(text, &[]) > 0 && self.may_start_with_clitic(&t, text, &[]) {
                return Step::Stop;
            }
        }
        if Filter::has(word, hash, Property::Children) {
            Step::Pending
        } else {
            Step::Skip
        }
    }

    /// False when no alias starts with the plain ASCII words `p` (a `Pending` first token)
    /// and `t` (the next token): `longest_at` would find nothing at `p`.
    #[inline(always)]
    fn may_follow(&self, p: &Token, t: &Token, text: &[u8]) -> bool {
        if p.upper && t.clitic(text, &[]) > 0 {
            // The trie may continue with `t` without its clitic.
            return true;
        }
        let key = child_key(p.hash, 1, t.hash);
        let word = self.deep.word(key);
        Filter::has(word, key, Property::Ends) || Filter::has(word, key, Property::Children)
    }

    fn find_scan<const FAST: bool>(
        &self,
        scratch: &mut Scratch,
        found: &mut Vec<Mention>,
        base: usize,
        piece: &str,
    ) {
        let text = piece.as_bytes();
        let Scratch { buf, window } = scratch;
        let first = self.first.words.as_slice();
        buf.clear();
        window.clear();
        let mut scanner = Scanner::new(piece);
        // `window[at..]` are the tokens scanned but not yet passed.
        let mut at = 0;
        loop {
            if at == window.len() {
                // The fast path: skip the tokens no alias starts with, storing nothing. The
                // tokens it stops at are complete, and an alias may start with the first.
                window.clear();
                buf.clear();
                at = 0;
                scanner.skip_ascii::<FAST>(
                    &self.skip,
                    window,
                    |hash, upper| {
                        let word = first
                            .get(Filter::index(hash, first.len()))
                            .copied()
                            .unwrap_or(0);
                        let p = if upper {
                            Property::Any
                        } else {
                            Property::Lower
                        };
                        Filter::has(word, hash, p)
                    },
                    |start, end, hash, upper| self.first_step(first, start, end, hash, upper, text),
                    |p, t| self.may_follow(p, t, text),
                    alnum16,
                );
                if window.is_empty() {
                    let Some(t) = scanner.next_token(buf) else {
                        break;
                    };
                    window.push(t);
                    if !self.may_start(&window[at], text, buf) {
                        at += 1;
                        continue;
                    }
                }
            } else if !self.may_start(&window[at], text, buf) {
                at += 1;
                continue;
            }
            let Some((j, clitic, a)) = self.longest_at(&mut scanner, buf, window, at, piece) else {
                at += 1;
                continue;
            };
            let span = Self::span(piece, buf, &window[at], &window[j], clitic);
            let info = &self.aliases[a as usize];
            let e = &self.entities[info.entity as usize];
            found.push(Mention {
                span: Span::new(base + span.start, base + span.end),
                id: e.id.clone(),
                entity_type: e.entity_type.clone(),
                canonical: e.canonical.clone(),
                alias: info.alias.clone(),
            });
            at = j + 1;
        }
    }

    /// The longest valid candidate starting at `window[i]`: (index of its last token in
    /// `window`, clitic stripped from it, alias). Scans more tokens into `window` as needed.
    fn longest_at(
        &self,
        scanner: &mut Scanner<'_>,
        buf: &mut Vec<u8>,
        window: &mut Vec<Token>,
        i: usize,
        piece: &str,
    ) -> Option<(usize, bool, u32)> {
        let text = piece.as_bytes();
        let mut best = None;
        let mut node = 0;
        for depth in 0..self.max_depth {
            let j = i + depth;
            if j == window.len() {
                match scanner.next_token(buf) {
                    Some(t) => window.push(t),
                    None => break,
                }
            }
            let tj = window[j];
            let filter = if depth == 0 { &self.first } else { &self.deep };
            if window[i].upper && tj.clitic(text, buf) > 0 {
                let key = child_key(node, depth, tj.stripped_hash(text, buf));
                if Filter::has(filter.word(key), key, Property::Ends)
                    && let Some(a) = self.alias_at(key)
                    && self.aliases[a as usize].clitics
                    && starts_upper(piece, &window[i])
                    && self.accept(piece, buf, &window[i..=j], true, a)
                {
                    best = Some((j, true, a));
                }
            }
            let key = child_key(node, depth, tj.hash);
            let word = filter.word(key);
            if depth == 0 && !window[i].upper && !Filter::has(word, key, Property::Lower) {
                // Every alias starting with this token needs it capitalised.
                break;
            }
            if Filter::has(word, key, Property::Ends)
                && let Some(a) = self.alias_at(key)
                && self.accept(piece, buf, &window[i..=j], false, a)
            {
                best = Some((j, false, a));
            }
            if !Filter::has(word, key, Property::Children) {
                break;
            }
            node = key;
        }
        best
    }

    /// Original span from token `first` to token `last`, without the glued clitic of `last`
    /// when `clitic`.
    fn span(piece: &str, buf: &[u8], first: &Token, last: &Token, clitic: bool) -> Span {
        let start = first.ostart as usize;
        let mut end = last.oend as usize;
        if clitic {
            let mut letters = last.clitic(piece.as_bytes(), buf);
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

    /// Exact check of a candidate made of `toks`: folded bytes equal to the alias key (the
    /// token hashes only proposed it), and the case rule.
    fn accept(&self, piece: &str, buf: &[u8], toks: &[Token], clitic: bool, a: u32) -> bool {
        let info = &self.aliases[a as usize];
        if matches!(info.case, CaseRule::NotLowercase) && !toks.iter().any(|t| t.upper) {
            return false;
        }
        let text = piece.as_bytes();
        let strip = |k: usize, t: &Token| {
            if clitic && k + 1 == toks.len() {
                t.clitic(text, buf)
            } else {
                0
            }
        };
        if let [t] = toks {
            // One token (a folded token has no space, so a longer key never equals it).
            if !t.folded_eq(text, buf, strip(0, t), &info.key) {
                return false;
            }
        } else {
            let mut key = info.key.split(|&b| b == b' ');
            for (k, t) in toks.iter().enumerate() {
                if !key
                    .next()
                    .is_some_and(|part| t.folded_eq(text, buf, strip(k, t), part))
                {
                    return false;
                }
            }
            if key.next().is_some() {
                return false;
            }
        }
        match &info.case {
            CaseRule::Insensitive | CaseRule::NotLowercase => true,
            CaseRule::Sensitive { upper } => {
                let (Some(first), Some(last)) = (toks.first(), toks.last()) else {
                    return false;
                };
                let span = Self::span(piece, buf, first, last, clitic);
                let surface = &piece[span.start..span.end];
                same_letters(surface, &info.alias) || same_letters(surface, upper)
            }
        }
    }
}

impl Scratch {
    /// Releases the buffers when a very large text made them large.
    fn shrink(&mut self) {
        const KEEP: usize = 1 << 20;
        if self.buf.capacity() > KEEP {
            self.buf = Vec::new();
        }
        if self.window.capacity() > KEEP / 32 {
            self.window = Vec::new();
        }
    }
}

/// True when a text token can only be the first token of `alias` if it has an uppercase
/// letter: the alias is case-sensitive and its first token has one (as written and in
/// capitals), or it is one token that must not be all lowercase.
fn needs_first_upper(alias: &AliasInfo) -> bool {
    let first_upper = |s: &str| {
        let mut buf = Vec::new();
        Scanner::new(s)
            .next_token(&mut buf)
            .is_some_and(|t| t.upper)
    };
    match &alias.case {
        CaseRule::Insensitive => false,
        CaseRule::NotLowercase => true,
        CaseRule::Sensitive { upper } => first_upper(&alias.alias) && first_upper(upper),
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
    if a.is_ascii() && b.is_ascii() {
        let keep = |c: &&u8| !c.is_ascii_whitespace() && **c != 0x0B;
        return a
            .as_bytes()
            .iter()
            .filter(keep)
            .eq(b.as_bytes().iter().filter(keep));
    }
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::GazetteerBuilder;
    use proptest::prelude::*;

    /// `find` without the 16-byte fast path of `Scanner::skip_ascii`.
    fn find_general(gaz: &Gazetteer, text: &str) -> Vec<Mention> {
        let mut out = Vec::new();
        gaz.find_range::<false>(&mut Scratch::default(), text, 0, text.len(), &mut out);
        out
    }

    fn gazetteers() -> Vec<Gazetteer> {
        let user = "\
ORG:X\tORG\tAbcdefghijklmnop\tAb|=Abc|~abcd|Abcdefgh|abcdefghi Ab|B2|Ab, Abc|Ab - B
GPE:Y\tGPE\tbb\tBb Ab|Aa Bb Cc|A.B.|Ab’s
";
        vec![
            GazetteerBuilder::new().with_default_list().build().unwrap(),
            GazetteerBuilder::new()
                .add_tsv(user)
                .unwrap()
                .build()
                .unwrap(),
        ]
    }

    #[test]
    fn the_fast_path_finds_what_the_general_one_finds_on_news_text() {
        let text = "Presiden Joko Widodo bertemu Korea Selatan, AS dan Abcdefgh di \
            Jakarta. Kata Abcdefghijklmnop: \u{201C}Abc,\u{201D} abcd Ab - B aa bb cc \
            Aa Bb Cc ABCD Abcdefghi Ab B2 Korselnya Indonesiaku PANnya A.B. Ab\u{2019}s";
        for gaz in gazetteers() {
            let got = gaz.find(text);
            assert!(!got.is_empty());
            assert_eq!(got, find_general(&gaz, text));
        }
    }

    proptest! {
        #[test]
        fn the_fast_path_finds_what_the_general_one_finds(
            words in proptest::collection::vec(
                "(Ab|Abc|abcd|Abcdefgh|abcdefghi|Abcdefghijklmnop|ABCDEFGHIJKLMNOPQ|Aa|Bb|Cc|bb|B2|\
                 Korea|Selatan|AS|Jakarta|Indonesiaku|x1234567|[a-cA-C0-9]{1,17})",
                0..40,
            ),
            seps in proptest::collection::vec(
                "( |  |, |\\. |-| - |\n|\u{A0}|\u{201C}|\u{201D}|'|\u{2019}|é|:|\\(|\\))",
                40,
            ),
        ) {
            let mut text = String::new();
            for (w, sep) in words.iter().zip(&seps) {
                text.push_str(w);
                text.push_str(sep);
            }
            for gaz in gazetteers() {
                prop_assert_eq!(gaz.find(&text), find_general(&gaz, &text));
                // Every suffix, so that words meet the end of the text and of 16-byte loads
                // at every offset.
                for cut in (0..text.len()).filter(|&c| text.is_char_boundary(c)).step_by(7) {
                    let tail = &text[cut..];
                    prop_assert_eq!(gaz.find(tail), find_general(&gaz, tail));
                }
            }
        }
    }
}
