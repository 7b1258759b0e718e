//! Property tests: mentions are in bounds, on char boundaries, sorted, non-overlapping, and
//! each one really is an occurrence of the alias it reports.

use proptest::prelude::*;
use warta_gazetteer::{Gazetteer, GazetteerBuilder, PersonName, Span, fold_key, link_document};

const WORDS: &[&str] = &[
    "AS",
    "as",
    "As",
    "ASEAN",
    "Korea",
    "korea",
    "Selatan",
    "Utara",
    "kasus",
    "Jokowi",
    "nya",
    "Jokowinya",
    "Indonesia",
    "ku",
    "é",
    "Erdoğan",
    "Côte",
    "d’Ivoire",
    "PDI",
    "P",
    "Bali",
    "bali",
    "🇰🇷",
    "👨\u{200D}👩",
    "Suh",
    "Hoon",
    "Home",
    "Emily",
    "2024",
    "x",
];
const SEPS: &[&str] = &[
    " ", "  ", "\u{A0}", "\n", "\r\n", "-", ", ", ".", "", "“", "”", "\u{200D}", "\u{301}",
];

fn text() -> impl Strategy<Value = String> {
    prop::collection::vec((0..WORDS.len(), 0..SEPS.len()), 0..40).prop_map(|v| {
        v.into_iter()
            .map(|(w, s)| format!("{}{}", WORDS[w], SEPS[s]))
            .collect()
    })
}

fn gazetteer() -> impl Strategy<Value = Gazetteer> {
    let alias = prop::collection::vec((0..WORDS.len(), 0..4usize), 1..4).prop_map(|v| {
        let mut a = String::new();
        for (i, (w, s)) in v.into_iter().enumerate() {
            if i > 0 {
                a.push_str([" ", "-", "\u{A0}", " - "][s]);
            }
            a.push_str(WORDS[w]);
        }
        a
    });
    let entity = (
        alias.clone(),
        prop::collection::vec(alias, 0..3),
        0..3usize,
        any::<bool>(),
    );
    prop::collection::vec(entity, 0..12).prop_map(|es| {
        let mut b = GazetteerBuilder::new();
        for (i, (canonical, aliases, t, marked)) in es.into_iter().enumerate() {
            let mut e =
                warta_gazetteer::Entity::new(format!("E{i}"), ["PER", "ORG", "GPE"][t], canonical);
            for a in aliases {
                e = e.with_alias(if marked { format!("={a}") } else { a });
            }
            b = b.add(e);
        }
        b.build().unwrap()
    })
}

fn check_well_formed(text: &str, ms: &[warta_gazetteer::Mention]) -> Result<(), TestCaseError> {
    for m in ms {
        prop_assert!(m.span.start < m.span.end && m.span.end <= text.len());
        prop_assert!(text.is_char_boundary(m.span.start) && text.is_char_boundary(m.span.end));
    }
    for w in ms.windows(2) {
        prop_assert!(
            w[0].span.end <= w[1].span.start,
            "overlap or unsorted: {:?}",
            w
        );
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    #[test]
    fn mentions_are_well_formed_occurrences(g in gazetteer(), text in text()) {
        let ms = g.find(&text);
        check_well_formed(&text, &ms)?;
        for m in &ms {
            let surface = &text[m.span.start..m.span.end];
            prop_assert_eq!(fold_key(surface), fold_key(&m.alias));
            // Whole tokens: a word is not continued on the left, nor on the right except by a
            // glued clitic.
            let alnum = |c: Option<char>| c.is_some_and(char::is_alphanumeric);
            if alnum(surface.chars().next()) {
                prop_assert!(!alnum(text[..m.span.start].chars().next_back()), "{:?} in {:?}", surface, text);
            }
            if alnum(surface.chars().next_back()) {
                let rest = &text[m.span.end..];
                let after_clitic = ["nya", "ku", "mu"].iter().find_map(|c| rest.strip_prefix(c));
                let next = after_clitic.unwrap_or(rest).chars().next();
                prop_assert!(!alnum(next), "{:?} in {:?}", surface, text);
            }
        }
    }

    #[test]
    fn find_in_agrees_with_find_on_the_range(g in gazetteer(), text in text(), a in 0usize..200, b in 0usize..200) {
        let (mut a, mut b) = (a.min(text.len()), b.min(text.len()));
        if a > b { std::mem::swap(&mut a, &mut b); }
        while !text.is_char_boundary(a) { a -= 1; }
        while !text.is_char_boundary(b) { b += 1; }
        let got = g.find_in(&text, Span::new(a, b));
        check_well_formed(&text, &got)?;
        let want: Vec<Span> = g.find(&text[a..b]).iter().map(|m| Span::new(m.span.start + a, m.span.end + a)).collect();
        prop_assert_eq!(got.iter().map(|m| m.span).collect::<Vec<_>>(), want);
    }

    #[test]
    fn linking_output_is_well_formed(g in gazetteer(), text in text(), cut in 0usize..400, p in 0usize..400, len in 0usize..30) {
        let cut = cut.min(text.len());
        let region_end = (cut..=text.len()).find(|&i| text.is_char_boundary(i)).unwrap_or(text.len());
        let start = (p.min(text.len())..=text.len()).find(|&i| text.is_char_boundary(i)).unwrap_or(text.len());
        let end = ((start + len).min(text.len())..=text.len()).find(|&i| text.is_char_boundary(i)).unwrap_or(text.len());
        let persons = [PersonName { span: Span::new(start, end), name: text[start..end].to_string() }];
        let all = link_document(&text, &[Span::new(0, region_end)], g.find(&text), &persons);
        check_well_formed(&text, &all)?;
    }
}
