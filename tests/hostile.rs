//! Hostile inputs through every stage and the whole pipeline, with the invariants of
//! `support/checks.rs` checked on each result: empty and blank texts, control and invisible
//! characters, other scripts, emoji sequences, floods of quote marks and brackets, odd line
//! ends, a 10 MB line and 100 000 short lines. No timing is asserted here: linear time is
//! measured by the benches (`benches/pipeline.rs`, `benches/scaling.rs`).

#[allow(dead_code)]
#[path = "support/checks.rs"]
mod checks;
#[allow(dead_code)]
#[path = "support/targets.rs"]
mod targets;

use warta::Span;

/// Runs `text` through the tokenizer (whole and on a middle range), the CoNLL-U writer, the
/// boilerplate classifier, the default gazetteer, the quote extractor and the pipeline with and
/// without boilerplate, checking every invariant.
fn through_every_stage(text: &str) {
    targets::check_tokenize(text, middle(text));
    targets::check_conllu_of(text);
    targets::check_boilerplate(text);
    targets::check_gazetteer(&targets::DEFAULT_GAZETTEER, text, Span::new(0, text.len()));
    targets::check_quotes_of(text);
    targets::check_pipeline(text, true);
    targets::check_pipeline(text, false);
}

/// The same stages once each, for the largest inputs (debug builds are slow): tokens and
/// CoNLL-U from one analysis, blocks, mentions of the whole text, quotes of the whole text and
/// the full pipeline.
fn through_every_stage_once(text: &str) {
    let whole = Span::new(0, text.len());
    let analysis = targets::TOKENIZER.analyze(text);
    checks::check_analysis(text, whole, &analysis);
    let mut conllu = String::new();
    warta::tokenize::conllu::write(text, &analysis, &mut conllu);
    checks::check_conllu(text, &analysis, &conllu);
    targets::check_boilerplate(text);
    checks::check_mentions(text, whole, &targets::DEFAULT_GAZETTEER.find(text));
    checks::check_quotes(text, &[whole], &targets::EXTRACTOR.extract(text));
    targets::check_pipeline(text, true);
}

/// The middle third of `text`, on char boundaries.
fn middle(text: &str) -> Span {
    targets::sub_range(text, &[85, 170])
}

/// `unit` repeated until the text has at least `n` bytes.
fn repeat_to(unit: &str, n: usize) -> String {
    unit.repeat(n.div_ceil(unit.len()))
}

/// A deterministic pseudo-random sequence (xorshift), so inputs are varied but reproducible.
fn xorshift(seed: u64) -> impl Iterator<Item = u64> {
    let mut x = seed;
    std::iter::repeat_with(move || {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        x
    })
}

#[test]
fn empty_input() {
    through_every_stage("");
    let doc = targets::FULL_PIPELINE.analyze("");
    assert!(doc.blocks.is_empty() && doc.sentences.is_empty());
    assert!(doc.entities.is_empty() && doc.quotes.is_empty());
}

#[test]
fn whitespace_only() {
    for text in [
        " ",
        "\n",
        "\n\n\n",
        "\t \r\n \u{a0}\u{2007}\u{202f}\u{3000}\u{2028}\u{2029}\u{85}",
        &" \n".repeat(10_000),
    ] {
        through_every_stage(text);
        let doc = targets::FULL_PIPELINE.analyze(text);
        assert!(doc.blocks.is_empty(), "no block in blank text {text:?}");
        assert!(
            doc.sentences.is_empty(),
            "no sentence in blank text {text:?}"
        );
    }
}

#[test]
fn nul_bytes_and_control_characters() {
    for text in [
        "\0",
        "\0\0\0\0",
        "Presiden\0Joko\0Widodo",
        "“\0”\0kata\0Budi",
        "\u{1}\u{2}\u{7}\u{8}\u{1b}[31mmerah\u{1b}[0m\u{7f}",
        &"a\0".repeat(5_000),
    ] {
        through_every_stage(text);
    }
}

#[test]
fn right_to_left_and_zero_width_characters() {
    for text in [
        "\u{202e}ofni.atrAw\u{202c} kata Budi.",
        "\u{200f}مرحبا\u{200e} Presiden \u{2067}عربى\u{2069}.",
        "Pre\u{200b}si\u{200b}den Jo\u{200c}ko Wi\u{200d}dodo \u{2060}di\u{feff} Jakarta.",
        "\u{feff}JAKARTA, KOMPAS.com — Isi berita.",
        "“\u{200b}Kami siap\u{200b},\u{200b}” kata\u{200b} Budi.",
        &"\u{200b}".repeat(10_000),
        &"\u{200d}\u{202e}".repeat(5_000),
    ] {
        through_every_stage(text);
    }
}

#[test]
fn combining_marks() {
    for text in [
        "e\u{301} cafe\u{301} Pe\u{301}rez",
        "\u{301}awal kata",
        " \u{301} \u{308}\u{308} .",
        "“\u{301}” kata\u{301} Budi\u{301}.",
        &format!("a{}", "\u{301}".repeat(10_000)),
        "Z\u{351}\u{36b}\u{343}\u{36a}a\u{352}\u{36c}\u{30b}l\u{35b}g\u{34e}o\u{36e}",
    ] {
        through_every_stage(text);
    }
}

#[test]
fn emoji_sequences() {
    for text in [
        "👨‍👩‍👧‍👦 keluarga",
        "Warga 👍🏽👍🏿 menyambut 🇮🇩🇲🇾 baik.",
        "1️⃣ #️⃣ *️⃣ 🏳️‍🌈 🧑🏽‍💻",
        "“😀,” kata Budi 😂😂😂.",
        "Presiden👨‍👩‍👧Joko",
        &"👨‍👩‍👧".repeat(3_000),
        &"\u{200d}".repeat(1_000),
    ] {
        through_every_stage(text);
    }
}

#[test]
fn ten_thousand_quote_marks() {
    let marks = ["“", "”", "\"", "«", "»", "‘", "’", "'", "„", "‹", "›"];
    let mixed: String = xorshift(7)
        .take(10_000)
        .map(|r| marks[r as usize % marks.len()])
        .collect();
    let with_words: String = xorshift(11)
        .take(10_000)
        .map(|r| {
            let mark = marks[r as usize % marks.len()];
            match (r >> 8) % 4 {
                0 => format!("{mark}kata "),
                1 => format!("{mark} ujarnya, "),
                2 => format!("Budi {mark}"),
                _ => mark.to_owned(),
            }
        })
        .collect();
    for text in [
        "“".repeat(10_000),
        "”".repeat(10_000),
        "\"".repeat(10_000),
        "«".repeat(10_000),
        "“kata ".repeat(10_000),
        "” kata Budi. ".repeat(10_000),
        mixed,
        with_words,
    ] {
        through_every_stage(&text);
    }
}

#[test]
fn unbalanced_brackets() {
    for text in [
        "((((((((((".to_owned(),
        "))))))))))".to_owned(),
        "Presiden (Joko [Widodo {di Jakarta.".to_owned(),
        "“Kami (siap,” kata) Budi].".to_owned(),
        "(".repeat(10_000),
        "([{".repeat(5_000),
        "(CNN/hm02".repeat(1_000),
    ] {
        through_every_stage(&text);
    }
}

#[test]
fn a_ten_megabyte_line() {
    let sentence = "Menurut Presiden Joko Widodo, “pemerintah akan menambah anggaran,” \
                    katanya di Jakarta, Senin (6/4/2020), Rp1.500.000 per orang. ";
    let text = repeat_to(sentence, 10 << 20);
    assert!(!text.contains('\n'));
    through_every_stage_once(&text);
}

#[test]
fn one_megabyte_tokens() {
    for text in [
        "a".repeat(1 << 20),
        "1.".repeat(1 << 19),
        format!("https://contoh.id/{}", "a/".repeat(1 << 19)),
        "Dr. ".repeat(1 << 18),
        "-".repeat(1 << 20),
    ] {
        through_every_stage_once(&text);
    }
}

#[test]
fn crlf_and_cr_only_line_ends() {
    let lines = [
        "Judul Berita Hari Ini",
        "",
        "Jakarta (ANTARA) - Presiden meresmikan jalan tol.",
        "Baca Juga: Harga BBM Naik",
        "“Kami siap,” kata Budi.",
        "(ant/hm02)",
    ];
    for sep in ["\r\n", "\r", "\n\r", "\r\r\n"] {
        let text = lines.join(sep);
        through_every_stage(&text);
        let doc = targets::FULL_PIPELINE.analyze(&text);
        for b in &doc.blocks {
            assert!(!text[b.start..b.end].starts_with(['\r', '\n']));
        }
    }
}

#[test]
fn other_scripts() {
    for text in [
        "中国国家主席习近平周六在北京会见了印尼总统。“我们是朋友，”他说。",
        "قال الرئيس الإندونيسي «نحن مستعدون» في جاكرتا يوم السبت.",
        "นายกรัฐมนตรีไทยกล่าวว่า “เราพร้อม” ในกรุงเทพฯ",
        "Президент Индонезии заявил: «Мы готовы», — сказал он в Джакарте.",
        "インドネシアの大統領は「準備はできている」と述べた。",
        "대통령은 “준비됐다”고 말했다. 문재인 한국 대통령.",
        "राष्ट्रपति ने कहा “हम तैयार हैं।”",
        "Ελληνικά κείμενα. Ⅻ ℌ 𝔘𝔫𝔦 ﬁ ß ẞ İstanbul",
    ] {
        through_every_stage(text);
    }
}

#[test]
fn a_hundred_thousand_short_lines() {
    let units = [
        "Baca\n",
        "a\n",
        "“\n",
        "Baca Juga: x\n",
        "Jakarta.\n",
        "\n",
        "kata Budi\n",
    ];
    let text: String = xorshift(3)
        .take(100_000)
        .map(|r| units[r as usize % units.len()])
        .collect();
    through_every_stage_once(&text);
    through_every_stage_once(&"Baca\n".repeat(100_000));
}

#[test]
fn alternating_chrome_and_body() {
    let text = "Baca Juga: Berita Lain\nWarga Jakarta menyambut baik rencana itu, kata Budi.\n"
        .repeat(2_000);
    through_every_stage(&text);
}

#[test]
fn random_bytes_as_lossy_text() {
    for seed in 1..=20u64 {
        let bytes: Vec<u8> = xorshift(seed).take(4_096).map(|r| r as u8).collect();
        let text = String::from_utf8_lossy(&bytes);
        through_every_stage(&text);
    }
}
