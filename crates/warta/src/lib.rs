//! Warta: Indonesian online news in, a structured record out.
//!
//! The facade wires the component crates into one [`Pipeline`]: page chrome is separated from
//! the article body ([`boilerplate`]), the body is tokenized and split into sentences
//! ([`tokenize`]), entity mentions are found with a gazetteer ([`gazetteer`]) and statements
//! are attributed to their speakers ([`quotes`]). The result is a [`Document`] whose spans are
//! byte offsets into the text you passed in; with the default `serde` feature it serialises to
//! the JSON schema documented in the README.
//!
//! ```
//! use warta::Pipeline;
//!
//! let pipeline = Pipeline::new();
//! let text = "Presiden Bahas Ekonomi\n\n\
//!             “Kita harus bekerja lebih keras,” kata Menteri Keuangan Sri Mulyani di Jakarta.";
//! let doc = pipeline.analyze(text);
//! for block in &doc.blocks {
//!     assert!(block.end <= text.len());
//! }
//! for quote in &doc.quotes {
//!     println!("{:?} said {}", quote.speaker.as_ref().map(|s| &s.name), quote.content.text);
//! }
//! ```

pub use warta_boilerplate as boilerplate;
pub use warta_gazetteer as gazetteer;
pub use warta_quotes as quotes;
pub use warta_tokenize as tokenize;

mod document;

pub use document::{
    BlockOut, CreditOut, DatelineOut, Document, EntityOut, MetaOut, QuoteOut, SpanOut, SpeakerOut,
    TextSpan, TokenOut,
};
pub use warta_tokenize::Span;

use warta_boilerplate::{BlockKind, Classifier};
use warta_gazetteer::{Gazetteer, GazetteerBuilder, Mention, PersonName};
use warta_quotes::{Extractor, KnownEntity, Quote};
use warta_tokenize::Tokenizer;

/// Version of the [`Document`] JSON schema written by this crate.
pub const SCHEMA_VERSION: u32 = 1;

/// Configures a [`Pipeline`]: which stages run and with which resources.
///
/// Every stage is on by default except the per-token output, which is large.
///
/// ```
/// use warta::Pipeline;
///
/// let pipeline = Pipeline::builder().tokens(true).quotes(false).build();
/// let doc = pipeline.analyze("Warga Jakarta menyambut baik rencana itu.");
/// assert!(doc.tokens.is_some());
/// assert!(doc.quotes.is_empty());
/// ```
#[derive(Debug, Clone)]
pub struct PipelineBuilder {
    boilerplate: bool,
    tokens: bool,
    entities: bool,
    quotes: bool,
    classifier: Option<Classifier>,
    tokenizer: Option<Tokenizer>,
    gazetteer: Option<Gazetteer>,
    extractor: Option<Extractor>,
}

impl Default for PipelineBuilder {
    fn default() -> Self {
        PipelineBuilder {
            boilerplate: true,
            tokens: false,
            entities: true,
            quotes: true,
            classifier: None,
            tokenizer: None,
            gazetteer: None,
            extractor: None,
        }
    }
}

impl PipelineBuilder {
    /// Separate page chrome from the body (on by default). When off, every non-blank line is
    /// treated as body and `Document::blocks` stays empty.
    pub fn boilerplate(mut self, on: bool) -> Self {
        self.boilerplate = on;
        self
    }

    /// Include the tokens in `Document::tokens` (off by default; sentences are always filled).
    pub fn tokens(mut self, on: bool) -> Self {
        self.tokens = on;
        self
    }

    /// Find entity mentions (on by default).
    pub fn entities(mut self, on: bool) -> Self {
        self.entities = on;
        self
    }

    /// Extract quotes (on by default).
    pub fn quotes(mut self, on: bool) -> Self {
        self.quotes = on;
        self
    }

    /// Use this boilerplate classifier instead of the default one.
    pub fn classifier(mut self, classifier: Classifier) -> Self {
        self.classifier = Some(classifier);
        self
    }

    /// Use this tokenizer instead of the default one.
    pub fn tokenizer(mut self, tokenizer: Tokenizer) -> Self {
        self.tokenizer = Some(tokenizer);
        self
    }

    /// Use this gazetteer instead of the embedded default list.
    ///
    /// ```
    /// use warta::Pipeline;
    /// use warta::gazetteer::GazetteerBuilder;
    ///
    /// let gazetteer = GazetteerBuilder::new()
    ///     .add_tsv("PER:1\tPER\tSri Mulyani Indrawati\tSri Mulyani")
    ///     .unwrap()
    ///     .build()
    ///     .unwrap();
    /// let pipeline = Pipeline::builder().gazetteer(gazetteer).build();
    /// let doc = pipeline.analyze("Sri Mulyani tiba di kantor pukul delapan pagi ini.");
    /// assert!(doc.entities.iter().all(|e| e.end <= 52));
    /// ```
    pub fn gazetteer(mut self, gazetteer: Gazetteer) -> Self {
        self.gazetteer = Some(gazetteer);
        self
    }

    /// Use this quote extractor instead of the default one.
    pub fn extractor(mut self, extractor: Extractor) -> Self {
        self.extractor = Some(extractor);
        self
    }

    /// Builds the immutable pipeline. Building the default gazetteer compiles the embedded list,
    /// so build once and share the pipeline (it is `Send + Sync`).
    pub fn build(self) -> Pipeline {
        let gazetteer = if self.entities {
            Some(self.gazetteer.unwrap_or_else(default_gazetteer))
        } else {
            None
        };
        Pipeline {
            boilerplate: self
                .boilerplate
                .then(|| self.classifier.unwrap_or_default()),
            tokenizer: self.tokenizer.unwrap_or_default(),
            tokens: self.tokens,
            gazetteer,
            extractor: self.quotes.then(|| self.extractor.unwrap_or_default()),
        }
    }
}

/// The embedded default gazetteer.
///
/// The embedded list is checked by the gazetteer crate's tests, so building it cannot fail.
fn default_gazetteer() -> Gazetteer {
    GazetteerBuilder::new()
        .with_default_list()
        .build()
        .expect("the embedded default gazetteer list is valid")
}

/// The whole analysis: boilerplate, tokens and sentences, entities, quotes.
///
/// Immutable and `Send + Sync`: build it once and call [`Pipeline::analyze`] from any number of
/// threads.
#[derive(Debug, Clone)]
pub struct Pipeline {
    boilerplate: Option<Classifier>,
    tokenizer: Tokenizer,
    tokens: bool,
    gazetteer: Option<Gazetteer>,
    extractor: Option<Extractor>,
}

impl Default for Pipeline {
    fn default() -> Self {
        Self::new()
    }
}

impl Pipeline {
    /// The pipeline with every stage on and the built-in resources.
    pub fn new() -> Self {
        PipelineBuilder::default().build()
    }

    /// A builder to choose stages and resources.
    pub fn builder() -> PipelineBuilder {
        PipelineBuilder::default()
    }

    /// Analyses `text`. Never panics; every span in the result is a byte range into `text`.
    pub fn analyze(&self, text: &str) -> Document {
        self.analyze_with_id(None, text)
    }

    /// Analyses `text` and records `id` in the document.
    pub fn analyze_with_id(&self, id: Option<String>, text: &str) -> Document {
        let mut doc = Document {
            schema_version: SCHEMA_VERSION,
            id,
            ..Document::default()
        };

        // 1. Blocks: what is article text (title, dateline, body) and what is chrome.
        let (body, article) = match &self.boilerplate {
            Some(classifier) => {
                let page = classifier.classify(text);
                let body: Vec<Span> = page
                    .blocks
                    .iter()
                    .filter(|b| b.kind == BlockKind::Body)
                    .map(|b| b.span)
                    .collect();
                let article: Vec<Span> = page
                    .blocks
                    .iter()
                    .filter(|b| b.kind != BlockKind::Chrome)
                    .map(|b| b.span)
                    .collect();
                doc.blocks = page.blocks.iter().map(BlockOut::new).collect();
                doc.meta = MetaOut::from(&page.meta);
                (body, article)
            }
            None => {
                let lines = non_blank_lines(text);
                (lines.clone(), lines)
            }
        };

        // 2. Tokens and sentences of the title, dateline and body.
        let mut tokens = Vec::new();
        for &region in article.iter() {
            let analysis = self.tokenizer.analyze_range(text, region);
            doc.sentences
                .extend(analysis.sentences.iter().map(|&s| SpanOut::from(s)));
            if self.tokens {
                tokens.extend(analysis.tokens.iter().map(|t| TokenOut::new(text, t)));
            }
        }
        if self.tokens {
            doc.tokens = Some(tokens);
        }

        // 3. Entities from the list.
        let mut mentions: Vec<Mention> = Vec::new();
        if let Some(gazetteer) = &self.gazetteer {
            for &region in article.iter() {
                gazetteer.find_in_into(text, region, &mut mentions);
            }
        }

        // 4. Quotes, helped by the entities.
        let mut quotes: Vec<Quote> = Vec::new();
        if let Some(extractor) = &self.extractor {
            let known: Vec<KnownEntity> = mentions
                .iter()
                .map(|m| KnownEntity {
                    span: m.span,
                    id: m.id.as_ref().to_owned(),
                    entity_type: m.entity_type.as_ref().to_owned(),
                    canonical: m.canonical.as_ref().to_owned(),
                })
                .collect();
            quotes = extractor.extract_in(text, &body, &known);
        }

        // 5. Document-level linking of partial person names, with the speakers as persons.
        if self.gazetteer.is_some() {
            let persons = speaker_names(text, &article, &quotes);
            mentions = warta_gazetteer::link_document(text, &article, mentions, &persons);
            for quote in &mut quotes {
                if let Some(speaker) = &mut quote.speaker
                    && speaker.entity_id.is_none()
                {
                    // Mentions are sorted and non-overlapping: binary search, not a scan per quote.
                    let first = mentions.partition_point(|m| m.span.end <= speaker.span.start);
                    speaker.entity_id = mentions
                        .get(first)
                        .filter(|m| m.span.overlaps(speaker.span))
                        .map(|m| m.id.as_ref().to_owned());
                }
            }
        }
        doc.entities = mentions.iter().map(|m| EntityOut::new(text, m)).collect();
        doc.quotes = quotes.iter().map(|q| QuoteOut::new(text, q)).collect();
        doc
    }
}

/// Full person names of the speakers (`Jake Sullivan`, also when the quote's own mention is
/// only `Sullivan`), located at their first occurrence inside the article regions, so document
/// linking can attach later partial mentions to them.
fn speaker_names(text: &str, regions: &[Span], quotes: &[Quote]) -> Vec<PersonName> {
    let mut names: Vec<&str> = quotes
        .iter()
        .filter_map(|q| q.speaker.as_ref())
        .map(|s| s.name.as_str())
        .filter(|n| n.split_whitespace().nth(1).is_some())
        .collect();
    names.sort_unstable();
    names.dedup();
    if names.is_empty() {
        return Vec::new();
    }
    let mut persons = if names.len() <= FEW_NAMES {
        first_occurrences_few(text, regions, &names)
    } else {
        first_occurrences_many(text, regions, &names)
    };
    persons.sort_by_key(|p| p.span);
    persons
}

/// Up to this many names, [`first_occurrences_few`] (one substring search per name) beats
/// building an automaton for each document; most articles quote one to five people.
const FEW_NAMES: usize = 8;

/// The first occurrence of each of `names` in the regions, where occurrences are found
/// leftmost-longest and without overlaps, region by region: what an aho-corasick automaton
/// with `MatchKind::LeftmostLongest` reports. Linear for many names.
fn first_occurrences_many(text: &str, regions: &[Span], names: &[&str]) -> Vec<PersonName> {
    let Ok(automaton) = aho_corasick::AhoCorasick::builder()
        .kind(Some(aho_corasick::AhoCorasickKind::ContiguousNFA))
        .match_kind(aho_corasick::MatchKind::LeftmostLongest)
        .build(names)
    else {
        return Vec::new();
    };
    let mut first = FirstSeen::new(names);
    'regions: for region in regions {
        let Some(slice) = text.get(region.start..region.end) else {
            continue;
        };
        for m in automaton.find_iter(slice) {
            let span = Span::new(region.start + m.start(), region.start + m.end());
            if first.record(m.pattern().as_usize(), span) {
                break 'regions;
            }
        }
    }
    first.persons
}

/// The same occurrences as [`first_occurrences_many`] for a handful of names, without an
/// automaton: each name keeps its next occurrence at or after the cursor (a SIMD substring
/// search), the leftmost-longest of them is reported and the cursor moves past it. Each name's
/// searches only move forward, so the cost is the regions' length times the number of names.
fn first_occurrences_few(text: &str, regions: &[Span], names: &[&str]) -> Vec<PersonName> {
    let finders: Vec<memchr::memmem::Finder> =
        names.iter().map(memchr::memmem::Finder::new).collect();
    let mut first = FirstSeen::new(names);
    let mut next: Vec<Option<usize>> = vec![None; names.len()];
    for region in regions {
        let Some(slice) = text.get(region.start..region.end) else {
            continue;
        };
        let hay = slice.as_bytes();
        let search = |k: usize, from: usize| finders[k].find(&hay[from..]).map(|at| from + at);
        for (k, slot) in next.iter_mut().enumerate() {
            *slot = search(k, 0);
        }
        let mut cursor = 0;
        loop {
            // Leftmost start, then longest name; occurrences overlapping the last one reported
            // are searched again from the cursor.
            let mut best: Option<(usize, usize)> = None;
            for k in 0..names.len() {
                if next[k].is_some_and(|at| at < cursor) {
                    next[k] = search(k, cursor);
                }
                if let Some(at) = next[k]
                    && best.is_none_or(|(b, bk)| {
                        at < b || (at == b && names[k].len() > names[bk].len())
                    })
                {
                    best = Some((at, k));
                }
            }
            let Some((at, k)) = best else {
                break;
            };
            cursor = at + names[k].len();
            let span = Span::new(region.start + at, region.start + cursor);
            if first.record(k, span) {
                return first.persons;
            }
        }
    }
    first.persons
}

/// The first span recorded for each name.
struct FirstSeen<'a> {
    names: &'a [&'a str],
    seen: Vec<bool>,
    persons: Vec<PersonName>,
}

impl<'a> FirstSeen<'a> {
    fn new(names: &'a [&'a str]) -> Self {
        FirstSeen {
            names,
            seen: vec![false; names.len()],
            persons: Vec::new(),
        }
    }

    /// Records an occurrence of name `k`; true once every name has been seen.
    fn record(&mut self, k: usize, span: Span) -> bool {
        if !self.seen[k] {
            self.seen[k] = true;
            self.persons.push(PersonName {
                span,
                name: self.names[k].to_owned(),
            });
        }
        self.persons.len() == self.names.len()
    }
}

/// The non-blank lines of `text`, trimmed, as spans.
fn non_blank_lines(text: &str) -> Vec<Span> {
    let mut out = Vec::new();
    let mut start = 0;
    for line in text.split_inclusive('\n') {
        let trimmed = line.trim();
        if !trimmed.is_empty() {
            let lead = line.len() - line.trim_start().len();
            out.push(Span::new(start + lead, start + lead + trimmed.len()));
        }
        start += line.len();
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn non_blank_lines_are_trimmed_spans() {
        let text = "  satu\r\n\n dua \n";
        let spans = non_blank_lines(text);
        let words: Vec<&str> = spans.iter().map(|s| s.slice(text)).collect();
        assert_eq!(words, ["satu", "dua"]);
    }

    #[test]
    fn pipeline_is_send_and_sync() {
        fn check<T: Send + Sync>() {}
        check::<Pipeline>();
    }

    #[test]
    fn disabled_stages_leave_empty_fields() {
        let pipeline = Pipeline::builder()
            .boilerplate(false)
            .entities(false)
            .quotes(false)
            .build();
        let doc = pipeline.analyze("“Kami siap,” kata Budi di Jakarta.");
        assert!(doc.blocks.is_empty());
        assert!(doc.entities.is_empty());
        assert!(doc.quotes.is_empty());
        assert!(doc.tokens.is_none());
    }

    fn spans(persons: &[PersonName], text: &str) -> Vec<(String, String)> {
        persons
            .iter()
            .map(|p| (p.name.clone(), p.span.slice(text).to_owned()))
            .collect()
    }

    #[test]
    fn few_and_many_names_find_the_same_first_occurrences() {
        let text = "Koordinator Pantau Gambut Iola Abas mengatakan itu.\n\
                    “Cukup,” ungkap Iola Abas. Kata Budi Santoso Wijaya, Budi Santoso setuju.\n\
                    Wakil Ketua Budi Santoso hadir.";
        let regions = non_blank_lines(text);
        let names = [
            "Budi Santoso",
            "Budi Santoso Wijaya",
            "Gambut Iola Abas",
            "Iola Abas",
            "Santoso Wijaya",
            "Tidak Ada",
        ];
        let few = first_occurrences_few(text, &regions, &names);
        let many = first_occurrences_many(text, &regions, &names);
        assert_eq!(
            few.iter().map(|p| p.span).collect::<Vec<_>>(),
            many.iter().map(|p| p.span).collect::<Vec<_>>()
        );
        // Leftmost-longest without overlaps: `Iola Abas` is first seen on its own, after
        // `Gambut Iola Abas`; `Budi Santoso Wijaya` wins over `Budi Santoso` where both start,
        // and `Santoso Wijaya` inside it is never seen.
        let found = spans(&few, text);
        let at = |name: &str| text.find(name).unwrap();
        let iola = few.iter().find(|p| p.name == "Iola Abas").unwrap();
        assert!(iola.span.start > at("Cukup"));
        assert_eq!(found.len(), 4);
        assert!(found.iter().all(|(name, slice)| name == slice));
        assert!(
            !found
                .iter()
                .any(|(name, _)| name == "Santoso Wijaya" || name == "Tidak Ada")
        );
        let budi = few.iter().find(|p| p.name == "Budi Santoso").unwrap();
        assert!(budi.span.start > at("Budi Santoso Wijaya"));
    }
}
