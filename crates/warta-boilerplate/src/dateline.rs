//! The three dateline forms, read by hand: the parts the expressions in this module's tests
//! capture (a random-line test compares both), without a regular-expression search for every
//! first line of an article.
//!
//! - `comma`: `PLACE, OUTLET —`, `OUTLET, PLACE —`, the standalone `Washington, MISTAR.ID`;
//! - `paren`: `Jakarta (ANTARA) -`, `Mataram, NTB (ANTARA News) -`;
//! - `single`: `Kapanlagi.com -`, `Jakarta -`.
//!
//! A name (`first` below) is a capital (ASCII or Latin-1 `À`..`Þ`) and name chars (ASCII
//! letters and digits, Latin-1 letters, `.'’&`), then up to three more words of name chars
//! after a space or a hyphen; or a lowercase domain (`jpnn.com`, `tempo.co.id`). The end of a
//! form is a dash (`-`, `--`, `–`, `—`, `―`) followed by blanks or the end of the text, or
//! (`comma`, `paren`) the end of the text. Blanks are space, tab and no-break space.

/// What a dateline form captured at the start of a text (byte ranges into it).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Form {
    /// The first part: place or outlet.
    pub(crate) a: (usize, usize),
    /// The second part (`comma`, `paren`).
    pub(crate) b: Option<(usize, usize)>,
    /// Whether a dash closes the form.
    pub(crate) dash: bool,
    /// Where the form ends (after the blanks that follow its dash).
    pub(crate) end: usize,
}

fn char_at(s: &str, i: usize) -> Option<char> {
    s.get(i..)?.chars().next()
}

fn is_blank(c: char) -> bool {
    matches!(c, ' ' | '\t' | '\u{a0}')
}

fn is_capital(c: char) -> bool {
    c.is_ascii_uppercase() || ('\u{C0}'..='\u{DE}').contains(&c)
}

fn is_latin1_letter(c: char) -> bool {
    ('\u{C0}'..='\u{FF}').contains(&c)
}

/// A char of a name word.
fn is_name_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || is_latin1_letter(c) || matches!(c, '.' | '\'' | '’' | '&')
}

/// A char of the place before a parenthesis (`Mataram, NTB`).
fn is_place_char(c: char) -> bool {
    c.is_ascii_alphanumeric()
        || is_latin1_letter(c)
        || matches!(c, '.' | '\'' | '’' | ' ' | ',' | '-')
}

/// The end of the run of chars of `s` from `i` (a char boundary) that satisfy `f`.
fn run_end(s: &str, i: usize, f: impl Fn(char) -> bool) -> usize {
    i + s[i..].find(|c: char| !f(c)).unwrap_or(s.len() - i)
}

/// The ends a name starting at `i` can have, longest first (at most four): a match ends
/// after a whole word, since every continuation starts with a char that is not a name char.
fn name_ends(s: &str, i: usize) -> ([usize; 4], usize) {
    let mut ends = [0; 4];
    let Some(c) = char_at(s, i) else {
        return (ends, 0);
    };
    let mut n = 0;
    if is_capital(c) {
        let mut e = run_end(s, i + c.len_utf8(), is_name_char);
        ends[0] = e;
        n = 1;
        while n < 4 && matches!(s.as_bytes().get(e), Some(b' ' | b'-')) {
            let next = run_end(s, e + 1, is_name_char);
            if next == e + 1 {
                break;
            }
            e = next;
            ends[n] = e;
            n += 1;
        }
        ends[..n].reverse();
    } else if c.is_ascii_lowercase() {
        // `host.tld` or `host.tld.cc`: a top-level domain of two to four lowercase letters
        // (a longer run leaves a letter where the form goes on).
        let host = run_end(s, i, |c| c.is_ascii_alphanumeric());
        if s.as_bytes().get(host) != Some(&b'.') {
            return (ends, 0);
        }
        let tld = run_end(s, host + 1, |c| c.is_ascii_lowercase());
        if !(2..=4).contains(&(tld - host - 1)) {
            return (ends, 0);
        }
        let b = s.as_bytes();
        if b.get(tld) == Some(&b'.')
            && b.get(tld + 1).is_some_and(u8::is_ascii_lowercase)
            && b.get(tld + 2).is_some_and(u8::is_ascii_lowercase)
        {
            ends[n] = tld + 3;
            n += 1;
        }
        ends[n] = tld;
        n += 1;
    }
    (ends, n)
}

/// Where a dash at `p` and the blanks after it end, when the text ends there or blanks follow.
fn dash_end(s: &str, p: usize) -> Option<usize> {
    let b = &s.as_bytes()[p..];
    let lens: &[usize] = if b.starts_with(b"--") {
        &[2, 1]
    } else if b.starts_with(b"-") {
        &[1]
    } else if b.starts_with("–".as_bytes())
        || b.starts_with("—".as_bytes())
        || b.starts_with("―".as_bytes())
    {
        &[3]
    } else {
        &[]
    };
    lens.iter().find_map(|&len| {
        let q = p + len;
        let after = run_end(s, q, is_blank);
        (after > q || q == s.len()).then_some(after)
    })
}

/// How the text after a second part ending at `e` closes a form: blanks, then a dash (with
/// blanks or the end after it) or the end of the text. `(dash, end)`.
fn close(s: &str, e: usize) -> Option<(bool, usize)> {
    let p = run_end(s, e, is_blank);
    match dash_end(s, p) {
        Some(end) => Some((true, end)),
        None => (p == s.len()).then_some((false, p)),
    }
}

/// `PLACE, OUTLET —` (either order), or the two names alone.
pub(crate) fn comma(s: &str) -> Option<Form> {
    let (ends, n) = name_ends(s, 0);
    // A name holds no comma: only one end can be followed by one.
    let a_end = ends[..n]
        .iter()
        .copied()
        .find(|&e| s.as_bytes().get(e) == Some(&b','))?;
    let b_start = run_end(s, a_end + 1, is_blank);
    if b_start == a_end + 1 {
        return None;
    }
    let (ends, n) = name_ends(s, b_start);
    ends[..n].iter().find_map(|&e| {
        close(s, e).map(|(dash, end)| Form {
            a: (0, a_end),
            b: Some((b_start, e)),
            dash,
            end,
        })
    })
}

/// `Place (Outlet) -`: a place of at most 61 chars, blanks, the first parenthesis holding 2 to
/// 40 chars, then blanks and a dash or the end of the text.
pub(crate) fn paren(s: &str) -> Option<Form> {
    let first = char_at(s, 0).filter(|&c| is_capital(c))?;
    let open = s.find('(')?;
    // The shortest place: up to the blanks before the parenthesis.
    let a_end = s[..open]
        .trim_end_matches(is_blank)
        .len()
        .max(first.len_utf8());
    let place = &s[first.len_utf8()..a_end];
    if place.chars().count() > 60 || !place.chars().all(is_place_char) {
        return None;
    }
    let inner_end = run_end(s, open + 1, |c| !matches!(c, '(' | ')' | '\n'));
    let inner = s[open + 1..inner_end].chars().count();
    if s.as_bytes().get(inner_end) != Some(&b')') || !(2..=40).contains(&inner) {
        return None;
    }
    let (dash, end) = close(s, inner_end + 1)?;
    Some(Form {
        a: (0, a_end),
        b: Some((open + 1, inner_end)),
        dash,
        end,
    })
}

/// `Outlet -`: a name, blanks, a dash, then blanks or the end of the text.
pub(crate) fn single(s: &str) -> Option<Form> {
    let (ends, n) = name_ends(s, 0);
    ends[..n].iter().find_map(|&e| {
        let p = run_end(s, e, is_blank);
        let end = if p > e { dash_end(s, p) } else { None }?;
        Some(Form {
            a: (0, e),
            b: None,
            dash: true,
            end,
        })
    })
}

#[cfg(test)]
mod tests {
    use regex::Regex;

    use super::*;

    /// The expressions the forms were first written as: `(comma, paren, single)`.
    fn expressions() -> (Regex, Regex, Regex) {
        let re = |s: &str| Regex::new(s).unwrap();
        let dash = r"(?:-{1,2}|–|—|―)";
        let name = r"[A-Z\u{C0}-\u{DE}][A-Za-z0-9\u{C0}-\u{FF}.'’&]*(?:[ \-][A-Za-z0-9\u{C0}-\u{FF}.'’&]+){0,3}";
        let first = format!("(?:{name}|[a-z][A-Za-z0-9]*\\.[a-z]{{2,4}}(?:\\.[a-z]{{2}})?)");
        (
            re(&format!(
                r"^(?P<a>{first}),[ \t\u{{a0}}]+(?P<b>{first})[ \t\u{{a0}}]*(?:(?P<dash>{dash})(?:[ \t\u{{a0}}]+|$)|$)"
            )),
            re(&format!(
                r"^(?P<a>[A-Z\u{{C0}}-\u{{DE}}][A-Za-z0-9\u{{C0}}-\u{{FF}}.'’ ,\-]{{0,60}}?)[ \t\u{{a0}}]*\((?P<b>[^()\n]{{2,40}})\)[ \t\u{{a0}}]*(?:{dash}(?:[ \t\u{{a0}}]+|$)|$)"
            )),
            re(&format!(
                r"^(?P<a>{first})[ \t\u{{a0}}]+{dash}(?:[ \t\u{{a0}}]+|$)"
            )),
        )
    }

    /// What `re` captures in `s`, as a [`Form`] (`dash` only where the expression names it).
    fn captured(re: &Regex, s: &str) -> Option<Form> {
        let c = re.captures(s)?;
        let span = |name: &str| c.name(name).map(|m| (m.start(), m.end()));
        Some(Form {
            a: span("a")?,
            b: span("b"),
            dash: c.name("dash").is_some(),
            end: c.get(0)?.end(),
        })
    }

    #[test]
    fn forms_agree_with_the_expressions() {
        let (comma_re, paren_re, single_re) = expressions();
        let pieces = [
            "Jakarta",
            "JAKARTA",
            "KOMPAS.com",
            "Liputan6.com",
            "jpnn.com",
            "tempo.co.id",
            "tirto.id",
            "x.comma",
            "a.b",
            "Kota Baru",
            "Tribun-Medan",
            "Ède",
            "É",
            "ß",
            "日本",
            "O’Neil",
            "R&D",
            "x",
            "NTB",
            "12",
            ",",
            ", ",
            " ",
            "  ",
            "\t",
            "\u{a0}",
            "-",
            "--",
            "---",
            " - ",
            " -- ",
            "–",
            " — ",
            "―",
            "(",
            ")",
            "(ANTARA)",
            " (ANTARA News) ",
            "(x)",
            "(Antara/Reuters)",
            "\n",
            ".",
            "'",
            "&",
            "Menteri datang.",
            "abcdefghijklmnopqrstuvwxyz",
            "ABCDEFGHIJKLMNOPQRSTUVWXYZ",
        ];
        let mut found = [0usize; 3];
        for s in crate::random_lines(&pieces, 0x9E37_79B9_7F4A_7C15, 60_000, 8) {
            let want = captured(&comma_re, &s);
            assert_eq!(comma(&s), want, "comma {s:?}");
            found[0] += usize::from(want.is_some());
            let no_dash = |f: Form| Form { dash: false, ..f };
            let want = captured(&paren_re, &s);
            assert_eq!(paren(&s).map(no_dash), want, "paren {s:?}");
            found[1] += usize::from(want.is_some());
            let want = captured(&single_re, &s).map(|f| Form { dash: true, ..f });
            assert_eq!(single(&s), want, "single {s:?}");
            found[2] += usize::from(want.is_some());
        }
        assert!(found.iter().all(|&k| k > 100), "{found:?}");
    }

    #[test]
    fn long_places_and_parentheses() {
        let (_, paren_re, _) = expressions();
        for place in [59, 60, 61, 62] {
            for inner in [1, 2, 40, 41] {
                let s = format!("J{} ({}) - Teks", "a".repeat(place), "b".repeat(inner));
                assert_eq!(
                    paren(&s).map(|f| Form { dash: false, ..f }),
                    captured(&paren_re, &s),
                    "{place} {inner}"
                );
            }
        }
    }
}
