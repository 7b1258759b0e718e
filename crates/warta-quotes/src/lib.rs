//! Quote attribution for Indonesian news: who said what.
//!
//! [`Extractor`] finds, in each paragraph of an article:
//! - **direct** quotes between quote marks (`“…,” kata Home`, `“…,” ujarnya`,
//!   `X mengatakan, “…”`, `Katanya, “…”`, `X: “…”`), with straight, curly and Kompas-style
//!   marks (`”` on both sides), unclosed marks (the quote ends at the paragraph end, with a lower
//!   confidence) and paragraphs that continue the previous speaker's quote;
//! - **indirect** quotes, reported speech without marks (`Menurut X, …`,
//!   `X mengatakan (bahwa) …`, `…, kata X.`, `Blue House menyatakan …`);
//! - **mixed** quotes, quoted fragments inside reported speech
//!   (`Sullivan menunjukkan bahwa aliansi itu adalah “kunci utama” …`: the fragment is the
//!   content). Short quoted fragments outside reported speech (scare quotes such as
//!   `memulai “komunikasi” sejak dini`) and quoted titles (`bertajuk “…”`) are not speech and are
//!   not emitted.
//!
//! Each [`Quote`] carries its speech verb (`cue`), its [`Speaker`] (the mention next to the cue,
//! with `role` and `affiliation` split off and the name resolved to the fullest name of the
//! document: `Home` → `Emily Home`, `Presiden` → the president named earlier; a long role
//! phrase over commas ends in the name, `kata Menteri Koordinator Bidang Politik, Hukum, dan
//! Keamanan Mahfud MD dalam …` → `Mahfud MD`), the media `source` (`Dilansir kantor berita
//! Yonhap`, `kepada wartawan`), a `confidence` and the name of the `rule` that fired.
//!
//! `-nya` cues and `dia`/`ia`/`beliau` go to the latest person introduced since the last
//! statement who looks like one (the subject of a speech verb, a name with a role or in
//! apposition, an earlier speaker, or a `PER` entity of the caller; never a place, a law or a
//! programme such as `Taman Suroboyo` or `RUU Cipta Kerja`, see
//! [`ExtractorBuilder::non_person_word`]), else to the last speaker.
//!
//! Decision for relative clauses: in `X mengeluarkan pernyataan …, yang menyatakan bahwa Sullivan
//! “menekankan …”` the quoted words are the statement's, so the speaker is its issuer `X`.
//!
//! The walk is one pass over each paragraph's quote marks and cue words (one byte-class scan
//! of the words, each looked up in a hash table behind a one-probe filter; paragraphs are
//! scanned in batches of 64 KB before they are walked), so the time is linear in the input,
//! also with thousands of unmatched marks.
//!
//! ```
//! use warta_quotes::{Extractor, QuoteKind};
//!
//! let text = "Juru Bicara Dewan Keamanan Nasional AS Emily Home memberi keterangan.\n\
//!             “Mereka membahas kerja sama,” kata Home.";
//! let quotes = Extractor::new().extract(text);
//! assert_eq!(quotes.len(), 1);
//! let q = &quotes[0];
//! assert_eq!(q.kind, QuoteKind::Direct);
//! assert_eq!(q.cue.unwrap().slice(text), "kata");
//! let who = q.speaker.as_ref().unwrap();
//! assert_eq!(who.name, "Emily Home");
//! assert_eq!(who.role.as_deref(), Some("Juru Bicara"));
//! assert_eq!(who.affiliation.as_deref(), Some("Dewan Keamanan Nasional AS"));
//! ```

mod extract;
mod lexicon;
mod mention;
mod names;
mod text;

#[cfg(test)]
mod tests;

use std::sync::Arc;

pub use lexicon::CueClass;
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

impl QuoteKind {
    /// The kind as the lowercase string used in JSON and CoNLL-U output.
    ///
    /// ```
    /// assert_eq!(warta_quotes::QuoteKind::Mixed.as_str(), "mixed");
    /// ```
    pub fn as_str(self) -> &'static str {
        match self {
            QuoteKind::Direct => "direct",
            QuoteKind::Indirect => "indirect",
            QuoteKind::Mixed => "mixed",
        }
    }
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

/// An immutable, `Send + Sync` extractor. Cheap to clone (the lexicons are shared).
#[derive(Debug, Clone)]
pub struct Extractor {
    lex: Arc<lexicon::Lexicon>,
}

impl Default for Extractor {
    fn default() -> Self {
        Extractor::new()
    }
}

impl Extractor {
    /// The extractor with the built-in cue, role and affiliation lexicons.
    pub fn new() -> Self {
        ExtractorBuilder::new().build()
    }

    /// A builder to extend the built-in lexicons.
    pub fn builder() -> ExtractorBuilder {
        ExtractorBuilder::new()
    }

    /// Quotes of `text`, taking each line as a paragraph.
    ///
    /// ```
    /// use warta_quotes::{Extractor, QuoteKind};
    /// let text = "Menurut Kepala Dinas Kesehatan Budi Santoso, stok vaksin cukup.";
    /// let q = &Extractor::new().extract(text)[0];
    /// assert_eq!(q.kind, QuoteKind::Indirect);
    /// assert_eq!(q.content.slice(text), "stok vaksin cukup.");
    /// assert_eq!(q.speaker.as_ref().unwrap().name, "Budi Santoso");
    /// assert_eq!(q.rule, "indirect-menurut");
    /// ```
    pub fn extract(&self, text: &str) -> Vec<Quote> {
        // Room for lines of 80 bytes on average: one allocation for most texts.
        let mut lines = Vec::with_capacity(text.len() / 80 + 1);
        let mut start = 0;
        for i in memchr::memchr_iter(b'\n', text.as_bytes()) {
            push_line(text, &mut lines, start, i);
            start = i + 1;
        }
        push_line(text, &mut lines, start, text.len());
        self.extract_in(text, &lines, &[])
    }

    /// Quotes inside `paragraphs` (body blocks, in order) of `text`, using `entities`
    /// (sorted by span) when given: a speaker covered by a known entity gets its id, an
    /// organisation entity can be a speaker, and place/organisation entities inside a mention
    /// count as its affiliation. Paragraph spans out of bounds or off char boundaries are
    /// clamped or skipped; quotes come out in text order.
    pub fn extract_in(
        &self,
        text: &str,
        paragraphs: &[Span],
        entities: &[KnownEntity],
    ) -> Vec<Quote> {
        let mut paras: Vec<Span> = Vec::with_capacity(paragraphs.len());
        for p in paragraphs {
            let (mut s, mut e) = (p.start.min(text.len()), p.end.min(text.len()));
            while s < e && !text.is_char_boundary(s) {
                s += 1;
            }
            while e > s && !text.is_char_boundary(e) {
                e -= 1;
            }
            if s < e {
                paras.push(Span::new(s, e));
            }
        }
        let sorted;
        let entities = if entities
            .windows(2)
            .all(|w| w[0].span.start <= w[1].span.start)
        {
            entities
        } else {
            let mut v = entities.to_vec();
            v.sort_by_key(|e| (e.span.start, e.span.end));
            sorted = v;
            &sorted[..]
        };
        let mut out = extract::Doc::new(&self.lex, text, &paras, entities).run();
        out.sort_by_key(|q| (q.content.start, q.content.end));
        out
    }
}

fn push_line(text: &str, lines: &mut Vec<Span>, start: usize, end: usize) {
    let end = if end > start && text.as_bytes()[end - 1] == b'\r' {
        end - 1
    } else {
        end
    };
    if text.as_bytes()[start..end]
        .iter()
        .any(|b| !b.is_ascii_whitespace())
    {
        lines.push(Span::new(start, end));
    }
}

/// Builds an [`Extractor`], extending (or replacing) the built-in lexicons.
///
/// The built-in lexicons are the word lists in the crate's `data/` directory, embedded at
/// compile time (one entry a line, `#` comments, matched case-insensitively); each has a
/// method that adds to it:
///
/// | file | what | method |
/// |---|---|---|
/// | `cues.txt` | speech verbs and their class | [`Self::cue`] |
/// | `roles.txt` | titles, offices and ranks before a name | [`Self::role`] |
/// | `affiliation.txt`, `places.txt` | organisation and place words | [`Self::affiliation_word`] |
/// | `stopcaps.txt` | capitalised words that never start a name | [`Self::stopword`] |
/// | `pronouns.txt` | pronouns of the last speaker | [`Self::pronoun`] |
/// | `media.txt` | news outlets (a source, not a speaker) | [`Self::media`] |
/// | `nonperson.txt` | words of places, laws and programmes | [`Self::non_person_word`] |
/// | `ranks.txt` | military and police ranks | [`Self::rank_word`] |
/// | `corps.txt` | corps and status words after a rank | [`Self::corps_word`] |
/// | `name_openers.txt` | words that open personal names | [`Self::name_opener`] |
/// | `role_abbreviations.txt` | one-word offices written out | [`Self::role_abbreviation`] |
/// | `person_nouns.txt` | nouns for a person opening an epithet | [`Self::person_noun`] |
/// | `connectors.txt` | lowercase particles inside a name | [`Self::connector`] |
/// | `circumstance_openers.txt` | words opening a circumstance after a subject | [`Self::circumstance_opener`] |
/// | `conjunctions.txt` | conjunctions that may open a clause before its subject | [`Self::conjunction`] |
/// | `adverbs.txt` | adverbs between a subject and its speech verb | [`Self::adverb`] |
/// | `demonstratives.txt` | demonstratives closing an epithet | [`Self::demonstrative`] |
/// | `offices.txt` | offices whose jurisdiction or portfolio joins the role | [`Self::office`] |
/// | `institutions.txt` | organisation words that move from a role's end to the affiliation | [`Self::institution_word`] |
///
/// ```
/// use warta_quotes::{CueClass, Extractor};
/// let ex = Extractor::builder().cue("celetuk", CueClass::After).build();
/// let text = "“Ayo pulang,” celetuknya.";
/// assert_eq!(ex.extract(text)[0].cue.unwrap().slice(text), "celetuknya");
/// ```
#[derive(Debug, Clone)]
pub struct ExtractorBuilder {
    lists: lexicon::Lists,
}

impl Default for ExtractorBuilder {
    fn default() -> Self {
        ExtractorBuilder::new()
    }
}

impl ExtractorBuilder {
    /// A builder holding the built-in lexicons.
    pub fn new() -> Self {
        ExtractorBuilder {
            lists: lexicon::Lists::builtin(),
        }
    }

    /// A builder with empty lexicons (add everything yourself).
    pub fn empty() -> Self {
        ExtractorBuilder {
            lists: lexicon::Lists::default(),
        }
    }

    /// Adds a cue verb, one word matched whole and case-insensitively (its `-nya` form is
    /// added for [`CueClass::Base`] and [`CueClass::After`]).
    pub fn cue(mut self, form: &str, class: CueClass) -> Self {
        self.lists.cues.push((form.to_string(), class));
        self
    }

    /// Adds a role word or phrase (`Kepala Satpol PP`, at most 256 bytes); matched
    /// case-insensitively.
    pub fn role(mut self, phrase: &str) -> Self {
        self.lists.roles.push(phrase.to_string());
        self
    }

    /// Adds a word that belongs to organisations and places, never to a person's name;
    /// `head` marks a word that takes the next word as its complement (`Rumah` in `Rumah Biru`).
    pub fn affiliation_word(mut self, word: &str, head: bool) -> Self {
        self.lists.affiliation.push((word.to_string(), head));
        self
    }

    /// Adds a capitalised word that never starts a name (`Namun`, `Senin`).
    pub fn stopword(mut self, word: &str) -> Self {
        self.lists.stopwords.push(word.to_string());
        self
    }

    /// Adds a pronoun that refers back to the last speaker.
    pub fn pronoun(mut self, word: &str) -> Self {
        self.lists.pronouns.push(word.to_string());
        self
    }

    /// Adds a news outlet (`Kompas.com`): recorded as a source, never taken as a speaker.
    pub fn media(mut self, name: &str) -> Self {
        self.lists.media.push(name.to_string());
        self
    }

    /// Adds a word that marks a capitalised phrase as a place, law or programme, never a
    /// person (`Taman`, `RUU`): such phrases are never taken as a `-nya` or pronoun antecedent.
    pub fn non_person_word(mut self, word: &str) -> Self {
        self.lists.nonperson.push(word.to_string());
        self
    }

    /// Adds a military or police rank (`Serma`, any case; see `data/ranks.txt`): after a rank a
    /// word that may also belong to an organisation is read as part of the name, and a role
    /// holding a rank is a person's. A rank must also be a [`Self::role`] to start a mention.
    ///
    /// ```
    /// use warta_quotes::Extractor;
    /// let text = "“Pos jaga dibuka malam ini,” kata Pelda Tugas Santoso.";
    /// let ex = Extractor::builder().role("Pelda").rank_word("Pelda").build();
    /// let who = ex.extract(text)[0].speaker.clone().unwrap();
    /// assert_eq!(who.name, "Tugas Santoso");
    /// assert_eq!(who.role.as_deref(), Some("Pelda"));
    /// ```
    pub fn rank_word(mut self, word: &str) -> Self {
        self.lists.ranks.push(word.to_string());
        self
    }

    /// Adds a corps, branch or status word written after a rank (`Kes` in `Letkol Kes`, any
    /// case; see `data/corps.txt`): after a rank or another such word it belongs to the role.
    /// A one-letter word counts only in brackets (`Kolonel Laut (P)`).
    ///
    /// ```
    /// use warta_quotes::Extractor;
    /// let text = "“Kami siap,” kata Letkol Kes Budi Santoso.";
    /// let ex = Extractor::builder().corps_word("Kes").build();
    /// let who = ex.extract(text)[0].speaker.clone().unwrap();
    /// assert_eq!(who.name, "Budi Santoso");
    /// assert_eq!(who.role.as_deref(), Some("Letkol Kes"));
    /// ```
    pub fn corps_word(mut self, word: &str) -> Self {
        self.lists.corps.push(word.to_string());
        self
    }

    /// Adds a word that opens personal names (`Daeng`, any case; see `data/name_openers.txt`):
    /// glued after an organisation's name it starts the person's name, and a name longer than
    /// four words keeps it.
    ///
    /// ```
    /// use warta_quotes::Extractor;
    /// let text = "“Kami siap,” kata Ketua Adat Suku Daeng Andi Mappa Sultan Rahman Hakim.";
    /// let ex = Extractor::builder().name_opener("Daeng").build();
    /// let who = ex.extract(text)[0].speaker.clone().unwrap();
    /// assert_eq!(who.name, "Daeng Andi Mappa Sultan Rahman Hakim");
    /// ```
    pub fn name_opener(mut self, word: &str) -> Self {
        self.lists.name_openers.push(word.to_string());
        self
    }

    /// Adds an office written as one word (`Menpar`) and how it is written out: its leading
    /// `role` (`Menteri`) and the start of the affiliation after it (`Pariwisata`, may be
    /// empty), any case (see `data/role_abbreviations.txt`). The abbreviation then resolves to
    /// the person introduced with the written-out office; it must also be a [`Self::role`].
    ///
    /// ```
    /// use warta_quotes::Extractor;
    /// let text = "Menteri Pariwisata Arief Wibowo meninjau Danau Toba.\n\
    ///             “Kunjungan naik,” kata Menpar.";
    /// let ex = Extractor::builder()
    ///     .role("Menpar")
    ///     .role_abbreviation("Menpar", "Menteri", "Pariwisata")
    ///     .build();
    /// assert_eq!(ex.extract(text)[0].speaker.as_ref().unwrap().name, "Arief Wibowo");
    /// ```
    pub fn role_abbreviation(mut self, abbreviation: &str, role: &str, affiliation: &str) -> Self {
        self.lists.role_abbreviations.push((
            abbreviation.to_string(),
            role.to_string(),
            affiliation.to_string(),
        ));
        self
    }

    /// Adds a noun for a person (`petugas`, any case; see `data/person_nouns.txt`): opening a
    /// phrase closed by a demonstrative before a verb (`Petugas itu mengatakan`), it refers
    /// back to the person named before, even when it is also a stop word.
    ///
    /// ```
    /// use warta_quotes::Extractor;
    /// let text = "Ketua RT Budi Santoso tiba di posko.\n\
    ///             Petugas itu mengatakan, stok makanan di posko masih cukup.";
    /// let ex = Extractor::builder().person_noun("petugas").build();
    /// assert_eq!(ex.extract(text)[0].speaker.as_ref().unwrap().name, "Budi Santoso");
    /// ```
    pub fn person_noun(mut self, word: &str) -> Self {
        self.lists
            .rare_words
            .push((word.to_string(), lexicon::flag::PERSON_NOUN));
        self
    }

    /// Adds a particle written in lowercase inside personal names (`ibn`; see
    /// `data/connectors.txt`), matched only when written without capitals.
    ///
    /// ```
    /// use warta_quotes::Extractor;
    /// let text = "“Kami siap,” kata Ahmad ibn Hasan.";
    /// let ex = Extractor::builder().connector("ibn").build();
    /// assert_eq!(ex.extract(text)[0].speaker.as_ref().unwrap().name, "Ahmad ibn Hasan");
    /// ```
    pub fn connector(mut self, word: &str) -> Self {
        self.lists
            .rare_words
            .push((word.to_string(), lexicon::flag::CONNECTOR));
        self
    }

    /// Adds a word that opens a circumstance between a subject and its speech verb (`selagi`;
    /// see `data/circumstance_openers.txt`), matched only when written without capitals: the
    /// subject is found before it (`Budi Santoso selagi meninjau pasar mengatakan`).
    ///
    /// ```
    /// use warta_quotes::Extractor;
    /// let text = "Bupati Bekasi Budi Santoso selagi meninjau pasar mengatakan, \
    ///             harga beras di pasar tetap stabil sepekan ini.";
    /// let ex = Extractor::builder().circumstance_opener("selagi").build();
    /// assert_eq!(ex.extract(text)[0].speaker.as_ref().unwrap().name, "Budi Santoso");
    /// ```
    pub fn circumstance_opener(mut self, word: &str) -> Self {
        self.lists
            .rare_words
            .push((word.to_string(), lexicon::flag::CIRCUMSTANCE));
        self
    }

    /// Adds a conjunction that may open a clause before its subject (`tapi`; see
    /// `data/conjunctions.txt`), matched only when written without capitals: a name after it
    /// is a subject, not the place or organisation of a description before it.
    ///
    /// ```
    /// use warta_quotes::Extractor;
    /// let text = "Rina (40), pedagang sayur, tapi Hasan Basri, Senin (3/8/2020), mengatakan, \
    ///             pasar sepi sejak pekan lalu karena hujan.";
    /// let ex = Extractor::builder().conjunction("tapi").build();
    /// assert_eq!(ex.extract(text)[0].speaker.as_ref().unwrap().name, "Hasan Basri");
    /// ```
    pub fn conjunction(mut self, word: &str) -> Self {
        self.lists
            .rare_words
            .push((word.to_string(), lexicon::flag::CONJUNCTION));
        self
    }

    /// Adds an office whose jurisdiction or portfolio is part of it (see `data/offices.txt`):
    /// the words after it, up to the first organisation head word, join the role instead of
    /// the affiliation. It must also be a role ([`ExtractorBuilder::role`]); matched
    /// case-insensitively at the end of the role.
    ///
    /// ```
    /// use warta_quotes::Extractor;
    /// let text = "“Jalan desa segera diperbaiki,” kata Kepala Kampung Sukamaju Ahmad Yani.";
    /// let speaker = |ex: Extractor| ex.extract(text)[0].speaker.clone().unwrap();
    /// let role_only = speaker(Extractor::builder().role("kepala kampung").build());
    /// assert_eq!(role_only.role.as_deref(), Some("Kepala Kampung"));
    /// assert_eq!(role_only.affiliation.as_deref(), Some("Sukamaju"));
    /// let office = speaker(
    ///     Extractor::builder()
    ///         .role("kepala kampung")
    ///         .office("kepala kampung")
    ///         .build(),
    /// );
    /// assert_eq!(office.role.as_deref(), Some("Kepala Kampung Sukamaju"));
    /// assert_eq!(office.affiliation, None);
    /// assert_eq!(office.name, "Ahmad Yani");
    /// ```
    pub fn office(mut self, phrase: &str) -> Self {
        self.lists.offices.push(phrase.to_string());
        self
    }

    /// Adds an organisation word that a role phrase may end with but that opens the
    /// organisation's name (see `data/institutions.txt`): in the output it moves from the
    /// role to the affiliation, while the whole phrase still names the office when the text
    /// gives no holder. Matched case-insensitively as the last word of the role.
    ///
    /// ```
    /// use warta_quotes::Extractor;
    /// let text = "“Kapal tetap berlayar,” kata Kepala Syahbandar Utama Makassar Budi Santoso.";
    /// let speaker = |ex: Extractor| ex.extract(text)[0].speaker.clone().unwrap();
    /// let role_only = speaker(Extractor::builder().role("kepala syahbandar").build());
    /// assert_eq!(role_only.role.as_deref(), Some("Kepala Syahbandar"));
    /// assert_eq!(role_only.affiliation.as_deref(), Some("Utama Makassar"));
    /// let moved = speaker(
    ///     Extractor::builder()
    ///         .role("kepala syahbandar")
    ///         .institution_word("syahbandar")
    ///         .build(),
    /// );
    /// assert_eq!(moved.role.as_deref(), Some("Kepala"));
    /// assert_eq!(moved.affiliation.as_deref(), Some("Syahbandar Utama Makassar"));
    /// assert_eq!(moved.name, "Budi Santoso");
    /// ```
    pub fn institution_word(mut self, word: &str) -> Self {
        self.lists.institutions.push(word.to_string());
        self
    }

    /// Adds an adverb that may stand between a subject and its speech verb (`rupanya`; see
    /// `data/adverbs.txt`), matched only when written without capitals (any case right before
    /// a subject's verb): the subject is found before it (`Budi Santoso rupanya mengatakan`).
    ///
    /// ```
    /// use warta_quotes::Extractor;
    /// let text = "Bupati Bekasi Budi Santoso rupanya mengatakan, harga beras di pasar tetap \
    ///             stabil sepekan ini.";
    /// let ex = Extractor::builder().adverb("rupanya").build();
    /// assert_eq!(ex.extract(text)[0].speaker.as_ref().unwrap().name, "Budi Santoso");
    /// ```
    pub fn adverb(mut self, word: &str) -> Self {
        self.lists
            .rare_words
            .push((word.to_string(), lexicon::flag::ADVERB));
        self
    }

    /// Adds a demonstrative that closes an epithet (`tadi`; see `data/demonstratives.txt`),
    /// matched only when written without capitals: the epithet refers back to the person named
    /// before (`kata pria berusia 45 tahun tadi`).
    ///
    /// ```
    /// use warta_quotes::Extractor;
    /// let text = "Ketua RT Budi Santoso tiba di posko.\n\
    ///             “Stok makanan masih cukup,” kata pria berusia 45 tahun tadi.";
    /// let ex = Extractor::builder().demonstrative("tadi").build();
    /// assert_eq!(ex.extract(text)[0].speaker.as_ref().unwrap().name, "Budi Santoso");
    /// ```
    pub fn demonstrative(mut self, word: &str) -> Self {
        self.lists
            .rare_words
            .push((word.to_string(), lexicon::flag::DEMONSTRATIVE));
        self
    }

    /// The immutable extractor.
    pub fn build(self) -> Extractor {
        Extractor {
            lex: Arc::new(lexicon::Lexicon::build(&self.lists)),
        }
    }
}
