//! Behaviour of the classifier on short texts: the seed article line by line, datelines,
//! credits, short body lines, teasers, widgets, edge cases.

use warta_boilerplate::{
    BlockKind, ChromeReason, Classifier, ClassifierBuilder, Page, PhraseMode, classify,
};

/// (kind, reason, text) of every block.
fn blocks(text: &str) -> Vec<(BlockKind, Option<ChromeReason>, &str)> {
    classify(text)
        .blocks
        .iter()
        .map(|b| (b.kind, b.reason, b.span.slice(text)))
        .collect()
}

/// The kind and reason of the block whose text is exactly `needle`.
fn kind_of(page: &Page, text: &str, needle: &str) -> (BlockKind, Option<ChromeReason>) {
    page.blocks
        .iter()
        .find(|b| b.span.slice(text) == needle)
        .map(|b| (b.kind, b.reason))
        .unwrap_or_else(|| panic!("no block {needle:?}"))
}

const BODY: (BlockKind, Option<ChromeReason>) = (BlockKind::Body, None);

/// `text` has `count` blocks: a body paragraph, `line` as chrome for `reason`, a body paragraph,
/// and whatever follows.
fn assert_chrome_inside_body(text: &str, line: &str, reason: ChromeReason, count: usize) {
    let b = blocks(text);
    assert_eq!(b.len(), count, "{line}");
    assert_eq!(b[0].0, BlockKind::Body, "{line}");
    assert_eq!(b[1], (BlockKind::Chrome, Some(reason), line), "{line}");
    assert_eq!(b[2].0, BlockKind::Body, "{line}");
}

fn chrome(r: ChromeReason) -> (BlockKind, Option<ChromeReason>) {
    (BlockKind::Chrome, Some(r))
}

const SEED: &str = "10.4 C\nNew York\nSunday, April 28, 2024\n\n\
Washington-Seoul Bahas Perdamaian Memperkuat Aliansi AS-ROK\n\n\
Washington, MISTAR.ID\n\n\
Pejabat tinggi keamanan nasional Korea Selatan dan Amerika Serikat kembali membahas perdamaian Korea pada Sabtu waktu setempat. Juga menekankan komitmen pemerintahan Biden untuk lebih memperkuat aliansi AS-ROK (Republik Korea).\n\n\
Pembicaraan ini merupakan kali pertama antara kedua negara sejak AS berada di bawah pemerintahan Presiden Joe Biden.\n\n\
Percakapan formal tersebut dilakukan via telepon antara Direktur Keamanan Nasional Korsel Suh Hoon dan Direktur Keamanan Nasional AS Jake Sullivan.\n\n\
Baca Juga: Joe Biden Pecat Direktur VOA Karena Bebas Tugaskan Jurnalis RI\n\n\
Blue House menyatakan dua pejabat tinggi tersebut sepakat tentang perlunya kerja sama bilateral erat dalam memajukan proses perdamaian Korea.\n\n\
Dilansir kantor berita Yonhap, Sullivan menunjukkan bahwa aliansi itu adalah “kunci utama” perdamaian dan keamanan di kawasan Indo-Pasifik.\n\n\
Baca Juga: Jerman Pakai Obat Covid-19 yang Dipakai Trump, Stok Dibeli 200 Ribu Dosis\n\n\
Para pejabat juga sepakat bahwa Seoul dan Washington akan melakukan upaya bersama untuk mencapai tujuan denuklirisasi dan perdamaian abadi di Semenanjung Korea.\n\n\
Mereka beranggapan Presiden Korsel Moon Jae-in dan Biden perlu memulai “komunikasi” sejak dini.\n\n\
“Mereka membahas pentingnya koordinasi yang erat di Republik Demokratik Korea (Korea Utara), serta tantangan regional dan global lainnya termasuk Covid-19 dan memerangi perubahan iklim,” kata Home dalam pernyataan itu.(CNN/hm02)\n\n \n\n\
Related Articles\n\nLatest Articles";

#[test]
fn seed_line_by_line() {
    let page = classify(SEED);
    let k = |s| kind_of(&page, SEED, s);
    assert_eq!(k("10.4 C"), chrome(ChromeReason::Widget));
    assert_eq!(k("New York"), chrome(ChromeReason::Widget));
    assert_eq!(k("Sunday, April 28, 2024"), chrome(ChromeReason::Widget));
    assert_eq!(
        k("Washington-Seoul Bahas Perdamaian Memperkuat Aliansi AS-ROK"),
        (BlockKind::Title, None)
    );
    assert_eq!(k("Washington, MISTAR.ID"), (BlockKind::Dateline, None));
    assert_eq!(
        k("Baca Juga: Joe Biden Pecat Direktur VOA Karena Bebas Tugaskan Jurnalis RI"),
        chrome(ChromeReason::Teaser)
    );
    assert_eq!(
        k("Baca Juga: Jerman Pakai Obat Covid-19 yang Dipakai Trump, Stok Dibeli 200 Ribu Dosis"),
        chrome(ChromeReason::Teaser)
    );
    assert_eq!(k("Related Articles"), chrome(ChromeReason::RelatedList));
    assert_eq!(k("Latest Articles"), chrome(ChromeReason::RelatedList));
    assert_eq!(k("(CNN/hm02)"), chrome(ChromeReason::Credit));
    // The body continues around both teasers, and the last paragraph ends before the credit.
    let body: Vec<&str> = page
        .blocks
        .iter()
        .filter(|b| b.kind == BlockKind::Body)
        .map(|b| b.span.slice(SEED))
        .collect();
    assert_eq!(body.len(), 8);
    assert!(body[0].starts_with("Pejabat tinggi"));
    assert!(body[3].starts_with("Blue House"));
    assert!(body[5].starts_with("Para pejabat"));
    assert!(body[7].ends_with("dalam pernyataan itu."));

    let meta = &page.meta;
    assert_eq!(
        meta.title.as_deref(),
        Some("Washington-Seoul Bahas Perdamaian Memperkuat Aliansi AS-ROK")
    );
    let dateline = meta.dateline.as_ref().unwrap();
    assert_eq!(dateline.place.as_deref(), Some("Washington"));
    assert_eq!(dateline.outlet.as_deref(), Some("MISTAR.ID"));
    assert_eq!(meta.credits.len(), 1);
    assert_eq!(meta.credits[0].source.as_deref(), Some("CNN"));
    assert_eq!(meta.credits[0].editor.as_deref(), Some("hm02"));
    assert_eq!(meta.date.as_deref(), Some("2024-04-28"));
}

const PARA: &str = "Menteri itu mengatakan pemerintah akan menambah anggaran untuk perbaikan jalan di daerah yang terdampak banjir pekan lalu.";
const PARA2: &str = "Warga berharap perbaikan itu selesai sebelum musim hujan berikutnya tiba, sehingga anak-anak bisa kembali ke sekolah.";

#[test]
fn inline_datelines_are_split_off() {
    let cases = [
        (
            "JAKARTA, KOMPAS.com — ",
            "JAKARTA, KOMPAS.com —",
            "JAKARTA",
            "KOMPAS.com",
        ),
        (
            "Jakarta (ANTARA) - ",
            "Jakarta (ANTARA) -",
            "Jakarta",
            "ANTARA",
        ),
        (
            "Liputan6.com, Jakarta - ",
            "Liputan6.com, Jakarta -",
            "Jakarta",
            "Liputan6.com",
        ),
        (
            "TEMPO.CO, Jakarta - ",
            "TEMPO.CO, Jakarta -",
            "Jakarta",
            "TEMPO.CO",
        ),
        (
            "JAKARTA, KOMPAS — ",
            "JAKARTA, KOMPAS —",
            "JAKARTA",
            "KOMPAS",
        ),
    ];
    for (prefix, dateline, place, outlet) in cases {
        let text = format!("{prefix}{PARA}\n{PARA2}");
        let b = blocks(&text);
        assert_eq!(b[0], (BlockKind::Dateline, None, dateline), "{prefix}");
        assert_eq!(b[1], (BlockKind::Body, None, PARA), "{prefix}");
        assert_eq!(b[2], (BlockKind::Body, None, PARA2), "{prefix}");
        let page = classify(&text);
        let d = page.meta.dateline.unwrap();
        assert_eq!(d.place.as_deref(), Some(place), "{prefix}");
        assert_eq!(d.outlet.as_deref(), Some(outlet), "{prefix}");
    }
}

#[test]
fn standalone_dateline_line() {
    let text = format!("Washington, MISTAR.ID\n{PARA}\n{PARA2}");
    let b = blocks(&text);
    assert_eq!(b[0], (BlockKind::Dateline, None, "Washington, MISTAR.ID"));
    assert_eq!(b[1].0, BlockKind::Body);
}

#[test]
fn a_sentence_starting_with_a_comma_is_not_a_dateline() {
    let text = format!(
        "Menurut dia, akibat penutupan bandara itu sebanyak 27 penerbangan dibatalkan.\n{PARA}"
    );
    let page = classify(&text);
    assert!(page.meta.dateline.is_none());
    assert!(page.blocks.iter().all(|b| b.kind == BlockKind::Body));
}

#[test]
fn glued_credits_are_split_off() {
    for (credit, source, editor) in [
        ("(CNN/hm02)", "CNN", "hm02"),
        ("(ant/Ade Marboen)", "ant", "Ade Marboen"),
        ("(fyk/ash)", "fyk", "ash"),
    ] {
        let text = format!("{PARA}\n{PARA2}{credit}");
        let b = blocks(&text);
        assert_eq!(b[1], (BlockKind::Body, None, PARA2), "{credit}");
        assert_eq!(
            b[2],
            (BlockKind::Chrome, Some(ChromeReason::Credit), credit)
        );
        let meta = classify(&text).meta;
        assert_eq!(meta.credits[0].source.as_deref(), Some(source));
        assert_eq!(meta.credits[0].editor.as_deref(), Some(editor));
    }
}

#[test]
fn credit_lines() {
    let text = format!(
        "{PARA}\n{PARA2}\nEditor: Ade Marboen\nPenulis: Nabilla Tashandra\nReporter: Budi Santoso"
    );
    let b = blocks(&text);
    for block in &b[2..] {
        assert_eq!(block.0, BlockKind::Chrome);
        assert_eq!(block.1, Some(ChromeReason::Credit));
    }
    let credits = classify(&text).meta.credits;
    let got: Vec<(Option<&str>, Option<&str>)> = credits
        .iter()
        .map(|c| (c.editor.as_deref(), c.role.as_deref()))
        .collect();
    assert_eq!(
        got,
        vec![
            (Some("Ade Marboen"), Some("editor")),
            (Some("Nabilla Tashandra"), Some("writer")),
            (Some("Budi Santoso"), Some("reporter")),
        ]
    );
}

#[test]
fn split_credit_label_and_name_lines() {
    let text = format!(
        "{PARA}\n{PARA2}\nPenulis\n: Kontributor Lhokseumawe, Masriadi\nEditor\n: Ervan Hardoko"
    );
    let page = classify(&text);
    assert!(page.blocks[2..].iter().all(|b| b.kind == BlockKind::Chrome));
    let names: Vec<&str> = page
        .meta
        .credits
        .iter()
        .filter_map(|c| c.editor.as_deref())
        .collect();
    assert_eq!(
        names,
        ["Kontributor Lhokseumawe, Masriadi", "Ervan Hardoko"]
    );
}

#[test]
fn short_legitimate_body_lines_stay_body() {
    let text = format!(
        "{PARA}\n\"Setuju,\" jawab para peserta rapat.\n{PARA2}\nPasal 28:\n\
         Setiap orang berhak atas pengakuan, jaminan, perlindungan, dan kepastian hukum yang adil.\n\
         Dampak Ekonomi\n{PARA}\n1. Perbaikan jalan desa\n2. Pembangunan jembatan\n• Bantuan tunai\n{PARA2}"
    );
    let page = classify(&text);
    for needle in [
        "\"Setuju,\" jawab para peserta rapat.",
        "Pasal 28:",
        "Dampak Ekonomi",
        "1. Perbaikan jalan desa",
        "2. Pembangunan jembatan",
        "• Bantuan tunai",
    ] {
        assert_eq!(kind_of(&page, &text, needle), BODY, "{needle}");
    }
    assert!(page.blocks.iter().all(|b| b.kind == BlockKind::Body));
}

#[test]
fn teasers_of_several_outlets_are_chrome_and_the_body_continues() {
    let teasers = [
        (
            "Baca Juga: Harga Cabai Naik Jelang Lebaran",
            ChromeReason::Teaser,
        ),
        (
            "Baca juga: Banjir Rendam Tiga Kecamatan di Bekasi",
            ChromeReason::Teaser,
        ),
        (
            "BACA JUGA: Polisi Tangkap Pelaku Pencurian Motor",
            ChromeReason::Teaser,
        ),
        (
            "Simak juga Video 'Jokowi Resmikan Tol Baru'",
            ChromeReason::Teaser,
        ),
        (
            "Tonton juga video 'Banjir Jakarta' di sini:",
            ChromeReason::Teaser,
        ),
        ("Lihat Juga: Daftar Harga BBM Terbaru", ChromeReason::Teaser),
        ("Artikel Terkait", ChromeReason::Teaser),
        ("ADVERTISEMENT", ChromeReason::Advertisement),
        (
            "SCROLL TO CONTINUE WITH CONTENT",
            ChromeReason::Advertisement,
        ),
    ];
    for (teaser, reason) in teasers {
        assert_chrome_inside_body(&format!("{PARA}\n{teaser}\n{PARA2}"), teaser, reason, 3);
    }
}

#[test]
fn a_teaser_list_inside_the_body_is_chrome() {
    let text = format!(
        "{PARA}\nBaca Juga\nTelkomsel Targetkan 40 Kota dengan 4G\nUbisoft Pastikan Watch Dogs 2 Dirilis\n{PARA2}"
    );
    let b = blocks(&text);
    assert_eq!(b[1].1, Some(ChromeReason::Teaser));
    assert_eq!(b[2].1, Some(ChromeReason::Teaser));
    assert_eq!(b[3].1, Some(ChromeReason::Teaser));
    assert_eq!(b[4].0, BlockKind::Body);
}

#[test]
fn a_sentence_starting_like_a_label_is_body() {
    let text = format!(
        "{PARA}\nTerkait kekuatan mantan timnya, Samsul mengaku tidak terlalu memusingkannya.\n\
         Oleh karena itu, kebijakan penyaluran bansos harus segera digelontorkan.\n{PARA2}"
    );
    assert!(
        classify(&text)
            .blocks
            .iter()
            .all(|b| b.kind == BlockKind::Body)
    );
}

#[test]
fn english_widgets_and_ui_strings_are_chrome() {
    let text = format!(
        "Wednesday, 04 November, 2015 | 07:28 WIB\n31°C\n09:45 WIB\nHome | News | Sport | Business\n\
         Read more\nShare\nFollow us\n{PARA}\n{PARA2}\nRelated Articles\nMost Popular\n\
         Copyright © 2024 Warta Media. All Rights Reserved."
    );
    let page = classify(&text);
    let k = |s| kind_of(&page, &text, s);
    assert_eq!(
        k("Wednesday, 04 November, 2015 | 07:28 WIB"),
        chrome(ChromeReason::Widget)
    );
    assert_eq!(k("31°C"), chrome(ChromeReason::Widget));
    assert_eq!(k("09:45 WIB"), chrome(ChromeReason::Widget));
    assert_eq!(
        k("Home | News | Sport | Business"),
        chrome(ChromeReason::Navigation)
    );
    assert_eq!(k("Read more"), chrome(ChromeReason::Teaser));
    assert_eq!(k("Share"), chrome(ChromeReason::Social));
    assert_eq!(k("Follow us"), chrome(ChromeReason::Social));
    assert_eq!(k("Related Articles"), chrome(ChromeReason::RelatedList));
    assert_eq!(k("Most Popular"), chrome(ChromeReason::RelatedList));
    assert_eq!(
        k("Copyright © 2024 Warta Media. All Rights Reserved."),
        chrome(ChromeReason::Copyright)
    );
    assert_eq!(page.meta.date.as_deref(), Some("2015-11-04T07:28+07:00"));
}

#[test]
fn menus_and_related_lists_around_the_body_are_chrome() {
    let mut text = String::from(
        "Banjir Rendam Bekasi - Kompas.com\nHome\nNasional\nRegional\nMegapolitan\nOtomotif\n",
    );
    text.push_str("Banjir Rendam Bekasi\nRabu, 4 November 2015 | 21:04 WIB\n");
    text.push_str(&format!("BEKASI, KOMPAS.com – {PARA}\n{PARA2}\n{PARA}\n"));
    text.push_str(
        "Penulis\n: Kontributor Bekasi, Andi\nBerita Lainnya\nHarga Cabai Naik Jelang Lebaran\n",
    );
    text.push_str("Polisi Tangkap Pelaku Pencurian Motor\nJokowi Resmikan Tol Baru\n");
    let page = classify(&text);
    let k = |s| kind_of(&page, &text, s);
    assert_eq!(
        k("Banjir Rendam Bekasi - Kompas.com"),
        chrome(ChromeReason::Metadata)
    );
    assert_eq!(k("Banjir Rendam Bekasi"), (BlockKind::Title, None));
    assert_eq!(k("Nasional"), chrome(ChromeReason::Navigation));
    assert_eq!(
        k("Harga Cabai Naik Jelang Lebaran"),
        chrome(ChromeReason::RelatedList)
    );
    assert_eq!(page.meta.title.as_deref(), Some("Banjir Rendam Bekasi"));
    assert_eq!(page.meta.date.as_deref(), Some("2015-11-04T21:04+07:00"));
    let body = page
        .blocks
        .iter()
        .filter(|b| b.kind == BlockKind::Body)
        .count();
    assert_eq!(body, 3);
}

#[test]
fn page_title_with_site_suffix_is_the_title_when_not_repeated() {
    let text = format!("Banjir Rendam Bekasi - ANTARA News\n{PARA}\n{PARA2}");
    let page = classify(&text);
    assert_eq!(page.blocks[0].kind, BlockKind::Title);
    assert_eq!(page.meta.title.as_deref(), Some("Banjir Rendam Bekasi"));
}

#[test]
fn photo_captions_before_the_body_are_chrome() {
    let text = format!(
        "Warga melintasi jalan yang rusak akibat banjir di Bekasi, Jawa Barat, Senin (4/11/2015). (ANTARA FOTO/Budi Setya)\n\
         Jakarta (ANTARA) - {PARA}\n{PARA2}"
    );
    let b = blocks(&text);
    assert_eq!(b[0].1, Some(ChromeReason::Caption));
    assert_eq!(b[1].0, BlockKind::Dateline);
    assert_eq!(b[2].0, BlockKind::Body);
}

#[test]
fn dates_in_indonesian_forms() {
    let text = format!("Kamis, 5 November 2015 14:56 WIB\n{PARA}");
    assert_eq!(
        classify(&text).meta.date.as_deref(),
        Some("2015-11-05T14:56+07:00")
    );
    let text = format!("{PARA} Hal itu disampaikan di Jakarta, Selasa (21/10/2025).\n{PARA2}");
    assert_eq!(classify(&text).meta.date.as_deref(), Some("2025-10-21"));
    let text = format!("Selasa, 23/02/2016 15:32 WIB\n{PARA}");
    assert_eq!(
        classify(&text).meta.date.as_deref(),
        Some("2016-02-23T15:32+07:00")
    );
}

#[test]
fn empty_and_whitespace_only_input() {
    assert_eq!(classify(""), Page::default());
    assert_eq!(classify("   \n\t\n \r\n\u{a0}\n"), Page::default());
}

#[test]
fn crlf_line_ends_are_not_part_of_blocks() {
    let text = format!("Judul Berita Hari Ini\r\n\r\nJAKARTA, KOMPAS.com — {PARA}\r\n{PARA2}\r\n");
    let b = blocks(&text);
    assert_eq!(b[0], (BlockKind::Title, None, "Judul Berita Hari Ini"));
    assert_eq!(b[1].0, BlockKind::Dateline);
    assert_eq!(b[2], (BlockKind::Body, None, PARA));
    assert_eq!(b[3], (BlockKind::Body, None, PARA2));
}

#[test]
fn a_one_megabyte_line_without_newline() {
    let unit = "Pemerintah akan menambah anggaran, kata menteri itu “di Jakarta” 😀. ";
    let text = unit.repeat(1_000_000 / unit.len() + 1);
    let page = classify(&text);
    assert_eq!(page.blocks.len(), 1);
    assert_eq!(page.blocks[0].kind, BlockKind::Body);
    assert_eq!(page.blocks[0].span.end, text.trim_end().len());
    // Without any letter at all either.
    let dots = ".".repeat(1_000_000);
    assert_eq!(classify(&dots).blocks.len(), 1);
}

#[test]
fn builder_extends_and_replaces_lexicons() {
    let text = format!("{PARA}\nBaca Pula: Harga Cabai Naik\n{PARA2}");
    let custom = ClassifierBuilder::new()
        .phrase(ChromeReason::Teaser, PhraseMode::Prefix, "Baca Pula")
        .build();
    assert_eq!(
        custom.classify(&text).blocks[1].reason,
        Some(ChromeReason::Teaser)
    );
    // Without the built-in phrases, `Related Articles` is no longer a lexicon hit.
    let bare = ClassifierBuilder::new().clear_phrases().build();
    let text = format!("{PARA}\n{PARA2}\nBaca Juga: Harga Cabai Naik Jelang Lebaran\n{PARA}");
    assert_ne!(
        bare.classify(&text).blocks[2].reason,
        Some(ChromeReason::Teaser)
    );
    assert_eq!(
        Classifier::new().classify(&text).blocks[2].reason,
        Some(ChromeReason::Teaser)
    );
    // A custom outlet in a dateline.
    let text = format!("MEDAN, Warta Kita - {PARA}");
    let page = ClassifierBuilder::new()
        .outlet("Warta Kita")
        .build()
        .classify(&text);
    assert_eq!(
        page.meta.dateline.unwrap().outlet.as_deref(),
        Some("Warta Kita")
    );
}

#[test]
fn classifier_is_send_and_sync() {
    fn check<T: Send + Sync + Clone>() {}
    check::<Classifier>();
}

#[test]
fn share_subscribe_and_scroll_prompts_inside_the_body_are_chrome() {
    let prompts = [
        (
            "Gabung dengan WhatsApp Channel Warta.com untuk mendapatkan berita terbaru.",
            ChromeReason::Social,
        ),
        (
            "Scroll ke bawah untuk melanjutkan membaca",
            ChromeReason::Advertisement,
        ),
        (
            "Simak breaking news dan berita pilihan kami langsung di ponselmu. Pilih saluran andalanmu akses berita Warta.com WhatsApp Channel : https://www.whatsapp.com/channel/0029VaFPbedBPzjZ. Pastikan kamu sudah install aplikasi WhatsApp ya.",
            ChromeReason::Social,
        ),
        (
            "Artikel ini telah tayang di Warta.com dengan judul Harga Beras Naik",
            ChromeReason::Copyright,
        ),
        ("Bagikan ke WhatsApp", ChromeReason::Social),
        ("Login untuk berkomentar", ChromeReason::Social),
        ("Follow Berita Warta di Google News", ChromeReason::Social),
    ];
    for (prompt, reason) in prompts {
        let text = format!("{PARA}\n{prompt}\n{PARA2}\n{PARA}");
        assert_chrome_inside_body(&text, prompt, reason, 4);
    }
}

#[test]
fn an_agency_code_glued_to_the_last_paragraph_is_a_credit_not_a_caption() {
    let last = "Presiden Prancis mengatakan negaranya akan mengirim bantuan kemanusiaan dalam waktu dekat.";
    for code in ["(AFP/ant)", "(Reuters/hm02)"] {
        let text = format!("{PARA}\n{PARA2}\n{last}{code}");
        let b = blocks(&text);
        assert_eq!(b[2], (BlockKind::Body, None, last), "{code}");
        assert_eq!(b[3], (BlockKind::Chrome, Some(ChromeReason::Credit), code));
    }
}

#[test]
fn a_photo_credit_in_capitals_marks_a_caption_above_the_body() {
    let text = format!(
        "Gubernur Resmikan Jalan Tol Baru\nIlustrasi jalan tol. (SHUTTERSTOCK)\n{PARA}\n{PARA2}"
    );
    let page = classify(&text);
    assert_eq!(
        kind_of(&page, &text, "Ilustrasi jalan tol. (SHUTTERSTOCK)"),
        chrome(ChromeReason::Caption)
    );
    assert_eq!(
        page.meta.title.as_deref(),
        Some("Gubernur Resmikan Jalan Tol Baru")
    );
}

#[test]
fn byline_forms_without_colon_are_credits() {
    let text = format!(
        "Gubernur Resmikan Jalan Tol Baru\nPenulis Dian Sari | Editor Andi Wijaya\n\
         Laporan Wartawan Warta.com, Ilham Rian Pratama\n{PARA}\n{PARA2}\n\
         Sumber Daya Alam\n{PARA}"
    );
    let page = classify(&text);
    let k = |s| kind_of(&page, &text, s);
    assert_eq!(
        k("Penulis Dian Sari | Editor Andi Wijaya"),
        chrome(ChromeReason::Credit)
    );
    assert_eq!(
        k("Laporan Wartawan Warta.com, Ilham Rian Pratama"),
        chrome(ChromeReason::Credit)
    );
    assert_eq!(k("Sumber Daya Alam"), BODY);
    assert_eq!(
        page.meta.title.as_deref(),
        Some("Gubernur Resmikan Jalan Tol Baru")
    );
    let got: Vec<(Option<&str>, Option<&str>, Option<&str>)> = page
        .meta
        .credits
        .iter()
        .map(|c| (c.source.as_deref(), c.editor.as_deref(), c.role.as_deref()))
        .collect();
    assert_eq!(
        got,
        vec![
            (None, Some("Dian Sari"), Some("writer")),
            (None, Some("Andi Wijaya"), Some("editor")),
            (
                Some("Warta.com"),
                Some("Ilham Rian Pratama"),
                Some("reporter")
            ),
        ]
    );
}

#[test]
fn a_short_paragraph_after_two_prompts_stays_body() {
    let last = "Jalan itu gratis selama dua minggu pertama.";
    let text = format!(
        "{PARA}\n{PARA2}\nADVERTISEMENT\nScroll ke bawah untuk melanjutkan membaca\n{last}\n\
         Berita Terkait\nTol Trans Sumatera Capai 1.000 Kilometer\nHarga Tiket Pesawat Turun"
    );
    let page = classify(&text);
    assert_eq!(kind_of(&page, &text, last), BODY);
    assert_eq!(
        kind_of(&page, &text, "Harga Tiket Pesawat Turun"),
        chrome(ChromeReason::Teaser)
    );
}

#[test]
fn the_headline_is_found_above_outlet_byline_caption_and_credit_lines() {
    let cases = [
        "CNN Indonesia\nJumat, 12 Jan 2024 10:15 WIB",
        "Budi Santoso, Okezone · Jum'at 12 Januari 2024 10:15 WIB\nShare :",
        "Red: Fernan Rahadi\nRep: Rizky Suryarandika",
        "Gedung KPK. Foto: Ricardo/JPNN.com",
        "Jamaah melaksanakan sholat tarawih di Masjid Istiqlal, Jakarta. (Republika/Putra M. Akbar)",
    ];
    for between in cases {
        let text = format!(
            "Beranda\nNasional\nGubernur Resmikan Jalan Tol Baru\n{between}\n{PARA}\n{PARA2}"
        );
        let page = classify(&text);
        assert_eq!(
            page.meta.title.as_deref(),
            Some("Gubernur Resmikan Jalan Tol Baru"),
            "{between}"
        );
        for line in between.lines() {
            assert_eq!(kind_of(&page, &text, line).0, BlockKind::Chrome, "{line}");
        }
    }
}

#[test]
fn abbreviated_labels_and_labelled_photo_credits() {
    let text = format!(
        "Red: Fernan Rahadi\nGedung KPK. Foto: Ricardo/JPNN.com\n{PARA}\n{PARA2}\nRed Velvet Tampil Memukau\n{PARA}"
    );
    let page = classify(&text);
    let k = |s| kind_of(&page, &text, s);
    assert_eq!(k("Red: Fernan Rahadi"), chrome(ChromeReason::Credit));
    assert_eq!(
        k("Gedung KPK. Foto: Ricardo/JPNN.com"),
        chrome(ChromeReason::Caption)
    );
    // Without a colon `Red` is a word like any other (a subheading here).
    assert_eq!(k("Red Velvet Tampil Memukau"), BODY);
    assert_eq!(
        page.meta.credits[0].editor.as_deref(),
        Some("Fernan Rahadi")
    );
    assert_eq!(page.meta.credits[0].role.as_deref(), Some("editor"));
}

#[test]
fn a_lowercase_outlet_dateline() {
    let text = format!("jpnn.com, JAKARTA - {PARA}\n{PARA2}");
    let page = classify(&text);
    assert_eq!(page.blocks[0].kind, BlockKind::Dateline);
    assert_eq!(page.blocks[0].span.slice(&text), "jpnn.com, JAKARTA -");
    let d = page.meta.dateline.unwrap();
    assert_eq!(d.outlet.as_deref(), Some("jpnn.com"));
    assert_eq!(d.place.as_deref(), Some("JAKARTA"));
}

#[test]
fn a_label_line_and_the_name_under_it_are_one_credit() {
    let text = format!(
        "Indonesia Plans New Capital Budget\nTranslator\nDewi Elvia Muthiariny\nEditor\nLaila Afifa\n{PARA}\n{PARA2}"
    );
    let page = classify(&text);
    for line in [
        "Translator",
        "Dewi Elvia Muthiariny",
        "Editor",
        "Laila Afifa",
    ] {
        assert_eq!(
            kind_of(&page, &text, line),
            chrome(ChromeReason::Credit),
            "{line}"
        );
    }
    assert_eq!(
        page.meta.title.as_deref(),
        Some("Indonesia Plans New Capital Budget")
    );
    let got: Vec<(Option<&str>, Option<&str>)> = page
        .meta
        .credits
        .iter()
        .map(|c| (c.editor.as_deref(), c.role.as_deref()))
        .collect();
    assert_eq!(
        got,
        [
            (Some("Dewi Elvia Muthiariny"), Some("translator")),
            (Some("Laila Afifa"), Some("editor"))
        ]
    );
}

#[test]
fn share_widgets_bylines_and_captions_between_headline_and_body() {
    let text = format!(
        "Banjir Rendam Ratusan Rumah di Bekasi\nAndi Saputra - detikNews\nSenin, 04 Mar 2024 08:30 WIB\n\
         0 komentar\nBAGIKAN\nURL telah disalin\nFoto: Banjir di Bekasi (Andi/detikcom)\n\
         Ilustrasi banjir. (Pexels.com/Pixabay)\nJakarta -\n{PARA}\nRead: Jokowi Inaugurates Toll Road\n\
         {PARA2}\nClick here to get the latest news updates on Google News"
    );
    let page = classify(&text);
    let k = |s| kind_of(&page, &text, s);
    assert_eq!(
        page.meta.title.as_deref(),
        Some("Banjir Rendam Ratusan Rumah di Bekasi")
    );
    assert_eq!(k("URL telah disalin"), chrome(ChromeReason::Social));
    assert_eq!(
        k("Foto: Banjir di Bekasi (Andi/detikcom)"),
        chrome(ChromeReason::Caption)
    );
    assert_eq!(
        k("Ilustrasi banjir. (Pexels.com/Pixabay)"),
        chrome(ChromeReason::Caption)
    );
    assert_eq!(k("Jakarta -"), (BlockKind::Dateline, None));
    assert_eq!(
        k("Read: Jokowi Inaugurates Toll Road"),
        chrome(ChromeReason::Teaser)
    );
    assert_eq!(
        k("Click here to get the latest news updates on Google News"),
        chrome(ChromeReason::Teaser)
    );
    assert_eq!(k(PARA2), BODY);
}

#[test]
fn cookie_and_notification_banners_above_the_page_are_chrome() {
    let text = format!(
        "Kami menggunakan cookie untuk meningkatkan pengalaman Anda di situs ini.\nSetuju\n\
         We use cookies to improve your experience on our website. By continuing, you agree to our use of cookies.\n\
         Aktifkan notifikasi untuk mendapatkan berita terbaru dari kami\n\
         Gempa Guncang Garut\nWarta.com - {PARA}\n{PARA2}"
    );
    let page = classify(&text);
    let kinds: Vec<BlockKind> = page.blocks.iter().map(|b| b.kind).collect();
    assert_eq!(
        kinds,
        [
            BlockKind::Chrome,
            BlockKind::Chrome,
            BlockKind::Chrome,
            BlockKind::Chrome,
            BlockKind::Title,
            BlockKind::Dateline,
            BlockKind::Body,
            BlockKind::Body
        ]
    );
    assert_eq!(page.meta.title.as_deref(), Some("Gempa Guncang Garut"));
}

#[test]
fn body_lines_that_look_like_credits_or_captions_stay_body() {
    // Each line ends or starts like a photo credit, a desk code or a reporter line, but is
    // article text inside the body.
    let lines = [
        "Hal ini dilakukan dengan donor darah dari para anggota TNI/Polri.",
        "Informasi lengkap tersedia di www.twitter.com/PemkotBogor",
        "Pemerintah membeli dua belas pesawat tempur (F-16)",
        "Ia ingin lebih bermanfaat bagi orang-orang yang juga mengidap HIV/AIDS.",
        "Laporan Keuangan Pemerintah Pusat",
        "Sumber Daya Alam",
    ];
    for line in lines {
        let text = format!("{PARA}\n{line}\n{PARA2}");
        let page = classify(&text);
        assert_eq!(kind_of(&page, &text, line), BODY, "{line}");
        assert!(
            page.meta.credits.is_empty(),
            "{line}: {:?}",
            page.meta.credits
        );
    }
}

#[test]
fn photo_credits_in_every_position_make_captions() {
    let captions = [
        "Ilustrasi kilang minyak lepas pantai. REUTERS/Stringer",
        "Petani memanen padi di sawah. ANTARA FOTO/Aji Styawan/rwa.",
        "Kawasan wisata Lembang dipadati wisatawan. /Pikiran Rakyat/Rizki Laelani",
        "Ilustrasi beras di pasar tradisional. [Antara/Aprillio Akbar]",
        "Para pemain merayakan gol. (Dimas Maulana/Jawa Pos)",
        "KOMPAS.com/ANDREAS LUKAS Pedagang cabai di Pasar Kramat Jati, Jakarta Timur.",
        "Jamaah haji lansia (ilustrasi). Kemenag menyiapkan kuota tambahan.",
    ];
    for caption in captions {
        let text = format!("Harga Cabai Naik Lagi\n{caption}\nJAKARTA - {PARA}\n{PARA2}");
        let page = classify(&text);
        assert_eq!(
            kind_of(&page, &text, caption),
            chrome(ChromeReason::Caption),
            "{caption}"
        );
        assert_eq!(page.meta.title.as_deref(), Some("Harga Cabai Naik Lagi"));
        assert_eq!(
            page.meta.dateline.and_then(|d| d.place).as_deref(),
            Some("JAKARTA"),
            "{caption}"
        );
    }
}

#[test]
fn closing_codes_and_datelines_of_more_forms() {
    let text = format!("KONTAN.CO.ID - NEW YORK. {PARA}\n{PARA2} (Z-2)");
    let page = classify(&text);
    let dateline = page.meta.dateline.clone().unwrap();
    assert_eq!(dateline.place.as_deref(), Some("NEW YORK"));
    assert_eq!(dateline.outlet.as_deref(), Some("KONTAN.CO.ID"));
    assert_eq!(
        kind_of(&page, &text, "KONTAN.CO.ID - NEW YORK."),
        (BlockKind::Dateline, None)
    );
    assert_eq!(kind_of(&page, &text, "(Z-2)"), chrome(ChromeReason::Credit));
    assert_eq!(page.meta.credits[0].editor.as_deref(), Some("Z-2"));

    // `(*)` closes the text without naming anyone: split off, not a credit in the metadata.
    let text = format!("tirto.id - {PARA}\n{PARA2} (*)");
    let page = classify(&text);
    assert_eq!(kind_of(&page, &text, "(*)"), chrome(ChromeReason::Credit));
    assert!(page.meta.credits.is_empty());
    assert_eq!(
        page.meta.dateline.and_then(|d| d.outlet).as_deref(),
        Some("tirto.id")
    );
}

#[test]
fn a_teaser_block_inside_the_body_keeps_the_paragraph_after_it() {
    for block in [
        "Lihat Juga :\nKPK Tahan Tersangka Baru Kasus Bansos",
        "BACA JUGA:\nDua Remaja Diamankan Usai Tawuran",
        "Baca Juga:\nBuruh Ancam Mogok Nasional\nApindo Minta Kenaikan Upah\nDaftar UMP 2024 di 38 Provinsi\nCara Menghitung Gaji Lembur",
        "Simak berita lainnya seputar topik artikel ini, di sini:\nRupiah Melemah Tertekan Data Inflasi",
    ] {
        let last = "KPK belum menetapkan tersangka baru dalam perkara tersebut.";
        let text = format!("{PARA}\n{PARA2}\n{block}\n{last}\n(fra/isn)\nBerita Terkait");
        let page = classify(&text);
        assert_eq!(kind_of(&page, &text, last), BODY, "{block}");
        for line in block.lines() {
            assert_eq!(kind_of(&page, &text, line).0, BlockKind::Chrome, "{line}");
        }
    }
}
