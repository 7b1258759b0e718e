//! Scores the tokenizer on a UD CoNLL-U gold file the way the CoNLL 2018 shared task scores
//! segmentation (and as `ud_eval.py` does): the raw text is rebuilt from the gold, tokenized,
//! and tokens, words (after clitic splitting) and sentences are matched by their character
//! spans over the text with white space removed.
//!
//! ```text
//! cargo run --release -p warta-tokenize --example ud_eval -- GOLD.conllu [--write SYSTEM.conllu]
//! ```

use std::collections::HashSet;
use std::process::ExitCode;
use warta_tokenize::{Analysis, Tokenizer, conllu};

/// One gold sentence: its `# text`, tokens (form, MISC, word ids) and words.
struct Sent {
    text: Option<String>,
    toks: Vec<(String, String, Vec<usize>)>,
    words: Vec<String>,
}

fn read(data: &str) -> Vec<Sent> {
    let mut sents = Vec::new();
    let mut cur: Option<Sent> = None;
    let mut mwt_end = 0usize;
    for line in data.lines() {
        if line.starts_with('#') {
            if let Some(t) = line.strip_prefix("# text = ")
                && cur.is_none()
            {
                cur = Some(Sent {
                    text: Some(t.to_string()),
                    toks: vec![],
                    words: vec![],
                });
            }
            continue;
        }
        if line.trim().is_empty() {
            if let Some(s) = cur.take()
                && !s.toks.is_empty()
            {
                sents.push(s);
            }
            mwt_end = 0;
            continue;
        }
        let s = cur.get_or_insert_with(|| Sent {
            text: None,
            toks: vec![],
            words: vec![],
        });
        let c: Vec<&str> = line.split('\t').collect();
        if c[0].contains('.') {
            continue;
        }
        let misc = c.get(9).copied().unwrap_or("_").to_string();
        if let Some((a, b)) = c[0].split_once('-') {
            let (a, b): (usize, usize) = (a.parse().unwrap_or(0), b.parse().unwrap_or(0));
            s.toks.push((c[1].to_string(), misc, (a..=b).collect()));
            mwt_end = b;
        } else {
            let i: usize = c[0].parse().unwrap_or(0);
            s.words.push(c[1].to_string());
            if i > mwt_end {
                s.toks.push((c[1].to_string(), misc, vec![i]));
            }
        }
    }
    if let Some(s) = cur
        && !s.toks.is_empty()
    {
        sents.push(s);
    }
    sents
}

/// The raw text exactly as `ud_eval.py GOLD --text` prints it.
fn raw_text(sents: &[Sent]) -> String {
    let mut text = String::new();
    for s in sents {
        let t = match &s.text {
            Some(t) => t.clone(),
            None => {
                let mut t = String::new();
                for (form, misc, _) in &s.toks {
                    t.push_str(form);
                    if !misc.contains("SpaceAfter=No") {
                        t.push(' ');
                    }
                }
                t.trim().to_string()
            }
        };
        let last = t.trim_end().chars().last();
        // Python: `s.rstrip()[-1:] in "..."`, true for an empty text too
        let closed = last.is_none_or(|c| ".!?\"”’')»…".contains(c));
        text.push_str(&t);
        text.push(if closed { ' ' } else { '\n' });
    }
    let mut text = text.trim_end_matches(' ').to_string();
    text.push('\n');
    text
}

/// Non-white-space characters of a form (Python's `"".join(form.split())`, whose white space
/// also includes the separators U+001C..U+001F).
fn squeeze_len(form: &str) -> usize {
    form.chars()
        .filter(|&c| !(c.is_whitespace() || ('\u{1c}'..='\u{1f}').contains(&c)))
        .count()
}

type Spans = (
    Vec<(usize, usize)>,
    Vec<(usize, usize)>,
    Vec<(usize, usize, usize, String)>,
);

fn gold_spans(sents: &[Sent]) -> Spans {
    let (mut toks, mut ss, mut words) = (vec![], vec![], vec![]);
    let mut pos = 0;
    for s in sents {
        let s0 = pos;
        for (form, _, ids) in &s.toks {
            let t0 = pos;
            pos += squeeze_len(form);
            toks.push((t0, pos));
            if ids.len() > 1 {
                for (k, &i) in ids.iter().enumerate() {
                    let w = s
                        .words
                        .get(i - 1)
                        .map_or(String::new(), |w| w.to_lowercase());
                    words.push((t0, pos, k, w));
                }
            } else {
                words.push((t0, pos, 0, form.to_lowercase()));
            }
        }
        ss.push((s0, pos));
    }
    (toks, ss, words)
}

fn system_spans(text: &str, a: &Analysis) -> Spans {
    let (mut toks, mut ss, mut words) = (vec![], vec![], vec![]);
    let mut pos = 0;
    let mut k = 0;
    for sent in &a.sentences {
        let s0 = pos;
        while k < a.tokens.len() && a.tokens[k].span.end <= sent.end {
            let t = &a.tokens[k];
            let t0 = pos;
            pos += squeeze_len(t.text(text));
            toks.push((t0, pos));
            for (n, w) in t.word_spans().enumerate() {
                words.push((t0, pos, n, w.slice(text).to_lowercase()));
            }
            k += 1;
        }
        ss.push((s0, pos));
    }
    (toks, ss, words)
}

fn prf<T: std::hash::Hash + Eq>(gold: Vec<T>, sys: Vec<T>) -> (f64, f64, f64) {
    let g: HashSet<T> = gold.into_iter().collect();
    let s: HashSet<T> = sys.into_iter().collect();
    let tp = g.intersection(&s).count() as f64;
    let p = if s.is_empty() {
        0.0
    } else {
        tp / s.len() as f64
    };
    let r = if g.is_empty() {
        0.0
    } else {
        tp / g.len() as f64
    };
    let f = if p + r > 0.0 {
        2.0 * p * r / (p + r)
    } else {
        0.0
    };
    (p, r, f)
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let Some(gold_path) = args.first() else {
        eprintln!("usage: ud_eval GOLD.conllu [--write SYSTEM.conllu]");
        return ExitCode::from(2);
    };
    let write_path = args
        .iter()
        .position(|a| a == "--write")
        .and_then(|i| args.get(i + 1));
    let data = match std::fs::read_to_string(gold_path) {
        Ok(d) => d,
        Err(e) => {
            eprintln!("cannot read {gold_path}: {e}");
            return ExitCode::from(1);
        }
    };
    let gold = read(&data);
    let text = raw_text(&gold);
    let analysis = Tokenizer::new().analyze(&text);
    if let Some(path) = write_path {
        let mut out = String::new();
        conllu::write(&text, &analysis, &mut out);
        if let Err(e) = std::fs::write(path, out) {
            eprintln!("cannot write {path}: {e}");
            return ExitCode::from(1);
        }
    }
    let (gt, gs, gw) = gold_spans(&gold);
    let (st, ss, sw) = system_spans(&text, &analysis);
    for (name, (p, r, f)) in [
        ("Tokens", prf(gt, st)),
        ("Words", prf(gw, sw)),
        ("Sentences", prf(gs, ss)),
    ] {
        println!(
            "{name:10} P {:6.2}  R {:6.2}  F1 {:6.2}",
            100.0 * p,
            100.0 * r,
            100.0 * f
        );
    }
    ExitCode::SUCCESS
}
