//! Whole pages in the style of Indonesian outlets outside the dev set (`tests/pages/*.txt`,
//! written for these tests): every line's kind, and the metadata. See `tests/pages/README.md`
//! for the format.

use warta_boilerplate::{BlockKind, classify};

/// One labelled page: the text, each line's span and expected kinds, and the metadata.
struct Fixture {
    text: String,
    lines: Vec<(usize, usize, &'static str)>,
    meta: Vec<(&'static str, &'static str)>,
}

fn parse(src: &'static str) -> Fixture {
    let mut text = String::new();
    let mut lines = Vec::new();
    let mut meta = Vec::new();
    for raw in src.lines() {
        if let Some(m) = raw.strip_prefix('#') {
            let (k, v) = m.split_once('\t').expect("#key<TAB>value");
            meta.push((k, v));
            continue;
        }
        let (label, line) = raw.split_once('\t').expect("LABEL<TAB>text");
        let start = text.len();
        text.push_str(line);
        lines.push((start, text.len(), label));
        text.push('\n');
    }
    Fixture { text, lines, meta }
}

fn letter(kind: BlockKind) -> char {
    match kind {
        BlockKind::Title => 'T',
        BlockKind::Dateline => 'D',
        BlockKind::Body => 'B',
        BlockKind::Chrome => 'C',
    }
}

/// The problems of one page, one per line: a line whose blocks' kinds differ from its label,
/// or metadata that differs from what the page states.
fn check(name: &str, src: &'static str) -> Vec<String> {
    let f = parse(src);
    let page = classify(&f.text);
    let mut problems = Vec::new();
    for &(start, end, label) in &f.lines {
        if label == "?" {
            continue;
        }
        let got: String = page
            .blocks
            .iter()
            .filter(|b| b.span.start >= start && b.span.end <= end)
            .map(|b| letter(b.kind))
            .collect();
        if got != label {
            problems.push(format!(
                "{name}: {:?} is {got:?}, not {label:?}",
                &f.text[start..end]
            ));
        }
    }
    let meta = &page.meta;
    for &(key, want) in &f.meta {
        let dateline = meta.dateline.as_ref();
        let ok = match key {
            "title" => meta.title.as_deref() == Some(want),
            "place" => dateline.and_then(|d| d.place.as_deref()) == Some(want),
            "outlet" => dateline.and_then(|d| d.outlet.as_deref()) == Some(want),
            "date" => meta.date.as_deref() == Some(want),
            "credit" => meta.credits.iter().any(|c| {
                format!(
                    "{}/{}",
                    c.source.as_deref().unwrap_or(""),
                    c.editor.as_deref().unwrap_or("")
                ) == want
            }),
            _ => panic!("{name}: unknown key {key}"),
        };
        if !ok {
            problems.push(format!("{name}: {key} is not {want:?} in {meta:?}"));
        }
    }
    problems
}

macro_rules! pages {
    ($($name:ident),* $(,)?) => {
        $(
            #[test]
            fn $name() {
                let problems = check(
                    stringify!($name),
                    include_str!(concat!("pages/", stringify!($name), ".txt")),
                );
                assert!(problems.is_empty(), "{}", problems.join("\n"));
            }
        )*
    };
}

pages!(
    tribun,
    cnn,
    okezone,
    suara,
    republika,
    sindonews,
    jpnn,
    merdeka,
    kumparan,
    idntimes,
    viva,
    jawapos,
    beritasatu,
    detikjateng,
    cnbc,
    katadata,
    bisnis,
    kontan,
    tirto,
    inews,
    mediaindonesia,
    detik_comments,
    okezone_paged,
    serambi,
    jakartaglobe,
    live,
    hukum,
    pikiranrakyat,
    heavy,
    summaries,
    embeds,
    antaradaerah,
    brief,
    english_ui,
    lists,
    sport,
    deck,
);

#[test]
fn the_parser_reads_labels_spans_and_metadata() {
    let f = parse("C\tHome\nDB\tJAKARTA - Isi.\n#title\tJudul");
    assert_eq!(f.text, "Home\nJAKARTA - Isi.\n");
    assert_eq!(f.lines, vec![(0, 4, "C"), (5, 19, "DB")]);
    assert_eq!(f.meta, vec![("title", "Judul")]);
}
