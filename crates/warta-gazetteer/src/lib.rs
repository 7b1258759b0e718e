//! Gazetteer matching for Indonesian news.
//!
//! CONTRACT SKELETON: the types and signatures below are the API the facade is wired against;
//! the implementation is being written.

use std::sync::Arc;

pub use warta_tokenize::Span;

/// An entity of the list.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct Entity {
    /// Stable id (`GPE:KR`, `ORG:KPK`).
    pub id: String,
    /// Canonical name.
    pub canonical: String,
    /// Type (`PER`, `ORG`, `LOC`, `GPE`, or user-defined).
    pub entity_type: String,
    /// Aliases (the canonical name always matches too).
    pub aliases: Vec<String>,
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
#[derive(Debug)]
pub enum Error {
    /// A malformed line.
    Parse {
        /// 1-based line.
        line: usize,
        /// What is wrong.
        message: String,
    },
}

impl std::fmt::Display for Error {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Error::Parse { line, message } => write!(f, "line {line}: {message}"),
        }
    }
}

impl std::error::Error for Error {}

/// Builds a [`Gazetteer`].
#[derive(Debug, Clone, Default)]
pub struct GazetteerBuilder {
    entities: Vec<Entity>,
}

impl GazetteerBuilder {
    /// An empty builder.
    pub fn new() -> Self {
        Self::default()
    }
    /// Adds the embedded default list.
    pub fn with_default_list(self) -> Self {
        self
    }
    /// Adds one entity.
    pub fn add(mut self, entity: Entity) -> Self {
        self.entities.push(entity);
        self
    }
    /// Adds entities from TSV text (`id<TAB>type<TAB>canonical<TAB>alias|alias…`).
    pub fn add_tsv(self, tsv: &str) -> Result<Self, Error> {
        let _ = tsv;
        Ok(self)
    }
    /// Adds entities from JSON text.
    pub fn add_json(self, json: &str) -> Result<Self, Error> {
        let _ = json;
        Ok(self)
    }
    /// Compiles the matcher.
    pub fn build(self) -> Result<Gazetteer, Error> {
        Ok(Gazetteer {})
    }
}

/// An immutable, `Send + Sync` matcher.
#[derive(Debug, Clone)]
pub struct Gazetteer {}

impl Gazetteer {
    /// Mentions in `text[range]`, spans into the whole `text`, sorted, non-overlapping.
    pub fn find_in(&self, text: &str, range: Span) -> Vec<Mention> {
        let _ = (text, range);
        Vec::new()
    }
    /// Mentions in the whole text.
    pub fn find(&self, text: &str) -> Vec<Mention> {
        self.find_in(text, Span::new(0, text.len()))
    }
}

/// A person's full name found outside the list (e.g. a quote speaker), for linking.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PersonName {
    /// Span of the full name in the text.
    pub span: Span,
    /// The full name (`Emily Home`).
    pub name: String,
}

/// Document-level linking: adds mentions for later partial mentions (`Home`) of full person
/// names seen earlier (`Emily Home`), from PER mentions and from `persons`, inside `regions`.
/// Returns all mentions sorted and non-overlapping.
pub fn link_document(
    text: &str,
    regions: &[Span],
    mentions: Vec<Mention>,
    persons: &[PersonName],
) -> Vec<Mention> {
    let _ = (text, regions, persons);
    mentions
}
