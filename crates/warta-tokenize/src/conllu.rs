//! CoNLL-U output.

use crate::Analysis;
use std::fmt::Write;

/// Writes the analysis of `text` as CoNLL-U: per sentence a `# sent_id` and a `# text` line,
/// then one line per token with ID and FORM (other columns `_`). A token split by clitic
/// analysis gets a multiword-token range line (`3-4 katanya`) followed by its words
/// (`3 kata`, `4 nya`); `SpaceAfter=No` goes in MISC when the next token follows without a space.
///
/// ```
/// use warta_tokenize::{Tokenizer, conllu};
/// let text = "Katanya hujan.";
/// let mut out = String::new();
/// conllu::write(text, &Tokenizer::new().analyze(text), &mut out);
/// assert!(out.contains("# text = Katanya hujan.\n"));
/// assert!(out.contains("1-2\tKatanya\t_"));
/// assert!(out.contains("2\tnya\t_"));
/// assert!(out.contains("3\thujan\t_\t_\t_\t_\t_\t_\t_\tSpaceAfter=No\n"));
/// ```
pub fn write(text: &str, analysis: &Analysis, out: &mut String) {
    let tokens = &analysis.tokens;
    let mut k = 0;
    for (n, sent) in analysis.sentences.iter().enumerate() {
        while k < tokens.len() && tokens[k].span.end <= sent.start {
            k += 1;
        }
        let _ = writeln!(out, "# sent_id = {}", n + 1);
        out.push_str("# text = ");
        for c in sent.slice(text).chars() {
            out.push(if c.is_whitespace() || c.is_control() {
                ' '
            } else {
                c
            });
        }
        out.push('\n');
        let mut id = 1;
        while k < tokens.len() && tokens[k].span.end <= sent.end {
            let tok = &tokens[k];
            let no_space = tokens.get(k + 1).map_or(
                tok.span.end < text.len() && !next_is_space(text, tok.span.end),
                |t| t.span.start == tok.span.end,
            );
            let misc = if no_space { "SpaceAfter=No" } else { "_" };
            if tok.words.len() > 1 {
                let last = id + tok.words.len() - 1;
                let _ = writeln!(
                    out,
                    "{id}-{last}\t{}\t_\t_\t_\t_\t_\t_\t_\t{misc}",
                    tok.span.slice(text)
                );
                for w in &tok.words {
                    let _ = writeln!(out, "{id}\t{}\t_\t_\t_\t_\t_\t_\t_\t_", w.slice(text));
                    id += 1;
                }
            } else {
                let _ = writeln!(
                    out,
                    "{id}\t{}\t_\t_\t_\t_\t_\t_\t_\t{misc}",
                    tok.span.slice(text)
                );
                id += 1;
            }
            k += 1;
        }
        out.push('\n');
    }
}

fn next_is_space(text: &str, i: usize) -> bool {
    text[i..].chars().next().is_some_and(crate::is_separator)
}
