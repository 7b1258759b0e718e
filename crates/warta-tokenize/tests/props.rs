//! Invariants on arbitrary and hostile input.

use proptest::prelude::*;
use warta_tokenize::{Analysis, Span, Tokenizer, conllu, is_separator};

/// Checks every structural invariant of an analysis of `text`.
fn check(text: &str, a: &Analysis) {
    let mut prev_end = 0;
    for t in &a.tokens {
        assert!(t.span.start < t.span.end, "empty token {t:?}");
        assert!(t.span.end <= text.len());
        assert!(text.is_char_boundary(t.span.start) && text.is_char_boundary(t.span.end));
        assert!(
            t.span.start >= prev_end,
            "tokens overlap or are unsorted: {t:?}"
        );
        // only separators between tokens
        assert!(
            text[prev_end..t.span.start].chars().all(is_separator),
            "uncovered char in {:?}",
            &text[prev_end..t.span.start]
        );
        prev_end = t.span.end;
        if !t.words.is_empty() {
            assert!(t.words.len() >= 2);
            assert_eq!(t.words[0].start, t.span.start);
            assert_eq!(t.words.last().unwrap().end, t.span.end);
            for w in t.words.windows(2) {
                assert_eq!(w[0].end, w[1].start);
            }
            for w in &t.words {
                assert!(w.start < w.end && t.span.contains(*w));
                assert!(text.is_char_boundary(w.start) && text.is_char_boundary(w.end));
            }
        }
    }
    assert!(text[prev_end..].chars().all(is_separator));
    let mut prev = 0;
    for s in &a.sentences {
        assert!(s.start < s.end && s.end <= text.len());
        assert!(s.start >= prev, "sentences overlap or are unsorted");
        assert!(text.is_char_boundary(s.start) && text.is_char_boundary(s.end));
        prev = s.end;
    }
    // every token lies in exactly one sentence
    let mut k = 0;
    for s in &a.sentences {
        while k < a.tokens.len() && s.contains(a.tokens[k].span) {
            k += 1;
        }
    }
    assert_eq!(k, a.tokens.len(), "a token outside the sentences");
    let mut out = String::new();
    conllu::write(text, a, &mut out);
}

fn indonesian_like() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("kata".to_string()),
        Just("katanya".to_string()),
        Just("Apakah".to_string()),
        Just("anak-anak".to_string()),
        Just("Rp1.500.000".to_string()),
        Just("10.30".to_string()),
        Just("KOMPAS.com".to_string()),
        Just("Dr.".to_string()),
        Just("S.H.".to_string()),
        Just("“".to_string()),
        Just("”".to_string()),
        Just("\"".to_string()),
        Just(".".to_string()),
        Just(",".to_string()),
        Just("?".to_string()),
        Just("-".to_string()),
        Just("/".to_string()),
        Just("@".to_string()),
        Just("#".to_string()),
        Just("'".to_string()),
        Just("’".to_string()),
        Just("\u{a0}".to_string()),
        Just("\u{200d}".to_string()),
        Just("\u{301}".to_string()),
        Just("👨\u{200d}👩".to_string()),
        Just("🇮🇩".to_string()),
        Just("\r\n".to_string()),
        Just("\r".to_string()),
        Just("\n\n".to_string()),
        Just(" ".to_string()),
        Just("\0".to_string()),
        Just("http://".to_string()),
        Just("www.".to_string()),
        Just("x@y.co".to_string()),
        Just("עברית".to_string()),
        Just("العربية".to_string()),
        "[a-zA-Z0-9]{1,6}".prop_map(|s| s),
        any::<char>().prop_map(|c| c.to_string()),
    ];
    prop::collection::vec(piece, 0..40).prop_map(|v| v.concat())
}

proptest! {
    #[test]
    fn invariants_on_any_string(text in any::<String>()) {
        check(&text, &Tokenizer::new().analyze(&text));
    }

    #[test]
    fn invariants_on_indonesian_like_text(text in indonesian_like()) {
        check(&text, &Tokenizer::new().analyze(&text));
        let attached = Tokenizer::builder().attach_abbreviation_period(true).build();
        check(&text, &attached.analyze(&text));
    }

    #[test]
    fn ranges_stay_inside(text in indonesian_like(), a in 0usize..200, b in 0usize..200) {
        let (s, e) = (a.min(b), a.max(b));
        let r = Tokenizer::new().analyze_range(&text, warta_tokenize::Span::new(s, e));
        for t in &r.tokens {
            prop_assert!(t.span.start >= s.min(text.len()) && t.span.end <= e.min(text.len()));
        }
    }
}

/// The sentences of `ranges` as `analyze_range` gives them, one range at a time.
fn sentences_one_by_one(tk: &Tokenizer, text: &str, ranges: &[Span]) -> Vec<Span> {
    ranges
        .iter()
        .flat_map(|&r| tk.analyze_range(text, r).sentences)
        .collect()
}

/// Text made of sentence-like pieces: capitalised and lower-case words, abbreviations, closing
/// marks, quotations and line breaks.
fn sentence_like() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("Budi ".to_string()),
        Just("berkata ".to_string()),
        Just("katanya".to_string()),
        Just("Jl. ".to_string()),
        Just("Dr. ".to_string()),
        Just("dll. ".to_string()),
        Just("R. ".to_string()),
        Just("kuartal I. ".to_string()),
        Just("(Bl.) ".to_string()),
        Just(". ".to_string()),
        Just("? ".to_string()),
        Just("!\" ".to_string()),
        Just("… ".to_string()),
        Just("“Kami siap. ".to_string()),
        Just("” ".to_string()),
        Just("\"".to_string()),
        Just(", ".to_string()),
        Just("\n".to_string()),
        Just("\n\n".to_string()),
        Just("\r\n".to_string()),
        Just("\u{2029}".to_string()),
        "[a-zA-Z]{1,6} ".prop_map(|s| s),
        any::<char>().prop_map(|c| c.to_string()),
    ];
    prop::collection::vec(piece, 0..60).prop_map(|v| v.concat())
}

fn any_ranges() -> impl Strategy<Value = Vec<(usize, usize)>> {
    prop::collection::vec((0usize..400, 0usize..400), 0..6)
}

proptest! {
    #[test]
    fn sentences_in_equals_analyze_range(
        text in prop_oneof![sentence_like(), indonesian_like()],
        ranges in any_ranges(),
        sorted in any::<bool>(),
    ) {
        // ranges in any order, overlapping, out of bounds, off char boundaries or reversed
        let mut ranges: Vec<Span> =
            ranges.into_iter().map(|(start, end)| Span { start, end }).collect();
        if sorted {
            ranges = ranges.iter().map(|r| Span::new(r.start.min(r.end), r.start.max(r.end))).collect();
            ranges.sort_by_key(|r| r.start);
        }
        ranges.push(Span::new(0, text.len()));
        for tk in [
            Tokenizer::new(),
            Tokenizer::builder().attach_abbreviation_period(true).build(),
            Tokenizer::builder().clitics(false).build(),
        ] {
            prop_assert_eq!(tk.sentences_in(&text, &ranges), sentences_one_by_one(&tk, &text, &ranges));
        }
    }
}

/// Long ranges, where the sentence pass runs behind the scan in chunks, mixed with short ones.
#[test]
fn sentences_in_long_ranges() {
    let seed = include_str!("../../../examples/data/mistar-2024-04-28.txt");
    let long = seed.repeat(20);
    let mut ranges = Vec::new();
    let mut at = 0;
    for line in long.split_inclusive('\n') {
        ranges.push(Span::new(at, at + line.trim_end().len()));
        at += line.len();
    }
    ranges.insert(3, Span::new(0, long.len()));
    ranges.push(Span::new(seed.len(), long.len()));
    ranges.push(Span::new(0, 0));
    let tk = Tokenizer::new();
    let sentences = tk.sentences_in(&long, &ranges);
    assert!(sentences.len() > 2 * ranges.len() / 3);
    assert_eq!(sentences, sentences_one_by_one(&tk, &long, &ranges));
    assert!(tk.sentences_in(&long, &[]).is_empty());
}

#[test]
fn hostile_inputs() {
    let long_word = "a".repeat(1 << 20);
    let long_dots = "1.".repeat(1 << 19);
    let long_hyphens = "ab-".repeat(300_000);
    let quotes = "“".repeat(100_000);
    let long_email = format!("{}@", "x.".repeat(200_000));
    let cases: Vec<&str> = vec![
        "",
        " ",
        "   \n\t  ",
        "\0\0\0",
        "\r\n\r\n",
        "\r\r\r",
        "\u{feff}\u{200b}",
        "\u{200d}\u{200d}",
        "\u{301}\u{301}a\u{301}",
        "שלום עולם. مرحبا.",
        &long_word,
        &long_dots,
        &long_hyphens,
        &quotes,
        &long_email,
    ];
    let tk = Tokenizer::new();
    for text in cases {
        check(text, &tk.analyze(text));
    }
    assert!(tk.analyze("   ").tokens.is_empty());
    assert_eq!(tk.analyze(&long_word).tokens.len(), 1);
}
