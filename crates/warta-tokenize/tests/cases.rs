//! Table tests of the Indonesian cases on short texts.

use warta_tokenize::{AbbrevClass, Span, TokenKind, Tokenizer, conllu};

fn forms(text: &str) -> Vec<String> {
    Tokenizer::new()
        .analyze(text)
        .tokens
        .iter()
        .map(|t| t.text(text).to_string())
        .collect()
}

fn sentences(text: &str) -> Vec<String> {
    Tokenizer::new()
        .analyze(text)
        .sentences
        .iter()
        .map(|s| s.slice(text).to_string())
        .collect()
}

/// The words of the single token `word` (its clitic split, or itself).
fn words(word: &str) -> Vec<String> {
    let a = Tokenizer::new().analyze(word);
    assert_eq!(a.tokens.len(), 1, "{word:?} is one token");
    a.tokens[0]
        .word_spans()
        .map(|s| s.slice(word).to_string())
        .collect()
}

#[test]
fn whole_tokens() {
    let table: &[(&str, TokenKind)] = &[
        ("anak-anak", TokenKind::Word),
        ("bolak-balik", TokenKind::Word),
        ("Undang-Undang", TokenKind::Word),
        ("Jae-in", TokenKind::Word),
        ("Min-seol", TokenKind::Word),
        ("AS-ROK", TokenKind::Word),
        ("APBN-P", TokenKind::Word),
        ("Indo-Pasifik", TokenKind::Word),
        ("Covid-19", TokenKind::Word),
        ("e-KTP", TokenKind::Word),
        ("ke-14", TokenKind::Word),
        ("se-Indonesia", TokenKind::Word),
        ("1960-an", TokenKind::Word),
        ("Ma’ruf", TokenKind::Word),
        ("Jum'at", TokenKind::Word),
        ("1.904.569", TokenKind::Number),
        ("2,5", TokenKind::Number),
        ("10.4", TokenKind::Number),
        ("10.30", TokenKind::Number),
        ("1.314,40", TokenKind::Number),
        ("19/2/2022", TokenKind::Number),
        ("MISTAR.ID", TokenKind::Url),
        ("KOMPAS.com", TokenKind::Url),
        ("Liputan6.com", TokenKind::Url),
        ("news.detik.com", TokenKind::Url),
        (
            "https://www.kompas.com/read/2024/04/28/berita?id=3",
            TokenKind::Url,
        ),
        ("www.antaranews.com", TokenKind::Url),
        ("redaksi@kompas.com", TokenKind::Email),
        ("budi.santoso@mail.ugm.ac.id", TokenKind::Email),
        ("#Pemilu2024", TokenKind::Hashtag),
        ("@jokowi", TokenKind::Mention),
        ("S.H.", TokenKind::Word),
        ("M.Si.", TokenKind::Word),
        ("Ibukota", TokenKind::Word),
        ("Café", TokenKind::Word),
        ("😀", TokenKind::Emoji),
        ("👨\u{200d}👩\u{200d}👧", TokenKind::Emoji),
        ("🇮🇩", TokenKind::Emoji),
        ("👍🏽", TokenKind::Emoji),
        ("❤\u{fe0f}", TokenKind::Emoji),
        ("…", TokenKind::Punct),
        ("“", TokenKind::Punct),
        ("%", TokenKind::Symbol),
        ("©", TokenKind::Symbol),
    ];
    for &(text, kind) in table {
        let a = Tokenizer::new().analyze(text);
        assert_eq!(a.tokens.len(), 1, "{text:?} -> {:?}", forms(text));
        assert_eq!(a.tokens[0].span, Span::new(0, text.len()), "{text:?}");
        assert_eq!(a.tokens[0].kind, kind, "{text:?}");
    }
}

#[test]
fn splits() {
    let table: &[(&str, &[&str])] = &[
        ("Rp1.500.000", &["Rp", "1.500.000"]),
        ("pukul 10.30 WIB.", &["pukul", "10.30", "WIB", "."]),
        ("di KOMPAS.com.", &["di", "KOMPAS.com", "."]),
        ("Januari-September", &["Januari", "-", "September"]),
        ("RI-Jepang", &["RI", "-", "Jepang"]),
        ("19-21 Agustus", &["19", "-", "21", "Agustus"]),
        ("APBD-nya", &["APBD", "-", "nya"]),
        ("MPR/DPR", &["MPR", "/", "DPR"]),
        ("(CNN/hm02)", &["(", "CNN/hm02", ")"]),
        ("itu.Dia", &["itu", ".", "Dia"]),
        ("“Ya,” katanya.", &["“", "Ya", ",", "”", "katanya", "."]),
        ("Dr. Soetomo", &["Dr", ".", "Soetomo"]),
        ("jagung dll.", &["jagung", "dll", "."]),
        ("Tunggu...", &["Tunggu", "..."]),
        ("Apa?!", &["Apa", "?", "!"]),
        ("halo😀dunia", &["halo", "😀", "dunia"]),
        ("5%", &["5", "%"]),
        ("Kata\u{a0}dia", &["Kata", "dia"]),
        (
            "kata\u{2009}dia\u{200b}pun\0",
            &["kata", "dia", "\u{200b}", "pun", "\0"],
        ),
        ("Moody's", &["Moody's"]),
    ];
    for &(text, want) in table {
        assert_eq!(forms(text), want, "{text:?}");
    }
}

#[test]
fn clitics() {
    let table: &[(&str, &[&str])] = &[
        ("katanya", &["kata", "nya"]),
        ("Katanya", &["Kata", "nya"]),
        ("bukunya", &["buku", "nya"]),
        ("pelantikannya", &["pelantikan", "nya"]),
        ("produk-produknya", &["produk-produk", "nya"]),
        ("bacalah", &["baca", "lah"]),
        ("itulah", &["itu", "lah"]),
        ("tidaklah", &["tidak", "lah"]),
        ("Inilah", &["Ini", "lah"]),
        ("apakah", &["apa", "kah"]),
        ("Apakah", &["Apa", "kah"]),
        ("bukankah", &["bukan", "kah"]),
        ("ataupun", &["atau", "pun"]),
        ("diapun", &["dia", "pun"]),
        ("kuambil", &["ku", "ambil"]),
        ("kaulihat", &["kau", "lihat"]),
        ("bukumu", &["buku", "mu"]),
        ("rumahku", &["rumah", "ku"]),
        ("olehku", &["oleh", "ku"]),
        ("padamu", &["pada", "mu"]),
        ("persembahanku", &["persembahan", "ku"]),
        ("dirinyalah", &["diri", "nya", "lah"]),
        // one word
        ("tanya", &["tanya"]),
        ("bertanya", &["bertanya"]),
        ("punya", &["punya"]),
        ("hanya", &["hanya"]),
        ("Kenya", &["Kenya"]),
        ("sekolah", &["sekolah"]),
        ("langkah", &["langkah"]),
        ("masalah", &["masalah"]),
        ("adalah", &["adalah"]),
        ("telah", &["telah"]),
        ("setelah", &["setelah"]),
        ("mengolah", &["mengolah"]),
        ("menikah", &["menikah"]),
        ("akhirnya", &["akhirnya"]),
        ("sebelumnya", &["sebelumnya"]),
        ("lainnya", &["lainnya"]),
        ("biasanya", &["biasanya"]),
        ("walaupun", &["walaupun"]),
        ("meskipun", &["meskipun"]),
        ("maupun", &["maupun"]),
        ("sebaik-baiknya", &["sebaik-baiknya"]),
        ("Abdullah", &["Abdullah"]),
        ("Jamilah", &["Jamilah"]),
        ("buku", &["buku"]),
        ("Maluku", &["Maluku"]),
        ("pelaku", &["pelaku"]),
        ("ilmu", &["ilmu"]),
        ("bertemu", &["bertemu"]),
        ("kuasa", &["kuasa"]),
        ("kurang", &["kurang"]),
        ("kaum", &["kaum"]),
    ];
    for &(text, want) in table {
        assert_eq!(words(text), want, "{text:?}");
    }
}

#[test]
fn sentence_boundaries() {
    let table: &[(&str, &[&str])] = &[
        (
            "Hujan turun. Jalan banjir.",
            &["Hujan turun.", "Jalan banjir."],
        ),
        (
            "Ia tinggal di Jl. Sudirman No. 5 bersama Hj. Siti.",
            &["Ia tinggal di Jl. Sudirman No. 5 bersama Hj. Siti."],
        ),
        (
            "Prof. Dr. Ir. H. Budi dan dr. Ani hadir. Jend. Sudirman dikenang.",
            &[
                "Prof. Dr. Ir. H. Budi dan dr. Ani hadir.",
                "Jend. Sudirman dikenang.",
            ],
        ),
        (
            "Saham PT Astra Tbk. naik. Kami membeli beras, gula, dll. Harga naik.",
            &[
                "Saham PT Astra Tbk. naik.",
                "Kami membeli beras, gula, dll.",
                "Harga naik.",
            ],
        ),
        (
            "Pengacara Budi, S.H., M.H. menolak. Dia pulang.",
            &["Pengacara Budi, S.H., M.H. menolak.", "Dia pulang."],
        ),
        (
            "Tari itu identik dengan R. Tjetje Somantri.",
            &["Tari itu identik dengan R. Tjetje Somantri."],
        ),
        (
            "“Mereka membahas iklim,” kata Home dalam pernyataan itu.",
            &["“Mereka membahas iklim,” kata Home dalam pernyataan itu."],
        ),
        (
            "“Apa kabar?” tanya dia. Kami diam.",
            &["“Apa kabar?” tanya dia.", "Kami diam."],
        ),
        (
            "Itu sudah lama.” Dia lalu pergi.",
            &["Itu sudah lama.”", "Dia lalu pergi."],
        ),
        (
            "Dia berkata. \"Kami siap.\" Lalu pergi.",
            &["Dia berkata.", "\"Kami siap.\"", "Lalu pergi."],
        ),
        (
            "Washington-Seoul Bahas Perdamaian\nWashington, MISTAR.ID\nPejabat tinggi bertemu.",
            &[
                "Washington-Seoul Bahas Perdamaian",
                "Washington, MISTAR.ID",
                "Pejabat tinggi bertemu.",
            ],
        ),
        (
            "kalimat yang dipotong\nbaris tetap satu kalimat.",
            &["kalimat yang dipotong\nbaris tetap satu kalimat."],
        ),
        (
            "Paragraf satu tanpa titik\n\nparagraf dua",
            &["Paragraf satu tanpa titik", "paragraf dua"],
        ),
        ("Judul\r\nIsi berita.\r\n", &["Judul", "Isi berita."]),
        (
            "Benarkah?! Ya... Tentu.",
            &["Benarkah?!", "Ya...", "Tentu."],
        ),
        (
            "Harga naik 2,5 persen. 10 orang hadir.",
            &["Harga naik 2,5 persen.", "10 orang hadir."],
        ),
        (
            "Menurut Fitzpatrick et al., 2005, ini benar.",
            &["Menurut Fitzpatrick et al., 2005, ini benar."],
        ),
        (
            "Ia lahir pada tahun 1950. ayahnya seorang guru.",
            &["Ia lahir pada tahun 1950.", "ayahnya seorang guru."],
        ),
        (
            "Rumah itu terbakar. warga panik. Apakah ia selamat? belum jelas.",
            &[
                "Rumah itu terbakar.",
                "warga panik.",
                "Apakah ia selamat?",
                "belum jelas.",
            ],
        ),
        (
            "Kami membeli beras, dll. dan gula. Ya... begitulah.",
            &["Kami membeli beras, dll. dan gula.", "Ya... begitulah."],
        ),
        (
            "“Sudah selesai.” kata Budi. “Siapa?” tanya Ani.",
            &["“Sudah selesai.” kata Budi.", "“Siapa?” tanya Ani."],
        ),
        (
            "Mobil itu terbalik. () Sopirnya selamat.",
            &["Mobil itu terbalik.", "() Sopirnya selamat."],
        ),
        (
            "Laba naik dibanding kuartal I. Dengan hasil itu, saham naik.",
            &[
                "Laba naik dibanding kuartal I.",
                "Dengan hasil itu, saham naik.",
            ],
        ),
        (
            "Ia dilatih oleh Budi I. Santoso di Medan.",
            &["Ia dilatih oleh Budi I. Santoso di Medan."],
        ),
        (
            "Bandara Sultan Syarif Kasim II (SSK. II) Pekanbaru ramai. Tanaman honje (Bl.) Smith tumbuh liar.",
            &[
                "Bandara Sultan Syarif Kasim II (SSK. II) Pekanbaru ramai.",
                "Tanaman honje (Bl.) Smith tumbuh liar.",
            ],
        ),
        (
            "“Kami siap. Kami datang besok,” kata Budi. Rapat ditunda.",
            &[
                "“Kami siap. Kami datang besok,” kata Budi.",
                "Rapat ditunda.",
            ],
        ),
        (
            "Ia berkata, \"Harga naik. Warga resah.\" Lalu ia pergi.",
            &["Ia berkata, \"Harga naik. Warga resah.\"", "Lalu ia pergi."],
        ),
        (
            "“Kami bekerja. Kami lelah.\n“Kami ingin pulang. Besok libur,” ujarnya.",
            &[
                "“Kami bekerja.",
                "Kami lelah.",
                "“Kami ingin pulang. Besok libur,” ujarnya.",
            ],
        ),
        // a quotation crossing a line break is not kept in one sentence
        (
            "“Kami bekerja. Kami lelah.\nKami pulang. Besok libur,” ujarnya.",
            &[
                "“Kami bekerja.",
                "Kami lelah.",
                "Kami pulang.",
                "Besok libur,” ujarnya.",
            ],
        ),
        (
            "“Kami bekerja. Kami lelah.\r\nKami pulang. Besok libur,” ujarnya.",
            &[
                "“Kami bekerja.",
                "Kami lelah.",
                "Kami pulang.",
                "Besok libur,” ujarnya.",
            ],
        ),
        (
            "Ia berkata, \"Harga naik. Warga\u{2029}resah. Lalu\" ia pergi.",
            &[
                "Ia berkata, \"Harga naik.",
                "Warga",
                "resah.",
                "Lalu\" ia pergi.",
            ],
        ),
        (
            "Ia membaca \"buku. Buku itu tebal. Ia senang.",
            &["Ia membaca \"buku.", "Buku itu tebal.", "Ia senang."],
        ),
        (
            "Ia sudah pulang. (Foto: Antara.) Besok ia kembali.",
            &["Ia sudah pulang.", "(Foto: Antara.)", "Besok ia kembali."],
        ),
    ];
    for &(text, want) in table {
        assert_eq!(sentences(text), want, "{text:?}");
    }
}

#[test]
fn builder_extends_lists() {
    let text = "Kapolres AKBP. Budi hadir. Ia mengucap bismillahku.";
    let plain = Tokenizer::new().analyze(text);
    assert_eq!(plain.sentences.len(), 3);
    let tk = Tokenizer::builder()
        .abbreviation("AKBP", AbbrevClass::Title)
        .keep_whole("bismillahku")
        .build();
    let a = tk.analyze(text);
    assert_eq!(a.sentences.len(), 2);
    assert!(a.tokens.iter().all(|t| t.words.is_empty()));
    let no_clitics = Tokenizer::builder().clitics(false).build();
    assert!(no_clitics.analyze("katanya").tokens[0].words.is_empty());
}

#[test]
fn attached_abbreviation_periods() {
    let tk = Tokenizer::builder()
        .attach_abbreviation_period(true)
        .build();
    let text = "Dr. Soetomo dan R. Tjetje hadir di PT Jaya Tbk. Dia senang.";
    let a = tk.analyze(text);
    let f: Vec<&str> = a.tokens.iter().map(|t| t.text(text)).collect();
    assert_eq!(
        f,
        [
            "Dr.", "Soetomo", "dan", "R.", "Tjetje", "hadir", "di", "PT", "Jaya", "Tbk.", "Dia",
            "senang", "."
        ]
    );
    assert_eq!(a.sentences.len(), 2);
    // the same sentence rules hold when the period stays on the word
    let text =
        "Bandara Kasim II (SSK. II) ramai. Laba naik dibanding kuartal I. Dengan itu, saham naik.";
    let got: Vec<&str> = tk
        .analyze(text)
        .sentences
        .iter()
        .map(|s| s.slice(text))
        .collect();
    assert_eq!(
        got,
        [
            "Bandara Kasim II (SSK. II) ramai.",
            "Laba naik dibanding kuartal I.",
            "Dengan itu, saham naik."
        ]
    );
}

#[test]
fn range_offsets_are_into_whole_text() {
    let text = "Judul berita\nIsi: katanya benar.";
    let start = text.find("Isi").unwrap();
    let a = Tokenizer::new().analyze_range(text, Span::new(start, text.len()));
    assert_eq!(a.tokens[0].text(text), "Isi");
    assert_eq!(a.tokens[2].words[0].slice(text), "kata");
    assert_eq!(a.sentences, [Span::new(start, text.len())]);
    // out of bounds and inside a char: clamped, no panic
    let a = Tokenizer::new().analyze_range("né", Span::new(2, 99));
    assert!(a.tokens.is_empty());
}

#[test]
fn conllu_output() {
    let text = "Katanya, Rp1.500 cukup.\nDia pergi";
    let mut out = String::new();
    conllu::write(text, &Tokenizer::new().analyze(text), &mut out);
    let want = "# sent_id = 1\n# text = Katanya, Rp1.500 cukup.\n\
1-2\tKatanya\t_\t_\t_\t_\t_\t_\t_\tSpaceAfter=No\n\
1\tKata\t_\t_\t_\t_\t_\t_\t_\t_\n\
2\tnya\t_\t_\t_\t_\t_\t_\t_\t_\n\
3\t,\t_\t_\t_\t_\t_\t_\t_\t_\n\
4\tRp\t_\t_\t_\t_\t_\t_\t_\tSpaceAfter=No\n\
5\t1.500\t_\t_\t_\t_\t_\t_\t_\t_\n\
6\tcukup\t_\t_\t_\t_\t_\t_\t_\tSpaceAfter=No\n\
7\t.\t_\t_\t_\t_\t_\t_\t_\t_\n\n\
# sent_id = 2\n# text = Dia pergi\n\
1\tDia\t_\t_\t_\t_\t_\t_\t_\t_\n\
2\tpergi\t_\t_\t_\t_\t_\t_\t_\t_\n\n";
    assert_eq!(out, want);
}

#[test]
fn normalized_forms() {
    let text = "“Ma’ruf” — KOMPAS.com";
    let a = Tokenizer::new().analyze(text);
    let n: Vec<String> = a
        .tokens
        .iter()
        .map(|t| t.normalized(text).into_owned())
        .collect();
    assert_eq!(n, ["\"", "ma'ruf", "\"", "-", "kompas.com"]);
}
