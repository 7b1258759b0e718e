//! Text normalisation: the folded buffer the automaton runs over, with a map back to the
//! original bytes.
//!
//! Folding rules (applied identically to aliases and to the text, so they always agree):
//! - letters are lowercased (full Unicode lowercase) and common Latin diacritics are removed
//!   (`é` -> `e`, `ş` -> `s`, `ø` -> `o`, `ß` -> `ss`, Vietnamese `ễ` -> `e`, pinyin `ǎ` -> `a`);
//!   combining marks (U+0300–U+036F and the other combining blocks) are dropped;
//! - every run of whitespace (ASCII, NBSP, the Unicode spaces, line breaks, ZWSP) becomes one
//!   space;
//! - format characters inside words (ZWJ, ZWNJ, word joiner, BOM, soft hyphen) are dropped;
//! - every other character (punctuation, symbols, emoji) is a token of its own, with a space
//!   on each side: `PDI-P` folds to `pdi - p`, `AS-ROK` to `as - rok`, `Cote d’Ivoire` to
//!   `cote d ' ivoire`. Curly apostrophes fold to `'`, curly double quotes to `"`, and the
//!   dashes (en, em, minus, non-breaking hyphen) to `-`.
//!
//! A space in the folded buffer is therefore exactly a token boundary.

/// The folded form of a text, with the map back to it.
#[derive(Debug, Default)]
pub(crate) struct Folded {
    /// Folded bytes (valid UTF-8), starting and ending with a space.
    pub buf: Vec<u8>,
    /// For each byte of `buf`, the offset (relative to the folded range start) of the original
    /// character that produced it. Spaces map to the original whitespace or to the character
    /// next to them.
    pub map: Vec<u32>,
}

impl Folded {
    /// Folds `text` (an original range starting at relative offset 0) into `self`, replacing
    /// what was there. The result starts and ends with a space.
    pub fn fold(&mut self, text: &str) {
        self.buf.clear();
        self.map.clear();
        self.buf.reserve(text.len() + 2);
        self.map.reserve(text.len() + 2);
        self.buf.push(b' ');
        self.map.push(0);
        let bytes = text.as_bytes();
        let mut i = 0;
        while i < bytes.len() {
            let b = bytes[i];
            if b < 0x80 {
                match CLASS[b as usize] {
                    C_WORD => {
                        self.buf.push(b.to_ascii_lowercase());
                        self.map.push(i as u32);
                    }
                    C_SPACE => self.space(i),
                    _ => self.symbol(i, &[b]),
                }
                i += 1;
                continue;
            }
            let c = text[i..].chars().next().unwrap_or('\u{FFFD}');
            let len = c.len_utf8();
            self.fold_char(c, i);
            i += len;
        }
        self.space(text.len());
    }

    #[inline]
    fn space(&mut self, at: usize) {
        if self.buf.last() != Some(&b' ') {
            self.buf.push(b' ');
            self.map.push(at as u32);
        }
    }

    #[inline]
    fn symbol(&mut self, at: usize, bytes: &[u8]) {
        self.space(at);
        for &b in bytes {
            self.buf.push(b);
            self.map.push(at as u32);
        }
        self.space(at);
    }

    fn push_char(&mut self, c: char, at: usize) {
        let mut tmp = [0u8; 4];
        for &b in c.encode_utf8(&mut tmp).as_bytes() {
            self.buf.push(b);
            self.map.push(at as u32);
        }
    }

    fn fold_char(&mut self, c: char, at: usize) {
        if c.is_whitespace() || c == '\u{200B}' {
            self.space(at);
        } else if is_ignorable(c) || is_combining(c) {
            // dropped: invisible inside a word
        } else if c.is_alphanumeric() {
            for l in c.to_lowercase() {
                if is_combining(l) {
                    continue;
                }
                match strip_diacritic(l) {
                    Some(s) => {
                        for &b in s.as_bytes() {
                            self.buf.push(b);
                            self.map.push(at as u32);
                        }
                    }
                    None => self.push_char(l, at),
                }
            }
        } else {
            let mapped = match c {
                '\u{2018}' | '\u{2019}' | '\u{201A}' | '\u{201B}' | '\u{2032}' | '\u{02BC}'
                | '\u{00B4}' => '\'',
                '\u{201C}' | '\u{201D}' | '\u{201E}' | '\u{201F}' | '\u{00AB}' | '\u{00BB}' => '"',
                '\u{2010}' | '\u{2011}' | '\u{2012}' | '\u{2013}' | '\u{2014}' | '\u{2212}' => '-',
                other => other,
            };
            self.space(at);
            self.push_char(mapped, at);
            self.space(at);
        }
    }
}

/// Folds an alias to its key (no leading or trailing space).
pub(crate) fn fold_key(alias: &str) -> String {
    let mut f = Folded::default();
    f.fold(alias);
    let s = String::from_utf8(f.buf).unwrap_or_default();
    s.trim_matches(' ').to_string()
}

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
    fn map_points_to_original_chars() {
        let text = "Cô\u{A0}A";
        let mut f = Folded::default();
        f.fold(text);
        assert_eq!(f.buf, b" co a ");
        assert_eq!(f.map, vec![0, 0, 1, 3, 5, 6]);
    }
}
