//! Document-level name index, so that a short mention (`Home`, `Presiden`) resolves to the
//! fullest name of the document (`Emily Home`, `Joe Biden`).
//!
//! Building it is one cheap byte-level pass: every run of two or more capitalised words is
//! recorded with its lowercase tokens, and places are noted (`di Indramayu`,
//! `Kota Balikpapan`). A run is split into role, affiliation and name only when a lookup
//! reaches it, once, so the cost stays linear in the text.

use std::cell::OnceCell;
use std::collections::{HashMap, HashSet};
use std::hash::Hasher;

use crate::Span;
use crate::lexicon::{
    FxBuild, FxHasher, Lexicon, Prefilter, flag, norm, pack_bytes, pack_lower_ascii,
    pack_lower_ascii_at, with_lower, with_lower_bytes,
};
use crate::mention::{Known, Mention};
use crate::text::{
    Word, bracket_open_before, char_at, char_before, find_ascii_upper, next_word, opens_sentence,
    prev_word, skip_ws, skip_ws_back, word_at,
};

/// Capitalised words after which the next word is a place (`Kota Balikpapan`), lowercase;
/// not `Daerah` or `Negara`, which end organisation names and roles before a person (`Komite
/// Pemantauan Pelaksanaan Otonomi Daerah Robert Endi Jaweng`, `Sekretaris Negara Pratikno`).
const PLACE_MARKERS: [&[u8]; 12] = [
    b"kota",
    b"kabupaten",
    b"kab",
    b"provinsi",
    b"kecamatan",
    b"kelurahan",
    b"desa",
    b"wilayah",
    b"kawasan",
    b"pulau",
    b"kampung",
    b"dusun",
];

/// The bit of a word's first letter and length (mod 16) in [`PLACE_MARKER_FILTER`].
const fn place_marker_bit(first: u8, len: usize) -> usize {
    ((first & 31) as usize) << 4 | (len & 15)
}

/// The bits of [`PLACE_MARKERS`]: most words fail on one bit, without a branch per marker.
const PLACE_MARKER_FILTER: [u64; 8] = {
    let mut t = [0u64; 8];
    let mut i = 0;
    while i < PLACE_MARKERS.len() {
        let k = place_marker_bit(PLACE_MARKERS[i][0], PLACE_MARKERS[i].len());
        t[k / 64] |= 1 << (k % 64);
        i += 1;
    }
    t
};

/// True when the lowercase word `l` is one of [`PLACE_MARKERS`].
fn is_place_marker(l: &[u8]) -> bool {
    let Some(&first) = l.first() else {
        return false;
    };
    let k = place_marker_bit(first, l.len());
    PLACE_MARKER_FILTER[k / 64] & (1 << (k % 64)) != 0 && PLACE_MARKERS.contains(&l)
}

/// Lowercase words after which a capitalised phrase is a place, not a person (`menuju
/// kawasan Jalan Nambangan`).
fn is_place_prep(w: &str) -> bool {
    matches!(
        w,
        "di" | "ke"
            | "dari"
            | "menuju"
            | "kawasan"
            | "sekitar"
            | "arah"
            | "dekat"
            | "depan"
            | "seberang"
            | "sepanjang"
            | "wilayah"
            | "daerah"
            | "antara"
            | "hingga"
            | "sampai"
    )
}

/// Longest fronted adverbial (bytes, with its comma) before a sentence's subject (`Secara
/// terpisah,`, `Dalam kesempatan yang sama,`).
const MAX_FRONTED: usize = 48;

/// At most this many candidates are examined per lookup (keeps lookups bounded).
const MAX_CANDIDATES: usize = 64;

/// At most this many bytes of a run are searched for a word.
const RUN_WINDOW: usize = 256;

/// At most this many runs holding a word are read back from the text to find the word at
/// their end.
const MAX_RUNS_READ: usize = 8;

/// One full mention seen in the document.
#[derive(Debug, Clone)]
pub(crate) struct NameEntry {
    pub name: String,
    pub tokens: Tokens,
    pub role: Option<String>,
    pub role_key: Option<String>,
    pub affiliation: Option<String>,
    /// Seen only as a sentence-initial run without role (`Diakui Syafrin`): may hold a
    /// capitalised common word.
    pub weak: bool,
    /// The run opens its sentence and a verb or an apposition follows (`Anwar Abbas
    /// menyayangkan …`, `Trismiati (37), warga …`): the sentence is about this person.
    pub subject: bool,
    /// Byte span of the name.
    pub start: usize,
    /// End of the name.
    pub end: usize,
    /// A speech verb follows the name (`Sunday Rompas mengatakan`).
    pub speech: bool,
    /// The sentence describes the person in apposition or by age (`Tini Suryani, warga …`,
    /// `Trismiati (37), …`).
    pub appositive: bool,
    /// The phrase is a place, law or programme (`Taman Suroboyo`, `RUU Cipta Kerja`, `di
    /// Konawe Kepulauan`), not a person.
    pub placey: bool,
}

/// A run of capitalised words.
#[derive(Debug)]
struct Run {
    para_start: usize,
    start: usize,
    limit: usize,
    initial: bool,
    /// One word that opens its sentence with an age in apposition (`Jendareh (45), warga …`):
    /// a person named once, for later `-nya` cues and pronouns.
    single: bool,
    entry: OnceCell<Option<Box<NameEntry>>>,
}

/// A name token of a run while the index is built: its [`token_key`] and its [`Hit`].
#[derive(Debug, Clone, Copy)]
struct Posting {
    key: u128,
    hit: Hit,
}

/// A name token of a run: its run and the run's start, and for a token longer than 15 bytes
/// where its lowercase form lies in the arena (a shorter one is its key).
#[derive(Debug, Clone, Copy, Default)]
struct Hit {
    run: u32,
    start: u32,
    at: u32,
    len: u32,
}

/// Places seen in a document, lowercase; short ASCII ones packed into a number, so that a
/// lookup neither copies nor hashes a string.
#[derive(Debug, Default)]
pub(crate) struct Places {
    short: HashSet<u128, FxBuild>,
    long: HashSet<String, FxBuild>,
    /// Of every place: most words are rejected without a lookup.
    filter: Prefilter,
}

impl Places {
    fn insert(&mut self, place: String) {
        self.filter.insert(place.as_bytes());
        if place.len() <= 15 && place.is_ascii() {
            self.short.insert(pack_bytes(place.as_bytes()));
        } else {
            self.long.insert(place);
        }
    }

    /// True when no place is known.
    pub(crate) fn is_empty(&self) -> bool {
        self.short.is_empty() && self.long.is_empty()
    }

    /// True when `word`, lowercased, is a place.
    pub(crate) fn contains_word(&self, word: &str) -> bool {
        let b = word.as_bytes();
        if let Some(packed) = pack_lower_ascii(b) {
            return self.filter.may_contain(b) && self.short.contains(&packed);
        }
        with_lower(word, |l| {
            if l.len() <= 15 && l.is_ascii() {
                self.short.contains(&pack_bytes(l.as_bytes()))
            } else {
                self.long.contains(l)
            }
        })
    }
}

/// Runs by token, places.
#[derive(Debug, Default)]
pub(crate) struct NameIndex {
    runs: Vec<Run>,
    /// Name tokens grouped by [`token_key`], each group in run order: the runs holding a token
    /// are one slice.
    postings: Vec<Hit>,
    /// The slice of `postings` of each token key.
    by_key: HashMap<u128, (u32, u32), KeyBuild>,
    /// Lowercase tokens longer than 15 bytes, back to back.
    arena: Vec<u8>,
    /// The words (lowercase) that open a capitalised run (or stand alone) somewhere.
    heads: WordSet,
    places: Places,
}

/// A set of lowercase words: those of at most 15 bytes packed with their length into one
/// number (see [`pack_bytes`]) in an open-addressed table, longer ones boxed. Inserting a short
/// ASCII word neither hashes its bytes nor calls into a general hash table.
#[derive(Debug, Default)]
pub(crate) struct WordSet {
    /// Packed words; zero (no packed word has length zero) marks an empty slot.
    slots: Vec<u128>,
    len: usize,
    long: HashSet<Box<[u8]>, FxBuild>,
}

impl WordSet {
    /// Room for about `n` short words before the table grows.
    pub(crate) fn with_capacity(n: usize) -> WordSet {
        WordSet {
            slots: vec![0; (2 * n).next_power_of_two().max(16)],
            ..WordSet::default()
        }
    }

    /// The slot holding `key`, or the empty one where it would go.
    #[inline(always)]
    fn slot(slots: &[u128], key: u128) -> usize {
        let mask = slots.len() - 1;
        let mixed = (key as u64 ^ (key >> 64) as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15);
        let mut i = (mixed >> 40) as usize & mask;
        while slots[i] != 0 && slots[i] != key {
            i = (i + 1) & mask;
        }
        i
    }

    /// Inserts a word packed by [`pack_bytes`] (lowercase, 1 to 15 bytes).
    #[inline]
    fn insert_packed(&mut self, key: u128) {
        if self.slots.is_empty() || 2 * (self.len + 1) > self.slots.len() {
            self.grow();
        }
        let i = Self::slot(&self.slots, key);
        if self.slots[i] == 0 {
            self.slots[i] = key;
            self.len += 1;
        }
    }

    /// Inserts a lowercase word.
    pub(crate) fn insert(&mut self, word: &[u8]) {
        match word.len() {
            0 => {}
            1..=15 => self.insert_packed(pack_bytes(word)),
            _ => {
                self.long.insert(word.into());
            }
        }
    }

    #[inline(never)]
    fn grow(&mut self) {
        let size = (2 * self.slots.len()).max(16);
        let old = std::mem::replace(&mut self.slots, vec![0; size]);
        for key in old.into_iter().filter(|&k| k != 0) {
            let i = Self::slot(&self.slots, key);
            self.slots[i] = key;
        }
    }

    /// True when `word`, already lowercase (compared byte for byte), is in the set.
    pub(crate) fn contains_lower(&self, word: &[u8]) -> bool {
        match word.len() {
            0 => false,
            1..=15 => {
                !self.slots.is_empty() && {
                    let key = pack_bytes(word);
                    self.slots[Self::slot(&self.slots, key)] == key
                }
            }
            _ => self.long.contains(word),
        }
    }

    /// True when `word`, lowercased, is in the set.
    fn contains(&self, word: &str) -> bool {
        with_lower_bytes(word, |l| self.contains_lower(l))
    }
}

/// The top byte of the [`token_key`] of a token longer than 15 bytes (that of a packed token
/// is its length).
const LONG_KEY: u128 = 0xff << 120;

/// The key of a lowercase name token: a token of at most 15 bytes packed with its length (one
/// key, one token: its postings need no comparison), a longer one hashed (its postings are
/// compared with it in the arena).
fn token_key(token: &[u8]) -> u128 {
    if token.len() <= 15 {
        return pack_bytes(token);
    }
    let mut h = FxHasher::default();
    h.write(token);
    LONG_KEY | u128::from(h.finish())
}

/// A hasher of token keys: one folded multiply of the key's two halves (the general
/// [`FxHasher`] takes a 16-byte key eight bytes at a time, with a multiply each).
#[derive(Debug, Default, Clone, Copy)]
struct KeyHasher(u64);

impl Hasher for KeyHasher {
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0.rotate_left(5) ^ u64::from(b)).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
        }
    }

    #[inline(always)]
    fn write_u128(&mut self, k: u128) {
        let m = u128::from(self.0 ^ k as u64 ^ (k >> 64) as u64) * 0x9E37_79B9_7F4A_7C15;
        self.0 = m as u64 ^ (m >> 64) as u64;
    }

    fn finish(&self) -> u64 {
        self.0
    }
}

/// Hash builder of the token-key map.
type KeyBuild = std::hash::BuildHasherDefault<KeyHasher>;

/// The bit of a token key among the 64 classes of a run's keys (see `run_classes` in
/// [`NameIndex::build`]).
#[inline(always)]
fn key_class(key: u128) -> u64 {
    1 << (FxHasher::packed(key) >> 58)
}

/// The tokens [`name_tokens`] gives, lowercase, kept in one string (one allocation) and
/// separated by single spaces (a token holds no whitespace).
#[derive(Debug, Clone, Default)]
pub(crate) struct Tokens {
    joined: Box<str>,
    len: usize,
}

impl Tokens {
    /// The tokens of `name`.
    pub(crate) fn of(name: &str) -> Tokens {
        let b = name.as_bytes();
        // One pass without early exits: the spaces, and whether a byte breaks the form of ASCII
        // words separated by single spaces (a non-ASCII byte, another separator, a space
        // opening the name or following a space).
        let mut spaces = 0;
        let mut odd = false;
        let mut after_space = true;
        for &c in b {
            let space = c == b' ';
            odd |= (space & after_space) | (c >= 0x80) | (c == b',') | (9..=13).contains(&c);
            spaces += usize::from(space);
            after_space = space;
        }
        if !odd && !after_space {
            // Words separated by single spaces (most names): the name lowercased.
            return Tokens {
                joined: name.to_ascii_lowercase().into_boxed_str(),
                len: 1 + spaces,
            };
        }
        let mut joined = String::with_capacity(name.len());
        let mut len = 0;
        if name.is_ascii() {
            // ASCII whitespace and commas separate the tokens.
            let mut open = false;
            for &c in name.as_bytes() {
                if matches!(c, b'\t' | b'\n' | 0x0b | 0x0c | b'\r' | b' ' | b',') {
                    open = false;
                    continue;
                }
                if !open {
                    if len > 0 {
                        joined.push(' ');
                    }
                    len += 1;
                    open = true;
                }
                joined.push(char::from(c.to_ascii_lowercase()));
            }
        } else {
            for t in name
                .split(|c: char| c.is_whitespace() || c == ',')
                .filter(|t| !t.is_empty())
            {
                if len > 0 {
                    joined.push(' ');
                }
                len += 1;
                if t.is_ascii() {
                    let at = joined.len();
                    joined.push_str(t);
                    joined[at..].make_ascii_lowercase();
                } else {
                    joined.push_str(&norm(t));
                }
            }
        }
        Tokens {
            joined: joined.into_boxed_str(),
            len,
        }
    }

    /// How many tokens.
    pub(crate) fn len(&self) -> usize {
        self.len
    }

    /// The tokens in order (no token holds whitespace).
    pub(crate) fn iter(&self) -> impl Iterator<Item = &str> {
        self.joined.split_ascii_whitespace()
    }

    /// True when `token` is one of the tokens (compared byte for byte at each token start).
    pub(crate) fn contains(&self, token: &str) -> bool {
        let (j, t) = (self.joined.as_bytes(), token.as_bytes());
        let mut i = 0;
        loop {
            // The bytes are compared only when a token ends where `token` would.
            if j.get(i + t.len()).is_none_or(|&c| c == b' ') && j.get(i..i + t.len()) == Some(t) {
                return true;
            }
            match j[i..].iter().position(|&c| c == b' ') {
                Some(k) => i += k + 1,
                None => return false,
            }
        }
    }
}

/// The side of a candidate pair's name (`Eri Cahyadi-Armuji`, `Indah Putri Andriani-Suaib
/// Mansur`) that holds every token of `surface` (`Eri`, `Indah`): the person, not the ticket.
/// A hyphen inside one name stays (`Perangin-Angin`, whose right part repeats the end of the
/// left one; `Al-Farisi`); `name` is returned whole when the surface is not on one side.
pub(crate) fn pair_side<'a>(name: &'a str, surface: &str) -> &'a str {
    let b = name.as_bytes();
    let Some(h) = memchr::memchr_iter(b'-', b).find(|&i| {
        i > 0 && i + 1 < b.len() && b[i - 1].is_ascii_lowercase() && b[i + 1].is_ascii_uppercase()
    }) else {
        return name;
    };
    let (left, right) = (&name[..h], &name[h + 1..]);
    let left_last = left.rsplit(' ').next().unwrap_or(left);
    let right_first = right.split(' ').next().unwrap_or(right);
    let reduplicated = left_last
        .len()
        .checked_sub(right_first.len())
        .and_then(|k| left_last.get(k..))
        .is_some_and(|end| end.eq_ignore_ascii_case(right_first));
    if reduplicated || left_last.len() <= 2 || right.contains('-') {
        return name;
    }
    let want = name_tokens(surface);
    if want.is_empty() {
        return name;
    }
    [left, right]
        .into_iter()
        .find(|side| {
            let toks = name_tokens(side);
            want.iter().all(|t| toks.contains(t))
        })
        .unwrap_or(name)
}

/// Where the word `word` joins the names of a candidate pair with a hyphen (`Cahyadi-Armuji`:
/// a lowercase letter, the hyphen, a capital), by the rules of [`pair_side`]: not a hyphen inside
/// one name (`Perangin-Angin`, `Al-Farisi`, `Nur-Al-Huda`).
fn pair_hyphen(word: &str) -> Option<usize> {
    let b = word.as_bytes();
    let h = memchr::memchr_iter(b'-', b).find(|&i| {
        i > 0 && i + 1 < b.len() && b[i - 1].is_ascii_lowercase() && b[i + 1].is_ascii_uppercase()
    })?;
    let (left, right) = (&word[..h], &word[h + 1..]);
    let reduplicated = left
        .len()
        .checked_sub(right.len())
        .and_then(|k| left.get(k..))
        .is_some_and(|end| end.eq_ignore_ascii_case(right));
    (!reduplicated && left.len() > 2 && !right.contains('-')).then_some(h)
}

/// Adds the two names of the candidate pair `w` (`Cahyadi-Armuji`), if it is one, to the
/// postings of a short run (those from `run_postings`; `hit` gives its run and start) unless
/// the run holds them already.
#[inline(never)]
fn add_pair_halves(
    text: &str,
    w: Word,
    postings: &mut Vec<Posting>,
    arena: &mut Vec<u8>,
    run_postings: usize,
    run_classes: &mut u64,
    hit: Hit,
) {
    let Some(h) = pair_hyphen(w.str(text)) else {
        return;
    };
    for half in [&text[w.start..w.start + h], &text[w.start + h + 1..w.end]] {
        with_lower_bytes(half, |l| {
            let key = token_key(l);
            let long = l.len() > 15;
            let seen = postings[run_postings..].iter().any(|p| {
                p.key == key
                    && (!long || &arena[p.hit.at as usize..(p.hit.at + p.hit.len) as usize] == l)
            });
            if !seen {
                *run_classes |= key_class(key);
                postings.push(Posting {
                    key,
                    hit: Hit {
                        at: arena.len() as u32,
                        len: if long { l.len() as u32 } else { 0 },
                        ..hit
                    },
                });
                if long {
                    arena.extend_from_slice(l);
                }
            }
        });
    }
}

/// Not zero when the word packed in `p` (see [`pack_bytes`]) holds a hyphen: eight bytes at a
/// time, no byte of the packing is zero after the XOR but a hyphen's.
#[inline(always)]
fn hyphen_bits(p: u128) -> u64 {
    const L: u64 = 0x0101_0101_0101_0101;
    const H: u64 = 0x8080_8080_8080_8080;
    const HYPHENS: u64 = L * 0x2d;
    let (lo, hi) = (p as u64 ^ HYPHENS, (p >> 64) as u64 ^ HYPHENS);
    (lo.wrapping_sub(L) & !lo | hi.wrapping_sub(L) & !hi) & H
}

/// True when `token` (lowercase) is one of the names of a candidate pair written as one word
/// in `name` (`cahyadi` in `Eri Cahyadi-Armuji`).
fn is_pair_part(name: &str, token: &str) -> bool {
    name.contains('-')
        && name
            .split(|c: char| c.is_whitespace() || c == ',')
            .any(|w| {
                pair_hyphen(w).is_some_and(|h| {
                    [&w[..h], &w[h + 1..]]
                        .into_iter()
                        .any(|part| with_lower_bytes(part, |l| l == token.as_bytes()))
                })
            })
}

/// Lowercase name tokens (hyphenated parts stay whole).
pub(crate) fn name_tokens(name: &str) -> Vec<String> {
    if name.is_ascii() {
        // The same split byte by byte: ASCII whitespace and commas.
        let b = name.as_bytes();
        let mut out = Vec::with_capacity(4);
        let mut start = 0;
        for i in 0..=b.len() {
            if b.get(i)
                .is_none_or(|c| matches!(c, b'\t' | b'\n' | 0x0b | 0x0c | b'\r' | b' ' | b','))
            {
                if i > start {
                    out.push(name[start..i].to_ascii_lowercase());
                }
                start = i + 1;
            }
        }
        return out;
    }
    name.split(|c: char| c.is_whitespace() || c == ',')
        .filter(|t| !t.is_empty())
        .map(|t| {
            if t.is_ascii() {
                t.to_ascii_lowercase()
            } else {
                norm(t)
            }
        })
        .collect()
}

/// Calls `f` with the tokens [`name_tokens`] gives, without allocating for a short ASCII name
/// (lowercased into a buffer on the stack).
pub(crate) fn with_name_tokens<R>(name: &str, f: impl FnOnce(&[&str]) -> R) -> R {
    const MAX_LEN: usize = 64;
    const MAX_TOKENS: usize = 12;
    let b = name.as_bytes();
    if b.len() <= MAX_LEN && b.is_ascii() {
        let mut buf = [0u8; MAX_LEN];
        let lower = &mut buf[..b.len()];
        for (d, &c) in lower.iter_mut().zip(b) {
            *d = c.to_ascii_lowercase();
        }
        // ASCII bytes: always valid UTF-8 (checked once, not per token).
        let lower = std::str::from_utf8(lower).unwrap_or_default();
        let mut toks: [&str; MAX_TOKENS] = [""; MAX_TOKENS];
        let mut n = 0;
        let mut start = 0;
        for i in 0..=lower.len() {
            if lower
                .as_bytes()
                .get(i)
                .is_none_or(|c| matches!(c, b'\t' | b'\n' | 0x0b | 0x0c | b'\r' | b' ' | b','))
            {
                if i > start {
                    if n == MAX_TOKENS {
                        n = usize::MAX;
                        break;
                    }
                    toks[n] = &lower[start..i];
                    n += 1;
                }
                start = i + 1;
            }
        }
        if n != usize::MAX {
            return f(&toks[..n]);
        }
    }
    let owned = name_tokens(name);
    let toks: Vec<&str> = owned.iter().map(String::as_str).collect();
    f(&toks)
}

impl NameIndex {
    /// The byte-level pass over the paragraphs.
    pub(crate) fn build(lex: &Lexicon, text: &str, paragraphs: &[Span]) -> NameIndex {
        let mut idx = NameIndex::default();
        // Room for a capitalised token every 64 bytes, so that a long document does not grow
        // (and copy) the postings many times.
        let bytes_in: usize = paragraphs.iter().map(|p| p.end - p.start).sum();
        let mut postings: Vec<Posting> = Vec::with_capacity(bytes_in / 64);
        idx.runs.reserve(bytes_in / 128);
        idx.heads = WordSet::with_capacity(bytes_in / 128);
        let bytes = text.as_bytes();
        let mut words = Vec::with_capacity(16);
        // Key -> first posting of the current run.
        let mut in_run: HashMap<u128, usize, FxBuild> = HashMap::default();
        // A capitalised word that is not short ASCII, lowercased.
        let mut lowered: Vec<u8> = Vec::new();
        for p in paragraphs {
            let mut i = p.start;
            while i < p.end {
                let Some(at) = find_ascii_upper(bytes, i, p.end) else {
                    break;
                };
                i = at;
                if i > p.start && (bytes[i - 1].is_ascii_alphanumeric() || bytes[i - 1] >= 0x80) {
                    i += 1;
                    continue;
                }
                let Some(first) = word_at(text, i, p.end) else {
                    i += 1;
                    continue;
                };
                if i >= p.start + 3
                    && &bytes[i - 3..i] == b"di "
                    && (i == p.start + 3 || !bytes[i - 4].is_ascii_alphanumeric())
                    && !lex.has(first.str(text), flag::STOP | flag::ROLE)
                    && !idx.places.contains_word(first.str(text))
                {
                    idx.places.insert(norm(first.str(text)));
                }
                // Words separated by one space, each starting with an ASCII capital; also over
                // an initial's period (`Teguh P. Nugroho`), as `Lexicon::run_forward` reads it.
                words.clear();
                words.push(first);
                let mut end = first.end;
                loop {
                    while end + 1 < p.end
                        && bytes[end] == b' '
                        && bytes[end + 1].is_ascii_uppercase()
                    {
                        match word_at(text, end + 1, p.end) {
                            Some(w) => {
                                words.push(w);
                                end = w.end;
                            }
                            None => break,
                        }
                    }
                    // (Byte tests first: most runs end elsewhere than after an initial.)
                    if bytes.get(end) != Some(&b'.') || words[words.len() - 1].start + 1 != end {
                        break;
                    }
                    match name_after_initial(lex, text, &words, end, p.end) {
                        Some(w) => {
                            words.push(w);
                            end = w.end;
                        }
                        None => break,
                    }
                }
                if words.len() == 1 {
                    match pack_lower_ascii_at(text, first.start, first.end) {
                        Some(packed) => idx.heads.insert_packed(packed),
                        None => with_lower_bytes(first.str(text), |l| idx.heads.insert(l)),
                    }
                    // A bracket after the word (rare) before the rest is looked at.
                    if bytes.get(first.end + 1) == Some(&b'(')
                        && bytes[first.end] == b' '
                        && aged_apposition(bytes, first.end + 2)
                        && opens_sentence(text, i, p.start)
                        && !lex.has(
                            first.str(text),
                            flag::STOP | flag::ROLE | flag::AFF | flag::NONPERSON,
                        )
                        && !crate::text::is_acronym(first.str(text))
                    {
                        idx.runs.push(Run {
                            para_start: p.start,
                            start: i,
                            limit: p.end,
                            initial: true,
                            single: true,
                            entry: OnceCell::new(),
                        });
                    }
                } else {
                    let id = idx.runs.len();
                    let run_postings = postings.len();
                    // Short runs look for a repeated token among their own postings; long ones
                    // (capitalised text) through a map, to stay linear.
                    let long_run = words.len() > 16;
                    if long_run {
                        in_run.clear();
                    }
                    let mut run_classes = 0u64;
                    // Bit `k` when word `k` (of a short run) is indexed; not zero when a word
                    // holds a hyphen.
                    let mut indexed_words = 0u64;
                    let mut hyphens = 0u64;
                    // The word that opens the run: its first, or after a capitalised stop
                    // word its second (`Menurut Wahyu`, `Namun Rachmi`).
                    let mut head = 0;
                    for (k, w) in words.iter().enumerate() {
                        // The word lowercased: a short ASCII word packed on the stack, another
                        // one into `lowered`.
                        let packed = pack_lower_ascii_at(text, w.start, w.end);
                        let buf = packed.map_or([0; 16], u128::to_le_bytes);
                        let (l, f, key) = match packed {
                            Some(p) => {
                                let l = &buf[..w.end - w.start];
                                hyphens |= hyphen_bits(p);
                                (l, lex.flags_of_packed(l, p), p)
                            }
                            None => {
                                lowered.clear();
                                with_lower_bytes(w.str(text), |l| lowered.extend_from_slice(l));
                                let l = &lowered[..];
                                hyphens |= u64::from(l.contains(&b'-'));
                                (l, lex.flags_of_lower(l), token_key(l))
                            }
                        };
                        if k == head {
                            match packed {
                                Some(p) => idx.heads.insert_packed(p),
                                None => idx.heads.insert(l),
                            }
                            if k == 0 {
                                head = usize::from(f & flag::STOP != 0);
                            }
                        }
                        // Organisation and stop words are never name tokens (roles stay: a
                        // role-only mention is looked up by its last word); a soft stop word
                        // inside a run may be a name (`Jateng Lalu M Syafriadi`, then `tutur
                        // Lalu`).
                        let indexed = f & flag::ROLE != 0
                            || f & (flag::AFF | flag::STOP) == 0
                            || (k > 0 && f & (flag::AFF | flag::HARD_STOP) == 0);
                        indexed_words |= u64::from(indexed) << (k & 63);
                        if indexed {
                            // A key of at most 15 bytes is the token; a longer one's postings
                            // are compared with it.
                            let long = l.len() > 15;
                            let arena = &idx.arena;
                            let same = |p: &Posting| {
                                p.key == key
                                    && (!long
                                        || &arena
                                            [p.hit.at as usize..(p.hit.at + p.hit.len) as usize]
                                            == l)
                            };
                            let class = key_class(key);
                            let seen = if long_run {
                                // The run's first posting of the key decides, the run's
                                // others only on a hash collision of long tokens.
                                match in_run.get(&key) {
                                    None => false,
                                    Some(&first) if same(&postings[first]) => true,
                                    Some(_) => postings[run_postings..].iter().any(same),
                                }
                            } else {
                                // One bit per key class of the run's postings: a token is
                                // looked for among them only when its class is taken.
                                run_classes & class != 0
                                    && postings[run_postings..].iter().any(same)
                            };
                            if !seen {
                                run_classes |= class;
                                if long_run {
                                    in_run.entry(key).or_insert(postings.len());
                                }
                                postings.push(Posting {
                                    key,
                                    hit: Hit {
                                        run: id as u32,
                                        start: i as u32,
                                        at: idx.arena.len() as u32,
                                        len: if long { l.len() as u32 } else { 0 },
                                    },
                                });
                                if long {
                                    idx.arena.extend_from_slice(l);
                                }
                            }
                        }
                        // `Wali Kota Risma` is a role and a name, not a place.
                        if is_place_marker(l)
                            && !(k > 0 && words[k - 1].str(text).eq_ignore_ascii_case("wali"))
                            && let Some(n) = words.get(k + 1)
                            && !lex.has(n.str(text), flag::STOP | flag::ROLE)
                            && !idx.places.contains_word(n.str(text))
                        {
                            idx.places.insert(norm(n.str(text)));
                        }
                    }
                    // Each name of a candidate pair written with a hyphen (`Cahyadi-Armuji`), so
                    // that a later `kata Cahyadi` finds the pair; not in capitalised text.
                    if hyphens != 0 && !long_run {
                        for (k, w) in words.iter().enumerate() {
                            if indexed_words & 1 << k != 0 {
                                add_pair_halves(
                                    text,
                                    *w,
                                    &mut postings,
                                    &mut idx.arena,
                                    run_postings,
                                    &mut run_classes,
                                    Hit {
                                        run: id as u32,
                                        start: i as u32,
                                        at: 0,
                                        len: 0,
                                    },
                                );
                            }
                        }
                    }
                    idx.runs.push(Run {
                        para_start: p.start,
                        start: i,
                        limit: p.end,
                        initial: opens_sentence(text, i, p.start),
                        single: false,
                        entry: OnceCell::new(),
                    });
                }
                i = end.max(i + 1);
            }
        }
        idx.group_postings(&postings);
        idx
    }

    /// Groups `postings` by token key into `self.postings`, each group in run order (a
    /// counting sort: one map probe per posting), and records each group's slice in `by_key`.
    fn group_postings(&mut self, postings: &[Posting]) {
        let n = postings.len();
        let mut group_of: Vec<u32> = Vec::with_capacity(n);
        let mut sizes: Vec<u32> = Vec::with_capacity(n);
        // Tokens repeat (a document names its people and places again and again): room for
        // about one token in four, so that the map stays small enough for the cache.
        self.by_key.reserve(n.min(64) + n / 4);
        for p in postings {
            let next = sizes.len() as u32;
            let g = *self.by_key.entry(p.key).or_insert((next, 0));
            if g.0 == next {
                sizes.push(0);
            }
            sizes[g.0 as usize] += 1;
            group_of.push(g.0);
        }
        // Group `g` starts at `starts[g]` of the grouped postings.
        let mut starts: Vec<u32> = Vec::with_capacity(sizes.len());
        let mut at = 0;
        for &size in &sizes {
            starts.push(at);
            at += size;
        }
        for range in self.by_key.values_mut() {
            let lo = starts[range.0 as usize];
            *range = (lo, lo + sizes[range.0 as usize]);
        }
        self.postings = vec![Hit::default(); n];
        for (p, &g) in postings.iter().zip(&group_of) {
            let slot = &mut starts[g as usize];
            self.postings[*slot as usize] = p.hit;
            *slot += 1;
        }
    }

    /// Where the personal name starts in the name part `s..e` of mention `m`: after a role or
    /// an affiliation, the name may still begin with the end of an organisation's name that
    /// the lexicons do not know (`Direktur Eksekutif Global Justice Rachmi Hertanti`). When the
    /// first two words or more of the part never open a run elsewhere in the document, or
    /// stand alone elsewhere as that organisation (`Du Anyam`), but a later one does open a
    /// run (`kata Rachmi`), and two words remain, the name starts there and the words before
    /// it join the affiliation. One glued word is enough when the affiliation ends with an
    /// organisation word and one unknown word, the start of the organisation's own name
    /// (`Universitas Sam Ratulangi Flora Kalalo`, then `kata Flora`).
    pub(crate) fn unglue(
        &self,
        lex: &Lexicon,
        text: &str,
        m: &mut Mention,
        s: usize,
        e: usize,
    ) -> usize {
        self.unglue_run(lex, text, m, s, e, false)
    }

    /// [`Self::unglue`]; `opens_run` when the part opens its run, so that its first word
    /// opening a run says nothing.
    fn unglue_run(
        &self,
        lex: &Lexicon,
        text: &str,
        m: &mut Mention,
        s: usize,
        e: usize,
        opens_run: bool,
    ) -> usize {
        if m.role.is_none() && m.affiliation.is_none() {
            return s;
        }
        // A glued word and two name words: a part of fewer than three words stays whole (and
        // one of more than eight is no name).
        const MAX_WORDS: usize = 8;
        let mut buf: [(usize, &str); MAX_WORDS] = [(0, ""); MAX_WORDS];
        let mut n = 0;
        for (start, w) in text[s..e]
            .split(' ')
            .scan(s, |at, w| {
                let start = *at;
                *at += w.len() + 1;
                Some((start, w))
            })
            .filter(|(_, w)| !w.is_empty())
        {
            if n == MAX_WORDS {
                return s;
            }
            buf[n] = (start, w);
            n += 1;
        }
        if n < 3 {
            return s;
        }
        let words = &buf[..n];
        // `… Universitas Sam`: an organisation word and one word the lexicons do not know.
        let open_org = || {
            m.affiliation.as_deref().is_some_and(|a| {
                let mut it = a.rsplit(' ');
                match (it.next(), it.next()) {
                    (Some(last), Some(head)) => {
                        lex.has(head, flag::HEAD)
                            && !lex.has(last, flag::AFF | flag::ROLE | flag::STOP)
                            && !crate::text::is_acronym(last)
                            && !self.places.contains_word(last)
                    }
                    _ => false,
                }
            })
        };
        // Personal names are often referred to by a later part (`Muhammad Budi Santoso`, then
        // `kata Budi`; `Septian Hario Seto`, then `kata Seto`; `I Made Bayu`): only a glued
        // part of two words or more without initials (or one after an open organisation) is
        // cut, and two name words must remain.
        let found = (1..words.len().saturating_sub(1))
            .find(|&k| {
                // After an open organisation, a word that opens names starts the name
                // (`Universitas Lambung Mangkurat Muhammad Handry`).
                (self.heads.contains(words[k].1) && (k >= 2 || open_org()))
                    || (k == 1 && lex.has(words[1].1, flag::NAME_OPENER) && open_org())
            })
            .filter(|&k| {
                let glued = &words[..k];
                glued.iter().all(|(_, w)| w.len() > 1)
                    && (!glued
                        .iter()
                        .skip(usize::from(opens_run))
                        .any(|(_, w)| self.heads.contains(w))
                        || self.stands_alone(text, s, words[k - 1].0 + words[k - 1].1.len()))
            });
        // `Direktur Utama Telkomsel Setyanto Hantoro`, then `PT Telkomsel` and `kata
        // Setyanto`: one glued word that ends another run of the document (an organisation's
        // name) and is no name opener, before a name of two or three words referred to by its
        // first word.
        let found = found.or_else(|| {
            (words.len() <= 4
                && words[0].1.len() > 1
                && self.heads.contains(words[1].1)
                && !lex.has(words[0].1, flag::NAME_OPENER)
                && self.ends_a_run(text, s, words[0].1))
            .then_some(1)
        });
        // `Ketua Serikat Pekerja Hotel Harmoni One Wahyu`, then `karyawan Hotel Harmoni One
        // mogok` and `kata Wahyu`: a glued organisation of two words or more that stands alone
        // elsewhere leaves a one-word name.
        let last = words.len() - 1;
        let found = found.or_else(|| {
            // (A run elsewhere opens with the organisation: its first word is a head.)
            (last >= 2
                && words[..last].iter().all(|(_, w)| w.len() > 1)
                && self.heads.contains(words[last].1)
                && self.heads.contains(words[0].1)
                && self.stands_alone(text, s, words[last - 1].0 + words[last - 1].1.len()))
            .then_some(last)
        });
        let Some(k) = found else {
            return s;
        };
        let cut = words[k].0;
        {
            let glued = text[s..cut].trim_end();
            m.affiliation = Some(match m.affiliation.take() {
                Some(a) => format!("{a} {glued}"),
                None => glued.to_string(),
            });
        }
        cut
    }

    /// The postings of the tokens with the key `key` (empty when none): those of one token when
    /// it has at most 15 bytes.
    #[inline]
    fn postings_of(&self, key: u128) -> &[Hit] {
        self.by_key
            .get(&key)
            .map_or(&[], |&(lo, hi)| &self.postings[lo as usize..hi as usize])
    }

    /// True when the words `text[start..end]` also make a whole run of their own elsewhere in
    /// the document (`Du Anyam` in `mitra binaan Du Anyam.`).
    fn stands_alone(&self, text: &str, start: usize, end: usize) -> bool {
        let phrase = &text[start..end];
        let Some(first) = phrase.split(' ').next() else {
            return false;
        };
        let bytes = text.as_bytes();
        self.postings_of(with_lower_bytes(first, token_key))
            .iter()
            .take(MAX_CANDIDATES)
            .any(|p| {
                let r = &self.runs[p.run as usize];
                let at = r.start;
                at != start
                    && text[at..].starts_with(phrase)
                    && !(bytes.get(at + phrase.len()) == Some(&b' ')
                        && bytes
                            .get(at + phrase.len() + 1)
                            .is_some_and(u8::is_ascii_uppercase))
            })
    }

    /// True when `word` (of the run part starting at `start`), as written, stands elsewhere
    /// in the document without a capitalised word after it (`PT Telkomsel.`, `Gedung Smesco
    /// ini`): looked for in the first bytes of the runs holding it.
    fn ends_a_run(&self, text: &str, start: usize, word: &str) -> bool {
        let bytes = text.as_bytes();
        let w = word.as_bytes();
        self.postings_of(with_lower_bytes(word, token_key))
            .iter()
            .take(MAX_RUNS_READ)
            .any(|p| {
                let r = &self.runs[p.run as usize];
                // The word in the first bytes from the run's start, where neither a letter
                // nor a capitalised word follows.
                let end = r.limit.min(r.start + RUN_WINDOW).min(bytes.len());
                memchr::memchr_iter(w[0], &bytes[r.start..end]).any(|i| {
                    let at = r.start + i;
                    let after = at + w.len();
                    at != start
                        && bytes[at..].starts_with(w)
                        && (at == r.start || bytes[at - 1] == b' ')
                        && match (bytes.get(after), bytes.get(after + 1)) {
                            (Some(b' '), Some(c)) => !c.is_ascii_uppercase(),
                            (Some(c), _) => !(c.is_ascii_alphanumeric() || *c >= 0x80),
                            (None, _) => true,
                        }
                })
            })
    }

    /// Places seen in the document.
    pub(crate) fn places(&self) -> &Places {
        &self.places
    }

    /// The split of run `id`, computed once.
    fn entry(&self, lex: &Lexicon, text: &str, known: &Known, id: usize) -> Option<&NameEntry> {
        let run = &self.runs[id];
        run.entry
            .get_or_init(|| {
                if run.single {
                    let w = word_at(text, run.start, run.limit)?;
                    let name = w.str(text);
                    return Some(Box::new(NameEntry {
                        name: name.to_string(),
                        tokens: Tokens::of(name),
                        role: None,
                        role_key: None,
                        affiliation: None,
                        weak: true,
                        subject: true,
                        start: w.start,
                        end: w.end,
                        speech: false,
                        appositive: true,
                        placey: false,
                    }));
                }
                // Skip capitalised stop words that open the run (`Namun Budi Santoso`).
                let mut at = run.start;
                let mut words = lex.run_forward(text, at, run.limit);
                while words.is_empty() {
                    let w = word_at(text, at, run.limit)?;
                    at = w.end + 1;
                    if at >= run.limit || !text.is_char_boundary(at) {
                        return None;
                    }
                    words = lex.run_forward(text, at, run.limit);
                }
                // `Mayor Jenderal TNI dokter Tugas Ratmono`: a run after a rank and lowercase
                // role words is split with them, so that the words after the rank read as the
                // name.
                let lower_before = run.start >= run.para_start + 2
                    && text.as_bytes()[run.start - 1] == b' '
                    && text.as_bytes()[run.start - 2].is_ascii_lowercase();
                if at == run.start
                    && lower_before
                    && prev_word(text, run.start, run.para_start).is_some_and(|w| {
                        let ws = w.str(text);
                        !crate::text::is_capitalised(ws) && lex.has(ws, flag::ROLE)
                    })
                {
                    let back = lex.run_backward(text, run.start, run.para_start);
                    if let Some(rank) = back.iter().zip(back.flags()).find(|(w, f)| {
                        **f & flag::RANK != 0 && crate::text::is_capitalised(w.str(text))
                    }) {
                        let ranked = lex.run_forward(text, rank.0.start, run.limit);
                        if ranked
                            .last()
                            .is_some_and(|w| w.end == words[words.len() - 1].end)
                        {
                            words = ranked;
                        }
                    }
                }
                if words.len() < 2 {
                    return None;
                }
                let mut m = lex.split(text, &words, known);
                let (s, e) = m.name.filter(|_| !m.org)?;
                let before_run = prev_word(text, run.start, run.para_start);
                // `Network for Electoral Integrity Ferry Kurnia`: the run goes on an
                // organisation's name after a lowercase connector; its first words may be glued
                // to the person's name, as after an affiliation.
                let connector = (at == run.start && m.role.is_none() && m.affiliation.is_none())
                    .then_some(before_run)
                    .flatten()
                    .filter(|w| matches!(w.str(text), "for" | "of" | "on" | "and" | "the"))
                    .and_then(|w| prev_word(text, w.start, run.para_start))
                    .filter(|w| crate::text::is_capitalised(w.str(text)));
                if let Some(w) = connector {
                    m.affiliation = Some(text[w.start..run.start].trim_end().to_string());
                }
                let unglued = self.unglue_run(lex, text, &mut m, s, e, connector.is_some());
                if connector.is_some() && unglued == s {
                    m.affiliation = None;
                }
                let s = unglued;
                let after = skip_ws(text, m.end, run.limit);
                let next = char_at(text, after);
                let verb_next = next.is_some_and(char::is_lowercase);
                // `Ketua Asosiasi … Angkutan Sungai di Kalimantan (Apasuka) Kalimantan Barat Rudi
                // Hartono mempertanyakan …`: the sentence's opening office goes on after `di`
                // with its place, then the person's name and the verb.
                let opening =
                    (!run.initial && at == run.start && verb_next && m.affiliation.is_some())
                        .then(|| opening_office(lex, text, run.para_start, run.start, known))
                        .flatten();
                let opening_goes_on = opening.is_some();
                if let Some(o) = opening
                    && m.role.is_none()
                {
                    // The office's role, and all between it and the name as the affiliation.
                    let aff_start = o.role_end;
                    m.affiliation = Some(text[aff_start..s].trim().to_string());
                    m.role = o.role;
                    m.role_key = o.role_key;
                }
                let subject = if opening_goes_on {
                    true
                } else if run.initial {
                    at == run.start
                        && next.is_some_and(|c| c == ',' || c == '(' || c.is_lowercase())
                } else {
                    // `Warga Desa Sukamaju, Tini Suryani, masih mengungsi`: the apposition
                    // right after the sentence's first phrase; `Secara terpisah, Wakil Ketua
                    // Komisi X DPR Hetifah Sjaifudian menyambut …`: the subject after a short
                    // fronted adverbial.
                    let b = skip_ws_back(text, at, run.para_start);
                    (next == Some(',') || verb_next) && char_before(text, b) == Some(',') && {
                        // The ASCII bytes searched never occur inside a multibyte char.
                        let from = floor_boundary(text, b.saturating_sub(200).max(run.para_start));
                        let lead = text.as_bytes().get(from..b).unwrap_or(&[]);
                        let sentence = lead
                            .iter()
                            .rposition(|c| matches!(c, b'.' | b'!' | b'?'))
                            .map_or(lead, |k| &lead[k + 1..]);
                        memchr::memchr_iter(b',', sentence).count() == 1
                            && (from == run.para_start || sentence.len() < lead.len())
                            && (!verb_next
                                || (sentence.len() <= MAX_FRONTED
                                    && is_adverbial(lex, text, b - sentence.len(), b)
                                    && !in_open_quote(text, run.para_start, at)))
                    }
                };
                // `Tini Suryani, warga …` / `Warga Desa Sukamaju, Tini Suryani, masih …` /
                // `Trismiati (37), …`: a person described in apposition or by age.
                let appositive = subject
                    && (next == Some(',')
                        || (next == Some('(')
                            && char_at(text, after + 1).is_some_and(|c| c.is_ascii_digit())));
                let name = &text[s..e];
                let tokens = Tokens::of(name);
                if tokens.len() < 2 && m.role.is_none() {
                    return None;
                }
                let mut v = next_word(text, e, run.limit);
                for _ in 0..2 {
                    match v {
                        Some(a) if lex.is_adverb(a.str(text)) => {
                            v = next_word(text, a.end, run.limit);
                        }
                        _ => break,
                    }
                }
                let speech = v.is_some_and(|a| lex.is_speech_verb(a.str(text)));
                let before_name = if s == run.start {
                    before_run
                } else {
                    prev_word(text, s, run.para_start)
                }
                .map(|w| lex.flags(w.str(text)));
                // The name's words are its tokens (lowercase) unless it holds a comma.
                let nonperson = if name.contains(',') {
                    name.split_whitespace().any(|w| lex.has(w, flag::NONPERSON))
                } else {
                    tokens
                        .iter()
                        .any(|t| lex.flags_of_lower(t.as_bytes()) & flag::NONPERSON != 0)
                };
                let placey = nonperson
                    || before_name.is_some_and(|f| f & flag::NONPERSON != 0 && f & flag::ROLE == 0)
                    || (!opening_goes_on && before_run.is_some_and(|w| is_place_prep(w.str(text))));
                Some(Box::new(NameEntry {
                    name: name.to_string(),
                    tokens,
                    weak: run.initial && m.role.is_none() && m.affiliation.is_none(),
                    subject,
                    start: s,
                    end: e,
                    speech,
                    appositive,
                    placey,
                    role: m.role,
                    role_key: m.role_key,
                    affiliation: m.affiliation,
                }))
            })
            .as_deref()
    }

    /// The best run among those holding `token`: strong entries before weak ones, then `better`
    /// ones; the latest before `pos` first, else the earliest after it. The latest strong entry
    /// before `pos` stays when `keep(latest, better_one)` says the better one is someone else.
    #[allow(clippy::too_many_arguments)]
    fn pick<'s>(
        &'s self,
        lex: &Lexicon,
        text: &str,
        known: &Known,
        token: &str,
        pos: usize,
        ok: impl Fn(&NameEntry) -> bool,
        better: impl Fn(&NameEntry) -> bool,
        keep: impl Fn(&NameEntry, &NameEntry) -> bool,
    ) -> Option<&'s NameEntry> {
        let token = token.as_bytes();
        let ids = self.postings_of(token_key(token));
        // Only a long token's postings may hold other tokens (of the same hash).
        let long = token.len() > 15;
        let before = ids.partition_point(|p| (p.start as usize) < pos);
        let mut fallback: Option<&NameEntry> = None;
        let mut strong: Option<&NameEntry> = None;
        let mut strong_before = false;
        for p in ids[..before]
            .iter()
            .rev()
            .chain(ids[before..].iter())
            .filter(|p| !long || &self.arena[p.at as usize..(p.at + p.len) as usize] == token)
            .take(MAX_CANDIDATES)
        {
            let Some(e) = self.entry(lex, text, known, p.run as usize) else {
                continue;
            };
            if !ok(e) {
                continue;
            }
            if !e.weak && better(e) {
                return match strong {
                    Some(f) if strong_before && keep(f, e) => Some(f),
                    _ => Some(e),
                };
            }
            if !e.weak && strong.is_none() {
                strong = Some(e);
                strong_before = (p.start as usize) < pos;
            }
            if fallback.is_none() {
                fallback = Some(e);
            }
        }
        strong.or(fallback)
    }

    /// The fullest name containing every token of `name`, the latest one before `pos` if any.
    pub(crate) fn resolve_name(
        &self,
        lex: &Lexicon,
        text: &str,
        known: &Known,
        name: &str,
        pos: usize,
    ) -> Option<&NameEntry> {
        with_name_tokens(name, |toks| {
            let last = toks.last()?;
            self.pick(
                lex,
                text,
                known,
                last,
                pos,
                |e| {
                    e.tokens.len() >= toks.len()
                        && toks
                            .iter()
                            .all(|t| e.tokens.contains(t) || is_pair_part(&e.name, t))
                },
                |e| e.tokens.len() > toks.len(),
                // `Wakil Kepala Satuan Lalu Lintas Polres X Komisaris Ubaidillah`, after `Camat
                // Y, Ubaidillah Ansar`: a later introduction with a rank, an affiliation and
                // only this name is another person (an officer is introduced by rank and full
                // name), unless the fuller name came with a rank too.
                |latest, fuller| {
                    latest.tokens.len() == toks.len()
                        && latest.affiliation.is_some()
                        && latest.role.as_deref().is_some_and(|r| lex.has_rank(r))
                        && !fuller.role.as_deref().is_some_and(|r| lex.has_rank(r))
                        && latest.affiliation != fuller.affiliation
                },
            )
        })
    }

    /// The latest name introduced with the role `role_key` (`presiden`) before `pos`.
    pub(crate) fn resolve_role(
        &self,
        lex: &Lexicon,
        text: &str,
        known: &Known,
        role_key: &str,
        pos: usize,
    ) -> Option<&NameEntry> {
        let last = role_key.rsplit(' ').next()?;
        self.pick(
            lex,
            text,
            known,
            last,
            pos,
            |e| e.role_key.as_deref() == Some(role_key),
            |e| e.tokens.len() >= 2,
            |_, _| false,
        )
        .or_else(|| {
            // `Mensos` after `Menteri Sosial Juliari Batubara`: the office written out.
            lex.role_abbreviations
                .iter()
                .filter(|(abbr, _, _)| abbr == role_key)
                .find_map(|(_, key, field)| {
                    let last = key.rsplit(' ').next()?;
                    self.pick(
                        lex,
                        text,
                        known,
                        last,
                        pos,
                        |e| {
                            e.role_key.as_deref() == Some(key)
                                && (field.is_empty()
                                    || e.affiliation.as_deref().is_some_and(|a| {
                                        a.get(..field.len())
                                            .is_some_and(|p| p.eq_ignore_ascii_case(field))
                                    }))
                        },
                        |e| e.tokens.len() >= 2,
                        |_, _| false,
                    )
                })
        })
    }

    /// The latest person between `after` and `before` who opens a sentence or makes reported
    /// speech and passes `person`, for `-nya` cues and pronouns.
    pub(crate) fn last_subject(
        &self,
        lex: &Lexicon,
        text: &str,
        known: &Known,
        after: usize,
        before: usize,
        person: impl Fn(&NameEntry) -> bool,
    ) -> Option<&NameEntry> {
        let hi = self.runs.partition_point(|r| r.start < before);
        let lo = self.runs.partition_point(|r| r.start < after);
        (lo..hi).rev().take(MAX_CANDIDATES).find_map(|i| {
            self.entry(lex, text, known, i)
                .filter(|e| (e.subject || e.speech) && !e.placey && person(e))
        })
    }
}

/// `Teguh P. Nugroho` in the scan of [`NameIndex::build`]: the capitalised word after the
/// period at `dot` that ends an initial (`P`, a capital letter after another word of the run)
/// and one space, unless a sentence opens there (`kata Budi P. Ia pergi`), as
/// `Lexicon::run_forward` reads it.
#[inline(never)]
fn name_after_initial(
    lex: &Lexicon,
    text: &str,
    words: &[Word],
    dot: usize,
    limit: usize,
) -> Option<Word> {
    let bytes = text.as_bytes();
    let initial = words.last()?;
    if words.len() < 2
        || initial.start + 1 != dot
        || dot + 2 >= limit
        || bytes[dot + 1] != b' '
        || !bytes[dot + 2].is_ascii_uppercase()
    {
        return None;
    }
    word_at(text, dot + 2, limit)
        .filter(|w| lex.flags(w.str(text)) & (flag::STOP | flag::PRONOUN) == 0)
}

/// True when `bytes` from `at` hold an age closing an apposition: one to three digits, `)` and
/// a comma (`45), warga …`).
fn aged_apposition(bytes: &[u8], at: usize) -> bool {
    let digits = bytes
        .get(at..)
        .unwrap_or_default()
        .iter()
        .take(4)
        .take_while(|b| b.is_ascii_digit())
        .count();
    (1..=3).contains(&digits) && bytes.get(at + digits..at + digits + 2) == Some(b"),")
}

/// True when `text[start..end]` (a sentence's lead up to its comma) reads as an adverbial,
/// not a name: it holds a lowercase word or opens with a stop word (`Secara terpisah,`, `Di
/// Jakarta,`; not `Abdian Saputra,`).
/// The role of an office that opens a sentence and names its organisation with its place
/// before the person (`Ketua Asosiasi Pengusaha Angkutan Sungai di Kalimantan (Apasuka)
/// Kalimantan Barat Rudi Hartono`): the role and where it ends.
struct OpeningOffice {
    role: Option<String>,
    role_key: Option<String>,
    role_end: usize,
}

/// The [`OpeningOffice`] before `di` and the run at `start`: a capitalised phrase without a
/// person's name, opening its sentence with a role.
fn opening_office(
    lex: &Lexicon,
    text: &str,
    para_start: usize,
    start: usize,
    known: &Known,
) -> Option<OpeningOffice> {
    // Back over the place's capitalised words and bracketed acronyms to `di`.
    let mut p = start;
    let mut di = None;
    for _ in 0..12 {
        let q = skip_ws_back(text, p, para_start);
        if q > para_start && char_before(text, q) == Some(')') {
            p = bracket_open_before(text, q, para_start, 40)?;
            continue;
        }
        let w = prev_word(text, p, para_start).filter(|w| w.end == q)?;
        let ws = w.str(text);
        if ws == "di" {
            di = Some(w);
            break;
        }
        if !crate::text::is_capitalised(ws) {
            return None;
        }
        p = w.start;
    }
    let di = di?;
    let back = lex.run_backward(text, di.start, para_start);
    let first = back.first()?;
    let b = skip_ws_back(text, first.start, para_start);
    if back.len() < 2
        || back.flags()[0] & flag::ROLE == 0
        || !crate::text::is_capitalised(first.str(text))
        || !(b == para_start || matches!(char_before(text, b), Some('.' | '!' | '?')))
    {
        return None;
    }
    let m = lex.split(text, &back, known);
    let role = m.role?;
    let role_end = first.start + role.len();
    text.is_char_boundary(role_end).then_some(OpeningOffice {
        role: Some(role),
        role_key: m.role_key,
        role_end,
    })
}

fn is_adverbial(lex: &Lexicon, text: &str, start: usize, end: usize) -> bool {
    let mut words = text[start..end]
        .split(|c: char| c.is_whitespace() || c == ',')
        .filter(|w| !w.is_empty());
    words
        .next()
        .is_some_and(|w| lex.has(w, flag::STOP) || !w.starts_with(char::is_uppercase))
        || words.any(|w| w.starts_with(char::is_lowercase))
}

/// How far back (bytes) [`in_open_quote`] looks for a quote mark.
const QUOTE_LOOKBACK: usize = 600;

/// True when the nearest curly quote mark before `pos` in its paragraph (from `para_start`,
/// at most [`QUOTE_LOOKBACK`] bytes back) opens a quote: `pos` lies inside quoted speech.
fn in_open_quote(text: &str, para_start: usize, pos: usize) -> bool {
    let from = pos.saturating_sub(QUOTE_LOOKBACK).max(para_start);
    let window = &text.as_bytes()[from..pos];
    // `“` is E2 80 9C, `”` is E2 80 9D.
    memchr::memrchr_iter(0xE2, window)
        .find_map(|i| match window.get(i + 1..i + 3) {
            Some([0x80, 0x9C]) => Some(true),
            Some([0x80, 0x9D]) => Some(false),
            _ => None,
        })
        .unwrap_or(false)
}

/// `pos` moved back to a char boundary.
fn floor_boundary(text: &str, mut pos: usize) -> usize {
    while pos > 0 && !text.is_char_boundary(pos) {
        pos -= 1;
    }
    pos
}

#[cfg(test)]
mod tests {
    use std::collections::HashSet;

    use proptest::prelude::*;

    use super::*;

    /// The speaker names of the quotes of `text`, in order.
    fn speakers(text: &str) -> Vec<String> {
        crate::Extractor::new()
            .extract(text)
            .into_iter()
            .filter_map(|q| q.speaker.map(|s| s.name))
            .collect()
    }

    #[test]
    fn a_name_of_a_candidate_pair_resolves_to_its_side() {
        let cases: [(&str, &[&str]); 5] = [
            (
                "KPU menetapkan pasangan Eri Cahyadi-Armuji sebagai pemenang.\n\n\
                 “Kami berterima kasih kepada warga,” kata Cahyadi di Surabaya.",
                &["Eri Cahyadi"],
            ),
            (
                "Di Makassar, pasangan Indah Putri Andriani-Suaib Mansur unggul.\n\n\
                 “Ini kemenangan rakyat,” ujar Suaib kepada wartawan.\n\n\
                 “Kami akan bekerja,” kata Andriani.",
                &["Suaib Mansur", "Indah Putri Andriani"],
            ),
            (
                "Petahana, Olly Dondokambey-Steven Kandouw, melapor ke KPU.\n\n\
                 “Kami siap diaudit,” kata Steven.",
                &["Steven Kandouw"],
            ),
            // A hyphen inside one name is no pair.
            (
                "Ketua adat Bonar Perangin-Angin hadir di sana.\n\n\
                 “Kami menolak,” kata Angin.",
                &["Angin"],
            ),
            (
                "Ustaz Muhammad Al-Farisi memberi ceramah.\n\n\
                 “Sabar,” kata Farisi.",
                &["Farisi"],
            ),
        ];
        for (text, want) in cases {
            assert_eq!(speakers(text), want, "{text}");
        }
    }

    #[test]
    fn a_name_resolves_by_a_token_of_any_length() {
        // Tokens of at most 15 bytes are keyed by their bytes, longer ones by a hash.
        let cases: [(&str, &[&str]); 3] = [
            (
                "Warga Desa Sukamaju, Ahmad Wiryawanaryadiningrat, menolak rencana itu.\n\n\
                 “Kami tidak setuju,” kata Wiryawanaryadiningrat di Bandung.",
                &["Ahmad Wiryawanaryadiningrat"],
            ),
            (
                "Kepala Dinas Kesehatan Budi Santoso meninjau posko.\n\n\
                 “Stok obat cukup,” kata Budi kepada wartawan.",
                &["Budi Santoso"],
            ),
            (
                "Ketua RT Mochammad Abdurrahmansyahputra mengatakan warga siap.\n\n\
                 Sri Wahyuningsih, warga setempat, juga hadir.\n\n\
                 “Kami mendukung,” kata Wahyuningsih.\n\n\
                 “Kami juga,” ujar Abdurrahmansyahputra.",
                &["Sri Wahyuningsih", "Mochammad Abdurrahmansyahputra"],
            ),
        ];
        for (text, want) in cases {
            assert_eq!(speakers(text), want, "{text}");
        }
    }

    #[test]
    fn packed_words_with_a_hyphen_are_told_apart() {
        for (w, want) in [
            ("budi", false),
            ("-", true),
            ("cahyadi-armuji", true),
            ("abcdefgh-", true),
            ("abcdefghijklmn-", true),
            ("abcdefghijklmno", false),
            ("x", false),
        ] {
            assert_eq!(hyphen_bits(pack_bytes(w.as_bytes())) != 0, want, "{w}");
        }
    }

    #[test]
    fn a_one_word_name_with_an_age_is_a_later_nya_antecedent() {
        // Filler between the introduction and the `-nya` quote, beyond the short look-back.
        let filler = "Petugas masih mendata kerugian warga di desa itu. \
                      Bantuan makanan sudah disalurkan ke posko pengungsian sejak pagi. \
                      Dapur umum dibuka di halaman kantor desa oleh para relawan. ";
        let filler = filler.repeat(3);
        let cases: [(String, &[&str]); 3] = [
            (
                format!(
                    "Kepala Desa Sukamaju Ahmad Suryadi mengatakan, banjir merendam ratusan rumah.\n\n\
                     Jendareh (45), warga setempat, masih mengungsi di masjid.\n\n{filler}\n\n\
                     “Kami belum bisa pulang,” katanya."
                ),
                &["Ahmad Suryadi", "Jendareh"],
            ),
            // No age, no apposition: the last speaker.
            (
                format!(
                    "Kepala Desa Sukamaju Ahmad Suryadi mengatakan, banjir merendam ratusan rumah.\n\n\
                     Jendareh masih mengungsi di masjid.\n\n{filler}\n\n\
                     “Kami belum bisa pulang,” katanya."
                ),
                &["Ahmad Suryadi", "Ahmad Suryadi"],
            ),
            // A place with a number in brackets is no person.
            (
                format!(
                    "Kepala Desa Sukamaju Ahmad Suryadi mengatakan, banjir merendam ratusan rumah.\n\n\
                     Jakarta (12), kota terbesar, juga terendam.\n\n{filler}\n\n\
                     “Kami belum bisa pulang,” katanya."
                ),
                &["Ahmad Suryadi", "Ahmad Suryadi"],
            ),
        ];
        for (text, want) in cases {
            assert_eq!(speakers(&text), want, "{text}");
        }
    }

    #[test]
    fn place_markers_pass_their_filter_and_near_words_do_not() {
        for m in PLACE_MARKERS {
            assert!(is_place_marker(m), "{}", String::from_utf8_lossy(m));
        }
        for w in [
            "",
            "k",
            "kot",
            "kotak",
            "kata",
            "desas",
            "dewi",
            "pulau2",
            "wilayahnya",
        ] {
            assert!(!is_place_marker(w.as_bytes()), "{w}");
        }
    }

    proptest! {
        #[test]
        fn joined_tokens_match_the_owned_ones(name in "[A-Za-zÉé,\t .-]{0,40}") {
            let want = name_tokens(&name);
            let got = Tokens::of(&name);
            prop_assert_eq!(got.len(), want.len());
            prop_assert_eq!(got.iter().collect::<Vec<_>>(), want.iter().map(String::as_str).collect::<Vec<_>>());
            for t in want.iter().map(String::as_str).chain(["a", "ab", "é"]) {
                prop_assert_eq!(got.contains(t), want.iter().any(|w| w == t));
            }
        }

        #[test]
        fn word_set_matches_a_set_of_lowercase_strings(
            words in proptest::collection::vec("[A-Za-zÉé]{1,20}", 0..60),
            probes in proptest::collection::vec("[A-Za-zÉé]{1,20}", 0..30),
        ) {
            let mut set = WordSet::with_capacity(4);
            let mut want = HashSet::new();
            for w in &words {
                match pack_lower_ascii(w.as_bytes()) {
                    Some(packed) => set.insert_packed(packed),
                    None => with_lower_bytes(w, |l| set.insert(l)),
                }
                want.insert(with_lower_bytes(w, <[u8]>::to_vec));
            }
            for w in words.iter().chain(&probes) {
                let lower = with_lower_bytes(w, <[u8]>::to_vec);
                prop_assert_eq!(set.contains(w), want.contains(&lower));
                prop_assert_eq!(set.contains_lower(&lower), want.contains(&lower));
                prop_assert_eq!(set.contains_lower(w.as_bytes()), want.contains(w.as_bytes()));
            }
        }
    }
}
