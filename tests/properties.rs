//! Property tests: the invariants of `support/checks.rs` on generated texts, for every stage
//! and the whole pipeline. Texts are built from pieces of Indonesian news (clitics,
//! abbreviations, numbers, quote marks, chrome phrases, URLs, emoji, other scripts, odd spaces
//! and line ends) or are arbitrary Unicode strings. Case counts stay small for CI.

#[allow(dead_code)]
#[path = "support/checks.rs"]
mod checks;
#[allow(dead_code)]
#[path = "support/targets.rs"]
mod targets;

use proptest::prelude::*;
use proptest::test_runner::Config;
use warta::Span;
use warta::gazetteer::{Entity, GazetteerBuilder};

/// Pieces that news text is made of, including the troublesome ones.
const PIECES: &[&str] = &[
    "Presiden",
    "Joko",
    "Widodo",
    "Sri",
    "Mulyani",
    "Korea",
    "Utara",
    "Selatan",
    "AS",
    "as",
    "Korsel",
    "Jakarta",
    "Indonesia",
    "Indonesiaku",
    "kata",
    "katanya",
    "ujarnya",
    "mengatakan",
    "menurut",
    "Menurut",
    "bahwa",
    "ia",
    "mereka",
    "bacalah",
    "kuambil",
    "bukumu",
    "apakah",
    "sekolah",
    "masalah",
    "punya",
    "anak-anak",
    "Covid-19",
    "Moon Jae-in",
    "ke-14",
    "Jl.",
    "Dr.",
    "dr.",
    "H.",
    "Prof.",
    "No.",
    "Tbk.",
    "dll.",
    "S.H.,",
    "M.H.",
    "R.",
    "Rp1.500.000",
    "1.904.569",
    "2,5",
    "10.30",
    "WIB",
    "19/2/2022",
    "10.4 C",
    "MISTAR.ID",
    "KOMPAS.com",
    "https://kompas.com/a/b?c=1",
    "redaksi@mistar.id",
    "#Pemilu2024",
    "@jokowi",
    "Baca Juga:",
    "ADVERTISEMENT",
    "Related Articles",
    "Editor:",
    "(CNN/hm02)",
    "Jakarta, KOMPAS.com —",
    "Jakarta (ANTARA) -",
    "“",
    "”",
    "\"",
    "'",
    "‘",
    "’",
    "«",
    "»",
    "„",
    ",",
    ".",
    "!",
    "?",
    ":",
    ";",
    "…",
    "...",
    "(",
    ")",
    "[",
    "]",
    "-",
    "—",
    "/",
    "😀",
    "👍🏽",
    "👨‍👩‍👧",
    "🇮🇩",
    "中文新闻",
    "مرحبا",
    "ข่าวไทย",
    "Новости",
    "e\u{301}",
    "\u{301}",
    "\u{200b}",
    "\u{200d}",
    "\u{202e}",
    "\u{feff}",
    "\0",
    "\u{a0}",
    "\u{3000}",
    "\t",
    "\n",
    "\n\n",
    "\r\n",
    "\r",
];

/// Text made of news pieces joined by a space, nothing, or a line break.
fn news_text() -> impl Strategy<Value = String> {
    prop::collection::vec(
        (
            prop::sample::select(PIECES),
            prop::sample::select(&[" ", " ", " ", "", "\n", "\u{a0}"][..]),
        ),
        0..48,
    )
    .prop_map(|parts| {
        parts
            .into_iter()
            .flat_map(|(piece, sep)| [piece, sep])
            .collect()
    })
}

/// Either news-like text or an arbitrary Unicode string.
fn any_text() -> impl Strategy<Value = String> {
    prop_oneof![3 => news_text(), 1 => any::<String>(), 1 => "[ \n\r\t“”\"«»a-zA-Z.,]{0,80}"]
}

/// A text and a sub-range of it on char boundaries.
fn text_and_range() -> impl Strategy<Value = (String, Span)> {
    (any_text(), any::<u8>(), any::<u8>()).prop_map(|(text, a, b)| {
        let range = targets::sub_range(&text, &[a, b]);
        (text, range)
    })
}

fn config(cases: u32) -> Config {
    Config {
        cases,
        failure_persistence: None,
        ..Config::default()
    }
}

proptest! {
    #![proptest_config(config(256))]

    #[test]
    fn tokens_words_and_sentences_hold_their_invariants((text, range) in text_and_range()) {
        targets::check_tokenize(&text, range);
    }

    #[test]
    fn conllu_has_one_row_per_token_and_word(text in any_text()) {
        targets::check_conllu_of(&text);
    }

    #[test]
    fn blocks_cover_the_text(text in any_text()) {
        targets::check_boilerplate(&text);
    }

    #[test]
    fn quote_spans_lie_inside_the_paragraphs(text in any_text()) {
        targets::check_quotes_of(&text);
    }

    #[test]
    fn default_gazetteer_mentions_are_sorted_and_disjoint((text, range) in text_and_range()) {
        targets::check_gazetteer(&targets::DEFAULT_GAZETTEER, &text, range);
    }
}

/// Names to build gazetteers from: they overlap, nest and share prefixes on purpose.
const NAMES: &[&str] = &[
    "Korea",
    "Korea Utara",
    "Korea Selatan",
    "Utara",
    "Selatan Jaya",
    "AS",
    "Jaya",
    "Kota Baru",
    "Kota",
    "Baru Kota",
    "Émile Zola",
    "Zola",
    "Rumah Biru",
    "Biru",
];

/// A gazetteer list of up to 8 entities drawn from [`NAMES`].
fn entities() -> impl Strategy<Value = Vec<Entity>> {
    prop::collection::vec(
        (
            prop::sample::select(NAMES),
            prop::collection::vec(prop::sample::select(NAMES), 0..3),
            prop::sample::select(&["PER", "ORG", "LOC", "GPE"][..]),
        ),
        0..8,
    )
    .prop_map(|list| {
        list.into_iter()
            .enumerate()
            .map(|(i, (canonical, aliases, kind))| Entity {
                id: format!("{kind}:{i}"),
                canonical: canonical.to_owned(),
                entity_type: kind.to_owned(),
                aliases: aliases.into_iter().map(str::to_owned).collect(),
                attributes: Default::default(),
            })
            .collect()
    })
}

/// Text made of the names, their lowercase and clitic forms, and separators.
fn names_text() -> impl Strategy<Value = String> {
    prop::collection::vec(
        (
            prop::sample::select(NAMES),
            prop::sample::select(&["", "", "", "nya", "ku", "-", "lower"][..]),
            prop::sample::select(&[" ", " ", ", ", ".", "\u{a0}", "  ", "\n", ""][..]),
        ),
        0..16,
    )
    .prop_map(|parts| {
        let mut text = String::new();
        for (name, suffix, sep) in parts {
            if suffix == "lower" {
                text.push_str(&name.to_lowercase());
            } else {
                text.push_str(name);
                text.push_str(suffix);
            }
            text.push_str(sep);
        }
        text
    })
}

proptest! {
    #![proptest_config(config(256))]

    #[test]
    fn built_gazetteers_match_sorted_disjoint_mentions(
        list in entities(),
        text in names_text(),
        a in any::<u8>(),
        b in any::<u8>(),
    ) {
        let mut builder = GazetteerBuilder::new();
        for entity in list {
            builder = builder.add(entity);
        }
        let gazetteer = builder.build().expect("a list of well-formed entities builds");
        let range = targets::sub_range(&text, &[a, b]);
        targets::check_gazetteer(&gazetteer, &text, range);
    }

    #[test]
    fn gazetteer_lists_from_tsv_build_or_name_a_line(
        rows in prop::collection::vec(
            prop::collection::vec("[A-Za-z:| \u{e9}]{0,12}", 0..6),
            0..6,
        ),
        text in names_text(),
    ) {
        let list: String = rows.iter().map(|cols| cols.join("\t") + "\n").collect();
        if let Some(gazetteer) = targets::build_gazetteer(&list) {
            targets::check_gazetteer(&gazetteer, &text, Span::new(0, text.len()));
        }
    }
}

proptest! {
    #![proptest_config(config(64))]

    #[test]
    fn documents_agree_with_their_text(text in any_text(), boilerplate in any::<bool>()) {
        targets::check_pipeline(&text, boilerplate);
    }

    #[test]
    fn every_jsonl_line_gives_one_output_line(
        lines in prop::collection::vec(
            prop_oneof![
                any_text().prop_map(|t| serde_json::json!({"id": 1, "text": t}).to_string()),
                any_text().prop_map(|t| serde_json::json!({"text": t, "id": t}).to_string()),
                any_text(),
                Just(String::from("{\"id\":7}")),
            ],
            0..4,
        ),
        crlf in any::<bool>(),
    ) {
        let sep = if crlf { "\r\n" } else { "\n" };
        let input = lines.join(sep);
        targets::jsonl(input.as_bytes());
    }
}

/// True when `text[start..end]` stands as whole words: white space or the text's edge before,
/// and white space, the edge, or a comma or full stop followed by white space or the edge after.
fn whole_words(text: &str, start: usize, end: usize) -> bool {
    let before = text[..start].chars().next_back();
    let mut after = text[end..].chars();
    let left = before.is_none_or(char::is_whitespace);
    let right = match after.next() {
        None => true,
        Some(c) if c.is_whitespace() => true,
        Some(',' | '.') => after.next().is_none_or(char::is_whitespace),
        Some(_) => false,
    };
    left && right
}

proptest! {
    #![proptest_config(config(256))]

    /// The trap DESIGN.md names: when the longest candidate at a position fails the word
    /// boundary check, a shorter one there (or one starting inside it) must still match. So every
    /// whole-word occurrence of a name, written exactly as listed, overlaps some mention.
    #[test]
    fn every_whole_word_occurrence_of_a_name_is_matched(
        list in entities(),
        text in names_text(),
    ) {
        let mut builder = GazetteerBuilder::new();
        let mut names: Vec<String> = Vec::new();
        for entity in list {
            names.push(entity.canonical.clone());
            names.extend(entity.aliases.iter().cloned());
            builder = builder.add(entity);
        }
        let gazetteer = builder.build().expect("a list of well-formed entities builds");
        let mentions = gazetteer.find(&text);
        for name in &names {
            for (start, _) in text.match_indices(name.as_str()) {
                let end = start + name.len();
                if !whole_words(&text, start, end) {
                    continue;
                }
                let span = Span::new(start, end);
                prop_assert!(
                    mentions.iter().any(|m| m.span.overlaps(span)),
                    "{name:?} at {start}..{end} is not matched in {text:?}: {mentions:?}"
                );
            }
        }
    }
}
