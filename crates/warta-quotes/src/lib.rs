//! Quote attribution for Indonesian news: who said what.
//!
//! CONTRACT SKELETON: the types and signatures below are the API the facade is wired against;
//! the implementation is being written.

pub use warta_tokenize::Span;

/// Kind of quote.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "lowercase"))]
pub enum QuoteKind {
    /// Quoted words between quote marks.
    Direct,
    /// Reported speech without marks.
    Indirect,
    /// Reported speech containing quoted fragments.
    Mixed,
}

/// An entity known from another stage (the gazetteer), to help find speakers.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KnownEntity {
    /// Span in the text.
    pub span: Span,
    /// Entity id.
    pub id: String,
    /// Entity type (`PER`, `ORG`, …).
    pub entity_type: String,
    /// Canonical name.
    pub canonical: String,
}

/// Who made a statement.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct Speaker {
    /// Span of the mention next to the cue (may be a pronoun or a short name).
    pub span: Span,
    /// The resolved, fullest name (`Emily Home`).
    pub name: String,
    /// Role (`Juru Bicara`).
    pub role: Option<String>,
    /// Affiliation (`Dewan Keamanan Nasional AS`).
    pub affiliation: Option<String>,
    /// Entity id when the gazetteer knows the speaker.
    pub entity_id: Option<String>,
}

/// One statement.
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct Quote {
    /// Kind.
    pub kind: QuoteKind,
    /// The quoted or reported content (marks included for direct quotes).
    pub content: Span,
    /// The speech verb.
    pub cue: Option<Span>,
    /// The speaker.
    pub speaker: Option<Speaker>,
    /// Media source (`Yonhap`).
    pub source: Option<String>,
    /// Confidence in 0..=1.
    pub confidence: f32,
    /// Name of the rule that fired.
    pub rule: &'static str,
}

/// An immutable, `Send + Sync` extractor.
#[derive(Debug, Clone, Default)]
pub struct Extractor {}

impl Extractor {
    /// The extractor with the built-in cue lexicon.
    pub fn new() -> Self {
        Extractor {}
    }

    /// Quotes of `text`, taking each line as a paragraph.
    pub fn extract(&self, text: &str) -> Vec<Quote> {
        self.extract_in(text, &[Span::new(0, text.len())], &[])
    }

    /// Quotes inside `paragraphs` (body blocks, in order) of `text`, using `entities`
    /// (sorted by span) when given.
    pub fn extract_in(
        &self,
        text: &str,
        paragraphs: &[Span],
        entities: &[KnownEntity],
    ) -> Vec<Quote> {
        let _ = (text, paragraphs, entities);
        Vec::new()
    }
}
