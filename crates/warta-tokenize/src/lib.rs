//! Indonesian tokenizer for news text: tokens with kinds, clitic analysis, sentences, CoNLL-U.
//!
//! CONTRACT SKELETON: the types and signatures below are the API the facade is wired against;
//! the implementation is being written.

mod span;
pub use span::Span;

/// What kind of token a [`Token`] is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "lowercase"))]
pub enum TokenKind {
    /// A word (letters, possibly with hyphens, apostrophes, digits inside).
    Word,
    /// A number, date, time or amount (`1.904.569`, `2,5`, `19/2/2022`, `Rp1.500.000`).
    Number,
    /// Punctuation.
    Punct,
    /// Any other symbol.
    Symbol,
    /// A URL or domain-like outlet name.
    Url,
    /// An e-mail address.
    Email,
    /// A `#hashtag`.
    Hashtag,
    /// An `@mention`.
    Mention,
    /// An emoji (one grapheme cluster).
    Emoji,
}

/// One surface token with its byte span and, when it carries clitics, its syntactic words.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct Token {
    /// Byte span of the surface token in the original text.
    pub span: Span,
    /// Kind of token.
    pub kind: TokenKind,
    /// The syntactic words of a token split by clitic analysis (`katanya` -> `kata` + `nya`),
    /// as spans inside [`Token::span`]; empty when the token is a single word.
    pub words: Vec<Span>,
}

/// Tokens and sentences of a text.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Analysis {
    /// Tokens in text order, non-overlapping.
    pub tokens: Vec<Token>,
    /// Sentence spans in text order, non-overlapping.
    pub sentences: Vec<Span>,
}

/// An immutable, `Send + Sync` tokenizer.
#[derive(Debug, Clone, Default)]
pub struct Tokenizer {}

impl Tokenizer {
    /// The tokenizer with the built-in Indonesian abbreviations and clitic rules.
    pub fn new() -> Self {
        Tokenizer {}
    }

    /// Tokens and sentences of `text[range]`, with spans into the whole `text`.
    pub fn analyze_range(&self, text: &str, range: Span) -> Analysis {
        let _ = (text, range);
        Analysis::default()
    }

    /// Tokens and sentences of the whole `text`.
    pub fn analyze(&self, text: &str) -> Analysis {
        self.analyze_range(text, Span::new(0, text.len()))
    }
}

/// CoNLL-U output.
pub mod conllu {
    use crate::Analysis;
    /// Writes the analysis of `text` as CoNLL-U (`# text =`, multiword-token ranges for clitic
    /// splits, `SpaceAfter=No`).
    pub fn write(text: &str, analysis: &Analysis, out: &mut String) {
        let _ = (text, analysis, out);
    }
}
