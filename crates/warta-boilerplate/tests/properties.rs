//! Properties that hold on any input: blocks are sorted, non-overlapping, in bounds, on char
//! boundaries, trimmed, and every non-whitespace byte lies in some block.

use proptest::prelude::*;
use warta_boilerplate::classify;

fn check(text: &str) {
    let page = classify(text);
    let mut covered = vec![false; text.len()];
    let mut prev_end = 0;
    for b in &page.blocks {
        let (s, e) = (b.span.start, b.span.end);
        assert!(s < e, "empty block {s}..{e}");
        assert!(s >= prev_end, "overlap or disorder at {s}");
        assert!(e <= text.len());
        assert!(text.is_char_boundary(s) && text.is_char_boundary(e));
        let slice = &text[s..e];
        assert_eq!(slice, slice.trim(), "block not trimmed");
        covered[s..e].iter_mut().for_each(|c| *c = true);
        prev_end = e;
    }
    for (i, ch) in text.char_indices() {
        if !ch.is_whitespace() {
            assert!(covered[i], "byte {i} ({ch:?}) not in any block");
        }
    }
}

/// Lines built from pieces that trigger every rule: datelines, credits, teasers, widgets.
fn piece() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("JAKARTA, KOMPAS.com — ".to_string()),
        Just("Jakarta (ANTARA) - ".to_string()),
        Just("Washington, MISTAR.ID".to_string()),
        Just("Baca Juga: ".to_string()),
        Just("Related Articles".to_string()),
        Just("(CNN/hm02)".to_string()),
        Just("Editor: Ade".to_string()),
        Just("10.4 C".to_string()),
        Just("Sunday, April 28, 2024".to_string()),
        Just("Penulis".to_string()),
        Just(": Nama".to_string()),
        Just("©".to_string()),
        Just(" (ANTARA FOTO/Budi)".to_string()),
        Just("yang dan di ke dari itu ini dengan untuk pada. ".to_string()),
        Just("Presiden Joko Widodo mengatakan bahwa pemerintah akan membantu warga.".to_string()),
        Just("\n".to_string()),
        Just("\r\n".to_string()),
        Just(" \u{a0}\t".to_string()),
        Just("“”‘’—–…".to_string()),
        Just("\u{200d}😀\u{fe0f}".to_string()),
        "[a-zA-Z .,:()/|-]{0,12}",
        any::<String>(),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    #[test]
    fn blocks_are_well_formed(pieces in prop::collection::vec(piece(), 0..40)) {
        check(&pieces.concat());
    }

    #[test]
    fn arbitrary_strings(text in any::<String>()) {
        check(&text);
    }

    /// The working vectors a thread keeps between texts carry nothing from one to the next:
    /// a text classified after another is classified as on a fresh thread.
    #[test]
    fn a_text_after_another_is_classified_alike(
        first in prop::collection::vec(piece(), 0..60),
        second in prop::collection::vec(piece(), 0..20),
    ) {
        let (first, second) = (first.concat(), second.concat());
        let fresh = {
            let second = second.clone();
            std::thread::spawn(move || classify(&second)).join().unwrap()
        };
        classify(&first);
        prop_assert_eq!(classify(&second), fresh);
    }
}
