//! Regression tests for bugs found by the reliability work (fuzzing, property and hostile-input
//! tests) in the component crates, the facade and the CLI. Each test names the crate at fault.

/// warta-boilerplate: a document whose only line is a complete sentence was classified as
/// chrome (`navigation` / `related-list`), so its sentences, entities and quotes were silently
/// lost, e.g. for short JSONL documents.
#[test]
fn a_one_sentence_document_is_not_thrown_away_as_chrome() {
    let pipeline = warta::Pipeline::new();
    for text in [
        "Budi bertemu Ani.",
        "Sri Mulyani bertemu pimpinan KPK.",
        "Peneliti WartaLab dan Warta Lab hadir di Jakarta.",
    ] {
        let doc = pipeline.analyze(text);
        assert!(
            doc.blocks
                .iter()
                .any(|b| b.kind != warta::BlockKind::Chrome),
            "{text:?} is all chrome: {:?}",
            doc.blocks
        );
        assert!(!doc.sentences.is_empty(), "{text:?} has no sentence");
    }
}

/// A sentence of Indonesian news whose bytes put a curly quote mark 80 bytes after `(`.
const PAREN_THEN_QUOTE: &str = "Menurut juru bicara Kementerian Luar Negeri (Kemenlu) Teuku \
     Faizasyah, “Indonesia selalu mendukung perdamaian di kawasan,” katanya.";

/// warta-quotes (found by the `quotes` fuzz target): `paren_group` in `src/mention.rs` sliced
/// `text[open..open + 80]` without rounding to a char boundary, so a multi-byte character 80
/// bytes after an opening parenthesis of a speaker mention panicked the extractor, the pipeline
/// and the CLI.
#[test]
fn a_multibyte_character_80_bytes_after_a_parenthesis_does_not_panic() {
    let extractor = warta::quotes::Extractor::new();
    let padded: Vec<String> = (0..4)
        .map(|k| {
            format!(
                "Menurut juru bicara(Rumah {}{}, Suh juga hadir.",
                "a".repeat(k),
                "é".repeat(60)
            )
        })
        .collect();
    for text in padded.iter().map(String::as_str).chain([PAREN_THEN_QUOTE]) {
        let quotes = extractor.extract(text);
        for q in &quotes {
            assert!(text.get(q.content.start..q.content.end).is_some());
        }
    }
    let doc = warta::Pipeline::new().analyze(PAREN_THEN_QUOTE);
    assert!(!doc.quotes.is_empty(), "the quote is found: {doc:?}");
}

/// warta-quotes (found by a hostile-input check in session 9): the subject before a place
/// phrase (`Budi di Jakarta mengatakan`) is parsed by the mention parser, which may meet another
/// place phrase before it and recurse; a sentence of thousands of `Budi di Jakarta` before its
/// verb overflowed the stack (an abort, not a panic: the whole process died).
#[test]
fn a_chain_of_place_phrases_before_a_verb_does_not_overflow_the_stack() {
    let text = format!(
        "{}mengatakan, harga beras di pasar naik tajam.",
        "Budi di Jakarta ".repeat(50_000)
    );
    let quotes = warta::quotes::Extractor::new().extract(&text);
    assert_eq!(quotes.len(), 1, "the reported speech is found");
    let doc = warta::Pipeline::new().analyze(&text);
    assert_eq!(doc.quotes.len(), 1);
}
