//! Behaviour of the matcher and of document linking on short Indonesian texts.

use warta_gazetteer::{
    Entity, Gazetteer, GazetteerBuilder, Mention, PersonName, Span, link_document,
};

fn default() -> Gazetteer {
    GazetteerBuilder::new().with_default_list().build().unwrap()
}

fn list(tsv: &str) -> Gazetteer {
    GazetteerBuilder::new()
        .add_tsv(tsv)
        .unwrap()
        .build()
        .unwrap()
}

/// (surface, id) of every mention.
fn found<'t>(g: &Gazetteer, text: &'t str) -> Vec<(&'t str, String)> {
    g.find(text)
        .iter()
        .map(|m| (&text[m.span.start..m.span.end], m.id.to_string()))
        .collect()
}

fn surfaces<'t>(text: &'t str, ms: &[Mention]) -> Vec<&'t str> {
    ms.iter().map(|m| &text[m.span.start..m.span.end]).collect()
}

/// Each mention's text and entity id.
fn linked<'a>(text: &'a str, ms: &'a [Mention]) -> Vec<(&'a str, &'a str)> {
    ms.iter()
        .map(|m| (&text[m.span.start..m.span.end], &*m.id))
        .collect()
}

#[test]
fn seed_mentions() {
    let g = default();
    let cases: &[(&str, &[(&str, &str)])] = &[
        (
            "Direktur Keamanan Nasional Korsel Suh Hoon dan Direktur Keamanan Nasional AS Jake Sullivan.",
            &[("Korsel", "GPE:KR"), ("AS", "GPE:US")],
        ),
        (
            "memperkuat aliansi AS-ROK (Republik Korea).",
            &[
                ("AS", "GPE:US"),
                ("ROK", "GPE:KR"),
                ("Republik Korea", "GPE:KR"),
            ],
        ),
        (
            "di Republik Demokratik Korea (Korea Utara), serta",
            &[
                ("Republik Demokratik Korea", "GPE:KP"),
                ("Korea Utara", "GPE:KP"),
            ],
        ),
        (
            "Menurut juru bicara Rumah Biru Kang Min-seol, Blue House menyatakan",
            &[
                ("Rumah Biru", "ORG:BLUE-HOUSE"),
                ("Blue House", "ORG:BLUE-HOUSE"),
            ],
        ),
        (
            "Dilansir kantor berita Yonhap, penasihat keamanan nasional Gedung Putih.",
            &[
                ("kantor berita Yonhap", "ORG:YONHAP"),
                ("Gedung Putih", "ORG:WHITE-HOUSE"),
            ],
        ),
        (
            "Pejabat Korea Selatan dan Amerika Serikat membahas perdamaian Korea.",
            &[
                ("Korea Selatan", "GPE:KR"),
                ("Amerika Serikat", "GPE:US"),
                ("Korea", "LOC:KOREA"),
            ],
        ),
        (
            "tantangan global seperti Covid-19.",
            &[("Covid-19", "MISC:COVID-19")],
        ),
    ];
    for (text, want) in cases {
        let want: Vec<(&str, String)> = want.iter().map(|(s, i)| (*s, i.to_string())).collect();
        assert_eq!(found(&g, text), want, "{text}");
    }
}

#[test]
fn acronyms_only_as_whole_tokens_and_as_written() {
    let g = default();
    let cases: &[(&str, &[&str])] = &[
        ("KTT ASEAN membahas kasus di AS.", &["ASEAN", "AS"]),
        ("as roda dan As kapal", &[]),
        ("ASEAN", &["ASEAN"]),
        ("Asean dan asean", &["Asean"]),
        ("KPK memeriksa kpk palsu", &["KPK"]),
        ("PAN menolak, pan penggorengan", &["PAN"]),
        ("AS.", &["AS"]),
        ("(AS)", &["AS"]),
        ("AS2 dan 2AS", &[]),
    ];
    for (text, want) in cases {
        let got: Vec<&str> = found(&g, text).into_iter().map(|(s, _)| s).collect();
        assert_eq!(&got, want, "{text}");
    }
}

#[test]
fn leftmost_longest() {
    let g = list("K\tGPE\tKorea\nKS\tGPE\tKorea Selatan\nS\tLOC\tSelatan Raya\nSR\tLOC\tSeoul\n");
    assert_eq!(
        found(&g, "Korea Selatan Raya dan Korea"),
        [
            ("Korea Selatan", "KS".to_string()),
            ("Korea", "K".to_string())
        ]
    );
}

#[test]
fn a_longer_candidate_failing_a_check_never_hides_a_shorter_one() {
    // "Bank Dun" fails the right boundary inside "Dunia": the shorter "Bank" at the same start
    // is kept and "Dunia Baru", starting inside the failed candidate, is found too.
    let g = list("B\tORG\tBank\nBD\tORG\tBank Dun\nDB\tLOC\tDunia Baru\n");
    assert_eq!(
        found(&g, "Bank Dunia Baru"),
        [("Bank", "B".to_string()), ("Dunia Baru", "DB".to_string())]
    );
    // The longer candidate fails the case rule ("=PAN Raya" as written only).
    let g = list("P\tLOC\tPantai\nPR\tORG\tPAN Raya\t=PAN Raya\nR\tLOC\tRaya Indah\n");
    assert_eq!(
        found(&g, "pan raya Indah"),
        [("raya Indah", "R".to_string())]
    );
    assert_eq!(
        found(&g, "Pan Raya Indah"),
        [("Raya Indah", "R".to_string())]
    );
    assert_eq!(
        found(&g, "PAN Raya Indah"),
        [("PAN Raya", "PR".to_string())]
    );
}

#[test]
fn whitespace_nbsp_and_line_breaks_inside_names() {
    let g = default();
    for text in [
        "Korea\u{A0}Selatan",
        "Korea  Selatan",
        "Korea\nSelatan",
        "Korea\r\n\tSelatan",
        "Korea\u{202F}Selatan",
        "Korea\u{200B}Selatan",
    ] {
        assert_eq!(found(&g, text), [(text, "GPE:KR".to_string())], "{text:?}");
    }
    let text = "Presiden\u{A0}Korea\u{A0}Utara\u{A0}berkata";
    assert_eq!(
        found(&g, text),
        [("Korea\u{A0}Utara", "GPE:KP".to_string())]
    );
}

#[test]
fn case_and_diacritics_insensitive_by_default() {
    let g = default();
    for text in ["Erdoğan", "Erdogan", "ERDOGAN", "ErdoĞan", "Erdog\u{306}an"] {
        assert_eq!(
            found(&g, text),
            [(text, "PER:RECEP-TAYYIP-ERDOGAN".to_string())],
            "{text:?}"
        );
    }
    assert_eq!(
        found(&g, "di TÜRKIYE dan Côte d’Ivoire"),
        [
            ("TÜRKIYE", "GPE:TR".to_string()),
            ("Côte d’Ivoire", "GPE:CI".to_string())
        ]
    );
    assert_eq!(
        found(&g, "KOREA SELATAN"),
        [("KOREA SELATAN", "GPE:KR".to_string())]
    );
}

#[test]
fn an_all_lowercase_word_never_matches_a_capitalised_one_word_alias() {
    let g = list(
        "A\tORG\tAntara\nB\tLOC\tBulan\nK\tGPE\tKorea Selatan\nC\tMISC\tvirus corona\nN\tORG\tNato\t~NATO\n",
    );
    let cases: &[(&str, &[&str])] = &[
        ("di antara kita, kata Antara", &["Antara"]),
        ("bulan depan ke Bulan", &["Bulan"]),
        (
            "korea selatan, Korea selatan, KOREA SELATAN",
            &["korea selatan", "Korea selatan", "KOREA SELATAN"],
        ),
        (
            "Virus Corona dan virus corona",
            &["Virus Corona", "virus corona"],
        ),
        ("nato dan Nato", &["nato", "Nato"]),
    ];
    for (text, want) in cases {
        let got: Vec<&str> = found(&g, text).into_iter().map(|(s, _)| s).collect();
        assert_eq!(&got, want, "{text}");
    }
    let loose = GazetteerBuilder::new()
        .lowercase_text(true)
        .add_tsv("A\tORG\tAntara\n")
        .unwrap()
        .build()
        .unwrap();
    assert_eq!(found(&loose, "di antara").len(), 1);
}

#[test]
fn marked_common_words_are_case_sensitive() {
    let g = default();
    let cases: &[(&str, &[&str])] = &[
        ("Wisatawan ke Bali dan BALI", &["Bali", "BALI"]),
        ("batu bali", &[]),
        ("ke Solo dan karier solo", &["Solo"]),
        ("antara kedua negara", &[]),
        (
            "Jakarta (ANTARA) - Antara melaporkan",
            &["Jakarta", "ANTARA", "Antara"],
        ),
        ("medan perang di Medan", &["Medan"]),
        ("nasib malang di Malang", &["Malang"]),
        ("tempo hari Tempo", &["Tempo"]),
    ];
    for (text, want) in cases {
        let got: Vec<&str> = found(&g, text).into_iter().map(|(s, _)| s).collect();
        assert_eq!(&got, want, "{text}");
    }
}

#[test]
fn clitics_glued_to_a_name() {
    let g = default();
    let cases: &[(&str, &[(&str, &str)])] = &[
        ("Jokowinya datang", &[("Jokowi", "PER:JOKO-WIDODO")]),
        ("Indonesiaku", &[("Indonesia", "GPE:ID")]),
        ("Jakartamu", &[("Jakarta", "GPE:ID-JK")]),
        ("Jokowi-nya", &[("Jokowi", "PER:JOKO-WIDODO")]),
        // Case-sensitive aliases take no glued clitic.
        ("PANnya dan KPKnya", &[]),
        // Other suffixes are not clitics, and lowercase words never split this way.
        ("Indonesiawan Jakartanyaa", &[]),
        ("jokowinya indonesiaku", &[]),
    ];
    for (text, want) in cases {
        let want: Vec<(&str, String)> = want.iter().map(|(s, i)| (*s, i.to_string())).collect();
        assert_eq!(found(&g, text), want, "{text}");
    }
}

#[test]
fn hyphen_is_a_token_boundary() {
    let g = default();
    let text = "Washington-Seoul dan PDI-P serta PDI - P dan Indo-Pasifik";
    assert_eq!(
        found(&g, text),
        [
            ("Washington", "GPE:US-WASHINGTON".to_string()),
            ("Seoul", "GPE:KR-SEOUL".to_string()),
            ("PDI-P", "ORG:PDIP".to_string()),
            ("PDI - P", "ORG:PDIP".to_string()),
            ("Indo-Pasifik", "LOC:INDO-PACIFIC".to_string()),
        ]
    );
}

#[test]
fn alias_reported_and_canonical() {
    let g = default();
    let m = &g.find("Pemerintah Korsel")[0];
    assert_eq!(
        (&*m.alias, &*m.canonical, &*m.entity_type),
        ("Korsel", "Korea Selatan", "GPE")
    );
}

#[test]
fn find_in_reports_spans_into_the_whole_text() {
    let g = default();
    let text = "Judul: Korsel\n\nIsi: AS dan Korsel.";
    let body = Span::new(15, text.len());
    let got = g.find_in(text, body);
    assert_eq!(surfaces(text, &got), ["AS", "Korsel"]);
    assert_eq!(got[0].span, Span::new(20, 22));
    // Out-of-bounds and mid-character ranges are clamped, never a panic.
    assert_eq!(g.find_in(text, Span::new(0, 10_000)).len(), 3);
    let text = "é AS é";
    assert_eq!(surfaces(text, &g.find_in(text, Span::new(1, 7))), ["AS"]);
    assert!(g.find_in(text, Span::new(50, 60)).is_empty());
}

#[test]
fn strange_text_never_panics() {
    let g = default();
    let long = "AS ".repeat(10_000) + &"x".repeat(100_000);
    for text in [
        "",
        " ",
        "\u{200D}",
        "👨\u{200D}👩\u{200D}👧 Korsel 🇰🇷",
        "\r\n\r\n",
        "“AS”",
        "İstanbul",
        "ﬁ",
        long.as_str(),
    ] {
        for m in g.find(text) {
            assert!(text.is_char_boundary(m.span.start) && text.is_char_boundary(m.span.end));
        }
    }
    assert_eq!(g.find("👨\u{200D}👩 Korsel 🇰🇷")[0].id.as_ref(), "GPE:KR");
    assert_eq!(g.find(&long).len(), 10_000);
}

#[test]
fn user_lists_override_the_default_list() {
    let b = GazetteerBuilder::new()
        .with_default_list()
        .add(Entity::new("ORG:KORSEL-FC", "ORG", "Korsel FC").with_alias("Korsel"));
    let dups = b.duplicates().unwrap();
    assert_eq!(dups.len(), 1);
    assert_eq!(
        (
            dups[0].key.as_str(),
            dups[0].kept.as_str(),
            dups[0].dropped.as_str()
        ),
        ("korsel", "ORG:KORSEL-FC", "GPE:KR")
    );
    let g = b.build().unwrap();
    assert_eq!(
        found(&g, "Korsel"),
        [("Korsel", "ORG:KORSEL-FC".to_string())]
    );
    assert_eq!(g.duplicates().len(), 1);
}

#[test]
fn an_entity_with_the_same_id_replaces_the_earlier_one() {
    let g = GazetteerBuilder::new()
        .with_default_list()
        .add_tsv("GPE:KR\tGPE\tKorea Selatan\tKorsel\n")
        .unwrap()
        .build()
        .unwrap();
    assert_eq!(g.duplicates(), []);
    assert_eq!(found(&g, "Korsel")[0].1, "GPE:KR");
    assert_eq!(found(&g, "ROK"), []);
}

#[test]
fn the_default_list_is_consistent() {
    let b = GazetteerBuilder::new().with_default_list();
    assert!(b.len() > 700);
    assert_eq!(b.duplicates().unwrap(), []);
    let g = b.build().unwrap();
    // All 38 provinces.
    let provinces = GazetteerBuilder::default_list_tsv()
        .lines()
        .filter(|l| l.starts_with("GPE:ID-") && l.contains("\tGPE\t") && l.split('-').count() == 2)
        .filter(|l| l.split('\t').next().is_some_and(|id| id.len() == 9))
        .count();
    assert_eq!(provinces, 38);
    assert_eq!(
        g.entity("ORG:KPK").map(|e| e.0),
        Some("Komisi Pemberantasan Korupsi")
    );
    let ids: Vec<String> = found(
        &g,
        "Kemenkeu, Kemenlu, Bappenas, OJK, BMKG, Bawaslu, Gerindra, NasDem, PBB, WHO, NATO, IMF, Bank Dunia, Reuters, AFP, Kremlin, Tiongkok, China",
    )
    .into_iter()
    .map(|(_, id)| id)
    .collect();
    assert_eq!(
        ids,
        [
            "ORG:KEMENKEU",
            "ORG:KEMENLU",
            "ORG:BAPPENAS",
            "ORG:OJK",
            "ORG:BMKG",
            "ORG:BAWASLU",
            "ORG:GERINDRA",
            "ORG:NASDEM",
            "ORG:UN",
            "ORG:WHO",
            "ORG:NATO",
            "ORG:IMF",
            "ORG:WORLD-BANK",
            "ORG:REUTERS",
            "ORG:AFP",
            "ORG:KREMLIN",
            "GPE:CN",
            "GPE:CN"
        ]
    );
}

#[test]
fn json_and_tsv_lists_match_alike() {
    let json = r#"[{"id": "PER:SULLIVAN", "type": "PER", "canonical": "Jake Sullivan", "aliases": ["=Jake"], "attributes": {"role": "NSA"}}]"#;
    let g = GazetteerBuilder::new()
        .add_json(json)
        .unwrap()
        .build()
        .unwrap();
    assert_eq!(
        found(&g, "Jake Sullivan, jake, Jake"),
        [
            ("Jake Sullivan", "PER:SULLIVAN".to_string()),
            ("Jake", "PER:SULLIVAN".to_string())
        ]
    );
    assert_eq!(g.entity("PER:SULLIVAN").unwrap().2["role"], "NSA");
}

fn persons_text() -> (&'static str, Vec<PersonName>) {
    let text = "Direktur Keamanan Nasional AS Jake Sullivan dan Korsel Suh Hoon berbicara. \
                Sullivan menegaskan aliansi. Menurut Kang Min-seol, Suh juga memberi selamat.\n\
                Juru Bicara Emily Home berkata.\n“Kami siap,” kata Home.";
    let span = |s: &str| {
        let start = text.find(s).unwrap();
        Span::new(start, start + s.len())
    };
    let persons = ["Jake Sullivan", "Suh Hoon", "Kang Min-seol", "Emily Home"]
        .iter()
        .map(|n| PersonName {
            span: span(n),
            name: n.to_string(),
        })
        .collect();
    (text, persons)
}

#[test]
fn linking_partial_person_mentions() {
    let (text, persons) = persons_text();
    let g = default();
    let all = link_document(text, &[Span::new(0, text.len())], g.find(text), &persons);
    let got: Vec<(&str, &str, &str)> = all
        .iter()
        .map(|m| (&text[m.span.start..m.span.end], &*m.id, &*m.alias))
        .collect();
    assert_eq!(
        got,
        [
            ("AS", "GPE:US", "AS"),
            ("Jake Sullivan", "PER:jake-sullivan", "Jake Sullivan"),
            ("Korsel", "GPE:KR", "Korsel"),
            ("Suh Hoon", "PER:suh-hoon", "Suh Hoon"),
            ("Sullivan", "PER:jake-sullivan", "Jake Sullivan"),
            ("Kang Min-seol", "PER:kang-min-seol", "Kang Min-seol"),
            ("Suh", "PER:suh-hoon", "Suh Hoon"),
            ("Emily Home", "PER:emily-home", "Emily Home"),
            ("Home", "PER:emily-home", "Emily Home"),
        ]
    );
}

#[test]
fn linking_uses_per_mentions_from_the_list() {
    let g = default();
    let text = "Presiden Joko Widodo tiba. Widodo lalu bertemu Moon Jae-in; Moon tersenyum.";
    let all = link_document(text, &[Span::new(0, text.len())], g.find(text), &[]);
    let got = linked(text, &all);
    assert_eq!(
        got,
        [
            ("Joko Widodo", "PER:JOKO-WIDODO"),
            ("Widodo", "PER:JOKO-WIDODO"),
            ("Moon Jae-in", "PER:MOON-JAE-IN"),
            ("Moon", "PER:MOON-JAE-IN"),
        ]
    );
}

#[test]
fn linking_is_conservative() {
    let persons = |text: &str, name: &str| {
        let start = text.find(name).unwrap();
        vec![PersonName {
            span: Span::new(start, start + name.len()),
            name: name.to_string(),
        }]
    };
    let all_of = |text: &str, p: &[PersonName]| -> Vec<String> {
        link_document(text, &[Span::new(0, text.len())], Vec::new(), p)
            .iter()
            .map(|m| text[m.span.start..m.span.end].to_string())
            .collect()
    };
    // Before the full name: not linked.
    let text = "Home berkata. Lalu Emily Home datang.";
    assert_eq!(all_of(text, &persons(text, "Emily Home")), ["Emily Home"]);
    // Lowercase uses are never linked.
    let text = "Budi Karya hadir. Pameran karya seni itu ramai.";
    assert_eq!(all_of(text, &persons(text, "Budi Karya")), ["Budi Karya"]);
    // A sentence-initial token that is also an ordinary word of the text is not linked…
    let text = "Budi Karya hadir. Karya seni dipamerkan. Pameran karya lain.";
    assert_eq!(all_of(text, &persons(text, "Budi Karya")), ["Budi Karya"]);
    // …but mid-sentence it is.
    let text = "Budi Karya hadir. Menurut Karya, pameran karya lain batal.";
    assert_eq!(
        all_of(text, &persons(text, "Budi Karya")),
        ["Budi Karya", "Karya"]
    );
    // Titles and very common first names do not stand for the person; other capitalised
    // words are left alone.
    let text = "Haji Muhammad Yusuf tiba. Muhammad dan Haji lain serta Yusuf dan Jakarta.";
    assert_eq!(
        all_of(text, &persons(text, "Haji Muhammad Yusuf")),
        ["Haji Muhammad Yusuf", "Yusuf"]
    );
}

#[test]
fn institution_names_given_as_persons_are_ignored() {
    let text = "Kementerian Hukum dan Hak Asasi Manusia menyatakan. Manusia itu hadir.";
    let start = text.find("Hak").unwrap();
    let persons = [PersonName {
        span: Span::new(start, start + "Hak Asasi Manusia".len()),
        name: "Hak Asasi Manusia".into(),
    }];
    assert_eq!(
        link_document(text, &[Span::new(0, text.len())], Vec::new(), &persons),
        []
    );
}

#[test]
fn linking_only_inside_regions_and_most_recent_person_wins() {
    let text = "Kim Jong-un bicara. Kim Yo-jong menjawab. Kim marah. Kim pergi.";
    let span = |s: &str| {
        let start = text.find(s).unwrap();
        Span::new(start, start + s.len())
    };
    let persons = [
        PersonName {
            span: span("Kim Jong-un"),
            name: "Kim Jong-un".into(),
        },
        PersonName {
            span: span("Kim Yo-jong"),
            name: "Kim Yo-jong".into(),
        },
    ];
    let last = text.rfind("Kim pergi").unwrap();
    let regions = [Span::new(0, last)];
    let all = link_document(text, &regions, Vec::new(), &persons);
    let got = linked(text, &all);
    assert_eq!(
        got,
        [
            ("Kim Jong-un", "PER:kim-jong-un"),
            ("Kim Yo-jong", "PER:kim-yo-jong"),
            ("Kim", "PER:kim-yo-jong"),
        ]
    );
}

#[test]
fn linking_takes_whole_words_inside_a_region() {
    let text = "Suh Hoon tiba. Lalu Hoonan datang, Hoon pergi.";
    let persons = [PersonName {
        span: Span::new(0, 8),
        name: "Suh Hoon".into(),
    }];
    let cut = text.find("Hoonan").unwrap() + "Hoon".len();
    let linked =
        |regions: &[Span]| surfaces(text, &link_document(text, regions, Vec::new(), &persons));
    // A region ending inside `Hoonan` does not make `Hoon` of it a word.
    assert_eq!(linked(&[Span::new(0, cut)]), ["Suh Hoon"]);
    // Overlapping regions count as one.
    let end = text.len();
    assert_eq!(
        linked(&[Span::new(0, cut), Span::new(5, end)]),
        ["Suh Hoon", "Hoon"]
    );
}

#[test]
fn linking_output_is_sorted_and_non_overlapping_even_from_bad_input() {
    let text = "Emily Home dan Home.";
    let g = list("E\tPER\tEmily Home\nH\tORG\tHome\n");
    let mut ms = g.find(text);
    ms.extend(g.find(text));
    ms.push(Mention {
        span: Span::new(3, 400),
        id: "X".into(),
        entity_type: "ORG".into(),
        canonical: "X".into(),
        alias: "X".into(),
    });
    let all = link_document(text, &[Span::new(0, text.len())], ms, &[]);
    assert_eq!(surfaces(text, &all), ["Emily Home", "Home"]);
    assert!(all.windows(2).all(|w| w[0].span.end <= w[1].span.start));
}

#[test]
fn a_person_given_twice_is_one_mention() {
    let text = "Juru bicara Emily Home berbicara. Kata Home, aliansi kuat.";
    let person = |start, end, name: &str| PersonName {
        span: Span::new(start, end),
        name: name.into(),
    };
    // The same span twice (the first name kept), and an empty span given twice.
    let persons = [
        person(12, 22, "Emily Home"),
        person(12, 22, "Emily  Home"),
        person(12, 22, "Emily Homes"),
        person(33, 33, "Budi Santoso"),
        person(33, 33, "Budi Santoso"),
    ];
    let all = link_document(text, &[Span::new(0, text.len())], Vec::new(), &persons);
    let got = linked(text, &all);
    assert_eq!(
        got,
        [
            ("Emily Home", "PER:emily-home"),
            ("", "PER:budi-santoso"),
            ("Home", "PER:emily-home"),
        ]
    );
}

#[test]
fn find_in_into_appends_what_find_in_returns() {
    let g = default();
    let text = "Menurut Yonhap, Korsel dan AS bertemu.\n\nRumah Biru di Seoul menyambut Jepang.";
    let ranges = [
        Span::new(0, 38),
        Span::new(40, text.len()),
        Span::new(90, 99),
    ];
    let mut all = g.find_in(text, Span::new(0, 6));
    let mut want = all.clone();
    for r in ranges {
        want.extend(g.find_in(text, r));
        g.find_in_into(text, r, &mut all);
    }
    let spans = |ms: &[Mention]| {
        ms.iter()
            .map(|m| (m.span, m.id.clone()))
            .collect::<Vec<_>>()
    };
    assert_eq!(spans(&all), spans(&want));
    assert_eq!(
        surfaces(text, &all),
        ["Yonhap", "Korsel", "AS", "Rumah Biru", "Seoul", "Jepang"]
    );
}
