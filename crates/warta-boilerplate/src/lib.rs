//! Separates the article body of scraped Indonesian news text from page chrome.
//!
//! Input is plain text as a scraper saved it (one block element per line). Every non-empty
//! line becomes a [`Block`] (title, dateline, body or chrome with a [`ChromeReason`]); a
//! dateline at the start of the first body line and a credit glued to the end of the last one
//! are split off into their own blocks. The decision uses what generalises across outlets:
//! the density of Indonesian (and English) function words, length, closing punctuation,
//! capitalisation, a lexicon of chrome phrases (`Baca Juga:`, `ADVERTISEMENT`, `Related
//! Articles`, share prompts, copyright), widgets (weather, clock, date lines) and context: the
//! body is the densest region of prose lines (a maximum-sum segment over per-line scores), so
//! menus and related lists far from it are chrome while teasers and subheadings inside it are
//! judged line by line.
//!
//! ```
//! use warta_boilerplate::{classify, BlockKind, ChromeReason};
//!
//! let text = "10.4 C\nBupati Resmikan Jembatan Baru\n\
//!             JAKARTA, KOMPAS.com — Bupati meresmikan jembatan yang menghubungkan dua desa itu pada Senin (21/10/2025).\n\
//!             Baca Juga: Banjir Rendam Tiga Kecamatan\n\
//!             Warga menyambut jembatan itu dengan gembira karena jarak tempuh ke pasar menjadi lebih pendek.(ant/hm02)\n";
//! let page = classify(text);
//! let kinds: Vec<_> = page.blocks.iter().map(|b| (b.kind, b.reason)).collect();
//! assert_eq!(kinds[0], (BlockKind::Chrome, Some(ChromeReason::Widget)));
//! assert_eq!(kinds[1], (BlockKind::Title, None));
//! assert_eq!(kinds[2], (BlockKind::Dateline, None));
//! assert_eq!(kinds[3], (BlockKind::Body, None));
//! assert_eq!(kinds[4], (BlockKind::Chrome, Some(ChromeReason::Teaser)));
//! assert_eq!(kinds[5], (BlockKind::Body, None));
//! assert_eq!(kinds[6], (BlockKind::Chrome, Some(ChromeReason::Credit)));
//! assert_eq!(page.meta.title.as_deref(), Some("Bupati Resmikan Jembatan Baru"));
//! assert_eq!(page.meta.date.as_deref(), Some("2025-10-21"));
//! let dateline = page.meta.dateline.unwrap();
//! assert_eq!(dateline.outlet.as_deref(), Some("KOMPAS.com"));
//! assert_eq!(page.meta.credits[0].source.as_deref(), Some("ant"));
//! ```

use std::borrow::Cow;

mod bytes;
mod classify;
mod dateline;
mod dates;
mod lexicon;
mod meta;

pub use lexicon::PhraseMode;
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

impl BlockKind {
    /// The kind as the lowercase string used in JSON and CoNLL-U output.
    ///
    /// ```
    /// assert_eq!(warta_boilerplate::BlockKind::Dateline.as_str(), "dateline");
    /// ```
    pub fn as_str(self) -> &'static str {
        match self {
            BlockKind::Title => "title",
            BlockKind::Dateline => "dateline",
            BlockKind::Body => "body",
            BlockKind::Chrome => "chrome",
        }
    }
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
    /// Photo captions (a line ending in a photo credit such as `(ANTARA FOTO/…)`).
    Caption,
    /// Page metadata: the page's `<title>` line repeated above the headline, tags, counters.
    Metadata,
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
            ChromeReason::Caption => "caption",
            ChromeReason::Metadata => "metadata",
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
    /// What the named person did, when a label says so: `writer` (`Penulis:`, `Oleh`),
    /// `reporter` (`Reporter:`, `Pewarta:`), `editor` (`Editor:`), `photographer`,
    /// `translator` (`Translator:`, `Penerjemah:`), or `source` (`Sumber:`). `None` for a glued code such as `(CNN/hm02)`.
    #[cfg_attr(feature = "serde", serde(default))]
    pub role: Option<String>,
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

/// Builds a [`Classifier`] with custom phrase lists, function words and outlet names.
///
/// [`ClassifierBuilder::new`] starts from the built-in lexicons (embedded data files);
/// [`ClassifierBuilder::empty`] starts from nothing, to replace them.
///
/// ```
/// use warta_boilerplate::{BlockKind, ChromeReason, ClassifierBuilder, PhraseMode};
///
/// let classifier = ClassifierBuilder::new()
///     .phrase(ChromeReason::Teaser, PhraseMode::Prefix, "Baca Pula")
///     .outlet("Warta Kita")
///     .build();
/// let text = "Baca Pula: Harga Cabai Naik\nHarga beras di pasar itu turun karena panen raya sudah dimulai sejak pekan lalu.";
/// let page = classifier.classify(text);
/// assert_eq!(page.blocks[0].reason, Some(ChromeReason::Teaser));
/// assert_eq!(page.blocks[1].kind, BlockKind::Body);
/// ```
#[derive(Debug, Clone)]
pub struct ClassifierBuilder {
    phrases: Vec<lexicon::Phrase>,
    words: Vec<(Cow<'static, str>, u8)>,
    outlets: Vec<String>,
}

impl Default for ClassifierBuilder {
    fn default() -> Self {
        ClassifierBuilder::new()
    }
}

impl ClassifierBuilder {
    /// A builder holding the built-in chrome phrases, function words and outlets.
    pub fn new() -> Self {
        ClassifierBuilder {
            phrases: lexicon::builtin_phrases(),
            words: lexicon::builtin_words(),
            outlets: lexicon::builtin_outlets(),
        }
    }

    /// A builder with no built-in lists at all (add your own).
    pub fn empty() -> Self {
        ClassifierBuilder {
            phrases: Vec::new(),
            words: Vec::new(),
            outlets: Vec::new(),
        }
    }

    /// Adds one chrome phrase (matched ASCII-case-insensitively).
    pub fn phrase(mut self, reason: ChromeReason, mode: PhraseMode, phrase: &str) -> Self {
        self.phrases.push(lexicon::Phrase {
            text: Cow::Owned(phrase.trim().to_string()),
            reason,
            mode,
        });
        self
    }

    /// Adds chrome phrases sharing one reason and mode.
    pub fn phrases<I, S>(mut self, reason: ChromeReason, mode: PhraseMode, phrases: I) -> Self
    where
        I: IntoIterator<Item = S>,
        S: AsRef<str>,
    {
        for p in phrases {
            self = self.phrase(reason, mode, p.as_ref());
        }
        self
    }

    /// Removes every chrome phrase collected so far (the built-in ones included).
    pub fn clear_phrases(mut self) -> Self {
        self.phrases.clear();
        self
    }

    /// Adds Indonesian function words (`yang`, `dan`, …) used for the prose density of a line.
    /// Words longer than 15 bytes or with non-ASCII letters are ignored.
    pub fn stop_words<I, S>(mut self, words: I) -> Self
    where
        I: IntoIterator<Item = S>,
        S: AsRef<str>,
    {
        self.words.extend(
            words
                .into_iter()
                .map(|w| (Cow::Owned(w.as_ref().trim().to_string()), lexicon::W_ID)),
        );
        self
    }

    /// Removes every Indonesian and English function word collected so far (calendar words
    /// used for date widgets stay).
    pub fn clear_stop_words(mut self) -> Self {
        self.words.retain(|(_, f)| *f == lexicon::W_DATE);
        self
    }

    /// Adds an outlet or agency name recognised in datelines (`Warta Kita`, `ANTARA`).
    /// Domain-like names (`KOMPAS.com`) are recognised without being listed.
    pub fn outlet(mut self, name: &str) -> Self {
        self.outlets.push(name.trim().to_string());
        self
    }

    /// Adds outlet names.
    pub fn outlets<I, S>(mut self, names: I) -> Self
    where
        I: IntoIterator<Item = S>,
        S: AsRef<str>,
    {
        for n in names {
            self = self.outlet(n.as_ref());
        }
        self
    }

    /// Removes every outlet name collected so far.
    pub fn clear_outlets(mut self) -> Self {
        self.outlets.clear();
        self
    }

    /// Compiles the lists into an immutable classifier.
    pub fn build(self) -> Classifier {
        let outlets: std::collections::HashSet<String> = self
            .outlets
            .iter()
            .map(|o| o.to_lowercase())
            .filter(|o| !o.is_empty())
            .collect();
        let mut glued_outlets: Vec<String> = outlets
            .iter()
            .filter(|o| !o.contains(' ') && o.len() >= 4)
            .cloned()
            .collect();
        glued_outlets.sort_unstable();
        Classifier {
            words: lexicon::WordTable::new(&self.words),
            phrases: lexicon::PhraseMatcher::new(self.phrases),
            outlets,
            glued_outlets,
            re: meta::MetaRegexes::new(),
        }
    }
}

/// An immutable, `Send + Sync` classifier: compiled lexicons (cheap to build: a phrase trie
/// and word tables; no regular expression is compiled).
///
/// ```
/// use warta_boilerplate::{BlockKind, Classifier};
///
/// let classifier = Classifier::new();
/// let page = classifier.classify("Related Articles\nPemerintah menaikkan anggaran pendidikan tahun depan, kata menteri itu.");
/// assert_eq!(page.blocks[0].kind, BlockKind::Chrome);
/// assert_eq!(page.blocks[1].kind, BlockKind::Body);
/// ```
#[derive(Debug, Clone)]
pub struct Classifier {
    words: lexicon::WordTable,
    phrases: lexicon::PhraseMatcher,
    /// Outlet names, lowercase.
    outlets: std::collections::HashSet<String>,
    /// The one-word outlet names of at least four bytes, which a section name may follow
    /// (`KompasOtomotif`).
    glued_outlets: Vec<String>,
    re: meta::MetaRegexes,
}

impl Default for Classifier {
    fn default() -> Self {
        Classifier::new()
    }
}

impl Classifier {
    /// The classifier with the built-in lexicons.
    pub fn new() -> Self {
        ClassifierBuilder::new().build()
    }

    /// A builder to customise the lexicons.
    pub fn builder() -> ClassifierBuilder {
        ClassifierBuilder::new()
    }

    /// Classifies `text`: blocks in text order (non-overlapping, trimmed, covering every
    /// non-whitespace byte) and the article metadata.
    pub fn classify(&self, text: &str) -> Page {
        classify::run(self, text)
    }
}

/// Classifies `text` with the default classifier (built once, then shared).
///
/// ```
/// let page = warta_boilerplate::classify("Washington, MISTAR.ID\nPejabat kedua negara kembali membahas perdamaian pada Sabtu waktu setempat.");
/// let dateline = page.meta.dateline.unwrap();
/// assert_eq!(dateline.place.as_deref(), Some("Washington"));
/// assert_eq!(dateline.outlet.as_deref(), Some("MISTAR.ID"));
/// ```
pub fn classify(text: &str) -> Page {
    static DEFAULT: std::sync::OnceLock<Classifier> = std::sync::OnceLock::new();
    DEFAULT.get_or_init(Classifier::new).classify(text)
}

/// Test lines for the differential tests of the hand-written readers: `count` strings of 1 to
/// `max_pieces` pieces drawn from `pieces` by an xorshift generator started at `seed`, so every
/// run sees the same lines.
#[cfg(test)]
pub(crate) fn random_lines<'a>(
    pieces: &'a [&'a str],
    seed: u64,
    count: usize,
    max_pieces: u64,
) -> impl Iterator<Item = String> + 'a {
    let mut state = seed;
    let mut next = move || {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        state
    };
    (0..count).map(move |_| {
        let n = 1 + next() % max_pieces;
        (0..n)
            .map(|_| pieces[(next() % pieces.len() as u64) as usize])
            .collect()
    })
}
