//! Separates the article body of scraped Indonesian news text from page chrome.
//!
//! CONTRACT SKELETON: the types and signatures below are the API the facade is wired against;
//! the implementation is being written.

pub use warta_tokenize::Span;

/// What a block is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "lowercase"))]
pub enum BlockKind {
    /// The headline.
    Title,
    /// The dateline (`JAKARTA, KOMPAS.com —`).
    Dateline,
    /// Article body.
    Body,
    /// Page chrome, with a [`ChromeReason`].
    Chrome,
}

/// Why a block is chrome.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "kebab-case"))]
pub enum ChromeReason {
    /// Related-article teaser (`Baca Juga: …`).
    Teaser,
    /// Menu and navigation items.
    Navigation,
    /// Weather, clock and date widgets.
    Widget,
    /// Advertisement markers.
    Advertisement,
    /// Share and follow prompts.
    Social,
    /// Related / latest article lists.
    RelatedList,
    /// Copyright lines.
    Copyright,
    /// Credits and editor tags.
    Credit,
    /// Anything else that is not article text.
    Other,
}

impl ChromeReason {
    /// The reason as the lowercase string used in JSON (`"teaser"`, `"related-list"`, …).
    pub fn as_str(self) -> &'static str {
        match self {
            ChromeReason::Teaser => "teaser",
            ChromeReason::Navigation => "navigation",
            ChromeReason::Widget => "widget",
            ChromeReason::Advertisement => "advertisement",
            ChromeReason::Social => "social",
            ChromeReason::RelatedList => "related-list",
            ChromeReason::Copyright => "copyright",
            ChromeReason::Credit => "credit",
            ChromeReason::Other => "other",
        }
    }
}

/// A classified block of the input.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct Block {
    /// Byte span into the input (trimmed of surrounding whitespace).
    pub span: Span,
    /// What the block is.
    pub kind: BlockKind,
    /// Why, for chrome blocks.
    pub reason: Option<ChromeReason>,
}

/// Dateline parts.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct Dateline {
    /// Place (`Washington`).
    pub place: Option<String>,
    /// Outlet (`MISTAR.ID`).
    pub outlet: Option<String>,
}

/// A credit tag.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct Credit {
    /// Source (`CNN`).
    pub source: Option<String>,
    /// Editor or writer (`hm02`).
    pub editor: Option<String>,
}

/// Article metadata.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct Meta {
    /// Headline.
    pub title: Option<String>,
    /// Dateline.
    pub dateline: Option<Dateline>,
    /// Credits.
    pub credits: Vec<Credit>,
    /// Publication date, ISO 8601.
    pub date: Option<String>,
}

/// The result of classifying a page.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct Page {
    /// Blocks in text order, non-overlapping.
    pub blocks: Vec<Block>,
    /// Metadata.
    pub meta: Meta,
}

/// An immutable, `Send + Sync` classifier.
#[derive(Debug, Clone, Default)]
pub struct Classifier {}

impl Classifier {
    /// The classifier with the built-in lexicons.
    pub fn new() -> Self {
        Classifier {}
    }

    /// Classifies `text`.
    pub fn classify(&self, text: &str) -> Page {
        let _ = text;
        Page::default()
    }
}

/// Classifies `text` with the default classifier.
pub fn classify(text: &str) -> Page {
    Classifier::new().classify(text)
}
