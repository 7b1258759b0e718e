//! One function per fuzz target: raw bytes in, every stage's invariants checked (see
//! `checks.rs`). The cargo-fuzz binaries in `fuzz/fuzz_targets/` call these, and
//! `tests/fuzz_seeds.rs` replays the seed corpus `fuzz/seeds/<target>/` through them in
//! `cargo test`, so a crash saved there is a regression test at once.
//!
//! Bytes become text with `String::from_utf8_lossy`, so every input reaches the stages (the
//! JSONL target takes the bytes as they are, like the CLI). Expensive objects (the default
//! gazetteer, the pipelines) are built once per process.

use std::sync::LazyLock;

use serde_json::Value;
use warta::gazetteer::{self, Gazetteer, GazetteerBuilder, Mention, PersonName};
use warta::quotes::{Extractor, KnownEntity};
use warta::tokenize::{Tokenizer, conllu};
use warta::{Document, Pipeline, Span};

use crate::checks::{
    check_analysis, check_conllu, check_document, check_linked, check_mentions, check_page,
    check_quotes, check_range_is_local, non_blank_lines,
};

/// The default tokenizer.
pub static TOKENIZER: LazyLock<Tokenizer> = LazyLock::new(Tokenizer::new);
/// The default boilerplate classifier.
pub static CLASSIFIER: LazyLock<warta::boilerplate::Classifier> =
    LazyLock::new(warta::boilerplate::Classifier::new);
/// The default quote extractor.
pub static EXTRACTOR: LazyLock<Extractor> = LazyLock::new(Extractor::new);
/// The embedded default gazetteer.
pub static DEFAULT_GAZETTEER: LazyLock<Gazetteer> = LazyLock::new(|| {
    GazetteerBuilder::new()
        .with_default_list()
        .build()
        .expect("the default gazetteer builds")
});
/// Every stage on, tokens included.
pub static FULL_PIPELINE: LazyLock<Pipeline> = LazyLock::new(|| {
    Pipeline::builder()
        .tokens(true)
        .gazetteer(DEFAULT_GAZETTEER.clone())
        .build()
});
/// Every stage but boilerplate, tokens included.
pub static NO_BOILERPLATE_PIPELINE: LazyLock<Pipeline> = LazyLock::new(|| {
    Pipeline::builder()
        .boilerplate(false)
        .tokens(true)
        .gazetteer(DEFAULT_GAZETTEER.clone())
        .build()
});
/// The pipeline of `warta analyze --jsonl` (default stages, no tokens).
pub static CLI_PIPELINE: LazyLock<Pipeline> = LazyLock::new(|| {
    Pipeline::builder()
        .gazetteer(DEFAULT_GAZETTEER.clone())
        .build()
});

/// A fuzz target body: any bytes in, panics when an invariant breaks.
pub type Target = fn(&[u8]);

/// The fuzz targets by name, as in `fuzz/Cargo.toml` and `fuzz/seeds/<name>/`.
pub const TARGETS: &[(&str, Target)] = &[
    ("tokenize", tokenize),
    ("conllu", conllu),
    ("boilerplate", boilerplate),
    ("gazetteer", gazetteer),
    ("quotes", quotes),
    ("pipeline", pipeline),
    ("jsonl", jsonl),
];

/// Tokens, clitic words and sentences of the whole text and of a sub-range, which must be
/// analysed as if it stood alone.
pub fn tokenize(data: &[u8]) {
    let text = String::from_utf8_lossy(data);
    check_tokenize(&text, sub_range(&text, data));
}

/// [`tokenize`] on a text and a range of it.
pub fn check_tokenize(text: &str, range: Span) {
    let whole = TOKENIZER.analyze(text);
    check_analysis(text, Span::new(0, text.len()), &whole);
    let in_place = TOKENIZER.analyze_range(text, range);
    check_analysis(text, range, &in_place);
    let alone = TOKENIZER.analyze(&text[range.start..range.end]);
    check_range_is_local(text, range, &in_place, &alone);
}

/// The CoNLL-U writer on the tokenizer's analysis.
pub fn conllu(data: &[u8]) {
    check_conllu_of(&String::from_utf8_lossy(data));
}

/// [`conllu`] on a text.
pub fn check_conllu_of(text: &str) {
    let analysis = TOKENIZER.analyze(text);
    check_analysis(text, Span::new(0, text.len()), &analysis);
    let mut out = String::new();
    conllu::write(text, &analysis, &mut out);
    check_conllu(text, &analysis, &out);
}

/// The boilerplate classifier.
pub fn boilerplate(data: &[u8]) {
    check_boilerplate(&String::from_utf8_lossy(data));
}

/// [`boilerplate`] on a text.
pub fn check_boilerplate(text: &str) {
    let page = CLASSIFIER.classify(text);
    check_page(text, &page);
}

/// Gazetteer build and match. The input is `LIST \0 TEXT`: the list (TSV, or JSON when it starts
/// with `[` or `{`) is built into a gazetteer that is matched on the text; without a NUL byte
/// the whole input is text matched with the default gazetteer.
pub fn gazetteer(data: &[u8]) {
    let (list, text) = match data.iter().position(|&b| b == 0) {
        Some(at) => (Some(&data[..at]), &data[at + 1..]),
        None => (None, data),
    };
    let text = String::from_utf8_lossy(text);
    let range = sub_range(&text, data);
    match list {
        None => check_gazetteer(&DEFAULT_GAZETTEER, &text, range),
        Some(list) => {
            if let Some(gazetteer) = build_gazetteer(&String::from_utf8_lossy(list)) {
                check_gazetteer(&gazetteer, &text, range);
            }
        }
    }
}

/// Builds a gazetteer from a TSV or JSON list; `None` when the list is rejected, after checking
/// that the error names a line of the list.
pub fn build_gazetteer(list: &str) -> Option<Gazetteer> {
    let trimmed = list.trim_start();
    let loaded = if trimmed.starts_with('[') || trimmed.starts_with('{') {
        GazetteerBuilder::new().add_json(list)
    } else {
        GazetteerBuilder::new().add_tsv(list)
    };
    let lines = list.split('\n').count();
    let check_error = |e: &gazetteer::Error| {
        let text = e.to_string();
        match e {
            gazetteer::Error::Parse { line, message } => {
                assert!(
                    (1..=lines).contains(line),
                    "error on line {line} of a {lines}-line list: {message}"
                );
                assert!(!message.is_empty(), "error without a message");
                assert!(
                    text.contains(&format!("line {line}")),
                    "{text:?} names the line"
                );
            }
            gazetteer::Error::Entity { index, message } => {
                let entities = lines.max(list.matches('{').count());
                assert!(*index < entities, "entity #{index} of a {lines}-line list");
                assert!(!message.is_empty(), "error without a message");
            }
            gazetteer::Error::Build(message) => {
                assert!(!message.is_empty(), "error without a message");
            }
        }
    };
    match loaded.and_then(GazetteerBuilder::build) {
        Ok(g) => Some(g),
        Err(e) => {
            check_error(&e);
            None
        }
    }
}

/// Matches `gazetteer` on the whole text, on `range`, on each non-blank line, then links the
/// line mentions at document level with the capitalised word pairs as person names.
pub fn check_gazetteer(gazetteer: &Gazetteer, text: &str, range: Span) {
    let whole = gazetteer.find(text);
    check_mentions(text, Span::new(0, text.len()), &whole);
    let part = gazetteer.find_in(text, range);
    check_mentions(text, range, &part);
    let regions = non_blank_lines(text);
    let mut mentions: Vec<Mention> = Vec::new();
    for &region in &regions {
        let found = gazetteer.find_in(text, region);
        check_mentions(text, region, &found);
        mentions.extend(found);
    }
    let persons = capitalised_pairs(text, &regions);
    let linked = gazetteer::link_document(text, &regions, mentions.clone(), &persons);
    check_linked(text, &regions, &mentions, &linked);
}

/// The quote extractor, alone (`extract`) and inside the non-blank lines with the default
/// gazetteer's mentions as known entities (`extract_in`).
pub fn quotes(data: &[u8]) {
    check_quotes_of(&String::from_utf8_lossy(data));
}

/// [`quotes`] on a text.
pub fn check_quotes_of(text: &str) {
    let alone = EXTRACTOR.extract(text);
    check_quotes(text, &[Span::new(0, text.len())], &alone);
    let paragraphs = non_blank_lines(text);
    let entities: Vec<KnownEntity> = paragraphs
        .iter()
        .flat_map(|&p| DEFAULT_GAZETTEER.find_in(text, p))
        .map(|m| KnownEntity {
            span: m.span,
            id: m.id.to_string(),
            entity_type: m.entity_type.to_string(),
            canonical: m.canonical.to_string(),
        })
        .collect();
    let found = EXTRACTOR.extract_in(text, &paragraphs, &entities);
    check_quotes(text, &paragraphs, &found);
}

/// The whole pipeline, with the boilerplate stage (odd first byte) or without it.
pub fn pipeline(data: &[u8]) {
    let boilerplate = data.first().is_none_or(|b| b & 1 == 1);
    check_pipeline(&String::from_utf8_lossy(data), boilerplate);
}

/// [`pipeline`] on a text.
pub fn check_pipeline(text: &str, boilerplate: bool) {
    let pipeline = if boilerplate {
        &*FULL_PIPELINE
    } else {
        &*NO_BOILERPLATE_PIPELINE
    };
    let doc = pipeline.analyze_with_id(Some("fuzz".to_owned()), text);
    assert_eq!(doc.id.as_deref(), Some("fuzz"));
    check_document(text, &doc, boilerplate);
}

/// JSON Lines as `warta analyze --jsonl` reads them: each line (split at `\n`, a trailing `\r`
/// removed) goes through the CLI's own per-line function, `warta_cli::jsonl::process_line`.
/// Every line must give exactly one output line without a raw newline: the document with the
/// line's `id` (checked against its text like [`pipeline`]), or `{"id", "error"}` naming the line.
pub fn jsonl(data: &[u8]) {
    let mut lines: Vec<&[u8]> = data.split(|&b| b == b'\n').collect();
    if lines.last().is_some_and(|l| l.is_empty()) {
        lines.pop();
    }
    for (i, line) in lines.iter().enumerate() {
        let line = line.strip_suffix(b"\r").unwrap_or(line);
        let origin = format!("fuzz:{}", i + 1);
        let (out, ok) = warta_cli::jsonl::process_line(&CLI_PIPELINE, &origin, line);
        assert!(!out.contains('\n'), "an output line holds a newline");
        let value: Value = serde_json::from_str(&out).expect("every output line is JSON");
        let object = value.as_object().expect("every output line is an object");
        if let Some(error) = object.get("error") {
            assert!(!ok, "an error line is a failure");
            let error = error.as_str().expect("the error is a string");
            assert!(error.starts_with(&origin), "{error:?} names {origin}");
            assert!(object.contains_key("id"), "an error line keeps the id");
        } else {
            assert!(ok, "a document line is a success");
            let input: Value = serde_json::from_slice(line).expect("a document came from JSON");
            assert_eq!(
                object.get("id").unwrap_or(&Value::Null),
                input.get("id").unwrap_or(&Value::Null),
                "the document keeps its id"
            );
            let text = input["text"].as_str().expect("a document came from a text");
            // The caller's id may be any JSON value; the document's own id is a string.
            let mut fields = object.clone();
            fields.remove("id");
            let doc: Document =
                serde_json::from_value(Value::Object(fields)).expect("a document line parses back");
            check_document(text, &doc, true);
        }
    }
}

/// A sub-range of `text` chosen by the first bytes of the input, on char boundaries.
pub fn sub_range(text: &str, data: &[u8]) -> Span {
    let at = |i: usize| {
        let fraction = data.get(i).copied().unwrap_or(0) as usize;
        let mut pos = text.len() * fraction / 255;
        while !text.is_char_boundary(pos) {
            pos -= 1;
        }
        pos
    };
    let (a, b) = (at(0), at(1));
    Span::new(a.min(b), a.max(b))
}

/// Pairs of consecutive capitalised words inside `regions`, as person names for linking.
pub fn capitalised_pairs(text: &str, regions: &[Span]) -> Vec<PersonName> {
    let mut persons = Vec::new();
    for &region in regions {
        let mut words = Vec::new();
        let mut start = None;
        for (i, c) in text[region.start..region.end]
            .char_indices()
            .chain([(region.len(), ' ')])
        {
            match (c.is_alphabetic(), start) {
                (true, None) => start = Some(i),
                (false, Some(s)) => {
                    words.push(Span::new(region.start + s, region.start + i));
                    start = None;
                }
                _ => {}
            }
        }
        let capital = |w: &Span| w.slice(text).starts_with(|c: char| c.is_uppercase());
        let mut i = 0;
        while i + 1 < words.len() {
            let (a, b) = (words[i], words[i + 1]);
            let gap = &text[a.end..b.start];
            if capital(&a) && capital(&b) && gap == " " {
                let span = Span::new(a.start, b.end);
                persons.push(PersonName {
                    span,
                    name: span.slice(text).to_owned(),
                });
                i += 2;
            } else {
                i += 1;
            }
        }
    }
    persons
}
