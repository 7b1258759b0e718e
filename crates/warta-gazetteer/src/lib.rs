//! Gazetteer matching for Indonesian news: entity lists compiled into a word-boundary-aware
//! matcher that reports byte spans into the original text, the entity and the alias matched.
//!
//! ```
//! use warta_gazetteer::GazetteerBuilder;
//!
//! let gaz = GazetteerBuilder::new().with_default_list().build().unwrap();
//! let text = "Presiden Korea\u{A0}Selatan bertemu pejabat AS di Gedung Putih, kasus ASEAN.";
//! let mentions = gaz.find(text);
//! let found: Vec<(&str, &str)> = mentions
//!     .iter()
//!     .map(|m| (&text[m.span.start..m.span.end], &*m.id))
//!     .collect();
//! assert_eq!(
//!     found,
//!     [("Korea\u{A0}Selatan", "GPE:KR"), ("AS", "GPE:US"), ("Gedung Putih", "ORG:WHITE-HOUSE"), ("ASEAN", "ORG:ASEAN")]
//! );
//! ```
//!
//! # Matching rules
//!
//! - **Tokens.** Text and aliases are folded the same way (see below); a token is a run of
//!   letters and digits, and every other character (punctuation, symbols, emoji) is a token of
//!   its own. An alias matches only a whole sequence of tokens: `AS` never matches inside
//!   `ASEAN` or `kasus`. A hyphen is a token boundary, so `AS-ROK` yields `AS` and `ROK`, and
//!   `PDI-P` (alias) matches `PDI-P` and `PDI - P`.
//! - **Leftmost-longest** among the *valid* candidates: at each token, every alias that ends
//!   there or later is a candidate and is checked against the case and clitic rules; the
//!   longest valid one wins (`Korea Selatan` beats `Korea`), then matching resumes after it.
//!   A longer candidate that fails a rule never hides a shorter valid one at the same start,
//!   nor one starting inside it (boundaries are part of the matching, not a post-filter).
//! - **Case and diacritics.** Matching is Unicode case-insensitive and diacritic-insensitive
//!   (`Erdoğan` = `Erdogan` = `ERDOGAN`), with three rules:
//!   1. *short acronyms are case-sensitive*: an alias with 1 to 4 letters and no lowercase
//!      letter (`AS`, `PAN`, `KPK`, `PDI-P`, `G20`) matches only as written, so `as` and `As`
//!      are not the United States;
//!   2. *`=` aliases are case-sensitive*: written with a leading `=` in the list (`=Bali`,
//!      `=Solo`, `=Antara`: names that are also common words), an alias matches only as
//!      written or all in capitals (`Bali`, `BALI`, not `bali`);
//!   3. *an all-lowercase word never matches a capitalised one-word alias* (`antara` is not
//!      the news agency `Antara`, `bulan` not `Bulan`, `malang` not `Malang`): in edited news
//!      it is nearly always a common word. Any other case matches (`ANTARA`, `Antara`), and
//!      aliases of several words match all-lowercase text too (`korea selatan`), as do aliases
//!      written all in lowercase in the list (`corona`). [`GazetteerBuilder::lowercase_text`]
//!      turns the rule off.
//!
//!   A leading `~` makes an alias fully case-insensitive, overriding all three (`~NATO` also
//!   matches `Nato` and `nato`). The markers are stripped from the alias reported.
//! - **Whitespace.** Any run of whitespace (spaces, NBSP, tabs, line breaks) inside a name
//!   matches any other; zero-width joiners and soft hyphens inside a word are ignored.
//! - **Clitics.** A case-insensitive alias ending in a letter also matches when the enclitic
//!   `-nya`, `-ku` or `-mu` is glued to it and the word is capitalised in the text
//!   (`Jokowinya`, `Indonesiaku`); the span covers the name only. A lowercase word never
//!   matches this way (`antaranya` is not `Antara` + `-nya`), and case-sensitive aliases
//!   (acronyms, `=` words) never take a glued clitic (`PANnya` yields nothing). Written with a
//!   hyphen (`Jokowi-nya`), the name is a token anyway.
//! - **Duplicates.** When two entities have aliases that fold to the same key, the entity
//!   added *later* keeps the alias (so a user list added after the default list overrides it);
//!   every such collision is reported by [`GazetteerBuilder::duplicates`] and
//!   [`Gazetteer::duplicates`]. An entity added with the id of an earlier one replaces it
//!   (all its aliases) silently.
//!
//! # How it works, and why not `aho-corasick`
//!
//! Aliases are folded into token sequences and compiled into a trie without node ids: a
//! node is the hash of its path, and one open-addressing table maps the nodes where an alias
//! ends to the alias. Two small blocked bit filters record, per node, whether an alias ends
//! there and whether it has children (and, for first tokens, whether a token without an
//! uppercase letter can start an alias through it). Matching scans the text once, token by
//! token, without copying it: a plain ASCII word is found and hashed 8 bytes at a time in
//! registers (a word of up to 15 bytes from one 16-byte load classified with SSE2 on
//! x86-64) and costs one filter probe; only non-ASCII words are folded into a buffer.
//! From a token that passes, the trie is walked over the next tokens, every candidate is
//! checked exactly (folded bytes, case rule) and the longest valid one wins: linear in the
//! text. An overlapping `aho-corasick` search over a folded buffer (the first version of
//! this crate) gave the same results at 10–25 MB/s with 10 000–100 000 names on news text,
//! because every byte steps a large automaton and every overlapping candidate has to be
//! reported; here most tokens cost a hash and one probe of a filter that stays in the cache.
//!
//! # Performance
//!
//! `cargo run --release -p warta-gazetteer --example gazetteer_scale -- CORPUS.jsonl` builds
//! 10 000 / 100 000 / 1 000 000-name lists and reports build time, memory and throughput (see
//! that example's docs).
//!
//! # List formats
//!
//! TSV, one entity per line: `id<TAB>type<TAB>canonical[<TAB>alias|alias…[<TAB>key=value;…]]`.
//! Lines starting with `#` and blank lines are skipped; an empty id becomes `TYPE:slug`.
//! JSON: an array of objects `{"id", "type", "canonical", "aliases": [..], "attributes": {..}}`
//! (or an object with such an array under `"entities"`); `id`, `aliases` and `attributes`
//! are optional.

mod builder;
mod default_list;
mod fold;
mod link;
mod masks;
mod matcher;

use std::collections::BTreeMap;
use std::sync::Arc;

pub use builder::{Duplicate, GazetteerBuilder};
pub use fold::fold_key;
pub use link::{PersonName, link_document};
pub use matcher::Gazetteer;
pub use warta_tokenize::Span;

/// An entity of the list.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct Entity {
    /// Stable id (`GPE:KR`, `ORG:KPK`).
    pub id: String,
    /// Canonical name.
    pub canonical: String,
    /// Type (`PER`, `ORG`, `LOC`, `GPE`, or user-defined).
    pub entity_type: String,
    /// Aliases (the canonical name always matches too). A leading `=` makes an alias
    /// case-sensitive, a leading `~` case-insensitive (see the crate docs).
    #[cfg_attr(feature = "serde", serde(default))]
    pub aliases: Vec<String>,
    /// Free attributes (`wikidata=Q884`, `parent=GPE:ID`).
    #[cfg_attr(feature = "serde", serde(default))]
    pub attributes: BTreeMap<String, String>,
}

impl Entity {
    /// An entity with no alias besides its canonical name.
    ///
    /// ```
    /// use warta_gazetteer::Entity;
    /// let e = Entity::new("ORG:KPK", "ORG", "Komisi Pemberantasan Korupsi").with_alias("KPK");
    /// assert_eq!(e.aliases, ["KPK"]);
    /// ```
    pub fn new(
        id: impl Into<String>,
        entity_type: impl Into<String>,
        canonical: impl Into<String>,
    ) -> Self {
        Entity {
            id: id.into(),
            canonical: canonical.into(),
            entity_type: entity_type.into(),
            aliases: Vec::new(),
            attributes: BTreeMap::new(),
        }
    }

    /// Adds an alias.
    pub fn with_alias(mut self, alias: impl Into<String>) -> Self {
        self.aliases.push(alias.into());
        self
    }

    /// Sets an attribute.
    pub fn with_attribute(mut self, key: impl Into<String>, value: impl Into<String>) -> Self {
        self.attributes.insert(key.into(), value.into());
        self
    }
}

/// A match of an entity in a text.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct Mention {
    /// Byte span into the text.
    pub span: Span,
    /// Id of the entity.
    pub id: Arc<str>,
    /// Type of the entity.
    pub entity_type: Arc<str>,
    /// Canonical name.
    pub canonical: Arc<str>,
    /// The alias that matched (or the full name a partial mention was linked to).
    pub alias: Arc<str>,
}

/// Errors while building a gazetteer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Error {
    /// A malformed line of a TSV list, or a JSON list with a syntax error or an invalid entity
    /// (the line where it starts).
    Parse {
        /// 1-based line.
        line: usize,
        /// What is wrong.
        message: String,
    },
    /// An entity added in code ([`GazetteerBuilder::add`]) that cannot be compiled (empty type
    /// or canonical name). Lists loaded from TSV or JSON report [`Error::Parse`] instead.
    Entity {
        /// 0-based index of the entity in the order it was added (or in the JSON array).
        index: usize,
        /// What is wrong.
        message: String,
    },
    /// The automaton could not be built (the list is too large for the matcher).
    Build(String),
}

impl std::fmt::Display for Error {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Error::Parse { line, message } => write!(f, "line {line}: {message}"),
            Error::Entity { index, message } => write!(f, "entity #{index}: {message}"),
            Error::Build(message) => write!(f, "cannot build the matcher: {message}"),
        }
    }
}

impl std::error::Error for Error {}
