//! Sentence boundaries over the token stream.

use crate::chars::char_at;
use crate::lexicon::AbbrevClass;
use crate::scan::ScanToken;
use crate::{Span, TokenKind, Tokenizer};

/// Number of line breaks in the gap `text[a..b]` (CRLF counts once), capped at 2.
#[inline]
fn line_breaks(text: &str, a: usize, b: usize) -> u8 {
    let bytes = &text.as_bytes()[a..b];
    let mut n = 0u8;
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'\n' => n += 1,
            b'\r' => {
                n += 1;
                if i + 1 < bytes.len() && bytes[i + 1] == b'\n' {
                    i += 1;
                }
            }
            0xe2 if bytes[i..].starts_with("\u{2028}".as_bytes())
                || bytes[i..].starts_with("\u{2029}".as_bytes()) =>
            {
                n += 2;
            }
            _ => {}
        }
        if n >= 2 {
            return 2;
        }
        i += 1;
    }
    n
}

/// A token made only of `.`, `!`, `?`, `…`.
#[inline]
fn is_terminal(t: &str) -> bool {
    !t.is_empty() && t.chars().all(|c| matches!(c, '.' | '!' | '?' | '…'))
}

/// A single `.`, or a run of `?` and `!` (not an ellipsis, after which the text may go on in
/// lower case).
#[inline]
fn is_plain_end(t: &str) -> bool {
    t == "." || t.chars().all(|c| matches!(c, '?' | '!'))
}

/// Quote marks and brackets that can close a sentence after its final punctuation.
#[inline]
fn is_closer(t: &str) -> bool {
    matches!(
        t,
        "\"" | "'" | "”" | "’" | ")" | "]" | "»" | "›" | "''" | "\"\"" | "”\""
    ) || t
        .chars()
        .all(|c| matches!(c, '"' | '\'' | '”' | '’' | ')' | ']' | '»'))
}

/// Quote marks, brackets and dashes that may open a sentence before its first word.
#[inline]
fn is_opener(t: &str) -> bool {
    t.chars().all(|c| {
        matches!(
            c,
            '"' | '\'' | '“' | '‘' | '(' | '[' | '«' | '‹' | '–' | '—' | '-' | '`' | '„'
        )
    })
}

/// True when token `k` is a one-letter Roman numeral (`I`, `V`, `X`, with or without its
/// period) after a lower-case word, as in `kuartal I.`: a number, not a name's initial.
#[inline]
fn is_roman_after_lower<T: ScanToken>(text: &str, tokens: &[T], k: usize) -> bool {
    if tokens[k].span().len() > 2 {
        return false;
    }
    let t = tokens[k].span().slice(text);
    matches!(t.strip_suffix('.').unwrap_or(t), "I" | "V" | "X")
        && k > 0
        && tokens[k - 1].kind() == TokenKind::Word
        && char_at(text, tokens[k - 1].span().start).is_lowercase()
}

/// True when the period at token `i` sits in a short parenthesis, opened at most two tokens
/// before it and closed at most two tokens after (`(Bl.)`, `(SSK. II)`): an abbreviation.
#[inline]
fn in_short_parens<T: ScanToken>(text: &str, tokens: &[T], i: usize) -> bool {
    let is = |k: usize, p: &str| {
        tokens[k].kind() == TokenKind::Punct && tokens[k].span().slice(text) == p
    };
    let opened = (1..=2).any(|d| i >= d && is(i - d, "(")) && !(i >= 2 && is(i - 1, ")"));
    opened && (1..=2).any(|d| i + d < tokens.len() && is(i + d, ")"))
}

/// The longest quotation, in tokens, that is kept in one sentence; a longer one is more likely
/// a pair of stray quote marks.
const MAX_QUOTATION: usize = 120;

/// Tokens of look-ahead the sentence pass may need past the end it decides: [`Sentences`]
/// decides the ends before a line break only once this many tokens after it are known.
pub(crate) const LOOK_AHEAD: usize = 8;

/// What the scanner marks for the sentence pass, as token indices in text order.
#[derive(Default)]
pub(crate) struct Marks {
    /// Tokens after which a sentence may end: tokens ending in `.`, `!`, `?` or a non-ASCII
    /// character (`…`, `”`), and tokens followed by a line break.
    pub(crate) ends: Vec<usize>,
    /// The double quote marks (`"`, `“`, `”`), for the quotation spans.
    pub(crate) quotes: Vec<usize>,
    /// For each line break (`\n`, `\r`, U+2028, U+2029), the number of tokens before it; once
    /// per run of line breaks with no token between.
    pub(crate) breaks: Vec<usize>,
}

impl Marks {
    /// True when a line break lies between tokens `a` and `b` (`a < b`).
    #[inline]
    fn break_between(&self, a: usize, b: usize) -> bool {
        let k = self.breaks.partition_point(|&n| n <= a);
        self.breaks.get(k).is_some_and(|&n| n <= b)
    }
}

/// The state of the sentence pass, which runs over the tokens as the scanner produces them
/// (while they are still in the cache): the ends before a line break are decided once a few
/// tokens after it are known, because nothing the decision looks at crosses a line break (a
/// closing mark is glued to the end, a quotation stays within a line) beyond a bounded
/// look-ahead.
#[derive(Default)]
pub(crate) struct Sentences {
    out: Vec<Span>,
    /// The quotations found so far as (opening mark, closing mark) token indices, sorted and
    /// disjoint.
    quoted: Vec<(usize, usize)>,
    /// The opening mark of the quotation being read, if any.
    open: Option<usize>,
    /// How many of the quote marks and of the possible ends were looked at.
    quotes_done: usize,
    ends_done: usize,
    /// The first quotation that may contain the next end.
    q: usize,
    /// The first token of the current sentence.
    first: usize,
    /// Tokens before `seen` were already decided (absorbed closing marks), so a run of marks
    /// is looked at once.
    seen: usize,
}

impl Sentences {
    /// A pass expecting about `ends` possible sentence ends.
    pub(crate) fn with_capacity(ends: usize) -> Self {
        Sentences {
            out: Vec::with_capacity(ends + 1),
            ..Sentences::default()
        }
    }

    /// Starts the pass over another range, keeping the sentences found so far.
    pub(crate) fn restart(&mut self) {
        self.quoted.clear();
        self.open = None;
        self.quotes_done = 0;
        self.ends_done = 0;
        self.q = 0;
        self.first = 0;
        self.seen = 0;
    }

    /// The sentences found so far.
    pub(crate) fn into_spans(self) -> Vec<Span> {
        self.out
    }

    /// Adds the quotations closed by the quote marks before token `upto`: a straight `"` opens
    /// when it is glued to the next token only and closes when glued to the previous one only,
    /// else it toggles. A quotation crossing a line break, or longer than [`MAX_QUOTATION`]
    /// tokens, is left out (a paragraph of a multi-paragraph quotation does not close it).
    fn quotations<T: ScanToken>(&mut self, text: &str, tokens: &[T], marks: &Marks, upto: usize) {
        while let Some(&k) = marks.quotes.get(self.quotes_done)
            && k < upto
        {
            self.quotes_done += 1;
            let t = tokens[k].span();
            let opens = match text.as_bytes()[t.start] {
                b'"' => {
                    let glued_prev = k > 0 && tokens[k - 1].span().end == t.start;
                    let glued_next = k + 1 < tokens.len() && tokens[k + 1].span().start == t.end;
                    match (glued_prev, glued_next) {
                        (false, true) => true,
                        (true, false) => false,
                        _ => self.open.is_none(),
                    }
                }
                _ => t.slice(text) == "“",
            };
            if opens {
                self.open = Some(k);
            } else if let Some(o) = self.open.take()
                && k - o <= MAX_QUOTATION
                && !marks.break_between(o, k)
            {
                self.quoted.push((o, k));
            }
        }
    }
}

#[derive(PartialEq, Eq)]
enum Start {
    /// A lower-case word.
    Lower,
    /// A comma, semicolon, colon or closing bracket: the sentence goes on.
    Continuation,
    /// Anything else (a capitalised word, a number, a symbol).
    Other,
}

impl Tokenizer {
    /// How the text continues at token `k`, after any opening quote marks and brackets.
    fn start_at<T: ScanToken>(&self, text: &str, tokens: &[T], mut k: usize) -> Start {
        let stop = (k + 4).min(tokens.len());
        let mut opened = false;
        while k < stop {
            let t = tokens[k].span().slice(text);
            if tokens[k].kind() == TokenKind::Punct {
                if is_opener(t) {
                    opened = t == "(" || t == "[";
                    k += 1;
                    continue;
                }
                // an empty `()` says nothing about the next word
                if opened && matches!(t, ")" | "]") {
                    opened = false;
                    k += 1;
                    continue;
                }
                if matches!(t, "," | ";" | ":" | ")" | "]" | "}") {
                    return Start::Continuation;
                }
            }
            let c = char_at(text, tokens[k].span().start);
            return if c.is_lowercase() {
                Start::Lower
            } else {
                Start::Other
            };
        }
        Start::Other
    }

    /// The class of `stem` as an abbreviation before a period: dotted forms (`S.H`) may end a
    /// sentence, initials (`R`) never do, else the lists decide.
    fn stem_class(&self, stem: &str) -> Option<AbbrevClass> {
        if stem.bytes().any(|c| c == b'.') {
            return Some(AbbrevClass::Final);
        }
        let mut cs = stem.chars();
        if let (Some(c), None) = (cs.next(), cs.next())
            && c.is_uppercase()
        {
            return Some(AbbrevClass::Title);
        }
        self.abbrev_class(stem)
    }

    /// When token `i` is an abbreviation's period (a token ending in `.` or a `.` glued to an
    /// abbreviation), its class.
    fn period_class<T: ScanToken>(
        &self,
        text: &str,
        tokens: &[T],
        i: usize,
    ) -> Option<AbbrevClass> {
        let tok = &tokens[i];
        if text.as_bytes()[tok.span().end - 1] != b'.' {
            return None;
        }
        let t = tok.span().slice(text);
        if tok.kind() == TokenKind::Word && t.len() > 1 && t.ends_with('.') {
            if is_roman_after_lower(text, tokens, i) {
                return Some(AbbrevClass::Final);
            }
            return Some(
                self.stem_class(&t[..t.len() - 1])
                    .unwrap_or(AbbrevClass::Final),
            );
        }
        if tok.span().len() == 1 && i > 0 {
            let prev = &tokens[i - 1];
            if prev.kind() == TokenKind::Word && prev.span().end == tok.span().start {
                if is_roman_after_lower(text, tokens, i - 1) {
                    return Some(AbbrevClass::Final);
                }
                return self.stem_class(prev.span().slice(text));
            }
        }
        None
    }

    /// True when token `k` is an abbreviation (`Ltd` followed by its period).
    fn is_abbrev_at<T: ScanToken>(&self, text: &str, tokens: &[T], k: usize) -> bool {
        k + 1 < tokens.len() && self.period_class(text, tokens, k + 1).is_some()
            || self.period_class(text, tokens, k).is_some()
    }

    /// Decides the possible sentence ends before token `upto`. `marks` lists (sorted) the only
    /// tokens after which a sentence may end, the double quote marks and the line breaks, so
    /// the pass costs O(ends + quotes) plus bounded look-ahead. `tokens` are all the tokens known so
    /// far: either all the tokens of the text, or `upto` is the first token after a line break
    /// and at least [`LOOK_AHEAD`] tokens follow it.
    pub(crate) fn sentences_until<T: ScanToken>(
        &self,
        st: &mut Sentences,
        text: &str,
        tokens: &[T],
        marks: &Marks,
        upto: usize,
    ) {
        st.quotations(text, tokens, marks, upto);
        let n = tokens.len();
        while let Some(&i) = marks.ends.get(st.ends_done)
            && i < upto
        {
            st.ends_done += 1;
            if i < st.seen || i + 1 >= n {
                continue;
            }
            let mut last = i;
            let cur = tokens[i].span();
            let next = tokens[i + 1].span().start;
            let lb = line_breaks(text, cur.end, next);
            let brk = if let Some(class) = self.period_class(text, tokens, i) {
                lb > 0
                    || (class == AbbrevClass::Final
                        && char_at(text, next).is_uppercase()
                        && !self.is_abbrev_at(text, tokens, i + 1)
                        && !in_short_parens(text, tokens, i))
            } else if tokens[i].kind() == TokenKind::Punct && is_terminal(cur.slice(text)) {
                let short_parens =
                    lb == 0 && cur.slice(text) == "." && in_short_parens(text, tokens, i);
                while last + 1 < n
                    && tokens[last + 1].span().start == tokens[last].span().end
                    && tokens[last + 1].kind() == TokenKind::Punct
                    && (is_closer(tokens[last + 1].span().slice(text))
                        || is_terminal(tokens[last + 1].span().slice(text)))
                {
                    last += 1;
                }
                last + 1 == n
                    || line_breaks(text, tokens[last].span().end, tokens[last + 1].span().start) > 0
                    || !short_parens
                        && match self.start_at(text, tokens, last + 1) {
                            Start::Other => true,
                            // a plain `.`, `?` or `!` after a word or number, then a space: a
                            // sentence whose next word lost its capital (`... tahun 1879. atau`)
                            Start::Lower => {
                                last == i
                                    && is_plain_end(cur.slice(text))
                                    && i > 0
                                    && matches!(
                                        tokens[i - 1].kind(),
                                        TokenKind::Word | TokenKind::Number
                                    )
                                    && tokens[i - 1].span().end == cur.start
                                    && next > cur.end
                            }
                            Start::Continuation => false,
                        }
            } else {
                lb >= 2 || (lb > 0 && self.start_at(text, tokens, i + 1) == Start::Other)
            };
            st.seen = last + 1;
            while st.q < st.quoted.len() && st.quoted[st.q].1 <= last {
                st.q += 1;
            }
            // a quotation is one sentence with what frames it (`“Kami siap. Kami datang,”
            // katanya.`)
            let brk = brk && !(st.q < st.quoted.len() && st.quoted[st.q].0 < i);
            if brk && last + 1 < n {
                st.out.push(Span::new(
                    tokens[st.first].span().start,
                    tokens[last].span().end,
                ));
                st.first = last + 1;
            }
        }
    }

    /// Finishes the sentences of a range, once `tokens` are all its tokens: the spans are
    /// appended to the sentences found so far.
    pub(crate) fn finish_sentences<T: ScanToken>(
        &self,
        st: &mut Sentences,
        text: &str,
        tokens: &[T],
        marks: &Marks,
    ) {
        self.sentences_until(st, text, tokens, marks, usize::MAX);
        if let Some(last) = tokens.last() {
            st.out
                .push(Span::new(tokens[st.first].span().start, last.span().end));
        }
    }
}
