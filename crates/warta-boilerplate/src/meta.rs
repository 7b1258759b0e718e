//! Datelines, credits and dates. The dateline forms (`dateline`), the date forms (`dates`),
//! the time after a date and the credit code at the end of a line are read by hand, each
//! checked against the expression it replaces in a test; only credit labels with non-ASCII
//! letters use a regular expression, compiled once per process when first needed.

use std::sync::OnceLock;

use regex::Regex;

use crate::{Credit, Dateline};
use crate::{dateline, dates};

/// A dateline found at the start of a line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct DatelineMatch {
    /// Length in bytes of the dateline itself (without the whitespace that follows).
    pub(crate) len: usize,
    /// Where the text after the dateline starts (after the separator and whitespace).
    pub(crate) rest: usize,
    pub(crate) dateline: Dateline,
}

/// A credit found in a line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct CreditMatch {
    /// Byte offset in the line where the credit starts.
    pub(crate) start: usize,
    pub(crate) credit: Credit,
}

/// The readers of datelines, credits and dates. Nothing to compile: the one regular expression
/// left (credit labels with non-ASCII letters, [`credit_expression`]) is compiled on first use.
#[derive(Debug, Clone)]
pub(crate) struct MetaRegexes;

/// Bytes of a line looked at for a date.
const DATE_SCAN: usize = 200;

/// `Editor: X`, `Penulis : X`, `Oleh X`, with Unicode case folding (`ſ`, `K`).
const CREDIT_LINE: &str = r"(?i)^(?P<role>editor|penulis|reporter|pewarta|penyunting|redaktur|fotografer|kontributor|sumber|source|writer|written by|reported by|editing by|oleh|by|red|rep|translator|penerjemah)(?-u:\b)[ \t]*(?P<colon>:)?[ \t]*(?P<name>.*)$";

/// The compiled [`CREDIT_LINE`], built once per process on first use: only a line with a
/// non-ASCII byte where a credit label would be needs it.
fn credit_expression() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| Regex::new(CREDIT_LINE).expect("built-in regex is valid"))
}

impl MetaRegexes {
    pub(crate) fn new() -> MetaRegexes {
        MetaRegexes
    }

    /// A dateline at the start of `line` (trimmed). `is_outlet` says whether a name is an
    /// outlet. `loose` also accepts `Place -` without an outlet (only for the first body line).
    pub(crate) fn dateline(
        &self,
        line: &str,
        is_outlet: &dyn Fn(&str) -> bool,
        loose: bool,
    ) -> Option<DatelineMatch> {
        let head = prefix(line, 160);
        let part = |(from, to): (usize, usize)| &head[from..to];
        if let Some(f) = dateline::paren(head) {
            let b = f.b.map_or("", part).trim();
            if b.split('/').any(is_outlet) {
                let place = part(f.a);
                let place = place
                    .split(',')
                    .next()
                    .unwrap_or(place)
                    .trim()
                    .trim_end_matches(',');
                return Some(make_match(line, f.end, Some(place), Some(b)));
            }
        }
        if let Some(f) = dateline::comma(head) {
            let a = part(f.a).trim();
            let b = f.b.map_or("", part).trim();
            let whole_line = f.end == line.len();
            if f.dash || whole_line {
                if is_outlet(b) && !is_outlet(a) {
                    return Some(make_match(line, f.end, Some(a), Some(b)));
                }
                if is_outlet(a) && !is_outlet(b) {
                    return Some(make_match(line, f.end, Some(b), Some(a)));
                }
            }
        }
        if let Some(f) = dateline::single(head) {
            let a = part(f.a).trim();
            if is_outlet(a) {
                // `KONTAN.CO.ID - NEW YORK. Harga …`: a place in capitals closed by a full stop.
                let rest = &line[f.end..];
                let place_len = rest.find(". ").filter(|&n| {
                    let p = &rest[..n];
                    (2..=30).contains(&n)
                        && p.bytes().all(|b| b.is_ascii_uppercase() || b == b' ')
                        && p.split(' ').count() <= 3
                });
                if let Some(n) = place_len {
                    let mut found = make_match(line, f.end + n + 2, Some(&rest[..n]), Some(a));
                    found.len = f.end + n + 1;
                    return Some(found);
                }
                return Some(make_match(line, f.end, None, Some(a)));
            }
            let words = a.split_whitespace().count();
            if (loose || f.end == line.len()) && words <= 3 && !a.contains('.') {
                return Some(make_match(line, f.end, Some(a), None));
            }
        }
        None
    }

    /// A credit glued at the end of `line` (`…itu.(CNN/hm02)`), or a line that is only one.
    pub(crate) fn credit_tail(&self, line: &str) -> Option<CreditMatch> {
        if !line.ends_with(')') || line.len() < 5 {
            return None;
        }
        if let Some(m) = desk_code(line) {
            return Some(m);
        }
        let from = floor_char(line, line.len().saturating_sub(64));
        let tail = &line[from..];
        if !tail.contains('/') {
            return None;
        }
        let code = credit_code(tail)?;
        let s = tail[code.source.0..code.source.1].trim();
        let e = tail[code.editor.0..code.editor.1].trim();
        // Codes, not words: a credit has no spaces apart from around the slash.
        if s.split_whitespace().count() > 2 || e.split_whitespace().count() > 3 {
            return None;
        }
        let start = from + code.open;
        Some(CreditMatch {
            start,
            credit: Credit {
                source: Some(s.to_string()),
                editor: Some(e.to_string()),
                role: None,
            },
        })
    }

    /// A credit line (`Editor: X`, `Penulis: X`, `Oleh X`, `Penulis Dian Sari`, a lone
    /// `Penulis` label, `Laporan Wartawan Tribunnews.com, Nama`). Returns the credit (with an
    /// empty name for a lone label). In a line of several credits separated by `|`, the first.
    pub(crate) fn credit_line(&self, line: &str) -> Option<Credit> {
        if line.len() > 120 {
            return None;
        }
        if let Some(credit) = reporter_line(line) {
            return Some(credit);
        }
        self.credit_part(line.split('|').next().unwrap_or(line).trim())
    }

    /// Every credit of a credit line (`Penulis Dian Sari | Editor Andi Wijaya`); empty unless
    /// every `|`-separated part is a credit.
    pub(crate) fn credit_lines(&self, line: &str) -> Vec<Credit> {
        if line.len() > 120 {
            return Vec::new();
        }
        if let Some(credit) = reporter_line(line) {
            return vec![credit];
        }
        line.split('|')
            .map(|part| self.credit_part(part.trim()))
            .collect::<Option<Vec<Credit>>>()
            .unwrap_or_default()
    }

    /// The label of a credit line, whether a colon follows it, and the rest: what the
    /// `credit_line` expression captures, read by hand when the label is ASCII.
    fn credit_label<'a>(&self, line: &'a str) -> Option<(&'a str, bool, &'a str)> {
        const ROLES: [&str; 20] = [
            "editor",
            "penulis",
            "reporter",
            "pewarta",
            "penyunting",
            "redaktur",
            "fotografer",
            "kontributor",
            "sumber",
            "source",
            "writer",
            "written by",
            "reported by",
            "editing by",
            "oleh",
            "by",
            "red",
            "rep",
            "translator",
            "penerjemah",
        ];
        let b = line.as_bytes();
        if b.iter().take(12).any(|&x| x >= 0x80) {
            // Unicode case folding (`ſ`, `K`): leave it to the expression.
            let c = credit_expression().captures(line)?;
            let role = c.name("role")?.as_str();
            let name = c.name("name").map_or("", |m| m.as_str());
            return Some((role, c.name("colon").is_some(), name));
        }
        let role = ROLES.iter().find(|r| {
            b.len() >= r.len()
                && b[..r.len()].eq_ignore_ascii_case(r.as_bytes())
                && !b
                    .get(r.len())
                    .is_some_and(|&x| x.is_ascii_alphanumeric() || x == b'_')
        })?;
        let rest = line[role.len()..].trim_start_matches([' ', '\t']);
        let (colon, rest) = match rest.strip_prefix(':') {
            Some(r) => (true, r.trim_start_matches([' ', '\t'])),
            None => (false, rest),
        };
        // `.*$`: the expression needs the rest of the line without a line feed.
        if rest.contains('\n') {
            return None;
        }
        Some((&line[..role.len()], colon, rest))
    }

    fn credit_part(&self, line: &str) -> Option<Credit> {
        if let Some(credit) = reporter_line(line) {
            return Some(credit);
        }
        let (role, colon, name) = self.credit_label(line)?;
        let role = role.to_lowercase();
        let name = name.trim().trim_start_matches(':').trim();
        let bare = matches!(role.as_str(), "oleh" | "by");
        // `Oleh Desca Lidya Natalia`, `Penulis Dian Sari`: a short run of capitalised words
        // (`Sumber Daya Alam` is a phrase, not a credit).
        let colonless = !colon && !name.is_empty();
        // Never after `Sumber`, and the abbreviations `Red:` (redaktur) and `Rep:` (reporter)
        // only with their colon.
        if (colonless && matches!(role.as_str(), "sumber" | "source"))
            || (!colon && matches!(role.as_str(), "red" | "rep"))
        {
            return None;
        }
        // `Oleh :` alone is a label; `Oleh: Heri Purnomo / FER` names a person before a code.
        let lone = colon && name.is_empty();
        let person = name.split('/').next().unwrap_or(name).trim();
        if (bare || colonless) && !lone && !names_only(person) {
            return None;
        }
        if name.split_whitespace().count() > 8 {
            return None;
        }
        let role = match role.as_str() {
            "oleh" | "by" | "written by" | "writer" | "penulis" => "writer",
            "reporter" | "reported by" | "pewarta" | "kontributor" | "rep" => "reporter",
            "editor" | "editing by" | "penyunting" | "redaktur" | "red" => "editor",
            "fotografer" => "photographer",
            "translator" | "penerjemah" => "translator",
            _ => "source",
        };
        let name = (!name.is_empty()).then(|| name.to_string());
        Some(if role == "source" {
            Credit {
                source: name,
                editor: None,
                role: Some(role.to_string()),
            }
        } else {
            Credit {
                source: None,
                editor: name,
                role: Some(role.to_string()),
            }
        })
    }

    /// The first date written in `s`, as ISO 8601 (`2015-11-05`, `2015-11-05T14:56+07:00`).
    pub(crate) fn date(&self, s: &str) -> Option<String> {
        let s = prefix(s, DATE_SCAN);
        let mask = digit_mask(s.as_bytes());
        if !has_year(&mask) {
            return None;
        }
        let mut best: Option<(usize, usize, u32, u32, u32)> = None;
        let mut consider = |start: usize, end: usize, y: &str, m: u32, d: &str| {
            let (Ok(y), Ok(d)) = (y.parse::<u32>(), d.parse::<u32>()) else {
                return;
            };
            if (1900..=2100).contains(&y)
                && (1..=12).contains(&m)
                && (1..=31).contains(&d)
                && best.is_none_or(|b| start < b.0)
            {
                best = Some((start, end, y, m, d));
            }
        };
        // The leftmost match of each form (`dates`). A match holds exactly three runs of
        // letters or digits, the groups, in the order of its form: they are read off the
        // matched text.
        let found = dates::find_all(s.as_bytes(), &mask);
        // (match, month named, order of day / month / year among the runs)
        let forms = [
            (found[0], true, [0, 1, 2]),
            (found[1], true, [1, 0, 2]),
            (found[2], false, [0, 1, 2]),
            (found[3], false, [2, 1, 0]),
        ];
        for (found, named, [di, mi, yi]) in forms {
            let Some((start, end)) = found else {
                continue;
            };
            let mut runs = s[start..end]
                .split(|c: char| !c.is_ascii_alphanumeric())
                .filter(|r| !r.is_empty());
            let (Some(a), Some(b), Some(c), None) =
                (runs.next(), runs.next(), runs.next(), runs.next())
            else {
                continue;
            };
            let parts = [a, b, c];
            let m = if named {
                month_number(parts[mi])
            } else {
                parts[mi].parse::<u32>().unwrap_or(0)
            };
            consider(start, end, parts[yi], m, parts[di]);
        }
        let (_, end, y, m, d) = best?;
        let mut out = format!("{y:04}-{m:02}-{d:02}");
        if let Some(t) = time(&s[end..]) {
            let mut h = t.hour.parse::<u32>().unwrap_or(99);
            // `3:45 pm`, `12:10 am`.
            match t.ampm {
                Some(b'p') if (1..12).contains(&h) => h += 12,
                Some(b'a') if h == 12 => h = 0,
                _ => {}
            }
            let mi = t.minute.parse::<u32>().unwrap_or(99);
            if h < 24 && mi < 60 {
                out.push_str(&format!("T{h:02}:{mi:02}"));
                match t.zone {
                    Some("WIB") => out.push_str("+07:00"),
                    Some("WITA") => out.push_str("+08:00"),
                    Some("WIT") => out.push_str("+09:00"),
                    Some("GMT") | Some("UTC") => out.push('Z'),
                    _ => {}
                }
            }
        }
        Some(out)
    }
}

/// The digits of `b` (at most [`DATE_SCAN`] bytes) as a bit set: bit `i % 64` of word `i / 64`
/// for an ASCII digit at `b[i]`. Eight bytes are classified at a time, without branches.
fn digit_mask(b: &[u8]) -> [u64; 4] {
    const LO7: u64 = 0x7F7F_7F7F_7F7F_7F7F;
    const HI: u64 = 0x8080_8080_8080_8080;
    const ONES: u64 = 0x0101_0101_0101_0101;
    let mut mask = [0u64; 4];
    for (k, chunk) in b.chunks(8).take(32).enumerate() {
        let mut buf = [0u8; 8];
        buf[..chunk.len()].copy_from_slice(chunk);
        let v = u64::from_le_bytes(buf);
        // Bytes are at most 0x7F after the mask: adding never carries into the next byte.
        let x = v & LO7;
        let ge = |k: u8| (x + ONES * u64::from(0x80 - k)) & HI;
        let digits = ge(b'0') & !ge(b'9' + 1) & !v;
        // The high bits of the eight bytes, gathered into the low byte.
        let bits = (digits & HI).wrapping_mul(0x0002_0408_1020_4081) >> 56;
        mask[k / 8] |= bits << (8 * (k % 8));
    }
    mask
}

/// Whether the digits `mask` hold four in a row (the year of every date form).
fn has_year(mask: &[u64; 4]) -> bool {
    let mut prev = 0u64;
    mask.iter().any(|&w| {
        let run =
            w & ((w << 1) | (prev >> 63)) & ((w << 2) | (prev >> 62)) & ((w << 3) | (prev >> 61));
        prev = w;
        run != 0
    })
}

/// The length of the run of ASCII digits at `b[i..]`.
fn digits_at(b: &[u8], i: usize) -> usize {
    b.get(i..)
        .map_or(0, |r| r.iter().take_while(|x| x.is_ascii_digit()).count())
}

/// A time written after a date (`14:56 WIB`, `pukul 10.30`, `at 9:05 pm`).
#[derive(Debug, Clone, PartialEq, Eq)]
struct Time<'a> {
    hour: &'a str,
    minute: &'a str,
    /// `a` or `p` for `am` / `pm` (any case, with or without full stops).
    ampm: Option<u8>,
    zone: Option<&'a str>,
}

/// The time at the start of `s`, read by hand as the expression
/// `(?-u)^(?:[ \t,|/\-]|–)*(?:pukul|jam|at)?[ \t]*(?P<h>[0-9]{1,2})[:.](?P<mi>[0-9]{2})(?:[:.][0-9]{2})?[ \t]*(?P<ampm>[aApP]\.?[mM]\b\.?)?[ \t]*(?P<tz>WIB|WITA|WIT|GMT|UTC)?`
/// would (a test compares them).
fn time(s: &str) -> Option<Time<'_>> {
    let b = s.as_bytes();
    let blanks = |mut i: usize| {
        while matches!(b.get(i), Some(b' ' | b'\t')) {
            i += 1;
        }
        i
    };
    let mut i = 0;
    loop {
        match b.get(i) {
            Some(b' ' | b'\t' | b',' | b'|' | b'/' | b'-') => i += 1,
            Some(0xE2) if b.get(i + 1..i + 3) == Some(&[0x80, 0x93]) => i += 3,
            _ => break,
        }
    }
    if let Some(w) = [&b"pukul"[..], b"jam", b"at"]
        .into_iter()
        .find(|w| b[i..].starts_with(w))
    {
        i += w.len();
    }
    i = blanks(i);
    let n = digits_at(b, i);
    if !(1..=2).contains(&n) || !matches!(b.get(i + n), Some(b':' | b'.')) {
        return None;
    }
    let hour = &s[i..i + n];
    i += n + 1;
    if digits_at(b, i) < 2 {
        return None;
    }
    let minute = &s[i..i + 2];
    i += 2;
    if matches!(b.get(i), Some(b':' | b'.')) && digits_at(b, i + 1) >= 2 {
        i += 3;
    }
    i = blanks(i);
    let mut ampm = None;
    if let Some(&c) = b.get(i)
        && matches!(c | 0x20, b'a' | b'p')
    {
        // `[mM]\b` at `j`: an `m` not followed by a letter, digit or `_`.
        let m_at = |j: usize| {
            matches!(b.get(j), Some(b'm' | b'M'))
                && !b
                    .get(j + 1)
                    .is_some_and(|&x| x.is_ascii_alphanumeric() || x == b'_')
        };
        let m = if b.get(i + 1) == Some(&b'.') && m_at(i + 2) {
            Some(i + 2)
        } else {
            m_at(i + 1).then_some(i + 1)
        };
        if let Some(m) = m {
            ampm = Some(c | 0x20);
            i = m + 1;
            if b.get(i) == Some(&b'.') {
                i += 1;
            }
        }
    }
    i = blanks(i);
    let zone = ["WIB", "WITA", "WIT", "GMT", "UTC"]
        .into_iter()
        .find(|z| b[i..].starts_with(z.as_bytes()));
    Some(Time {
        hour,
        minute,
        ampm,
        zone,
    })
}

/// A credit code in parentheses closing a text (`(CNN/hm02)`, `(ant/Ade Marboen)`), read by
/// hand: byte ranges of the parenthesis, the source and the editor.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct CreditCode {
    open: usize,
    source: (usize, usize),
    editor: (usize, usize),
}

/// The credit code at the end of `tail`, as the expression
/// `\((?P<s>W[W.\-& ]{0,24}?)[ ]*/[ ]*(?P<e>W[W.\-& /]{0,30}?)\)[ \t]*$` (`W`: ASCII letters and
/// digits, Latin-1 letters) captures it: the last parenthesis (no part holds one), the source
/// up to the first slash (without the spaces before it), the editor after it (without the
/// spaces after the slash).
fn credit_code(tail: &str) -> Option<CreditCode> {
    let word = |c: char| c.is_ascii_alphanumeric() || ('\u{C0}'..='\u{FF}').contains(&c);
    let body = tail.trim_end_matches([' ', '\t']).strip_suffix(')')?;
    let open = body.rfind('(')?;
    let inner = &body[open + 1..];
    let slash = inner.find('/')?;
    let source = inner[..slash].trim_end_matches(' ');
    let editor = inner[slash + 1..].trim_start_matches(' ');
    let part = |p: &str, max: usize, more: &dyn Fn(char) -> bool| {
        let mut chars = p.chars();
        chars.next().is_some_and(word)
            && p.chars().count() <= max
            && chars.all(|c| word(c) || more(c))
    };
    let source_ok = part(source, 25, &|c| matches!(c, '.' | '-' | '&' | ' '));
    let editor_ok = part(editor, 31, &|c| matches!(c, '.' | '-' | '&' | ' ' | '/'));
    let editor_at = open + 1 + (inner.len() - editor.len());
    (source_ok && editor_ok).then_some(CreditCode {
        open,
        source: (open + 1, open + 1 + source.len()),
        editor: (editor_at, editor_at + editor.len()),
    })
}

/// A desk code closing a text after its last sentence (`… kemarau. (Z-2)`), or alone on its
/// line: one to four capitals, a hyphen, one to three digits; or the end mark `(*)` (a credit
/// naming no one).
fn desk_code(line: &str) -> Option<CreditMatch> {
    let open = line
        .len()
        .checked_sub(10)
        .map_or(0, |f| floor_char(line, f));
    let start = open + line[open..].rfind('(')?;
    let code = &line[start + 1..line.len() - 1];
    // `(*)`: the end mark of a text, no one named.
    let star = code == "*";
    let (letters, digits) = code.split_once('-').unwrap_or(("", ""));
    let shape = star
        || (1..=4).contains(&letters.len())
            && letters.bytes().all(|b| b.is_ascii_uppercase())
            && (1..=3).contains(&digits.len())
            && digits.bytes().all(|b| b.is_ascii_digit());
    let before = line[..start].trim_end();
    let closes = before.is_empty() || before.ends_with(['.', '!', '?', '"', '”']);
    (shape && closes).then(|| CreditMatch {
        start,
        credit: Credit {
            source: None,
            editor: (!star).then(|| code.to_string()),
            role: None,
        },
    })
}

/// A short run (1 to 5) of capitalised words without a closing full stop: a person's name.
pub(crate) fn names_only(name: &str) -> bool {
    let words = name.split_whitespace().count();
    (1..=5).contains(&words)
        && !name.ends_with('.')
        && name
            .split_whitespace()
            .all(|w| w.chars().next().is_some_and(char::is_uppercase))
}

/// `Laporan Wartawan Tribunnews.com, Ilham Rian Pratama`: the outlet and the reporter;
/// `Laporan Sadul Bahri | Aceh Jaya`: the reporter.
fn reporter_line(line: &str) -> Option<Credit> {
    let b = line.as_bytes();
    if b.len() < 12 || !b[..8].eq_ignore_ascii_case(b"laporan ") {
        return None;
    }
    let rest = &line[8..];
    let label = [
        "wartawan",
        "reporter",
        "kontributor",
        "jurnalis",
        "koresponden",
    ]
    .into_iter()
    .find(|l| {
        rest.len() > l.len()
            && rest.as_bytes()[..l.len()].eq_ignore_ascii_case(l.as_bytes())
            && rest.as_bytes()[l.len()] == b' '
    });
    let Some(label) = label else {
        // `Laporan Sadul Bahri | Aceh Jaya`: the reporter, then the place.
        let (name, place) = rest.split_once('|')?;
        let (name, place) = (name.trim(), place.trim());
        return (names_only(name) && name.split(' ').count() <= 4 && names_only(place)).then(
            || Credit {
                source: None,
                editor: Some(name.to_string()),
                role: Some("reporter".to_string()),
            },
        );
    };
    let rest = rest[label.len()..].trim();
    let (source, name) = match rest.rsplit_once(',') {
        Some((s, n)) => (Some(s.trim()), n.trim()),
        None => (None, rest),
    };
    if !names_only(name) || source.is_some_and(|s| s.is_empty() || s.split_whitespace().count() > 4)
    {
        return None;
    }
    Some(Credit {
        source: source.map(str::to_string),
        editor: Some(name.to_string()),
        role: Some("reporter".to_string()),
    })
}

fn make_match(line: &str, end: usize, place: Option<&str>, outlet: Option<&str>) -> DatelineMatch {
    let matched = &line[..end];
    let len = matched.trim_end().len();
    let clean = |s: &str| {
        let s = s.trim().trim_end_matches(',').trim();
        (!s.is_empty()).then(|| s.to_string())
    };
    DatelineMatch {
        len,
        rest: end,
        dateline: Dateline {
            place: place.and_then(clean),
            outlet: outlet.and_then(clean),
        },
    }
}

fn month_number(m: &str) -> u32 {
    let m = m.to_ascii_lowercase();
    match m.get(..3).unwrap_or("") {
        "jan" => 1,
        "feb" => 2,
        "mar" => 3,
        "apr" => 4,
        "mei" | "may" => 5,
        "jun" => 6,
        "jul" => 7,
        "agu" | "agt" | "aug" => 8,
        "sep" => 9,
        "okt" | "oct" => 10,
        "nov" => 11,
        "des" | "dec" => 12,
        _ => 0,
    }
}

/// The longest prefix of `s` of at most `n` bytes that ends on a char boundary.
pub(crate) fn prefix(s: &str, n: usize) -> &str {
    &s[..floor_char(s, n.min(s.len()))]
}

/// The largest char boundary of `s` not after `i`.
pub(crate) fn floor_char(s: &str, mut i: usize) -> usize {
    if i >= s.len() {
        return s.len();
    }
    while !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

#[cfg(test)]
mod tests {
    use super::*;

    fn outlet(s: &str) -> bool {
        let l = s.to_lowercase();
        l.contains(".com")
            || l.contains(".id")
            || l.contains(".co")
            || ["antara", "antara news", "kompas", "prnewswire"].contains(&l.as_str())
    }

    #[test]
    fn datelines() {
        let r = MetaRegexes::new();
        let d = |s: &str| {
            r.dateline(s, &outlet, false)
                .map(|m| (m.dateline.place, m.dateline.outlet, s[m.rest..].to_string()))
        };
        let some = |p: &str, o: &str, rest: &str| {
            Some((Some(p.to_string()), Some(o.to_string()), rest.to_string()))
        };
        assert_eq!(
            d("JAKARTA, KOMPAS.com — Menteri datang."),
            some("JAKARTA", "KOMPAS.com", "Menteri datang.")
        );
        assert_eq!(
            d("Jakarta (ANTARA) - Presiden datang."),
            some("Jakarta", "ANTARA", "Presiden datang.")
        );
        assert_eq!(
            d("Mataram, NTB (ANTARA News) - Sebanyak 29 penerbangan"),
            some("Mataram", "ANTARA News", "Sebanyak 29 penerbangan")
        );
        assert_eq!(
            d("Liputan6.com, Jakarta - Indonesia memasuki"),
            some("Jakarta", "Liputan6.com", "Indonesia memasuki")
        );
        assert_eq!(
            d("TEMPO.CO, Jakarta - Organisasi"),
            some("Jakarta", "TEMPO.CO", "Organisasi")
        );
        assert_eq!(
            d("JAKARTA, KOMPAS — Presiden"),
            some("JAKARTA", "KOMPAS", "Presiden")
        );
        assert_eq!(
            d("Washington, MISTAR.ID"),
            some("Washington", "MISTAR.ID", "")
        );
        assert_eq!(d("Menurut dia, akibat penutupan - itu"), None);
        assert_eq!(d("Presiden Joko Widodo, Senin, datang."), None);
    }

    #[test]
    fn credits() {
        let r = MetaRegexes::new();
        let c = r
            .credit_tail("kata Home dalam pernyataan itu.(CNN/hm02)")
            .unwrap();
        assert_eq!(c.start, 31);
        assert_eq!(c.credit.source.as_deref(), Some("CNN"));
        assert_eq!(c.credit.editor.as_deref(), Some("hm02"));
        assert!(r.credit_tail("(ant/Ade Marboen)").is_some());
        assert!(r.credit_tail("aliansi AS-ROK (Republik Korea)").is_none());
        let e = r.credit_line("Editor: Ade Marboen").unwrap();
        assert_eq!(e.editor.as_deref(), Some("Ade Marboen"));
        assert_eq!(e.role.as_deref(), Some("editor"));
        assert!(r.credit_line("Penulis").is_some());
        assert!(
            r.credit_line("Oleh karena itu, kebijakan harus segera.")
                .is_none()
        );
        assert!(
            r.credit_line("Editor menilai kebijakan itu tepat.")
                .is_none()
        );
    }

    #[test]
    fn credit_labels_read_by_hand_agree_with_the_expression() {
        let r = MetaRegexes::new();
        for line in [
            "Editor: Ade Marboen",
            "EDITOR :  Ade",
            "Penulis\t:\tNabilla",
            "Penulis",
            "Penulisan artikel itu",
            "written by Jane Doe",
            "Writer: Jane",
            "reported by: X",
            "By Ratnaning Asih",
            "Byline",
            "Oleh karena itu, kebijakan harus segera.",
            "Sumber: Kompas.com",
            "editor_x: y",
            "Source:",
            "Kontributor Lhokseumawe, Masriadi",
            "Presiden datang.",
        ] {
            let expected = credit_expression().captures(line).map(|c| {
                (
                    c.name("role").unwrap().as_str(),
                    c.name("colon").is_some(),
                    c.name("name").map_or("", |m| m.as_str()),
                )
            });
            assert_eq!(r.credit_label(line), expected, "{line:?}");
        }
    }

    #[test]
    fn time_agrees_with_the_expression() {
        let re = Regex::new(
            r"(?-u)^(?:[ \t,|/\-]|–)*(?:pukul|jam|at)?[ \t]*(?P<h>[0-9]{1,2})[:.](?P<mi>[0-9]{2})(?:[:.][0-9]{2})?[ \t]*(?P<ampm>[aApP]\.?[mM]\b\.?)?[ \t]*(?P<tz>WIB|WITA|WIT|GMT|UTC)?",
        )
        .unwrap();
        // Lines made of the pieces of dates and times, in random orders.
        let pieces = [
            "Jakarta",
            "KOMPAS.com",
            "ANTARA",
            "Liputan6.com",
            "jpnn.com",
            "Kota Baru",
            "Ède",
            "Élan",
            "x",
            "Mei",
            "May",
            "Senin",
            ",",
            ", ",
            " ",
            "  ",
            "\t",
            "\u{a0}",
            "-",
            " - ",
            "–",
            " — ",
            "―",
            "(",
            ")",
            " (ANTARA) ",
            "’",
            "'",
            ".",
            "&",
            "/",
            "12",
            "5",
            "2024",
            "21/10/2025",
            "12 Mei 2024",
            "April 28, 2024",
            " Mei ",
            " 2024",
            "Nov. 4, 2015",
            "04 Nov, 2015",
            "5\tDESEMBER 2015",
            "1-2-2020",
            "2024-4-28",
            "Mei.",
            "123",
            " 14:56 WIB",
            "pukul 10.30",
            "jam",
            "at 9:05 pm",
            " | ",
            "2024-04-28",
            "(",
            "“",
            "ß",
            "€",
            "am",
            "A.M.",
            "p.m",
            "pmx",
            "WITA",
            "WIT",
            "UTC",
            ":05",
            ".30",
            "7",
            "pukul",
            "at",
        ];
        let mut matched = 0;
        for line in crate::random_lines(&pieces, 0x2545_F491_4F6C_DD1D, 30_000, 9) {
            let s = prefix(&line, DATE_SCAN);
            let want = re.captures(s).map(|c| Time {
                hour: c.name("h").unwrap().as_str(),
                minute: c.name("mi").unwrap().as_str(),
                ampm: c.name("ampm").map(|m| m.as_str().as_bytes()[0] | 0x20),
                zone: c.name("tz").map(|m| m.as_str()),
            });
            matched += usize::from(want.is_some());
            assert_eq!(time(s), want, "{line:?}");
        }
        assert!(matched > 1000, "{matched}");
    }

    #[test]
    fn digit_mask_agrees_with_a_byte_by_byte_scan() {
        let naive = |b: &[u8]| b.windows(4).any(|w| w.iter().all(u8::is_ascii_digit));
        let mut texts: Vec<String> = vec![
            String::new(),
            "2024".to_string(),
            "Senin (21/10/2025) pukul 10.30 WIB".to_string(),
            "°±²³ ٠١٢٣ ０１２３ 12 345".to_string(),
        ];
        // Four digits, or three, across every position of the 8-byte chunks.
        for at in 0..24 {
            for run in ["2024", "202", "20x4"] {
                texts.push(format!("{}{run} dan", "a".repeat(at)));
            }
        }
        for t in &texts {
            let b = prefix(t, DATE_SCAN).as_bytes();
            let mask = digit_mask(b);
            for (i, &x) in b.iter().enumerate() {
                assert_eq!(
                    mask[i / 64] >> (i % 64) & 1 == 1,
                    x.is_ascii_digit(),
                    "{t:?} {i}"
                );
            }
            assert_eq!(has_year(&mask), naive(b), "{t:?}");
        }
        // Runs across the 64-bit words of the mask.
        for at in 56..72 {
            let t = format!("{}1999", "-".repeat(at));
            assert!(has_year(&digit_mask(t.as_bytes())), "{at}");
        }
    }

    #[test]
    fn credit_codes_agree_with_the_expression() {
        let re = Regex::new(
            r"\((?P<s>[A-Za-z0-9\u{C0}-\u{FF}][A-Za-z0-9\u{C0}-\u{FF}.\-& ]{0,24}?)[ ]*/[ ]*(?P<e>[A-Za-z0-9\u{C0}-\u{FF}][A-Za-z0-9\u{C0}-\u{FF}.\-& /]{0,30}?)\)[ \t]*$",
        )
        .unwrap();
        let pieces = [
            "(",
            ")",
            "/",
            " ",
            "  ",
            "\t",
            "CNN",
            "hm02",
            "ant",
            "Ade Marboen",
            "É",
            "ß",
            "日",
            "-",
            ".",
            "&",
            ",",
            "’",
            "x",
            "abcdefghijklmnopqrstuvwxyz",
            "(ant/hm)",
            "itu.",
            "\u{a0}",
        ];
        let mut found = 0;
        for s in crate::random_lines(&pieces, 0x2545_F491_4F6C_DD1D, 60_000, 9) {
            let want = re.captures(&s).map(|c| {
                let span = |m: regex::Match| (m.start(), m.end());
                CreditCode {
                    open: c.get(0).unwrap().start(),
                    source: span(c.name("s").unwrap()),
                    editor: span(c.name("e").unwrap()),
                }
            });
            found += usize::from(want.is_some());
            assert_eq!(credit_code(&s), want, "{s:?}");
        }
        assert!(found > 500, "{found}");
        // The length limits of both parts, at their edges.
        for source in 23..28 {
            for editor in 29..34 {
                let s = format!("teks. ({}/{})", "a".repeat(source), "b".repeat(editor));
                let want = re.captures(&s).map(|c| c.get(0).unwrap().start());
                assert_eq!(credit_code(&s).map(|c| c.open), want, "{source} {editor}");
            }
        }
    }

    #[test]
    fn dates() {
        let r = MetaRegexes::new();
        assert_eq!(
            r.date("Sunday, April 28, 2024").as_deref(),
            Some("2024-04-28")
        );
        assert_eq!(
            r.date("Kamis, 5 November 2015 14:56 WIB | 1.229 Views")
                .as_deref(),
            Some("2015-11-05T14:56+07:00")
        );
        assert_eq!(
            r.date("kata Presiden, Selasa (21/10/2025).").as_deref(),
            Some("2025-10-21")
        );
        assert_eq!(
            r.date("Wednesday, 04 November, 2015 | 07:28 WIB")
                .as_deref(),
            Some("2015-11-04T07:28+07:00")
        );
        assert_eq!(
            r.date("on 16 Feb 2016 at 09:10 WIB").as_deref(),
            Some("2016-02-16T09:10+07:00")
        );
        assert_eq!(r.date("Rp 60.000 per 5 tangki"), None);
    }
}
