//! Document-level linking of partial person mentions to full names seen earlier.

use std::borrow::Cow;
use std::cmp::Ordering;
use std::sync::Arc;

use crate::builder::push_id;
use crate::fold::{fold_key_into, hash_ascii_word, hash_bytes, is_combining};
use crate::masks::word_masks;
use crate::{Mention, Span};

/// A person's full name found outside the list (e.g. a quote speaker), for linking.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct PersonName {
    /// Span of the full name in the text.
    pub span: Span,
    /// The full name (`Emily Home`).
    pub name: String,
}

/// True when the folded `key` is a word that is part of a written name but never stands
/// alone for the person.
fn is_not_name_token(key: &[u8]) -> bool {
    matches!(
        key,
        b"bin"
            | b"binti"
            | b"van"
            | b"von"
            | b"der"
            | b"den"
            | b"de"
            | b"da"
            | b"di"
            | b"al"
            | b"el"
            | b"la"
            | b"le"
            | b"du"
            | b"del"
            | b"dos"
            | b"ibn"
            | b"abu"
            | b"bapak"
            | b"pak"
            | b"ibu"
            | b"bu"
            | b"haji"
            | b"hajjah"
            | b"presiden"
            | b"menteri"
            | b"jenderal"
            | b"raja"
            | b"ratu"
            | b"pangeran"
            | b"sultan"
            | b"paus"
            | b"sri"
            | b"muhammad"
            | b"mohammad"
            | b"mohamed"
            | b"muhamad"
            | b"ahmad"
            | b"abdul"
            | b"nur"
            | b"siti"
            | b"jr"
            | b"sr"
            | b"ii"
            | b"iii"
    )
}

/// True when the folded `key` is a word of institution and place names that never occurs
/// in a personal name: a [`PersonName`] containing one (`Hak Asasi Manusia`, `Badan Pengatur
/// Hilir Minyak`) is a mis-recognised speaker and is ignored.
fn is_not_person_word(key: &[u8]) -> bool {
    matches!(
        key,
        b"kementerian"
            | b"kantor"
            | b"badan"
            | b"komisi"
            | b"komite"
            | b"dewan"
            | b"lembaga"
            | b"majelis"
            | b"mahkamah"
            | b"pengadilan"
            | b"kejaksaan"
            | b"kepolisian"
            | b"partai"
            | b"perusahaan"
            | b"pemerintah"
            | b"pemerintahan"
            | b"universitas"
            | b"institut"
            | b"sekolah"
            | b"rumah"
            | b"sakit"
            | b"bank"
            | b"pt"
            | b"tbk"
            | b"hak"
            | b"asasi"
            | b"manusia"
            | b"hukum"
            | b"minyak"
            | b"gas"
            | b"bumi"
            | b"hilir"
            | b"hulu"
            | b"energi"
            | b"keuangan"
            | b"kesehatan"
            | b"pendidikan"
            | b"keamanan"
            | b"pertahanan"
            | b"sosial"
            | b"nasional"
            | b"negara"
            | b"republik"
            | b"provinsi"
            | b"kabupaten"
            | b"kota"
            | b"daerah"
            | b"wilayah"
            | b"pusat"
            | b"umum"
            | b"rakyat"
            | b"pulau"
            | b"gunung"
            | b"sungai"
            | b"jalan"
            | b"gedung"
            | b"istana"
            | b"bandara"
            | b"pelabuhan"
            | b"stasiun"
            | b"pasar"
            | b"masjid"
            | b"gereja"
            | b"koalisi"
            | b"asosiasi"
            | b"yayasan"
            | b"organisasi"
            | b"serikat"
            | b"kepresidenan"
            | b"bursa"
            | b"efek"
    )
}

/// Appends the folded key of `word` to `key` ([`fold_key_into`], without the scanner for a
/// plain ASCII word).
fn fold_word(word: &str, buf: &mut Vec<u8>, key: &mut Vec<u8>) {
    if word.bytes().all(|b| b.is_ascii_alphanumeric()) {
        key.extend(word.bytes().map(|b| b.to_ascii_lowercase()));
    } else {
        fold_key_into(word, buf, key);
    }
}

/// A full person name that later partial mentions may link to.
#[derive(Clone, Copy)]
struct FullName {
    /// Where it appears (partial mentions must start at or after `end`).
    end: usize,
    /// The mention (of the list, or made for a person) whose id, type and canonical name
    /// the linked mentions take.
    source: Source,
    /// Its name tokens: `NameTokens::list(tokens)`.
    tokens: usize,
}

/// Where a [`FullName`]'s mention is.
#[derive(Clone, Copy)]
enum Source {
    /// `mentions[i]`, a PER mention of the list (linked mentions take its canonical name
    /// as alias).
    Mention(usize),
    /// `persons[i]` of the mentions made for the persons.
    Person(usize),
}

/// The name tokens of each distinct full name of a document, computed once per name.
#[derive(Default)]
struct NameTokens {
    /// Folded tokens, one after the other.
    bytes: Vec<u8>,
    /// Each token's range in `bytes`.
    toks: Vec<(usize, usize)>,
    /// Each token list's range in `toks`.
    lists: Vec<(usize, usize)>,
    /// Scratch buffer for folding.
    buf: Vec<u8>,
}

impl NameTokens {
    /// The index of the tokens of each name of `names` (see [`NameTokens::of`]), computed once
    /// per distinct name.
    fn resolve(&mut self, names: &[&str]) -> Vec<Option<usize>> {
        let mut order: Vec<usize> = (0..names.len()).collect();
        order.sort_unstable_by_key(|&i| names[i]);
        let mut out = vec![None; names.len()];
        let mut last: Option<(&str, Option<usize>)> = None;
        for i in order {
            let index = match last {
                Some((name, index)) if name == names[i] => index,
                _ => self.of(names[i]),
            };
            last = Some((names[i], index));
            out[i] = index;
        }
        out
    }

    /// The index of the tokens of `name`, if it can be a full name (two words or more, a
    /// name token at least).
    fn of(&mut self, name: &str) -> Option<usize> {
        let start = self.toks.len();
        self.push_tokens(name);
        if self.toks.len() > start && name.split_whitespace().nth(1).is_some() {
            self.lists.push((start, self.toks.len()));
            return Some(self.lists.len() - 1);
        }
        if let Some(&(from, _)) = self.toks.get(start) {
            self.bytes.truncate(from);
        }
        self.toks.truncate(start);
        None
    }

    /// The tokens of list `i`.
    fn list(&self, i: usize) -> impl Iterator<Item = &[u8]> {
        let (a, b) = self.lists[i];
        self.toks[a..b].iter().map(|&(s, e)| &self.bytes[s..e])
    }

    /// Number of tokens of list `i`.
    fn list_len(&self, i: usize) -> usize {
        let (a, b) = self.lists[i];
        b - a
    }

    /// Appends the folded name tokens of a full name that may stand alone for the person
    /// (capitalised, two letters or more, not a particle, title or very common first name).
    fn push_tokens(&mut self, name: &str) {
        let start = self.toks.len();
        for raw in name.split(|c: char| c.is_whitespace() || c == ',') {
            let word = raw.trim_matches(|c: char| !c.is_alphanumeric());
            if raw.ends_with('.')
                || !word.chars().next().is_some_and(char::is_uppercase)
                || word.chars().filter(|c| c.is_alphabetic()).nth(1).is_none()
            {
                continue;
            }
            let from = self.bytes.len();
            fold_word(word, &mut self.buf, &mut self.bytes);
            let (done, key) = self.bytes.split_at(from);
            if is_not_name_token(key) || self.toks[start..].iter().any(|&(s, e)| &done[s..e] == key)
            {
                self.bytes.truncate(from);
                continue;
            }
            self.toks.push((from, self.bytes.len()));
        }
    }
}

/// The name tokens of a document's full names, each with the full names it stands for, in a
/// small hash table probed once per candidate word of the text.
struct Tokens {
    /// Folded keys, one after the other.
    keys: Vec<u8>,
    /// One per distinct key.
    groups: Vec<Group>,
    /// The full names (indices into the `FullName` list) of every group, each group's
    /// ordered by where the names end.
    names: Vec<usize>,
    /// Open addressing (linear probing) of group indices by key hash; `NONE` is empty.
    slots: Vec<u32>,
    /// Bit `n` set when a key has `n` bytes (`n < 64`); all set when one is longer.
    lengths: u64,
    /// Bit `pair(a, b)` set when a word starting with the ASCII bytes `a`, `b` may be a
    /// key: a key starting with them (in any case), or a key not starting with two ASCII
    /// letters or digits when `b` is neither. Never set for a digit `a`.
    pairs: [u64; 256],
}

/// Index of two ASCII bytes in `Tokens::pairs`.
#[inline]
fn pair(a: u8, b: u8) -> usize {
    usize::from(a & 0x7F) << 7 | usize::from(b & 0x7F)
}

/// A distinct name token.
struct Group {
    /// `hash_bytes` of the key.
    hash: u64,
    /// The key is `keys[key.0..key.1]`.
    key: (usize, usize),
    /// Its full names are `names[names.0..names.1]`.
    names: (usize, usize),
}

const NONE: u32 = u32::MAX;

impl Tokens {
    /// The table of the name tokens of `full`.
    fn new(full: &[FullName], names: &NameTokens) -> Tokens {
        let mut pairs: Vec<(&[u8], usize)> =
            Vec::with_capacity(full.iter().map(|f| names.list_len(f.tokens)).sum());
        for (i, f) in full.iter().enumerate() {
            pairs.extend(names.list(f.tokens).map(|t| (t, i)));
        }
        // Stable order within a key: by end, then by the order the names were added.
        pairs.sort_unstable_by(|a, b| {
            a.0.cmp(b.0)
                .then(full[a.1].end.cmp(&full[b.1].end))
                .then(a.1.cmp(&b.1))
        });
        let mut t = Tokens {
            keys: Vec::with_capacity(pairs.iter().map(|p| p.0.len()).sum()),
            groups: Vec::with_capacity(pairs.len()),
            names: Vec::with_capacity(pairs.len()),
            slots: Vec::new(),
            lengths: 0,
            pairs: [0; 256],
        };
        for (i, (key, name)) in pairs.iter().enumerate() {
            if i == 0 || pairs[i - 1].0 != *key {
                let start = t.keys.len();
                t.keys.extend_from_slice(key);
                t.groups.push(Group {
                    hash: hash_bytes(key),
                    key: (start, t.keys.len()),
                    names: (t.names.len(), t.names.len()),
                });
                t.lengths |= 1u64.checked_shl(key.len() as u32).unwrap_or(u64::MAX);
                // Both bytes in either case.
                let mut set = |a: u8, b: u8| {
                    for a in [a.to_ascii_lowercase(), a.to_ascii_uppercase()] {
                        for b in [b.to_ascii_lowercase(), b.to_ascii_uppercase()] {
                            let p = pair(a, b);
                            t.pairs[p / 64] |= 1 << (p % 64);
                        }
                    }
                };
                match **key {
                    [a, b, ..] if a.is_ascii_alphabetic() && b.is_ascii_alphanumeric() => {
                        set(a, b);
                    }
                    [a, ..] if a.is_ascii_alphabetic() => {
                        (0..128u8)
                            .filter(|b| !b.is_ascii_alphanumeric())
                            .for_each(|b| set(a, b));
                    }
                    _ => {}
                }
            }
            t.names.push(*name);
            if let Some(g) = t.groups.last_mut() {
                g.names.1 = t.names.len();
            }
        }
        t.slots = vec![NONE; (t.groups.len() * 2).next_power_of_two().max(16)];
        let mask = t.slots.len() - 1;
        for (g, group) in t.groups.iter().enumerate() {
            let mut i = group.hash as usize & mask;
            while t.slots[i] != NONE {
                i = (i + 1) & mask;
            }
            t.slots[i] = g as u32;
        }
        t
    }

    /// True when a key may be the word at `s`, judging from its first two bytes (a word
    /// starting with a digit never is).
    #[inline]
    fn may_start_with(&self, bytes: &[u8], s: usize) -> bool {
        let a = bytes.get(s).copied().unwrap_or(0);
        let b = bytes.get(s + 1).copied().unwrap_or(0);
        if (a | b) >= 0x80 {
            return true;
        }
        let p = pair(a, b);
        self.pairs[p / 64] & (1 << (p % 64)) != 0
    }

    /// `may_start_with` of a word whose first two bytes `a` and `b` are ASCII (`b` is 0 past
    /// the end of the text).
    #[inline]
    fn may_start_ascii(&self, a: u8, b: u8) -> bool {
        let p = usize::from(a) << 7 | usize::from(b & 0x7F);
        self.pairs[(p / 64) & 0xFF] & (1 << (p % 64)) != 0
    }

    /// True when some key may have `len` bytes.
    #[inline]
    fn may_have_len(&self, len: usize) -> bool {
        len >= 64 || self.lengths & (1 << len) != 0
    }

    /// The group whose key has hash `hash` and for which `same(key)` holds.
    #[inline]
    fn find(&self, hash: u64, same: impl Fn(&[u8]) -> bool) -> Option<usize> {
        let mask = self.slots.len() - 1;
        let mut i = hash as usize & mask;
        loop {
            let g = *self.slots.get(i)?;
            let group = self.groups.get(g as usize)?;
            if group.hash == hash && same(&self.keys[group.key.0..group.key.1]) {
                return Some(g as usize);
            }
            i = (i + 1) & mask;
        }
    }
}

/// End of the word starting at `start` (an alphanumeric char): letters, digits and combining
/// marks, with inner hyphens or apostrophes before a letter or digit (`Min-seol`, `O'Brien`,
/// `Ma’ruf`).
fn word_end(text: &str, start: usize) -> usize {
    let bytes = text.as_bytes();
    let alnum_at = |at: usize| {
        text.get(at..)
            .and_then(|rest| rest.chars().next())
            .is_some_and(char::is_alphanumeric)
    };
    let mut i = start;
    while let Some(&b) = bytes.get(i) {
        if b.is_ascii_alphanumeric() {
            i += 1;
            continue;
        }
        if b.is_ascii() {
            if matches!(b, b'-' | b'\'') && alnum_at(i + 1) {
                i += 1;
                continue;
            }
            break;
        }
        let Some(c) = text.get(i..).and_then(|rest| rest.chars().next()) else {
            break;
        };
        let joins = c == '\u{2019}' && alnum_at(i + c.len_utf8());
        if c.is_alphanumeric() || is_combining(c) || joins {
            i += c.len_utf8();
        } else {
            break;
        }
    }
    i
}

/// True when the letter or digit at `s` continues a word through a hyphen or apostrophe
/// before it (`kata` in `kata-kata`), rather than starting one.
fn continues_word(text: &str, s: usize) -> bool {
    let joiner = match text.as_bytes().get(..s) {
        Some([.., b'-' | b'\'']) => s - 1,
        Some([.., 0xE2, 0x80, 0x99]) => s - 3,
        _ => return false,
    };
    // Combining marks extend the word before them.
    text.get(..joiner)
        .and_then(|before| before.chars().rev().find(|&c| !is_combining(c)))
        .is_some_and(char::is_alphanumeric)
}

/// True when the char at `s` is a letter or digit (a word goes on with it).
#[cold]
fn joined_rest(text: &str, s: usize) -> bool {
    text.get(s..)
        .and_then(|rest| rest.chars().next())
        .is_some_and(char::is_alphanumeric)
}

/// Calls `f(start, end, first, group)` for every word of the text (see [`word_end`]) that
/// starts with a letter and whose folded key is the name token `group`; `first` is its first
/// char. The text is classified 64 bytes at a time into bit masks; a plain ASCII word, most
/// of the text, costs a few bit operations and a filter on its first letter and length, and
/// only the words that pass are hashed. Words with non-ASCII chars, hyphens or apostrophes
/// are found char by char and folded into a reused buffer.
fn token_words(text: &str, tokens: &Tokens, mut f: impl FnMut(usize, usize, char, usize)) {
    let bytes = text.as_bytes();
    let (mut buf, mut key) = (Vec::new(), Vec::new());
    // Masks of `bytes[base..base + 64]` (see `word_masks`).
    let mut base = 0;
    let (mut word, mut high) = word_masks(bytes, base);
    let mut i = 0;
    // The word at `i` needs the char-by-char path.
    let mut slow = false;
    while i < bytes.len() {
        if i >= base + 64 {
            base = i;
            (word, high) = word_masks(bytes, base);
        }
        // The run touching the end of the block, if any, starts at `tail` (it may go on in
        // the next block).
        let tail = if word >> 63 == 0 {
            64
        } else {
            64 - (!word).leading_zeros() as usize
        };
        if high == 0 && tail > 0 && !slow {
            // An ASCII block: only the words starting with a pair of letters that some key
            // starts with are looked at.
            let below_tail = u64::MAX.checked_shr(64 - tail as u32).unwrap_or(0);
            let mut starts = word & !(word << 1) & (u64::MAX << (i - base)) & below_tail;
            // The block's bytes (zero-padded) for the first two bytes of each word.
            let padded;
            let block = match bytes.get(base..).and_then(<[u8]>::first_chunk::<64>) {
                Some(b) => b,
                None => {
                    let rest = bytes.get(base..).unwrap_or_default();
                    let mut tail = [0u8; 64];
                    tail[..rest.len()].copy_from_slice(rest);
                    padded = tail;
                    &padded
                }
            };
            // The starts whose first two bytes some key may start with, without a branch
            // per word (which of them pass is random). A start is at least two bytes
            // before the end of the block (the run touching the end is left to the next
            // block), so its second byte is in the block.
            let mut candidates = 0;
            while starts != 0 {
                let k = starts.trailing_zeros() as usize;
                starts &= starts - 1;
                let pass = tokens.may_start_ascii(block[k & 63], block[(k + 1) & 63]);
                candidates |= u64::from(pass) << k;
            }
            while candidates != 0 {
                let k = candidates.trailing_zeros() as usize;
                candidates &= candidates - 1;
                let s = base + k;
                if continues_word(text, s) {
                    continue;
                }
                let e = s + (!(word >> k)).trailing_zeros() as usize;
                if matches!(bytes.get(e), Some(b'-' | b'\'')) {
                    // Hyphens or apostrophes may join it to the next run.
                    i = s;
                    slow = true;
                    break;
                }
                if tokens.may_have_len(e - s)
                    && let Some(g) = tokens.find(hash_ascii_word(bytes, s, e), |k| {
                        k.eq_ignore_ascii_case(&bytes[s..e])
                    })
                {
                    f(s, e, char::from(bytes[s]), g);
                }
            }
            if !slow {
                i = base + tail;
                base = i;
                (word, high) = word_masks(bytes, base);
            }
            continue;
        }
        slow = false;
        let ahead = word >> (i - base);
        if ahead == 0 {
            i = base + 64;
            continue;
        }
        let s = i + ahead.trailing_zeros() as usize;
        let k = s - base;
        let run = (!(word >> k)).trailing_zeros() as usize;
        if k > 0 && k + run == 64 {
            // The run may go on past the block: classify from its start.
            base = s;
            (word, high) = word_masks(bytes, base);
            i = s;
            continue;
        }
        if k == 0 && s > 0 && continues_word(text, s) && joined_rest(text, s) {
            // The rest of a word joined by a hyphen or apostrophe, passed over from its start
            // at the end of the block before.
            i = word_end(text, s);
            continue;
        }
        let e = s + run;
        let in_run = u64::MAX.checked_shr(64 - run as u32).unwrap_or(0);
        if run < 64 && (high >> k) & in_run == 0 && !matches!(bytes.get(e), Some(b'-' | b'\'')) {
            // A plain ASCII word, `bytes[s..e]`.
            let b = bytes[s];
            if tokens.may_start_with(bytes, s)
                && tokens.may_have_len(run)
                && let Some(g) = tokens.find(hash_ascii_word(bytes, s, e), |k| {
                    k.eq_ignore_ascii_case(&bytes[s..e])
                })
            {
                f(s, e, char::from(b), g);
            }
            i = e;
            continue;
        }
        // Char by char from `s` (a char boundary: the bytes before it up to `i` are ASCII).
        let Some(c) = text.get(s..).and_then(|rest| rest.chars().next()) else {
            break;
        };
        // Common punctuation and spaces of news text skip the Unicode tables.
        if matches!(c, '\u{A0}' | '\u{2000}'..='\u{206F}') || !c.is_alphanumeric() {
            i = s + c.len_utf8();
            continue;
        }
        let e = word_end(text, s);
        if c.is_alphabetic() {
            key.clear();
            fold_key_into(&text[s..e], &mut buf, &mut key);
            if let Some(g) = tokens.find(hash_bytes(&key), |k| k == key) {
                f(s, e, c, g);
            }
        }
        i = e;
    }
}

/// True when `name` is its words one space apart (no other whitespace).
fn single_spaced(name: &str) -> bool {
    let mut after_space = true;
    for c in name.chars() {
        if c.is_whitespace() {
            if c != ' ' || after_space {
                return false;
            }
            after_space = true;
        } else {
            after_space = false;
        }
    }
    !after_space
}

/// True when the word at `start` opens a sentence (start of a region or line, or after
/// `.`, `!`, `?`, `:` and opening quotes).
fn sentence_initial(text: &str, region_start: usize, start: usize) -> bool {
    for c in text[region_start..start].chars().rev() {
        if c.is_whitespace() && c != '\n' {
            continue;
        }
        return matches!(
            c,
            '\n' | '.' | '!' | '?' | ':' | '"' | '\u{201C}' | '\u{201D}' | '\'' | '\u{2018}' | '('
        );
    }
    true
}

fn valid(text: &str, s: Span) -> bool {
    s.start <= s.end
        && s.end <= text.len()
        && text.is_char_boundary(s.start)
        && text.is_char_boundary(s.end)
}

/// Mention order: by start, longer first at equal start.
fn order(a: &Mention, b: &Mention) -> Ordering {
    a.span
        .start
        .cmp(&b.span.start)
        .then(b.span.end.cmp(&a.span.end))
}

/// Sorts mentions (stable, see [`order`]) and drops overlapping ones, keeping the earlier
/// (then longer) mention.
fn sort_dedup(mentions: Vec<Mention>) -> Vec<Mention> {
    merge_dedup(Vec::new(), mentions)
}

/// `sort_dedup` of `sorted` followed by `extra`, where `sorted` is already in order: `extra`
/// sorted (stable) and placed after the equal mentions of `sorted` (as a stable sort of the
/// concatenation would place them): a few (the usual case) inserted in place, more merged
/// in one pass that also drops the overlaps.
fn merge_dedup(mut sorted: Vec<Mention>, mut extra: Vec<Mention>) -> Vec<Mention> {
    const FEW: usize = 8;
    extra.sort_by(order);
    let mut end: Option<usize> = None;
    let mut apart = |m: &Mention| {
        let keep = end.is_none_or(|e| m.span.start >= e);
        if keep {
            end = Some(m.span.end);
        }
        keep
    };
    if extra.len() <= FEW {
        // From the last, each after the mentions it does not precede.
        let mut limit = sorted.len();
        for m in extra.into_iter().rev() {
            let at = sorted[..limit].partition_point(|x| order(x, &m) != Ordering::Greater);
            sorted.insert(at, m);
            limit = at;
        }
        sorted.retain(apart);
        return sorted;
    }
    let mut out: Vec<Mention> = Vec::with_capacity(sorted.len() + extra.len());
    let mut extra = extra.into_iter().peekable();
    for m in sorted {
        while let Some(x) = extra.next_if(|x| order(&m, x) == Ordering::Greater) {
            if apart(&x) {
                out.push(x);
            }
        }
        if apart(&m) {
            out.push(m);
        }
    }
    out.extend(extra.filter(apart));
    out
}

/// Document-level linking: adds mentions for later partial mentions (`Home`) of full person
/// names seen earlier (`Emily Home`), from PER mentions and from `persons`, inside `regions`.
/// Returns all mentions sorted and non-overlapping.
///
/// Rules:
/// - a *full name* is the canonical name of a `PER` mention with two words or more, or a
///   [`PersonName`] of two words or more (one that overlaps no mention is also added as a `PER`
///   mention with id `PER:slug`, e.g. `PER:emily-home`, when it lies inside a region);
/// - a later word of the text (letters and digits, with inner hyphens and apostrophes) that
///   lies inside a region (regions that overlap count as one), is not already part of a
///   mention, starts with a capital letter and equals (case- and diacritic-insensitively)
///   one of the name tokens of a full name ending before it becomes a mention of that person,
///   with the full name as alias. Any token links, so Korean family-name-first names work
///   (`Suh` -> `Suh Hoon`, `Moon` -> `Moon Jae-in`) as well as Western ones (`Sullivan` ->
///   `Jake Sullivan`);
/// - a [`PersonName`] with a word of institution or place names (`Kementerian`, `Hak`,
///   `Asasi`, `Minyak`, `Pulau`) is a mis-recognised speaker and is ignored;
/// - name tokens exclude particles and titles (`bin`, `van`, `Haji`, `Presiden`), abbreviations
///   (`H.`) and very common first names (`Muhammad`, `Ahmad`, `Siti`);
/// - a sentence-initial word links only if the same word never appears in lowercase in the
///   text (so `Karya` opening a sentence is not taken for `Budi Karya` when `karya` is used
///   as a word);
/// - when several full names share the token, the most recent one wins.
///
/// The text is scanned once, in linear time.
///
/// ```
/// use warta_gazetteer::{PersonName, Span, link_document};
/// let text = "Juru bicara Emily Home berbicara. Kata Home, aliansi kuat.";
/// let persons = [PersonName { span: Span::new(12, 22), name: "Emily Home".into() }];
/// let all = link_document(text, &[Span::new(0, text.len())], Vec::new(), &persons);
/// let got: Vec<(&str, &str)> = all.iter().map(|m| (&text[m.span.start..m.span.end], &*m.id)).collect();
/// assert_eq!(got, [("Emily Home", "PER:emily-home"), ("Home", "PER:emily-home")]);
/// ```
pub fn link_document(
    text: &str,
    regions: &[Span],
    mentions: Vec<Mention>,
    persons: &[PersonName],
) -> Vec<Mention> {
    let mut mentions = mentions;
    mentions.retain(|m| valid(text, m.span));
    // The facade passes the matcher's mentions, already sorted and apart.
    let ordered = mentions
        .windows(2)
        .all(|w| w[0].span.start < w[1].span.start && w[0].span.end <= w[1].span.start);
    if !ordered {
        mentions = sort_dedup(mentions);
    }
    // Sorted, overlapping regions merged.
    let mut sorted: Vec<Span> = Vec::with_capacity(regions.len());
    sorted.extend(regions.iter().copied().filter(|r| valid(text, *r)));
    if !sorted.is_sorted_by_key(|r| r.start) {
        sorted.sort_by_key(|r| r.start);
    }
    let mut regions: Vec<Span> = Vec::with_capacity(sorted.len());
    for r in sorted {
        match regions.last_mut() {
            Some(last) if r.start < last.end => last.end = last.end.max(r.end),
            _ => regions.push(r),
        }
    }
    // The region a span lies in.
    let region_of = |s: Span| {
        let i = regions.partition_point(|r| r.end < s.end);
        regions.get(i).filter(|r| r.start <= s.start).copied()
    };

    let per = |t: &str| t.eq_ignore_ascii_case("PER") || t.eq_ignore_ascii_case("PERSON");
    let (mut buf, mut key) = (Vec::with_capacity(64), Vec::with_capacity(64));
    // The persons that may be full names, with their words one space apart (same words,
    // hence same tokens, as `p.name`).
    let mut person_names: Vec<(&PersonName, Cow<str>)> = Vec::with_capacity(persons.len());
    for p in persons {
        if !valid(text, p.span)
            || p.name.split_whitespace().nth(1).is_none()
            || p.name.split_whitespace().any(|w| {
                key.clear();
                fold_word(w, &mut buf, &mut key);
                is_not_person_word(&key)
            })
        {
            continue;
        }
        let name = if single_spaced(&p.name) {
            Cow::Borrowed(p.name.as_str())
        } else {
            let mut name = String::with_capacity(p.name.len());
            for w in p.name.split_whitespace() {
                if !name.is_empty() {
                    name.push(' ');
                }
                name.push_str(w);
            }
            Cow::Owned(name)
        };
        person_names.push((p, name));
    }
    // The name tokens of the PER mentions' canonical names, then of the persons' names.
    let mut names = NameTokens::default();
    let lists = {
        let mut candidates: Vec<&str> = Vec::with_capacity(mentions.len() + person_names.len());
        candidates.extend(
            mentions
                .iter()
                .filter(|m| per(&m.entity_type))
                .map(|m| &*m.canonical),
        );
        candidates.extend(person_names.iter().map(|(_, name)| &**name));
        if candidates.is_empty() {
            return mentions;
        }
        // Room for every name's tokens at once (folding rarely makes a name longer), not
        // regrown name by name.
        let bytes = candidates.iter().map(|c| c.len()).sum();
        names.bytes.reserve(bytes);
        names.toks.reserve(bytes / 4 + candidates.len());
        names.lists.reserve(candidates.len());
        names.resolve(&candidates)
    };
    let mut lists = lists.into_iter();
    let mut full: Vec<FullName> = Vec::with_capacity(lists.len());
    for (i, m) in mentions.iter().enumerate() {
        if per(&m.entity_type)
            && let Some(Some(tokens)) = lists.next()
        {
            full.push(FullName {
                end: m.span.end,
                source: Source::Mention(i),
                tokens,
            });
        }
    }
    // Mentions made for the persons (`in_region` when they are also added to the output).
    let mut made: Vec<(Mention, bool)> = Vec::with_capacity(person_names.len());
    let mut id = String::with_capacity(64);
    let mut per_type: Option<Arc<str>> = None;
    let mut made_names: Vec<Option<(Arc<str>, Arc<str>)>> = vec![None; names.lists.len()];
    for ((p, name), tokens) in person_names.into_iter().zip(lists) {
        let Some(tokens) = tokens else {
            continue;
        };
        // `mentions` is sorted and non-overlapping: binary search, not a scan per person.
        let first = mentions.partition_point(|m| m.span.end <= p.span.start);
        let overlaps = mentions
            .get(first)
            .is_some_and(|m| m.span.start < p.span.end);
        if overlaps {
            continue;
        }
        // Made once per distinct name (the name's token list).
        let (id, name) = made_names[tokens].get_or_insert_with(|| {
            id.clear();
            push_id(&mut id, "PER", &name, &mut buf, &mut key);
            (Arc::from(id.as_str()), Arc::from(name))
        });
        let mention = Mention {
            span: p.span,
            id: id.clone(),
            entity_type: per_type.get_or_insert_with(|| Arc::from("PER")).clone(),
            canonical: name.clone(),
            alias: name.clone(),
        };
        let in_region = region_of(p.span).is_some();
        full.push(FullName {
            end: p.span.end,
            source: Source::Person(made.len()),
            tokens,
        });
        made.push((mention, in_region));
    }
    // A span made twice is added once, for the first person.
    let mut added: Vec<usize> = (0..made.len()).filter(|&i| made[i].1).collect();
    added.sort_by_key(|&i| (made[i].0.span.start, made[i].0.span.end));
    for w in added.windows(2) {
        if made[w[0]].0.span == made[w[1]].0.span {
            made[w[1]].1 = false;
        }
    }
    if full.is_empty() {
        return mentions;
    }
    let tokens = Tokens::new(&full, &names);
    // One scan: mark the name tokens used as ordinary lowercase words anywhere in the text,
    // and collect the capitalised ones, which are decided once the whole text is seen.
    let mut lowercase = vec![false; tokens.groups.len()];
    let mut capitalised: Vec<(Span, usize)> = Vec::with_capacity(16);
    token_words(text, &tokens, |start, end, first, g| {
        if first.is_lowercase() {
            lowercase[g] = true;
        } else if first.is_uppercase() {
            capitalised.push((Span::new(start, end), g));
        }
    });
    let mut taken: Vec<Span> = Vec::with_capacity(mentions.len() + made.len());
    taken.extend(mentions.iter().map(|m| m.span));
    taken.extend(made.iter().filter(|m| m.1).map(|m| m.0.span));
    if !taken.is_sorted_by_key(|s| s.start) {
        taken.sort_by_key(|s| s.start);
    }
    let covered = |w: Span| {
        let i = taken.partition_point(|s| s.end <= w.start);
        taken.get(i).is_some_and(|s| s.start < w.end)
    };
    let mut linked = Vec::with_capacity(capitalised.len());
    for (w, g) in capitalised {
        let group = &tokens.groups[g];
        let names = &tokens.names[group.names.0..group.names.1];
        let before = names.partition_point(|&i| full[i].end <= w.start);
        if before == 0 || covered(w) {
            continue;
        }
        let Some(region) = region_of(w) else {
            continue;
        };
        if lowercase[g] && sentence_initial(text, region.start, w.start) {
            continue;
        }
        let source = match full[names[before - 1]].source {
            Source::Mention(i) => &mentions[i],
            Source::Person(i) => &made[i].0,
        };
        linked.push(Mention {
            span: w,
            id: source.id.clone(),
            entity_type: source.entity_type.clone(),
            canonical: source.canonical.clone(),
            alias: source.canonical.clone(),
        });
    }
    let mut extra: Vec<Mention> = Vec::with_capacity(made.len() + linked.len());
    extra.extend(
        made.into_iter()
            .filter_map(|(m, in_region)| in_region.then_some(m)),
    );
    if extra.is_empty() && linked.is_empty() {
        return mentions;
    }
    extra.extend(linked);
    merge_dedup(mentions, extra)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fold::fold_key;
    use proptest::prelude::*;

    /// The words of the text, char by char (the definition `token_words` must agree with).
    fn reference_words(text: &str) -> Vec<(usize, usize)> {
        let mut out = Vec::new();
        let mut i = 0;
        while let Some(c) = text[i..].chars().next() {
            if c.is_alphanumeric() {
                let e = word_end(text, i);
                out.push((i, e));
                i = e;
            } else {
                i += c.len_utf8();
            }
        }
        out
    }

    /// What `token_words` reports when every word of `keys_from` is a name token.
    fn found(text: &str, keys_from: &str) -> Vec<(usize, usize, String)> {
        let mut keys: Vec<String> = reference_words(keys_from)
            .into_iter()
            .map(|(s, e)| fold_key(&keys_from[s..e]))
            .collect();
        keys.sort();
        keys.dedup();
        let full = [FullName {
            end: 0,
            source: Source::Mention(0),
            tokens: 0,
        }];
        let mut names = NameTokens::default();
        for k in &keys {
            let from = names.bytes.len();
            names.bytes.extend_from_slice(k.as_bytes());
            names.toks.push((from, names.bytes.len()));
        }
        names.lists.push((0, keys.len()));
        let tokens = Tokens::new(&full, &names);
        let mut out = Vec::new();
        token_words(text, &tokens, |s, e, first, g| {
            let (k0, k1) = tokens.groups[g].key;
            let key = String::from_utf8(tokens.keys[k0..k1].to_vec()).unwrap();
            assert_eq!(text[s..].chars().next(), Some(first));
            assert_eq!(fold_key(&text[s..e]), key);
            out.push((s, e, key));
        });
        out
    }

    /// The words of the text that start with a letter.
    /// The words of `text` (by [`letter_words`]) that are also words of `keys`.
    fn wanted(text: &str, keys: &str) -> Vec<(usize, usize, String)> {
        let keys = letter_words(keys);
        letter_words(text)
            .into_iter()
            .filter(|(_, _, k)| keys.iter().any(|w| &w.2 == k))
            .collect()
    }

    fn letter_words(text: &str) -> Vec<(usize, usize, String)> {
        reference_words(text)
            .into_iter()
            .filter(|&(s, _)| text[s..].chars().next().is_some_and(char::is_alphabetic))
            .map(|(s, e)| (s, e, fold_key(&text[s..e])))
            .collect()
    }

    #[test]
    fn words_keep_hyphens_apostrophes_and_combining_marks_inside() {
        let text = "Moon Jae-in, Ma’ruf Amin dan O'Neil: kata-kata -- Jose\u{301} (2024) é- ’x";
        let words: Vec<&str> = reference_words(text)
            .into_iter()
            .map(|(s, e)| &text[s..e])
            .collect();
        assert_eq!(
            words,
            [
                "Moon",
                "Jae-in",
                "Ma’ruf",
                "Amin",
                "dan",
                "O'Neil",
                "kata-kata",
                "Jose\u{301}",
                "2024",
                "é",
                "x"
            ]
        );
    }

    #[test]
    fn token_words_finds_every_word_across_blocks() {
        let long = "Sebuah-kata-yang-panjang-sekali-melewati-batas-enam-puluh-empat-bita";
        let texts = [
            "Moon Jae-in, Ma’ruf Amin dan O'Neil: kata-kata -- Jose\u{301} (2024) é- ’x",
            long,
            &format!("{} {long} Suh.", "a".repeat(61)),
            &format!("{}Suh Hoon-nya \u{A0}Biden", "x ".repeat(31)),
            &format!("{}“Erdoğan”, kata {}-Home", ". ".repeat(30), "z".repeat(70)),
        ];
        for text in texts {
            assert_eq!(found(text, text), letter_words(text), "{text:?}");
        }
        // The rest of a joined word is no word of its own, also when a block ends inside it.
        for (text, keys) in [
            (format!("{}1'a\u{A0}", " ".repeat(61)), "a"),
            (format!("{}Ma'ruf\u{201D}", " ".repeat(60)), "ruf"),
            (format!("{} 1'a\u{A0}", "\u{201C}a ".repeat(12)), "a"),
        ] {
            assert_eq!(found(&text, keys), wanted(&text, keys), "{text:?}");
        }
        // Only the words whose key is a token.
        let text = "Kata Home: home, HOME-nya dan Homes.";
        let got: Vec<&str> = found(text, "home")
            .iter()
            .map(|&(s, e, _)| &text[s..e])
            .collect();
        assert_eq!(got, ["Home", "home"]);
    }

    proptest! {
        #[test]
        fn merge_dedup_is_a_stable_sort_and_dedup_of_both(
            sorted in proptest::collection::vec((0usize..40, 0usize..6), 0..30),
            extra in proptest::collection::vec((0usize..40, 0usize..6), 0..20),
        ) {
            let mention = |(i, &(start, len)): (usize, &(usize, usize))| Mention {
                span: Span::new(start, start + len),
                id: i.to_string().into(),
                entity_type: "PER".into(),
                canonical: "X".into(),
                alias: "X".into(),
            };
            let sorted = sort_dedup(sorted.iter().enumerate().map(mention).collect());
            let extra: Vec<Mention> =
                extra.iter().enumerate().map(|(i, s)| mention((100 + i, s))).collect();
            // The reference: a stable sort of the concatenation, then the first of each
            // overlapping run kept.
            let mut want: Vec<Mention> = sorted.iter().chain(&extra).cloned().collect();
            want.sort_by(order);
            let mut kept: Vec<Mention> = Vec::new();
            for m in want {
                if kept.last().is_none_or(|l| m.span.start >= l.span.end) {
                    kept.push(m);
                }
            }
            let got = merge_dedup(sorted, extra);
            let key = |ms: &[Mention]| ms.iter().map(|m| (m.span, m.id.clone())).collect::<Vec<_>>();
            prop_assert_eq!(key(&got), key(&kept));
        }

        #[test]
        fn token_words_agrees_with_the_char_by_char_words_on_ascii(
            text in "[a-eA-E1 .,'\\-]{0,300}",
            keys in "[a-eA-E '\\-]{0,30}",
        ) {
            prop_assert_eq!(found(&text, &keys), wanted(&text, &keys));
        }

        #[test]
        fn token_words_agrees_with_the_char_by_char_words(
            text in "[aAbB1 .,'’\\-\u{A0}é\u{301}“]{0,200}",
            keys in "[aAbB1 '\\-é]{0,20}",
        ) {
            prop_assert_eq!(found(&text, &keys), wanted(&text, &keys));
        }
    }
}
