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
pub use warta_boilerplate::{BlockKind, ChromeReason};
pub use warta_quotes::QuoteKind;
pub use warta_tokenize::{Span, TokenKind};

use warta_boilerplate::Classifier;
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
    // Out of line: profiles select one document's work by this name (BENCHMARKS.md).
    #[inline(never)]
    pub fn analyze_with_id(&self, id: Option<String>, text: &str) -> Document {
        let mut id = Some(id);
        let reused = SCRATCH.try_with(|cell| {
            let mut scratch = cell.try_borrow_mut().ok()?;
            Some(self.analyze_in(&mut scratch, id.take().flatten(), text))
        });
        match reused {
            Ok(Some(doc)) => doc,
            // The thread's buffers are in use (a stage called back into a pipeline) or gone (the
            // thread is ending): fresh ones.
            _ => self.analyze_in(&mut Scratch::default(), id.take().flatten(), text),
        }
    }

    /// [`Pipeline::analyze_with_id`] with the working buffers of `scratch`.
    fn analyze_in(&self, scratch: &mut Scratch, id: Option<String>, text: &str) -> Document {
        let mut doc = Document {
            schema_version: SCHEMA_VERSION,
            id,
            ..Document::default()
        };
        let Scratch {
            body,
            article,
            mentions,
            known,
        } = scratch;
        body.clear();
        article.clear();
        mentions.clear();

        // 1. Blocks: what is article text (title, dateline, body) and what is chrome.
        match &self.boilerplate {
            Some(classifier) => {
                let page = classifier.classify(text);
                doc.blocks.reserve_exact(page.blocks.len());
                for block in &page.blocks {
                    if block.kind != BlockKind::Chrome {
                        article.push(block.span);
                        if block.kind == BlockKind::Body {
                            body.push(block.span);
                        }
                    }
                    doc.blocks.push(BlockOut::new(block));
                }
                doc.meta = MetaOut::from(page.meta);
            }
            None => {
                non_blank_lines(text, article);
                body.extend_from_slice(article);
            }
        }

        // 2. Tokens and sentences of the title, dateline and body.
        if self.tokens {
            let mut tokens = Vec::new();
            for &region in article.iter() {
                let analysis = self.tokenizer.analyze_range(text, region);
                doc.sentences
                    .extend(analysis.sentences.iter().map(|&s| SpanOut::from(s)));
                tokens.extend(analysis.tokens.iter().map(|t| TokenOut::new(text, t)));
            }
            doc.tokens = Some(tokens);
        } else {
            doc.sentences = self
                .tokenizer
                .sentences_in(text, article)
                .into_iter()
                .map(SpanOut::from)
                .collect();
        }

        // 3. Entities from the list.
        if let Some(gazetteer) = &self.gazetteer {
            gazetteer.find_in_ranges_into(text, article, mentions);
        }

        // 4. Quotes, helped by the entities.
        let mut quotes: Vec<Quote> = Vec::new();
        if let Some(extractor) = &self.extractor {
            let known = known.fill(mentions);
            quotes = extractor.extract_in(text, body, known);
        }

        // 5. Document-level linking of partial person names, with the speakers as persons.
        if self.gazetteer.is_some() {
            let persons = speaker_names(text, article, &quotes);
            *mentions =
                warta_gazetteer::link_document(text, article, std::mem::take(mentions), &persons);
            for quote in &mut quotes {
                if let Some(speaker) = &mut quote.speaker
                    && speaker.entity_id.is_none()
                {
                    speaker.entity_id = speaker_entity(text, mentions, speaker.span, &speaker.name)
                        .map(|m| m.id.as_ref().to_owned());
                }
            }
        }
        doc.entities = mentions.iter().map(|m| EntityOut::new(text, m)).collect();
        doc.quotes = quotes.into_iter().map(|q| QuoteOut::new(text, q)).collect();
        scratch.trim();
        doc
    }
}

/// The mention that names the speaker: among the mentions inside the speaker's span (`Panglima
/// Kodam Mayjen TNI Tugas Ratmono` holds `TNI` and `Tugas Ratmono`), the first whose text or
/// canonical name is the resolved name (up to ASCII case). An affiliation inside the span
/// (`TNI`) or an entity that only shares a word of the name (`Prabowo` in `Anto Prabowo`) is not
/// the speaker.
fn speaker_entity<'m>(
    text: &str,
    mentions: &'m [Mention],
    span: Span,
    name: &str,
) -> Option<&'m Mention> {
    // Mentions are sorted and non-overlapping: binary search, not a scan per quote.
    let first = mentions.partition_point(|m| m.span.end <= span.start);
    mentions[first..]
        .iter()
        .take_while(|m| m.span.start < span.end)
        .find(|m| {
            m.canonical.eq_ignore_ascii_case(name)
                || text
                    .get(m.span.start..m.span.end)
                    .is_some_and(|t| t.eq_ignore_ascii_case(name))
        })
}

/// Working buffers of [`Pipeline::analyze_with_id`], kept per thread for the next document.
#[derive(Default)]
struct Scratch {
    /// The body blocks.
    body: Vec<Span>,
    /// The title, dateline and body blocks.
    article: Vec<Span>,
    /// The entity mentions, before and after document linking.
    mentions: Vec<Mention>,
    /// The mentions as the quote stage reads them.
    known: KnownEntities,
}

/// Entries kept between documents; a larger document's buffers are dropped after it.
const SCRATCH_KEEP: usize = 4096;

impl Scratch {
    /// Drops what a very large document left, and the mentions' shared strings.
    fn trim(&mut self) {
        self.mentions.clear();
        for v in [&mut self.body, &mut self.article] {
            if v.capacity() > SCRATCH_KEEP {
                *v = Vec::new();
            }
        }
        if self.mentions.capacity() > SCRATCH_KEEP {
            self.mentions = Vec::new();
        }
        self.known.entries.truncate(SCRATCH_KEEP);
        self.known.entries.shrink_to(SCRATCH_KEEP);
    }
}

thread_local! {
    static SCRATCH: std::cell::RefCell<Scratch> = std::cell::RefCell::default();
}

/// The mentions as [`KnownEntity`] values for the quote stage. The entries and their strings
/// stay allocated from one document to the next, so filling them rarely allocates.
#[derive(Default)]
struct KnownEntities {
    entries: Vec<KnownEntity>,
}

impl KnownEntities {
    /// The entries of `mentions`, in order.
    fn fill(&mut self, mentions: &[Mention]) -> &[KnownEntity] {
        let set = |s: &mut String, v: &str| {
            s.clear();
            s.push_str(v);
        };
        for (k, m) in mentions.iter().enumerate() {
            match self.entries.get_mut(k) {
                Some(e) => {
                    e.span = m.span;
                    set(&mut e.id, &m.id);
                    set(&mut e.entity_type, &m.entity_type);
                    set(&mut e.canonical, &m.canonical);
                }
                None => self.entries.push(KnownEntity {
                    span: m.span,
                    id: m.id.as_ref().to_owned(),
                    entity_type: m.entity_type.as_ref().to_owned(),
                    canonical: m.canonical.as_ref().to_owned(),
                }),
            }
        }
        &self.entries[..mentions.len()]
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
        .filter(|n| has_two_words(n))
        .collect();
    names.sort_unstable();
    names.dedup();
    if names.is_empty() {
        return Vec::new();
    }
    let mut persons = if let Some(firsts) = first_bytes(&names) {
        first_occurrences_by_first_byte(text, regions, &names, firsts)
    } else if names.len() <= FEW_NAMES {
        first_occurrences_few(text, regions, &names)
    } else {
        first_occurrences_many(text, regions, &names)
    };
    persons.sort_by_key(|p| p.span);
    persons
}

/// True when `name` has at least two words separated by white space, as
/// `name.split_whitespace().nth(1).is_some()` says, with a byte scan for ASCII names.
fn has_two_words(name: &str) -> bool {
    if !name.is_ascii() {
        return name.split_whitespace().nth(1).is_some();
    }
    // `char::is_whitespace` on ASCII: space, tab, line feed, vertical tab, form feed, return.
    let space = |c: &u8| *c == b' ' || (b'\t'..=b'\r').contains(c);
    let b = name.as_bytes();
    let Some(first) = b.iter().position(|c| !space(c)) else {
        return false;
    };
    let Some(gap) = b[first..].iter().position(space) else {
        return false;
    };
    b[first + gap..].iter().any(|c| !space(c))
}

/// The same occurrences as [`first_occurrences_many`] when `names` (sorted, distinct,
/// non-empty) start with at most three different bytes, `firsts`: one SIMD scan of each region
/// for those bytes, and at each hit at or after the end of the last occurrence, the longest name
/// written there (leftmost-longest without overlaps). Stops once every name is seen.
fn first_occurrences_by_first_byte(
    text: &str,
    regions: &[Span],
    names: &[&str],
    firsts: [u8; 3],
) -> Vec<PersonName> {
    let [a, b, c] = firsts;
    let mut first = FirstSeen::new(names);
    for region in regions {
        let Some(slice) = text.get(region.start..region.end) else {
            continue;
        };
        let hay = slice.as_bytes();
        let mut at = 0;
        while let Some(hit) = memchr::memchr3(a, b, c, &hay[at..]) {
            let p = at + hit;
            let byte = hay[p];
            let lo = names.partition_point(|n| n.as_bytes()[0] < byte);
            let hi = names.partition_point(|n| n.as_bytes()[0] <= byte);
            let mut best: Option<usize> = None;
            for k in lo..hi {
                if hay[p..].starts_with(names[k].as_bytes())
                    && best.is_none_or(|bk| names[k].len() > names[bk].len())
                {
                    best = Some(k);
                }
            }
            let Some(k) = best else {
                at = p + 1;
                continue;
            };
            at = p + names[k].len();
            if first.record(k, Span::new(region.start + p, region.start + at)) {
                return first.persons;
            }
        }
    }
    first.persons
}

/// The first bytes of `names` (sorted, non-empty) as the three needles of `memchr3`, repeated
/// when fewer differ; `None` when more than three differ.
fn first_bytes(names: &[&str]) -> Option<[u8; 3]> {
    let mut firsts: Vec<u8> = names.iter().filter_map(|n| n.bytes().next()).collect();
    firsts.dedup();
    match *firsts {
        [a] => Some([a, a, a]),
        [a, b] => Some([a, b, b]),
        [a, b, c] => Some([a, b, c]),
        _ => None,
    }
}

/// Up to this many names, [`first_occurrences_few`] (one substring search per name) beats
/// building an automaton for each document; most articles quote one to five people.
const FEW_NAMES: usize = 16;

/// The same occurrences as [`first_occurrences_many`] for a handful of names, without an
/// automaton: each name keeps its next occurrence at or after the cursor (a SIMD substring
/// search), the leftmost-longest of them is reported and the cursor moves past it. Each name's
/// searches only move forward, so the cost is the regions' length times the number of names.
fn first_occurrences_few(text: &str, regions: &[Span], names: &[&str]) -> Vec<PersonName> {
    let finders: Vec<memchr::memmem::Finder> =
        names.iter().map(memchr::memmem::Finder::new).collect();
    let mut first = FirstSeen::new(names);
    let mut next: Vec<Option<usize>> = vec![None; names.len()];
    // For each name, its next occurrence anywhere in the text at or after `ahead_from`: a name
    // absent from the rest of the text is searched once, not once per region.
    let mut ahead: Vec<Option<usize>> = vec![None; names.len()];
    let mut ahead_from: Vec<usize> = vec![usize::MAX; names.len()];
    for region in regions {
        let Some(slice) = text.get(region.start..region.end) else {
            continue;
        };
        // Only a region where a name not seen yet occurs can add a first occurrence.
        let mut unseen = false;
        for k in 0..names.len() {
            if first.seen[k] {
                continue;
            }
            let stale =
                region.start < ahead_from[k] || ahead[k].is_some_and(|at| at < region.start);
            if stale {
                ahead_from[k] = region.start;
                ahead[k] = finders[k]
                    .find(&text.as_bytes()[region.start..])
                    .map(|at| region.start + at);
            }
            unseen |= ahead[k].is_some_and(|at| at + names[k].len() <= region.end);
        }
        if !unseen {
            continue;
        }
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
            let mut unseen = false;
            for k in 0..names.len() {
                if next[k].is_some_and(|at| at < cursor) {
                    next[k] = search(k, cursor);
                }
                if let Some(at) = next[k] {
                    unseen |= !first.seen[k];
                    if best.is_none_or(|(b, bk)| {
                        at < b || (at == b && names[k].len() > names[bk].len())
                    }) {
                        best = Some((at, k));
                    }
                }
            }
            // The rest of the region holds only names seen before.
            if !unseen {
                break;
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

/// Appends the non-blank lines of `text`, trimmed, as spans to `out`.
fn non_blank_lines(text: &str, out: &mut Vec<Span>) {
    let mut start = 0;
    for line in text.split_inclusive('\n') {
        let trimmed = line.trim();
        if !trimmed.is_empty() {
            let lead = line.len() - line.trim_start().len();
            out.push(Span::new(start + lead, start + lead + trimmed.len()));
        }
        start += line.len();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn non_blank_lines_are_trimmed_spans() {
        let text = "  satu\r\n\n dua \n";
        let mut spans = Vec::new();
        non_blank_lines(text, &mut spans);
        let words: Vec<&str> = spans.iter().map(|s| s.slice(text)).collect();
        assert_eq!(words, ["satu", "dua"]);
    }

    #[test]
    fn a_speaker_gets_the_entity_of_their_name_not_of_their_unit() {
        let text = "Banjir Melanda Kota\n\nPanglima Kodam Mayjen TNI Tugas Ratmono mengatakan, \
                    pasukan sudah dikirim ke lokasi.\n\n“Kami siap membantu warga,” kata Tugas.\n";
        let doc = Pipeline::new().analyze(text);
        let speaker = doc.quotes[0].speaker.as_ref().unwrap();
        assert_eq!(speaker.name, "Tugas Ratmono");
        assert!(doc.entities.iter().any(|e| &*e.id == "ORG:TNI"));
        let id = speaker.entity_id.as_deref().unwrap();
        assert!(id.starts_with("PER:"), "{id}");
        // A known entity sharing one word of the name is not the speaker.
        let doc = Pipeline::new().analyze(
            "Deputi Komisioner OJK Anto Prabowo mengatakan, kredit macet masih terkendali.\n",
        );
        let speaker = doc.quotes[0].speaker.as_ref().unwrap();
        assert_eq!(speaker.name, "Anto Prabowo");
        assert!(doc.entities.iter().any(|e| e.text == "Prabowo"));
        assert_eq!(speaker.entity_id, None);
        // An organisation speaker keeps its own entity.
        let doc = Pipeline::new()
            .analyze("Blue House menyatakan, pertemuan itu penting bagi kedua negara.\n");
        let speaker = doc.quotes[0].speaker.as_ref().unwrap();
        assert!(speaker.entity_id.is_some(), "{speaker:?}");
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

    #[test]
    fn a_thread_reusing_its_buffers_gives_what_a_fresh_thread_gives() {
        let pipeline = Pipeline::new();
        let long = "Menteri Luar Negeri Retno Marsudi bertemu Presiden Joko Widodo di Jakarta.\n\n\
                    “Indonesia dan Malaysia sepakat,” kata Retno di Istana Negara, Jakarta.\n\n\
                    Menurut Retno, Amerika Serikat, Jepang dan Korea Selatan ikut mendukung.";
        let short = "“Kami siap,” kata Budi di Bandung.";
        let fresh = std::thread::scope(|s| s.spawn(|| pipeline.analyze(short)).join().unwrap());
        let first = pipeline.analyze(long);
        assert!(first.entities.len() > 3);
        assert_eq!(pipeline.analyze(short), fresh);
        assert_eq!(pipeline.analyze(long), first);
    }

    #[test]
    fn two_words_as_split_whitespace_counts_them() {
        for name in [
            "",
            " ",
            "Budi",
            " Budi ",
            "Budi Santoso",
            "Budi\tSantoso",
            "Budi\u{b}Santoso",
            "Budi\u{c}S",
            "Budi\u{1c}Santoso",
            "  Budi  ",
            "Budi\u{a0}Santoso",
            "Budi\u{85}S",
            "Ma’ruf Amin",
            "Ma’ruf",
            "\r\nA\r\nB",
            "A ",
        ] {
            assert_eq!(
                has_two_words(name),
                name.split_whitespace().nth(1).is_some(),
                "{name:?}"
            );
        }
    }

    fn spans(persons: &[PersonName], text: &str) -> Vec<(String, String)> {
        persons
            .iter()
            .map(|p| (p.name.clone(), p.span.slice(text).to_owned()))
            .collect()
    }

    /// The first occurrences of `names` found by [`speaker_names`]' three searches (`None`
    /// where the names start with more than three different bytes), in the order found.
    fn all_three(text: &str, regions: &[Span], names: &[&str]) -> [Option<Vec<Span>>; 3] {
        let mut names = names.to_vec();
        names.sort_unstable();
        let spans = |persons: Vec<PersonName>| Some(persons.iter().map(|p| p.span).collect());
        [
            first_bytes(&names)
                .and_then(|f| spans(first_occurrences_by_first_byte(text, regions, &names, f))),
            spans(first_occurrences_few(text, regions, &names)),
            spans(first_occurrences_many(text, regions, &names)),
        ]
    }

    #[test]
    fn the_first_byte_scan_and_the_automaton_find_the_same_first_occurrences() {
        let text = "Koordinator Pantau Gambut Iola Abas mengatakan itu.\n\
                    “Cukup,” ungkap Iola Abas. Kata Budi Santoso Wijaya, Budi Santoso setuju.\n\
                    Wakil Ketua Budi Santoso hadir. Ucok Baba dan Gambut Iola datang.";
        let mut regions = Vec::new();
        non_blank_lines(text, &mut regions);
        let names = [
            "Budi Santoso",
            "Budi Santoso Wijaya",
            "Gambut Iola Abas",
            "Gambut Iola",
            "Iola Abas",
            "Santoso Wijaya",
            "Tidak Ada",
            "Ucok Baba",
            "Wakil Ketua Budi",
            "Koordinator Pantau",
        ];
        // One to ten names with one to seven different first bytes, overlapping names included.
        let mut by_byte = 0;
        for n in 1..=names.len() {
            for subset in [&names[..n], &names[names.len() - n..]] {
                let [first_byte, few, many] = all_three(text, &regions, subset);
                assert_eq!(few, many, "{subset:?}");
                if first_byte.is_some() {
                    assert_eq!(first_byte, many, "{subset:?}");
                    by_byte += 1;
                }
            }
        }
        assert!(by_byte >= 6);
        // Leftmost-longest without overlaps: `Iola Abas` is first seen on its own, after
        // `Gambut Iola Abas`; `Budi Santoso Wijaya` wins over `Budi Santoso` where both start,
        // `Santoso Wijaya` inside it is never seen, and `Gambut Iola` only where `Abas` does
        // not follow.
        let mut sorted = names[..7].to_vec();
        sorted.sort_unstable();
        let first = first_occurrences_few(text, &regions, &sorted);
        let found = spans(&first, text);
        let at = |name: &str| text.find(name).unwrap();
        let iola = first.iter().find(|p| p.name == "Iola Abas").unwrap();
        assert!(iola.span.start > at("Cukup"));
        assert_eq!(found.len(), 5);
        assert!(found.iter().all(|(name, slice)| name == slice));
        assert!(
            !found
                .iter()
                .any(|(name, _)| name == "Santoso Wijaya" || name == "Tidak Ada")
        );
        let budi = first.iter().find(|p| p.name == "Budi Santoso").unwrap();
        assert!(budi.span.start > at("Budi Santoso Wijaya"));
        let gambut = first.iter().find(|p| p.name == "Gambut Iola").unwrap();
        assert!(gambut.span.start > at("Ucok"));
    }
}
