//! Indonesian tokenizer for news text: tokens with kinds, clitic analysis, sentences, CoNLL-U.
//!
//! One pass over the bytes of the text (with an ASCII fast path) yields [`Token`]s with byte
//! [`Span`]s into the caller's text; a linear sentence pass over the tokens follows the scan a
//! few lines behind (while those tokens are still in the cache).
//! Indonesian forms stay whole: reduplication (`anak-anak`), hyphenated names (`Jae-in`,
//! `Covid-19`, `e-KTP`, `ke-14`), numbers (`1.904.569`, `2,5`, `10.30`, `Rp1.500.000`,
//! `19/2/2022`), outlets (`MISTAR.ID`, `KOMPAS.com`), URLs, e-mail, hashtags, mentions and emoji.
//! Clitics are analysed into syntactic words as in UD Indonesian (`katanya` = `kata` + `nya`).
//!
//! Conventions follow UD Indonesian (GSD, CSUI) where they are consistent:
//! - the currency is its own token (`Rp1.500.000` = `Rp` + `1.500.000`), number ranges are split
//!   (`19-21`), two capitalised words joined by a hyphen are split (`Januari-September`,
//!   `RI-Jepang`), as are two words joined by a slash (`MPR/DPR`) and `-nya` after a hyphen
//!   (`APBD-nya` = `APBD` + `-` + `nya`); dates (`19/2/2022`) and references (`S/A`) stay whole;
//! - an abbreviation's period is a token of its own (`Dr` + `.`, as in GSD; see
//!   [`TokenizerBuilder::attach_abbreviation_period`]), dotted abbreviations stay whole
//!   (`S.H.`, `a.n.`); sentence splitting knows the abbreviations either way;
//! - `-nya`, `-lah`, `-kah`, `-pun`, `-ku`, `-mu` and `ku-`, `kau-` are split off, except in
//!   lexicalised words (`akhirnya`, `sebelumnya`, `walaupun`, `adalah`, `sekolah`, `tanya`).
//!
//! Sentences end at `.`, `!`, `?`, `…` (with the closing quotes and brackets that follow) when
//! the next word is not lower case, never after a title abbreviation (`Jl.`, `Prof.`, an
//! initial `R.`; a lone `I`, `V`, `X` after a lower-case word is a numeral, `kuartal I.`), nor
//! at a period inside a short parenthesis (`(Bl.)`, `(SSK. II)`), at a blank line, and at a
//! line break unless the next line starts in lower case (a headline without final punctuation
//! is a sentence). A plain `.`, `?` or `!` right after a word or number also ends a sentence
//! before a lower-case word (`tahun 1879. atau ...`: a lost capital); after an ellipsis, a
//! closing quote or an abbreviation, lower case continues the sentence (`“Siapa?” tanya dia`).
//! A quotation within one line is never split: it stays one sentence with the words that frame
//! it (`“Kami siap. Kami datang,” kata Budi.`), as in UD Indonesian.
//!
//! ```
//! use warta_tokenize::{TokenKind, Tokenizer};
//! let text = "“Kami siap,” katanya di KOMPAS.com. Dr. Budi tiba pukul 10.30 WIB.";
//! let tk = Tokenizer::new();
//! let a = tk.analyze(text);
//! let forms: Vec<&str> = a.tokens.iter().map(|t| t.text(text)).collect();
//! assert_eq!(
//!     forms,
//!     ["“", "Kami", "siap", ",", "”", "katanya", "di", "KOMPAS.com", ".", "Dr", ".", "Budi",
//!      "tiba", "pukul", "10.30", "WIB", "."]
//! );
//! assert_eq!(a.tokens[7].kind, TokenKind::Url);
//! let words: Vec<&str> = a.tokens[5].words.iter().map(|w| w.slice(text)).collect();
//! assert_eq!(words, ["kata", "nya"]);
//! assert_eq!(a.sentences.len(), 2);
//! assert_eq!(a.sentences[1].slice(text), "Dr. Budi tiba pukul 10.30 WIB.");
//! ```

use lexicon::{FxMap, FxSet, KeyFilter};
use std::borrow::Cow;

mod chars;
mod clitic;
pub mod conllu;
mod lexicon;
mod scan;
mod sentence;
mod span;

pub use chars::is_separator;
pub use lexicon::AbbrevClass;
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

impl TokenKind {
    /// The kind as the lowercase string used in JSON and CoNLL-U output.
    ///
    /// ```
    /// assert_eq!(warta_tokenize::TokenKind::Hashtag.as_str(), "hashtag");
    /// ```
    pub fn as_str(self) -> &'static str {
        match self {
            TokenKind::Word => "word",
            TokenKind::Number => "number",
            TokenKind::Punct => "punct",
            TokenKind::Symbol => "symbol",
            TokenKind::Url => "url",
            TokenKind::Email => "email",
            TokenKind::Hashtag => "hashtag",
            TokenKind::Mention => "mention",
            TokenKind::Emoji => "emoji",
        }
    }
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

impl Token {
    /// The surface text of the token in `text` (the text it was computed from).
    ///
    /// ```
    /// use warta_tokenize::Tokenizer;
    /// let text = "Halo, dunia";
    /// let a = Tokenizer::new().analyze(text);
    /// assert_eq!(a.tokens[2].text(text), "dunia");
    /// ```
    #[inline]
    pub fn text<'t>(&self, text: &'t str) -> &'t str {
        self.span.slice(text)
    }

    /// The syntactic words of the token: its clitic split, or the token itself.
    ///
    /// ```
    /// use warta_tokenize::Tokenizer;
    /// let text = "bukumu baru";
    /// let a = Tokenizer::new().analyze(text);
    /// let w: Vec<&str> = a.tokens[0].word_spans().map(|s| s.slice(text)).collect();
    /// assert_eq!(w, ["buku", "mu"]);
    /// let w: Vec<&str> = a.tokens[1].word_spans().map(|s| s.slice(text)).collect();
    /// assert_eq!(w, ["baru"]);
    /// ```
    pub fn word_spans(&self) -> impl Iterator<Item = Span> + '_ {
        let own = if self.words.is_empty() {
            Some(self.span)
        } else {
            None
        };
        self.words.iter().copied().chain(own)
    }

    /// A normalised form for matching: lower case, typographic quotes, apostrophes and dashes
    /// mapped to ASCII. Borrowed when nothing changes.
    ///
    /// ```
    /// use warta_tokenize::Tokenizer;
    /// let text = "Ma’ruf dan KOMPAS.com";
    /// let a = Tokenizer::new().analyze(text);
    /// assert_eq!(a.tokens[0].normalized(text), "ma'ruf");
    /// assert_eq!(a.tokens[1].normalized(text), "dan");
    /// assert_eq!(a.tokens[2].normalized(text), "kompas.com");
    /// ```
    pub fn normalized<'t>(&self, text: &'t str) -> Cow<'t, str> {
        let s = self.text(text);
        let plain = s.bytes().all(|b| b.is_ascii() && !b.is_ascii_uppercase());
        if plain {
            return Cow::Borrowed(s);
        }
        Cow::Owned(
            s.chars()
                .flat_map(|c| {
                    let m = match c {
                        '‘' | '’' | '‚' | '′' => '\'',
                        '“' | '”' | '„' | '″' | '«' | '»' => '"',
                        '‐' | '‑' | '‒' | '–' | '—' | '−' => '-',
                        _ => c,
                    };
                    m.to_lowercase()
                })
                .collect(),
        )
    }
}

/// Tokens and sentences of a text.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct Analysis {
    /// Tokens in text order, non-overlapping.
    pub tokens: Vec<Token>,
    /// Sentence spans in text order, non-overlapping.
    pub sentences: Vec<Span>,
}

/// An immutable, `Send + Sync` tokenizer.
///
/// ```
/// use warta_tokenize::Tokenizer;
/// let text = "Apakah kuambil bukunya? Ya.";
/// let a = Tokenizer::new().analyze(text);
/// let words: Vec<&str> =
///     a.tokens.iter().flat_map(|t| t.word_spans()).map(|s| s.slice(text)).collect();
/// assert_eq!(words, ["Apa", "kah", "ku", "ambil", "buku", "nya", "?", "Ya", "."]);
/// assert_eq!(a.sentences.len(), 2);
/// ```
#[derive(Debug, Clone)]
pub struct Tokenizer {
    abbrevs: FxMap<Vec<u8>, AbbrevClass>,
    /// The keys of the built-in abbreviations and of `abbrevs`.
    abbrev_filter: KeyFilter,
    keep: FxSet<Vec<u8>>,
    stems: FxSet<Vec<u8>>,
    clitics: bool,
    attach_period: bool,
}

impl Default for Tokenizer {
    fn default() -> Self {
        Tokenizer::new()
    }
}

impl Tokenizer {
    /// The tokenizer with the built-in Indonesian abbreviations and clitic rules.
    pub fn new() -> Self {
        TokenizerBuilder::new().build()
    }

    /// A builder to extend the built-in lists.
    pub fn builder() -> TokenizerBuilder {
        TokenizerBuilder::new()
    }

    /// Tokens and sentences of `text[range]`, with spans into the whole `text`.
    ///
    /// A range out of bounds is clamped to the text and moved inwards to char boundaries.
    ///
    /// ```
    /// use warta_tokenize::{Span, Tokenizer};
    /// let text = "Judul\nIsi berita.";
    /// let a = Tokenizer::new().analyze_range(text, Span::new(6, text.len()));
    /// assert_eq!(a.tokens[0].span, Span::new(6, 9));
    /// assert_eq!(a.sentences, [Span::new(6, text.len())]);
    /// ```
    pub fn analyze_range(&self, text: &str, range: Span) -> Analysis {
        let (start, end) = clamp(text, range);
        let mut sc = scan::Scanner::<Token>::new(self, text, end, end - start, true);
        sc.run_sentences(start);
        let sentences = sc.sentences.take().unwrap_or_default().into_spans();
        Analysis {
            tokens: sc.out,
            sentences,
        }
    }

    /// The sentences of each of `ranges` of `text`, in the order of the ranges: exactly the
    /// [`Analysis::sentences`] of [`Tokenizer::analyze_range`] for each range, concatenated,
    /// without building the tokens for the caller (one set of working buffers serves every
    /// range, and clitics are not analysed).
    ///
    /// ```
    /// use warta_tokenize::{Span, Tokenizer};
    /// let text = "Judul Berita\nIsi pertama. Kalimat kedua.\nParagraf baru.";
    /// let ranges = [Span::new(0, 12), Span::new(13, 40), Span::new(41, text.len())];
    /// let tk = Tokenizer::new();
    /// let sentences = tk.sentences_in(text, &ranges);
    /// let s: Vec<&str> = sentences.iter().map(|s| s.slice(text)).collect();
    /// assert_eq!(s, ["Judul Berita", "Isi pertama.", "Kalimat kedua.", "Paragraf baru."]);
    /// let each: Vec<Span> =
    ///     ranges.iter().flat_map(|&r| tk.analyze_range(text, r).sentences).collect();
    /// assert_eq!(sentences, each);
    /// ```
    pub fn sentences_in(&self, text: &str, ranges: &[Span]) -> Vec<Span> {
        let longest = ranges.iter().map(|r| r.end.saturating_sub(r.start)).max();
        let longest = longest.unwrap_or(0);
        // The token and mark buffers of the last call on this thread serve again.
        let (tokens, marks) = BARE_BUFFERS
            .try_with(|b| b.take())
            .unwrap_or_default()
            .unwrap_or_default();
        let mut sc = scan::Scanner::with_buffers(self, text, 0, longest, tokens, marks);
        for &range in ranges {
            let (start, end) = clamp(text, range);
            sc.restart(text, end);
            sc.run_sentences(start);
        }
        let (sentences, tokens, marks) = sc.into_buffers();
        if tokens.capacity() <= KEEP_TOKENS {
            // Fails only while the thread is being torn down; the buffers are then dropped.
            let _ = BARE_BUFFERS.try_with(|b| b.set(Some((tokens, marks))));
        }
        sentences
    }

    /// Tokens and sentences of the whole `text`.
    ///
    /// ```
    /// use warta_tokenize::{TokenKind, Tokenizer};
    /// let text = "Kerja Sama AS-ROK\nWashington, MISTAR.ID";
    /// let a = Tokenizer::new().analyze(text);
    /// assert_eq!(a.tokens[2].text(text), "AS-ROK");
    /// assert_eq!(a.tokens[5].kind, TokenKind::Url);
    /// assert_eq!(a.sentences.len(), 2);
    /// ```
    pub fn analyze(&self, text: &str) -> Analysis {
        self.analyze_range(text, Span::new(0, text.len()))
    }

    /// Only the tokens of `text` (no sentence pass).
    ///
    /// ```
    /// use warta_tokenize::Tokenizer;
    /// assert_eq!(Tokenizer::new().tokens("anak-anak bermain").len(), 2);
    /// ```
    pub fn tokens(&self, text: &str) -> Vec<Token> {
        let mut sc = scan::Scanner::<Token>::new(self, text, text.len(), text.len(), false);
        sc.run(0);
        sc.out
    }

    /// The class of `word` (written without its final period) as an abbreviation, if it is one.
    ///
    /// ```
    /// use warta_tokenize::{AbbrevClass, Tokenizer};
    /// let tk = Tokenizer::new();
    /// assert_eq!(tk.abbrev_class("Jl"), Some(AbbrevClass::Title));
    /// assert_eq!(tk.abbrev_class("dll"), Some(AbbrevClass::Final));
    /// assert_eq!(tk.abbrev_class("rumah"), None);
    /// ```
    pub fn abbrev_class(&self, word: &str) -> Option<AbbrevClass> {
        if word.len() > 12 || !self.abbrev_filter.may_contain(word.as_bytes()) {
            return None;
        }
        let b = lexicon::builtin();
        if let Some(&c) = b.abbrevs.get(word) {
            return Some(c);
        }
        if !self.abbrevs.is_empty()
            && let Some(&c) = self.abbrevs.get(word.as_bytes())
        {
            return Some(c);
        }
        let mut buf = [0u8; 64];
        let lower = lexicon::ascii_lower(word, &mut buf)?;
        if lower.len() < 2 {
            return None;
        }
        b.abbrevs_lower
            .get(lower)
            .or_else(|| self.abbrevs.get(lower))
            .copied()
    }
}

/// Token buffers larger than this (about 1.5 MB) are not kept for the next call.
const KEEP_TOKENS: usize = 1 << 16;

thread_local! {
    /// The working buffers of [`Tokenizer::sentences_in`], kept for the thread's next call.
    static BARE_BUFFERS: std::cell::Cell<Option<(Vec<scan::Bare>, sentence::Marks)>> =
        const { std::cell::Cell::new(None) };
}

/// `range` clamped to `text` and moved inwards to char boundaries, as `(start, end)`.
fn clamp(text: &str, range: Span) -> (usize, usize) {
    let mut end = range.end.min(text.len());
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    let mut start = range.start.min(end);
    while !text.is_char_boundary(start) {
        start += 1;
    }
    (start, end)
}

/// Builds a [`Tokenizer`] with extra abbreviations, clitic exceptions and stems.
///
/// ```
/// use warta_tokenize::{AbbrevClass, Tokenizer};
/// let tk = Tokenizer::builder()
///     .abbreviation("Bhr", AbbrevClass::Title)
///     .keep_whole("Jokowinya")
///     .build();
/// let text = "Bhr. Sutomo bertemu Jokowinya. Dia senang.";
/// let a = tk.analyze(text);
/// assert_eq!(a.sentences.len(), 2);
/// assert_eq!(a.tokens[4].text(text), "Jokowinya");
/// assert!(a.tokens[4].words.is_empty());
/// ```
#[derive(Debug, Clone)]
pub struct TokenizerBuilder {
    tk: Tokenizer,
}

impl Default for TokenizerBuilder {
    fn default() -> Self {
        TokenizerBuilder::new()
    }
}

impl TokenizerBuilder {
    /// A builder with the built-in lists and clitic analysis on.
    pub fn new() -> Self {
        TokenizerBuilder {
            tk: Tokenizer {
                abbrevs: FxMap::default(),
                abbrev_filter: lexicon::builtin().abbrev_filter.clone(),
                keep: FxSet::default(),
                stems: FxSet::default(),
                clitics: true,
                attach_period: false,
            },
        }
    }

    /// Adds an abbreviation that keeps its period (`word` written without it, matched exactly
    /// and, when written in lower case, also capitalised).
    pub fn abbreviation(mut self, word: &str, class: AbbrevClass) -> Self {
        let word = word.trim_end_matches('.');
        self.tk.abbrev_filter.insert(word.as_bytes());
        self.tk.abbrevs.insert(word.as_bytes().to_vec(), class);
        self
    }

    /// Never splits clitics off `word` (compared in lower case).
    pub fn keep_whole(mut self, word: &str) -> Self {
        self.tk.keep.insert(word.to_lowercase().into_bytes());
        self
    }

    /// Adds a stem that may carry clitics where the built-in rules require a known stem
    /// (capitalised words with `-lah`/`-kah`/`-pun`, `-ku`/`-mu`, `ku-`/`kau-`).
    ///
    /// ```
    /// use warta_tokenize::Tokenizer;
    /// let text = "kucoblos";
    /// assert!(Tokenizer::new().analyze(text).tokens[0].words.is_empty());
    /// let tk = Tokenizer::builder().clitic_stem("coblos").build();
    /// assert_eq!(tk.analyze(text).tokens[0].words.len(), 2);
    /// ```
    pub fn clitic_stem(mut self, stem: &str) -> Self {
        self.tk.stems.insert(stem.to_lowercase().into_bytes());
        self
    }

    /// Turns clitic analysis on (default) or off.
    pub fn clitics(mut self, on: bool) -> Self {
        self.tk.clitics = on;
        self
    }

    /// Keeps the period of an abbreviation or initial in its token (`Dr.`, `R.`) instead of
    /// a separate `.` token (default: separate, as UD Indonesian GSD does). Dotted
    /// abbreviations (`S.H.`, `a.n.`) are always one token. Sentence splitting knows the
    /// abbreviations either way.
    ///
    /// ```
    /// use warta_tokenize::Tokenizer;
    /// let text = "Dr. Soetomo";
    /// assert_eq!(Tokenizer::new().analyze(text).tokens.len(), 3);
    /// let tk = Tokenizer::builder().attach_abbreviation_period(true).build();
    /// assert_eq!(tk.analyze(text).tokens[0].text(text), "Dr.");
    /// ```
    pub fn attach_abbreviation_period(mut self, on: bool) -> Self {
        self.tk.attach_period = on;
        self
    }

    /// The immutable tokenizer.
    pub fn build(self) -> Tokenizer {
        self.tk
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sentences_in_after_a_longer_text_finds_what_each_range_has() {
        let tk = Tokenizer::new();
        let long = "“Kami siap. Kami datang,” kata Budi di Jl. Merdeka No. 5.\n\
                    Dr. Ani tiba pukul 10.30 WIB. Ia disambut warga.\n\
                    Rapat selesai! Semua pulang?"
            .repeat(40);
        let short = "Satu kalimat. Dua kalimat.\nBaris baru";
        for text in [long.as_str(), short, long.as_str(), "", short] {
            let ranges: Vec<Span> = text
                .split_inclusive('\n')
                .scan(0, |at, line| {
                    let span = Span::new(*at, *at + line.trim_end().len());
                    *at += line.len();
                    Some(span)
                })
                .collect();
            let each: Vec<Span> = ranges
                .iter()
                .flat_map(|&r| tk.analyze_range(text, r).sentences)
                .collect();
            assert_eq!(tk.sentences_in(text, &ranges), each);
            assert!(text.is_empty() || each.len() >= 3);
        }
    }

    /// The tokens, the sentences and the sentences of `sentences_in` of one text.
    type Outcome = (Vec<Token>, Vec<Span>, Vec<Span>);

    /// Tokens and sentences of `text` by the default tokenizer, one keeping abbreviation
    /// periods and one without clitic analysis, with or without the plain-word fast path.
    fn both_ways(text: &str) -> [Vec<Outcome>; 2] {
        let tokenizers = [
            Tokenizer::new(),
            Tokenizer::builder()
                .attach_abbreviation_period(true)
                .build(),
            Tokenizer::builder().clitics(false).build(),
        ];
        let whole = [Span::new(0, text.len())];
        [true, false].map(|general| {
            crate::scan::GENERAL_ONLY.set(general);
            let got = tokenizers
                .iter()
                .map(|tk| {
                    let a = tk.analyze(text);
                    (a.tokens, a.sentences, tk.sentences_in(text, &whole))
                })
                .collect();
            crate::scan::GENERAL_ONLY.set(false);
            got
        })
    }

    proptest::proptest! {
        #[test]
        fn the_plain_word_fast_path_changes_nothing(
            text in "([a-zA-Z]{1,17}|[ ,.:;!?\\-'\"()/@]|[0-9]{1,3}| {2}|\n|www|http|Rp|nya|kah|ku|“|”|é){0,80}"
        ) {
            let [general, fast] = both_ways(&text);
            proptest::prop_assert_eq!(general, fast);
        }

        /// Long runs of plain words with single spaces, as the 32-byte path takes them, cut by
        /// what stops it (punctuation, digits, double spaces, URL-like words, clitics).
        #[test]
        fn runs_of_plain_words_come_out_as_on_the_general_path(
            text in "(([a-zA-Z]{1,20} ){1,12}([,.!?:;\"()'/-]|nya |mu |http |HTTPS |www |http://a.id |www.b.com |wt |  |\n|[0-9]{1,3}|é|“|”)?){0,10}[a-z]{0,40}"
        ) {
            let [general, fast] = both_ways(&text);
            proptest::prop_assert_eq!(general, fast);
        }
    }

    #[test]
    fn the_plain_word_fast_path_is_exact_on_news_text() {
        let text = "Presiden Joko Widodo mengatakan, pemerintahnya tidak akan mundur. \
                    “Kami siap,” katanya di www.contoh.com pukul 10.30 WIB. Harga Rp5.000 \
                    naik; http://a.id/x kata-kata menteri-menteri Dr. Ani, bukunya, dibacanya.";
        let [general, fast] = both_ways(text);
        assert_eq!(general, fast);
        assert_eq!(fast[0].0.len(), 38);
    }

    #[test]
    fn send_sync() {
        fn check<T: Send + Sync>() {}
        check::<Tokenizer>();
        check::<Analysis>();
    }
}
