//! Regression tests for bugs found by the reliability work (fuzzing, property and hostile-input
//! tests) in the component crates, the facade and the CLI. Each test names the crate at fault.

/// warta-boilerplate: a document whose only line is a complete sentence was classified as
/// chrome (`navigation` / `related-list`), so its sentences, entities and quotes were silently
/// lost, e.g. for short JSONL documents.
#[test]
#[ignore = "bug (warta-boilerplate): a one-sentence document is classified as chrome"]
fn a_one_sentence_document_is_not_thrown_away_as_chrome() {
    let pipeline = warta::Pipeline::new();
    for text in [
        "Budi bertemu Ani.",
        "Sri Mulyani bertemu pimpinan KPK.",
        "Peneliti WartaLab dan Warta Lab hadir di Jakarta.",
    ] {
        let doc = pipeline.analyze(text);
        assert!(
            doc.blocks.iter().any(|b| b.kind != "chrome"),
            "{text:?} is all chrome: {:?}",
            doc.blocks
        );
        assert!(!doc.sentences.is_empty(), "{text:?} has no sentence");
    }
}
