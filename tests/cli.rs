//! The CLI contract, tested by running the `warta` binary: one output line per JSONL input line
//! in order, errors naming the line, clear messages and the documented exit codes (0 ok, 1 some
//! input failed, 2 usage or configuration) for bad inputs, closed pipes and broken gazetteers.

use std::io::{BufRead, BufReader, Read, Write};
use std::path::PathBuf;
use std::process::{Command, Output, Stdio};

use serde_json::Value;

/// Starts `warta args…` with piped standard streams.
fn spawn_warta(args: &[&str]) -> std::process::Child {
    Command::new(env!("CARGO_BIN_EXE_warta"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("warta starts")
}

/// Runs `warta args…` with `stdin` as standard input.
fn warta(args: &[&str], stdin: &[u8]) -> Output {
    let mut child = spawn_warta(args);
    let mut input = child.stdin.take().expect("stdin");
    let data = stdin.to_vec();
    let writer = std::thread::spawn(move || {
        // The child may stop reading early; that is its business.
        let _ = input.write_all(&data);
    });
    let output = child.wait_with_output().expect("warta runs");
    writer.join().expect("the writer thread ends");
    output
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

fn stdout_lines(output: &Output) -> Vec<Value> {
    String::from_utf8(output.stdout.clone())
        .expect("UTF-8 output")
        .lines()
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("{e}: {l:?}")))
        .collect()
}

/// Never a panic, a backtrace or a Rust debug dump on stderr.
fn assert_no_panic(output: &Output) {
    let err = stderr(output);
    for sign in ["panicked", "RUST_BACKTRACE", "stack backtrace", "Os {"] {
        assert!(!err.contains(sign), "stderr shows {sign:?}: {err}");
    }
}

/// A fresh scratch directory for one test.
fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("warta-cli-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("a scratch directory");
    dir
}

#[test]
fn every_jsonl_line_yields_one_output_line_in_order() {
    let mut input = String::new();
    for i in 0..300 {
        let line = match i % 6 {
            0 => serde_json::json!({"id": i, "text": "“Kami siap,” kata Budi di Jakarta."}),
            1 => serde_json::json!({"id": format!("doc-{i}"), "text": ""}),
            2 => {
                serde_json::json!({"id": i, "text": "Baca Juga: Harga BBM Naik\n\nWarga menyambut baik rencana itu."})
            }
            3 => serde_json::json!({"id": i}),
            4 => serde_json::json!({"id": i, "text": 42}),
            _ => Value::String(format!("{{\"id\": {i}, broken")),
        };
        match line {
            Value::String(raw) => input.push_str(&raw),
            value => input.push_str(&value.to_string()),
        }
        input.push('\n');
    }
    let output = warta(&["analyze", "--jsonl"], input.as_bytes());
    assert_no_panic(&output);
    assert_eq!(output.status.code(), Some(1), "some lines failed");
    let lines = stdout_lines(&output);
    assert_eq!(lines.len(), 300, "one output line per input line");
    for (i, line) in lines.iter().enumerate() {
        let n = i + 1;
        match i % 6 {
            0 | 2 => {
                assert_eq!(line["id"], i);
                assert!(line.get("schema_version").is_some(), "a document: {line}");
                assert!(line.get("error").is_none());
            }
            1 => {
                assert_eq!(line["id"], format!("doc-{i}"));
                assert!(line.get("error").is_none());
            }
            3 | 4 => {
                assert_eq!(line["id"], i, "the id is kept on an error line");
                let error = line["error"].as_str().expect("an error message");
                assert!(
                    error.contains(&format!(":{n}:")),
                    "{error:?} names line {n}"
                );
                assert!(error.contains("text"), "{error:?} names the field");
            }
            _ => {
                let error = line["error"].as_str().expect("an error message");
                assert!(
                    error.contains(&format!(":{n}:")),
                    "{error:?} names line {n}"
                );
                assert!(error.contains("JSON"), "{error:?} says the JSON is bad");
            }
        }
    }
}

#[test]
fn invalid_utf8_and_malformed_json_name_their_line() {
    let mut input = Vec::new();
    input.extend_from_slice(b"{\"id\":1,\"text\":\"Budi pergi ke pasar.\"}\n");
    input.extend_from_slice(b"{\"id\":2,\"text\":\"caf\xe9\"}\n");
    input.extend_from_slice(b"{\"id\":3,\"text\":\n");
    input.extend_from_slice(b"\n");
    input.extend_from_slice(b"\xff\xfe\xfd\n");
    input.extend_from_slice(b"{\"id\":6,\"text\":\"Akhir.\"}");
    let output = warta(&["analyze", "--jsonl"], &input);
    assert_no_panic(&output);
    assert_eq!(output.status.code(), Some(1));
    let lines = stdout_lines(&output);
    assert_eq!(lines.len(), 6, "a last line without newline counts too");
    assert_eq!(lines[0]["id"], 1);
    assert!(lines[0].get("error").is_none());
    for (i, what) in [(1, "UTF-8"), (2, "JSON"), (3, "JSON"), (4, "UTF-8")] {
        let error = lines[i]["error"].as_str().expect("an error line");
        assert!(
            error.contains(&format!("<stdin>:{}:", i + 1)),
            "{error:?} names line {}",
            i + 1
        );
        assert!(error.contains(what), "{error:?} mentions {what}");
    }
    assert_eq!(lines[5]["id"], 6);
    assert!(lines[5].get("error").is_none());
}

#[test]
fn crlf_jsonl_is_read_like_lf() {
    let lf = "{\"id\":1,\"text\":\"Budi pergi.\"}\n{\"id\":2,\"text\":\"Ani pulang.\"}\n";
    let crlf = lf.replace('\n', "\r\n");
    let a = warta(&["analyze", "--jsonl"], lf.as_bytes());
    let b = warta(&["analyze", "--jsonl"], crlf.as_bytes());
    assert_eq!(a.status.code(), Some(0));
    assert_eq!(b.status.code(), Some(0));
    assert_eq!(a.stdout, b.stdout);
}

#[test]
fn jsonl_error_lines_are_reported_per_file() {
    let dir = scratch("per-file");
    let good = dir.join("good.jsonl");
    let bad = dir.join("bad.jsonl");
    std::fs::write(&good, "{\"id\":\"g\",\"text\":\"Budi pergi.\"}\n").unwrap();
    std::fs::write(&bad, "{\"id\":\"b1\",\"text\":\"Ani.\"}\nnope\n").unwrap();
    let output = warta(
        &[
            "analyze",
            "--jsonl",
            good.to_str().unwrap(),
            bad.to_str().unwrap(),
        ],
        b"",
    );
    assert_no_panic(&output);
    assert_eq!(output.status.code(), Some(1));
    let lines = stdout_lines(&output);
    assert_eq!(lines.len(), 3);
    assert_eq!(lines[0]["id"], "g");
    assert_eq!(lines[1]["id"], "b1");
    let error = lines[2]["error"].as_str().unwrap();
    assert!(error.contains("bad.jsonl:2:"), "{error:?}");
}

#[test]
fn threads_do_not_change_the_output() {
    let mut input = String::new();
    let seed = include_str!("../examples/data/mistar-2024-04-28.txt");
    for i in 0..600 {
        let text = match i % 3 {
            0 => seed.to_owned(),
            1 => format!("“Kami siap {i},” kata Budi di Jakarta."),
            _ => format!("Baca Juga: Berita {i}\n\nWarga Korea Selatan dan AS bertemu."),
        };
        input.push_str(&serde_json::json!({"id": i, "text": text}).to_string());
        input.push('\n');
    }
    let one = warta(&["analyze", "--jsonl", "--threads", "1"], input.as_bytes());
    let two = warta(&["analyze", "--jsonl", "--threads", "2"], input.as_bytes());
    assert_eq!(one.status.code(), Some(0), "{}", stderr(&one));
    assert_eq!(two.status.code(), Some(0), "{}", stderr(&two));
    assert_eq!(stdout_lines(&one).len(), 600);
    assert!(one.stdout == two.stdout, "--threads 1 and 2 differ");
}

#[test]
fn a_missing_file_is_named_and_the_others_are_processed() {
    let dir = scratch("missing");
    let good = dir.join("ada.txt");
    std::fs::write(&good, "Warga Jakarta menyambut baik rencana itu.").unwrap();
    let missing = dir.join("tidak-ada.txt");
    let output = warta(
        &["analyze", missing.to_str().unwrap(), good.to_str().unwrap()],
        b"",
    );
    assert_no_panic(&output);
    assert_eq!(output.status.code(), Some(1));
    let err = stderr(&output);
    assert!(err.contains("tidak-ada.txt"), "{err}");
    assert!(err.contains("no such file"), "{err}");
    let doc: Value = serde_json::from_slice(&output.stdout).expect("one document for ada.txt");
    assert!(doc.get("schema_version").is_some());

    let output = warta(&["analyze", "--jsonl", missing.to_str().unwrap()], b"");
    assert_no_panic(&output);
    assert_eq!(output.status.code(), Some(1));
    assert!(stderr(&output).contains("tidak-ada.txt"));

    let output = warta(&["tokenize", missing.to_str().unwrap()], b"");
    assert_no_panic(&output);
    assert_eq!(output.status.code(), Some(1));
    assert!(stderr(&output).contains("tidak-ada.txt"));
}

#[test]
fn a_directory_is_refused_with_a_message() {
    let dir = scratch("directory");
    for args in [
        vec!["analyze", dir.to_str().unwrap()],
        vec!["analyze", "--jsonl", dir.to_str().unwrap()],
        vec!["tokenize", dir.to_str().unwrap()],
    ] {
        let output = warta(&args, b"");
        assert_no_panic(&output);
        assert_eq!(output.status.code(), Some(1), "{args:?}");
        let err = stderr(&output);
        assert!(err.contains("directory"), "{args:?}: {err}");
        assert!(output.stdout.is_empty(), "{args:?}");
    }
}

#[test]
fn invalid_utf8_files_are_reported() {
    let dir = scratch("utf8");
    let bad = dir.join("latin1.txt");
    std::fs::write(&bad, b"Caf\xe9 di Jakarta.").unwrap();
    for command in ["analyze", "tokenize"] {
        let output = warta(&[command, bad.to_str().unwrap()], b"");
        assert_no_panic(&output);
        assert_eq!(output.status.code(), Some(1), "{command}");
        let err = stderr(&output);
        assert!(err.contains("latin1.txt") && err.contains("UTF-8"), "{err}");
        assert!(err.contains("offset 3"), "{err}");
    }
    let output = warta(&["analyze"], b"\xff\xfe");
    assert_no_panic(&output);
    assert_eq!(output.status.code(), Some(1));
    assert!(stderr(&output).contains("<stdin>"));
}

#[test]
fn empty_input_is_handled() {
    let output = warta(&["analyze", "--jsonl"], b"");
    assert_no_panic(&output);
    assert_eq!(output.status.code(), Some(0));
    assert!(output.stdout.is_empty(), "no line in, no line out");

    let output = warta(&["analyze"], b"");
    assert_no_panic(&output);
    assert_eq!(output.status.code(), Some(0));
    assert!(stderr(&output).contains("empty"), "{}", stderr(&output));
    let doc: Value = serde_json::from_slice(&output.stdout).expect("an (empty) document");
    assert_eq!(doc["blocks"], serde_json::json!([]));
    assert_eq!(doc["quotes"], serde_json::json!([]));

    let output = warta(&["tokenize"], b"");
    assert_no_panic(&output);
    assert_eq!(output.status.code(), Some(0));
}

/// Starts `warta args…` on a large input, reads one line of its output and closes the pipe.
fn close_stdout_early(args: &[&str], input: Vec<u8>) -> Output {
    let mut child = spawn_warta(args);
    let mut stdin = child.stdin.take().expect("stdin");
    let writer = std::thread::spawn(move || {
        let _ = stdin.write_all(&input);
    });
    let mut first = String::new();
    BufReader::new(child.stdout.take().expect("stdout"))
        .read_line(&mut first)
        .expect("a first line");
    assert!(!first.is_empty(), "some output before the pipe closes");
    // Dropping the reader closed our end of the pipe: later writes get EPIPE.
    let mut err = Vec::new();
    child
        .stderr
        .take()
        .expect("stderr")
        .read_to_end(&mut err)
        .expect("stderr");
    let status = child.wait().expect("warta ends");
    writer.join().expect("the writer thread ends");
    Output {
        status,
        stdout: Vec::new(),
        stderr: err,
    }
}

#[test]
fn a_closed_stdout_ends_quietly_with_status_0() {
    let seed = include_str!("../examples/data/mistar-2024-04-28.txt");
    let mut jsonl = String::new();
    for i in 0..3_000 {
        jsonl.push_str(&serde_json::json!({"id": i, "text": seed}).to_string());
        jsonl.push('\n');
    }
    let text = seed.repeat(200);
    for (args, input) in [
        (vec!["analyze", "--jsonl"], jsonl.into_bytes()),
        (vec!["analyze", "--tokens"], text.clone().into_bytes()),
        (
            vec!["tokenize", "--format", "conllu"],
            text.clone().into_bytes(),
        ),
        (vec!["tokenize", "--format", "json"], text.into_bytes()),
    ] {
        let output = close_stdout_early(&args, input);
        assert_no_panic(&output);
        assert_eq!(
            output.status.code(),
            Some(0),
            "{args:?}: {}",
            stderr(&output)
        );
    }
}

#[test]
fn help_and_version_survive_a_closed_stdout() {
    for flag in ["--help", "--version"] {
        let mut child = Command::new(env!("CARGO_BIN_EXE_warta"))
            .arg(flag)
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("warta starts");
        drop(child.stdout.take());
        let output = child.wait_with_output().expect("warta ends");
        assert_no_panic(&output);
        assert_eq!(output.status.code(), Some(0), "{flag}: {}", stderr(&output));
    }
}

#[test]
fn help_documents_the_exit_codes() {
    let output = warta(&["--help"], b"");
    assert_eq!(output.status.code(), Some(0));
    let help = String::from_utf8(output.stdout).unwrap();
    for needle in [
        "EXIT STATUS",
        "0 ",
        "1 ",
        "2 ",
        "--jsonl",
        "--threads",
        "--format",
    ] {
        assert!(help.contains(needle), "help mentions {needle:?}");
    }
}

#[test]
fn bad_command_lines_exit_2() {
    for args in [
        vec![],
        vec!["frobnicate"],
        vec!["analyze", "--threads", "0"],
        vec!["analyze", "--threads", "banyak"],
        vec!["analyze", "--bogus"],
        vec!["tokenize", "--format", "xml"],
        vec!["tokenize", "--jsonl"],
    ] {
        let output = warta(&args, b"");
        assert_no_panic(&output);
        assert_eq!(output.status.code(), Some(2), "{args:?}");
        assert!(stderr(&output).contains("warta:"), "{args:?}");
    }
}

#[test]
fn a_broken_gazetteer_line_is_named_and_exits_2() {
    let dir = scratch("gazetteer");
    let tsv = dir.join("daftar.tsv");
    std::fs::write(
        &tsv,
        "PER:1\tPER\tSri Mulyani Indrawati\tSri Mulyani\n\
         GPE:KR\tGPE\tKorea Selatan\tKorsel\n\
         baris rusak tanpa tab\n\
         ORG:KPK\tORG\tKomisi Pemberantasan Korupsi\tKPK\n",
    )
    .unwrap();
    let output = warta(
        &["analyze", "--gazetteer", tsv.to_str().unwrap()],
        "Sri Mulyani bertemu KPK.".as_bytes(),
    );
    assert_no_panic(&output);
    assert_eq!(output.status.code(), Some(2));
    let err = stderr(&output);
    assert!(err.contains("daftar.tsv"), "{err}");
    assert!(err.contains("line 3"), "{err}");
    assert!(
        output.stdout.is_empty(),
        "no output with a broken configuration"
    );

    let missing = dir.join("tidak-ada.tsv");
    let output = warta(
        &["analyze", "--gazetteer", missing.to_str().unwrap()],
        b"Budi.",
    );
    assert_no_panic(&output);
    assert_eq!(output.status.code(), Some(2));
    assert!(stderr(&output).contains("tidak-ada.tsv"));
}

#[test]
fn a_user_gazetteer_is_used() {
    let dir = scratch("user-gazetteer");
    let tsv = dir.join("daftar.tsv");
    std::fs::write(&tsv, "ORG:WRT\tORG\tWarta Lab\tWartaLab\n").unwrap();
    let output = warta(
        &[
            "analyze",
            "--jsonl",
            "--no-default-gazetteer",
            "--gazetteer",
            tsv.to_str().unwrap(),
        ],
        "{\"id\":1,\"text\":\"Warga Jakarta menyambut baik rencana peneliti WartaLab, kata Budi \
         dari Warta Lab kepada wartawan.\"}\n"
            .as_bytes(),
    );
    assert_no_panic(&output);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let lines = stdout_lines(&output);
    let ids: Vec<&str> = lines[0]["entities"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["id"].as_str().unwrap())
        .collect();
    assert_eq!(ids, ["ORG:WRT", "ORG:WRT"], "no default entity (Jakarta)");
}

#[test]
fn tokenize_writes_conllu_from_stdin() {
    let text =
        "Katanya, bukumu sudah kuambil.\nPresiden tiba di Jl. Merdeka No. 17 pukul 10.30 WIB.";
    let output = warta(&["tokenize", "--format", "conllu"], text.as_bytes());
    assert_no_panic(&output);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let conllu = String::from_utf8(output.stdout).expect("UTF-8 CoNLL-U");
    let texts: Vec<&str> = conllu
        .lines()
        .filter_map(|l| l.strip_prefix("# text = "))
        .collect();
    assert!(!texts.is_empty(), "a # text = line per sentence: {conllu}");
    let rows: Vec<Vec<&str>> = conllu
        .lines()
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(|l| l.split('\t').collect())
        .collect();
    assert!(rows.iter().all(|r| r.len() == 10), "10 columns: {conllu}");
    let forms: Vec<&str> = rows.iter().map(|r| r[1]).collect();
    for form in ["Katanya", "kuambil", "Merdeka", "10.30", "WIB"] {
        assert!(forms.contains(&form), "{form} is a token: {forms:?}");
    }
    assert!(
        rows.iter().any(|r| r[0].contains('-') && r[1] == "Katanya"),
        "katanya is a multiword token: {conllu}"
    );
    let default = warta(&["tokenize"], text.as_bytes());
    assert_eq!(
        default.stdout,
        conllu.as_bytes(),
        "CoNLL-U is the default format"
    );
}

#[test]
fn tokenize_json_is_one_object_per_input() {
    let output = warta(
        &["tokenize", "--format", "json"],
        "Budi pergi. Ani pulang.".as_bytes(),
    );
    assert_eq!(output.status.code(), Some(0));
    let lines = stdout_lines(&output);
    assert_eq!(lines.len(), 1);
    assert!(lines[0]["tokens"].as_array().unwrap().len() >= 6);
    assert_eq!(lines[0]["sentences"].as_array().unwrap().len(), 2);
}

#[test]
fn a_document_that_once_crashed_the_quote_stage_does_not_stop_a_jsonl_run() {
    let crashing = "Menurut juru bicara Kementerian Luar Negeri (Kemenlu) Teuku Faizasyah, \
                    “Indonesia selalu mendukung perdamaian di kawasan,” katanya.";
    let mut input = String::new();
    for (id, text) in [
        (1, "Budi pergi ke pasar."),
        (2, crashing),
        (3, "Ani pulang."),
    ] {
        input.push_str(&serde_json::json!({"id": id, "text": text}).to_string());
        input.push('\n');
    }
    let output = warta(&["analyze", "--jsonl", "--threads", "1"], input.as_bytes());
    assert_no_panic(&output);
    let lines = stdout_lines(&output);
    assert_eq!(
        lines.len(),
        3,
        "one line per input line: {}",
        stderr(&output)
    );
    let ids: Vec<&Value> = lines.iter().map(|l| &l["id"]).collect();
    assert_eq!(ids, [1, 2, 3]);
}

/// The lines of `data` as `warta analyze --jsonl` reads them: split after each `\n`, which is
/// dropped with a `\r` before it; a last line without a line break is kept as it is.
fn jsonl_lines(data: &[u8]) -> Vec<&[u8]> {
    let mut lines = Vec::new();
    let mut rest = data;
    while !rest.is_empty() {
        let (line, next) = match rest.iter().position(|&b| b == b'\n') {
            Some(k) => {
                let line = &rest[..k];
                (line.strip_suffix(b"\r").unwrap_or(line), &rest[k + 1..])
            }
            None => (rest, &rest[rest.len()..]),
        };
        lines.push(line);
        rest = next;
    }
    lines
}

/// What `warta analyze --jsonl` must write for `data` read from `name`: the output line of
/// each input line, in order.
fn expected_jsonl_output(name: &str, data: &[u8]) -> Vec<u8> {
    let pipeline = warta::Pipeline::new();
    let mut out = Vec::new();
    for (k, line) in jsonl_lines(data).into_iter().enumerate() {
        let (json, _) =
            warta_cli::jsonl::process_line(&pipeline, &format!("{name}:{}", k + 1), line);
        out.extend_from_slice(json.as_bytes());
        out.push(b'\n');
    }
    out
}

/// An input whose line ends, multi-byte characters and line breaks fall on and around every
/// multiple of 4 KiB up to 256 KiB (the input is read in chunks of such sizes), with a line
/// longer than a chunk, blank and broken lines and a last line without a line break.
fn chunky_jsonl() -> Vec<u8> {
    let sentence = "“Kami siap,” kata Andé di Jakarta. ";
    let mut data = Vec::new();
    let mut k = 0;
    while data.len() < 300 << 10 {
        // A line ending 0–7 bytes before or after the next multiple of 4 KiB, its text padded
        // with two-byte characters so that some of them straddle that multiple.
        let target = (data.len() / 4096 + 1) * 4096 + (k % 16) - 8;
        let mut text = sentence.repeat(2);
        let frame = serde_json::json!({"id": k, "text": ""}).to_string().len() + 2;
        while data.len() + frame + text.len() + 2 <= target {
            text.push('é');
        }
        data.extend_from_slice(
            serde_json::json!({"id": k, "text": text})
                .to_string()
                .as_bytes(),
        );
        data.extend_from_slice(if k % 3 == 0 { b"\r\n" } else { b"\n" });
        match k % 7 {
            1 => data.extend_from_slice(b"\n"),
            3 => data.extend_from_slice(b"{\"id\": \"rusak\", \"text\": \"caf\xe9\"}\r\n"),
            5 => data.extend_from_slice(b"{\"id\": 5\r\n\r\n"),
            _ => {}
        }
        k += 1;
    }
    let long = sentence.repeat((200 << 10) / sentence.len());
    data.extend_from_slice(
        serde_json::json!({"id": "panjang", "text": long})
            .to_string()
            .as_bytes(),
    );
    data.extend_from_slice(b"\n");
    data.extend_from_slice(br#"{"id": "akhir", "text": "Budi pulang."}"#);
    data
}

#[test]
fn lines_across_read_chunks_are_read_whole_and_in_order() {
    let data = chunky_jsonl();
    let dir = scratch("chunks");
    let file = dir.join("chunky.jsonl");
    std::fs::write(&file, &data).unwrap();
    let file = file.to_str().unwrap();
    let from_stdin = expected_jsonl_output("<stdin>", &data);
    let from_file = expected_jsonl_output(file, &data);
    for threads in ["1", "2"] {
        let output = warta(&["analyze", "--jsonl", "--threads", threads], &data);
        assert_no_panic(&output);
        assert_eq!(output.status.code(), Some(1), "broken lines fail");
        assert!(output.stdout == from_stdin, "stdin, {threads} threads");
        let output = warta(&["analyze", "--jsonl", "--threads", threads, file], b"");
        assert_eq!(output.status.code(), Some(1), "broken lines fail");
        assert!(output.stdout == from_file, "file, {threads} threads");
    }
}

#[test]
fn files_are_read_one_after_the_other_with_their_own_line_numbers() {
    let dir = scratch("two-files");
    let first = dir.join("satu.jsonl");
    let second = dir.join("dua.jsonl");
    // The first file ends without a line break: its last line is not joined to the second's
    // first.
    let a =
        b"{\"id\": 1, \"text\": \"Budi datang.\"}\r\nrusak\n{\"id\": 3, \"text\": \"Ani pergi.\"}";
    let b = b"{\"id\": 4, \"text\": \"Wati pulang.\"}\n\n";
    std::fs::write(&first, a).unwrap();
    std::fs::write(&second, b).unwrap();
    let (first, second) = (first.to_str().unwrap(), second.to_str().unwrap());
    let mut expected = expected_jsonl_output(first, a);
    expected.extend(expected_jsonl_output(second, b));
    for threads in ["1", "2"] {
        let output = warta(
            &["analyze", "--jsonl", "--threads", threads, first, second],
            b"",
        );
        assert_eq!(output.status.code(), Some(1));
        assert!(output.stdout == expected, "{threads} threads");
        let lines = stdout_lines(&output);
        assert_eq!(lines.len(), 5);
        assert!(
            lines[1]["error"]
                .as_str()
                .unwrap()
                .starts_with(&format!("{first}:2: invalid JSON"))
        );
        assert!(
            lines[4]["error"]
                .as_str()
                .unwrap()
                .starts_with(&format!("{second}:2: invalid JSON"))
        );
    }
}
