//! The [`Document`]: what the pipeline returns, shaped as the JSON schema of the README.

use std::sync::Arc;

use warta_boilerplate::{Block, BlockKind, ChromeReason, Meta};
use warta_gazetteer::Mention;
use warta_quotes::{Quote, QuoteKind};
use warta_tokenize::{Span, Token, TokenKind};

#[cfg(feature = "serde")]
use serde::{Deserialize, Serialize};

/// The structured record of one article. All `start`/`end` fields are byte offsets into the
/// analysed text.
#[derive(Debug, Clone, Default, PartialEq)]
#[cfg_attr(feature = "serde", derive(Serialize, Deserialize))]
pub struct Document {
    /// Version of this schema ([`crate::SCHEMA_VERSION`]).
    pub schema_version: u32,
    /// The caller's id for the document, when one was given.
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Option::is_none")
    )]
    pub id: Option<String>,
    /// Blocks of the input: title, dateline, body and chrome (with a reason).
    pub blocks: Vec<BlockOut>,
    /// Article metadata.
    pub meta: MetaOut,
    /// Sentences of the title and body.
    pub sentences: Vec<SpanOut>,
    /// Tokens of the title and body, when the pipeline was asked for them.
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Option::is_none")
    )]
    pub tokens: Option<Vec<TokenOut>>,
    /// Entity mentions.
    pub entities: Vec<EntityOut>,
    /// Quotes: who said what.
    pub quotes: Vec<QuoteOut>,
}

/// A bare byte range.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(Serialize, Deserialize))]
pub struct SpanOut {
    /// First byte.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
}

impl From<Span> for SpanOut {
    fn from(s: Span) -> Self {
        SpanOut {
            start: s.start,
            end: s.end,
        }
    }
}

/// A byte range with the text it covers.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(Serialize, Deserialize))]
pub struct TextSpan {
    /// First byte.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
    /// The covered text.
    pub text: String,
}

impl TextSpan {
    fn new(text: &str, span: Span) -> Self {
        TextSpan {
            start: span.start,
            end: span.end,
            text: text
                .get(span.start..span.end)
                .unwrap_or_default()
                .to_owned(),
        }
    }
}

/// A classified block.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(Serialize, Deserialize))]
pub struct BlockOut {
    /// First byte.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
    /// Title, dateline, body or chrome (`"title"`, `"dateline"`, `"body"`, `"chrome"` in JSON).
    pub kind: BlockKind,
    /// Why a chrome block is chrome (`teaser`, `navigation`, `widget`, …); `null` otherwise.
    pub reason: Option<ChromeReason>,
}

impl BlockOut {
    pub(crate) fn new(block: &Block) -> Self {
        BlockOut {
            start: block.span.start,
            end: block.span.end,
            kind: block.kind,
            reason: block.reason,
        }
    }
}

/// Article metadata.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(Serialize, Deserialize))]
pub struct MetaOut {
    /// The headline.
    pub title: Option<String>,
    /// The dateline.
    pub dateline: Option<DatelineOut>,
    /// Credits and editor tags.
    pub credits: Vec<CreditOut>,
    /// Publication date, ISO 8601, when the text states one.
    pub date: Option<String>,
}

/// Dateline: place and outlet.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(Serialize, Deserialize))]
pub struct DatelineOut {
    /// Place (`Washington`).
    pub place: Option<String>,
    /// Outlet (`MISTAR.ID`).
    pub outlet: Option<String>,
}

/// A credit: source and editor.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(Serialize, Deserialize))]
pub struct CreditOut {
    /// Source (`CNN`).
    pub source: Option<String>,
    /// Editor or writer (`hm02`).
    pub editor: Option<String>,
    /// What the credited person did: `writer`, `reporter`, `editor`, `photographer`,
    /// `translator` or `source`; `null` for a bare code such as `(CNN/hm02)`.
    pub role: Option<String>,
}

impl From<&Meta> for MetaOut {
    fn from(meta: &Meta) -> Self {
        MetaOut::from(meta.clone())
    }
}

impl From<Meta> for MetaOut {
    fn from(meta: Meta) -> Self {
        MetaOut {
            title: meta.title,
            dateline: meta.dateline.map(|d| DatelineOut {
                place: d.place,
                outlet: d.outlet,
            }),
            credits: meta
                .credits
                .into_iter()
                .map(|c| CreditOut {
                    source: c.source,
                    editor: c.editor,
                    role: c.role,
                })
                .collect(),
            date: meta.date,
        }
    }
}

/// A token.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(Serialize, Deserialize))]
pub struct TokenOut {
    /// First byte.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
    /// The surface text.
    pub text: String,
    /// Word, number, punctuation, symbol, URL, e-mail, hashtag, mention or emoji (`"word"`,
    /// `"number"`, `"punct"`, … in JSON).
    pub kind: TokenKind,
    /// Syntactic words when clitics were split (`katanya` -> `kata`, `nya`); empty otherwise.
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Vec::is_empty")
    )]
    pub words: Vec<TextSpan>,
}

impl TokenOut {
    /// The token of `text` as output.
    pub fn new(text: &str, token: &Token) -> Self {
        let surface = TextSpan::new(text, token.span);
        TokenOut {
            start: surface.start,
            end: surface.end,
            text: surface.text,
            kind: token.kind,
            words: token
                .words
                .iter()
                .map(|&w| TextSpan::new(text, w))
                .collect(),
        }
    }
}

/// An entity mention.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(Serialize, Deserialize))]
pub struct EntityOut {
    /// First byte.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
    /// The text as written.
    pub text: String,
    /// The entity's id. The entity strings are shared with the gazetteer, not copied per
    /// mention.
    pub id: Arc<str>,
    /// The entity's type (`PER`, `ORG`, `LOC`, `GPE`, …).
    #[cfg_attr(feature = "serde", serde(rename = "type"))]
    pub entity_type: Arc<str>,
    /// The entity's canonical name.
    pub canonical: Arc<str>,
    /// The alias that matched, or the full name a partial mention was linked to.
    pub alias: Arc<str>,
}

impl EntityOut {
    pub(crate) fn new(text: &str, m: &Mention) -> Self {
        let surface = TextSpan::new(text, m.span);
        EntityOut {
            start: surface.start,
            end: surface.end,
            text: surface.text,
            id: Arc::clone(&m.id),
            entity_type: Arc::clone(&m.entity_type),
            canonical: Arc::clone(&m.canonical),
            alias: Arc::clone(&m.alias),
        }
    }
}

/// The speaker of a quote.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(Serialize, Deserialize))]
pub struct SpeakerOut {
    /// First byte of the mention next to the cue.
    pub start: usize,
    /// One past the last byte of the mention.
    pub end: usize,
    /// The mention as written (`Home`, `ia`, `Juru Bicara … Emily Home`).
    pub text: String,
    /// The resolved, fullest name (`Emily Home`).
    pub name: String,
    /// Role (`Juru Bicara`).
    pub role: Option<String>,
    /// Affiliation (`Dewan Keamanan Nasional AS`).
    pub affiliation: Option<String>,
    /// Entity id when the speaker is a known entity.
    pub entity_id: Option<String>,
}

/// A statement and who made it.
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(Serialize, Deserialize))]
pub struct QuoteOut {
    /// Direct, indirect or mixed (`"direct"`, `"indirect"`, `"mixed"` in JSON).
    pub kind: QuoteKind,
    /// What was said (quote marks included for direct quotes).
    pub content: TextSpan,
    /// The speech verb (`kata`, `ujarnya`, `mengatakan`).
    pub cue: Option<TextSpan>,
    /// Who said it.
    pub speaker: Option<SpeakerOut>,
    /// Media the statement was taken from (`Yonhap`).
    pub source: Option<String>,
    /// Confidence in 0..=1.
    pub confidence: f32,
    /// The rule that fired.
    pub rule: String,
}

impl QuoteOut {
    pub(crate) fn new(text: &str, q: Quote) -> Self {
        QuoteOut {
            kind: q.kind,
            content: TextSpan::new(text, q.content),
            cue: q.cue.map(|c| TextSpan::new(text, c)),
            speaker: q.speaker.map(|s| {
                let mention = TextSpan::new(text, s.span);
                SpeakerOut {
                    start: mention.start,
                    end: mention.end,
                    text: mention.text,
                    name: s.name,
                    role: s.role,
                    affiliation: s.affiliation,
                    entity_id: s.entity_id,
                }
            }),
            source: q.source,
            confidence: q.confidence,
            rule: q.rule.to_owned(),
        }
    }
}
