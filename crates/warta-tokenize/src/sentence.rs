//! Sentence boundaries over the token stream.

use crate::chars::char_at;
use crate::lexicon::AbbrevClass;
use crate::{Span, Token, TokenKind, Tokenizer};

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

#[derive(PartialEq, Eq)]
enum Start {
    Lower,
    Other,
}

impl Tokenizer {
    /// How the text continues at token `k`: lower case (a continuation) or anything else.
    fn start_at(&self, text: &str, tokens: &[Token], mut k: usize) -> Start {
        let stop = (k + 4).min(tokens.len());
        while k < stop {
            let t = tokens[k].span.slice(text);
            if tokens[k].kind == TokenKind::Punct {
                if is_opener(t) {
                    k += 1;
                    continue;
                }
                if matches!(t, "," | ";" | ":" | ")" | "]" | "}") {
                    return Start::Lower;
                }
            }
            let c = char_at(text, tokens[k].span.start);
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
        if stem.contains('.') {
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
    fn period_class(&self, text: &str, tokens: &[Token], i: usize) -> Option<AbbrevClass> {
        let tok = &tokens[i];
        if text.as_bytes()[tok.span.end - 1] != b'.' {
            return None;
        }
        let t = tok.span.slice(text);
        if tok.kind == TokenKind::Word && t.len() > 1 && t.ends_with('.') {
            return Some(
                self.stem_class(&t[..t.len() - 1])
                    .unwrap_or(AbbrevClass::Final),
            );
        }
        if t == "." && i > 0 {
            let prev = &tokens[i - 1];
            if prev.kind == TokenKind::Word && prev.span.end == tok.span.start {
                return self.stem_class(prev.span.slice(text));
            }
        }
        None
    }

    /// True when token `k` is an abbreviation (`Ltd` followed by its period).
    fn is_abbrev_at(&self, text: &str, tokens: &[Token], k: usize) -> bool {
        k + 1 < tokens.len() && self.period_class(text, tokens, k + 1).is_some()
            || self.period_class(text, tokens, k).is_some()
    }

    /// Sentence spans over `tokens`; `ends` lists (sorted) the only tokens after which a
    /// sentence may end, so the pass costs O(ends) plus bounded look-ahead.
    pub(crate) fn sentences(&self, text: &str, tokens: &[Token], ends: &[usize]) -> Vec<Span> {
        let n = tokens.len();
        let mut out = Vec::with_capacity(ends.len() + 1);
        if n == 0 {
            return out;
        }
        let mut first = 0;
        // tokens up to `seen` were already decided (absorbed closing marks), so a run of
        // marks is looked at once
        let mut seen = 0;
        for &i in ends {
            if i < seen || i + 1 >= n {
                continue;
            }
            let mut last = i;
            let cur = tokens[i].span;
            let next = tokens[i + 1].span.start;
            let lb = line_breaks(text, cur.end, next);
            let brk = if let Some(class) = self.period_class(text, tokens, i) {
                lb > 0
                    || (class == AbbrevClass::Final
                        && char_at(text, next).is_uppercase()
                        && !self.is_abbrev_at(text, tokens, i + 1))
            } else if tokens[i].kind == TokenKind::Punct && is_terminal(cur.slice(text)) {
                while last + 1 < n
                    && tokens[last + 1].span.start == tokens[last].span.end
                    && tokens[last + 1].kind == TokenKind::Punct
                    && (is_closer(tokens[last + 1].span.slice(text))
                        || is_terminal(tokens[last + 1].span.slice(text)))
                {
                    last += 1;
                }
                last + 1 == n
                    || line_breaks(text, tokens[last].span.end, tokens[last + 1].span.start) > 0
                    || self.start_at(text, tokens, last + 1) == Start::Other
            } else {
                lb >= 2 || (lb > 0 && self.start_at(text, tokens, i + 1) == Start::Other)
            };
            seen = last + 1;
            if brk && last + 1 < n {
                out.push(Span::new(tokens[first].span.start, tokens[last].span.end));
                first = last + 1;
            }
        }
        out.push(Span::new(tokens[first].span.start, tokens[n - 1].span.end));
        out
    }
}
