//! Document-level linking of partial person mentions to full names seen earlier.

use std::collections::{HashMap, HashSet};
use std::sync::Arc;

use crate::builder::make_id;
use crate::fold::fold_key;
use crate::{Mention, Span};

/// A person's full name found outside the list (e.g. a quote speaker), for linking.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct PersonName {
    /// Span of the full name in the text.
    pub span: Span,
    /// The full name (`Emily Home`).
    pub name: String,
}

/// Words that are part of a written name but never stand alone for the person.
const NOT_NAME_TOKENS: &[&str] = &[
    "bin", "binti", "van", "von", "der", "den", "de", "da", "di", "al", "el", "la", "le", "du",
    "del", "dos", "ibn", "abu", "bapak", "pak", "ibu", "bu", "haji", "hajjah", "presiden",
    "menteri", "jenderal", "raja", "ratu", "pangeran", "sultan", "paus", "sri", "muhammad",
    "mohammad", "mohamed", "muhamad", "ahmad", "abdul", "nur", "siti", "jr", "sr", "ii", "iii",
];

/// Words of institution and place names that never occur in a personal name: a
/// [`PersonName`] containing one (`Hak Asasi Manusia`, `Badan Pengatur Hilir Minyak`) is a
/// mis-recognised speaker and is ignored.
const NOT_PERSON_WORDS: &[&str] = &[
    "kementerian",
    "kantor",
    "badan",
    "komisi",
    "komite",
    "dewan",
    "lembaga",
    "majelis",
    "mahkamah",
    "pengadilan",
    "kejaksaan",
    "kepolisian",
    "partai",
    "perusahaan",
    "pemerintah",
    "pemerintahan",
    "universitas",
    "institut",
    "sekolah",
    "rumah",
    "sakit",
    "bank",
    "pt",
    "tbk",
    "hak",
    "asasi",
    "manusia",
    "hukum",
    "minyak",
    "gas",
    "bumi",
    "hilir",
    "hulu",
    "energi",
    "keuangan",
    "kesehatan",
    "pendidikan",
    "keamanan",
    "pertahanan",
    "sosial",
    "nasional",
    "negara",
    "republik",
    "provinsi",
    "kabupaten",
    "kota",
    "daerah",
    "wilayah",
    "pusat",
    "umum",
    "rakyat",
    "pulau",
    "gunung",
    "sungai",
    "jalan",
    "gedung",
    "istana",
    "bandara",
    "pelabuhan",
    "stasiun",
    "pasar",
    "masjid",
    "gereja",
    "koalisi",
    "asosiasi",
    "yayasan",
    "organisasi",
    "serikat",
    "kepresidenan",
    "bursa",
    "efek",
];

/// A full person name that later partial mentions may link to.
struct FullName {
    /// Where it appears (partial mentions must start at or after `end`).
    end: usize,
    id: Arc<str>,
    entity_type: Arc<str>,
    canonical: Arc<str>,
    alias: Arc<str>,
}

/// Folded name tokens of a full name that may stand alone for the person (capitalised,
/// two letters or more, not a particle, title or very common first name).
fn name_tokens(name: &str) -> Vec<String> {
    let mut out = Vec::new();
    for raw in name.split(|c: char| c.is_whitespace() || c == ',') {
        let word = raw.trim_matches(|c: char| !c.is_alphanumeric());
        if raw.ends_with('.') || word.chars().filter(|c| c.is_alphabetic()).count() < 2 {
            continue;
        }
        if !word.chars().next().is_some_and(char::is_uppercase) {
            continue;
        }
        let key = fold_key(word);
        if NOT_NAME_TOKENS.contains(&key.as_str()) || out.contains(&key) {
            continue;
        }
        out.push(key);
    }
    out
}

/// A word of the text: letters and digits, with inner hyphens or apostrophes between letters
/// (`Min-seol`, `O'Brien`).
fn words(text: &str, range: Span) -> impl Iterator<Item = Span> + '_ {
    let end = range.end;
    // Bytes past the range are never read.
    let bytes = text.as_bytes();
    let bytes = &bytes[..end.min(bytes.len())];
    let mut i = range.start;
    // The char at byte `at` (a char boundary inside the range), if any.
    let char_at = move |at: usize| text.get(at..end).and_then(|rest| rest.chars().next());
    let alnum_at = move |at: usize| char_at(at).is_some_and(char::is_alphanumeric);
    std::iter::from_fn(move || {
        // Skip to the next alphanumeric char; ASCII bytes without decoding.
        loop {
            let &b = bytes.get(i)?;
            if b.is_ascii() {
                if b.is_ascii_alphanumeric() {
                    break;
                }
                i += 1;
            } else {
                let c = char_at(i)?;
                if c.is_alphanumeric() {
                    break;
                }
                i += c.len_utf8();
            }
        }
        let start = i;
        while let Some(&b) = bytes.get(i) {
            if b.is_ascii_alphanumeric() {
                i += 1;
                continue;
            }
            if b.is_ascii() {
                if matches!(b, b'-' | b'\'') && alnum_at(i + 1) {
                    i += 1;
                    continue;
                }
                break;
            }
            let Some(c) = char_at(i) else { break };
            let joins = c == '\u{2019}' && alnum_at(i + c.len_utf8());
            if c.is_alphanumeric() || crate::fold::is_combining(c) || joins {
                i += c.len_utf8();
            } else {
                break;
            }
        }
        Some(Span::new(start, i))
    })
}

/// The folded key of a word, as [`fold_key`] computes it, without allocating for the common
/// case of a plain ASCII word (lowercased into `buf`).
fn word_key<'b>(word: &str, buf: &'b mut String) -> &'b str {
    buf.clear();
    if word.bytes().all(|b| b.is_ascii_alphanumeric()) {
        buf.extend(word.bytes().map(|b| char::from(b.to_ascii_lowercase())));
    } else {
        buf.push_str(&fold_key(word));
    }
    buf
}

/// True when the word at `start` opens a sentence (start of a region or line, or after
/// `.`, `!`, `?`, `:` and opening quotes).
fn sentence_initial(text: &str, region_start: usize, start: usize) -> bool {
    for c in text[region_start..start].chars().rev() {
        if c.is_whitespace() && c != '\n' {
            continue;
        }
        return matches!(
            c,
            '\n' | '.' | '!' | '?' | ':' | '"' | '\u{201C}' | '\u{201D}' | '\'' | '\u{2018}' | '('
        );
    }
    true
}

fn valid(text: &str, s: Span) -> bool {
    s.start <= s.end
        && s.end <= text.len()
        && text.is_char_boundary(s.start)
        && text.is_char_boundary(s.end)
}

/// Sorts mentions by start (longer first at equal start) and drops overlapping ones,
/// keeping the earlier (then longer) mention.
fn sort_dedup(mut mentions: Vec<Mention>) -> Vec<Mention> {
    mentions.sort_by(|a, b| {
        a.span
            .start
            .cmp(&b.span.start)
            .then(b.span.end.cmp(&a.span.end))
    });
    let mut out: Vec<Mention> = Vec::with_capacity(mentions.len());
    for m in mentions {
        if out.last().is_none_or(|l| m.span.start >= l.span.end) {
            out.push(m);
        }
    }
    out
}

/// Document-level linking: adds mentions for later partial mentions (`Home`) of full person
/// names seen earlier (`Emily Home`), from PER mentions and from `persons`, inside `regions`.
/// Returns all mentions sorted and non-overlapping.
///
/// Rules:
/// - a *full name* is the canonical name of a `PER` mention with two words or more, or a
///   [`PersonName`] of two words or more (one that overlaps no mention is also added as a `PER`
///   mention with id `PER:slug`, e.g. `PER:emily-home`, when it lies inside a region);
/// - a later word inside a region that is not already part of a mention, starts with a
///   capital letter and equals (case- and diacritic-insensitively) one of the name tokens of
///   a full name ending before it becomes a mention of that person, with the full name as
///   alias. Any token links, so Korean family-name-first names work (`Suh` -> `Suh Hoon`,
///   `Moon` -> `Moon Jae-in`) as well as Western ones (`Sullivan` -> `Jake Sullivan`);
/// - a [`PersonName`] with a word of institution or place names (`Kementerian`, `Hak`,
///   `Asasi`, `Minyak`, `Pulau`) is a mis-recognised speaker and is ignored;
/// - name tokens exclude particles and titles (`bin`, `van`, `Haji`, `Presiden`), abbreviations
///   (`H.`) and very common first names (`Muhammad`, `Ahmad`, `Siti`);
/// - a sentence-initial word links only if the same word never appears in lowercase in the
///   text (so `Karya` opening a sentence is not taken for `Budi Karya` when `karya` is used
///   as a word);
/// - when several full names share the token, the most recent one wins.
///
/// ```
/// use warta_gazetteer::{PersonName, Span, link_document};
/// let text = "Juru bicara Emily Home berbicara. Kata Home, aliansi kuat.";
/// let persons = [PersonName { span: Span::new(12, 22), name: "Emily Home".into() }];
/// let all = link_document(text, &[Span::new(0, text.len())], Vec::new(), &persons);
/// let got: Vec<(&str, &str)> = all.iter().map(|m| (&text[m.span.start..m.span.end], &*m.id)).collect();
/// assert_eq!(got, [("Emily Home", "PER:emily-home"), ("Home", "PER:emily-home")]);
/// ```
pub fn link_document(
    text: &str,
    regions: &[Span],
    mentions: Vec<Mention>,
    persons: &[PersonName],
) -> Vec<Mention> {
    let mut mentions = sort_dedup(
        mentions
            .into_iter()
            .filter(|m| valid(text, m.span))
            .collect(),
    );
    let mut regions: Vec<Span> = regions
        .iter()
        .copied()
        .filter(|r| valid(text, *r))
        .collect();
    regions.sort_by_key(|r| r.start);
    let in_region = |s: Span| {
        let i = regions.partition_point(|r| r.end < s.end);
        regions.get(i).is_some_and(|r| r.start <= s.start)
    };

    let mut full: Vec<FullName> = Vec::new();
    let mut tokens: HashMap<String, Vec<usize>> = HashMap::new();
    let mut add_full = |full: &mut Vec<FullName>, f: FullName, name: &str| {
        let toks = name_tokens(name);
        if toks.is_empty() || name.split_whitespace().count() < 2 {
            return;
        }
        for t in toks {
            tokens.entry(t).or_default().push(full.len());
        }
        full.push(f);
    };
    let per = |t: &str| t.eq_ignore_ascii_case("PER") || t.eq_ignore_ascii_case("PERSON");
    for m in mentions.iter().filter(|m| per(&m.entity_type)) {
        let f = FullName {
            end: m.span.end,
            id: m.id.clone(),
            entity_type: m.entity_type.clone(),
            canonical: m.canonical.clone(),
            alias: m.canonical.clone(),
        };
        let canonical = m.canonical.clone();
        add_full(&mut full, f, &canonical);
    }
    let mut added = Vec::new();
    let mut added_spans: HashSet<Span> = HashSet::new();
    for p in persons {
        let words: Vec<String> = p.name.split_whitespace().map(fold_key).collect();
        if !valid(text, p.span)
            || words.len() < 2
            || words.iter().any(|w| NOT_PERSON_WORDS.contains(&w.as_str()))
            || name_tokens(&p.name).is_empty()
        {
            continue;
        }
        // `mentions` is sorted and non-overlapping: binary search, not a scan per person.
        let first = mentions.partition_point(|m| m.span.end <= p.span.start);
        let overlaps = mentions
            .get(first)
            .is_some_and(|m| m.span.start < p.span.end);
        if overlaps {
            continue;
        }
        let name: Arc<str> = Arc::from(p.name.split_whitespace().collect::<Vec<_>>().join(" "));
        let f = FullName {
            end: p.span.end,
            id: Arc::from(make_id("PER", &name)),
            entity_type: Arc::from("PER"),
            canonical: name.clone(),
            alias: name.clone(),
        };
        if in_region(p.span) && added_spans.insert(p.span) {
            added.push(Mention {
                span: p.span,
                id: f.id.clone(),
                entity_type: f.entity_type.clone(),
                canonical: f.canonical.clone(),
                alias: f.alias.clone(),
            });
        }
        add_full(&mut full, f, &name);
    }
    if full.is_empty() {
        return mentions;
    }
    // Partial mentions must follow the full name: order each token's names by position.
    for list in tokens.values_mut() {
        list.sort_by_key(|&i| full[i].end);
    }
    // Which name tokens are also used as ordinary lowercase words in this text.
    let mut lowercase_word: HashMap<&str, bool> =
        tokens.keys().map(|k| (k.as_str(), false)).collect();
    // Byte lengths of the name tokens: most words can be skipped without folding or hashing.
    let mut lengths = [false; 64];
    let mut long_tokens = false;
    for k in tokens.keys() {
        match lengths.get_mut(k.len()) {
            Some(slot) => *slot = true,
            None => long_tokens = true,
        }
    }
    let maybe_token = |w: Span| long_tokens || lengths.get(w.len()).copied().unwrap_or(false);
    let mut buf = String::new();
    for w in words(text, Span::new(0, text.len())) {
        let s = &text[w.start..w.end];
        if maybe_token(w)
            && s.chars().next().is_some_and(char::is_lowercase)
            && let Some(seen) = lowercase_word.get_mut(word_key(s, &mut buf))
        {
            *seen = true;
        }
    }
    let mut taken: Vec<Span> = mentions.iter().chain(&added).map(|m| m.span).collect();
    taken.sort_by_key(|s| s.start);
    let covered = |w: Span| {
        let i = taken.partition_point(|s| s.end <= w.start);
        taken.get(i).is_some_and(|s| s.start < w.end)
    };
    let mut linked = Vec::new();
    for r in &regions {
        for w in words(text, *r) {
            let s = &text[w.start..w.end];
            if !maybe_token(w) || !s.chars().next().is_some_and(char::is_uppercase) || covered(w) {
                continue;
            }
            let key = word_key(s, &mut buf);
            let Some(list) = tokens.get(key) else {
                continue;
            };
            let before = list.partition_point(|&i| full[i].end <= w.start);
            if before == 0 {
                continue;
            }
            if lowercase_word.get(key) == Some(&true) && sentence_initial(text, r.start, w.start) {
                continue;
            }
            let f = &full[list[before - 1]];
            linked.push(Mention {
                span: w,
                id: f.id.clone(),
                entity_type: f.entity_type.clone(),
                canonical: f.canonical.clone(),
                alias: f.alias.clone(),
            });
        }
    }
    mentions.extend(added);
    mentions.extend(linked);
    sort_dedup(mentions)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn word_texts(text: &str, range: Span) -> Vec<&str> {
        words(text, range).map(|w| &text[w.start..w.end]).collect()
    }

    #[test]
    fn words_keep_hyphens_apostrophes_and_combining_marks_inside() {
        let text = "Moon Jae-in, Ma’ruf Amin dan O'Neil: kata-kata -- Jose\u{301} (2024) é- ’x";
        assert_eq!(
            word_texts(text, Span::new(0, text.len())),
            [
                "Moon",
                "Jae-in",
                "Ma’ruf",
                "Amin",
                "dan",
                "O'Neil",
                "kata-kata",
                "Jose\u{301}",
                "2024",
                "é",
                "x"
            ]
        );
    }

    #[test]
    fn words_stay_inside_the_range() {
        let text = "Suh Hoon-nya Biden";
        // The range ends inside "Hoon-nya": the word is cut at the range end, never beyond.
        assert_eq!(word_texts(text, Span::new(0, 8)), ["Suh", "Hoon"]);
        assert_eq!(word_texts(text, Span::new(4, 12)), ["Hoon-nya"]);
        assert!(word_texts(text, Span::new(3, 4)).is_empty());
    }
}
