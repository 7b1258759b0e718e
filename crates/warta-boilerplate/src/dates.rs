//! The four date forms, found by hand: the leftmost match that each expression in this
//! module's tests finds (a random-line test compares both), without a regular-expression
//! search per candidate line. Letters, digits, blanks (space, tab) and word boundaries are
//! ASCII; month names match in any case.
//!
//! - `dmy`: `5 November 2015`, `04 Nov, 2015`, `5 Nov. 2015`;
//! - `mdy`: `April 28, 2024`, `Nov. 4 2015`;
//! - `numeric`: `21/10/2025`, `23-02-2016`;
//! - `iso`: `2024-04-28`.
//!
//! Each form is one to two digits for the day (two for `iso`), a month name or one to two
//! digits, and four digits for the year, with a word boundary before and after. Since a month
//! name is followed by a full stop, a comma or a blank, it is a whole run of letters.

/// The month names (lowercase) an expression accepts: `jan(?:uari|uary)?`, …,
/// `sept?(?:ember)?`, ….
const MONTH_NAMES: [&str; 38] = [
    "jan",
    "januari",
    "january",
    "feb",
    "februari",
    "february",
    "mar",
    "maret",
    "march",
    "apr",
    "april",
    "mei",
    "may",
    "jun",
    "juni",
    "june",
    "jul",
    "juli",
    "july",
    "agu",
    "agustus",
    "agt",
    "aug",
    "august",
    "sep",
    "sept",
    "sepember",
    "september",
    "okt",
    "oktober",
    "oct",
    "october",
    "nov",
    "november",
    "des",
    "desember",
    "dec",
    "december",
];

fn is_word(x: u8) -> bool {
    x.is_ascii_alphanumeric() || x == b'_'
}

/// A word boundary before `b[i]` (a word byte).
fn boundary_before(b: &[u8], i: usize) -> bool {
    i == 0 || !is_word(b[i - 1])
}

/// The length of the run of digits at `b[i..]`.
fn digits(b: &[u8], i: usize) -> usize {
    b.get(i..)
        .map_or(0, |r| r.iter().take_while(|x| x.is_ascii_digit()).count())
}

/// The end of the run of blanks at `b[i..]`.
fn blanks(b: &[u8], i: usize) -> usize {
    i + b.get(i..).map_or(0, |r| {
        r.iter().take_while(|&&x| x == b' ' || x == b'\t').count()
    })
}

/// The end of a four-digit year at `b[i..]`, closed by a word boundary.
fn year(b: &[u8], i: usize) -> Option<usize> {
    (digits(b, i) == 4 && !b.get(i + 4).copied().is_some_and(is_word)).then_some(i + 4)
}

/// The end of a month name at `b[i..]` (the whole run of letters).
fn month(b: &[u8], i: usize) -> Option<usize> {
    let n = b
        .get(i..)?
        .iter()
        .take_while(|x| x.is_ascii_alphabetic())
        .count();
    if !(3..=9).contains(&n) {
        return None;
    }
    let mut lower = [0u8; 9];
    lower[..n].copy_from_slice(&b[i..i + n]);
    lower[..n].make_ascii_lowercase();
    MONTH_NAMES
        .iter()
        .any(|m| m.as_bytes() == &lower[..n])
        .then_some(i + n)
}

/// One to two digits at `b[i..]`: their end.
fn day(b: &[u8], i: usize) -> Option<usize> {
    let n = digits(b, i);
    (1..=2).contains(&n).then_some(i + n)
}

/// At least one blank at `b[i..]`: the end of the blanks.
fn some_blanks(b: &[u8], i: usize) -> Option<usize> {
    let end = blanks(b, i);
    (end > i).then_some(end)
}

/// `b[i]` is `x`: the next position.
fn byte(b: &[u8], i: usize, x: impl Fn(u8) -> bool) -> Option<usize> {
    b.get(i).copied().filter(|&y| x(y)).map(|_| i + 1)
}

/// `b[i]` may be `x`: the position after it.
fn optional(b: &[u8], i: usize, x: u8) -> usize {
    if b.get(i) == Some(&x) { i + 1 } else { i }
}

fn dmy_at(b: &[u8], i: usize) -> Option<usize> {
    let d = day(b, i)?;
    let m = month(b, some_blanks(b, d)?)?;
    let p = optional(b, optional(b, m, b'.'), b',');
    year(b, some_blanks(b, p)?)
}

fn mdy_at(b: &[u8], i: usize) -> Option<usize> {
    let m = month(b, i)?;
    let d = day(b, some_blanks(b, optional(b, m, b'.'))?)?;
    year(b, some_blanks(b, optional(b, d, b','))?)
}

fn numeric_at(b: &[u8], i: usize) -> Option<usize> {
    let sep = |x: u8| x == b'/' || x == b'-';
    let m = byte(b, day(b, i)?, sep)?;
    year(b, byte(b, day(b, m)?, sep)?)
}

fn iso_at(b: &[u8], i: usize) -> Option<usize> {
    let two = |i: usize| (digits(b, i) == 2).then_some(i + 2);
    let m = (digits(b, i) == 4).then_some(i + 4)?;
    let d = two(byte(b, two(byte(b, m, |x| x == b'-')?)?, |x| x == b'-')?)?;
    (!b.get(d).copied().is_some_and(is_word)).then_some(d)
}

/// The starts of the runs of digits of `b` after a word boundary, in order, from `mask` (the
/// digits of `b` as a bit set, see `meta::digit_mask`).
fn digit_starts<'a>(b: &'a [u8], mask: &'a [u64; 4]) -> impl Iterator<Item = usize> + 'a {
    mask.iter().enumerate().flat_map(move |(k, &word)| {
        let mut bits = word;
        std::iter::from_fn(move || {
            while bits != 0 {
                let i = 64 * k + bits.trailing_zeros() as usize;
                bits &= bits - 1;
                if boundary_before(b, i) {
                    return Some(i);
                }
            }
            None
        })
    })
}

/// The leftmost matches of the four forms in `b` (at most 256 bytes) whose digits are `mask`:
/// `[dmy, mdy, numeric, iso]`, each `(start, end)`.
pub(crate) fn find_all(b: &[u8], mask: &[u64; 4]) -> [Option<(usize, usize)>; 4] {
    let mut found = [None; 4];
    for i in digit_starts(b, mask) {
        for (k, at) in [
            (0, dmy_at as fn(&[u8], usize) -> Option<usize>),
            (2, numeric_at),
            (3, iso_at),
        ] {
            if found[k].is_none() {
                found[k] = at(b, i).map(|end| (i, end));
            }
        }
        // A month day: the month name before the blanks before it (`April 28`, `Nov. 4`).
        if found[1].is_none() && i > 0 && matches!(b[i - 1], b' ' | b'\t') {
            let mut start = i - 1;
            while start > 0 && matches!(b[start - 1], b' ' | b'\t') {
                start -= 1;
            }
            if start > 0 && b[start - 1] == b'.' {
                start -= 1;
            }
            let end = start;
            while start > 0 && b[start - 1].is_ascii_alphabetic() {
                start -= 1;
            }
            if start < end && boundary_before(b, start) {
                found[1] = mdy_at(b, start).map(|e| (start, e));
            }
        }
    }
    found
}

#[cfg(test)]
mod tests {
    use regex::Regex;

    use super::*;

    const MONTHS: &str = "jan(?:uari|uary)?|feb(?:ruari|ruary)?|mar(?:et|ch)?|apr(?:il)?|mei|may|jun(?:i|e)?|jul(?:i|y)?|agu(?:stus)?|agt|aug(?:ust)?|sept?(?:ember)?|okt(?:ober)?|oct(?:ober)?|nov(?:ember)?|des(?:ember)?|dec(?:ember)?";

    /// The expressions the forms were first written as, in the order of [`find_all`].
    fn expressions() -> [Regex; 4] {
        let re = |s: &str| Regex::new(s).unwrap();
        [
            re(&format!(
                r"(?i-u)\b(?P<d>[0-9]{{1,2}})[ \t]+(?P<m>{MONTHS})\.?,?[ \t]+(?P<y>[0-9]{{4}})\b"
            )),
            re(&format!(
                r"(?i-u)\b(?P<m>{MONTHS})\.?[ \t]+(?P<d>[0-9]{{1,2}}),?[ \t]+(?P<y>[0-9]{{4}})\b"
            )),
            re(r"(?-u)\b(?P<d>[0-9]{1,2})[/\-](?P<m>[0-9]{1,2})[/\-](?P<y>[0-9]{4})\b"),
            re(r"(?-u)\b(?P<y>[0-9]{4})-(?P<m>[0-9]{2})-(?P<d>[0-9]{2})\b"),
        ]
    }

    #[test]
    fn forms_agree_with_the_expressions() {
        let res = expressions();
        let pieces = [
            "5",
            "12",
            "123",
            "2024",
            "20245",
            "1999",
            "0",
            " ",
            "  ",
            "\t",
            ",",
            ", ",
            ".",
            "/",
            "-",
            "_",
            ":",
            "x",
            "Senin",
            "Nov",
            "NOV.",
            "November",
            "nOvEmBeR",
            "Mei",
            "MAY",
            "Juni",
            "june",
            "Jun",
            "sept",
            "Sept.",
            "Sepember",
            "Septembe",
            "agt",
            "Agustus",
            "desember",
            "dec",
            "janu",
            "marc",
            "é",
            "٣",
            "(",
            ")",
            "12 Mei 2024",
            "April 28, 2024",
            "04 Nov, 2015",
            "21/10/2025",
            "2024-04-28",
            "1-2-2020",
            "2024-4-28",
            "5\tDes. 2015",
        ];
        let mut matched = [0usize; 4];
        for s in crate::random_lines(&pieces, 0x9E37_79B9_7F4A_7C15, 60_000, 10) {
            let s = crate::meta::prefix(&s, 200);
            let b = s.as_bytes();
            let mut mask = [0u64; 4];
            for (i, x) in b.iter().enumerate() {
                mask[i / 64] |= u64::from(x.is_ascii_digit()) << (i % 64);
            }
            let got = find_all(b, &mask);
            for (k, re) in res.iter().enumerate() {
                let want = re.find(s).map(|m| (m.start(), m.end()));
                matched[k] += usize::from(want.is_some());
                assert_eq!(got[k], want, "form {k} in {s:?}");
            }
        }
        assert!(matched.iter().all(|&m| m > 500), "{matched:?}");
    }
}
