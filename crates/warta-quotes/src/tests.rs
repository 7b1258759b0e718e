//! Table tests on short Indonesian sentences, the seed article, and properties.

use proptest::prelude::*;

use crate::{CueClass, Extractor, KnownEntity, Quote, QuoteKind, Span};

fn quotes(text: &str) -> Vec<Quote> {
    Extractor::new().extract(text)
}

/// (kind, content, cue, speaker name, rule) of a quote.
type Row = (
    QuoteKind,
    String,
    Option<String>,
    Option<String>,
    &'static str,
);

/// The rows of the quotes of `text`, for failure messages.
fn summary(text: &str) -> Vec<Row> {
    quotes(text)
        .iter()
        .map(|q| {
            (
                q.kind,
                q.content.slice(text).to_string(),
                q.cue.map(|c| c.slice(text).to_string()),
                q.speaker.as_ref().map(|s| s.name.clone()),
                q.rule,
            )
        })
        .collect()
}

fn only(text: &str) -> Quote {
    let qs = quotes(text);
    assert_eq!(qs.len(), 1, "{text:?} gave {:?}", summary(text));
    qs.into_iter().next().unwrap()
}

/// No quote of `text` has the speaker `word`.
fn assert_no_speaker_named(text: &str, word: &str) {
    assert!(
        quotes(text)
            .iter()
            .all(|q| q.speaker.as_ref().is_none_or(|s| s.name != word)),
        "{text:?} gave {:?}",
        summary(text)
    );
}

fn speaker_name(q: &Quote) -> &str {
    q.speaker.as_ref().map_or("", |s| s.name.as_str())
}

/// Checks the speaker's name of each text's last quote.
fn assert_last_speakers(table: &[(&str, &str)]) {
    for &(text, want) in table {
        let qs = quotes(text);
        let last = qs.last().unwrap_or_else(|| panic!("{text:?}: no quote"));
        assert_eq!(
            speaker_name(last),
            want,
            "{text:?} gave {:?}",
            summary(text)
        );
    }
}

/// Checks the name, role and affiliation of the speaker of each text's only quote.
fn assert_speaker_parts(table: &[(&str, &str, Option<&str>, Option<&str>)]) {
    for &(text, name, role, aff) in table {
        let q = only(text);
        let s = q.speaker.unwrap_or_else(|| panic!("{text:?}: no speaker"));
        assert_eq!(s.name, name, "{text:?}");
        assert_eq!(s.role.as_deref(), role, "{text:?}");
        assert_eq!(s.affiliation.as_deref(), aff, "{text:?}");
    }
}

#[test]
fn direct_quote_patterns() {
    // (text, content, cue, speaker, rule)
    let table: &[(&str, &str, Option<&str>, &str, &str)] = &[
        (
            "“Harga beras naik lagi,” kata Budi Santoso di Jakarta.",
            "“Harga beras naik lagi,”",
            Some("kata"),
            "Budi Santoso",
            "direct-cue-after",
        ),
        (
            "“Kami menunggu bantuan. Sudah dua minggu,” ujar Siti Aminah.",
            "“Kami menunggu bantuan. Sudah dua minggu,”",
            Some("ujar"),
            "Siti Aminah",
            "direct-cue-after",
        ),
        (
            "“Jalan itu rusak parah,” tutur Ketua RT 05 Joko Susilo.",
            "“Jalan itu rusak parah,”",
            Some("tutur"),
            "Joko Susilo",
            "direct-cue-after",
        ),
        (
            "“Siapa yang bertanggung jawab?” tanya Rina Wulandari.",
            "“Siapa yang bertanggung jawab?”",
            Some("tanya"),
            "Rina Wulandari",
            "direct-cue-after",
        ),
        (
            "Andi Pratama mengatakan, “Kami akan menggugat keputusan itu.”",
            "“Kami akan menggugat keputusan itu.”",
            Some("mengatakan"),
            "Andi Pratama",
            "direct-cue-before",
        ),
        (
            "Dewi Lestari: “Saya tidak pernah menerima uang itu.”",
            "“Saya tidak pernah menerima uang itu.”",
            None,
            "Dewi Lestari",
            "direct-colon",
        ),
        (
            "\"Kami sudah siap menghadapi banjir,\" kata Agus Salim.",
            "\"Kami sudah siap menghadapi banjir,\"",
            Some("kata"),
            "Agus Salim",
            "direct-cue-after",
        ),
        (
            // Kompas style: ” on both sides.
            "”Stok vaksin masih cukup untuk sebulan,” kata Hendra Wijaya.",
            "”Stok vaksin masih cukup untuk sebulan,”",
            Some("kata"),
            "Hendra Wijaya",
            "direct-cue-after",
        ),
    ];
    for &(text, content, cue, speaker, rule) in table {
        let q = only(text);
        assert_eq!(q.kind, QuoteKind::Direct, "{text}");
        assert_eq!(q.content.slice(text), content, "{text}");
        assert_eq!(q.cue.map(|c| c.slice(text)), cue, "{text}");
        assert_eq!(speaker_name(&q), speaker, "{text}");
        assert_eq!(q.rule, rule, "{text}");
        assert!(q.confidence > 0.0 && q.confidence <= 1.0);
    }
}

#[test]
fn an_offices_jurisdiction_or_portfolio_is_part_of_the_role() {
    assert_speaker_parts(&[
        (
            "“Pompa air sudah kami tambah,” kata Wali Kota Surabaya Eri Cahyadi.",
            "Eri Cahyadi",
            Some("Wali Kota Surabaya"),
            None,
        ),
        (
            "Wakil Gubernur DKI Jakarta Ahmad Riza Patria mengatakan, ganjil genap ditiadakan.",
            "Ahmad Riza Patria",
            Some("Wakil Gubernur DKI Jakarta"),
            None,
        ),
        // The organisation after the portfolio stays the affiliation.
        (
            "“Target pajak tercapai,” kata Direktur Jenderal Pajak Kementerian Keuangan Suryo \
             Utomo.",
            "Suryo Utomo",
            Some("Direktur Jenderal Pajak"),
            Some("Kementerian Keuangan"),
        ),
        // So does a place after a comma.
        (
            "Camat Tanah Abang, Jakarta Pusat, Yassin Pasaribu mengatakan, razia dimulai lagi \
             pekan depan.",
            "Yassin Pasaribu",
            Some("Camat Tanah Abang"),
            Some("Jakarta Pusat"),
        ),
        // An office of an organisation is no jurisdiction.
        (
            "“Suku bunga tetap,” kata Gubernur Bank Indonesia Perry Warjiyo.",
            "Perry Warjiyo",
            Some("Gubernur"),
            Some("Bank Indonesia"),
        ),
        // Other roles keep their organisation apart.
        (
            "“Kasus baru turun,” kata Kepala Dinas Kesehatan Kota Bogor Sri Nowo Retno.",
            "Sri Nowo Retno",
            Some("Kepala"),
            Some("Dinas Kesehatan Kota Bogor"),
        ),
    ]);
}

#[test]
fn role_affiliation_and_name_are_split() {
    let text = "“Kasus baru turun,” kata Kepala Dinas Kesehatan DKI Jakarta, Widyastuti, Senin.";
    let s = only(text).speaker.unwrap();
    assert_eq!(s.name, "Widyastuti");
    assert_eq!(s.role.as_deref(), Some("Kepala"));
    assert_eq!(
        s.affiliation.as_deref(),
        Some("Dinas Kesehatan DKI Jakarta")
    );

    let text = "“Pelaku sudah kami tangkap,” kata Kepala Satuan Reserse Kriminal Polres Bogor \
                Ajun Komisaris Ahmad Rizki.";
    let s = only(text).speaker.unwrap();
    assert_eq!(s.name, "Ahmad Rizki");
    assert!(
        s.role.as_deref().unwrap().contains("Ajun Komisaris"),
        "{:?}",
        s.role
    );

    let text = "“Kami terus berkoordinasi,” kata Juru Bicara Kementerian Luar Negeri Teuku \
                Faizasyah.";
    let s = only(text).speaker.unwrap();
    assert_eq!(s.name, "Teuku Faizasyah");
    assert_eq!(s.role.as_deref(), Some("Juru Bicara"));
    assert_eq!(s.affiliation.as_deref(), Some("Kementerian Luar Negeri"));

    // `Bos` is a title, not part of the name.
    let text = "“Karyawan sudah dipanggil lagi,” kata Bos Asep Syaefur Rohman.";
    let s = only(text).speaker.unwrap();
    assert_eq!(s.name, "Asep Syaefur Rohman");
    assert_eq!(s.role.as_deref(), Some("Bos"));
    let text = "“Jangkrik kami jual ke Jakarta,” kata Ketua Kelompok Ternak Jangkrik Bos Asep \
                Syaefur Rohman.";
    assert_eq!(only(text).speaker.unwrap().name, "Asep Syaefur Rohman");

    // A corporate secretary is one role; the company follows.
    assert_speaker_parts(&[(
        "“Layanan kembali normal,” kata Sekretaris Perusahaan PT Bank Sinar Jaya Tbk Rudi \
         Hartono.",
        "Rudi Hartono",
        Some("Sekretaris Perusahaan"),
        Some("PT Bank Sinar Jaya Tbk"),
    )]);

    // Portfolios of ministries that have no `ke-…-an`/`pe-…-an` shape are no name; a
    // minister's portfolio is part of the office (offices.txt).
    assert_speaker_parts(&[
        (
            "“Ibadah di rumah dulu,” kata Menteri Agama Ahmad Fauzi.",
            "Ahmad Fauzi",
            Some("Menteri Agama"),
            None,
        ),
        (
            "“Liga ditunda,” kata Menteri Pemuda dan Olahraga Budi Santoso.",
            "Budi Santoso",
            Some("Menteri Pemuda dan Olahraga"),
            None,
        ),
        (
            "“Sinyal diperkuat,” kata Menteri Komunikasi dan Informatika Rudi Hartono.",
            "Rudi Hartono",
            Some("Menteri Komunikasi dan Informatika"),
            None,
        ),
        (
            "“Dana riset naik,” kata Menteri Riset dan Teknologi Hasan Basri.",
            "Hasan Basri",
            Some("Menteri Riset dan Teknologi"),
            None,
        ),
    ]);
}

#[test]
fn unknown_organisation_glued_to_a_name_is_split_off_by_later_mentions() {
    // (text, speaker of every quote, affiliation of the first)
    let table: &[(&str, &[&str], Option<&str>)] = &[
        (
            "Direktur Eksekutif Global Justice Rachmi Hertanti mengatakan, perjanjian itu \
             merugikan petani kecil. “Petani tidak diuntungkan,” kata Rachmi.",
            &["Rachmi Hertanti", "Rachmi Hertanti"],
            Some("Global Justice"),
        ),
        (
            "“Kami buka lagi,” kata Manajer Hotel Harmoni One Wahyu Santoso. Menurut Wahyu, \
             tamu mulai datang lagi.",
            &["Wahyu Santoso", "Wahyu Santoso"],
            Some("Hotel Harmoni One"),
        ),
        // A later part of a personal name is no reason to cut it.
        (
            "Ketua RT Andi Budi Santoso mengatakan, warga sudah menerima bantuan. “Semua sudah \
             dapat,” kata Budi.",
            &["Andi Budi Santoso", "Andi Budi Santoso"],
            None,
        ),
        (
            "“Investasi terus masuk,” kata Deputi Koordinator Bidang Investasi Septian Hario \
             Seto. “Kami kawal,” ujar Seto.",
            &["Septian Hario Seto", "Septian Hario Seto"],
            None,
        ),
        // Without a later mention the run stays whole.
        (
            "“Petani kecil tidak diuntungkan,” kata Direktur Eksekutif Lentera Pelangi Rachmi \
             Hertanti.",
            &["Lentera Pelangi Rachmi Hertanti"],
            None,
        ),
    ];
    for &(text, names, affiliation) in table {
        let qs = quotes(text);
        let got: Vec<&str> = qs.iter().map(speaker_name).collect();
        assert_eq!(got, names, "{text:?} gave {:?}", summary(text));
        let first = qs[0].speaker.as_ref().unwrap();
        if affiliation.is_some() {
            assert_eq!(first.affiliation.as_deref(), affiliation, "{text:?}");
        }
    }
}

#[test]
fn ages_surnames_that_are_roles_and_daerah_do_not_break_names() {
    // (text, speaker of every quote)
    let table: &[(&str, &[&str])] = &[
        // An age in brackets is not part of the name; the later short mention resolves.
        (
            "“Mereka kembali ke sini untuk bertelur,” tutur Latif Aprianto (22), anggota \
             kelompok konservasi. “Kami saling ngobrol,” ujar Latif yang baru lulus kuliah.",
            &["Latif Aprianto", "Latif Aprianto"],
        ),
        // A role word closing the name is a surname (`Hakim`), not a rank.
        (
            "“Kami ada di setiap wilayah,” kata Deputi Bidang Sumber Daya Manusia Kemenkop UKM \
             Arif Rahman Hakim. “Konsultasi gratis,” papar Arif.",
            &["Arif Rahman Hakim", "Arif Rahman Hakim"],
        ),
        // `Daerah` ends the organisation's name; the next word is no place.
        (
            "“Dia punya ruang gerak,” kata Direktur Eksekutif Komite Pemantauan Pelaksanaan \
             Otonomi Daerah Robert Endi Jaweng. “Itu penting,” kata Robert.",
            &["Robert Endi Jaweng", "Robert Endi Jaweng"],
        ),
        // A rank before the name stays a rank.
        (
            "“Pelaku sudah kami tangkap,” kata Kepala Satuan Reserse Kriminal Polres Bogor \
             Ajun Komisaris Ahmad Rizki.",
            &["Ahmad Rizki"],
        ),
    ];
    for &(text, names) in table {
        let qs = quotes(text);
        let got: Vec<&str> = qs.iter().map(speaker_name).collect();
        assert_eq!(got, names, "{text:?} gave {:?}", summary(text));
    }
}

#[test]
fn subject_before_yang_juga_or_selaku_is_the_speaker() {
    let table: &[(&str, &str, Option<&str>)] = &[
        (
            "Kepala Dinas Kesehatan Kalsel Muhammad Muslim, yang juga juru bicara Gugus Tugas \
             Kalsel, mengatakan, jumlah spesimen terus meningkat.",
            "Muhammad Muslim",
            Some("Kepala"),
        ),
        (
            "Budi Santoso selaku Ketua RT mengatakan bahwa warga sudah menerima bantuan beras.",
            "Budi Santoso",
            Some("Ketua RT"),
        ),
        (
            "Rahmat Hidayat selaku Ketua Tim Pemenangan Paslon Budi-Sari mengatakan, relawan \
             sudah bekerja keras sejak pagi.",
            "Rahmat Hidayat",
            Some("Ketua"),
        ),
        // `yang juga sebagai` / `yang juga menjabat (sebagai)`, with a lowercase description
        // before the role words.
        (
            "Hendra Wijaya, yang juga sebagai perwira juru bicara Satgas Nemangkawi, menyatakan, \
             dua kompi pasukan sudah bersiaga di Timika.",
            "Hendra Wijaya",
            Some("juru bicara"),
        ),
        (
            "Sekretaris Daerah Kota Bekasi Reny Hendrawati yang juga menjabat Ketua Harian \
             Satgas Covid-19 mengatakan, ruang isolasi masih cukup.",
            "Reny Hendrawati",
            Some("Sekretaris Daerah"),
        ),
        (
            "Agus Salim, yang juga menjabat sebagai Ketua Koperasi Nelayan Maju, mengatakan, \
             harga ikan turun sejak pekan lalu.",
            "Agus Salim",
            Some("Ketua"),
        ),
    ];
    for &(text, name, role) in table {
        let q = only(text);
        let s = q.speaker.as_ref().unwrap();
        assert_eq!(
            (s.name.as_str(), s.role.as_deref()),
            (name, role),
            "{text:?}"
        );
    }
    // The organisation after the role stays whole in the affiliation.
    assert_speaker_parts(&[
        (
            "Agus Salim, yang juga menjabat sebagai Ketua Koperasi Nelayan Maju, mengatakan, \
             harga ikan turun sejak pekan lalu.",
            "Agus Salim",
            Some("Ketua"),
            Some("Koperasi Nelayan Maju"),
        ),
        (
            "Hendra Wijaya, yang juga sebagai perwira juru bicara Satgas Nemangkawi, menyatakan, \
             dua kompi pasukan sudah bersiaga di Timika.",
            "Hendra Wijaya",
            Some("juru bicara"),
            Some("Satgas Nemangkawi"),
        ),
        // A lowercase role and its field, then a place.
        (
            "Hendra Wijaya, yang juga sebagai perwira pengamat lapangan Wilayah Mindiptana Hulu, \
             menyatakan, dua kompi pasukan sudah bersiaga di Tanah Merah.",
            "Hendra Wijaya",
            Some("pengamat lapangan"),
            Some("Wilayah Mindiptana Hulu"),
        ),
    ]);
}

#[test]
fn short_mentions_resolve_to_the_fullest_name() {
    let text = "Wali Kota Medan Bobby Nasution meninjau lokasi banjir.\n\
                “Pompa air sudah kami tambah,” kata Bobby.";
    let q = only(text);
    let s = q.speaker.unwrap();
    assert_eq!(s.name, "Bobby Nasution");
    assert_eq!(s.span.slice(text), "Bobby");
    assert_eq!(s.role.as_deref(), Some("Wali Kota Medan"));

    let text = "Presiden Joko Widodo membuka rapat terbatas di Istana.\n\
                “Semua harus bergerak cepat,” kata Presiden.";
    assert_eq!(speaker_name(&only(text)), "Joko Widodo");
}

#[test]
fn nya_cues_and_pronouns_take_the_last_speaker() {
    let text = "“Kami kekurangan tenaga medis,” kata Roland Manurung.\n\
                “Perawat bekerja dua sif,” ujarnya.\n\
                Ia mengatakan, rumah sakit itu membutuhkan 20 perawat tambahan.";
    let qs = quotes(text);
    assert_eq!(qs.len(), 3, "{:?}", summary(text));
    assert_eq!(qs[1].cue.unwrap().slice(text), "ujarnya");
    assert_eq!(speaker_name(&qs[1]), "Roland Manurung");
    assert_eq!(qs[1].speaker.as_ref().unwrap().span.slice(text), "nya");
    assert_eq!(qs[2].kind, QuoteKind::Indirect);
    assert_eq!(speaker_name(&qs[2]), "Roland Manurung");

    // A new person introduced between takes over the -nya cue.
    let text = "“Air sudah surut,” kata Roland Manurung.\n\
                Warga Desa Sukamaju, Tini Suryani, masih mengungsi di masjid.\n\
                “Rumah saya masih penuh lumpur,” katanya.";
    let qs = quotes(text);
    assert_eq!(speaker_name(qs.last().unwrap()), "Tini Suryani");
}

#[test]
fn groups_of_people_are_no_nya_antecedent() {
    // (text, speaker of the last quote): a plural subject (`para ahli`, `banyak pakar`) may
    // speak, but a later `-nya` goes to the last person.
    let table = [
        (
            "Menteri Kesehatan Budi Gunadi Sadikin meninjau rumah sakit di Jakarta.\n\
             Banyak pakar berpendapat bahwa vaksin itu aman bagi anak-anak.\n\
             “Kami akan mempercepat vaksinasi,” ujarnya.",
            "Budi Gunadi Sadikin",
        ),
        (
            "“Stok beras cukup,” kata Budi Waseso.\n\
             Para ahli mengatakan bahwa harga masih akan naik bulan depan.\n\
             “Kami terus memantau pasar,” katanya.",
            "Budi Waseso",
        ),
        (
            "“Air sudah surut,” kata Camat Dedi Mulyadi.\n\
             Sejumlah warga mengatakan bahwa bantuan belum datang.\n\
             “Bantuan dikirim besok,” ujarnya.",
            "Dedi Mulyadi",
        ),
        // A named person after the quantifier's phrase still speaks and is the antecedent.
        (
            "“Air sudah surut,” kata Camat Dedi Mulyadi.\n\
             Ketua RT Asep Sunandar mengatakan bahwa bantuan belum datang.\n\
             “Bantuan dikirim besok,” ujarnya.",
            "Asep Sunandar",
        ),
    ];
    assert_last_speakers(&table);
    // The group itself is still the speaker of its own statement.
    let text = "Para ahli mengatakan bahwa harga masih akan naik bulan depan.";
    assert_eq!(speaker_name(&only(text)), "ahli", "{:?}", summary(text));
}

#[test]
fn laws_and_titles_in_title_case_are_no_person() {
    // A capitalised verb inside a law's name is no cue; a law that states something is no
    // `-nya` antecedent.
    let text = "“Kami hanya menyampaikan aspirasi,” kata Andi Saputra.\n\
                Undang-Undang Kemerdekaan Menyampaikan Pendapat menjamin hak warga untuk berunjuk rasa.\n\
                “Polisi harus menghormati itu,” ujarnya.";
    let rows = summary(text);
    assert_eq!(rows.len(), 2, "{rows:?}");
    assert_eq!(rows[1].3.as_deref(), Some("Andi Saputra"), "{rows:?}");
    let text = "“Kami hanya menyampaikan aspirasi,” kata Andi Saputra.\n\
                Undang-Undang Pers menyatakan bahwa wartawan dilindungi saat meliput di lapangan.\n\
                “Polisi harus menghormati itu,” ujarnya.";
    let rows = summary(text);
    assert_eq!(rows.len(), 3, "{rows:?}");
    assert_eq!(rows[1].3.as_deref(), Some("Undang-Undang Pers"), "{rows:?}");
    assert_eq!(rows[2].3.as_deref(), Some("Andi Saputra"), "{rows:?}");
    // Not a law: the name `Uu` (written `UU`, the abbreviation is one), a role holder whose
    // organisation is a programme, `Menurut` after a heading glued to the paragraph.
    let table = [
        (
            "“Kami siap,” kata Uu Ruzhanul Ulum.\n\
             Ia menambahkan, asrama haji itu dipakai untuk menampung jemaah.",
            "Uu Ruzhanul Ulum",
        ),
        (
            "“Data harus aman,” kata Dickie Widjaja.\n\
             Direktur Kartu Prakerja Hengki Sihombing mengatakan, transformasi digital masih berjalan.\n\
             Menurut dia, wajar jika digitalisasi masih menemui kendala.",
            "Hengki Sihombing",
        ),
        (
            "DKI dan Jabar Menurut Sri Mulyani, DKI dan Jabar menjadi provinsi pertama yang pulih.",
            "Sri Mulyani",
        ),
    ];
    for (text, want) in table {
        let qs = quotes(text);
        let last = qs.last().unwrap_or_else(|| panic!("{text:?}: no quote"));
        assert!(
            speaker_name(last).ends_with(want),
            "{text:?} gave {:?}",
            summary(text)
        );
    }
}

#[test]
fn nya_antecedent_must_look_like_a_person() {
    // (text, speaker of the last quote): places, laws and programmes between the quotes are
    // never the antecedent; a reported-speech subject or a named role holder is.
    let table = [
        (
            "“Jalan harus bersih,” kata Tri Rismaharini.\n\
             Rombongan lalu menuju kawasan Jalan Nambangan, Taman Suroboyo, hingga ke Kenjeran.\n\
             “Tolong pakai masker,” katanya.",
            "Tri Rismaharini",
        ),
        (
            "“Nelayan paling dirugikan,” kata Mas Achmad Santosa.\n\
             RUU Cipta Kerja disahkan DPR pekan lalu.\n\
             “Kami akan menggugat,” ujarnya.",
            "Mas Achmad Santosa",
        ),
        (
            "“Penyidik bekerja keras,” kata Ferry Walintukan.\n\
             Konawe Kepulauan masih terisolasi sejak Senin.\n\
             “Semua diperiksa,” ucapnya.",
            "Ferry Walintukan",
        ),
        (
            "“Lelang berjalan lancar,” kata Ardiles Mewoh.\n\
             Anggota KPU Manado Sunday Rompas mengatakan, surat suara segera dicetak.\n\
             “Tempatnya sama dengan KPU Sulut,” ujarnya.",
            "Sunday Rompas",
        ),
        (
            "“Lelang berjalan lancar,” kata Ardiles Mewoh.\n\
             Ancaman Banjir Rob datang setiap tahun.\n\
             “Kami siap,” ujarnya.",
            "Ardiles Mewoh",
        ),
        (
            "Di sepanjang jalan Wali Kota Risma terus mengingatkan warga.\n\
             “Ayo pakai masker,” ujar Risma.\n\
             Rombongan melintas di Jalan Pogot.\n\
             “Tolong dipakai,” katanya.",
            "Risma",
        ),
        (
            "“Ayo pakai masker,” kata Tri Risma.\n\
             Budi Santoso, camat setempat, memimpin rombongan ke Kenjeran.\n\
             Di sepanjang jalan, Risma terus mengingatkan warga.\n\
             “Tolong dipakai,” katanya.",
            "Tri Risma",
        ),
        (
            // A law's title with a capitalised speech verb inside is no short subject.
            "Peneliti hukum Wahyudi Djafar menilai tindakan polisi berlebihan.\n\
             Unjuk rasa dijamin UU Nomor 9 Tahun 1998 tentang Kemerdekaan Menyampaikan \
             Pendapat di Muka Umum.\n\
             “Rujukannya tidak ada,” katanya.",
            "Wahyudi Djafar",
        ),
    ];
    assert_last_speakers(&table);
}

#[test]
fn long_role_phrases_after_the_cue_end_in_the_name() {
    // (text, name, role and affiliation when checked)
    let table = [
        (
            "“Kami sudah menerima laporan itu,” kata Kepala Bagian Hukum dan Humas, Rumah Sakit \
             Umum Pusat Dr Sardjito, Banu Hermawan, saat dihubungi, Rabu siang.",
            "Banu Hermawan",
            Some("Kepala Bagian Hukum dan Humas"),
            Some("Rumah Sakit Umum Pusat Dr Sardjito"),
        ),
        (
            "“Pemerintah tidak akan mundur,” kata Menteri Koordinator Bidang Politik, Hukum, dan \
             Keamanan Mahfud MD dalam konferensi pers.",
            "Mahfud MD",
            Some("Menteri Koordinator Bidang Politik, Hukum, dan Keamanan"),
            None,
        ),
        (
            "“Stok beras aman,” kata Kepala Bidang Distribusi dan Cadangan, Dinas Ketahanan \
             Pangan Jateng, Siti Aminah.",
            "Siti Aminah",
            None,
            None,
        ),
    ];
    for (text, name, role, aff) in table {
        let q = only(text);
        let s = q.speaker.unwrap_or_else(|| panic!("{text:?}: no speaker"));
        assert_eq!(s.name, name, "{text:?}");
        if role.is_some() {
            assert_eq!(s.role.as_deref(), role, "{text:?}");
            assert_eq!(s.affiliation.as_deref(), aff, "{text:?}");
        }
    }
    // A one-word organisation before the comma, then the full name.
    let text = "“Harga rumah naik,” kata peneliti senior Centropolis, Suryono Herlambang, di \
                Jakarta.";
    let s = only(text).speaker.unwrap();
    assert_eq!(s.name, "Suryono Herlambang");
    assert_eq!(s.affiliation.as_deref(), Some("Centropolis"));
    // A place after the comma is no name.
    let text = "“Banjir surut,” kata Gubernur Anies, Jakarta Pusat.";
    assert_eq!(speaker_name(&only(text)), "Anies");
    // A role alone (no name closes the phrase) resolves to the holder named earlier.
    let text = "Kepala Dinas Kesehatan Jateng Yulianto Prabowo meninjau rumah sakit.\n\
                “Tempat tidur masih cukup,” kata Kepala Dinas Kesehatan, Senin (4/5).";
    assert_eq!(
        speaker_name(quotes(text).last().unwrap()),
        "Yulianto Prabowo"
    );
}

#[test]
fn mismatched_single_closing_mark_and_function_word_names() {
    // (text, content end, speaker)
    let table = [
        (
            "“Mereka memerdekakan Indonesia dari feodalisme, ’ kata Heri Priyatmoko. Imajinasi \
             segar muncul.",
            "feodalisme, ’",
            Some("Heri Priyatmoko"),
        ),
        (
            "“Dia bilang ‘tidak,’ lalu pergi begitu saja,” kata Budi Santoso.",
            "saja,”",
            Some("Budi Santoso"),
        ),
        (
            "“Wakil Presiden Ma’ruf Amin hadir,” kata Budi Santoso.",
            "hadir,”",
            Some("Budi Santoso"),
        ),
        (
            "“Kami sudah siap sejak pagi,” tutur Lalu.",
            "pagi,”",
            Some("Lalu"),
        ),
        ("“Kami pulang,” ujar Senin.", "pulang,”", None),
        // A `’` used as an opening mark is no closing one: no cue follows it.
        (
            "“Ada ibu yang pernah bilang, ’ Saya tidak biasa memegang ponsel,” ujar Budi Santoso.",
            "ponsel,”",
            Some("Budi Santoso"),
        ),
    ];
    for (text, tail, speaker) in table {
        let q = only(text);
        assert!(
            q.content.slice(text).ends_with(tail),
            "{text:?} gave {:?}",
            summary(text)
        );
        assert_eq!(q.speaker.map(|s| s.name).as_deref(), speaker, "{text:?}");
    }
}

#[test]
fn rank_abbreviations_are_roles() {
    // (text, name, role): `Komjen Listyo` resolves to the full name introduced before.
    let table = [
        (
            "Kabareskrim Polri Komisaris Jenderal Listyo Sigit Prabowo memimpin rapat.\n\
             “Kami usut tuntas,” kata Komjen Listyo.",
            "Listyo Sigit Prabowo",
            "Komjen",
        ),
        (
            "“Kasus ini segera dilimpahkan,” kata Kompol Andi Rahmat.",
            "Andi Rahmat",
            "Kompol",
        ),
    ];
    for (text, name, role) in table {
        let q = quotes(text).pop().unwrap();
        let s = q.speaker.unwrap();
        assert_eq!(s.name, name, "{text:?}");
        assert_eq!(s.role.as_deref(), Some(role), "{text:?}");
    }
}

#[test]
fn passive_cues_after_a_quote() {
    // (text, cue, speaker)
    let table = [
        (
            "“Kami akan menambah armada,” ditambahkan Tony Hartono.",
            "ditambahkan",
            "Tony Hartono",
        ),
        (
            "“Semua sudah sesuai prosedur,” disampaikan Kepala Dinas Sosial Ani Rahma.",
            "disampaikan",
            "Ani Rahma",
        ),
    ];
    for (text, cue, speaker) in table {
        let q = only(text);
        assert_eq!(q.cue.map(|c| c.slice(text)), Some(cue), "{text:?}");
        assert_eq!(speaker_name(&q), speaker, "{text:?}");
    }
    // Not a cue in the middle of a sentence without a quote.
    assert!(quotes("Anggaran itu disampaikan Budi Santoso kepada DPRD.").is_empty());
}

#[test]
fn katanya_before_the_quote() {
    let text = "“Harga cabai naik,” kata Sri Wahyuni. Katanya, “Pembeli jadi sepi.”";
    let qs = quotes(text);
    assert_eq!(qs.len(), 2, "{:?}", summary(text));
    assert_eq!(qs[1].cue.unwrap().slice(text), "Katanya");
    assert_eq!(qs[1].rule, "direct-cue-before");
    assert_eq!(speaker_name(&qs[1]), "Sri Wahyuni");
}

#[test]
fn menurut_after_a_quote() {
    // (text, cue, speaker of the last quote)
    let table = [
        (
            "“Ojek daring harus diawasi,” tutur Teguh Nugroho.\n\
             “Tidak perlu ada pembatasan lain,” menurutnya lagi.",
            "menurutnya",
            "Teguh Nugroho",
        ),
        (
            "“Harga beras masih stabil,” menurut Kepala Dinas Pertanian Budi Waseso.",
            "menurut",
            "Budi Waseso",
        ),
    ];
    for (text, cue, speaker) in table {
        let qs = quotes(text);
        let last = qs.last().unwrap_or_else(|| panic!("{text:?}: no quote"));
        assert_eq!(last.kind, QuoteKind::Direct, "{:?}", summary(text));
        assert_eq!(
            last.cue.map(|c| c.slice(text)),
            Some(cue),
            "{:?}",
            summary(text)
        );
        assert_eq!(speaker_name(last), speaker, "{:?}", summary(text));
    }
    // A title in quote marks before `menurut` is not the speech of the one named after it.
    let text = "Program “Merdeka Belajar” menurut Nadiem Makarim sudah berjalan.";
    assert!(
        quotes(text).iter().all(|q| q.kind != QuoteKind::Direct),
        "{:?}",
        summary(text)
    );
}

#[test]
fn continuation_paragraph_keeps_the_speaker() {
    let text = "“Produksi padi turun 20 persen,” kata Bambang Hartono.\n\
                “Petani juga kesulitan pupuk sejak awal tahun.”";
    let qs = quotes(text);
    assert_eq!(qs.len(), 2);
    assert_eq!(qs[1].rule, "direct-continuation");
    assert_eq!(speaker_name(&qs[1]), "Bambang Hartono");
    assert!(qs[1].cue.is_none());
}

#[test]
fn unclosed_quote_ends_at_the_paragraph_with_lower_confidence() {
    let text =
        "“Kami belum menerima laporan apa pun dari lapangan, kata Yusuf Hamka.\nBerita lain.";
    let q = only(text);
    assert_eq!(q.content.end, text.find('\n').unwrap());
    assert!(q.confidence < 0.9);

    let closed = only("“Kami belum menerima laporan,” kata Yusuf Hamka.");
    let open = only("Yusuf Hamka mengatakan, “Kami belum menerima laporan");
    assert!(open.confidence < closed.confidence);
}

#[test]
fn scare_quotes_and_titles_are_not_speech() {
    assert!(quotes("Mereka perlu memulai “komunikasi” sejak dini.").is_empty());
    assert!(quotes("Warga menyebut jembatan itu “jembatan maut” sejak lama.").is_empty());
    assert!(
        quotes(
            "Acara itu digelar dalam webinar bertajuk “Peluncuran Katalog Usaha Mikro dan Kecil”."
        )
        .is_empty()
    );
    // A title followed by a speech verb is what the title's work says, not a quote.
    let text = "Laporan berjudul “Ekonomi Digital Asia Tenggara 2024” menyebutkan, nilai \
                transaksi daring terus naik.";
    assert!(quotes(text).iter().all(|q| q.kind != QuoteKind::Direct));
    let text = "Sejarawan Andi Rahman dalam bukunya, “Jalur Rempah Nusantara”, menjelaskan, \
                pala pernah lebih mahal dari emas.";
    assert!(quotes(text).iter().all(|q| q.kind != QuoteKind::Direct));
    // A quote that ends like speech after such a word is still speech.
    let q = only("Dalam bukunya ia menulis, “Kami tidak pernah menyerah,” kata Andi Rahman.");
    assert_eq!(q.kind, QuoteKind::Direct);
}

#[test]
fn indirect_quote_patterns() {
    let table: &[(&str, &str, &str, &str, &str)] = &[
        (
            "Menurut Ketua KPU Hasyim Asyari, logistik pemilu sudah tiba di semua kecamatan.",
            "logistik pemilu sudah tiba di semua kecamatan.",
            "Menurut",
            "Hasyim Asyari",
            "indirect-menurut",
        ),
        (
            "Kepala BMKG Dwikorita Karnawati mengatakan bahwa hujan lebat masih akan turun.",
            "hujan lebat masih akan turun.",
            "mengatakan",
            "Dwikorita Karnawati",
            "indirect-verb",
        ),
        (
            "Menteri Keuangan Sri Mulyani menegaskan, defisit anggaran tetap terkendali.",
            "defisit anggaran tetap terkendali.",
            "menegaskan",
            "Sri Mulyani",
            "indirect-verb",
        ),
        (
            "Stok beras di gudang cukup sampai akhir tahun, kata Budi Waseso.",
            "Stok beras di gudang cukup sampai akhir tahun",
            "kata",
            "Budi Waseso",
            "indirect-cue-after",
        ),
        (
            "Kementerian Kesehatan menyatakan tiga pasien sudah sembuh.",
            "tiga pasien sudah sembuh.",
            "menyatakan",
            "Kementerian Kesehatan",
            "indirect-verb",
        ),
    ];
    for &(text, content, cue, speaker, rule) in table {
        let q = only(text);
        assert_eq!(q.kind, QuoteKind::Indirect, "{text}");
        assert_eq!(q.content.slice(text), content, "{text}");
        assert_eq!(q.cue.unwrap().slice(text), cue, "{text}");
        assert_eq!(speaker_name(&q), speaker, "{text}");
        assert_eq!(q.rule, rule, "{text}");
    }
    // A resident introduced with an age (and a description) before the verb.
    let with_age: &[(&str, &str)] = &[
        (
            "Darsih (47) mengatakan harga cabai naik dua kali lipat sejak pekan lalu.",
            "Darsih",
        ),
        (
            "Rudi Hartono (52), pedagang sayur di pasar itu, mengatakan pembeli makin sepi.",
            "Rudi Hartono",
        ),
        (
            "Sulastri (38), mengaku bahwa anaknya belum bisa bersekolah tatap muka.",
            "Sulastri",
        ),
        (
            "Menurut Sulastri (38), harga beras di warung naik lagi pekan ini.",
            "Sulastri",
        ),
    ];
    for &(text, speaker) in with_age {
        let q = only(text);
        assert_eq!(q.kind, QuoteKind::Indirect, "{text}");
        assert_eq!(speaker_name(&q), speaker, "{text}");
        assert!(q.rule.starts_with("indirect-"), "{text}");
    }
    // A circumstance that no comma sets off between the subject and the verb.
    let circumstance: &[(&str, &str)] = &[
        (
            "Bupati Sleman Kustini dalam keterangan tertulisnya menyatakan, sekolah tatap muka ditunda sampai bulan depan.",
            "Kustini",
        ),
        (
            "Wali Kota Malang Sutiaji saat dikonfirmasi mengatakan, dirinya belum menerima laporan resmi.",
            "Sutiaji",
        ),
        // The day and date of the statement between commas.
        (
            "Ketua Bawaslu Kota Ambon Rina Tuasikal, Senin (14/9/2020), mengatakan, \
             pengawasan kampanye diperketat di semua kecamatan.",
            "Rina Tuasikal",
        ),
        (
            "Rina Tuasikal, saat dihubungi dari Ambon, Selasa (15/9), mengatakan, \
             pengawasan kampanye diperketat di semua kecamatan.",
            "Rina Tuasikal",
        ),
        // The day and date after a comma, without a comma before the verb.
        (
            "Hasan Basri, Kepala Dinas Perikanan Kabupaten Garut, Senin (14/9/2020) menjelaskan, \
             harga ikan turun sejak pekan lalu.",
            "Hasan Basri",
        ),
        (
            "Wali Kota Ambon Richard Louhenapessy, Sabtu (12/9) menyatakan, pasar tetap dibuka \
             dengan jam terbatas.",
            "Richard Louhenapessy",
        ),
    ];
    for &(text, speaker) in circumstance {
        let q = only(text);
        assert_eq!(q.kind, QuoteKind::Indirect, "{text}");
        assert_eq!(speaker_name(&q), speaker, "{text}");
    }
    // A run hyphenated to a lowercase word before the date ends a phrase of the clause.
    // A closing bracket with no opening one right before the verb, at the start of the text
    // (overflowed in the date rule).
    for text in [")mengatakan„kata“", ") mengatakan, “harga naik”"] {
        assert!(quotes(text).iter().all(|q| q.speaker.is_none()), "{text}");
    }
    for text in [
        "Rapat dengan bupati se-Jawa Barat, Sabtu (12/9) menyatakan, kasus baru turun pekan ini.",
        "Rapat dengan bupati se-Jawa Barat, Sabtu (12/9), menyatakan, kasus baru turun pekan ini.",
    ] {
        assert!(quotes(text).is_empty(), "{text}");
    }
    // Not when the circumstance follows an organisation or a word that opens none.
    assert!(
        quotes(
            "Data Kementerian Kesehatan dalam laporan terbarunya menyebutkan, kasus baru turun tajam pekan ini."
        )
        .is_empty()
    );
    assert!(
        quotes("Warga Bantul sebagian besar mengatakan, jalan desa itu rusak parah sejak banjir.")
            .is_empty()
    );
    // An article of a law with its verse number is no person.
    assert!(
        quotes("Pasal 27 ayat (3) menyebutkan bahwa setiap orang dilarang menyebarkan fitnah.")
            .is_empty()
    );
    // Not speech: `menurut data`, a weak verb without `bahwa`.
    assert!(quotes("Menurut data BPS, inflasi turun tipis bulan ini.").is_empty());
    assert!(quotes("Polisi menunjukkan barang bukti kepada wartawan.").is_empty());
}

#[test]
fn a_lowercase_noun_for_a_person_before_a_name_is_the_role() {
    assert_speaker_parts(&[
        (
            "Menurut pedagang Siti Aminah, pasokan cabai mulai seret sejak pekan lalu.",
            "Siti Aminah",
            Some("pedagang"),
            None,
        ),
        (
            "“Harga bawang merah anjlok,” kata petani Wartono.",
            "Wartono",
            Some("petani"),
            None,
        ),
    ]);
    // A place or an organisation after the noun is no person.
    assert!(
        quotes("“Jalan desa rusak parah,” kata warga Jakarta.")
            .iter()
            .all(|q| q.speaker.is_none())
    );
}

#[test]
fn titles_written_with_a_period_open_the_name_after_a_cue() {
    assert_speaker_parts(&[
        (
            "“Imunisasi tetap aman,” kata dr. Piprim Basarah Yanuarso.",
            "Piprim Basarah Yanuarso",
            Some("dr."),
            None,
        ),
        (
            "“Dana riset harus naik,” kata Prof. Dr. Ir. Budi Santoso Wibowo.",
            "Budi Santoso Wibowo",
            Some("Prof. Dr. Ir."),
            None,
        ),
    ]);
    // A later short mention resolves to the full name.
    let text = "“Imunisasi tetap aman,” kata dr. Piprim Basarah Yanuarso.\n\
                “Vaksin sudah diuji,” ujar Piprim.";
    let qs = quotes(text);
    assert_eq!(qs.len(), 2, "{:?}", summary(text));
    assert_eq!(speaker_name(&qs[1]), "Piprim Basarah Yanuarso");
}

#[test]
fn unmarked_quote_ends_before_the_next_speakers_menurut() {
    // (text, content of each quote in order): a conjunction opening a `menurut` clause hands
    // the rest of the sentence to the next speaker; `menurut data` inside the content, or a
    // `menurut` right after `bahwa`, does not cut it.
    let table: &[(&str, &[&str])] = &[
        (
            "Menurut Budi Santoso, harga beras naik pekan ini, sedangkan menurut Ani Wijaya, \
             harga gula justru turun.",
            &["harga beras naik pekan ini", "harga gula justru turun."],
        ),
        (
            "Gubernur Jawa Tengah Ahmad Lutfi mengatakan stok pangan aman hingga Lebaran, namun \
             menurut Siti Aminah, pasokan cabai mulai seret.",
            &[
                "stok pangan aman hingga Lebaran",
                "pasokan cabai mulai seret.",
            ],
        ),
        (
            "Kepala BPS Amalia Widyasanti menjelaskan bahwa menurut data terbaru, inflasi \
             turun tipis bulan ini.",
            &["menurut data terbaru, inflasi turun tipis bulan ini."],
        ),
        (
            "Menurut Budi, menurut Ani, harga naik lagi pekan ini.",
            &["harga naik lagi pekan ini."],
        ),
    ];
    for (text, want) in table {
        let got: Vec<String> = quotes(text)
            .iter()
            .map(|q| q.content.slice(text).to_string())
            .collect();
        assert_eq!(&got, want, "{text:?} gave {:?}", summary(text));
    }
}

#[test]
fn mixed_quote_is_the_fragment_in_reported_speech() {
    let text = "Rudi Hartono menilai bahwa kebijakan itu “sangat terlambat” bagi nelayan.";
    let q = only(text);
    assert_eq!(q.kind, QuoteKind::Mixed);
    assert_eq!(q.content.slice(text), "“sangat terlambat”");
    assert_eq!(q.cue.unwrap().slice(text), "menilai");
    assert_eq!(speaker_name(&q), "Rudi Hartono");
    assert_eq!(q.rule, "mixed");
}

#[test]
fn media_attributions_are_sources() {
    let text = "“Kami siap,” kata Budi Karya kepada Kompas.com, Senin.";
    let q = only(text);
    assert_eq!(q.source.as_deref(), Some("Kompas.com"));
    assert_eq!(speaker_name(&q), "Budi Karya");

    let text = "“Kami siap,” kata Budi Karya kepada wartawan.";
    assert_eq!(only(text).source.as_deref(), Some("wartawan"));

    let text = "Dilansir kantor berita Reuters, Joe Biden mengatakan bahwa sanksi akan diperluas.";
    let q = only(text);
    assert_eq!(q.source.as_deref(), Some("Reuters"));
    assert_eq!(speaker_name(&q), "Joe Biden");
}

const SEED: &str = include_str!("../../../examples/data/mistar-2024-04-28.txt");

fn seed_quote<'a>(qs: &'a [Quote], needle: &str) -> &'a Quote {
    qs.iter()
        .find(|q| q.content.slice(SEED).contains(needle))
        .unwrap_or_else(|| panic!("no quote with {needle:?}"))
}

#[test]
fn seed_article_quotes() {
    let qs = quotes(SEED);
    let q = seed_quote(&qs, "kunci utama");
    assert_eq!(q.kind, QuoteKind::Mixed);
    assert_eq!(q.content.slice(SEED), "“kunci utama”");
    assert_eq!(speaker_name(q), "Jake Sullivan");
    assert_eq!(q.source.as_deref(), Some("Yonhap"));

    assert!(
        !qs.iter()
            .any(|q| q.content.slice(SEED).contains("komunikasi"))
    );

    let q = seed_quote(&qs, "Suh juga memberi selamat");
    assert_eq!(q.kind, QuoteKind::Indirect);
    assert_eq!(q.rule, "indirect-menurut");
    let s = q.speaker.as_ref().unwrap();
    assert_eq!(s.name, "Kang Min-seol");
    assert_eq!(s.role.as_deref(), Some("juru bicara"));
    assert_eq!(s.affiliation.as_deref(), Some("Rumah Biru"));

    let q = seed_quote(&qs, "Mereka membahas");
    assert_eq!(q.kind, QuoteKind::Direct);
    assert_eq!(q.cue.unwrap().slice(SEED), "kata");
    let s = q.speaker.as_ref().unwrap();
    assert_eq!(s.span.slice(SEED), "Home");
    assert_eq!(s.name, "Emily Home");
    assert_eq!(s.role.as_deref(), Some("Juru Bicara"));
    assert_eq!(s.affiliation.as_deref(), Some("Dewan Keamanan Nasional AS"));

    let q = seed_quote(&qs, "dua pejabat tinggi tersebut sepakat");
    assert_eq!(q.kind, QuoteKind::Indirect);
    assert_eq!(speaker_name(q), "Blue House");

    // The statement's words are its issuer's: Emily Home (see the crate docs).
    let q = seed_quote(&qs, "menekankan komitmen");
    assert_eq!(q.kind, QuoteKind::Mixed);
    assert_eq!(q.cue.unwrap().slice(SEED), "menyatakan");
    assert_eq!(speaker_name(q), "Emily Home");
}

#[test]
fn entities_give_ids_and_organisation_speakers() {
    let text = "Badan Pusat Statistik menyatakan inflasi Mei mencapai 0,5 persen.\n\
                “Harga pangan stabil,” kata Amalia Widyasanti.";
    let bps = text.find("Badan").unwrap();
    let amalia = text.find("Amalia").unwrap();
    let entities = vec![
        KnownEntity {
            span: Span::new(bps, bps + "Badan Pusat Statistik".len()),
            id: "org:bps".into(),
            entity_type: "ORG".into(),
            canonical: "Badan Pusat Statistik".into(),
        },
        KnownEntity {
            span: Span::new(amalia, amalia + "Amalia Widyasanti".len()),
            id: "per:amalia".into(),
            entity_type: "PER".into(),
            canonical: "Amalia Adininggar Widyasanti".into(),
        },
    ];
    let lines = [
        Span::new(0, text.find('\n').unwrap()),
        Span::new(text.find('\n').unwrap() + 1, text.len()),
    ];
    let qs = Extractor::new().extract_in(text, &lines, &entities);
    assert_eq!(qs.len(), 2);
    let org = qs[0].speaker.as_ref().unwrap();
    assert_eq!(org.name, "Badan Pusat Statistik");
    assert_eq!(org.entity_id.as_deref(), Some("org:bps"));
    let per = qs[1].speaker.as_ref().unwrap();
    assert_eq!(per.entity_id.as_deref(), Some("per:amalia"));
    assert_eq!(per.name, "Amalia Adininggar Widyasanti");
}

#[test]
fn gazetteer_canonical_only_expands_the_written_name() {
    // (mention, canonical, expected name): a nickname keeps its form, linked by the id.
    let table = [
        ("Jokowi", "Joko Widodo", "Jokowi"),
        ("Widodo", "Joko Widodo", "Joko Widodo"),
    ];
    for (mention, canonical, want) in table {
        let text = format!("“Bantuan harus cepat,” kata Presiden {mention}.");
        let at = text.find(mention).unwrap();
        let entities = [KnownEntity {
            span: Span::new(at, at + mention.len()),
            id: "per:jokowi".into(),
            entity_type: "PER".into(),
            canonical: canonical.into(),
        }];
        let qs = Extractor::new().extract_in(&text, &[Span::new(0, text.len())], &entities);
        let s = qs[0].speaker.as_ref().unwrap();
        assert_eq!(s.name, want, "{text:?}");
        assert_eq!(s.entity_id.as_deref(), Some("per:jokowi"));
    }
}

#[test]
fn paragraphs_limit_the_search() {
    let text = "Menu Berita Terkini\n“Kami siap,” kata Budi Karya.";
    let body = [Span::new(text.find('“').unwrap(), text.len())];
    let qs = Extractor::new().extract_in(text, &body, &[]);
    assert_eq!(qs.len(), 1);
    assert!(body[0].contains(qs[0].content));
    // Spans off char boundaries or out of bounds are clamped, never a panic.
    let odd = [Span::new(text.find('“').unwrap() + 1, text.len() + 10)];
    let _ = Extractor::new().extract_in(text, &odd, &[]);
}

#[test]
fn builder_adds_cues_roles_and_pronouns() {
    let ex = Extractor::builder()
        .cue("seloroh", CueClass::After)
        .role("Kepala Suku")
        .pronoun("doi")
        .build();
    let text = "“Ayo pulang,” seloroh Kepala Suku Yosep Beanal.";
    let q = &ex.extract(text)[0];
    assert_eq!(q.cue.unwrap().slice(text), "seloroh");
    let s = q.speaker.as_ref().unwrap();
    assert_eq!(s.role.as_deref(), Some("Kepala Suku"));
    assert_eq!(s.name, "Yosep Beanal");
    let text = "“Ayo pulang,” kata Yosep Beanal.\n“Sudah malam,” kata doi.";
    assert_eq!(speaker_name(&ex.extract(text)[1]), "Yosep Beanal");
}

#[test]
fn extractor_is_send_and_sync() {
    fn check<T: Send + Sync + Clone>() {}
    check::<Extractor>();
}

fn check_spans(text: &str, qs: &[Quote]) {
    let ok = |s: Span| {
        s.start <= s.end
            && s.end <= text.len()
            && text.is_char_boundary(s.start)
            && text.is_char_boundary(s.end)
    };
    for q in qs {
        assert!(ok(q.content), "content {:?}", q.content);
        assert!(!q.content.is_empty());
        if let Some(c) = q.cue {
            assert!(ok(c), "cue {c:?}");
        }
        if let Some(s) = &q.speaker {
            assert!(ok(s.span), "speaker {:?}", s.span);
        }
        assert!((0.0..=1.0).contains(&q.confidence));
    }
}

#[test]
fn hostile_inputs_do_not_panic() {
    let long_line = "“a ”b \"c kata Budi, ".repeat(5_000);
    // Shapes that would make a naive scanner quadratic: capitalised cue words inside one long
    // capitalised run, dotted words, many `Menurut X,` and `yang menyatakan` in one sentence.
    let caps = "Aaa Kata Bbb Mengatakan ".repeat(3_000);
    let dots = "a.".repeat(20_000);
    let menurut = "Menurut Budi, x yang menyatakan bahwa ".repeat(2_000);
    let inputs = [
        "",
        "“",
        "”",
        "\"",
        "“”",
        "“ ” \" “",
        "kata",
        "katanya",
        "Menurut",
        "Menurut ,",
        ", kata",
        "Budi:",
        "“Halo,” kata",
        "“Halo,” katanya.",
        "\u{a0}“Halo\u{a0}dunia,”\u{a0}kata\u{a0}Budi.\r\n“Lagi,” ujarnya.\r\n",
        "“Selamat 🎉👩‍👩‍👧,” kata Budi 🇮🇩.",
        "“\u{200d}\u{200b},” kata \u{200d}Budi.",
        "X mengatakan, “",
        &long_line,
        &caps,
        &dots,
        &menurut,
    ];
    for text in inputs {
        let qs = quotes(text);
        check_spans(text, &qs);
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn spans_are_in_bounds_on_random_text(
        parts in prop::collection::vec(
            prop::sample::select(vec![
                "“", "”", "\"", "„", "«", "»", "’", " ", ", ", ". ", ": ", "\n", "\u{a0}",
                "kata", "katanya", "ujarnya", "Menurut", "mengatakan", "bahwa", "Budi",
                "Santoso", "Kepala", "Dinas", "dia", "é", "🎉", "(", ")", "-", "AS",
            ]),
            0..60,
        )
    ) {
        let text: String = parts.concat();
        let qs = quotes(&text);
        check_spans(&text, &qs);
    }

    #[test]
    fn spans_are_in_bounds_on_any_string(text in "\\PC{0,200}") {
        let qs = quotes(&text);
        check_spans(&text, &qs);
    }
}

#[test]
fn a_multibyte_character_80_bytes_after_a_parenthesis_does_not_panic() {
    for k in 0..4 {
        let text = format!(
            "“Kami hadir,” kata juru bicara(Rumah {}{}, Suh juga hadir.",
            "a".repeat(k),
            "é".repeat(60)
        );
        for q in quotes(&text) {
            assert!(text.get(q.content.start..q.content.end).is_some());
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Attribution accuracy: subjects after fronted adverbials, appositions, glued role words.
// ---------------------------------------------------------------------------------------------

#[test]
fn subject_after_a_fronted_adverbial_is_the_nya_antecedent() {
    assert_last_speakers(&[
        // A short adverbial (and a subheading glued before it) opens the sentence.
        (
            "“Stok pangan cukup,” kata Bambang Wijaya.\n\
             Tetap waspada Secara terpisah, Ketua Komisi IV DPR Sudin Harahap menyambut baik \
             langkah itu.\n\
             Rapat kerja itu berlangsung tertutup.\n\
             “Kami akan terus mengawasi,” tuturnya.",
            "Sudin Harahap",
        ),
        (
            "“Jalan sudah diperbaiki,” kata Agus Salim.\n\
             Di tempat terpisah, Kepala Dinas Perhubungan Rina Marlina meminta warga bersabar.\n\
             “Perbaikan butuh waktu dua pekan,” ujarnya.",
            "Rina Marlina",
        ),
        // A name before the comma is no adverbial: the later subject does not take over.
        (
            "“Kapal cepat kembali beroperasi,” kata Made Sutama.\n\
             Abdian Saputra, Koordinator Ekajaya Fast Boat untuk Gili, juga senang.\n\
             “Penumpang mulai datang,” tuturnya.",
            "Abdian Saputra",
        ),
        // A run inside quoted speech is not a subject.
        (
            "“Bantuan sudah disalurkan,” kata Hasan Basri.\n\
             “Warga menunggu ketegasan. Pada bulan Juni, Gubernur Jawa Barat Ridwan Kamil \
             menjanjikan bantuan itu,” ujarnya.",
            "Hasan Basri",
        ),
    ]);
}

#[test]
fn an_initial_with_a_period_stays_in_a_subject_name() {
    assert_speaker_parts(&[
        (
            "Kepala Ombudsman Jakarta Raya Rudi P. Hartono mengatakan, pelanggaran masih banyak.",
            "Rudi P. Hartono",
            Some("Kepala"),
            Some("Ombudsman Jakarta Raya"),
        ),
        (
            "Rudi P. Hartono, Kepala Ombudsman Jakarta Raya, mengatakan, pelanggaran masih \
             banyak.",
            "Rudi P. Hartono",
            Some("Kepala"),
            Some("Ombudsman Jakarta Raya"),
        ),
    ]);
    // A sentence end after an acronym or after a lowercase word is no initial.
    assert_last_speakers(&[
        (
            "Rapat dimulai pukul 10.00 WIB. Hartono mengatakan, pelanggaran masih banyak.",
            "Hartono",
        ),
        (
            "Peserta datang dari kelas B. Hartono mengatakan, pelanggaran masih banyak.",
            "Hartono",
        ),
    ]);
}

#[test]
fn an_initial_with_a_period_stays_in_a_name_read_after_a_cue() {
    assert_speaker_parts(&[
        (
            "“Pelanggaran masih banyak,” kata Kepala Ombudsman Jakarta Raya Rudi P. Hartono.",
            "Rudi P. Hartono",
            Some("Kepala"),
            Some("Ombudsman Jakarta Raya"),
        ),
        (
            "Menurut Rudi P. Hartono, pelanggaran masih banyak di wilayah itu.",
            "Rudi P. Hartono",
            None,
            None,
        ),
    ]);
    assert_last_speakers(&[
        // The name index keeps the whole name: a later surname resolves to it.
        (
            "Rapat dipimpin Rudi P. Hartono. “Kami akan memeriksa,” ujar Hartono.",
            "Rudi P. Hartono",
        ),
        (
            "“Pelanggaran masih banyak,” kata Rudi P. Hartono. “Kami akan memeriksa,” ujar \
             Hartono.",
            "Rudi P. Hartono",
        ),
        // A sentence opening after the period is no part of the name.
        (
            "“Pelanggaran masih banyak,” kata Rudi P. Ia lalu pergi ke kantor.",
            "Rudi P",
        ),
        (
            "“Pelanggaran masih banyak,” kata Rudi P. Namun polisi belum datang.",
            "Rudi P",
        ),
    ]);
}

#[test]
fn an_office_after_an_organisation_word_belongs_to_the_organisation() {
    assert_speaker_parts(&[
        (
            "“Persiapan upacara sudah rampung,” kata Kepala Sekretariat Presiden Hendra Wijaya.",
            "Hendra Wijaya",
            Some("Kepala"),
            Some("Sekretariat Presiden"),
        ),
        (
            "“Persiapan upacara sudah rampung,” kata Kepala Kantor Staf Presiden Hendra Wijaya.",
            "Hendra Wijaya",
            Some("Kepala"),
            Some("Kantor Staf Presiden"),
        ),
        (
            "“Persiapan upacara sudah rampung,” kata Kepala Sekretariat Wakil Presiden Hendra \
             Wijaya.",
            "Hendra Wijaya",
            Some("Kepala"),
            Some("Sekretariat Wakil Presiden"),
        ),
        // A title before the name stays in the role, a rank too.
        (
            "“Vaksin masih diuji,” kata Kepala Lembaga Eijkman Prof Hendra Wijaya.",
            "Hendra Wijaya",
            Some("Kepala Prof"),
            Some("Lembaga Eijkman"),
        ),
        (
            "“Jalan ditutup sementara,” kata Kepala Bidang Humas Polda Jatim Kombes Hendra \
             Wijaya.",
            "Hendra Wijaya",
            Some("Kepala Bidang Humas Kombes"),
            Some("Polda Jatim"),
        ),
    ]);
}

#[test]
fn a_heading_glued_before_a_role_is_no_part_of_the_mention() {
    assert_speaker_parts(&[
        (
            "Berturut-turut Kepala Dinas Perikanan Kabupaten Garut Hasan Basri mengatakan, harga \
             ikan turun.",
            "Hasan Basri",
            Some("Kepala"),
            Some("Dinas Perikanan Kabupaten Garut"),
        ),
        (
            "Strategi Ketua Kamar Dagang dan Industri Kota Bekasi Hasan Basri menyatakan, ekspor \
             naik tahun ini.",
            "Hasan Basri",
            Some("Ketua"),
            Some("Kamar Dagang dan Industri Kota Bekasi"),
        ),
        // A role word of the phrase itself stays (`Wakil`).
        (
            "Wakil Ketua Kamar Dagang dan Industri Kota Bekasi Hasan Basri menyatakan, ekspor \
             naik tahun ini.",
            "Hasan Basri",
            Some("Wakil Ketua"),
            Some("Kamar Dagang dan Industri Kota Bekasi"),
        ),
    ]);
}

#[test]
fn name_then_role_apposition_before_the_verb() {
    // (text, name, role, affiliation)
    let table = [
        (
            "Wahyudi Djafar, peneliti Elsam, menilai bahwa aturan itu tidak jelas.",
            "Wahyudi Djafar",
            "peneliti",
            "Elsam",
        ),
        (
            "Syarifudin, kuasa hukum Rajiun, menyampaikan bahwa kliennya tidak pernah diminta \
             persetujuan.",
            "Syarifudin",
            "kuasa hukum",
            "Rajiun",
        ),
        (
            "Budi Santoso, Kapolres Bogor, mengatakan bahwa pelaku sudah ditangkap.",
            "Budi Santoso",
            "Kapolres",
            "Bogor",
        ),
        (
            "Kepala Dinas Kesehatan, Budi Santoso, mengatakan bahwa vaksin sudah tiba.",
            "Budi Santoso",
            "Kepala",
            "Dinas Kesehatan",
        ),
        // A sentence opening with a full name: the organisation after the role, however long,
        // or the person a spokesperson speaks for, is no speaker.
        (
            "Rudi Hartono, Direktur Operasional Sinar Harapan Lestari Makmur, menjelaskan, \
             pengiriman barang tertunda dua hari.",
            "Rudi Hartono",
            "Direktur Operasional",
            "Sinar Harapan Lestari Makmur",
        ),
        (
            "Maria Lestari, juru bicara Budi Santoso, menyampaikan bahwa keluarga menghormati \
             proses hukum.",
            "Maria Lestari",
            "juru bicara",
            "Budi Santoso",
        ),
    ];
    for (text, name, role, aff) in table {
        let q = only(text);
        assert_eq!(q.kind, QuoteKind::Indirect, "{text:?}");
        let s = q.speaker.unwrap_or_else(|| panic!("{text:?}: no speaker"));
        assert_eq!(s.name, name, "{text:?}");
        assert_eq!(s.role.as_deref(), Some(role), "{text:?}");
        assert_eq!(s.affiliation.as_deref(), Some(aff), "{text:?}");
    }
}

#[test]
fn portfolio_words_glued_before_a_name_stay_out_of_it() {
    // (text, name, role, affiliation)
    let table = [
        (
            "“Dana desa sudah cair,” kata Menteri Desa, Pembangunan Daerah Tertinggal, dan \
             Transmigrasi Abdul Halim Iskandar.",
            "Abdul Halim Iskandar",
            Some("Menteri Desa, Pembangunan Daerah Tertinggal, dan Transmigrasi"),
            None,
        ),
        (
            "Menurut Menteri Desa, Pembangunan Daerah Tertinggal, dan Transmigrasi Abdul Halim \
             Iskandar, pemerintah memprioritaskan dana desa untuk pemulihan ekonomi.",
            "Abdul Halim Iskandar",
            Some("Menteri Desa, Pembangunan Daerah Tertinggal, dan Transmigrasi"),
            None,
        ),
        (
            "Menteri Desa, Pembangunan Daerah Tertinggal, dan Transmigrasi Abdul Halim Iskandar \
             mengatakan, “Dana desa sudah cair.”",
            "Abdul Halim Iskandar",
            Some("Menteri Desa, Pembangunan Daerah Tertinggal, dan Transmigrasi"),
            None,
        ),
        (
            "Menteri Kelautan dan Perikanan Edhy Prabowo menjelaskan, “Nelayan terdampak \
             pandemi.”",
            "Edhy Prabowo",
            Some("Menteri Kelautan dan Perikanan"),
            None,
        ),
        (
            "“Kami membahas rancangan peraturan itu,” kata Menteri Ketenagakerjaan Ida \
             Fauziyah.",
            "Ida Fauziyah",
            Some("Menteri Ketenagakerjaan"),
            None,
        ),
        // Role, comma, name, verb: the role before the comma is the name's.
        (
            "Kepala Dinas Sosial, Budi Santoso mengatakan, “Bantuan sudah disalurkan.”",
            "Budi Santoso",
            Some("Kepala"),
            Some("Dinas Sosial"),
        ),
        // The same shapes later in a name are surnames.
        (
            "“Kami siaga,” kata Kepala Pelaksana BPBD Jateng Bergas Catursasi Penanggungan.",
            "Bergas Catursasi Penanggungan",
            Some("Kepala Pelaksana"),
            Some("BPBD Jateng"),
        ),
    ];
    assert_speaker_parts(&table);
    // A portfolio word and a stop word of a glued subheading before a short name.
    let text = "Reformasi Birokrasi Tjahjo Kumolo menandatangani surat edaran itu.\n\
                “Pegawai dilarang mudik,” ujar Tjahjo.";
    assert_eq!(speaker_name(quotes(text).last().unwrap()), "Tjahjo Kumolo");
}

#[test]
fn roles_with_a_field_corps_or_bracketed_acronym() {
    // (text, name, role, affiliation)
    let table = [
        // A lowercase role and the words naming its field, after and before the name.
        (
            "“Tarif ojek akan naik,” ujar pengamat transportasi Djoko Setijowarno.",
            "Djoko Setijowarno",
            Some("pengamat transportasi"),
            None,
        ),
        (
            "“Putusan itu final,” ujar ahli hukum tata negara Universitas Andalas Feri Amsari \
             kepada wartawan.",
            "Feri Amsari",
            Some("ahli hukum tata negara"),
            Some("Universitas Andalas"),
        ),
        (
            "“Suara partai turun,” ujar pengamat politik dari Universitas Andalas, Asrinaldi, \
             saat dihubungi.",
            "Asrinaldi",
            Some("pengamat politik"),
            Some("Universitas Andalas"),
        ),
        (
            "Pakar epidemiologi Pandu Riono mengatakan, “Kasus akan naik.”",
            "Pandu Riono",
            Some("Pakar epidemiologi"),
            None,
        ),
        // A police or military rank with its corps is one role.
        (
            "“Personel sudah siap,” kata Kapolres Metro Jakarta Selatan Kombes Pol Budi \
             Sartono kepada wartawan.",
            "Budi Sartono",
            Some("Kapolres Kombes Pol"),
            Some("Metro Jakarta Selatan"),
        ),
        // A bracketed acronym keeps its closing bracket.
        (
            "“Kami akan mengevaluasi,” kata Sekretaris Daerah (Sekda) Kota Bandung Ema Sumarna.",
            "Ema Sumarna",
            Some("Sekretaris Daerah (Sekda)"),
            Some("Kota Bandung"),
        ),
        (
            "“Data belum lengkap,” kata Ketua Komite Nasional Keselamatan Transportasi (KNKT) \
             Soerjanto Tjahjono.",
            "Soerjanto Tjahjono",
            Some("Ketua"),
            Some("Komite Nasional Keselamatan Transportasi (KNKT)"),
        ),
        // A list of portfolios after a role that looked like it ended in a name.
        (
            "“Hujan masih turun,” ujar Kepala Pusat Data, Informasi, dan Komunikasi \
             Kebencanaan BNPB Raditya Jati.",
            "Raditya Jati",
            Some("Kepala Pusat Data, Informasi, dan Komunikasi Kebencanaan BNPB"),
            None,
        ),
    ];
    assert_speaker_parts(&table);
    // A demonstrative after the role refers back: no name is read after the field.
    let text = "“Kami tidak tahu,” ujar dokter di Puskesmas Palmerah ini.";
    assert_eq!(speaker_name(&only(text)), "dokter");
    assert_last_speakers(&[(
        "“Kasus naik,” kata ahli epidemiologi Pandu Riono.
         “Kami tidak tahu,” kata ahli tersebut kepada wartawan.",
        "Pandu Riono",
    )]);
}

#[test]
fn a_stop_word_inside_a_name_resolves() {
    assert_last_speakers(&[(
        "Kepala Dinas Peternakan Jateng Lalu M Syafriadi menuturkan, stok daging cukup.\n\
         “Harga sapi turun,” tutur Lalu.",
        "Lalu M Syafriadi",
    )]);
}

#[test]
fn epithets_with_a_demonstrative_and_aged_names_refer_back() {
    assert_last_speakers(&[
        // A one-word name given with an age is a person.
        (
            "“Penumpang sepi,” kata Kepala Dinas Perhubungan Febria Rachmanita.\n\
             Ali (19), sopir angkot, sedang menunggu penumpang di depan stasiun.\n\
             “Sepi banget, Bang,” kata sopir yang mengaku baru bekerja itu.",
            "Ali",
        ),
        (
            "“Pasar dibuka lagi,” kata Wali Kota Bekasi Rahmat Effendi.\n\
             Suharso (47), pedagang nasi goreng, mengaku kerumunan sering terjadi.\n\
             “Susah, enggak mungkin saya tegur,” ucapnya.",
            "Suharso",
        ),
        // An epithet after the cue or before the verb refers to the person named earlier.
        (
            "“Stok cukup,” kata Budi Santoso.\n\
             Pada kesempatan itu, Menteri Sosial Tri Rismaharini mengatakan bantuan segera \
             cair.\n\
             “Kami sudah siapkan datanya,” ujar perempuan kelahiran tahun 1961 itu.",
            "Tri Rismaharini",
        ),
        (
            "“Stok cukup,” kata Budi Santoso.\n\
             Menteri Sosial Tri Rismaharini mengatakan bantuan segera cair.\n\
             Perempuan kelahiran tahun 1961 itu mengatakan, “Kami sudah siapkan datanya.”",
            "Tri Rismaharini",
        ),
    ]);
    // One plain word before a demonstrative is no name.
    let text = "Laporan tersebut juga menyebutkan bahwa prospek perdagangan masih suram.";
    assert!(
        quotes(text).iter().all(|q| q.speaker.is_none()),
        "{:?}",
        summary(text)
    );
}

#[test]
fn sentence_adverbs_do_not_join_the_name() {
    assert_last_speakers(&[(
        "Wali Kota Bogor Bima Arya mengatakan, ia dirawat di rumah sakit.\n\
         Praktis Bima hanya berkomunikasi dengan perawat selama isolasi.\n\
         “Pertarungan utama adalah pertarungan mental,” ujarnya.",
        "Bima Arya",
    )]);
}

#[test]
fn a_described_name_before_the_verb_is_the_speaker() {
    // (text, name): `Name (age), description itu verb`.
    let table = [
        (
            "Arni Setiyani (28), karyawan swasta di daerah Jakarta Selatan itu menyampaikan, ia \
             sudah berbelanja sayur secara daring.",
            "Arni Setiyani",
        ),
        (
            "Budi Santoso, pedagang sayur asal Garut itu mengatakan bahwa harga terus naik.",
            "Budi Santoso",
        ),
    ];
    for (text, name) in table {
        assert_eq!(speaker_name(&only(text)), name, "{:?}", summary(text));
    }
}

/// (text, name, role, affiliation) of the last quote's speaker, checked row by row.
type SplitRow<'a> = (&'a str, &'a str, Option<&'a str>, Option<&'a str>);

fn assert_last_splits(table: &[SplitRow]) {
    for &(text, name, role, affiliation) in table {
        let q = quotes(text)
            .pop()
            .unwrap_or_else(|| panic!("{text:?}: no quote"));
        let s = q.speaker.unwrap_or_else(|| panic!("{text:?}: no speaker"));
        assert_eq!(
            (s.name.as_str(), s.role.as_deref(), s.affiliation.as_deref()),
            (name, role, affiliation),
            "{text:?}"
        );
    }
}

#[test]
fn a_rank_stands_right_before_the_name() {
    assert_last_splits(&[
        // A given name that is also an organisation word (`Tugas`) after a rank.
        (
            "“Ruang rawat masih cukup,” ujar Mayjen TNI Tugas Ratmono.",
            "Tugas Ratmono",
            Some("Mayjen TNI"),
            None,
        ),
        (
            "“Ruang rawat masih cukup,” kata Mayjen Tugas.",
            "Tugas",
            Some("Mayjen"),
            None,
        ),
        // The corps after the rank is part of it, bracketed or not.
        (
            "“Logistik sudah tiba,” kata Komandan Kodim Sleman Letnan Kolonel Inf Candra \
             Dianto.",
            "Candra Dianto",
            Some("Komandan Letnan Kolonel Inf"),
            Some("Kodim Sleman"),
        ),
        (
            "“Berkas segera kami kirim,” kata Kepala Biro Penerangan Masyarakat Polri Brigadir \
             Jenderal (Pol) Rusdi Hartono.",
            "Rusdi Hartono",
            Some("Kepala Biro Brigadir Jenderal (Pol)"),
            Some("Penerangan Masyarakat Polri"),
        ),
        // Initials right after the rank belong to the name.
        (
            "“Pelaku kabur ke hutan,” kata Kepala Polres Bitung Ajun Komisaris Besar FX \
             Winardi Prabowo.",
            "FX Winardi Prabowo",
            Some("Kepala Ajun Komisaris Besar"),
            Some("Polres Bitung"),
        ),
        // `Sekretaris Jenderal` is an office, not a rank: the organisation stays whole.
        (
            "“Jalur bus harus dibenahi,” kata Sekretaris Jenderal Masyarakat Transportasi \
             Indonesia Harya S Dillon.",
            "Harya S Dillon",
            Some("Sekretaris Jenderal"),
            Some("Masyarakat Transportasi Indonesia"),
        ),
    ]);
}

#[test]
fn long_names_keep_the_words_that_open_names() {
    assert_last_splits(&[
        (
            "“Pura ditutup sementara,” kata Ketua Majelis Adat Bali I Gusti Putu Ngurah \
             Sedana.",
            "I Gusti Putu Ngurah Sedana",
            Some("Ketua"),
            Some("Majelis Adat Bali"),
        ),
        (
            "“Kasus baru bertambah,” kata Kepala Bidang Dinas Kesehatan DKI Jakarta Dwi Oktavia \
             Tatri Lestari Handayani.",
            "Dwi Oktavia Tatri Lestari Handayani",
            Some("Kepala Bidang"),
            Some("Dinas Kesehatan DKI Jakarta"),
        ),
    ]);
}

#[test]
fn a_bracketed_acronym_inside_an_organisation_before_the_verb() {
    assert_last_splits(&[
        (
            "Kepala Pelaksana Badan Penanggulangan Bencana Daerah (BPBD) Kota Bekasi Agus \
             Harpa mengatakan, “Air mulai surut.”",
            "Agus Harpa",
            Some("Kepala Pelaksana"),
            Some("Badan Penanggulangan Bencana Daerah (BPBD) Kota Bekasi"),
        ),
        // The acronym ends the organisation: the words before it are no name.
        (
            "Ketua Umum Perhimpunan Bank Perkreditan Rakyat Indonesia (Perbarindo) Joko Suyanto \
             mengatakan, “Kredit macet naik.”",
            "Joko Suyanto",
            Some("Ketua Umum"),
            Some("Perhimpunan Bank Perkreditan Rakyat Indonesia (Perbarindo)"),
        ),
        // A modifier role word inside an organisation's name is no rank.
        (
            "“Hasil rekapitulasi diumumkan besok,” kata Ketua Komisi Pemilihan Umum Arief \
             Budiman.",
            "Arief Budiman",
            Some("Ketua"),
            Some("Komisi Pemilihan Umum"),
        ),
    ]);
}

#[test]
fn a_subject_with_two_roles_joined_by_sekaligus() {
    assert_last_splits(&[(
        "Budi Santoso, Ketua Koperasi Tani Maju sekaligus Direktur PT Sinar Jaya, mengatakan, \
         “Harga pupuk naik.”",
        "Budi Santoso",
        Some("Ketua"),
        Some("Koperasi Tani Maju"),
    )]);
}

#[test]
fn organisation_names_glued_to_the_speaker_are_split_off() {
    assert_last_splits(&[
        // A programme named by a verb phrase is no person, before a name or alone.
        (
            "“Kami melatih para ibu menganyam,” kata Pendiri Membangun Harapan Sari Wulandari \
             Putri.",
            "Sari Wulandari Putri",
            Some("Pendiri"),
            Some("Membangun Harapan"),
        ),
        // The end of a university's name (`Sam Ratulangi`) before a person named alone
        // later.
        (
            "Menurut dosen Universitas Sam Ratulangi Flora Kalalo, pemilih harus datang.\n\
             “Petugas sudah siap,” kata Flora.",
            "Flora Kalalo",
            None,
            Some("Universitas Sam Ratulangi"),
        ),
        // An organisation that also stands alone in the article (`Du Anyam`).
        (
            "Direktur Komunitas Du Anyam Hanna Keraf berkunjung ke desa.\n\
             Kini, ribuan ibu menjadi mitra binaan Du Anyam.\n\
             “Penjualan turun tajam,” kata Hanna.",
            "Hanna Keraf",
            Some("Direktur"),
            Some("Komunitas Du Anyam"),
        ),
    ]);
    // `Menganyam Pesisir membina …`: no `-nya` antecedent.
    let text = "Pendiri Menganyam Pesisir Kharolin Hilda Amazona mengatakan, banyak ibu butuh \
                uang.\nMenganyam Pesisir lalu membina sepuluh ibu di Gunung Kidul.\n\
                “Kami membuat dompet kulit,” ujarnya.";
    assert_eq!(
        speaker_name(&quotes(text).pop().unwrap()),
        "Kharolin Hilda Amazona",
        "{:?}",
        summary(text)
    );
}

#[test]
fn an_officer_introduced_by_rank_is_not_an_earlier_namesake() {
    let text = "“Warga masih abai,” kata Camat Neglasari, Kabupaten Tangerang, Ubaidillah Ansar, \
                Sabtu.\nWakil Kepala Satuan Lalu Lintas Polres Metro Tangerang Kota Komisaris \
                Ubaidillah mengatakan, warga sudah menaati aturan.\n“Kami terus berjaga,” kata \
                Ubaidillah.";
    let s = quotes(text).pop().unwrap().speaker.unwrap();
    assert_eq!(s.name, "Ubaidillah", "{:?}", summary(text));
    assert!(s.role.unwrap().contains("Komisaris"));
    // A politician named again with another office is the same person.
    assert_last_speakers(&[(
        "Gubernur Jawa Barat Ridwan Kamil mengatakan, sekolah tetap tutup.\nKetua Gugus Tugas \
         Jawa Barat Ridwan mengatakan, tes diperbanyak.\n“Kasus turun,” kata Ridwan.",
        "Ridwan Kamil",
    )]);
}

#[test]
fn a_law_with_a_demonstrative_is_no_speaker() {
    let text = "Camat Budi Santoso mengatakan, pabrik tetap buka.\nPasal 9 ketentuan itu \
                menyatakan bahwa pabrik harus menjaga jarak karyawan.";
    let qs = quotes(text);
    assert!(
        qs.iter()
            .all(|q| !q.content.slice(text).contains("menjaga jarak") || q.speaker.is_none()),
        "{:?}",
        summary(text)
    );
}

#[test]
fn an_office_then_a_rank_and_name_after_a_comma() {
    assert_last_splits(&[
        (
            "“Pelaku sudah kami tahan,” kata Kepala Bidang Humas Polda Metro Jaya, Komisaris \
             Besar Yusri Yunus, Senin.",
            "Yusri Yunus",
            Some("Kepala Bidang Humas Komisaris Besar"),
            Some("Polda Metro Jaya"),
        ),
        (
            "Kepala Bidang Humas Polda Metro Jaya, Komisaris Besar Yusri Yunus, mengatakan, \
             “Pelaku sudah kami tahan.”",
            "Yusri Yunus",
            Some("Kepala Bidang Humas Komisaris Besar"),
            Some("Polda Metro Jaya"),
        ),
        (
            "“Logistik pilkada aman,” kata Komandan Kodim 1702 Jayawijaya, Letnan Kolonel Inf \
             Candra Dianto.",
            "Candra Dianto",
            Some("Komandan Letnan Kolonel Inf"),
            Some("Kodim 1702 Jayawijaya"),
        ),
        // A rank written as an acronym.
        (
            "“Kasus ini kami dalami,” kata Kasubdit IV Renakta Ditreskrimum Polda Jambi, AKBP \
             Hasan Basri, di Jambi, Selasa.",
            "Hasan Basri",
            Some("Kasubdit AKBP"),
            Some("IV Renakta Ditreskrimum Polda Jambi"),
        ),
    ]);
}

#[test]
fn an_abbreviated_office_resolves_to_the_person_named_with_it_written_out() {
    assert_last_speakers(&[
        (
            "Menteri Sosial Juliari Batubara meninjau gudang beras.\nMenteri Kesehatan Terawan \
             Agus Putranto juga datang.\n“Data penerima sudah diperbarui,” kata Mensos.",
            "Juliari Batubara",
        ),
        (
            "Kepala Polres Bogor Ajun Komisaris Besar Harun Santoso memimpin razia.\n“Kami \
             menyita dua truk,” kata Kapolres.",
            "Harun Santoso",
        ),
        (
            "Kepala Kejaksaan Negeri Garut Hasan Basri meninjau lokasi.\n“Berkas sudah \
             lengkap,” kata Kajari.",
            "Hasan Basri",
        ),
    ]);
    // An office named without the person resolves to the holder of that office, not to the
    // latest person holding another `Kepala …` office.
    assert_last_speakers(&[
        (
            "Kepala Dinas Kesehatan Kota Bogor Sri Nowo Retno meninjau puskesmas. Kepala Polres \
             Bogor Harun Santoso juga hadir.\n“Vaksin cukup,” kata Kepala Dinas Kesehatan.",
            "Sri Nowo Retno",
        ),
        (
            "Kepala Polres Bogor Harun Santoso hadir. Kepala Dinas Kesehatan Kota Bogor Sri \
             Nowo Retno meninjau puskesmas.\n“Pelaku kami tangkap,” kata Kepala Polres.",
            "Harun Santoso",
        ),
    ]);
    // An abbreviated office before the name is a role.
    assert_last_splits(&[(
        "Kajari Garut Hasan Basri menyebutkan, berkas perkara sudah lengkap.",
        "Hasan Basri",
        Some("Kajari"),
        Some("Garut"),
    )]);
    // After an organisation whose own name ends with a person's name (`Universitas Lambung
    // Mangkurat`), a word that opens names starts the speaker's name.
    assert_last_splits(&[(
        "“Industri pangan harus disiapkan,” kata Guru Besar Fakultas Ekonomi Universitas \
         Lambung Mangkurat Muhammad Handry Imansyah.",
        "Muhammad Handry Imansyah",
        Some("Guru Besar"),
        Some("Fakultas Ekonomi Universitas Lambung Mangkurat"),
    )]);
}

#[test]
fn an_organisation_name_after_a_lowercase_connector_is_split_off() {
    assert_last_splits(&[(
        "Direktur Eksekutif Institute for Essential Services Reform Fabby Tumiwa menilai, \
         tarif listrik harus turun.\n“Pasokan gas cukup,” kata Fabby.",
        "Fabby Tumiwa",
        None,
        Some("Institute for Essential Services Reform"),
    )]);
}

#[test]
fn rank_corps_name_opener_and_abbreviation_lists_are_extendable() {
    // (text, one entry added, speaker's name and role without it, with it); `Pelda` and `Menpar`
    // are roles in both.
    type Build = fn(crate::ExtractorBuilder) -> crate::ExtractorBuilder;
    type Who = (&'static str, Option<&'static str>);
    let table: &[(&str, Build, Who, Who)] = &[
        (
            "“Jalur itu sudah aman,” kata Letkol Kes Darmawan Putra.",
            |b| b.corps_word("kes"),
            ("Kes Darmawan Putra", Some("Letkol")),
            ("Darmawan Putra", Some("Letkol Kes")),
        ),
        (
            "“Pos jaga dibuka malam ini,” kata Pelda Tugas Hidayat.",
            |b| b.rank_word("PELDA"),
            ("Hidayat", Some("Pelda")),
            ("Tugas Hidayat", Some("Pelda")),
        ),
        (
            "“Panen tahun ini bagus,” kata Ketua Adat Suku Daeng Andi Mappa Sultan Rahman Hakim.",
            |b| b.name_opener("Daeng"),
            ("Andi Mappa Sultan Rahman Hakim", Some("Ketua")),
            ("Daeng Andi Mappa Sultan Rahman Hakim", Some("Ketua")),
        ),
        (
            "Menteri Pariwisata Arief Wibowo meninjau Danau Toba.\n“Kunjungan naik,” kata Menpar.",
            |b| b.role_abbreviation("Menpar", "Menteri", "Pariwisata"),
            ("Menpar", Some("Menpar")),
            ("Arief Wibowo", Some("Menpar")),
        ),
    ];
    for &(text, add, without, with) in table {
        let base = || Extractor::builder().role("Pelda").role("Menpar");
        for (ex, (name, role)) in [(base().build(), without), (add(base()).build(), with)] {
            let qs = ex.extract(text);
            let s = qs.last().and_then(|q| q.speaker.clone());
            let s = s.unwrap_or_else(|| panic!("{text:?}: no speaker"));
            assert_eq!(s.name, name, "{text:?}");
            assert_eq!(s.role.as_deref(), role, "{text:?}");
        }
    }
}

#[test]
fn office_with_place_rank_with_profession_and_office_epithets() {
    assert_last_speakers(&[
        // The sentence's opening office goes on after `di` with its place, then the person.
        (
            "Ketua Asosiasi Pengusaha Angkutan Sungai di Kalimantan (Apasuka) Kalimantan Barat \
             Rudi Hartono mempertanyakan aturan itu.\n“Belum ada uji cobanya,” katanya.",
            "Rudi Hartono",
        ),
        (
            "Ketua Himpunan Nelayan Tradisional di Kabupaten Cirebon Sutrisno Hadi menolak \
             rencana itu.\n“Kami belum diajak bicara,” ujarnya.",
            "Sutrisno Hadi",
        ),
        // A later short mention of a name introduced after a rank and a profession.
        (
            "Komandan Satgas Wisma Atlet, Mayor Jenderal TNI dokter Tugas Wibowo, menyebut pasien \
             bertambah.\n“Kami optimalkan ruang yang ada,” tutur Mayjen Tugas dalam siaran pers.",
            "Tugas Wibowo",
        ),
        // An office that names nobody of the article, closed by a demonstrative, is the
        // person the article is about.
        (
            "Presiden Joko Widodo meninjau pasar di Solo.\nMantan Gubernur DKI Jakarta itu pun \
             kembali menyampaikan rendahnya disiplin warga.\n“Saya sudah ingatkan,” ujarnya.",
            "Joko Widodo",
        ),
        (
            "Presiden Joko Widodo meninjau pasar di Solo.\n“Saya sudah ingatkan,” kata mantan \
             Gubernur DKI Jakarta tersebut.",
            "Joko Widodo",
        ),
        // An office that does name someone of the article stays that person.
        (
            "Menteri Sosial Tri Rismaharini dan Presiden Joko Widodo meninjau pasar.\n“Saya \
             sudah ingatkan,” kata Menteri Sosial itu.",
            "Tri Rismaharini",
        ),
    ]);
    assert_speaker_parts(&[
        (
            "“Jangan diremehkan,” kata Komandan Rumah Sakit Darurat, Letnan Kolonel Laut dokter \
             gigi M Arifin, saat dihubungi.",
            "M Arifin",
            Some("Komandan Letnan Kolonel Laut dokter gigi"),
            Some("Rumah Sakit Darurat"),
        ),
        (
            "“Jangan diremehkan,” kata Letnan Kolonel Laut dokter gigi Budi Arifin.",
            "Budi Arifin",
            Some("Letnan Kolonel Laut dokter gigi"),
            None,
        ),
    ]);
}

#[test]
fn a_candidate_of_a_pair_is_the_person_not_the_ticket() {
    assert_last_speakers(&[
        (
            "Hitung cepat menunjukkan pasangan Rahmat Hidayat-Sulastri Wibowo unggul.\nDi posko \
             pemenangan, Rahmat mengatakan, timnya menunggu hasil resmi.",
            "Rahmat Hidayat",
        ),
        // One person's hyphenated surname stays whole.
        (
            "Sekretaris Perusahaan PT Sawit Jaya Irwan Perangin-Angin menyatakan harga naik.\n\
             “Permintaan tinggi,” kata Irwan.",
            "Irwan Perangin-Angin",
        ),
    ]);
    for (name, surface, want) in [
        ("Eri Cahyadi-Armuji", "Eri", "Eri Cahyadi"),
        ("Eri Cahyadi-Armuji", "armuji", "Armuji"),
        ("Eri Cahyadi-Armuji", "Eri Armuji", "Eri Cahyadi-Armuji"),
        ("Irwan Perangin-Angin", "Irwan", "Irwan Perangin-Angin"),
        ("Umar Al-Farisi", "Umar", "Umar Al-Farisi"),
        ("Budi Santoso", "Budi", "Budi Santoso"),
    ] {
        assert_eq!(
            crate::names::pair_side(name, surface),
            want,
            "{name} / {surface}"
        );
    }
    // A programme's card takes its name as complement: `Kartu Prakerja` is no part of the
    // person's name.
    assert_speaker_parts(&[(
        "“Insentif cair pekan depan,” kata Direktur Komunikasi Manajemen Pelaksana Kartu \
         Prakerja Budi Wiryawan.",
        "Budi Wiryawan",
        Some("Direktur"),
        Some("Komunikasi Manajemen Pelaksana Kartu Prakerja"),
    )]);
}

#[test]
fn a_place_before_the_verb_is_no_subject() {
    // (text, speaker of the reported speech)
    assert_last_speakers(&[
        (
            "Ketua KPU Jambi Rudi Santoso di Muara Bungo mengatakan, rekapitulasi suara selesai \
             pekan depan.",
            "Rudi Santoso",
        ),
        (
            "Menteri Koordinator Bidang Perekonomian Budi Hartanto dalam jumpa pers, Senin \
             (3/5/2021), di Jakarta mengatakan, stimulus ekonomi akan ditambah.",
            "Budi Hartanto",
        ),
        (
            "Juru Bicara Satgas Covid-19 Provinsi Maluku Andi Rerung, saat dihubungi di Ambon, \
             mengatakan, pegawai pemerintah provinsi wajib menjalani tes antigen.",
            "Andi Rerung",
        ),
        (
            "Teguh (37), pedagang daging sapi di Pasar Kebayoran Lama, Jakarta Selatan, \
             menyampaikan, permintaan pasar meningkat dua kali lipat.",
            "Teguh",
        ),
        (
            "Darmi (45), karyawan swasta yang tinggal di Sawah Besar, Jakarta Pusat, mengaku \
             sangat ingin berlibur bersama keluarganya.",
            "Darmi",
        ),
        // An organisation after a fronted place phrase is still the subject.
        (
            "Di Kota Medan, Ombudsman RI Perwakilan Sumatera Utara menilai pelaksanaan \
             pembatasan sosial belum efektif.",
            "Ombudsman RI Perwakilan Sumatera Utara",
        ),
    ]);
    // A place alone, with no person before it, makes no speaker.
    let text = "Menanggapi libur panjang, sejumlah warga di Bandung menyatakan ingin pulang ke \
                kampung halaman.";
    assert!(
        quotes(text)
            .iter()
            .all(|q| q.speaker.as_ref().is_none_or(|s| s.name != "Bandung")),
        "{:?}",
        summary(text)
    );
    // A stop word inside an organisation's name, read back from the verb.
    assert_speaker_parts(&[(
        "Kepala Pusat Penerangan Kementerian Dalam Negeri Bahtiar mengatakan, dasar hukum \
         larangan mudik ditetapkan pemerintah pusat.",
        "Bahtiar",
        Some("Kepala Pusat"),
        Some("Penerangan Kementerian Dalam Negeri"),
    )]);
}

#[test]
fn organisation_words_before_a_name_stay_out_of_it() {
    // (text, speaker's name)
    assert_last_speakers(&[
        (
            "Menteri Koperasi dan Usaha Kecil Menengah Hendra Saputra menyampaikan, pusat \
             layanan konsultasi segera dibuka.",
            "Hendra Saputra",
        ),
        (
            "Koordinator Nasional Jaringan Pemantau Nurul Hidayah mengatakan, bantuan sudah \
             disalurkan ke 200 desa.",
            "Nurul Hidayah",
        ),
        (
            "Wakil Ketua Kamar Dagang Bidang Hubungan Internasional Ratna Dewi berpendapat, \
             ekspor akan tertekan resesi.",
            "Ratna Dewi",
        ),
        (
            "Direktur Eksekutif Institute for Global Justice Sari Lestari menyampaikan, perjanjian \
             itu merugikan petani.",
            "Sari Lestari",
        ),
        (
            "“Helikopter sudah disiagakan,” kata Kepala Dinas Penerangan Angkatan Udara Marsekal \
             Pertama Arif Gunawan.",
            "Arif Gunawan",
        ),
        (
            "Imam Besar Masjid Raya Ahmad Fauzi mengimbau warga beribadah di rumah.\n“Ibadah \
             bisa dilakukan di rumah,” kata Fauzi.",
            "Ahmad Fauzi",
        ),
        // A preposition opening the sentence is no part of the name after it.
        (
            "Ketua Forum Pemuda Asep Rohman membina para pemuda desa.\nBersama Muhaimin yang \
             menjadi penasihat, para pemuda belajar beternak.\n“Pemuda mendapat tempat \
             berkegiatan,” ujarnya.",
            "Asep Rohman",
        ),
        // `Imam` alone is a first name, not a role.
        (
            "“Kami terus berpatroli,” kata Kepala Polsek Sukajadi Komisaris Imam Syafii.",
            "Imam Syafii",
        ),
    ]);
}

#[test]
fn berpesan_reports_speech() {
    let text = "Ketua MPR Bagus Santoso berpesan agar warga merayakan Lebaran di rumah saja.";
    let q = only(text);
    assert_eq!(q.kind, QuoteKind::Indirect);
    assert_eq!(q.cue.map(|c| c.slice(text)), Some("berpesan"));
    assert_eq!(speaker_name(&q), "Bagus Santoso");
}

#[test]
fn an_epithet_or_an_organisation_word_refers_back_to_a_person() {
    assert_last_speakers(&[
        // A lowercase office closed by a demonstrative is an epithet of the person the article
        // is about, even when another doctor was named.
        (
            "Ketua Ikatan Dokter Indonesia dokter Ahmad Faqih mengimbau tenaga kesehatan ikut \
             vaksinasi.\nSekretaris Puskesmas Sukamaju Rina Lestari mengatakan, rekan-rekannya \
             sempat ragu.\n“Saya mendukung program ini,” kata dokter di Puskesmas Kecamatan \
             Sukamaju ini.",
            "Rina Lestari",
        ),
        // An epithet refers back to the subject of the reported speech before it.
        (
            "Juru Bicara Presiden Dimas Pratama menyebut kantor pemerintah tutup.\nPesan para \
             ketua Di tempat terpisah, Ketua MPR Bagus Santoso berpesan agar warga merayakan \
             Lebaran di rumah saja.\n“Kita lawan wabah dengan silaturahmi jarak jauh,” kata \
             politisi senior Partai Golkar ini.",
            "Bagus Santoso",
        ),
        // One organisation word that is also the first name of a person introduced earlier.
        (
            "Komandan Satgas, Mayjen TNI Tugas Wibowo, menyebut pasien bertambah.\nTugas \
             menuturkan, pihaknya mengoptimalkan pelayanan ICU di rumah sakit darurat.",
            "Tugas Wibowo",
        ),
    ]);
}

#[test]
fn a_described_person_speaks_not_the_place_of_the_description() {
    // (text, speaker of the reported speech)
    assert_last_speakers(&[
        (
            "Sulastri (52), warga Kecamatan Depok, mengatakan, air sungai naik sejak subuh.",
            "Sulastri",
        ),
        (
            "Hendra Gunawan, peternak asal Desa Sukamaju, Kabupaten Garut, menyatakan, harga \
             pakan ternak terus naik.",
            "Hendra Gunawan",
        ),
        (
            "Rina (40), tetangga Sutrisno, mengatakan, warga sepakat tetap di rumah.",
            "Rina",
        ),
        // A person in apposition before a place phrase and a date.
        (
            "Bambang Wijaya, Wakil Bupati Sleman, di Pendopo Sleman, Senin (3/8/2020), \
             menyampaikan, sekolah belum dibuka.",
            "Bambang Wijaya",
        ),
        // A circumstance without commas before the date, after a list of portfolios.
        (
            "Deputi Bidang Usaha, Riset, dan Teknologi Kementerian BUMN Rudi Hartono dalam \
             jumpa pers daring, Selasa (9/6/2020), menyatakan, proyek tetap berjalan.",
            "Rudi Hartono",
        ),
        // English words inside an organisation's name do not describe.
        (
            "Direktur Center of Reform on Economics Indonesia Yusuf Hakim, Rabu (6/5/2020), \
             mengatakan, daya beli turun.",
            "Yusuf Hakim",
        ),
        // A role before the name is no description.
        (
            "Sementara itu, pakar epidemiologi Dedi Kurnia, Kamis (2/7/2020), mengatakan, tes \
             harus diperbanyak.",
            "Dedi Kurnia",
        ),
        // A sentence's opening noun and its modifier describe the organisation that speaks.
        (
            "Kelompok pemberontak Houthi, Senin, menyatakan bertanggung jawab atas serangan \
             itu.",
            "Houthi",
        ),
    ]);
    // A word inside the clause before a date is no subject.
    let text = "Gubernur Budi Santoso dalam rapat membahas evaluasi proyek dampak Covid-19, Jumat \
                (29/5/2020), menegaskan, proyek strategis harus berjalan.";
    assert!(
        quotes(text)
            .iter()
            .all(|q| q.speaker.as_ref().is_none_or(|s| s.name != "Covid-19")),
        "{:?}",
        summary(text)
    );
}

#[test]
fn an_epithet_of_the_president_resolves_to_the_president_named_before() {
    assert_last_speakers(&[
        (
            "Presiden Joko Widodo meninjau lokasi banjir di Bekasi.\n“Kami akan bantu,” kata \
             Kepala Negara.",
            "Joko Widodo",
        ),
        (
            "Presiden Susilo Bambang Yudhoyono membuka sidang kabinet.\n“Semua harus bekerja,” \
             ujar Kepala Negara.",
            "Susilo Bambang Yudhoyono",
        ),
    ]);
    // Nobody holds the office: the epithet stays.
    assert_last_speakers(&[("“Kami akan bantu,” kata Kepala Negara.", "Kepala Negara")]);
}

#[test]
fn person_noun_connector_circumstance_conjunction_adverb_and_demonstrative_lists_are_extendable() {
    // (text, extension, speaker without it, speaker with it)
    type Extend = fn(crate::ExtractorBuilder) -> crate::ExtractorBuilder;
    let table: &[(&str, Extend, Option<&str>, &str)] = &[
        (
            "Ketua RT Budi Santoso tiba di posko.\nPetugas itu mengatakan, stok makanan di posko \
             masih cukup.",
            |b| b.person_noun("petugas"),
            None,
            "Budi Santoso",
        ),
        (
            "“Kami siap,” kata Ahmad ibn Hasan.",
            |b| b.connector("ibn"),
            Some("Ahmad"),
            "Ahmad ibn Hasan",
        ),
        (
            "Bupati Bekasi Budi Santoso selagi meninjau pasar mengatakan, harga beras di pasar \
             tetap stabil sepekan ini.",
            |b| b.circumstance_opener("selagi"),
            None,
            "Budi Santoso",
        ),
        (
            "Rina (40), pedagang sayur, tapi Hasan Basri, Senin (3/8/2020), mengatakan, pasar \
             sepi sejak pekan lalu karena hujan.",
            |b| b.conjunction("tapi"),
            Some("Rina"),
            "Hasan Basri",
        ),
        (
            "Bupati Bekasi Budi Santoso rupanya mengatakan, harga beras di pasar tetap stabil \
             sepekan ini.",
            |b| b.adverb("rupanya"),
            None,
            "Budi Santoso",
        ),
        (
            "Ketua RT Budi Santoso tiba di posko.\n“Stok makanan masih cukup,” kata pria \
             berusia 45 tahun tadi.",
            |b| b.demonstrative("tadi"),
            None,
            "Budi Santoso",
        ),
    ];
    for &(text, extend, before, after) in table {
        let name = |ex: &Extractor| {
            ex.extract(text)
                .last()
                .and_then(|q| q.speaker.as_ref().map(|s| s.name.clone()))
        };
        assert_eq!(name(&Extractor::new()).as_deref(), before, "{text:?}");
        let ex = extend(Extractor::builder()).build();
        assert_eq!(name(&ex).as_deref(), Some(after), "{text:?}");
    }
    // The built-in lists are in place: a connector inside a name, a circumstance after a
    // subject, a noun for a person opening an epithet.
    assert_last_speakers(&[
        ("“Kami siap,” kata Abdul bin Ahmad.", "Abdul bin Ahmad"),
        (
            "Bupati Bekasi Budi Santoso saat meninjau pasar mengatakan, harga beras di pasar \
             tetap stabil sepekan ini.",
            "Budi Santoso",
        ),
        (
            "Ketua RT Budi Santoso tiba di posko.\nPria berusia 30 tahun itu mengatakan, stok makanan \
             cukup.",
            "Budi Santoso",
        ),
        // An adverb between the subject and its verb, a demonstrative closing an epithet.
        (
            "Bupati Bekasi Budi Santoso juga mengatakan, harga beras di pasar tetap stabil.",
            "Budi Santoso",
        ),
        (
            "Ketua RT Budi Santoso tiba di posko.\n“Stok makanan masih cukup,” kata pria \
             berusia 45 tahun tersebut.",
            "Budi Santoso",
        ),
    ]);
}

#[test]
fn an_organisation_glued_before_a_name_is_cut_off_when_the_document_shows_it() {
    // (text, speaker of the last quote, its affiliation)
    let table: &[(&str, &str, Option<&str>)] = &[
        // The organisation ends another run (`PT Sinarmas`), the person is referred to by the
        // word after it (`kata Hendra`).
        (
            "Direktur Utama Sinarmas Hendra Wijaya meninjau gudang di Cikarang.\nPendapatan PT \
             Sinarmas naik dua kali lipat.\n“Kami optimistis,” kata Hendra.",
            "Hendra Wijaya",
            Some("Sinarmas"),
        ),
        // An organisation of several words that stands alone elsewhere leaves a one-word name.
        (
            "Ketua Serikat Pekerja Hotel Mawar Indah Wahyu hadir dalam pertemuan itu.\nWahyu dan \
             karyawan Hotel Mawar Indah mogok kerja.\n“Kami ingin upah layak,” kata Wahyu.",
            "Wahyu",
            Some("Serikat Pekerja Hotel Mawar Indah"),
        ),
        // A first name that ends no other run stays (`kata Riza` alone is no evidence).
        (
            "Kepala Dinas Kesehatan Ahmad Riza Patria meninjau puskesmas.\n“Kami siap,” kata \
             Riza.",
            "Ahmad Riza Patria",
            Some("Dinas Kesehatan"),
        ),
    ];
    for &(text, name, aff) in table {
        let qs = quotes(text);
        let s = qs
            .last()
            .and_then(|q| q.speaker.clone())
            .unwrap_or_else(|| panic!("{text:?}: no speaker"));
        assert_eq!(s.name, name, "{text:?}");
        assert_eq!(s.affiliation.as_deref(), aff, "{text:?}");
    }
}

#[test]
fn a_phrase_closed_by_a_demonstrative_is_no_subject_of_yang() {
    // A sentence opening with a noun phrase closed by `ini`/`itu`/`tersebut` speaks of a
    // thing named before; `yang menyebut` does not make it a speaker.
    for (text, word) in [
        (
            "Angka ini lebih tinggi dari laporan dinas pekan lalu, yang menyebut jumlah kasus \
             baru turun separuh.",
            "Angka",
        ),
        (
            "Jumlah itu masih jauh dari target lembaga, yang menyatakan bahwa stok beras di \
             gudang cukup sampai Juni.",
            "Jumlah",
        ),
        (
            "Lonjakan harga cabai tersebut bertolak belakang dengan laporan, yang menyebutkan \
             pasokan dari petani masih aman.",
            "Lonjakan",
        ),
        (
            "Keputusan rapat itu membantah kabar yang menyatakan sekolah akan ditutup.",
            "Keputusan",
        ),
    ] {
        assert_no_speaker_named(text, word);
    }
    // A name opening the sentence still is the subject, also when a verb's object closes
    // with a demonstrative.
    assert_last_speakers(&[
        (
            "Budi Santoso, yang menyatakan bahwa harga beras akan turun, hadir di pasar.",
            "Budi Santoso",
        ),
        (
            "Budi Santoso menolak keputusan itu, yang menyatakan bahwa harga beras akan turun.",
            "Budi Santoso",
        ),
    ]);
}

#[test]
fn a_function_word_opening_a_sentence_is_no_speaker() {
    for (text, word) in [
        (
            "Ada pedagang yang menyatakan penjualan turun tajam sejak awal pandemi.",
            "Ada",
        ),
        (
            "Menurutnya, menjawab krisis pangan bisa dilakukan dengan memperkuat petani lokal.",
            "Menurutnya",
        ),
        (
            "Kendati mengakui tidak mendengar suara gemuruh, warga tetap waspada di rumah.",
            "Kendati",
        ),
    ] {
        assert_no_speaker_named(text, word);
    }
    // A manuscript that tells is no antecedent of a `-nya` cue.
    let text = "Serat Centhini menceritakan kehidupan masyarakat Jawa pada abad ke-16.\n“Tempe \
                sudah dikenal sejak lama,” ujarnya.";
    let last = quotes(text).pop().expect("the direct quote");
    assert!(
        last.speaker.is_none_or(|s| s.name != "Serat Centhini"),
        "{:?}",
        summary(text)
    );
}

#[test]
fn professions_english_titles_and_minister_abbreviations_are_roles() {
    assert_speaker_parts(&[
        (
            "Antropolog Rudi Hartono berpendapat, ruang publik kota makin sempit bagi warga.",
            "Rudi Hartono",
            Some("Antropolog"),
            None,
        ),
        (
            "“Perjalanan kereta tetap normal,” kata Vice President Public Relations KAI Budi \
             Santoso.",
            "Budi Santoso",
            Some("Vice President"),
            Some("Public Relations KAI"),
        ),
        (
            "“Liga akan dimulai bulan depan,” kata Menpora Arif Wibowo.",
            "Arif Wibowo",
            Some("Menpora"),
            None,
        ),
    ]);
}
