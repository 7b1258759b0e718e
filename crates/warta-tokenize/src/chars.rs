//! Character classes used by the scanner.

/// Byte classes for the ASCII fast path.
pub(crate) const SPACE: u8 = 0;
pub(crate) const LOWER: u8 = 1;
pub(crate) const UPPER: u8 = 2;
pub(crate) const DIGIT: u8 = 3;
pub(crate) const PUNCT: u8 = 4;
pub(crate) const SYMBOL: u8 = 5;
pub(crate) const CONTROL: u8 = 6;
pub(crate) const NONASCII: u8 = 7;

const fn build_table() -> [u8; 256] {
    let mut t = [NONASCII; 256];
    let mut i = 0;
    while i < 128 {
        let c = i as u8;
        t[i] = if c == b' ' || (c >= 0x09 && c <= 0x0d) {
            SPACE
        } else if c < 0x20 || c == 0x7f {
            CONTROL
        } else if c.is_ascii_lowercase() {
            LOWER
        } else if c.is_ascii_uppercase() {
            UPPER
        } else if c.is_ascii_digit() {
            DIGIT
        } else if matches!(
            c,
            b'.' | b','
                | b';'
                | b':'
                | b'!'
                | b'?'
                | b'"'
                | b'\''
                | b'('
                | b')'
                | b'['
                | b']'
                | b'{'
                | b'}'
                | b'-'
                | b'/'
                | b'\\'
                | b'`'
                | b'*'
                | b'_'
                | b'#'
                | b'@'
                | b'&'
                | b'%'
        ) {
            PUNCT
        } else {
            SYMBOL
        };
        i += 1;
    }
    t
}

/// Class of every byte; bytes >= 0x80 are [`NONASCII`].
pub(crate) static CLASS: [u8; 256] = build_table();

const fn build_alnum() -> [bool; 256] {
    let mut t = [false; 256];
    let mut i = 0;
    while i < 128 {
        t[i] = (i as u8).is_ascii_alphanumeric();
        i += 1;
    }
    t
}

static ALNUM: [bool; 256] = build_alnum();

/// True for ASCII letters and digits.
#[inline]
pub(crate) fn is_ascii_alnum(b: u8) -> bool {
    ALNUM[b as usize]
}

/// Characters the tokenizer treats as separators: Unicode white space (`char::is_whitespace`:
/// spaces, tabs, line breaks, NBSP, thin and other Unicode spaces). They never belong to a
/// token; every other character does (a NUL or a zero-width space becomes a symbol token).
///
/// ```
/// use warta_tokenize::is_separator;
/// assert!(is_separator('\u{a0}'));
/// assert!(is_separator('\u{2009}'));
/// assert!(!is_separator('\0'));
/// assert!(!is_separator('a'));
/// ```
#[inline]
pub fn is_separator(c: char) -> bool {
    c.is_whitespace()
}

/// Combining marks and joiners that continue the word they follow.
#[inline]
pub(crate) fn is_mark(c: char) -> bool {
    matches!(c,
        '\u{0300}'..='\u{036f}'
        | '\u{0483}'..='\u{0489}'
        | '\u{0591}'..='\u{05bd}'
        | '\u{0610}'..='\u{061a}'
        | '\u{064b}'..='\u{065f}'
        | '\u{0670}'
        | '\u{06d6}'..='\u{06ed}'
        | '\u{0900}'..='\u{0903}'
        | '\u{093a}'..='\u{094f}'
        | '\u{0e31}'..='\u{0e3a}'
        | '\u{0e47}'..='\u{0e4e}'
        | '\u{1ab0}'..='\u{1aff}'
        | '\u{1dc0}'..='\u{1dff}'
        | '\u{200c}'..='\u{200d}'
        | '\u{20d0}'..='\u{20ff}'
        | '\u{fe00}'..='\u{fe0f}'
        | '\u{fe20}'..='\u{fe2f}'
        | '\u{e0100}'..='\u{e01ef}')
}

/// True for letters, digits and marks that make up words.
#[inline]
pub(crate) fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || is_mark(c)
}

/// Pictographic characters that start an emoji.
#[inline]
pub(crate) fn is_emoji_start(c: char) -> bool {
    matches!(c,
        '\u{1f000}'..='\u{1faff}'
        | '\u{2600}'..='\u{27bf}'
        | '\u{2300}'..='\u{23ff}'
        | '\u{2b00}'..='\u{2bff}'
        | '\u{3030}' | '\u{303d}' | '\u{3297}' | '\u{3299}'
        | '\u{2194}'..='\u{21aa}'
        | '\u{203c}' | '\u{2049}' | '\u{2122}' | '\u{2139}'
        | '\u{24c2}' | '\u{25aa}'..='\u{25fe}')
}

/// Non-ASCII punctuation (quotes, dashes, ellipsis, CJK and full-width punctuation...).
#[inline]
pub(crate) fn is_unicode_punct(c: char) -> bool {
    matches!(c,
        '\u{00a1}' | '\u{00a7}' | '\u{00ab}' | '\u{00b6}' | '\u{00b7}' | '\u{00bb}' | '\u{00bf}'
        | '\u{037e}' | '\u{0387}' | '\u{055a}'..='\u{055f}' | '\u{0589}' | '\u{05be}'
        | '\u{060c}' | '\u{061b}' | '\u{061f}' | '\u{06d4}' | '\u{0964}' | '\u{0965}'
        | '\u{2010}'..='\u{2027}'
        | '\u{2030}'..='\u{205e}'
        | '\u{2e00}'..='\u{2e4f}'
        | '\u{3001}'..='\u{3003}' | '\u{3008}'..='\u{3011}' | '\u{3014}'..='\u{301f}'
        | '\u{fe10}'..='\u{fe19}' | '\u{fe30}'..='\u{fe4f}'
        | '\u{ff01}'..='\u{ff0f}' | '\u{ff1a}'..='\u{ff20}' | '\u{ff3b}'..='\u{ff40}'
        | '\u{ff5b}'..='\u{ff65}')
}

/// Decodes the char starting at byte `i` of `s` (which must be a char boundary).
#[inline]
pub(crate) fn char_at(s: &str, i: usize) -> char {
    s[i..].chars().next().unwrap_or('\u{fffd}')
}
