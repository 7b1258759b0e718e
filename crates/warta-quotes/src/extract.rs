//! The extraction pass: one left-to-right walk over each paragraph's quotes and cues.

use std::cell::{Cell, OnceCell};

use crate::lexicon::{CueClass, Lexicon, flag, norm, with_lower};
use crate::mention::{Known, Mention, entity_covering};
use crate::names::{NameEntry, NameIndex, WordSet, pair_side, with_name_tokens};
use crate::text::{
    RawQuote, Word, char_at, char_before, count_words, find_quotes, is_acronym, is_capitalised,
    next_word, prev_word, rfind_ascii_upper, sentence_starts, skip_age, skip_ws, skip_ws_back,
    word_at,
};
use crate::{KnownEntity, Quote, QuoteKind, Span, Speaker};

/// A cue word found in a paragraph.
#[derive(Debug, Clone, Copy)]
struct Cue {
    start: usize,
    end: usize,
    class: CueClass,
    nya: bool,
}

/// Words before a quote that make it a title or a name, not speech (`bertajuk “…”`).
fn is_title_word(word: &str) -> bool {
    matches!(
        word,
        "bertajuk"
            | "berjudul"
            | "bertema"
            | "bernama"
            | "bertuliskan"
            | "berbunyi"
            | "bertagar"
            | "tagar"
            | "tajuk"
            | "judul"
            | "tema"
            | "julukan"
            | "dijuluki"
            | "istilah"
            | "disebut"
            | "dinamai"
            | "slogan"
            | "semboyan"
            | "program"
            | "kampanye"
            | "gerakan"
            | "film"
            | "buku"
            | "lagu"
            | "album"
            | "acara"
            | "kegiatan"
            | "novel"
            | "diskusi"
            | "webinar"
            | "seminar"
            | "festival"
            | "lomba"
            | "operasi"
            | "bertitel"
            | "berlabel"
            | "kata"
            | "kalimat"
            | "frasa"
            | "label"
            | "merek"
            | "akun"
            | "grup"
            | "kolom"
            | "rubrik"
            | "aplikasi"
            | "fitur"
            | "sebutan"
            | "yakni"
            | "yaitu"
            | "sebagai"
    )
}

/// True for a word (any ASCII case) that makes the noun after it a group of people (`para
/// ahli`, `Banyak pakar`).
fn is_plural_quantifier(word: &str) -> bool {
    let b = word.as_bytes();
    if !(4..=10).contains(&b.len())
        || !matches!(b[0] | 0x20, b'p' | b'b' | b's' | b'k' | b'm' | b'r')
    {
        return false;
    }
    let mut buf = [0u8; 10];
    for (d, &c) in buf.iter_mut().zip(b) {
        *d = c.to_ascii_lowercase();
    }
    matches!(
        &buf[..b.len()],
        b"para"
            | b"banyak"
            | b"sejumlah"
            | b"beberapa"
            | b"berbagai"
            | b"sebagian"
            | b"kebanyakan"
            | b"mayoritas"
            | b"segenap"
            | b"seluruh"
            | b"semua"
            | b"kalangan"
            | b"kaum"
            | b"sekelompok"
            | b"puluhan"
            | b"ratusan"
            | b"ribuan"
    )
}

/// Words looked at when searching a sentence's subject (keeps the work per cue bounded).
const MAX_SCAN_WORDS: usize = 40;

/// Lowercase words allowed between a sentence's capitalised subject and the demonstrative
/// closing its noun phrase (`Aturan pembukaan wahana tersebut`).
const MAX_PHRASE_TAIL: usize = 4;

/// Words that open a media attribution (`Dilansir kantor berita Yonhap`).
const SOURCE_OPENERS: &[&str] = &["dilansir", "melansir", "mengutip", "dikutip", "seperti"];
/// Lowercase words skipped between a source opener and the outlet's name.
fn is_source_filler(word: &str) -> bool {
    matches!(
        word,
        "dari"
            | "kantor"
            | "berita"
            | "laman"
            | "situs"
            | "media"
            | "harian"
            | "surat"
            | "kabar"
            | "stasiun"
            | "televisi"
            | "akun"
            | "resmi"
            | "portal"
            | "dilansir"
            | "dikutip"
            | "oleh"
            | "majalah"
            | "agensi"
            | "lembaga"
            | "penyiaran"
            | "jaringan"
            | "the"
    )
}

/// How far back (bytes) a `-nya` cue looks for a one-word subject of a speech verb.
const SHORT_LOOKBACK: usize = 600;

/// Per-document state.
pub(crate) struct Doc<'a> {
    lex: &'a Lexicon,
    text: &'a str,
    paragraphs: &'a [Span],
    entities: &'a [KnownEntity],
    index: OnceCell<NameIndex>,
    /// The last speaker: the index in `out` of the quote that names them.
    last_speaker: Option<usize>,
    /// Where the last speaker's statement ends.
    last_speaker_pos: usize,
    /// The speaker last built from a mention is an organisation or a group of people (`para
    /// ahli`): not a `-nya` antecedent.
    last_org: Cell<bool>,
    /// Name tokens of the speakers attributed so far.
    speaker_tokens: WordSet,
    /// The last search for `bahwa`: from where, up to where, and the first found (see
    /// [`Doc::bahwa_from`]).
    bahwa: (usize, usize, Option<usize>),
    out: Vec<Quote>,
}

/// Bytes of paragraphs scanned (quote marks, cues, sentence starts) before they are walked: the
/// scan's code stays in the instruction cache over many paragraphs instead of being evicted by
/// the speaker resolution of each one, and the batch's text stays in the data cache for the
/// walk.
const BATCH_BYTES: usize = 64 * 1024;

/// What the scan found in a batch of paragraphs, reused from one batch to the next.
#[derive(Default)]
struct Scan {
    cues: Vec<Cue>,
    quotes: Vec<RawQuote>,
    sents: Vec<usize>,
    paras: Vec<Scanned>,
    /// Positions of the bytes that may start a quote mark (`"`, and the lead bytes `0xE2` and
    /// `0xC2` of the other marks) in the batch's stretch of text up to `marks_to`, in order,
    /// when `marks_known`.
    marks: Vec<usize>,
    /// The batch's paragraphs are in text order: `marks` is searched as they are scanned.
    marks_known: bool,
    /// The first entry of `marks` not before the paragraph last asked about.
    mark_cursor: usize,
    /// `marks` covers the text up to here.
    marks_to: usize,
    /// The end of the batch's stretch of text.
    marks_end: usize,
}

/// One scanned paragraph: its bounds and its ranges in the [`Scan`] buffers.
#[derive(Clone)]
struct Scanned {
    start: usize,
    end: usize,
    quotes: std::ops::Range<usize>,
    cues: std::ops::Range<usize>,
    sents: std::ops::Range<usize>,
}

impl Scan {
    fn clear(&mut self) {
        self.cues.clear();
        self.quotes.clear();
        self.sents.clear();
        self.paras.clear();
        self.marks.clear();
        self.marks_known = false;
        self.mark_cursor = 0;
    }

    /// Prepares the search for the bytes that may start a quote mark in the stretch of text of
    /// `batch` (whose paragraphs hold `bytes` bytes): one search over 4 KB stretches instead
    /// of one per paragraph (news paragraphs are short and most hold no mark: a search's
    /// start-up, and its mispredicted exit, were most of the work; a stretch is still in the
    /// data cache when its paragraphs are scanned). Only when the paragraphs are in text order
    /// and the stretch is not much longer than they are (the work stays linear in their bytes).
    fn find_marks(&mut self, batch: &[Span], bytes: usize) {
        let (Some(first), Some(last)) = (batch.first(), batch.last()) else {
            return;
        };
        let in_order = batch.windows(2).all(|w| w[0].end <= w[1].start);
        if in_order && last.end - first.start <= 2 * bytes + 4096 {
            self.marks_known = true;
            self.marks_to = first.start;
            self.marks_end = last.end;
        }
    }

    /// False when `start..end`, the next paragraph of the batch (asked about in order), holds
    /// no byte that may start a quote mark: then it holds no quote.
    fn may_hold_marks(&mut self, text: &str, start: usize, end: usize) -> bool {
        if !self.marks_known {
            return true;
        }
        if end > self.marks_to {
            let from = self.marks_to;
            let to = self.marks_end.min(end.max(from + 4096));
            let hay = &text.as_bytes()[from..to];
            self.marks
                .extend(memchr::memchr3_iter(b'"', 0xE2, 0xC2, hay).map(|i| from + i));
            self.marks_to = to;
        }
        while self.marks.get(self.mark_cursor).is_some_and(|&m| m < start) {
            self.mark_cursor += 1;
        }
        self.marks.get(self.mark_cursor).is_some_and(|&m| m < end)
    }
}

/// What the walk decided for one quote.
struct Attribution {
    kind: QuoteKind,
    cue: Option<usize>,
    speaker: Option<Speaker>,
    confidence: f32,
    rule: &'static str,
}

impl<'a> Doc<'a> {
    pub(crate) fn new(
        lex: &'a Lexicon,
        text: &'a str,
        paragraphs: &'a [Span],
        entities: &'a [KnownEntity],
    ) -> Self {
        Doc {
            lex,
            text,
            paragraphs,
            entities,
            index: OnceCell::new(),
            last_speaker: None,
            last_speaker_pos: 0,
            last_org: Cell::new(false),
            // An article names a handful of speakers: one allocation for most documents.
            speaker_tokens: WordSet::with_capacity(32),
            bahwa: (0, 0, None),
            // News text averages about one statement every 500 bytes (PFSA dev: 512); room for a
            // third more, so that most documents never regrow (and copy) the output.
            out: Vec::with_capacity(
                paragraphs.iter().map(|p| p.end - p.start).sum::<usize>() / 384,
            ),
        }
    }

    fn index(&self) -> &NameIndex {
        self.index
            .get_or_init(|| NameIndex::build(self.lex, self.text, self.paragraphs))
    }

    fn known(&self) -> Known<'_> {
        Known {
            entities: self.entities,
            places: self.index().places(),
        }
    }

    pub(crate) fn run(mut self) -> Vec<Quote> {
        // The speaker of the last direct quote of the previous paragraph (for continuations).
        let mut prev_para_direct: Option<Option<usize>> = None;
        let mut scan = Scan::default();
        let mut cue_used = Vec::new();
        let paragraphs = self.paragraphs;
        let mut next = 0;
        while next < paragraphs.len() {
            scan.clear();
            let first = next;
            let mut bytes = 0;
            while bytes < BATCH_BYTES
                && let Some(p) = paragraphs.get(next)
            {
                bytes += p.end - p.start;
                next += 1;
            }
            let batch = &paragraphs[first..next];
            scan.find_marks(batch, bytes);
            for p in batch {
                self.scan(p.start, p.end, &mut scan);
            }
            for p in &scan.paras {
                prev_para_direct = self.paragraph(p, &scan, prev_para_direct, &mut cue_used);
            }
        }
        self.out
    }

    /// Appends the quotes, the cues and (when there are any) the sentence starts of the
    /// paragraph `start..end` to `scan`.
    fn scan(&self, start: usize, end: usize, scan: &mut Scan) {
        let text = self.text;
        let lex = self.lex;
        let q0 = scan.quotes.len();
        if scan.may_hold_marks(text, start, end) {
            find_quotes(
                text,
                start,
                end,
                |p| lex.cue_starts_at(text, skip_ws(text, p, end), end),
                &mut scan.quotes,
            );
        }
        // Cues inside quote marks are never used (the walk skips them, and the rules only look
        // between and after quotes): only the text around the quotes is scanned.
        let c0 = scan.cues.len();
        let mut from = start;
        for q in &scan.quotes[q0..] {
            self.cues(from, q.start, &mut scan.cues);
            from = q.end;
        }
        self.cues(from, end, &mut scan.cues);
        let s0 = scan.sents.len();
        if scan.quotes.len() > q0 || scan.cues.len() > c0 {
            sentence_starts(text, start, end, &mut scan.sents);
        }
        scan.paras.push(Scanned {
            start,
            end,
            quotes: q0..scan.quotes.len(),
            cues: c0..scan.cues.len(),
            sents: s0..scan.sents.len(),
        });
    }

    /// Appends the cues of `start..end` to `out`.
    fn cues(&self, start: usize, end: usize, out: &mut Vec<Cue>) {
        let text = self.text;
        self.lex.for_each_cue(text, start, end, |s, e, entry| {
            if matches!(entry.class, CueClass::Me | CueClass::Weak)
                && in_title_case(text, Span::new(s, e), start, end)
            {
                return;
            }
            out.push(Cue {
                start: s,
                end: e,
                class: entry.class,
                nya: entry.nya,
            });
        });
    }

    /// Walks one scanned paragraph; returns what the next paragraph needs for continuations.
    fn paragraph(
        &mut self,
        p: &Scanned,
        scan: &Scan,
        prev_para_direct: Option<Option<usize>>,
        cue_used: &mut Vec<bool>,
    ) -> Option<Option<usize>> {
        let text = self.text;
        let (start, end) = (p.start, p.end);
        let quotes = &scan.quotes[p.quotes.clone()];
        let cues = &scan.cues[p.cues.clone()];
        if quotes.is_empty() && cues.is_empty() {
            return None;
        }
        let sents = &scan.sents[p.sents.clone()];
        let para_first = skip_ws(text, start, end);
        cue_used.clear();
        cue_used.resize(cues.len(), false);
        // The last direct quote: `Some(index in out)` of its quote when it has a speaker.
        let mut last_direct: Option<Option<usize>> = None;
        let (mut qi, mut ci) = (0, 0);
        while qi < quotes.len() || ci < cues.len() {
            let take_quote = match (quotes.get(qi), cues.get(ci)) {
                (Some(q), Some(c)) => q.start <= c.start,
                (Some(_), None) => true,
                _ => false,
            };
            if take_quote {
                let q = quotes[qi];
                let prev_end = if qi > 0 { quotes[qi - 1].end } else { start };
                let sent = sentence_of(sents, q.start);
                let clause = sent.max(prev_end);
                let continuation = if q.start == para_first {
                    prev_para_direct
                } else if qi > 0 && sent >= prev_end.min(q.start) && sent == q.start {
                    last_direct
                } else {
                    None
                };
                if let Some(a) = self.direct(q, clause, end, cues, cue_used, continuation) {
                    if let Some(c) = a.cue {
                        cue_used[c] = true;
                    }
                    let cue_span = a.cue.map(|c| Span::new(cues[c].start, cues[c].end));
                    let source = self.source(sent, q.end, end);
                    if a.kind == QuoteKind::Direct {
                        last_direct = Some(a.speaker.is_some().then_some(self.out.len()));
                    }
                    self.emit(Quote {
                        kind: a.kind,
                        content: Span::new(q.start, q.end),
                        cue: cue_span,
                        speaker: a.speaker,
                        source,
                        confidence: if q.closed {
                            a.confidence
                        } else {
                            a.confidence * 0.8
                        },
                        rule: a.rule,
                    });
                }
                qi += 1;
            } else {
                let inside = qi > 0 && quotes[qi - 1].end > cues[ci].start;
                if !inside && !cue_used[ci] {
                    let next_quote = quotes.get(qi).map_or(end, |q| q.start);
                    if self.indirect(cues, ci, sents, start, end, next_quote, &quotes[..qi]) {
                        cue_used[ci] = true;
                    }
                }
                ci += 1;
            }
        }
        last_direct
    }

    /// The last speaker attributed.
    fn last_speaker(&self) -> Option<&Speaker> {
        self.last_speaker
            .and_then(|i| self.out.get(i))
            .and_then(|q| q.speaker.as_ref())
    }

    fn emit(&mut self, mut q: Quote) {
        if let Some(s) = &mut q.speaker {
            self.lex.scope_role(&mut s.role, &mut s.affiliation);
        }
        if let (Some(s), false) = (&q.speaker, self.last_org.get()) {
            if self.last_speaker().is_none_or(|l| l.name != s.name) {
                let known = &mut self.speaker_tokens;
                with_name_tokens(&s.name, |toks| {
                    for &t in toks {
                        known.insert(t.as_bytes());
                    }
                });
            }
            self.last_speaker = Some(self.out.len());
            self.last_speaker_pos = q.content.end.max(q.cue.map_or(0, |c| c.end));
        }
        self.out.push(q);
    }

    /// Decides what a quote between marks is.
    fn direct(
        &self,
        q: RawQuote,
        clause: usize,
        end: usize,
        cues: &[Cue],
        cue_used: &[bool],
        continuation: Option<Option<usize>>,
    ) -> Option<Attribution> {
        let text = self.text;
        let lex = self.lex;
        self.last_org.set(false);
        if q.inner_end <= q.inner_start
            || !text[q.inner_start..q.inner_end]
                .chars()
                .any(char::is_alphanumeric)
        {
            return None;
        }
        // Names and titles in quote marks are not speech: after `bertajuk`, `bukunya`, … or
        // in title case (`“Merah Putih”`, `“Pilkada Sehat dan Covid-19”`).
        let inner = &text[q.inner_start..q.inner_end];
        // Words of the quote, counted up to 8 (the rules below only compare with 2, 4 and 8).
        let words = count_words(inner, 8);
        let ends_like_speech = inner
            .trim_end()
            .chars()
            .next_back()
            .is_some_and(|c| matches!(c, '.' | ',' | '?' | '!' | '…'));
        let b = skip_ws_back(text, q.start, clause);
        let before_mark = skip_ws_back(text, b, clause);
        let before_mark = match char_before(text, before_mark) {
            Some(',' | ':') if before_mark > clause => before_mark - 1,
            _ => before_mark,
        };
        let named = prev_word(text, before_mark, clause).is_some_and(|w| {
            with_lower(w.str(text), |w| {
                is_title_word(w) || w.strip_suffix("nya").is_some_and(is_title_word)
            })
        });
        let titled = named || (words >= 2 && !ends_like_speech && title_case(inner));
        // 1. `“…,” kata X` / `“…,” ujarnya` / `“…,” Presiden menambahkan` / `“…,” menurutnya`
        // (`menurut` only after a quote that ends like speech); not a title after the word
        // naming it (`Riset berjudul “…” menyebutkan, …`).
        if q.closed && (!named || ends_like_speech) {
            let mut p = skip_ws(text, q.end, end);
            if let Some(c @ (',' | '—' | '–' | '-')) = char_at(text, p) {
                p = skip_ws(text, p + c.len_utf8(), end);
            }
            if let Some(ci) = cue_at(cues, p) {
                let c = cues[ci];
                if matches!(
                    c.class,
                    CueClass::Base | CueClass::After | CueClass::Me | CueClass::Weak
                ) || (c.class == CueClass::Menurut && ends_like_speech)
                {
                    let speaker = self.speaker_for(&c, clause, end);
                    let conf = if speaker.is_some() { 0.95 } else { 0.8 };
                    return Some(Attribution {
                        kind: QuoteKind::Direct,
                        cue: Some(ci),
                        speaker,
                        confidence: conf,
                        rule: "direct-cue-after",
                    });
                }
            } else if let Some(w) = word_at(text, p, end) {
                let subj = if lex.has(w.str(text), flag::PRONOUN) {
                    Some(w.end)
                } else if is_capitalised(w.str(text)) {
                    lex.run_forward(text, p, end).last().map(|l| l.end)
                } else {
                    None
                };
                if let Some(mut e) = subj {
                    for _ in 0..2 {
                        match next_word(text, e, end) {
                            Some(a) if lex.is_adverb(a.str(text)) => e = a.end,
                            _ => break,
                        }
                    }
                    let v = skip_ws(text, e, end);
                    if let Some(ci) = cue_at(cues, v) {
                        let c = cues[ci];
                        if matches!(c.class, CueClass::Me | CueClass::Base | CueClass::After)
                            && !c.nya
                        {
                            let speaker = self.speaker_for(
                                &Cue {
                                    class: CueClass::Me,
                                    ..c
                                },
                                p,
                                end,
                            );
                            return Some(Attribution {
                                kind: QuoteKind::Direct,
                                cue: Some(ci),
                                speaker,
                                confidence: 0.9,
                                rule: "direct-cue-after",
                            });
                        }
                    }
                }
            }
        }
        // 2. `X mengatakan, “…”` / `Katanya, “…”` / `X: “…”`.
        let lead = char_before(text, b).filter(|_| b > clause);
        if matches!(lead, Some(',' | ':')) {
            let lo = cues.partition_point(|c| c.start < clause);
            let hi = cues.partition_point(|c| c.end <= b);
            if let Some(ci) = (lo..hi).rev().find(|&i| self.is_speech(&cues[i], b, end)) {
                let speaker = self.speaker_for(&cues[ci], clause, end);
                return Some(Attribution {
                    kind: QuoteKind::Direct,
                    cue: Some(ci),
                    confidence: if speaker.is_some() { 0.9 } else { 0.75 },
                    speaker,
                    rule: "direct-cue-before",
                });
            }
            if lead == Some(':') {
                let words = lex.run_backward(text, b - 1, clause);
                if !words.is_empty() && skip_ws_back(text, words[0].start, clause) == clause {
                    let m = lex.split(text, &words, &self.known());
                    if let Some(speaker) = self.speaker_from_mention(&m) {
                        return Some(Attribution {
                            kind: QuoteKind::Direct,
                            cue: None,
                            speaker: Some(speaker),
                            confidence: 0.8,
                            rule: "direct-colon",
                        });
                    }
                }
            }
        }
        // 3. A fragment inside reported speech: `X menunjukkan bahwa … “kunci utama” …`.
        if b > clause && !titled {
            let lo = cues.partition_point(|c| c.start < clause);
            let hi = cues.partition_point(|c| c.end <= b);
            if let Some(ci) = (lo..hi).rev().find(|&i| {
                !cue_used[i] && self.is_speech(&cues[i], b, end) && cues[i].class != CueClass::After
            }) {
                let c = cues[ci];
                if let Some(speaker) = self.speaker_for(&c, clause, end) {
                    return Some(Attribution {
                        kind: QuoteKind::Mixed,
                        cue: Some(ci),
                        speaker: Some(speaker),
                        confidence: 0.7,
                        rule: "mixed",
                    });
                }
            }
        }
        // 4. A paragraph (or sentence) that only continues the previous speaker's quote.
        if let Some(prev) = continuation
            && words >= 2
        {
            self.last_org.set(false);
            return Some(Attribution {
                kind: QuoteKind::Direct,
                cue: None,
                confidence: if prev.is_some() { 0.75 } else { 0.5 },
                speaker: prev.and_then(|i| self.out[i].speaker.clone()),
                rule: "direct-continuation",
            });
        }
        // 5. A whole utterance with no cue; short fragments are scare quotes, titles are names.
        let starts_upper = inner
            .trim_start()
            .chars()
            .next()
            .is_some_and(char::is_uppercase);
        if !titled
            && starts_upper
            && (words >= 8 || (words >= 4 && (ends_like_speech || !q.closed)))
        {
            return Some(Attribution {
                kind: QuoteKind::Direct,
                cue: None,
                speaker: None,
                confidence: 0.4,
                rule: "direct-uncued",
            });
        }
        None
    }

    /// True when the cue introduces speech (weak verbs need `bahwa`); `limit` bounds the look.
    fn is_speech(&self, c: &Cue, _limit: usize, end: usize) -> bool {
        match c.class {
            CueClass::Weak => next_word(self.text, c.end, end)
                .is_some_and(|w| w.str(self.text).eq_ignore_ascii_case("bahwa")),
            _ => true,
        }
    }

    /// The speaker a cue points to.
    fn speaker_for(&self, c: &Cue, floor: usize, end: usize) -> Option<Speaker> {
        let text = self.text;
        let lex = self.lex;
        self.last_org.set(false);
        if c.nya {
            return self.antecedent(Span::new(c.end - 3, c.end));
        }
        let m = match c.class {
            CueClass::Base | CueClass::After | CueClass::Menurut => {
                lex.mention_after(text, c.end, end, &self.known())?
            }
            CueClass::Me | CueClass::Weak => {
                if prev_word(text, c.start, floor)
                    .is_some_and(|w| w.str(text).eq_ignore_ascii_case("yang"))
                {
                    // `…, yang menyatakan bahwa …`: the subject of the sentence.
                    let mut p = skip_ws(text, floor, c.start);
                    let mut found = None;
                    for _ in 0..MAX_SCAN_WORDS {
                        let Some(w) = word_at(text, p, c.start) else {
                            break;
                        };
                        if is_capitalised(w.str(text)) && !lex.has(w.str(text), flag::STOP) {
                            found = Some(w);
                            break;
                        }
                        p = skip_punct(text, w.end, c.start);
                    }
                    let w = found?;
                    let words = lex.run_forward(text, w.start, c.start);
                    let last = words.last()?;
                    // `Angka ini sejalan dengan …, yang menyebut …`: a noun phrase closed by a
                    // demonstrative names a thing mentioned before, no speaker.
                    if !lex.has(w.str(text), flag::ROLE)
                        && demonstrative_after(lex, text, last.end, c.start).is_some()
                    {
                        return None;
                    }
                    lex.split(text, &words, &self.known())
                } else {
                    lex.mention_before(text, c.start, floor, &self.known())?
                }
            }
        };
        self.speaker_from_mention(&m)
    }

    /// Who a `-nya` cue or a pronoun at `span` refers to: the latest person since the last
    /// attributed statement who opens a sentence or makes reported speech, else the last
    /// speaker. A candidate must look like a person: a speech verb follows it, it came with a
    /// role or an apposition, it spoke before or the caller's entities say `PER`; places, laws and known
    /// non-person entities never are.
    fn antecedent(&self, span: Span) -> Option<Speaker> {
        let known = self.known();
        let person = |e: &NameEntry| {
            if let Some(x) = entity_covering(self.entities, e.start, e.end) {
                return x.entity_type == "PER";
            }
            e.speech
                || e.appositive
                || e.role.is_some()
                || e.tokens
                    .iter()
                    .any(|t| self.speaker_tokens.contains_lower(t.as_bytes()))
        };
        let subject = self.index().last_subject(
            self.lex,
            self.text,
            &known,
            self.last_speaker_pos,
            span.start,
            person,
        );
        if let Some((at, e)) = self.short_speech_subject(span.start)
            && subject.is_none_or(|s| s.start < at)
        {
            return Some(Speaker { span, ..e });
        }
        if let Some(e) = subject {
            return Some(Speaker {
                span,
                name: e.name.clone(),
                role: e.role.clone(),
                affiliation: e.affiliation.clone(),
                entity_id: None,
            });
        }
        let s = self.last_speaker()?.clone();
        Some(Speaker { span, ..s })
    }

    /// The latest one-word subject of a speech verb shortly before `before` and after the last
    /// statement (`Sunday belum …`, `Widyastuti, memaparkan, …`, `di sepanjang jalan Risma
    /// terus mengingatkan`), when it names a person of the document or an earlier speaker, or
    /// a one-word name given with an age (`Ali (19), sopir …`):
    /// its position and the resolved speaker. Looks back at most [`SHORT_LOOKBACK`] bytes.
    fn short_speech_subject(&self, before: usize) -> Option<(usize, Speaker)> {
        let text = self.text;
        let lex = self.lex;
        let mut from = self
            .last_speaker_pos
            .max(before.saturating_sub(SHORT_LOOKBACK));
        while !text.is_char_boundary(from) {
            from += 1;
        }
        let bytes = text.as_bytes();
        // `Ali (19), sopir …`: a word followed by an age is a person.
        let aged = |w: Word| {
            let mut i = w.end + usize::from(bytes.get(w.end) == Some(&b' '));
            if bytes.get(i) != Some(&b'(') {
                return false;
            }
            i += 1;
            let digits = bytes[i..]
                .iter()
                .take(4)
                .take_while(|b| b.is_ascii_digit())
                .count();
            (1..=3).contains(&digits) && bytes.get(i + digits) == Some(&b')')
        };
        let mut best: Option<(Word, bool)> = None;
        // Only words opening with an ASCII capital (names) are looked at, from the last one
        // back: the latest that qualifies is the subject, and the earlier ones need no look.
        let mut next = before.min(bytes.len());
        while let Some(i) = rfind_ascii_upper(bytes, from, next) {
            next = i;
            if i > from && (bytes[i - 1].is_ascii_alphanumeric() || bytes[i - 1] >= 0x80) {
                continue;
            }
            let Some(w) = word_at(text, i, before) else {
                continue;
            };
            // The rare speech verb first, then what rules the word out.
            let mut v = next_word(text, skip_punct(text, w.end, before), before);
            for _ in 0..2 {
                match v {
                    Some(a) if lex.is_adverb(a.str(text)) => {
                        v = next_word(text, a.end, before);
                    }
                    _ => break,
                }
            }
            let is_aged = aged(w);
            if !is_aged
                && !v.is_some_and(|a| {
                    lex.is_speech_verb(a.str(text))
                        && !in_title_case(text, Span::new(a.start, a.end), from, before)
                })
            {
                continue;
            }
            let s = w.str(text);
            if is_acronym(s)
                || lex.has(
                    s,
                    flag::STOP | flag::ROLE | flag::AFF | flag::PRONOUN | flag::NONPERSON,
                )
                || prev_word(text, w.start, from).is_some_and(|x| {
                    is_capitalised(x.str(text)) && skip_ws_back(text, w.start, from) == x.end
                })
            {
                continue;
            }
            best = Some((w, is_aged));
            break;
        }
        let (w, is_aged) = best?;
        let surface = w.str(text);
        let found = self
            .index()
            .resolve_name(lex, text, &self.known(), surface, w.start);
        let known_speaker = with_lower(surface, |l| {
            self.speaker_tokens.contains_lower(l.as_bytes())
        });
        if found.is_none() && !known_speaker && !is_aged {
            return None;
        }
        let span = Span::new(w.start, w.end);
        Some((
            w.start,
            Speaker {
                span,
                name: found.map_or_else(
                    || surface.to_string(),
                    |f| pair_side(&f.name, surface).to_string(),
                ),
                role: found.and_then(|f| f.role.clone()),
                affiliation: found.and_then(|f| f.affiliation.clone()),
                entity_id: None,
            },
        ))
    }

    /// True when the mention names a group of people, not one person: it opens with (or follows)
    /// a plural quantifier and no capitalised name follows (`para ahli`, `Banyak pakar`,
    /// `sejumlah warga`).
    fn is_group(&self, m: &Mention) -> bool {
        let text = self.text;
        // A capitalised word of the name part after the mention's first word: a person.
        if m.pronoun
            || m.name.is_some_and(|(s, e)| {
                text[s..e]
                    .split_whitespace()
                    .skip(usize::from(s == m.start))
                    .any(is_capitalised)
            })
        {
            return false;
        }
        let quantifier = |w: Word| is_plural_quantifier(w.str(text));
        let after = match word_at(text, m.start, m.end) {
            Some(w) if quantifier(w) => w.end,
            _ if prev_word(text, m.start, 0).is_some_and(quantifier) => m.start,
            _ => return false,
        };
        let named = m.name.is_some_and(|(s, e)| {
            text[s.max(after)..e.max(after)]
                .split_whitespace()
                .any(is_capitalised)
        });
        !m.pronoun && !named
    }

    /// Resolves a mention to a speaker: pronouns to the last speaker, short names to the
    /// fullest name of the document, roles to the name introduced with that role.
    fn speaker_from_mention(&self, m: &Mention) -> Option<Speaker> {
        let text = self.text;
        let span = Span::new(m.start, m.end);
        self.last_org.set(m.org || self.is_group(m));
        if self.lex.is_media(&text[m.start..m.end]) {
            return None;
        }
        if m.pronoun {
            return self.antecedent(span);
        }
        if m.org {
            let (s, e) = m.name?;
            // `Tugas menuturkan` after `Mayjen TNI Tugas Wibowo`: one organisation word that
            // is also a person's name introduced earlier.
            if !text[s..e].contains(' ')
                && !is_acronym(&text[s..e])
                && let Some(f) = self
                    .index()
                    .resolve_name(self.lex, text, &self.known(), &text[s..e], s)
                    .filter(|f| f.tokens.len() >= 2 && !f.placey && !f.weak && f.start < s)
            {
                self.last_org.set(false);
                return Some(Speaker {
                    span,
                    name: f.name.clone(),
                    role: f.role.clone(),
                    affiliation: f.affiliation.clone(),
                    entity_id: None,
                });
            }
            let ent = entity_covering(self.entities, s, e);
            return Some(Speaker {
                span,
                name: text[s..e].to_string(),
                role: None,
                affiliation: None,
                entity_id: ent.map(|e| e.id.clone()),
            });
        }
        match m.name {
            Some((s, e)) => {
                let mut unglued;
                let mut m = m;
                let mut s = s;
                if m.role.is_some() || m.affiliation.is_some() {
                    unglued = m.clone();
                    s = self.index().unglue(self.lex, text, &mut unglued, s, e);
                    m = &unglued;
                }
                let surface = &text[s..e];
                // A law, a place or a programme without a role (`Undang-Undang …`, `Taman …`;
                // a short one written in capitals: `UU …`, not the name `Uu`) is no person: it
                // keeps its statement but is no `-nya` antecedent.
                if m.role.is_none()
                    && word_at(text, s, e).is_some_and(|w| {
                        let ws = w.str(text);
                        let f = self.lex.flags(ws);
                        f & flag::NONPERSON != 0
                            && f & flag::ROLE == 0
                            && (ws.len() > 3 || is_acronym(ws))
                    })
                {
                    self.last_org.set(true);
                }
                let ent = entity_covering(self.entities, s, e).filter(|x| x.entity_type == "PER");
                let found =
                    self.index()
                        .resolve_name(self.lex, text, &self.known(), surface, m.start);
                let mut name = found.map_or_else(
                    || surface.to_string(),
                    |f| pair_side(&f.name, surface).to_string(),
                );
                // The gazetteer's fuller form when it expands this name (`Widodo` → `Joko
                // Widodo`); a different name (`Jokowi`) stays as written, linked by the id.
                if let Some(x) = ent {
                    let expands = with_name_tokens(&name, |toks| {
                        x.canonical.split_whitespace().count() > toks.len()
                            && with_name_tokens(&x.canonical, |canonical| {
                                toks.iter().all(|t| canonical.contains(t))
                            })
                    });
                    if expands {
                        name = x.canonical.clone();
                    }
                }
                Some(Speaker {
                    span,
                    name,
                    role: m
                        .role
                        .clone()
                        .or_else(|| found.and_then(|f| f.role.clone())),
                    // The affiliation of an earlier mention, unless this one has its own role
                    // phrase that the earlier one does not share.
                    affiliation: m.affiliation.clone().or_else(|| {
                        found
                            .filter(|f| m.role.is_none() || f.role_key == m.role_key)
                            .and_then(|f| f.affiliation.clone())
                    }),
                    entity_id: ent.map(|x| x.id.clone()),
                })
            }
            None => {
                let key = m.role_key.as_deref()?;
                let found = self
                    .index()
                    .resolve_role(self.lex, text, &self.known(), key, m.start);
                // `Mantan Gubernur DKI Jakarta itu`: an office that names nobody of the
                // document, closed by a demonstrative, refers back to a person as a pronoun does;
                // so does a lowercase one (`dokter di Puskesmas X ini`), an epithet, even when
                // someone of the document holds it.
                let lowercase = text[m.start..].starts_with(|c: char| c.is_lowercase());
                if (found.is_none() || lowercase)
                    && closed_by_demonstrative(text, m.end)
                    && let Some(s) = self.antecedent(span)
                {
                    return Some(s);
                }
                Some(Speaker {
                    span,
                    name: found
                        .map_or_else(|| text[m.start..m.end].to_string(), |f| f.name.clone()),
                    role: m.role.clone(),
                    affiliation: m
                        .affiliation
                        .clone()
                        .or_else(|| found.and_then(|f| f.affiliation.clone())),
                    entity_id: None,
                })
            }
        }
    }

    /// An unmarked (indirect) quote around cue `ci`; true when one was emitted.
    #[allow(clippy::too_many_arguments)]
    fn indirect(
        &mut self,
        cues: &[Cue],
        ci: usize,
        sents: &[usize],
        pstart: usize,
        end: usize,
        next_quote: usize,
        prev_quotes: &[RawQuote],
    ) -> bool {
        let text = self.text;
        let c = cues[ci];
        let sent = sentence_of(sents, c.start);
        let floor = sent.max(prev_quotes.last().map_or(pstart, |q| q.end));
        let sent_end = sents
            .get(sents.partition_point(|&s| s <= c.start))
            .copied()
            .unwrap_or(end);
        // The mention after `menurut`, kept for the speaker (the same one `speaker_for` finds).
        let mut after_menurut: Option<Mention> = None;
        let (content, rule, conf) = match c.class {
            CueClass::Menurut => {
                let after = if c.nya {
                    skip_ws(text, c.end, end)
                } else {
                    let Some(m) = self.lex.mention_after(text, c.end, end, &self.known()) else {
                        return false;
                    };
                    // `Menurut Budi (52), …`: the age belongs to the mention.
                    let after = skip_ws(text, m.end, end);
                    let after = skip_ws(text, skip_age(text, after, end), end);
                    after_menurut = Some(m);
                    after
                };
                if char_at(text, after) == Some(',') && !is_sentence_final(text, after, sent_end) {
                    (
                        Span::new(skip_ws(text, after + 1, end), sent_end),
                        "indirect-menurut",
                        0.8,
                    )
                } else {
                    let b = skip_ws_back(text, c.start, floor);
                    if char_before(text, b) != Some(',') || b <= floor + 1 {
                        return false;
                    }
                    (Span::new(floor, b - 1), "indirect-menurut", 0.75)
                }
            }
            CueClass::Me | CueClass::Weak => {
                let mut p = skip_ws(text, c.end, end);
                if matches!(char_at(text, p), Some(',' | ':')) {
                    p = skip_ws(text, p + 1, end);
                }
                let mut saw_bahwa = false;
                let mut look = p;
                // Most sentences have no `bahwa` after the verb: then the word walk finds none.
                let walk = match self.bahwa_from(p.min(sent_end), end) {
                    Some(b) if b + 5 <= sent_end => 8,
                    _ => 0,
                };
                for _ in 0..walk {
                    match next_word(text, look, sent_end) {
                        Some(w) if w.str(text).eq_ignore_ascii_case("bahwa") => {
                            p = skip_ws(text, w.end, end);
                            if char_at(text, p) == Some(',') {
                                p = skip_ws(text, p + 1, end);
                            }
                            saw_bahwa = true;
                            break;
                        }
                        Some(w) => look = skip_punct(text, w.end, sent_end),
                        None => break,
                    }
                }
                if c.class == CueClass::Weak && !saw_bahwa {
                    return false;
                }
                (Span::new(p, sent_end), "indirect-verb", 0.75)
            }
            CueClass::Base if !c.nya => {
                let b = skip_ws_back(text, c.start, floor);
                if char_before(text, b) != Some(',') || b <= floor + 1 {
                    return false;
                }
                let before = skip_ws_back(text, b - 1, floor);
                if matches!(char_before(text, before), Some('”' | '"' | '“')) {
                    return false;
                }
                (Span::new(floor, b - 1), "indirect-cue-after", 0.7)
            }
            _ => return false,
        };
        let cs = skip_ws(text, content.start, end);
        let ce = trim_end(text, content.end.min(end), cs);
        let ce = self.before_next_attribution(&cues[ci + 1..], cs, ce);
        // `Menurut Budi, menurut Ani, …`: the words are the next speaker's.
        if c.class == CueClass::Menurut
            && cues
                .get(ci + 1)
                .is_some_and(|n| n.class == CueClass::Menurut && n.start == cs)
        {
            return false;
        }
        if ce <= cs || (cs <= next_quote && next_quote < ce) {
            return false;
        }
        if matches!(char_at(text, cs), Some('“' | '"' | '”' | '„')) {
            return false;
        }
        if count_words(&text[cs..ce], 3) < 3 {
            return false;
        }
        let speaker = match after_menurut {
            Some(m) => {
                self.last_org.set(false);
                self.speaker_from_mention(&m)
            }
            None => self.speaker_for(&c, floor, end),
        };
        let Some(speaker) = speaker else {
            return false;
        };
        let source = self.source(sent, c.end, end);
        self.emit(Quote {
            kind: QuoteKind::Indirect,
            content: Span::new(cs, ce),
            cue: Some(Span::new(c.start, c.end)),
            speaker: Some(speaker),
            source,
            confidence: conf,
            rule,
        });
        true
    }

    /// The end of an unmarked quote's content `cs..ce`: before a later `menurut` that a
    /// conjunction opens as a clause of its own (`harga naik, sedangkan menurut Ani, …`), which
    /// is the next speaker's. Only the next few cues are looked at, so that a sentence of
    /// thousands of cues stays linear; a cut that leaves fewer than three words is not made.
    fn before_next_attribution(&self, later: &[Cue], cs: usize, ce: usize) -> usize {
        let text = self.text;
        for c in later.iter().take(4).take_while(|c| c.start < ce) {
            if c.class != CueClass::Menurut || c.nya || c.start <= cs {
                continue;
            }
            let Some(w) = prev_word(text, c.start, cs) else {
                continue;
            };
            if !self.lex.is_lower_word(w.str(text), flag::CONJUNCTION) {
                continue;
            }
            let mut cut = skip_ws_back(text, w.start, cs);
            if char_before(text, cut) == Some(',') {
                cut = skip_ws_back(text, cut - 1, cs);
            }
            if count_words(&text[cs..cut], 3) >= 3 {
                return cut;
            }
        }
        ce
    }

    /// The first `bahwa` (any ASCII case, as a word or inside one) at or after `from` and
    /// wholly before `limit`. The cues of a paragraph ask in text order with the paragraph's
    /// end as `limit`: the last answer is reused while it lies ahead, so the paragraph is
    /// searched once in all, however many cues one sentence holds (a search to the sentence's
    /// end for each cue was quadratic in a long sentence of cues).
    fn bahwa_from(&mut self, from: usize, limit: usize) -> Option<usize> {
        let (f, l, found) = self.bahwa;
        if l == limit && f <= from && found.is_none_or(|b| b >= from) {
            return found;
        }
        let found = find_bahwa(&self.text.as_bytes()[from..limit]).map(|i| from + i);
        self.bahwa = (from, limit, found);
        found
    }

    /// A media attribution in the sentence: `Dilansir kantor berita Yonhap, …`, or after
    /// `from`: `kepada wartawan`, `kepada Kompas.com`, `seperti dikutip dari …`.
    fn source(&self, sent: usize, from: usize, end: usize) -> Option<String> {
        let text = self.text;
        // The openers start with `d`, `m` or `s` (any ASCII case; no other char lowercases to
        // these): most sentences are out at their first byte.
        let first = text
            .as_bytes()
            .get(skip_ws(text, sent, end))
            .map(|b| b | 0x20);
        if matches!(first, Some(b'd' | b'm' | b's'))
            && let Some(w) = next_word(text, sent, end)
            && lower_in(w.str(text), SOURCE_OPENERS)
            && let Some(s) = self.outlet_after(w.end, end)
        {
            return Some(s);
        }
        // Right after the speaker: `kepada wartawan`, `kepada Kompas.com`, `seperti dikutip …`.
        let mut p = from;
        for _ in 0..4 {
            let Some(w) = next_word(text, skip_punct(text, p, end), end) else {
                break;
            };
            let lw = w.str(text);
            // The words looked for open with `k`, `d` or `m` (any case; no other char
            // lowercases to these): most words are out at their first byte.
            let first = lw.as_bytes()[0] | 0x20;
            if first == b'k' && lw.eq_ignore_ascii_case("kepada") {
                let n = next_word(text, w.end, end)?;
                let ns = n.str(text);
                if matches!(
                    norm(ns).as_str(),
                    "wartawan" | "media" | "jurnalis" | "pers"
                ) {
                    return Some(ns.to_string());
                }
                let outlet = self.outlet_after(w.end, end)?;
                let known = outlet.contains('.') || self.lex.media.contains(&norm(&outlet));
                return known.then_some(outlet);
            }
            // Seven or eight bytes when ASCII (a non-ASCII word is lowercased char by char).
            if matches!(first, b'd' | b'm')
                && (matches!(lw.len(), 7 | 8) || !lw.is_ascii())
                && lower_in(lw, &["dilansir", "dikutip", "melansir", "mengutip"])
            {
                return self.outlet_after(w.end, end);
            }
            if matches!(
                char_at(text, skip_ws(text, w.end, end)),
                Some('.' | '“' | '”' | '"')
            ) {
                break;
            }
            p = w.end;
        }
        None
    }

    fn outlet_after(&self, pos: usize, end: usize) -> Option<String> {
        let text = self.text;
        let mut p = pos;
        for _ in 0..6 {
            let w = next_word(text, p, end)?;
            let s = w.str(text);
            if is_capitalised(s) || s.contains('.') {
                let mut last = w;
                let mut q = w.end;
                for _ in 0..5 {
                    let Some(n) = next_word(text, q, end) else {
                        break;
                    };
                    if !is_capitalised(n.str(text)) {
                        break;
                    }
                    last = n;
                    q = n.end;
                }
                return Some(text[w.start..last.end].to_string());
            }
            if !with_lower(s, is_source_filler) {
                return None;
            }
            p = w.end;
        }
        None
    }
}

/// True when most words start with a capital (`Peluncuran Katalog UMKM dan Pelatihan`).
fn title_case(s: &str) -> bool {
    let (mut caps, mut all) = (0, 0);
    for w in s.split_whitespace() {
        let Some(c) = w.chars().find(|c| c.is_alphanumeric()) else {
            continue;
        };
        all += 1;
        if c.is_uppercase() || c.is_numeric() {
            caps += 1;
        }
    }
    all > 0 && caps * 3 >= all * 2
}

/// The cue starting exactly at `pos`.
fn cue_at(cues: &[Cue], pos: usize) -> Option<usize> {
    let i = cues.partition_point(|c| c.start < pos);
    cues.get(i).filter(|c| c.start == pos).map(|_| i)
}

/// Start of the sentence holding `pos`.
fn sentence_of(sents: &[usize], pos: usize) -> usize {
    let i = sents.partition_point(|&s| s <= pos);
    sents[i.saturating_sub(1)]
}

/// True when `word` lowercased (as [`with_lower`] gives it) is one of `list` (lowercase
/// ASCII words); an ASCII word is compared in place.
fn lower_in(word: &str, list: &[&str]) -> bool {
    if word.is_ascii() {
        list.iter().any(|x| x.eq_ignore_ascii_case(word))
    } else {
        with_lower(word, |l| list.contains(&l))
    }
}

/// Where `bytes` first hold `bahwa` in any ASCII case (as a word or inside one).
fn find_bahwa(bytes: &[u8]) -> Option<usize> {
    memchr::memchr2_iter(b'b', b'B', bytes).find(|&i| {
        bytes
            .get(i..i + 5)
            .is_some_and(|w| w.eq_ignore_ascii_case(b"bahwa"))
    })
}

/// Skips spaces and punctuation other than sentence terminators and quote marks.
fn skip_punct(text: &str, pos: usize, limit: usize) -> usize {
    // Most calls stand on a word or on the one space before it.
    let bytes = text.as_bytes();
    let word = |p: usize| p < limit && bytes.get(p).is_some_and(u8::is_ascii_alphanumeric);
    if word(pos) {
        return pos;
    }
    if bytes.get(pos) == Some(&b' ') && word(pos + 1) {
        return pos + 1;
    }
    skip_punct_slow(text, pos, limit)
}

/// [`skip_punct`] char by char.
fn skip_punct_slow(text: &str, mut pos: usize, limit: usize) -> usize {
    while pos < limit {
        match char_at(text, pos) {
            Some(c) if c.is_whitespace() || matches!(c, ',' | '(' | ')' | ';' | '-' | '—') => {
                pos += c.len_utf8()
            }
            _ => break,
        }
    }
    pos
}

/// The lowercase demonstrative (`ini`, `itu`, `tersebut`; demonstratives.txt) closing the
/// noun phrase whose capitalised words end at `pos` (`Angka ini`, `Konsentrasi massa itu`),
/// through at most [`MAX_PHRASE_TAIL`] lowercase words without punctuation or a `me-`/`ber-`
/// verb, before `limit`.
fn demonstrative_after(lex: &Lexicon, text: &str, pos: usize, limit: usize) -> Option<Word> {
    let mut p = pos;
    for _ in 0..=MAX_PHRASE_TAIL {
        let q = skip_ws(text, p, limit);
        if q == p {
            return None;
        }
        let w = word_at(text, q, limit)?;
        let s = w.str(text);
        if s.bytes().any(|b| b.is_ascii_uppercase()) {
            return None;
        }
        if lex.has(s, flag::DEMONSTRATIVE) {
            return Some(w);
        }
        // A verb ends the noun phrase (`Budi menolak keputusan itu`).
        if lex.is_speech_verb(s) || (s.len() > 4 && (s.starts_with("me") || s.starts_with("ber"))) {
            return None;
        }
        p = w.end;
    }
    None
}

/// True when only a terminator and spaces lie between `pos` and `sent_end`.
fn is_sentence_final(text: &str, pos: usize, sent_end: usize) -> bool {
    // Only a terminator may follow: look at the next few chars, not the whole sentence.
    text[pos..sent_end]
        .chars()
        .take(4)
        .all(|c| !c.is_alphanumeric())
        && text[pos..sent_end].chars().nth(4).is_none()
}

/// `end` moved back over spaces.
fn trim_end(text: &str, end: usize, floor: usize) -> usize {
    skip_ws_back(text, end, floor)
}

/// True when the word at `w` is capitalised between two capitalised words: a verb there belongs
/// to a title or a name (`Undang-Undang Kemerdekaan Menyampaikan Pendapat`), not to speech.
/// The neighbours are looked for within `start..end`.
fn in_title_case(text: &str, w: Span, start: usize, end: usize) -> bool {
    let titled = |w: Option<Word>| w.is_some_and(|w| is_capitalised(w.str(text)));
    is_capitalised(&text[w.start..w.end])
        && titled(prev_word(text, w.start, start))
        && titled(next_word(text, w.end, end))
}

/// True when the clause after `pos` ends, within a few words, in a demonstrative (`itu`, `ini`,
/// `tersebut`): `… Gubernur DKI Jakarta| itu`, `… dokter| di Puskesmas X ini`.
fn closed_by_demonstrative(text: &str, pos: usize) -> bool {
    let mut p = pos;
    for _ in 0..8 {
        let Some(w) = word_at(text, skip_ws(text, p, text.len()), text.len()) else {
            return false;
        };
        if matches!(w.str(text), "itu" | "ini" | "tersebut") {
            return true;
        }
        p = w.end;
    }
    false
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;

    proptest! {
        #[test]
        fn bahwa_search_matches_the_lowercase_text(
            parts in proptest::collection::vec(
                prop_oneof![
                    Just("bahwa"), Just("BAHWA"), Just("Bahwa"), Just("bahw"), Just("b"),
                    Just("a"), Just(" "), Just("é"), Just("“"), Just("ahwa"),
                ],
                0..12,
            ),
        ) {
            let text: String = parts.concat();
            prop_assert_eq!(
                find_bahwa(text.as_bytes()),
                text.to_ascii_lowercase().find("bahwa")
            );
        }

        #[test]
        fn reused_bahwa_search_matches_a_fresh_one(
            parts in proptest::collection::vec(
                prop_oneof![Just("bahwa"), Just("Bahwa"), Just("bahw"), Just("b"), Just(" ")],
                0..12,
            ),
            steps in proptest::collection::vec(0usize..8, 0..8),
            cut in 0usize..4,
        ) {
            let text: String = parts.concat();
            let lex = Lexicon::build(&crate::lexicon::Lists::builtin());
            let mut doc = Doc::new(&lex, &text, &[], &[]);
            // Two paragraphs' ends, asked about in order as the walk does.
            for limit in [text.len().saturating_sub(cut), text.len()] {
                let mut from = 0;
                for step in &steps {
                    from = (from + step).min(limit);
                    let want = find_bahwa(&text.as_bytes()[from..limit]).map(|i| from + i);
                    prop_assert_eq!(doc.bahwa_from(from, limit), want);
                }
            }
        }

        #[test]
        fn punct_skip_matches_the_char_loop(
            parts in proptest::collection::vec(
                prop_oneof![
                    Just("kata"), Just("Budi"), Just("9"), Just(" "), Just(","), Just("("),
                    Just(")"), Just(";"), Just("-"), Just("—"), Just("."), Just("“"), Just("é"),
                    Just("\u{a0}"), Just("\t"), Just("\n"), Just("🙂"),
                ],
                0..20,
            ),
            cut in 0usize..80,
        ) {
            let text: String = parts.concat();
            let mut limit = cut.min(text.len());
            while !text.is_char_boundary(limit) {
                limit -= 1;
            }
            for (pos, _) in text.char_indices().filter(|&(p, _)| p <= limit) {
                prop_assert_eq!(skip_punct(&text, pos, limit), skip_punct_slow(&text, pos, limit));
            }
        }
    }
}
