//! The [`Document`] as compact JSON, written by hand: the same bytes as `serde_json::to_writer`
//! on the document (field order, `null`s, skipped fields, escapes), without the serializer's
//! per-byte escape loop and per-call dispatch. Strings are copied in runs of bytes that need no
//! escape, found eight at a time. `tests` checks the bytes against serde_json on random
//! documents.

use warta::{BlockOut, Document, EntityOut, MetaOut, QuoteOut, SpanOut, TextSpan, TokenOut};

/// Appends the fields of `doc` to `out` as they appear inside its JSON object (from
/// `"schema_version"` to the quotes), without the braces.
pub(crate) fn document_fields(out: &mut Vec<u8>, doc: &Document) {
    key(out, b"\"schema_version\":");
    number(out, u64::from(doc.schema_version));
    if let Some(id) = &doc.id {
        key(out, b",\"id\":");
        string(out, id);
    }
    key(out, b",\"blocks\":");
    list(out, &doc.blocks, block);
    key(out, b",\"meta\":");
    meta(out, &doc.meta);
    key(out, b",\"sentences\":");
    list(out, &doc.sentences, span);
    if let Some(tokens) = &doc.tokens {
        key(out, b",\"tokens\":");
        list(out, tokens, token);
    }
    key(out, b",\"entities\":");
    list(out, &doc.entities, entity);
    key(out, b",\"quotes\":");
    list(out, &doc.quotes, quote);
}

/// Appends `doc` as one JSON object.
#[cfg(test)]
pub(crate) fn document(out: &mut Vec<u8>, doc: &Document) {
    out.push(b'{');
    document_fields(out, doc);
    out.push(b'}');
}

#[inline]
fn key(out: &mut Vec<u8>, k: &[u8]) {
    out.extend_from_slice(k);
}

/// `[item,item,…]`.
fn list<T>(out: &mut Vec<u8>, items: &[T], item: fn(&mut Vec<u8>, &T)) {
    out.push(b'[');
    for (k, x) in items.iter().enumerate() {
        if k > 0 {
            out.push(b',');
        }
        item(out, x);
    }
    out.push(b']');
}

/// `"start":…,"end":…` (no braces).
#[inline]
fn range(out: &mut Vec<u8>, start: usize, end: usize) {
    key(out, b"\"start\":");
    number(out, start as u64);
    key(out, b",\"end\":");
    number(out, end as u64);
}

fn span(out: &mut Vec<u8>, s: &SpanOut) {
    out.push(b'{');
    range(out, s.start, s.end);
    out.push(b'}');
}

fn text_span(out: &mut Vec<u8>, s: &TextSpan) {
    out.push(b'{');
    range(out, s.start, s.end);
    key(out, b",\"text\":");
    string(out, &s.text);
    out.push(b'}');
}

fn block(out: &mut Vec<u8>, b: &BlockOut) {
    out.push(b'{');
    range(out, b.start, b.end);
    key(out, b",\"kind\":");
    string(out, b.kind.as_str());
    key(out, b",\"reason\":");
    opt_string(out, b.reason.map(|r| r.as_str()));
    out.push(b'}');
}

fn meta(out: &mut Vec<u8>, m: &MetaOut) {
    key(out, b"{\"title\":");
    opt_string(out, m.title.as_deref());
    key(out, b",\"dateline\":");
    match &m.dateline {
        Some(d) => {
            key(out, b"{\"place\":");
            opt_string(out, d.place.as_deref());
            key(out, b",\"outlet\":");
            opt_string(out, d.outlet.as_deref());
            out.push(b'}');
        }
        None => key(out, b"null"),
    }
    key(out, b",\"credits\":");
    list(out, &m.credits, |out, c| {
        key(out, b"{\"source\":");
        opt_string(out, c.source.as_deref());
        key(out, b",\"editor\":");
        opt_string(out, c.editor.as_deref());
        key(out, b",\"role\":");
        opt_string(out, c.role.as_deref());
        out.push(b'}');
    });
    key(out, b",\"date\":");
    opt_string(out, m.date.as_deref());
    out.push(b'}');
}

fn token(out: &mut Vec<u8>, t: &TokenOut) {
    out.push(b'{');
    range(out, t.start, t.end);
    key(out, b",\"text\":");
    string(out, &t.text);
    key(out, b",\"kind\":");
    string(out, t.kind.as_str());
    if !t.words.is_empty() {
        key(out, b",\"words\":");
        list(out, &t.words, text_span);
    }
    out.push(b'}');
}

fn entity(out: &mut Vec<u8>, e: &EntityOut) {
    out.push(b'{');
    range(out, e.start, e.end);
    key(out, b",\"text\":");
    string(out, &e.text);
    key(out, b",\"id\":");
    string(out, &e.id);
    key(out, b",\"type\":");
    string(out, &e.entity_type);
    key(out, b",\"canonical\":");
    string(out, &e.canonical);
    key(out, b",\"alias\":");
    string(out, &e.alias);
    out.push(b'}');
}

fn quote(out: &mut Vec<u8>, q: &QuoteOut) {
    key(out, b"{\"kind\":");
    string(out, q.kind.as_str());
    key(out, b",\"content\":");
    text_span(out, &q.content);
    key(out, b",\"cue\":");
    match &q.cue {
        Some(c) => text_span(out, c),
        None => key(out, b"null"),
    }
    key(out, b",\"speaker\":");
    match &q.speaker {
        Some(s) => {
            out.push(b'{');
            range(out, s.start, s.end);
            key(out, b",\"text\":");
            string(out, &s.text);
            key(out, b",\"name\":");
            string(out, &s.name);
            key(out, b",\"role\":");
            opt_string(out, s.role.as_deref());
            key(out, b",\"affiliation\":");
            opt_string(out, s.affiliation.as_deref());
            key(out, b",\"entity_id\":");
            opt_string(out, s.entity_id.as_deref());
            out.push(b'}');
        }
        None => key(out, b"null"),
    }
    key(out, b",\"source\":");
    opt_string(out, q.source.as_deref());
    key(out, b",\"confidence\":");
    float(out, q.confidence);
    key(out, b",\"rule\":");
    string(out, &q.rule);
    out.push(b'}');
}

/// An `f32` exactly as serde_json writes it (shortest round-trip digits; `null` when not
/// finite).
fn float(out: &mut Vec<u8>, v: f32) {
    if serde_json::to_writer(&mut *out, &v).is_err() {
        // Writing a number into a vector cannot fail; keep the output valid JSON regardless.
        key(out, b"null");
    }
}

/// A decimal integer.
#[inline]
fn number(out: &mut Vec<u8>, n: u64) {
    out.extend_from_slice(itoa::Buffer::new().format(n).as_bytes());
}

fn opt_string(out: &mut Vec<u8>, s: Option<&str>) {
    match s {
        Some(s) => string(out, s),
        None => key(out, b"null"),
    }
}

const ONES: u64 = 0x0101_0101_0101_0101;
const HIGH: u64 = 0x8080_8080_8080_8080;

/// For eight bytes, a mask whose lowest set bit is the high bit of the first byte that JSON
/// escapes (a control character below 0x20, `"` or `\`); zero when none does. (Bits above the
/// lowest may be spurious, which the caller never reads.)
#[inline]
fn escapes(v: u64) -> u64 {
    let zero = |x: u64| x.wrapping_sub(ONES) & !x & HIGH;
    let control = v.wrapping_sub(ONES * 0x20) & !v & HIGH;
    control | zero(v ^ (ONES * u64::from(b'"'))) | zero(v ^ (ONES * u64::from(b'\\')))
}

/// True for the bytes serde_json escapes.
#[inline]
fn must_escape(c: u8) -> bool {
    c < 0x20 || c == b'"' || c == b'\\'
}

/// A JSON string with serde_json's escapes: `\"`, `\\`, `\b`, `\f`, `\n`, `\r`, `\t`, and
/// `\u00xx` (lower-case hex) for the other control characters; everything else as is.
fn string(out: &mut Vec<u8>, s: &str) {
    let b = s.as_bytes();
    out.reserve(b.len() + 2);
    out.push(b'"');
    let mut run = 0;
    let mut i = 0;
    loop {
        let m = match b[i..].first_chunk::<8>() {
            Some(w) => escapes(u64::from_le_bytes(*w)),
            None => {
                // The last bytes, padded with spaces (never escaped).
                let rest = &b[i..];
                let mut w = [b' '; 8];
                w[..rest.len()].copy_from_slice(rest);
                let m = escapes(u64::from_le_bytes(w));
                if m == 0 {
                    break;
                }
                m
            }
        };
        if m == 0 {
            i += 8;
            continue;
        }
        i += (m.trailing_zeros() / 8) as usize;
        debug_assert!(must_escape(b[i]));
        out.extend_from_slice(&b[run..i]);
        escape(out, b[i]);
        i += 1;
        run = i;
    }
    out.extend_from_slice(&b[run..]);
    out.push(b'"');
}

/// The escape of one byte that [`must_escape`].
fn escape(out: &mut Vec<u8>, c: u8) {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    let short = match c {
        b'"' => b'"',
        b'\\' => b'\\',
        0x08 => b'b',
        0x0c => b'f',
        b'\n' => b'n',
        b'\r' => b'r',
        b'\t' => b't',
        _ => 0,
    };
    if short != 0 {
        out.extend_from_slice(&[b'\\', short]);
    } else {
        out.extend_from_slice(&[
            b'\\',
            b'u',
            b'0',
            b'0',
            HEX[usize::from(c >> 4)],
            HEX[usize::from(c & 0xf)],
        ]);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use warta::{
        BlockKind, ChromeReason, CreditOut, DatelineOut, QuoteKind, SpeakerOut, TokenKind,
    };

    fn serde_bytes(doc: &Document) -> String {
        serde_json::to_string(doc).unwrap()
    }

    fn ours(doc: &Document) -> String {
        let mut out = Vec::new();
        document(&mut out, doc);
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn numbers_are_written_in_decimal() {
        for k in 0..20 {
            let n = 10u64.pow(k);
            for v in [n - 1, n, n + 1, n / 7 * 3, u64::MAX - u64::from(k)] {
                let mut out = Vec::new();
                number(&mut out, v);
                assert_eq!(String::from_utf8(out).unwrap(), v.to_string());
            }
        }
    }

    #[test]
    fn escapes_match_serde_json_on_every_ascii_byte_and_at_every_offset() {
        for c in 0u8..0x80 {
            for at in 0..17 {
                let s = format!("{}{}ab", "x".repeat(at), char::from(c));
                let mut out = Vec::new();
                string(&mut out, &s);
                assert_eq!(
                    String::from_utf8(out).unwrap(),
                    serde_json::to_string(&s).unwrap(),
                    "byte {c:#x} at {at}"
                );
            }
        }
    }

    #[test]
    fn the_seed_article_is_written_as_serde_json_writes_it() {
        let seed = include_str!("../../examples/data/mistar-2024-04-28.txt");
        for tokens in [false, true] {
            let pipeline = warta::Pipeline::builder().tokens(tokens).build();
            let mut doc = pipeline.analyze_with_id(Some("seed \"1\"".into()), seed);
            assert!(!doc.quotes.is_empty() && !doc.entities.is_empty());
            assert_eq!(ours(&doc), serde_bytes(&doc));
            doc.id = None;
            assert_eq!(ours(&doc), serde_bytes(&doc));
        }
    }

    /// Strings rich in what JSON escapes, multi-byte characters and long safe runs.
    fn text() -> impl Strategy<Value = String> {
        prop::collection::vec(
            prop_oneof![
                4 => "[a-zA-Z ,.]{0,12}",
                2 => prop::char::range('\u{0}', '\u{7f}').prop_map(String::from),
                1 => Just("\"\\\u{7f}\u{a0}“”—é\u{2028}\u{1f600}".to_owned()),
                1 => any::<char>().prop_map(String::from),
            ],
            0..8,
        )
        .prop_map(|parts| parts.concat())
    }

    fn opt_text() -> impl Strategy<Value = Option<String>> {
        prop::option::of(text())
    }

    fn text_span() -> impl Strategy<Value = TextSpan> {
        (any::<usize>(), any::<usize>(), text()).prop_map(|(start, end, text)| TextSpan {
            start,
            end,
            text,
        })
    }

    fn block_kind() -> impl Strategy<Value = BlockKind> {
        prop::sample::select(vec![
            BlockKind::Title,
            BlockKind::Dateline,
            BlockKind::Body,
            BlockKind::Chrome,
        ])
    }

    fn reason() -> impl Strategy<Value = ChromeReason> {
        use ChromeReason::*;
        prop::sample::select(vec![
            Teaser,
            Navigation,
            Widget,
            Advertisement,
            Social,
            RelatedList,
            Copyright,
            Credit,
            Caption,
            Metadata,
            Other,
        ])
    }

    fn token_kind() -> impl Strategy<Value = TokenKind> {
        use TokenKind::*;
        prop::sample::select(vec![
            Word, Number, Punct, Symbol, Url, Email, Hashtag, Mention, Emoji,
        ])
    }

    fn quote_kind() -> impl Strategy<Value = QuoteKind> {
        prop::sample::select(vec![
            QuoteKind::Direct,
            QuoteKind::Indirect,
            QuoteKind::Mixed,
        ])
    }

    fn random_document() -> impl Strategy<Value = Document> {
        let blocks = prop::collection::vec(
            (
                any::<usize>(),
                any::<usize>(),
                block_kind(),
                prop::option::of(reason()),
            )
                .prop_map(|(start, end, kind, reason)| BlockOut {
                    start,
                    end,
                    kind,
                    reason,
                }),
            0..4,
        );
        let credits = prop::collection::vec(
            (opt_text(), opt_text(), opt_text()).prop_map(|(source, editor, role)| CreditOut {
                source,
                editor,
                role,
            }),
            0..3,
        );
        let meta = (
            opt_text(),
            prop::option::of((opt_text(), opt_text())),
            credits,
            opt_text(),
        )
            .prop_map(|(title, dateline, credits, date)| MetaOut {
                title,
                dateline: dateline.map(|(place, outlet)| DatelineOut { place, outlet }),
                credits,
                date,
            });
        let sentences = prop::collection::vec(
            (any::<usize>(), any::<usize>()).prop_map(|(start, end)| SpanOut { start, end }),
            0..4,
        );
        let tokens = prop::option::of(prop::collection::vec(
            (
                text_span(),
                token_kind(),
                prop::collection::vec(text_span(), 0..3),
            )
                .prop_map(|(s, kind, words)| TokenOut {
                    start: s.start,
                    end: s.end,
                    text: s.text,
                    kind,
                    words,
                }),
            0..4,
        ));
        let entities = prop::collection::vec(
            (text_span(), text(), text(), text(), text()).prop_map(
                |(s, id, entity_type, canonical, alias)| EntityOut {
                    start: s.start,
                    end: s.end,
                    text: s.text,
                    id: id.into(),
                    entity_type: entity_type.into(),
                    canonical: canonical.into(),
                    alias: alias.into(),
                },
            ),
            0..4,
        );
        let speaker = prop::option::of(
            (text_span(), text(), opt_text(), opt_text(), opt_text()).prop_map(
                |(s, name, role, affiliation, entity_id)| SpeakerOut {
                    start: s.start,
                    end: s.end,
                    text: s.text,
                    name,
                    role,
                    affiliation,
                    entity_id,
                },
            ),
        );
        let quotes = prop::collection::vec(
            (
                quote_kind(),
                text_span(),
                prop::option::of(text_span()),
                speaker,
                opt_text(),
                prop_oneof![any::<f32>(), 0.0f32..=1.0],
                text(),
            )
                .prop_map(|(kind, content, cue, speaker, source, confidence, rule)| {
                    QuoteOut {
                        kind,
                        content,
                        cue,
                        speaker,
                        source,
                        confidence,
                        rule,
                    }
                }),
            0..4,
        );
        (
            any::<u32>(),
            opt_text(),
            blocks,
            meta,
            sentences,
            tokens,
            entities,
            quotes,
        )
            .prop_map(
                |(schema_version, id, blocks, meta, sentences, tokens, entities, quotes)| {
                    Document {
                        schema_version,
                        id,
                        blocks,
                        meta,
                        sentences,
                        tokens,
                        entities,
                        quotes,
                    }
                },
            )
    }

    proptest! {
        #[test]
        fn random_strings_are_escaped_as_serde_json_escapes_them(s in text()) {
            let mut out = Vec::new();
            string(&mut out, &s);
            prop_assert_eq!(String::from_utf8(out).unwrap(), serde_json::to_string(&s).unwrap());
        }

        #[test]
        fn random_documents_are_written_as_serde_json_writes_them(doc in random_document()) {
            prop_assert_eq!(ours(&doc), serde_bytes(&doc));
        }
    }
}
