//! The seed article end to end: every row of DESIGN.md's "seed, line by line" table.

use warta::{BlockKind, ChromeReason, Document, Pipeline, QuoteKind};

const SEED: &str = include_str!("../../../examples/data/mistar-2024-04-28.txt");

fn analyze() -> Document {
    Pipeline::new().analyze(SEED)
}

fn block_of<'d>(doc: &'d Document, needle: &str) -> &'d warta::BlockOut {
    let at = SEED
        .find(needle)
        .unwrap_or_else(|| panic!("{needle:?} not in the seed"));
    doc.blocks
        .iter()
        .find(|b| b.start <= at && at < b.end)
        .unwrap_or_else(|| panic!("no block covers {needle:?}"))
}

#[test]
fn widgets_teasers_and_lists_are_chrome_and_the_body_stays() {
    let doc = analyze();
    for (needle, reason) in [
        ("10.4 C", "widget"),
        ("New York", "widget"),
        ("Sunday, April 28, 2024", "widget"),
        ("Joe Biden Pecat", "teaser"),
        ("Jerman Pakai Obat", "teaser"),
        ("Related Articles", "related-list"),
        ("Latest Articles", "related-list"),
        ("(CNN/hm02)", "credit"),
    ] {
        let block = block_of(&doc, needle);
        assert_eq!(block.kind, BlockKind::Chrome, "{needle}");
        assert_eq!(
            block.reason.map(ChromeReason::as_str),
            Some(reason),
            "{needle}"
        );
    }
    assert_eq!(
        block_of(&doc, "Washington-Seoul Bahas").kind,
        BlockKind::Title
    );
    assert_eq!(
        block_of(&doc, "Washington, MISTAR.ID").kind,
        BlockKind::Dateline
    );
    for paragraph in SEED.split("\n\n").map(str::trim) {
        let prose = paragraph.ends_with('.') || paragraph.ends_with(".(CNN/hm02)");
        if prose && !paragraph.starts_with("Baca Juga") {
            let first_words = &paragraph[..20];
            assert_eq!(
                block_of(&doc, first_words).kind,
                BlockKind::Body,
                "{first_words}"
            );
        }
    }
}

#[test]
fn metadata() {
    let meta = analyze().meta;
    assert_eq!(
        meta.title.as_deref(),
        Some("Washington-Seoul Bahas Perdamaian Memperkuat Aliansi AS-ROK")
    );
    let dateline = meta.dateline.expect("dateline");
    assert_eq!(dateline.place.as_deref(), Some("Washington"));
    assert_eq!(dateline.outlet.as_deref(), Some("MISTAR.ID"));
    assert_eq!(meta.credits.len(), 1);
    assert_eq!(meta.credits[0].source.as_deref(), Some("CNN"));
    assert_eq!(meta.credits[0].editor.as_deref(), Some("hm02"));
    assert_eq!(meta.date.as_deref(), Some("2024-04-28"));
}

#[test]
fn quotes_come_out_as_designed() {
    let doc = analyze();
    let quote_with = |needle: &str| {
        doc.quotes
            .iter()
            .find(|q| q.content.text.contains(needle))
            .unwrap_or_else(|| panic!("no quote contains {needle:?}: {:#?}", doc.quotes))
    };

    let mixed = quote_with("kunci utama");
    assert_eq!(mixed.kind, QuoteKind::Mixed);
    assert_eq!(mixed.speaker.as_ref().unwrap().name, "Jake Sullivan");
    assert_eq!(mixed.source.as_deref(), Some("Yonhap"));

    assert!(
        doc.quotes.iter().all(|q| q.content.text != "“komunikasi”"),
        "scare quote taken as speech"
    );

    let indirect = quote_with("Suh juga memberi selamat");
    assert_eq!(indirect.kind, QuoteKind::Indirect);
    let speaker = indirect.speaker.as_ref().unwrap();
    assert_eq!(speaker.name, "Kang Min-seol");
    assert_eq!(
        speaker.role.as_deref().map(str::to_lowercase).as_deref(),
        Some("juru bicara")
    );
    assert_eq!(speaker.affiliation.as_deref(), Some("Rumah Biru"));

    let direct = quote_with("Mereka membahas pentingnya");
    assert_eq!(direct.kind, QuoteKind::Direct);
    assert_eq!(direct.cue.as_ref().unwrap().text, "kata");
    let speaker = direct.speaker.as_ref().unwrap();
    assert_eq!(speaker.text, "Home");
    assert_eq!(speaker.name, "Emily Home");
    assert_eq!(speaker.role.as_deref(), Some("Juru Bicara"));
    assert_eq!(
        speaker.affiliation.as_deref(),
        Some("Dewan Keamanan Nasional AS")
    );
    assert!(!direct.content.text.contains("CNN"));
}

#[test]
fn entities_have_canonical_ids_and_partial_names_link() {
    let doc = analyze();
    let entity = |text: &str| {
        doc.entities
            .iter()
            .find(|e| e.text == text)
            .unwrap_or_else(|| panic!("no entity {text:?}"))
    };
    assert_eq!(entity("Korsel").id, entity("Korea Selatan").id);
    assert_eq!(entity("AS").id, entity("Amerika Serikat").id);
    assert_eq!(entity("Rumah Biru").id, entity("Blue House").id);
    assert_eq!(
        entity("Korea Utara").id,
        entity("Republik Demokratik Korea").id
    );
    assert_ne!(entity("Korea Utara").id, entity("Korsel").id);
    assert!(doc.entities.iter().any(|e| e.text.contains("Yonhap")));
    assert_eq!(&*entity("Covid-19").canonical, "Covid-19");
    let home = doc
        .entities
        .iter()
        .rev()
        .find(|e| e.text == "Home")
        .unwrap();
    assert_eq!(&*home.canonical, "Emily Home");
    assert!(
        doc.entities
            .iter()
            .any(|e| e.text == "Sullivan" && &*e.canonical == "Jake Sullivan")
    );
}

#[test]
fn every_span_is_a_char_boundary_range_of_the_input() {
    let doc = analyze();
    let ok = |s: usize, e: usize| s <= e && SEED.get(s..e).is_some();
    assert!(doc.blocks.iter().all(|b| ok(b.start, b.end)));
    assert!(doc.sentences.iter().all(|b| ok(b.start, b.end)));
    assert!(doc.entities.iter().all(|b| ok(b.start, b.end)));
    for q in &doc.quotes {
        assert!(ok(q.content.start, q.content.end));
        assert_eq!(&SEED[q.content.start..q.content.end], q.content.text);
    }
}

#[cfg(feature = "serde")]
#[test]
fn document_json_has_the_documented_field_names() {
    let value = serde_json::to_value(analyze()).unwrap();
    for key in [
        "schema_version",
        "blocks",
        "meta",
        "sentences",
        "entities",
        "quotes",
    ] {
        assert!(value.get(key).is_some(), "{key}");
    }
    assert!(value.get("tokens").is_none(), "tokens only when asked for");
    let quote = &value["quotes"][0];
    for key in [
        "kind",
        "content",
        "cue",
        "speaker",
        "source",
        "confidence",
        "rule",
    ] {
        assert!(quote.get(key).is_some(), "quote.{key}");
    }
    let entity = &value["entities"][0];
    for key in ["start", "end", "text", "id", "type", "canonical"] {
        assert!(entity.get(key).is_some(), "entity.{key}");
    }
}
