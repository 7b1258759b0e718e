//! Text normalisation: the folded tokens the matcher walks over, each with its span in the
//! original text.
//!
//! Folding rules (applied identically to aliases and to the text, so they always agree):
//! - letters are lowercased (full Unicode lowercase) and common Latin diacritics are removed
//!   (`é` -> `e`, `ş` -> `s`, `ø` -> `o`, `ß` -> `ss`, Vietnamese `ễ` -> `e`, pinyin `ǎ` -> `a`);
//!   combining marks (U+0300–U+036F and the other combining blocks) are dropped;
//! - whitespace (ASCII, NBSP, the Unicode spaces, line breaks, ZWSP) separates tokens and is
//!   otherwise ignored, so any run of it matches any other;
//! - format characters inside words (ZWJ, ZWNJ, word joiner, BOM, soft hyphen) are dropped;
//! - every other character (punctuation, symbols, emoji) is a token of its own, with a space
//!   on each side: `PDI-P` folds to `pdi - p`, `AS-ROK` to `as - rok`, `Cote d’Ivoire` to
//!   `cote d ' ivoire`. Curly apostrophes fold to `'`, curly double quotes to `"`, and the
//!   dashes (en, em, minus, non-breaking hyphen) to `-`.
//!
//! In keys (see [`fold_key`]) tokens are joined by one space.

/// A token of the folded text: its folded bytes and its original span.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Token {
    /// Folded bytes: `buf[fstart..fend]`.
    pub fstart: u32,
    /// End of the folded bytes.
    pub fend: u32,
    /// Original span (relative to the folded range).
    pub ostart: u32,
    /// End of the original span.
    pub oend: u32,
    /// True when the original token has an uppercase letter.
    pub upper: bool,
    /// Length in bytes of a glued clitic (`-nya`, `-ku`, `-mu`) the token ends with, 0 when
    /// none.
    pub clitic: u8,
}

/// The folded tokens of a text.
#[derive(Debug, Default)]
pub(crate) struct Folded {
    /// Folded bytes of all tokens, back to back.
    pub buf: Vec<u8>,
    /// The tokens in text order.
    pub tokens: Vec<Token>,
    /// Start of the open token in `buf` and in the original text.
    open: Option<(u32, u32)>,
    /// The open token has an uppercase letter.
    open_upper: bool,
    /// End of the last character of the open token in the original text.
    open_end: u32,
}

impl Folded {
    /// Folds and tokenizes `text` (offsets relative to its start), replacing what was there.
    pub fn fold(&mut self, text: &str) {
        self.buf.clear();
        self.tokens.clear();
        self.open = None;
        self.open_upper = false;
        self.buf.reserve(text.len());
        self.tokens.reserve(text.len() / 6 + 1);
        let bytes = text.as_bytes();
        let mut i = 0;
        while i < bytes.len() {
            let b = bytes[i];
            if b < 0x80 {
                if LOWER[b as usize] != 0 {
                    if self.open.is_none() {
                        self.open = Some((self.buf.len() as u32, i as u32));
                    }
                    // The whole ASCII word at once (LOWER is 0 for every other byte).
                    let mut j = i;
                    let mut upper = false;
                    while let Some(&b) = bytes.get(j) {
                        let l = LOWER[b as usize];
                        if l == 0 {
                            break;
                        }
                        upper |= l != b;
                        self.buf.push(l);
                        j += 1;
                    }
                    self.open_upper |= upper;
                    self.open_end = j as u32;
                    i = j;
                    continue;
                }
                if CLASS[b as usize] == C_SPACE {
                    self.close();
                } else {
                    self.symbol(i, i + 1, b as char);
                }
                i += 1;
                continue;
            }
            let c = text[i..].chars().next().unwrap_or('\u{FFFD}');
            let len = c.len_utf8();
            self.fold_char(c, i, i + len);
            i += len;
        }
        self.close();
    }

    /// Ends the open token, if any.
    #[inline]
    fn close(&mut self) {
        let Some((fstart, ostart)) = self.open.take() else {
            return;
        };
        let fend = self.buf.len() as u32;
        let bytes = &self.buf[fstart as usize..];
        let clitic = match bytes {
            [.., b'n', b'y', b'a'] if bytes.len() > 4 => 3,
            [.., b'k' | b'm', b'u'] if bytes.len() > 3 => 2,
            _ => 0,
        };
        self.tokens.push(Token {
            fstart,
            fend,
            ostart,
            oend: self.open_end,
            upper: std::mem::take(&mut self.open_upper),
            clitic,
        });
    }

    fn symbol(&mut self, start: usize, end: usize, c: char) {
        self.close();
        self.open = Some((self.buf.len() as u32, start as u32));
        let mut tmp = [0u8; 4];
        self.buf
            .extend_from_slice(c.encode_utf8(&mut tmp).as_bytes());
        self.open_end = end as u32;
        self.close();
    }

    fn fold_char(&mut self, c: char, start: usize, end: usize) {
        if c.is_whitespace() || c == '\u{200B}' {
            self.close();
        } else if is_ignorable(c) || is_combining(c) {
            // Invisible inside a word: part of the open token, folded to nothing.
            if self.open.is_some() {
                self.open_end = end as u32;
            }
        } else if c.is_alphanumeric() {
            if self.open.is_none() {
                self.open = Some((self.buf.len() as u32, start as u32));
            }
            self.open_upper |= c.is_uppercase();
            for l in c.to_lowercase() {
                if is_combining(l) {
                    continue;
                }
                match strip_diacritic(l) {
                    Some(s) => self.buf.extend_from_slice(s.as_bytes()),
                    None => {
                        let mut tmp = [0u8; 4];
                        self.buf
                            .extend_from_slice(l.encode_utf8(&mut tmp).as_bytes());
                    }
                }
            }
            self.open_end = end as u32;
        } else {
            let mapped = match c {
                '\u{2018}' | '\u{2019}' | '\u{201A}' | '\u{201B}' | '\u{2032}' | '\u{02BC}'
                | '\u{00B4}' => '\'',
                '\u{201C}' | '\u{201D}' | '\u{201E}' | '\u{201F}' | '\u{00AB}' | '\u{00BB}' => '"',
                '\u{2010}' | '\u{2011}' | '\u{2012}' | '\u{2013}' | '\u{2014}' | '\u{2212}' => '-',
                other => other,
            };
            self.symbol(start, end, mapped);
        }
    }

    /// Releases the buffers when a very large text made them large.
    pub fn shrink(&mut self) {
        const KEEP: usize = 1 << 22;
        if self.buf.capacity() > KEEP {
            self.buf = Vec::new();
        }
        if self.tokens.capacity() > KEEP / 8 {
            self.tokens = Vec::new();
        }
    }

    /// Folded bytes of a token.
    #[inline]
    pub fn bytes(&self, t: &Token) -> &[u8] {
        &self.buf[t.fstart as usize..t.fend as usize]
    }
}

/// A very cheap hash of a token for the first-token filter: its first 8 bytes and length.
/// `buf[start..start + len]` are the token's bytes.
#[inline]
pub(crate) fn quick_hash(buf: &[u8], start: usize, len: usize) -> u64 {
    let w = match buf.get(start..start + 8) {
        // Read 8 bytes at once and keep the token's.
        Some(b) => {
            let w = u64::from_le_bytes([b[0], b[1], b[2], b[3], b[4], b[5], b[6], b[7]]);
            if len >= 8 {
                w
            } else {
                w & ((1u64 << (8 * len)) - 1)
            }
        }
        None => {
            let mut w = [0u8; 8];
            let n = len.min(8);
            w[..n].copy_from_slice(&buf[start..start + n]);
            u64::from_le_bytes(w)
        }
    };
    (w ^ ((len as u64) << 59)).wrapping_mul(0x9E37_79B9_7F4A_7C15)
}

/// A fast 64-bit hash of a token's folded bytes (FxHash-style over 8-byte words).
#[inline]
pub(crate) fn hash_bytes(bytes: &[u8]) -> u64 {
    const K: u64 = 0x517c_c1b7_2722_0a95;
    let mut h = (bytes.len() as u64).wrapping_mul(K);
    let mut chunks = bytes.chunks_exact(8);
    for c in &mut chunks {
        let w = u64::from_le_bytes([c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7]]);
        h = (h.rotate_left(5) ^ w).wrapping_mul(K);
    }
    let rest = chunks.remainder();
    if !rest.is_empty() {
        let mut w = [0u8; 8];
        w[..rest.len()].copy_from_slice(rest);
        h = (h.rotate_left(5) ^ u64::from_le_bytes(w)).wrapping_mul(K);
    }
    // Final avalanche so that every bit depends on every input bit.
    h ^= h >> 33;
    h = h.wrapping_mul(0xff51_afd7_ed55_8ccd);
    h ^= h >> 33;
    h
}

/// Folds a name to the key aliases are compared on: tokens (runs of letters and digits, or
/// single other characters), lowercased, without diacritics, joined by one space. Two aliases
/// with the same key are the same alias for the matcher.
///
/// ```
/// use warta_gazetteer::fold_key;
/// assert_eq!(fold_key("Côte d’Ivoire"), "cote d ' ivoire");
/// assert_eq!(fold_key("PDI-P"), fold_key("pdi - p"));
/// assert_eq!(fold_key("Korea\u{A0}\u{A0}Selatan"), "korea selatan");
/// ```
pub fn fold_key(alias: &str) -> String {
    let mut f = Folded::default();
    f.fold(alias);
    let mut out = Vec::with_capacity(f.buf.len() + f.tokens.len());
    for (i, t) in f.tokens.iter().enumerate() {
        if i > 0 {
            out.push(b' ');
        }
        out.extend_from_slice(f.bytes(t));
    }
    String::from_utf8(out).unwrap_or_default()
}

/// Lowercase of ASCII letters and digits, 0 for every other byte.
static LOWER: [u8; 256] = {
    let mut t = [0u8; 256];
    let mut i = 0;
    while i < 128 {
        let b = i as u8;
        if b.is_ascii_alphanumeric() {
            t[i] = b.to_ascii_lowercase();
        }
        i += 1;
    }
    t
};

const C_SPACE: u8 = 0;
const C_WORD: u8 = 1;
const C_SYM: u8 = 2;

static CLASS: [u8; 128] = {
    let mut t = [C_SYM; 128];
    let mut i = 0;
    while i < 128 {
        let b = i as u8;
        if b.is_ascii_alphanumeric() {
            t[i] = C_WORD;
        } else if b == b' ' || b == b'\t' || b == b'\n' || b == b'\r' || b == 0x0b || b == 0x0c {
            t[i] = C_SPACE;
        }
        i += 1;
    }
    t
};

/// Format characters that may sit inside a word without separating it.
fn is_ignorable(c: char) -> bool {
    matches!(
        c,
        '\u{00AD}' | '\u{200C}' | '\u{200D}' | '\u{2060}' | '\u{FEFF}' | '\u{180E}'
    )
}

/// Combining marks (diacritics written as separate code points).
pub(crate) fn is_combining(c: char) -> bool {
    matches!(c,
        '\u{0300}'..='\u{036F}'
        | '\u{1AB0}'..='\u{1AFF}'
        | '\u{1DC0}'..='\u{1DFF}'
        | '\u{20D0}'..='\u{20FF}'
        | '\u{FE20}'..='\u{FE2F}')
}

/// ASCII replacement of a lowercase Latin letter with a diacritic, if it has one.
fn strip_diacritic(c: char) -> Option<&'static str> {
    let s = match c {
        'à'..='å' => "a",
        'æ' => "ae",
        'ç' => "c",
        'è'..='ë' => "e",
        'ì'..='ï' => "i",
        'ð' => "d",
        'ñ' => "n",
        'ò'..='ö' | 'ø' => "o",
        'ù'..='ü' => "u",
        'ý' | 'ÿ' => "y",
        'þ' => "th",
        'ß' => "ss",
        '\u{0100}'..='\u{017F}' => latin_ext_a(c),
        'ơ' => "o",
        'ư' => "u",
        'ǎ' => "a",
        'ǐ' => "i",
        'ǒ' => "o",
        'ǔ' | 'ǖ' | 'ǘ' | 'ǚ' | 'ǜ' => "u",
        'ș' => "s",
        'ț' => "t",
        '\u{1EA0}'..='\u{1EB7}' => "a",
        '\u{1EB8}'..='\u{1EC7}' => "e",
        '\u{1EC8}'..='\u{1ECB}' => "i",
        '\u{1ECC}'..='\u{1EE3}' => "o",
        '\u{1EE4}'..='\u{1EF1}' => "u",
        '\u{1EF2}'..='\u{1EF9}' => "y",
        _ => return None,
    };
    Some(s)
}

fn latin_ext_a(c: char) -> &'static str {
    match c as u32 {
        0x0100..=0x0105 => "a",
        0x0106..=0x010D => "c",
        0x010E..=0x0111 => "d",
        0x0112..=0x011B => "e",
        0x011C..=0x0123 => "g",
        0x0124..=0x0127 => "h",
        0x0128..=0x0131 => "i",
        0x0132..=0x0133 => "ij",
        0x0134..=0x0135 => "j",
        0x0136..=0x0138 => "k",
        0x0139..=0x0142 => "l",
        0x0143..=0x014B => "n",
        0x014C..=0x0151 => "o",
        0x0152..=0x0153 => "oe",
        0x0154..=0x0159 => "r",
        0x015A..=0x0161 => "s",
        0x0162..=0x0167 => "t",
        0x0168..=0x0173 => "u",
        0x0174..=0x0175 => "w",
        0x0176..=0x0178 => "y",
        0x0179..=0x017E => "z",
        _ => "s",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys() {
        let cases = [
            ("Korea  Selatan", "korea selatan"),
            ("Korea\u{A0}Selatan", "korea selatan"),
            ("Korea\r\n Selatan", "korea selatan"),
            ("PDI-P", "pdi - p"),
            ("AS-ROK", "as - rok"),
            ("Côte d’Ivoire", "cote d ' ivoire"),
            ("Erdoğan", "erdogan"),
            ("Nguyễn Phú Trọng", "nguyen phu trong"),
            ("Straße", "strasse"),
            ("Jo\u{200D}kowi", "jokowi"),
            ("Cafe\u{301}", "cafe"),
            ("İstanbul", "istanbul"),
            ("서울", "서울"),
            ("U.S.", "u . s ."),
            ("Jae–in", "jae - in"),
        ];
        for (input, want) in cases {
            assert_eq!(fold_key(input), want, "{input:?}");
        }
    }

    #[test]
    fn tokens_point_to_original_chars() {
        let text = "Cô\u{A0}A-nya Jokowinya";
        let mut f = Folded::default();
        f.fold(text);
        let got: Vec<(&str, &str, u8)> = f
            .tokens
            .iter()
            .map(|t| {
                (
                    std::str::from_utf8(f.bytes(t)).unwrap(),
                    &text[t.ostart as usize..t.oend as usize],
                    t.clitic,
                )
            })
            .collect();
        assert_eq!(
            got,
            [
                ("co", "Cô", 0),
                ("a", "A", 0),
                ("-", "-", 0),
                ("nya", "nya", 0),
                ("jokowinya", "Jokowinya", 3)
            ]
        );
    }
}
