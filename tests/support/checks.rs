//! The invariants every Warta stage guarantees on any `&str`, checked on one result.
//!
//! Shared by the fuzz targets (`fuzz/src/lib.rs` includes this file) and the integration tests
//! (`tests/properties.rs`, `tests/hostile.rs`, `tests/fuzz_seeds.rs` include it with `#[path]`),
//! so a fuzzer and `cargo test` check exactly the same things. Every check panics with a message
//! naming the broken invariant, the offending spans and the input size; a panic is what libFuzzer
//! records as a crash and what proptest shrinks.
//!
//! What is checked (the conventions of DESIGN.md and the contract docs of each crate):
//! - every span is in bounds and on char boundaries of the text it was computed on;
//! - tokens, sentences, blocks and entities are non-empty, sorted and non-overlapping;
//! - tokens cover every character of the analysed range but the tokenizer's separators
//!   (`warta_tokenize::is_separator`: white space, controls, ZWSP, BOM), words lie inside their
//!   token, every token lies inside one sentence and every sentence holds a token;
//! - blocks are trimmed, carry a reason exactly when they are chrome, and cover every
//!   non-whitespace character of the input;
//! - quote content, cue and speaker spans are inside the text, content and cue inside the
//!   paragraphs given, confidence in 0..=1;
//! - a `Document` agrees with its text (`text` fields are the slices of their spans), keeps
//!   sentences, tokens and entities inside article blocks, and survives a JSON round trip.

use warta::boilerplate::{BlockKind, Page};
use warta::gazetteer::Mention;
use warta::quotes::Quote;
use warta::tokenize::{Analysis, is_separator};
use warta::{Document, Span};

/// Panics unless `span` is a non-inverted range in bounds and on char boundaries of `text`.
pub fn check_span(text: &str, span: Span, what: &str) {
    assert!(
        span.start <= span.end,
        "{what}: inverted span {span:?} (text of {} bytes)",
        text.len()
    );
    assert!(
        span.end <= text.len(),
        "{what}: span {span:?} out of bounds (text of {} bytes)",
        text.len()
    );
    assert!(
        text.is_char_boundary(span.start) && text.is_char_boundary(span.end),
        "{what}: span {span:?} not on char boundaries of {:?}",
        excerpt(text, span)
    );
}

/// Panics unless the spans are each valid and non-empty, sorted and pairwise non-overlapping.
pub fn check_sorted_disjoint(text: &str, spans: &[Span], what: &str) {
    for &span in spans {
        check_span(text, span, what);
        assert!(
            !span.is_empty(),
            "{what}: empty span {span:?} (text of {} bytes)",
            text.len()
        );
    }
    for pair in spans.windows(2) {
        assert!(
            pair[0].end <= pair[1].start,
            "{what}: {:?} and {:?} are unsorted or overlap: {:?} / {:?}",
            pair[0],
            pair[1],
            excerpt(text, pair[0]),
            excerpt(text, pair[1])
        );
    }
}

/// Panics unless every span lies inside one of `regions` (sorted, non-overlapping).
pub fn check_inside(spans: &[Span], regions: &[Span], what: &str) {
    for &span in spans {
        let at = regions.partition_point(|r| r.end < span.end);
        assert!(
            regions.get(at).is_some_and(|r| r.contains(span)),
            "{what}: {span:?} is not inside any of the {} regions",
            regions.len()
        );
    }
}

/// Panics unless every character of `text[range]` that is not `skippable` lies inside one of
/// `spans` (sorted, non-overlapping).
pub fn check_covers(
    text: &str,
    range: Span,
    spans: &[Span],
    skippable: fn(char) -> bool,
    what: &str,
) {
    let mut next = 0;
    for (i, c) in text[range.start..range.end].char_indices() {
        let at = range.start + i;
        if skippable(c) {
            continue;
        }
        while next < spans.len() && spans[next].end <= at {
            next += 1;
        }
        let covered = spans.get(next).is_some_and(|s| s.start <= at);
        assert!(
            covered,
            "{what}: character {c:?} at byte {at} is not covered (context {:?})",
            excerpt(text, Span::new(at, at + c.len_utf8()))
        );
    }
}

/// Checks a tokenizer result for `text[range]`.
pub fn check_analysis(text: &str, range: Span, analysis: &Analysis) {
    let tokens: Vec<Span> = analysis.tokens.iter().map(|t| t.span).collect();
    check_sorted_disjoint(text, &tokens, "tokens");
    check_inside(&tokens, &[range], "tokens in the analysed range");
    check_covers(text, range, &tokens, is_separator, "tokens");
    for token in &analysis.tokens {
        if token.words.is_empty() {
            continue;
        }
        check_sorted_disjoint(text, &token.words, "words of a token");
        check_inside(&token.words, &[token.span], "words inside their token");
        assert!(
            token.words.len() >= 2,
            "a split token has at least two words: {:?} -> {:?}",
            token.span.slice(text),
            token.words
        );
    }
    check_sorted_disjoint(text, &analysis.sentences, "sentences");
    check_inside(
        &analysis.sentences,
        &[range],
        "sentences in the analysed range",
    );
    check_inside(&tokens, &analysis.sentences, "tokens inside a sentence");
    let mut next = 0;
    for &sentence in &analysis.sentences {
        while next < tokens.len() && tokens[next].end <= sentence.start {
            next += 1;
        }
        assert!(
            tokens.get(next).is_some_and(|t| sentence.contains(*t)),
            "sentence {sentence:?} holds no token: {:?}",
            excerpt(text, sentence)
        );
    }
}

/// Checks that analysing `text[range]` in place equals analysing the slice alone, shifted.
pub fn check_range_is_local(text: &str, range: Span, in_place: &Analysis, alone: &Analysis) {
    let shifted = |s: Span| s.shifted(range.start);
    let tokens_alone: Vec<(Span, Vec<Span>)> = alone
        .tokens
        .iter()
        .map(|t| {
            (
                shifted(t.span),
                t.words.iter().map(|&w| shifted(w)).collect(),
            )
        })
        .collect();
    let tokens_in_place: Vec<(Span, Vec<Span>)> = in_place
        .tokens
        .iter()
        .map(|t| (t.span, t.words.clone()))
        .collect();
    assert_eq!(
        tokens_in_place,
        tokens_alone,
        "analyze_range depends on text outside {range:?}: {:?}",
        excerpt(text, range)
    );
    let sentences_alone: Vec<Span> = alone.sentences.iter().map(|&s| shifted(s)).collect();
    assert_eq!(
        in_place.sentences, sentences_alone,
        "analyze_range sentences depend on text outside {range:?}"
    );
}

/// Checks CoNLL-U written for `analysis`: one block per sentence (comment lines, then a row per
/// token, preceded by a multiword range row `a-b` when the token is split into words), blocks
/// separated by blank lines, ten tab-separated columns, ids counting from 1 in each sentence,
/// and every FORM equal to the text of its token or word.
pub fn check_conllu(text: &str, analysis: &Analysis, conllu: &str) {
    assert!(
        conllu.is_empty() || conllu.ends_with('\n'),
        "CoNLL-U output ends with a newline"
    );
    let mut blocks: Vec<Vec<&str>> = Vec::new();
    let mut current: Vec<&str> = Vec::new();
    for line in conllu.split('\n') {
        assert!(
            !line.contains('\r'),
            "carriage return inside a CoNLL-U line: {line:?}"
        );
        if line.is_empty() {
            if !current.is_empty() {
                blocks.push(std::mem::take(&mut current));
            }
        } else if !line.starts_with('#') {
            current.push(line);
        } else {
            assert!(current.is_empty(), "comment after token rows: {line:?}");
        }
    }
    assert!(
        current.is_empty(),
        "the last sentence block is not closed by a blank line"
    );
    assert_eq!(
        blocks.len(),
        analysis.sentences.len(),
        "one CoNLL-U block per sentence"
    );
    let mut next = 0;
    for (rows, &sentence) in blocks.iter().zip(&analysis.sentences) {
        let mut expected: Vec<(String, &str)> = Vec::new();
        let mut id = 1;
        while next < analysis.tokens.len() && analysis.tokens[next].span.end <= sentence.end {
            let token = &analysis.tokens[next];
            next += 1;
            if !sentence.contains(token.span) {
                continue;
            }
            if token.words.is_empty() {
                expected.push((id.to_string(), token.span.slice(text)));
                id += 1;
                continue;
            }
            let last = id + token.words.len() - 1;
            expected.push((format!("{id}-{last}"), token.span.slice(text)));
            for word in &token.words {
                expected.push((id.to_string(), word.slice(text)));
                id += 1;
            }
        }
        assert_eq!(
            rows.len(),
            expected.len(),
            "rows of the sentence {:?}: {rows:?}",
            excerpt(text, sentence)
        );
        for (row, (id, form)) in rows.iter().zip(&expected) {
            let cols: Vec<&str> = row.split('\t').collect();
            assert_eq!(cols.len(), 10, "CoNLL-U row without 10 columns: {row:?}");
            assert_eq!(
                (cols[0], cols[1]),
                (id.as_str(), *form),
                "CoNLL-U row {row:?}"
            );
        }
    }
}

/// Checks a boilerplate result.
pub fn check_page(text: &str, page: &Page) {
    let spans: Vec<Span> = page.blocks.iter().map(|b| b.span).collect();
    check_sorted_disjoint(text, &spans, "blocks");
    check_covers(
        text,
        Span::new(0, text.len()),
        &spans,
        char::is_whitespace,
        "blocks",
    );
    for block in &page.blocks {
        let s = block.span.slice(text);
        assert!(
            s.trim() == s,
            "block {:?} is not trimmed: {:?}",
            block.span,
            excerpt(text, block.span)
        );
        assert_eq!(
            block.reason.is_some(),
            block.kind == BlockKind::Chrome,
            "a block has a reason exactly when it is chrome: {block:?}"
        );
    }
    for field in [&page.meta.title, &page.meta.date].into_iter().flatten() {
        assert!(
            !field.is_empty(),
            "empty metadata string in {:?}",
            page.meta
        );
    }
}

/// Checks gazetteer mentions found in `text[range]`.
pub fn check_mentions(text: &str, range: Span, mentions: &[Mention]) {
    let spans: Vec<Span> = mentions.iter().map(|m| m.span).collect();
    check_sorted_disjoint(text, &spans, "mentions");
    check_inside(&spans, &[range], "mentions in the searched range");
    for m in mentions {
        assert!(
            !m.id.is_empty() && !m.entity_type.is_empty() && !m.canonical.is_empty(),
            "mention without id, type or canonical name: {m:?}"
        );
    }
}

/// Checks the result of document-level linking: sorted, non-overlapping, every input mention
/// kept or replaced by one overlapping it, and new mentions inside `regions`.
pub fn check_linked(text: &str, regions: &[Span], before: &[Mention], after: &[Mention]) {
    let spans: Vec<Span> = after.iter().map(|m| m.span).collect();
    check_sorted_disjoint(text, &spans, "linked mentions");
    let kept: std::collections::HashSet<Span> = before.iter().map(|m| m.span).collect();
    for m in after {
        if !kept.contains(&m.span) {
            check_inside(&[m.span], regions, "linked mention inside a region");
        }
    }
    for b in before {
        let at = spans.partition_point(|s| s.end <= b.span.start);
        assert!(
            spans.get(at).is_some_and(|s| s.overlaps(b.span)),
            "linking lost the mention {:?} {:?}",
            b.span,
            excerpt(text, b.span)
        );
    }
}

/// Checks quotes extracted from `paragraphs` of `text`.
pub fn check_quotes(text: &str, paragraphs: &[Span], quotes: &[Quote]) {
    let envelope = match (paragraphs.first(), paragraphs.last()) {
        (Some(first), Some(last)) => Span::new(first.start, last.end),
        _ => {
            assert!(quotes.is_empty(), "quotes without any paragraph");
            return;
        }
    };
    for q in quotes {
        check_span(text, q.content, "quote content");
        assert!(!q.content.is_empty(), "empty quote content: {q:?}");
        check_inside(
            &[q.content],
            &[envelope],
            "quote content inside the paragraphs",
        );
        if let Some(cue) = q.cue {
            check_span(text, cue, "quote cue");
            assert!(!cue.is_empty(), "empty cue: {q:?}");
            check_inside(&[cue], paragraphs, "quote cue inside a paragraph");
        }
        if let Some(speaker) = &q.speaker {
            check_span(text, speaker.span, "quote speaker");
            assert!(!speaker.span.is_empty(), "empty speaker mention: {q:?}");
            assert!(!speaker.name.is_empty(), "speaker without a name: {q:?}");
        }
        assert!(
            (0.0..=1.0).contains(&q.confidence),
            "confidence out of 0..=1: {q:?}"
        );
        assert!(!q.rule.is_empty(), "quote without a rule: {q:?}");
    }
}

/// Checks a `Document` produced from `text`. `boilerplate` tells whether the boilerplate stage
/// ran (then blocks cover the text); without it the article regions are the non-blank lines.
pub fn check_document(text: &str, doc: &Document, boilerplate: bool) {
    let blocks: Vec<Span> = doc
        .blocks
        .iter()
        .map(|b| Span::new(b.start, b.end))
        .collect();
    check_sorted_disjoint(text, &blocks, "document blocks");
    let (article, body) = if boilerplate {
        check_covers(
            text,
            Span::new(0, text.len()),
            &blocks,
            char::is_whitespace,
            "document blocks",
        );
        for b in &doc.blocks {
            assert_eq!(
                b.reason.is_some(),
                b.kind == BlockKind::Chrome,
                "reason exactly on chrome: {b:?}"
            );
        }
        let pick = |keep: &dyn Fn(BlockKind) -> bool| -> Vec<Span> {
            doc.blocks
                .iter()
                .filter(|b| keep(b.kind))
                .map(|b| Span::new(b.start, b.end))
                .collect()
        };
        (
            pick(&|k| k != BlockKind::Chrome),
            pick(&|k| k == BlockKind::Body),
        )
    } else {
        assert!(
            doc.blocks.is_empty(),
            "blocks without the boilerplate stage"
        );
        let lines = non_blank_lines(text);
        (lines.clone(), lines)
    };

    let sentences: Vec<Span> = doc
        .sentences
        .iter()
        .map(|s| Span::new(s.start, s.end))
        .collect();
    check_sorted_disjoint(text, &sentences, "document sentences");
    check_inside(&sentences, &article, "sentences inside article blocks");

    if let Some(tokens) = &doc.tokens {
        let spans: Vec<Span> = tokens.iter().map(|t| Span::new(t.start, t.end)).collect();
        check_sorted_disjoint(text, &spans, "document tokens");
        check_inside(&spans, &article, "tokens inside article blocks");
        for t in tokens {
            assert_eq!(t.text, &text[t.start..t.end], "token text is its slice");
            for w in &t.words {
                check_span(text, Span::new(w.start, w.end), "document word");
                assert_eq!(w.text, &text[w.start..w.end], "word text is its slice");
                assert!(
                    t.start <= w.start && w.end <= t.end,
                    "word outside its token"
                );
            }
        }
        for &region in &article {
            check_covers(text, region, &spans, is_separator, "document tokens");
        }
    }

    let entities: Vec<Span> = doc
        .entities
        .iter()
        .map(|e| Span::new(e.start, e.end))
        .collect();
    check_sorted_disjoint(text, &entities, "document entities");
    check_inside(&entities, &article, "entities inside article blocks");
    for e in &doc.entities {
        assert_eq!(e.text, &text[e.start..e.end], "entity text is its slice");
        assert!(
            !e.id.is_empty() && !e.entity_type.is_empty() && !e.canonical.is_empty(),
            "entity without id, type or canonical name: {e:?}"
        );
    }

    let envelope = match (body.first(), body.last()) {
        (Some(first), Some(last)) => Some(Span::new(first.start, last.end)),
        _ => None,
    };
    for q in &doc.quotes {
        let content = Span::new(q.content.start, q.content.end);
        check_span(text, content, "document quote content");
        assert_eq!(
            q.content.text,
            content.slice(text),
            "content text is its slice"
        );
        assert!(
            envelope.is_some_and(|e| e.contains(content)),
            "quote content {content:?} outside the body blocks"
        );
        assert!(
            matches!(q.kind.as_str(), "direct" | "indirect" | "mixed"),
            "unknown quote kind {:?}",
            q.kind
        );
        if let Some(cue) = &q.cue {
            let span = Span::new(cue.start, cue.end);
            check_span(text, span, "document quote cue");
            assert_eq!(cue.text, span.slice(text), "cue text is its slice");
        }
        if let Some(speaker) = &q.speaker {
            let span = Span::new(speaker.start, speaker.end);
            check_span(text, span, "document quote speaker");
            assert_eq!(speaker.text, span.slice(text), "speaker text is its slice");
            assert!(!speaker.name.is_empty(), "speaker without a name");
        }
        assert!(
            (0.0..=1.0).contains(&q.confidence),
            "confidence out of 0..=1: {q:?}"
        );
        assert!(!q.rule.is_empty(), "quote without a rule");
    }

    let json = serde_json::to_string(doc).expect("a document serialises");
    assert!(!json.contains('\n'), "compact JSON is one line");
    let back: Document = serde_json::from_str(&json).expect("the JSON reads back");
    assert_eq!(&back, doc, "the document survives a JSON round trip");
}

/// The non-blank lines of `text`, trimmed, as spans (the article regions of a pipeline built
/// without the boilerplate stage).
pub fn non_blank_lines(text: &str) -> Vec<Span> {
    let mut out = Vec::new();
    let mut start = 0;
    for line in text.split_inclusive('\n') {
        let trimmed = line.trim();
        if !trimmed.is_empty() {
            let lead = line.len() - line.trim_start().len();
            out.push(Span::new(start + lead, start + lead + trimmed.len()));
        }
        start += line.len();
    }
    out
}

/// At most 80 bytes of `text` around `span`, widened to char boundaries, for messages.
fn excerpt(text: &str, span: Span) -> &str {
    let mut start = span.start.min(text.len()).saturating_sub(20);
    while !text.is_char_boundary(start) {
        start -= 1;
    }
    let mut end = span.end.clamp(start, text.len()).min(start + 80);
    while !text.is_char_boundary(end) {
        end += 1;
    }
    &text[start..end]
}
