//! Speaker mentions: the run of name, role and affiliation words next to a cue, and its split
//! into role, affiliation and name.

use crate::KnownEntity;
use crate::lexicon::{Lexicon, flag, is_portfolio_shape, norm, with_lower};
use crate::names::Places;
use crate::text::{
    Word, Words, char_at, char_before, is_acronym, is_capitalised, next_word, opens_sentence,
    prev_word,
};
use crate::text::{bracket_open_before, skip_ws, skip_ws_back, word_at};

/// Longest run of mention words (role, affiliation and name together); bounds the work per cue
/// on text made of capitalised words.
const MAX_RUN_WORDS: usize = 24;

/// Most comma or `dan` segments of a role phrase after a cue.
const MAX_SEGMENTS: usize = 6;

/// Most lowercase words naming a field after a lowercase role (`ahli hukum tata negara`).
const MAX_FIELD_WORDS: usize = 3;

/// Most words, commas and bracket groups stepped over back from a place phrase to its subject.
const MAX_CIRCUMSTANCE_STEPS: usize = 12;

/// Most bytes before a place phrase in which its subject is looked for. The subject is parsed
/// by [`Lexicon::mention_before`], which may meet another place phrase and come back here: the
/// window, never widened by the nested calls, bounds that recursion (`Budi di Jakarta ` 5 000
/// times before a verb overflowed the stack).
const PLACE_SUBJECT_WINDOW: usize = 256;

/// Most words of a heading glued before the role that opens a subject (`Berturut-turut`).
const MAX_HEADING_WORDS: usize = 2;

/// Most words of an epithet before its demonstrative (`pria yang akrab disapa Emil itu`).
const MAX_EPITHET_WORDS: usize = 8;

/// True for a word shaped like a `meng-`, `meny-` or `memb-`/`memp-` verb
/// (`menganyam`, `menyapa`, `membangun`): capitalised, it opens the name of a programme or an
/// organisation, not a person's name.
fn is_verb_shape(w: &str) -> bool {
    let b = w.as_bytes();
    if b.len() < 7 {
        return false;
    }
    // The first four bytes, ASCII letters folded to lowercase (`|` 0x20 maps a byte onto a
    // lowercase letter only from that letter or its capital).
    let head = u32::from_le_bytes([b[0], b[1], b[2], b[3]]) | 0x2020_2020;
    [*b"meng", *b"meny", *b"memb", *b"memp"]
        .iter()
        .any(|v| head == u32::from_le_bytes(*v))
}

/// The start of a date in brackets (`(14/9)`, `(8/7/2021)`: at most ten digits and slashes)
/// that ends at `end`, not before `floor`.
fn date_in_brackets(text: &str, end: usize, floor: usize) -> Option<usize> {
    let b = &text.as_bytes()[floor..end];
    let inner = b.strip_suffix(b")")?;
    let len = inner
        .iter()
        .rev()
        .take(10)
        .take_while(|c| c.is_ascii_digit() || **c == b'/')
        .count();
    let open = inner.len() - len;
    let date = inner[open..].contains(&b'/') && inner[..open].ends_with(b"(");
    // (Lazily: `open` is 0 when no `(` precedes the digits.)
    date.then(|| floor + open - 1)
}

/// `Teguh P. Nugroho` read backward from the word at `p` (`Nugroho`): the initial `P` (a
/// capital letter and a period, then one space) when a capitalised word stands right before
/// it. Other outlets than Kompas write initials with a period.
#[inline(never)]
fn initial_before(text: &str, p: usize, floor: usize) -> Option<Word> {
    let b = text.as_bytes();
    if p < floor + 4 || b[p - 1] != b' ' || b[p - 2] != b'.' || !b[p - 3].is_ascii_uppercase() {
        return None;
    }
    let start = p - 3;
    if b[start - 1] != b' ' {
        return None;
    }
    prev_word(text, start, floor)
        .filter(|n| n.end + 1 == start && is_capitalised(n.str(text)))
        .map(|_| Word { start, end: p - 2 })
}

/// `Teguh P. Nugroho` read forward from the word `w` (`P`): the capitalised word after the
/// initial's period and one space, when `w` is a capital letter (the mirror of
/// [`initial_before`]; the caller checks that a capitalised word stands right before `w`).
#[inline(never)]
fn initial_after(text: &str, w: Word, limit: usize) -> Option<Word> {
    let b = text.as_bytes();
    if w.end - w.start != 1
        || !b[w.start].is_ascii_uppercase()
        || w.end + 2 >= limit
        || b[w.end] != b'.'
        || b[w.end + 1] != b' '
    {
        return None;
    }
    word_at(text, w.end + 2, limit).filter(|n| is_capitalised(n.str(text)))
}

/// True when the run at `start` goes on from the word right before it, a lowercase word
/// hyphenated to a capitalised one (`se-Jawa Barat`, `non-Muslim Papua`): the run is inside a
/// phrase, no subject.
fn continues_hyphenated(text: &str, start: usize, floor: usize) -> bool {
    prev_word(text, start, floor).is_some_and(|w| {
        let s = w.str(text);
        w.end == skip_ws_back(text, start, floor)
            && s.starts_with(|c: char| c.is_lowercase())
            && s.as_bytes()
                .windows(2)
                .any(|p| p[0] == b'-' && p[1].is_ascii_uppercase())
    })
}

/// True when a subject found behind a circumstance names a person or holds a role: not a
/// pronoun, an organisation or a lone letter or numeral (`pejabat eselon I di …`).
fn is_subject(m: &Mention) -> bool {
    !m.pronoun
        && match m.name {
            Some((s, e)) => e - s > 2 && !m.org,
            None => m.role.is_some(),
        }
}

/// What the document tells about words: the caller's entities and the places seen after
/// `di`, `Kota`, `Kabupaten`, ….
pub(crate) struct Known<'a> {
    pub entities: &'a [KnownEntity],
    pub places: &'a Places,
}

/// A parsed mention.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Mention {
    /// First byte of the whole mention.
    pub start: usize,
    /// End of the whole mention.
    pub end: usize,
    /// Role surface (`Juru Bicara`).
    pub role: Option<String>,
    /// Normalised leading role (`juru bicara`), for role-only resolution.
    pub role_key: Option<String>,
    /// Affiliation surface.
    pub affiliation: Option<String>,
    /// The personal name part (`start..end`), or the organisation's name when `org`.
    pub name: Option<(usize, usize)>,
    /// The mention names an organisation, not a person.
    pub org: bool,
    /// The mention is a pronoun (`dia`).
    pub pronoun: bool,
}

impl Mention {
    /// A pronoun-like mention over `start..end` (`dia`, `pria berusia 45 tahun itu`): it
    /// refers back to a person named earlier.
    fn pronoun(start: usize, end: usize) -> Mention {
        Mention {
            start,
            end,
            role: None,
            role_key: None,
            affiliation: None,
            name: None,
            org: false,
            pronoun: true,
        }
    }
}

impl Lexicon {
    /// True for a word without capitals in the list of flag `f` (one of the lowercase lists:
    /// connectors.txt, circumstance_openers.txt, conjunctions.txt).
    pub(crate) fn is_lower_word(&self, w: &str, f: u16) -> bool {
        self.has(w, f) && !w.bytes().any(|b| b.is_ascii_uppercase())
    }

    /// A lowercase particle inside a name (`bin`, `van`; connectors.txt).
    fn is_connector(&self, w: &str) -> bool {
        self.is_lower_word(w, flag::CONNECTOR)
    }

    /// A lowercase adverb allowed between a subject and its verb (`Home juga mengatakan`;
    /// adverbs.txt).
    pub(crate) fn is_adverb(&self, w: &str) -> bool {
        self.is_lower_word(w, flag::ADVERB)
    }

    /// `ini`, `itu`, `tersebut`: a lowercase demonstrative closing an epithet
    /// (demonstratives.txt).
    fn is_demonstrative(&self, w: &str) -> bool {
        self.is_lower_word(w, flag::DEMONSTRATIVE)
    }

    /// `(LIPI)` inside a run: the words of the group and the end of `)`, when the group holds
    /// one to four capitalised words and the run goes on (or a comma follows).
    fn paren_group(&self, text: &str, open: usize, limit: usize) -> Option<(Vec<Word>, usize)> {
        let window = &text.as_bytes()[open..limit.min(open + 80)];
        let close = memchr::memchr(b')', window)? + open;
        let mut inner = Vec::new();
        let mut p = open + 1;
        while let Some(w) = next_word(text, p, close) {
            if !is_capitalised(w.str(text))
                && !w.str(text).starts_with(|c: char| c.is_ascii_digit())
            {
                return None;
            }
            inner.push(w);
            p = w.end;
        }
        // `(22)` after a name is an age, not part of an organisation's name.
        if inner.is_empty()
            || inner.len() > 4
            || skip_ws(text, p, close) != close
            || inner
                .iter()
                .all(|w| w.str(text).starts_with(|c: char| c.is_ascii_digit()))
        {
            return None;
        }
        let after = skip_ws(text, close + 1, limit);
        let goes_on = char_at(text, after) == Some(',')
            || next_word(text, after, limit).is_some_and(|n| is_capitalised(n.str(text)));
        goes_on.then_some((inner, close + 1))
    }

    /// Capitalised (or role) words from `pos` forward, on one line, up to `limit`; inside an
    /// organisation name also `dan`, `/`, numbers and bracketed acronyms
    /// (`Menteri Riset dan Teknologi/Kepala Badan …`, `Daop 8`, `(LIPI)`).
    pub(crate) fn run_forward(&self, text: &str, pos: usize, limit: usize) -> Words {
        let mut words = Words::new();
        let mut p = pos;
        let mut has_org = false;
        // Every word so far is a role word (or a corps word after a rank: `Letnan Kolonel Laut
        // dokter gigi M Arifin`).
        let mut all_role = true;
        while words.len() < MAX_RUN_WORDS {
            let q = skip_ws(text, p, limit);
            if !words.is_empty() && matches!(char_at(text, q), Some('(' | '/')) {
                if char_at(text, q) == Some('(') {
                    match self.paren_group(text, q, limit) {
                        Some((inner, e)) => {
                            all_role &= inner.iter().all(|x| self.has(x.str(text), flag::ROLE));
                            for x in inner {
                                words.push(x, self.flags(x.str(text)));
                            }
                            p = e;
                            continue;
                        }
                        None => break,
                    }
                }
                let n = next_word(text, q + 1, limit);
                if has_org && n.is_some_and(|n| is_capitalised(n.str(text))) {
                    p = q + 1;
                    continue;
                }
                break;
            }
            let Some(w) = word_at(text, q, limit) else {
                break;
            };
            let s = w.str(text);
            let f = self.flags_at(text, w.start, w.end);
            let next_cap = || next_word(text, w.end, limit).filter(|n| is_capitalised(n.str(text)));
            let ok = if is_capitalised(s) {
                let stop = if words.is_empty() {
                    flag::STOP
                } else {
                    flag::HARD_STOP
                };
                f & stop == 0 || is_acronym(s)
            } else if f & flag::ROLE != 0 {
                all_role || next_cap().is_some()
            } else if s == "dan" && has_org {
                // `Pencegahan dan Pengendalian …`, not `Irwan Prayitno dan Gubernur Bali …`.
                next_cap().is_some_and(|n| !self.has(n.str(text), flag::ROLE))
            } else if (s.starts_with(|c: char| c.is_ascii_digit()) && has_org)
                || (!words.is_empty() && self.is_connector(s))
            {
                next_cap().is_some()
            } else {
                false
            };
            if !ok {
                break;
            }
            has_org |= f & (flag::ROLE | flag::AFF) != 0 || is_acronym(s);
            all_role &= f & (flag::ROLE | flag::CORPS) != 0;
            words.push(w, f);
            p = w.end;
            // `Teguh P. Nugroho`: the run goes on over an initial's period after a capitalised
            // word, unless a sentence opens after it (`kata Budi P. Ia pergi`). (Byte tests
            // first: most words are no initial.)
            if w.end == w.start + 1
                && text.as_bytes().get(w.end) == Some(&b'.')
                && words.len() > 1
                && is_capitalised(words[words.len() - 2].str(text))
                && let Some(n) = initial_after(text, w, limit)
                && self.flags_at(text, n.start, n.end) & (flag::STOP | flag::PRONOUN) == 0
            {
                p = w.end + 1;
            }
        }
        words
    }

    /// Capitalised (or role) words ending at `pos`, going back, not before `floor`.
    pub(crate) fn run_backward(&self, text: &str, pos: usize, floor: usize) -> Words {
        let mut words = Words::new();
        let mut p = pos;
        while words.len() < MAX_RUN_WORDS {
            // (`P. ` before the word: most words have none.)
            if p >= floor + 4
                && text.as_bytes()[p - 2] == b'.'
                && let Some(i) = initial_before(text, p, floor)
            {
                words.push(i, 0);
                p = i.start;
                continue;
            }
            let Some(w) = prev_word(text, p, floor) else {
                // `Badan Penanggulangan Bencana Daerah (BPBD) Kota Bekasi`: a bracketed
                // acronym inside the run, as [`Self::paren_group`] reads it forward.
                let q = skip_ws_back(text, p, floor);
                if words.is_empty() || q <= floor || char_before(text, q) != Some(')') {
                    break;
                }
                let Some(open) = bracket_open_before(text, q, floor, 80) else {
                    break;
                };
                let before = prev_word(text, open, floor);
                let Some((inner, _)) = before
                    .filter(|b| {
                        let bs = b.str(text);
                        is_capitalised(bs) && (!self.has(bs, flag::STOP) || is_acronym(bs))
                    })
                    .and_then(|_| self.paren_group(text, open, words[0].end.max(q)))
                    .filter(|(_, e)| *e == q)
                else {
                    break;
                };
                for x in inner.into_iter().rev() {
                    words.push(x, self.flags(x.str(text)));
                }
                p = open;
                continue;
            };
            let s = w.str(text);
            let f = self.flags(s);
            let prev_cap =
                || prev_word(text, w.start, floor).is_some_and(|n| is_capitalised(n.str(text)));
            let ok = if is_capitalised(s) {
                // A stop word inside a name, as the forward run takes it (`Kementerian Dalam
                // Negeri`): not at the run's start, nor a hard stop.
                f & flag::STOP == 0
                    || is_acronym(s)
                    || (f & flag::HARD_STOP == 0
                        && !words.is_empty()
                        && prev_word(text, w.start, floor).is_some_and(|n| {
                            let ns = n.str(text);
                            n.end == skip_ws_back(text, w.start, floor)
                                && is_capitalised(ns)
                                && !self.has(ns, flag::STOP)
                        }))
            } else if f & flag::ROLE != 0 && f & flag::STOP == 0 {
                // A lowercase role word (`dokter`), not a conjunction that also opens a role
                // phrase (`sementara`).
                true
            } else if !words.is_empty()
                && (s == "dan"
                    || s.starts_with(|c: char| c.is_ascii_digit())
                    || self.is_connector(s))
            {
                prev_cap()
            } else {
                false
            };
            if !ok {
                break;
            }
            words.push(w, f);
            p = w.start;
        }
        words.reverse();
        // A run may not start with a lowercase connector.
        while words.first().is_some_and(|w| {
            let l = w.str(text);
            self.is_connector(l) || l == "dan"
        }) {
            words.remove_first();
        }
        words
    }

    /// Longest role phrase at `words[i..]`, in words.
    fn role_len(&self, text: &str, words: &Words, i: usize) -> usize {
        let fl = words.flags();
        self.role_len_with(text, words, i, |k| fl[k])
    }

    /// [`Self::role_len`] with the flags of `words[k]` given by `flags_of(k)`.
    fn role_len_with(
        &self,
        text: &str,
        words: &[Word],
        i: usize,
        flags_of: impl Fn(usize) -> u16,
    ) -> usize {
        if i >= words.len() || flags_of(i) & flag::ROLE == 0 {
            return 0;
        }
        let max = self.role_max_words.min(words.len() - i);
        let mut key = [0u8; 256];
        let mut len = 0;
        let mut best = 0;
        for k in 0..max {
            if flags_of(i + k) & flag::ROLE == 0 {
                break;
            }
            let w = words[i + k].str(text);
            let sep = usize::from(k > 0);
            // The word lowercased into the key (ASCII directly, anything else normalised).
            let grown = |l: &[u8], lower: bool, key: &mut [u8; 256], len: &mut usize| {
                if *len + sep + l.len() > key.len() {
                    return false;
                }
                if sep == 1 {
                    key[*len] = b' ';
                }
                for (d, &b) in key[*len + sep..].iter_mut().zip(l) {
                    *d = if lower { b.to_ascii_lowercase() } else { b };
                }
                *len += sep + l.len();
                true
            };
            let ok = if w.is_ascii() {
                grown(w.as_bytes(), true, &mut key, &mut len)
            } else {
                grown(norm(w).as_bytes(), false, &mut key, &mut len)
            };
            if !ok {
                break;
            }
            if self.roles.contains(&key[..len]) {
                best = k + 1;
            }
        }
        best
    }

    fn affiliation_word(&self, text: &str, w: Word, known: &Known) -> Option<bool> {
        self.affiliation_word_flags(text, w, self.flags(w.str(text)), known)
    }

    /// [`Self::affiliation_word`] of a word whose flags `f` are known.
    fn affiliation_word_flags(&self, text: &str, w: Word, f: u16, known: &Known) -> Option<bool> {
        let s = w.str(text);
        if f & flag::AFF != 0 {
            return Some(f & flag::HEAD != 0);
        }
        if is_acronym(s)
            || s.bytes().any(|c| c.is_ascii_digit())
            || s.get(..5).is_some_and(|p| p.eq_ignore_ascii_case("kemen"))
            || (!known.places.is_empty() && known.places.contains_word(s))
        {
            return Some(false);
        }
        let e = entity_covering(known.entities, w.start, w.end)?;
        (e.entity_type != "PER").then_some(false)
    }

    /// Splits a run into role, affiliation and name.
    pub(crate) fn split(&self, text: &str, words: &Words, known: &Known) -> Mention {
        let (start, end) = match (words.first(), words.last()) {
            (Some(f), Some(l)) => (f.start, l.end),
            _ => {
                return Mention {
                    start: 0,
                    end: 0,
                    role: None,
                    role_key: None,
                    affiliation: None,
                    name: None,
                    org: false,
                    pronoun: false,
                };
            }
        };
        let n = words.len();
        // The flags of each word, looked up when the run was found.
        let fl = words.flags();
        let role_len = |i: usize| self.role_len_with(text, words, i, |k| fl[k]);
        // A corps or branch word after a rank belongs to it (`Letkol Inf`, `Brigadir Jenderal
        // (Pol)`), when a name follows.
        let corps = |k: usize| {
            k > 0
                && k < n
                && fl[k] & flag::CORPS != 0
                && fl[k - 1] & (flag::RANK | flag::CORPS) != 0
                // A one-letter corps only in brackets (`Laut (P)`), else it is an initial.
                && (words[k].end - words[k].start > 1 || text[..words[k].start].ends_with('('))
        };
        let mut i = 0;
        while i < n {
            let l = role_len(i);
            if l == 0 {
                if corps(i) {
                    i += 1;
                    continue;
                }
                break;
            }
            i += l;
        }
        let lead_role = i;
        // `jenderal` is a rank alone at the start (`Jenderal Andika`), else only with a rank
        // (`Mayor Jenderal`; not `Sekretaris Jenderal`, `Universitas Jenderal Soedirman`).
        let is_rank = |a: usize, b: usize| {
            (a..b).any(|k| {
                fl[k] & (flag::RANK | flag::CORPS) == flag::RANK
                    && (!words[k].str(text).eq_ignore_ascii_case("jenderal")
                        || (b - a == 1 && words[a].start == start))
            })
        };
        let mut ranks: Vec<(usize, usize)> = Vec::new();
        let mut name_start = i;
        // The name part follows a military or police rank: ranks stand right before the name,
        // so a word that may also belong to an organisation is a name here (`Mayjen TNI Tugas
        // Ratmono`).
        let mut after_rank = is_rank(0, lead_role);
        let ws_at = |k: usize| words[k].str(text);
        // The word before `k` belongs to an organisation's name.
        let mut after_aff = false;
        let mut k = i;
        while k < n {
            // A role word closing the run is a surname (`Arif Rahman Hakim`), not a rank; a
            // modifier alone is part of an organisation's name (`Komisi Pemilihan Umum`). (The
            // role is looked up only where it may count.)
            let rl = if k > lead_role && k + 1 < n {
                role_len(k)
            } else {
                0
            };
            // `Kepala Sekretariat Presiden Heru`, `Kepala Kantor Staf Presiden Moeldoko`: role
            // words ending with an office (offices.txt) right after an organisation's word name
            // the office the organisation serves, no second role (a title stays one: `Lembaga
            // Eijkman Prof`).
            if rl > 0 && k + rl < n && after_aff {
                let mut e = k + rl;
                while e + 1 < n {
                    match role_len(e) {
                        0 => break,
                        l if e + l < n => e += l,
                        _ => break,
                    }
                }
                if self.ends_with_office(&text[words[k].start..words[e - 1].end]) {
                    k = e;
                    name_start = k;
                    ranks.clear();
                    continue;
                }
            }
            if rl > 0
                && k + rl < n
                && !(rl == 1
                    && (ws_at(k).eq_ignore_ascii_case("umum")
                        || ws_at(k).eq_ignore_ascii_case("harian")))
            {
                let mut e = k + rl;
                while corps(e) {
                    e += 1;
                }
                ranks.push((
                    words[k].start,
                    closed(text, words[k].start, words[e - 1].end),
                ));
                after_rank = (after_rank && name_start == k) || is_rank(k, e);
                after_aff = false;
                k = e;
                name_start = k;
                continue;
            }
            let ws = words[k].str(text);
            let short_initials = (k > name_start || after_rank)
                && is_acronym(ws)
                && ws.chars().count() <= 2
                && fl[k] & flag::AFF == 0;
            // A bracketed word is an organisation's acronym (`Institute for Development of
            // Economics and Finance (Indef) Tauhid Ahmad`).
            let bracketed = k > 0
                && (text[..words[k].start].ends_with('(')
                    || (text[words[k].end..].starts_with(')')
                        && text[start..words[k].start].contains('(')));
            let aff = if ws == "dan" || bracketed {
                Some(false)
            } else if fl[k] & flag::ROLE == 0 && is_verb_shape(ws) {
                // `Menganyam Pesisir`: a programme or organisation named by a verb phrase.
                Some(true)
            } else if short_initials
                || (after_rank
                    && fl[k] & flag::AFF != 0
                    && fl[k] & flag::HEAD == 0
                    && !is_acronym(ws))
            {
                None
            } else {
                self.affiliation_word_flags(text, words[k], fl[k], known)
            };
            after_aff = aff.is_some();
            match aff {
                Some(head) => {
                    after_rank = false;
                    k += 1;
                    if head && k < n && role_len(k) == 0 {
                        k += 1;
                    }
                    name_start = k;
                    ranks.clear();
                }
                None => k += 1,
            }
        }
        // `Transmigrasi Abdul Halim Iskandar`: a portfolio word opening the name part (with two
        // name words after it) is the end of the role's organisation, not a name; so is a
        // stop word after it (`Pelacakan Terkait Daniel`, a subheading glued to a sentence).
        let mut glued = false;
        while name_start < n {
            let left = n - name_start;
            if left > 2 && is_portfolio_shape(words[name_start].str(text)) {
                glued = true;
            } else if !(glued && left > 1 && fl[name_start] & flag::STOP != 0) {
                break;
            }
            name_start += 1;
        }
        // Ranks directly before the name are roles; earlier ones fall into the affiliation.
        let mut aff_end_word = name_start;
        if !ranks.is_empty() {
            let first_rank = ranks[0].0;
            aff_end_word = words[lead_role..name_start]
                .iter()
                .position(|w| w.start >= first_rank)
                .map_or(name_start, |p| lead_role + p);
        }
        let mut name_words = &words[name_start..];
        let mut aff_start = lead_role;
        if name_words.len() > 4 && (lead_role > 0 || name_start > 0) {
            // Four name words, and up to two more that open names (`I Gusti Putu Ngurah
            // Sedana`, `Dwi Oktavia Tatri Lestari Handayani`).
            let mut keep = 4;
            while keep < 6
                && keep < name_words.len()
                && self.has(
                    name_words[name_words.len() - keep - 1].str(text),
                    flag::NAME_OPENER,
                )
            {
                keep += 1;
            }
            name_words = &name_words[name_words.len() - keep..];
        }
        let name_first = n - name_words.len();
        if aff_end_word == name_start {
            aff_end_word = name_first;
        }
        // The lead role and the ranks, joined by spaces.
        let mut role: Option<String> = None;
        let lead = (lead_role > 0).then(|| {
            (
                words[0].start,
                closed(text, words[0].start, words[lead_role - 1].end),
            )
        });
        for (s, e) in lead.into_iter().chain(ranks.iter().copied()) {
            match &mut role {
                Some(r) => {
                    r.push(' ');
                    r.push_str(&text[s..e]);
                }
                None => role = Some(text[s..e].to_string()),
            }
        }
        let role_key =
            (lead_role > 0).then(|| norm_phrase(&text[words[0].start..words[lead_role - 1].end]));
        if aff_start > aff_end_word {
            aff_start = aff_end_word;
        }
        let aff_words = &words[aff_start..aff_end_word];
        let affiliation = match (aff_words.first(), aff_words.last()) {
            (Some(f), Some(l)) => Some(text[f.start..closed(text, f.start, l.end)].to_string()),
            _ => None,
        };
        let name = match (name_words.first(), name_words.last()) {
            (Some(f), Some(l)) => Some((f.start, l.end)),
            _ => None,
        };
        let (name, affiliation, org) = match name {
            Some(n) => (Some(n), affiliation, false),
            None => match (aff_words.first(), aff_words.last()) {
                (Some(f), Some(l)) if lead_role == 0 => (Some((f.start, l.end)), None, true),
                _ => (None, affiliation, false),
            },
        };
        Mention {
            start,
            end,
            role,
            role_key,
            affiliation,
            name,
            org,
            pronoun: false,
        }
    }

    /// True for a first word that may open an epithet (`pria`, `politikus`, `Pria` at a
    /// sentence start): not a stop word, a pronoun, a conjunction or a group of people.
    fn opens_epithet(&self, w: &str) -> bool {
        if self.has(w, flag::PERSON_NOUN) {
            return true;
        }
        !self.has(w, flag::STOP | flag::PRONOUN)
            && !self.has(w, flag::ADVERB)
            && w.chars().all(|c| c.is_alphabetic() || c == '-')
            && !with_lower(w, |l| {
                matches!(
                    l,
                    "dan" | "serta" | "atau" | "sejumlah" | "beberapa" | "semua" | "seluruh"
                )
            })
    }

    /// True when `text[start..end]` holds a capitalised word: an epithet that names an
    /// organisation or a place (`politisi senior Partai Golkar ini`) stays a role and an
    /// affiliation (the PFSA gold takes such a phrase as the speaker's mention itself).
    fn names_an_organisation(&self, text: &str, start: usize, end: usize) -> bool {
        let mut p = start;
        while let Some(w) = next_word(text, p, end) {
            if is_capitalised(w.str(text)) {
                return true;
            }
            p = w.end;
        }
        false
    }

    /// `kata pria berusia 45 tahun itu` / `ujar ibu dua anak ini`: after a cue, a phrase
    /// opening with a lowercase word and closed by a demonstrative within the clause refers back
    /// to a person named earlier; a pronoun-like mention over the whole phrase.
    fn epithet_after(&self, text: &str, first: Word, limit: usize) -> Option<Mention> {
        let s = first.str(text);
        if is_capitalised(s) || !self.opens_epithet(s) || self.is_speech_verb(s) {
            return None;
        }
        let mut p = first.end;
        for _ in 0..MAX_EPITHET_WORDS {
            let q = skip_ws(text, p, limit);
            let w = word_at(text, q, limit)?;
            let ws = w.str(text);
            if self.is_demonstrative(ws) {
                if self.names_an_organisation(text, first.end, w.start) {
                    return None;
                }
                return Some(Mention::pronoun(first.start, w.end));
            }
            if matches!(
                ws,
                "kepada"
                    | "saat"
                    | "ketika"
                    | "usai"
                    | "seusai"
                    | "melalui"
                    | "sambil"
                    | "seraya"
                    | "dalam"
                    | "pada"
                    | "sebelum"
                    | "setelah"
                    | "sejak"
                    | "bahwa"
            ) {
                return None;
            }
            p = w.end;
        }
        None
    }

    /// `Pria berusia 45 tahun itu mengatakan` / `Pedagang tersebut menegaskan`: the
    /// demonstrative `d` before a verb closes a phrase that opens its clause (after `floor`, a
    /// sentence start or a comma); a pronoun-like mention over the phrase.
    fn epithet_before(&self, text: &str, d: Word, floor: usize, known: &Known) -> Option<Mention> {
        let mut p = d.start;
        let mut first = None;
        for _ in 0..MAX_EPITHET_WORDS {
            let q = skip_ws_back(text, p, floor);
            let Some(w) = prev_word(text, p, floor).filter(|w| w.end == q) else {
                break;
            };
            first = Some(w);
            p = w.start;
        }
        let first = first?;
        // The phrase opens the clause.
        let b = skip_ws_back(text, first.start, floor);
        if b > floor && char_before(text, b).is_some_and(|c| c.is_alphanumeric()) {
            return None;
        }
        let s = first.str(text);
        if !is_capitalised(s)
            && char_before(text, b) == Some(',')
            && let Some(m) = self.described_before(text, b - 1, floor, known)
        {
            return Some(Mention { end: d.end, ..m });
        }
        // `Pasal 9 ketentuan itu menyatakan`: a law, a place or a programme is no person.
        if !self.opens_epithet(s)
            || self.has(s, flag::NONPERSON)
            || self.names_an_organisation(text, first.end, d.start)
        {
            return None;
        }
        // A capitalised first word is a role, a noun for a person or opens a described phrase
        // (`Pria berusia 45 tahun itu`), not a name (`Budi itu`, `Budi Santoso itu`).
        if is_capitalised(s)
            && !self.has(s, flag::ROLE)
            && !self.has(s, flag::PERSON_NOUN)
            && next_word(text, first.end, d.start).is_none_or(|n| is_capitalised(n.str(text)))
        {
            return None;
        }
        Some(Mention::pronoun(first.start, d.end))
    }

    /// `Arni Setiyani (28), karyawan swasta di Jakarta Selatan itu menyampaikan`: the named
    /// person (with an age, if any) ending at the comma `comma` that a described phrase
    /// follows.
    fn described_before(
        &self,
        text: &str,
        comma: usize,
        floor: usize,
        known: &Known,
    ) -> Option<Mention> {
        let mut q = skip_ws_back(text, comma, floor);
        if q > floor && char_before(text, q) == Some(')') {
            let inner = text.as_bytes()[floor..q - 1]
                .iter()
                .rev()
                .take_while(|b| b.is_ascii_digit())
                .count();
            let open = q - 1 - inner;
            if !(1..=3).contains(&inner) || open <= floor || text.as_bytes()[open - 1] != b'(' {
                return None;
            }
            q = skip_ws_back(text, open - 1, floor);
        }
        let run = self.run_backward(text, q, floor);
        if run.is_empty() {
            return None;
        }
        let m = self.split(text, &run, known);
        (m.name.is_some() && !m.org).then_some(m)
    }

    /// The start of the `di`, `dari` or `ke` that the capitalised words before `start` (after
    /// `floor`) follow, directly or, when `closed` (a comma closes the phrase), over a comma
    /// list of places (`di Sawah Besar, Jakarta Pusat,`); whether it is `di` (`dari` also
    /// introduces a person's organisation: `Pengamat dari Universitas Lampung Dedi Hermawan`)
    /// and whether a comma list came between.
    fn place_preposition(
        &self,
        text: &str,
        start: usize,
        floor: usize,
        closed: bool,
    ) -> Option<(usize, bool, bool)> {
        let bytes = text.as_bytes();
        let mut s = start;
        for _ in 0..3 {
            let q = skip_ws_back(text, s, floor);
            // The word before, read from its bytes (most are no preposition).
            let whole = |w: &[u8]| {
                q >= floor + w.len()
                    && &bytes[q - w.len()..q] == w
                    && (q - w.len() == floor || {
                        let c = bytes[q - w.len() - 1];
                        !(c.is_ascii_alphanumeric() || c >= 0x80 || c == b'-')
                    })
            };
            for (w, di) in [(&b"di"[..], true), (b"dari", false), (b"ke", false)] {
                if whole(w) {
                    return Some((q - w.len(), di, s != start));
                }
            }
            if !closed || q <= floor || char_before(text, q) != Some(',') {
                return None;
            }
            match self.run_backward(text, q - 1, floor).first() {
                Some(w) if is_capitalised(w.str(text)) => s = w.start,
                _ => return None,
            }
        }
        None
    }

    /// `Ketua KPU Papua Theodorus Kossay di Jayapura mengatakan` / `Mahfud MD dalam jumpa
    /// pers, Senin (21/9/2020), di Jakarta mengatakan`: the subject before a place phrase
    /// opening at `prep`, over a circumstance that opens with `saat`, `dalam`, … and may hold
    /// days, dates and commas.
    fn subject_before_place(
        &self,
        text: &str,
        prep: usize,
        floor: usize,
        known: &Known,
    ) -> Option<Mention> {
        // The window starts after a space, so on a char boundary.
        let lo = prep.saturating_sub(PLACE_SUBJECT_WINDOW);
        let floor = if lo <= floor {
            floor
        } else {
            memchr::memchr(b' ', &text.as_bytes()[lo..prep]).map_or(prep, |i| lo + i + 1)
        };
        let mut p = prep;
        // The leftmost lowercase word stepped over.
        let mut lower: Option<Word> = None;
        // The end of the comma stepped over last, when nothing came between it and `p`.
        let mut comma_end = None;
        for _ in 0..MAX_CIRCUMSTANCE_STEPS {
            let q = skip_ws_back(text, p, floor);
            match char_before(text, q) {
                Some(')') if q > floor => {
                    p = bracket_open_before(text, q, floor, 24)?;
                    comma_end = None;
                    continue;
                }
                Some(',') => {
                    comma_end = Some(q);
                    p = q - 1;
                    continue;
                }
                _ => {}
            }
            let w = prev_word(text, p, floor).filter(|w| w.end == q)?;
            let ws = w.str(text);
            if !is_capitalised(ws) {
                lower = Some(w);
            } else if !self.has(ws, flag::HARD_STOP) {
                let opened =
                    lower.is_none_or(|l| self.is_lower_word(l.str(text), flag::CIRCUMSTANCE));
                // `Ahmad Riza Patria, Wakil Gubernur DKI Jakarta, di Balai Kota …`: the subject
                // is read with its comma, so that a role in apposition goes to the name before it.
                let at = comma_end.unwrap_or(p);
                return opened
                    .then(|| self.mention_before(text, at, floor, known))
                    .flatten()
                    .filter(is_subject);
            }
            comma_end = None;
            p = w.start;
        }
        None
    }

    /// The subject before a circumstance that no comma sets off, ending at `pos` (`Bupati
    /// Bekasi Eka Supria Atmaja dalam keterangan tertulisnya`, `Ganjar Pranowo ketika
    /// dihubungi`): lowercase words back to a capitalised one, the first of them a
    /// circumstance opener (`saat`, `dalam`, `kepada`).
    fn subject_before_circumstance(
        &self,
        text: &str,
        pos: usize,
        floor: usize,
        known: &Known,
    ) -> Option<Mention> {
        let mut p = pos;
        let mut first: Option<Word> = None;
        for _ in 0..MAX_CIRCUMSTANCE_STEPS {
            let w = prev_word(text, p, floor).filter(|w| w.end == skip_ws_back(text, p, floor))?;
            if is_capitalised(w.str(text)) {
                break;
            }
            first = Some(w);
            p = w.start;
        }
        if !first.is_some_and(|f| self.is_lower_word(f.str(text), flag::CIRCUMSTANCE)) {
            return None;
        }
        let run = self.run_backward(text, p, floor);
        if run.is_empty() {
            return None;
        }
        Some(self.split(text, &run, known)).filter(is_subject)
    }

    /// The named person (with an age, if any) whose description, after a comma, runs up to
    /// `pos` (`Hasan (37), karyawan swasta di Sawah Besar`), within three commas back.
    fn described_subject(
        &self,
        text: &str,
        pos: usize,
        floor: usize,
        known: &Known,
    ) -> Option<Mention> {
        let mut c = pos;
        for _ in 0..3 {
            let comma = floor + text.get(floor..c)?.rfind(',')?;
            let describes =
                next_word(text, comma + 1, c).is_some_and(|w| !is_capitalised(w.str(text)));
            if describes && let Some(m) = self.described_before(text, comma, floor, known) {
                return Some(m);
            }
            c = comma;
        }
        None
    }

    /// True when a plain lowercase word of a description stands right before `start`
    /// (`warga` in `warga Kecamatan Mlati`), not a conjunction, a role or the field of a role
    /// (`pakar epidemiologi Pandu Riono`).
    fn describes(&self, text: &str, start: usize, floor: usize) -> bool {
        prev_word(text, start, floor).is_some_and(|w| {
            let s = w.str(text);
            w.end == skip_ws_back(text, start, floor)
                && s.bytes().all(|b| b.is_ascii_lowercase() || b == b'-')
                && !self.is_adverb(s)
                && !self.is_lower_word(s, flag::CONJUNCTION)
                && !matches!(s, "di" | "dari" | "ke" | "para" | "sang" | "seorang" | "yang")
                // English words inside an organisation's name (`Center of Reform on Economics`).
                && !matches!(s, "and" | "of" | "for" | "on" | "the" | "in" | "at" | "to")
                && !self.has(s, flag::ROLE | flag::PRONOUN)
                && !self.is_speech_verb(s)
                // `Lembaga pemeringkat Moody's Investors Service, Selasa, menyatakan`: the
                // sentence's opening noun and its modifier describe the run, the subject.
                && !prev_word(text, w.start, floor).is_some_and(|h| {
                    is_capitalised(h.str(text)) && opens_sentence(text, h.start, floor)
                })
        }) && self.field_role_before(text, start, floor).is_none()
    }

    /// [`Self::describes`] of the run at `start` or of the first run of the comma list of
    /// places it ends (`asal Desa Sukamaju, Kabupaten Garut`), at most three runs.
    fn describes_list(&self, text: &str, start: usize, floor: usize) -> bool {
        let mut s = start;
        for _ in 0..3 {
            if self.describes(text, s, floor) {
                return true;
            }
            let q = skip_ws_back(text, s, floor);
            if q <= floor || char_before(text, q) != Some(',') {
                return false;
            }
            match self.run_backward(text, q - 1, floor).first() {
                Some(w) if is_capitalised(w.str(text)) => s = w.start,
                _ => return false,
            }
        }
        false
    }

    /// A pronoun mention of the single word `w`.
    fn pronoun_mention(&self, text: &str, w: Word) -> Option<Mention> {
        self.has(w.str(text), flag::PRONOUN)
            .then_some(Mention::pronoun(w.start, w.end))
    }

    /// `menurut pedagang Siti Aminah`: a lowercase noun for a person (person_nouns.txt) right
    /// before a personal name is that person's role.
    fn described_person_after(
        &self,
        text: &str,
        first: Word,
        limit: usize,
        known: &Known,
    ) -> Option<Mention> {
        let noun = first.str(text);
        if is_capitalised(noun) || !self.has(noun, flag::PERSON_NOUN) {
            return None;
        }
        let m = self.person_run_at(text, skip_ws(text, first.end, limit), limit, known)?;
        if m.role.is_some() {
            return None;
        }
        Some(Mention {
            start: first.start,
            role: Some(noun.to_string()),
            role_key: Some(norm_phrase(noun)),
            ..m
        })
    }

    /// The mention of the run of words that starts right at `at`, when it names a person.
    fn person_run_at(&self, text: &str, at: usize, limit: usize, known: &Known) -> Option<Mention> {
        let words = self.run_forward(text, at, limit);
        if words.first()?.start != at {
            return None;
        }
        Some(self.split(text, &words, known)).filter(|m| m.name.is_some() && !m.org)
    }

    /// `kata dr. Piprim Basarah`, `kata Prof. Dr. Budi Santoso`: titles written as one-word
    /// roles with a period (up to four) before a personal name, which the run of words would
    /// end at the first period. The titles are the role.
    fn titled_after(
        &self,
        text: &str,
        first: Word,
        limit: usize,
        known: &Known,
    ) -> Option<Mention> {
        let mut title = first;
        for n in 0.. {
            let dotted = char_at(text, title.end) == Some('.')
                && self.roles.contains(norm(title.str(text)).as_bytes());
            if !dotted {
                if n == 0 {
                    return None;
                }
                break;
            }
            let next_start = skip_ws(text, title.end + 1, limit);
            let next = next_word(text, next_start, limit)?;
            if next_start == title.end + 1 || next.start != next_start || n == 3 {
                return None;
            }
            title = next;
        }
        // `title` is now the first word after the titles.
        let titles_end = skip_ws_back(text, title.start, first.start);
        let m = self.person_run_at(text, title.start, limit, known)?;
        let titles = &text[first.start..titles_end];
        Some(Mention {
            start: first.start,
            role: Some(match &m.role {
                Some(r) => format!("{titles} {r}"),
                None => titles.to_string(),
            }),
            role_key: m
                .role_key
                .clone()
                .or_else(|| Some(norm_phrase(first.str(text)))),
            ..m
        })
    }

    /// The mention starting after `pos` (after a cue such as `kata`): a pronoun, or a run of
    /// role/affiliation/name words, continued over commas for `Kepala Dinas X, Y`.
    pub(crate) fn mention_after(
        &self,
        text: &str,
        pos: usize,
        limit: usize,
        known: &Known,
    ) -> Option<Mention> {
        let first = next_word(text, pos, limit)?;
        if let Some(m) = self.pronoun_mention(text, first) {
            return Some(m);
        }
        if let Some(m) = self.epithet_after(text, first, limit) {
            return Some(m);
        }
        if let Some(m) = self.described_person_after(text, first, limit, known) {
            return Some(m);
        }
        if let Some(m) = self.titled_after(text, first, limit, known) {
            return Some(m);
        }
        let words = self.run_forward(text, first.start, limit);
        if words.is_empty() {
            // `tutur Lalu.`: right after a cue, one capitalised word closing the clause is a
            // name even when it is also a function word (days and months are not).
            let w = first.str(text);
            let after = skip_ws(text, first.end, limit);
            let closes = after >= limit || matches!(char_at(text, after), Some('.' | ',' | ';'));
            if closes
                && is_capitalised(w)
                && !self.has(w, flag::HARD_STOP)
                && skip_ws(text, pos, limit) == first.start
            {
                return Some(Mention {
                    start: first.start,
                    end: first.end,
                    role: None,
                    role_key: None,
                    affiliation: None,
                    name: Some((first.start, first.end)),
                    org: false,
                    pronoun: false,
                });
            }
            return None;
        }
        if let Some(m) = self.described_role(text, &words, limit, known) {
            return Some(m);
        }
        let mut m = self.split(text, &words, known);
        let starts_with_role = self.role_len(text, &words, 0) > 0;
        if starts_with_role {
            // `kata Kepala Dusun X, Kelurahan Y, Wahyu Wibowo`: the name follows the commas.
            let mut p = m.end;
            let mut name_run: Option<Words> = None;
            let mut segments = 0;
            while segments < 4 {
                let mut c = skip_ws(text, p, limit);
                if char_at(text, c) == Some(')') {
                    c = skip_ws(text, c + 1, limit);
                }
                if char_at(text, c) != Some(',') {
                    break;
                }
                let seg = self.run_forward(text, c + 1, limit);
                if seg.is_empty() {
                    break;
                }
                // A rank written as an acronym (`AKBP`) opens the person's segment, no
                // organisation.
                let first_is_aff = self.affiliation_word(text, seg[0], known).is_some()
                    && self.flags(seg[0].str(text)) & (flag::RANK | flag::ROLE)
                        != flag::RANK | flag::ROLE;
                let seg_end = seg[seg.len() - 1].end;
                // `kata Kepala Bidang Humas Polda Metro Jaya, Komisaris Besar Yusri Yunus`: the
                // person's rank and name.
                if !first_is_aff
                    && self.has(seg[0].str(text), flag::RANK)
                    && self.role_len(text, &seg, 0) > 0
                    && {
                        let ns = self.split(text, &seg, known);
                        ns.name.is_some()
                            && !ns.org
                            && ns.affiliation.is_none()
                            && ns.role.as_deref().is_some_and(|r| self.has_rank(r))
                    }
                {
                    // What read as a one-word name before is the end of the office's
                    // organisation (`Polda Metro Jaya`).
                    let one_word = m.name.is_some_and(|(s, e)| !text[s..e].contains(' '));
                    if m.name.is_none() || m.org || segments > 0 || one_word {
                        name_run = Some(seg);
                    }
                    break;
                }
                if !first_is_aff && self.role_len(text, &seg, 0) == 0 {
                    // Only when the role part holds no name yet, or places came between, or
                    // it ends in one word and a plain full name follows (`peneliti senior
                    // Centropolis, Suryono Herlambang, di …`).
                    let one_word = m.name.is_some_and(|(s, e)| !text[s..e].contains(' '));
                    let full_name = (2..=4).contains(&seg.len())
                        && seg.iter().all(|w| {
                            is_capitalised(w.str(text))
                                && self.affiliation_word(text, *w, known).is_none()
                                && !self.has(w.str(text), flag::ROLE | flag::STOP)
                        });
                    if m.name.is_none() || m.org || segments > 0 || (one_word && full_name) {
                        name_run = Some(seg);
                    }
                    break;
                }
                p = seg_end;
                segments += 1;
            }
            // `kata Kepala Pusat Data, Informasi, dan Komunikasi Kebencanaan BNPB Raditya Jati`:
            // what read as a name opens a list of portfolios that goes on.
            let listed = name_run.is_none()
                && self.enumeration_goes_on(text, skip_ws(text, p, limit), limit);
            if let Some(seg) = name_run {
                let after = skip_ws(text, seg[seg.len() - 1].end, limit);
                let terminated = after >= limit
                    || matches!(
                        char_at(text, after),
                        Some('.' | ',' | ';' | ')' | '(' | '\n')
                    )
                    || next_word(text, after, limit).is_some_and(|w| !is_capitalised(w.str(text)));
                let ns = self.split(text, &seg, known);
                if terminated
                    && !self.enumeration_goes_on(text, after, limit)
                    && !ns.org
                    && ns.name.is_some()
                    && ns.role.as_deref().is_none_or(|r| self.has_rank(r))
                {
                    // The lead role, chained (`Pelaksana Tugas Direktur Jenderal`).
                    let mut lead = 0;
                    while lead < words.len() - 1 {
                        match self.role_len(text, &words, lead) {
                            0 => break,
                            l => lead += l,
                        }
                    }
                    let lead = lead.min(words.len() - 1);
                    // Lowercase role words (`peneliti senior`) stay out of the affiliation.
                    let aff_from = words[lead..]
                        .iter()
                        .find(|w| is_capitalised(w.str(text)))
                        .map_or(words[lead].start, |w| w.start);
                    // Up to the name: an organisation the segment opens with stays in it
                    // (`Menteri Desa, Pembangunan Daerah Tertinggal dan Transmigrasi Abdul …`).
                    let aff_end = match ns.role {
                        Some(_) => p,
                        None => ns.name.map_or(p, |(s, _)| s.max(p)),
                    };
                    let aff = text[aff_from..aff_end]
                        .trim_end_matches([',', ' '])
                        .to_string();
                    m.end = ns.end;
                    m.name = ns.name;
                    m.org = false;
                    if let Some(rank) = ns.role {
                        m.role = Some(match m.role.take() {
                            Some(r) => format!("{r} {rank}"),
                            None => rank,
                        });
                    }
                    if aff_from < p && !aff.is_empty() && aff_from != words[0].start {
                        m.affiliation = Some(aff);
                    }
                }
            }
            if m.name.is_none() || m.org || listed {
                self.long_role(text, limit, known, &mut m);
            }
        }
        Some(m)
    }

    /// `kata Menteri Koordinator Bidang Politik, Hukum, dan Keamanan Mahfud MD dalam …` /
    /// `kata Kepala Bagian Hukum dan Humas, Rumah Sakit Umum Pusat Dr Sardjito, Banu Hermawan,
    /// saat …`: a role phrase that goes on over commas, `dan` and `dari`, then the person's
    /// name, the last capitalised run before a clause marker (`,` + lowercase word, `saat`,
    /// `dalam`, `(`, `.`). The comma segments up to the first one opening an organisation or
    /// place belong to the role, the rest to the affiliation. Leaves `m` alone when no person
    /// name closes the phrase.
    fn long_role(&self, text: &str, limit: usize, known: &Known, m: &mut Mention) {
        let mut p = m.start;
        let mut segments: Vec<Words> = Vec::new();
        let mut glued = Vec::new();
        // The last segment was joined by `dan`: the phrase enumerates portfolios.
        let mut last_dan = false;
        while segments.len() < MAX_SEGMENTS {
            let seg = self.run_forward(text, p, limit);
            let Some(last) = seg.last() else {
                break;
            };
            let end = last.end;
            segments.push(seg);
            let c = skip_ws(text, end, limit);
            let mut q = c;
            let mut comma = false;
            if char_at(text, c) == Some(',') {
                q = skip_ws(text, c + 1, limit);
                comma = true;
            }
            let Some(mut w) = word_at(text, q, limit) else {
                break;
            };
            let mut joined = false;
            let dan = w.str(text) == "dan";
            if dan || w.str(text) == "dari" {
                match next_word(text, w.end, limit) {
                    Some(n) => w = n,
                    None => break,
                }
                joined = true;
            }
            if !(comma || joined) || !is_capitalised(w.str(text)) {
                break;
            }
            last_dan = dan;
            glued.push(!comma);
            p = w.start;
        }
        if segments.len() < 2 {
            return;
        }
        let last = &segments[segments.len() - 1];
        let end = last[last.len() - 1].end;
        let after = skip_ws(text, end, limit);
        let terminated = after >= limit
            || matches!(
                char_at(text, after),
                Some('.' | ',' | ';' | '(' | ')' | '\n')
            )
            || next_word(text, after, limit).is_some_and(|w| !is_capitalised(w.str(text)));
        let ns = self.split(text, last, known);
        let Some((name_start, name_end)) = ns.name.filter(|_| !ns.org && ns.role.is_none()) else {
            return;
        };
        if !terminated {
            return;
        }
        let pre_end = skip_ws_back(text, name_start, m.start);
        let pre = text[m.start..pre_end].trim_end_matches([',', ' ']);
        let pre_end = m.start + pre.len();
        // The first organisation or place word after the lead role starts the affiliation
        // (`Rumah Sakit …`); portfolios (`Bidang Politik, Hukum, dan Keamanan`, `Menteri Desa,
        // Pembangunan Daerah Tertinggal, dan Transmigrasi`) stay in the role.
        let lead = self.role_len(text, &segments[0], 0);
        let aff_from = segments
            .iter()
            .flat_map(|s| s.iter())
            .skip(lead)
            .take_while(|w| w.start < name_start)
            .find(|w| {
                let f = w.str(text);
                !f.eq_ignore_ascii_case("bidang")
                    && (self.has(f, flag::HEAD) || is_acronym(f) || known.places.contains_word(f))
            })
            .map(|w| w.start)
            .filter(|&a| a < pre_end && !last_dan);
        let (role, affiliation) = match aff_from {
            Some(a) => (
                text[m.start..a].trim_end_matches([',', ' ']),
                Some(text[a..pre_end].to_string()),
            ),
            None => (pre, None),
        };
        m.end = name_end;
        m.name = Some((name_start, name_end));
        m.org = false;
        m.role = (!role.is_empty()).then(|| role.to_string());
        m.affiliation = affiliation;
    }

    /// `kata pengamat transportasi Djoko Setijowarno` / `ujar ahli hukum tata negara Universitas
    /// Andalas Feri Amsari`: a lowercase role (`words`, all lowercase role words), up to three
    /// lowercase words naming the field, then the person's name (after an organisation or a
    /// place, if any) closing the clause. The field belongs to the role.
    fn described_role(
        &self,
        text: &str,
        words: &Words,
        limit: usize,
        known: &Known,
    ) -> Option<Mention> {
        let first = words.first()?;
        if words.iter().any(|w| is_capitalised(w.str(text))) {
            return None;
        }
        let mut role_end = words.last()?.end;
        let mut p = role_end;
        for k in 0..=MAX_FIELD_WORDS {
            let w = word_at(text, skip_ws(text, p, limit), limit)?;
            let s = w.str(text);
            if is_capitalised(s) {
                if k == 0 {
                    return None;
                }
                break;
            }
            if matches!(s, "dari" | "di") {
                // `pengamat politik dari Universitas Andalas, …`: the organisation follows.
                let n = next_word(text, w.end, limit)?;
                if !is_capitalised(n.str(text)) {
                    return None;
                }
                p = w.end;
                break;
            }
            if k == MAX_FIELD_WORDS || !self.is_field_word(s) {
                return None;
            }
            role_end = w.end;
            p = w.end;
        }
        let terminated = |end: usize| {
            let after = skip_ws(text, end, limit);
            after >= limit
                || matches!(
                    char_at(text, after),
                    Some('.' | ',' | ';' | '(' | ')' | '\n')
                )
                || next_word(text, after, limit).is_some_and(|w| {
                    // `dokter di Puskesmas Palmerah ini`: a demonstrative refers back.
                    let s = w.str(text);
                    !is_capitalised(s) && !matches!(s, "ini" | "itu" | "tersebut")
                })
        };
        let run = self.run_forward(text, skip_ws(text, p, limit), limit);
        let last = run.last()?;
        let mut ns = self.split(text, &run, known);
        if ns.role.is_some() || !terminated(last.end) {
            return None;
        }
        if ns.org || ns.name.is_none() {
            // `pengamat politik dari Universitas Andalas, Asrinaldi`: the organisation, then
            // the name after a comma.
            let c = skip_ws(text, last.end, limit);
            if char_at(text, c) != Some(',') {
                return None;
            }
            let name_run = self.run_forward(text, c + 1, limit);
            let name_last = name_run.last()?;
            let person = self.split(text, &name_run, known);
            if person.org
                || person.role.is_some()
                || person.affiliation.is_some()
                || person.name.is_none()
                || !terminated(name_last.end)
            {
                return None;
            }
            let org = &text[run[0].start..closed(text, run[0].start, last.end)];
            ns = Mention {
                affiliation: Some(org.to_string()),
                ..person
            };
        }
        let role = &text[first.start..role_end];
        Some(Mention {
            start: first.start,
            end: ns.end,
            role: Some(role.to_string()),
            role_key: Some(norm(role)),
            affiliation: ns.affiliation,
            name: ns.name,
            org: false,
            pronoun: false,
        })
    }

    /// `pakar epidemiologi Pandu Riono mengatakan`: a lowercase role and up to three words
    /// naming its field right before a name starting at `start`; the start of the role and the
    /// role phrase.
    fn field_role_before<'t>(
        &self,
        text: &'t str,
        start: usize,
        floor: usize,
    ) -> Option<(usize, &'t str)> {
        let end = skip_ws_back(text, start, floor);
        let mut p = start;
        let mut fields = 0;
        loop {
            let w = prev_word(text, p, floor)?;
            let s = w.str(text);
            if self.has(s, flag::ROLE) {
                if fields == 0 {
                    return None;
                }
                // The whole role: lowercase role words before it (`peneliti senior`).
                let mut role_start = w.start;
                for _ in 0..2 {
                    match prev_word(text, role_start, floor) {
                        Some(r)
                            if !is_capitalised(r.str(text))
                                && self.has(r.str(text), flag::ROLE) =>
                        {
                            role_start = r.start
                        }
                        _ => break,
                    }
                }
                return Some((role_start, &text[role_start..end]));
            }
            if fields == MAX_FIELD_WORDS || !self.is_field_word(s) {
                return None;
            }
            fields += 1;
            p = w.start;
        }
    }

    /// True for a lowercase word that may name a field after a role (`transportasi`, `hukum`,
    /// `senior`): a plain word, not a function word, a cue or a `-nya` form.
    fn is_field_word(&self, s: &str) -> bool {
        s.len() >= 3
            && s.bytes().all(|b| b.is_ascii_lowercase() || b == b'-')
            && !s.ends_with("nya")
            && !self.is_adverb(s)
            && !self.has(s, flag::STOP | flag::PRONOUN)
            && !self.is_speech_verb(s)
            && !matches!(
                s,
                "kepada"
                    | "melalui"
                    | "usai"
                    | "seusai"
                    | "sambil"
                    | "seraya"
                    | "sesuai"
                    | "tersebut"
                    | "kemarin"
                    | "bahwa"
                    | "soal"
                    | "mengenai"
                    | "tentang"
                    | "selaku"
                    | "sebagai"
                    | "yakni"
                    | "yaitu"
                    | "atas"
                    | "atau"
                    | "serta"
                    | "sekitar"
                    | "antara"
                    | "hingga"
                    | "sampai"
                    | "tadi"
                    | "pagi"
                    | "siang"
                    | "sore"
                    | "malam"
            )
    }

    /// True when `, dan X` or `dan X` (X capitalised) follows `pos`: the comma list of a
    /// role phrase goes on.
    fn enumeration_goes_on(&self, text: &str, pos: usize, limit: usize) -> bool {
        let mut p = pos;
        if char_at(text, p) == Some(',') {
            p += 1;
        }
        next_word(text, p, limit).is_some_and(|w| {
            w.str(text) == "dan"
                && skip_ws(text, p, limit) == w.start
                && next_word(text, w.end, limit).is_some_and(|n| is_capitalised(n.str(text)))
        })
    }

    /// `Menteri Desa, Pembangunan Daerah Tertinggal, dan Transmigrasi Abdul Halim Iskandar
    /// mengatakan` / `Kepala Dinas Sosial, Budi Santoso mengatakan`: the name run `words` ends a
    /// comma or `dan` list that a role opens; the mention read forward from that role, when it
    /// ends with the same name.
    fn listed_role_before(
        &self,
        text: &str,
        words: &Words,
        floor: usize,
        known: &Known,
    ) -> Option<Mention> {
        let end = words.last()?.end;
        let mut p = words.first()?.start;
        for _ in 0..MAX_SEGMENTS {
            let mut q = skip_ws_back(text, p, floor);
            let mut joined = false;
            if let Some(w) = prev_word(text, q, floor)
                && w.str(text) == "dan"
            {
                q = skip_ws_back(text, w.start, floor);
                joined = true;
            }
            if char_before(text, q) == Some(',') {
                q -= 1;
                joined = true;
            }
            if !joined {
                return None;
            }
            let seg = self.run_backward(text, q, floor);
            let first = seg.first()?;
            if is_capitalised(first.str(text)) && self.role_len(text, &seg, 0) > 0 {
                let m = self.mention_after(text, first.start, end, known)?;
                return (m.end == end && m.name.is_some() && !m.org && m.role.is_some())
                    .then_some(m);
            }
            p = first.start;
        }
        None
    }

    /// `Muhammad Muslim, yang juga juru bicara Gugus Tugas, mengatakan` / `Budi selaku Ketua
    /// RT mengatakan` / `Ahmad, yang juga sebagai perwira juru bicara …` / `Reny yang juga
    /// menjabat (sebagai) Ketua Harian …`: the person named before `yang (juga)`, `selaku` or
    /// `sekaligus`, when the role phrase starting at `start` names nobody.
    fn appositive_subject(
        &self,
        text: &str,
        start: usize,
        floor: usize,
        known: &Known,
    ) -> Option<Mention> {
        let mut b = start;
        // `sebagai perwira juru bicara …`: lowercase words of the description before the role
        // phrase, after `sebagai` or `menjabat`.
        let mut d = start;
        for _ in 0..MAX_FIELD_WORDS {
            match prev_word(text, d, floor) {
                Some(w) if matches!(w.str(text), "sebagai" | "menjabat") => {
                    b = d;
                    break;
                }
                Some(w) if self.is_field_word(w.str(text)) => d = w.start,
                _ => break,
            }
        }
        let mut linked = false;
        for _ in 0..4 {
            match prev_word(text, b, floor) {
                Some(w)
                    if with_lower(w.str(text), |l| {
                        matches!(l, "yang" | "selaku" | "sekaligus")
                    }) =>
                {
                    linked = true;
                    b = w.start;
                }
                Some(w)
                    if matches!(
                        w.str(text),
                        "juga" | "merupakan" | "sebagai" | "menjabat" | "adalah"
                    ) =>
                {
                    b = w.start
                }
                _ => break,
            }
        }
        if !linked {
            return None;
        }
        let mut q = skip_ws_back(text, b, floor);
        if char_before(text, q) == Some(',') {
            q -= 1;
        }
        let prev = self.run_backward(text, q, floor);
        if prev.is_empty() {
            return None;
        }
        let pm = self.split(text, &prev, known);
        if self.role_len(text, &prev, 0) > 0 {
            // `Budi, Ketua Koperasi Maju sekaligus Direktur PT Sinar Jaya, mengatakan`: the
            // phrase before the link is another role; the person is named before its comma.
            let q = skip_ws_back(text, prev[0].start, floor);
            if char_before(text, q) == Some(',') {
                let named = self.run_backward(text, q - 1, floor);
                if !named.is_empty() {
                    let nm = self.split(text, &named, known);
                    if nm.name.is_some() && !nm.org && nm.role.is_none() {
                        return Some(Mention {
                            role: pm.role,
                            role_key: pm.role_key,
                            affiliation: nm.affiliation.or(match (pm.affiliation, pm.name) {
                                (Some(a), Some((s, e))) => Some(format!("{a} {}", &text[s..e])),
                                (a, n) => a.or(n.map(|(s, e)| text[s..e].to_string())),
                            }),
                            ..nm
                        });
                    }
                }
            }
            // What follows the role is an organisation here, not a person.
            if pm.role.is_some() && with_lower(&text[b..start], |l| l.contains("sekaligus")) {
                return None;
            }
        }
        (pm.name.is_some() && !pm.org && !pm.pronoun).then_some(pm)
    }

    /// The subject mention ending right before `pos` (a verb), skipping adverbs; also
    /// `Budi, Kepala Dinas X, mengatakan` and `Kepala Dinas X, Budi, mengatakan`.
    pub(crate) fn mention_before(
        &self,
        text: &str,
        pos: usize,
        floor: usize,
        known: &Known,
    ) -> Option<Mention> {
        let mut p = pos;
        let mut demonstrative = None;
        for _ in 0..4 {
            match prev_word(text, p, floor) {
                Some(w) if self.is_demonstrative(w.str(text)) => {
                    demonstrative = Some(w);
                    p = w.start;
                }
                Some(w) if self.has(w.str(text), flag::ADVERB) => p = w.start,
                _ => break,
            }
        }
        if let Some(d) = demonstrative
            && let Some(m) = self.epithet_before(text, d, floor, known)
        {
            return Some(m);
        }
        let mut comma = false;
        let q = skip_ws_back(text, p, floor);
        if char_before(text, q) == Some(',') {
            p = q - 1;
            comma = true;
            // `Yuhendar Muabuai, saat dihubungi, Senin (14/9), mengatakan`: a date in brackets
            // before the comma stands in for the words of the clause.
            let r = skip_ws_back(text, p, floor);
            if let Some(open) = date_in_brackets(text, r, floor) {
                p = open;
            }
        } else if let Some(open) = date_in_brackets(text, q, floor)
            && let Some(day) = prev_word(text, open, floor)
            && self.has(day.str(text), flag::HARD_STOP)
            && char_before(text, skip_ws_back(text, day.start, floor)) == Some(',')
        {
            // `Suryono Herlambang, dosen Universitas Tarumanagara, Sabtu (19/6) mengatakan`: a
            // day and its date after a comma, without a comma before the verb, read as with one.
            p = open;
            comma = true;
        }
        let Some(w) = prev_word(text, p, floor) else {
            // `Budi (52) mengatakan`: a named person with an age right before the verb.
            return self.described_before(text, p, floor, known);
        };
        if let Some(m) = self.pronoun_mention(text, w) {
            return Some(m);
        }
        let mut words = self.run_backward(text, p, floor);
        if words
            .first()
            .is_some_and(|w| continues_hyphenated(text, w.start, floor))
        {
            // `dengan wali kota se-Jawa Barat, Sabtu (16/5), menyatakan`: the run ends a phrase
            // of the clause; it is no subject.
            words = Words::new();
        }
        if words.is_empty() && comma {
            // `Yuhendar Muabuai, saat dihubungi dari Jayapura, Senin (14/9), mengatakan`: skip
            // up to three comma-separated circumstance clauses back to the subject.
            let mut c = p;
            for _ in 0..3 {
                let Some(prev) = text[floor..c].rfind(',') else {
                    break;
                };
                let comma_at = floor + prev;
                let opens = next_word(text, comma_at + 1, c);
                // `Deputi Bidang SDM, Teknologi, dan Informasi …`: `dan` before a capitalised
                // word goes on with a list of portfolios, no circumstance.
                let listed = opens.is_some_and(|o| {
                    matches!(o.str(text), "dan" | "serta")
                        && next_word(text, o.end, c).is_some_and(|n| is_capitalised(n.str(text)))
                });
                let circumstance = !listed
                    && opens.is_some_and(|o| {
                        let o = o.str(text);
                        !is_capitalised(o) || self.has(o, flag::HARD_STOP)
                    });
                if !circumstance {
                    break;
                }
                let run = self.run_backward(text, comma_at, floor);
                if !run.is_empty() && !continues_hyphenated(text, run[0].start, floor) {
                    // `… membahas evaluasi proyek dampak Covid-19, Jumat (29/5/2020),
                    // menegaskan`: a run after a plain lowercase word lies inside the clause;
                    // the subject is a person described before it, or none.
                    let dated = opens.is_some_and(|o| is_capitalised(o.str(text)));
                    if dated
                        && self.role_len(text, &run, 0) == 0
                        && self.describes_list(text, run[0].start, floor)
                    {
                        return self.described_subject(text, run[0].start, floor, known);
                    }
                    words = run;
                    break;
                }
                // `Alex Denni dalam konferensi pers daring, Senin (18/5/2020), menyatakan`.
                if let Some(m) = self.subject_before_circumstance(text, comma_at, floor, known) {
                    return Some(m);
                }
                c = comma_at;
            }
        }
        if words.is_empty() {
            // `Budi (52), mengatakan`, `Budi (52), pedagang sayur, mengatakan`: a named person
            // with an age, right before the comma or before a lowercase description.
            //
            // `Bupati Bekasi Eka Supria Atmaja dalam keterangan tertulisnya menyatakan`: a
            // circumstance without commas between the subject and the verb.
            return self
                .described_before(text, p, floor, known)
                .or_else(|| comma.then(|| self.described_subject(text, p, floor, known))?)
                .or_else(|| self.subject_before_circumstance(text, p, floor, known));
        }
        // `Warga Bantul sebagian besar mengatakan`, `berkekuatan hukum tetap menyatakan`: one
        // lowercase role or organisation word in the middle of a lowercase phrase is no subject
        // (`Namun, polisi menyatakan` is one).
        if let [only] = &words[..]
            && !is_capitalised(only.str(text))
            && prev_word(text, only.start, floor).is_some_and(|w| {
                w.end == skip_ws_back(text, only.start, floor) && !is_capitalised(w.str(text))
            })
        {
            return None;
        }
        let mut m = self.split(text, &words, known);
        // `Berturut-turut Kepala BPS Provinsi Kalsel Mohammad Edy Mahmud mengatakan`: a heading
        // glued before a role that opens its sentence; when the role has its own organisation
        // and a name follows, the words before it are no part of the mention.
        if m.role.is_none()
            && words.len() > 2
            && opens_sentence(text, words[0].start, floor)
            && let Some(k) = (1..words.len().min(MAX_HEADING_WORDS + 1))
                .find(|&k| self.role_len(text, &words, k) > 0)
            && words[..k]
                .iter()
                .all(|w| self.affiliation_word(text, *w, known).is_none())
        {
            let mut rest = Words::new();
            for (w, f) in words.iter().zip(words.flags()).skip(k) {
                rest.push(*w, *f);
            }
            let r = self.split(text, &rest, known);
            if r.role.is_some() && r.affiliation.is_some() && r.name.is_some() && !r.org {
                words = rest;
                m = r;
            }
        }
        // `warga di Jakarta menyatakan` / `Hasan (37), karyawan swasta di Sawah Besar, Jakarta
        // Pusat, mengaku` / `Rudi Santoso di Muara Bungo mengatakan`: what follows `di` is a
        // place, not the subject, when a person is named before it or all its words are
        // places and organisations (then the person described before it, if any, speaks).
        if let Some((prep, di, listed)) = self.place_preposition(text, words[0].start, floor, comma)
            && let placey = words
                .iter()
                .all(|w| self.affiliation_word(text, *w, known).is_some())
            && (placey || (di && !listed))
        {
            let before = self.subject_before_place(text, prep, floor, known);
            // `Pegiat di Ikatan Arsitek Indonesia ini menuturkan`: an epithet.
            if placey && let Some(d) = demonstrative {
                let start = before.as_ref().map_or(words[0].start, |b| b.start);
                return Some(Mention::pronoun(start, d.end));
            }
            if before.as_ref().is_some_and(|b| b.name.is_some()) {
                return before;
            }
            if placey {
                return before
                    .or_else(|| self.described_subject(text, words[0].start, floor, known));
            }
        }
        // `Agung Kusumo (45), warga Kecamatan Mlati, menyampaikan`: a run after a lowercase
        // word of a description is where the person lives or works, not the subject; the
        // person is named before the description.
        if comma
            && m.role.is_none()
            && self.describes_list(text, words[0].start, floor)
            && let Some(person) = self.described_subject(text, words[0].start, floor, known)
        {
            return Some(person);
        }
        // `Budi selaku Ketua Tim Pemenangan Paslon X mengatakan`: after a role, what reads as
        // a name is the affiliation when a named subject stands before `selaku`/`yang juga`.
        let role_then_body = m.role.is_some() && m.name.is_some();
        if (m.name.is_none() || m.org || role_then_body)
            && let Some(subject) = self.appositive_subject(text, words[0].start, floor, known)
        {
            // What read as a name after the role ends its organisation (`Ketua Koperasi
            // Nelayan Maju`).
            let body = m
                .name
                .filter(|_| m.org || role_then_body)
                .map(|(s, e)| &text[s..e]);
            let affiliation = match (m.affiliation.clone(), body) {
                (Some(a), Some(b)) => Some(format!("{a} {b}")),
                (a, b) => a.or(b.map(str::to_string)),
            };
            return Some(Mention {
                role: subject.role.or(m.role.clone()),
                role_key: subject.role_key.or(m.role_key.clone()),
                affiliation: subject.affiliation.or(affiliation),
                end: m.end,
                ..subject
            });
        }
        if m.role.is_none()
            && m.name.is_some()
            && !m.org
            && let Some(listed) = self.listed_role_before(text, &words, floor, known)
        {
            return Some(listed);
        }
        let q = skip_ws_back(text, words[0].start, floor);
        if comma && char_before(text, q) == Some(',') {
            let prev = self.run_backward(text, q - 1, floor);
            if !prev.is_empty() {
                let pm = self.split(text, &prev, known);
                let this_has_name = m.name.is_some() && !m.org;
                // `Kepala Bidang Humas Polda Metro Jaya, Komisaris Besar Yusri Yunus`: before a
                // rank and a name, a one-word name after an office ends its organisation.
                let pm = match pm.name {
                    Some((s, e))
                        if this_has_name
                            && pm.role.is_some()
                            && !text[s..e].contains(' ')
                            && m.role.as_deref().is_some_and(|r| self.has_rank(r)) =>
                    {
                        Mention {
                            affiliation: Some(match pm.affiliation {
                                Some(a) => format!("{a} {}", &text[s..e]),
                                None => text[s..e].to_string(),
                            }),
                            name: None,
                            ..pm
                        }
                    }
                    _ => pm,
                };
                let prev_has_name = pm.name.is_some() && !pm.org;
                if this_has_name && !prev_has_name && (pm.role.is_some() || pm.org) {
                    // `Kepala Bidang Humas Polda X, Komisaris Besar Y, mengatakan`: the office
                    // and the rank.
                    let role = match (pm.role, m.role.clone()) {
                        (Some(office), Some(rank)) if self.has_rank(&rank) => {
                            Some(format!("{office} {rank}"))
                        }
                        (office, _) => office,
                    };
                    return Some(Mention {
                        start: pm.start,
                        role,
                        role_key: pm.role_key,
                        affiliation: pm.affiliation.or(pm
                            .name
                            .filter(|_| pm.org)
                            .map(|(s, e)| text[s..e].to_string())),
                        ..m
                    });
                }
                // `Wahyudi Djafar, peneliti Elsam, menilai`: after a name, a role and one
                // capitalised word describe the person; the word is an organisation or a place.
                //
                // `Widiyatmiko Nursejati, General Manager Representative Office 1 Jasamarga
                // Transjawa, menjelaskan`: a sentence opening with a plain full name, then a
                // comma and a role phrase: what reads as a name after the role ends its
                // organisation, whatever its length.
                let full_name_opens = || {
                    pm.affiliation.is_none()
                        && pm.name.is_some_and(|(s, e)| text[s..e].contains(' '))
                        && opens_sentence(text, pm.start, floor)
                        && prev
                            .iter()
                            .all(|w| self.affiliation_word(text, *w, known).is_none())
                };
                let described = this_has_name
                    && prev_has_name
                    && m.role.is_some()
                    && pm.role.is_none()
                    && m.name.is_some_and(|(s, e)| {
                        !text[s..e].contains(' ')
                            && (!is_capitalised(words[0].str(text))
                                || pm.name.is_some_and(|(s, e)| text[s..e].contains(' ')))
                    })
                    || (this_has_name
                        && prev_has_name
                        && m.role.is_some()
                        && pm.role.is_none()
                        && full_name_opens());
                if described {
                    let (s, e) = m.name.unwrap_or_default();
                    return Some(Mention {
                        start: pm.start,
                        end: m.end,
                        role: m.role,
                        role_key: m.role_key,
                        affiliation: Some(match m.affiliation {
                            Some(a) => format!("{a} {}", &text[s..e]),
                            None => text[s..e].to_string(),
                        }),
                        name: pm.name,
                        org: false,
                        pronoun: false,
                    });
                }
                if prev_has_name && !this_has_name && (m.role.is_some() || m.org) {
                    return Some(Mention {
                        start: pm.start,
                        end: m.end,
                        role: m.role,
                        role_key: m.role_key,
                        affiliation: m.affiliation.or(m
                            .name
                            .filter(|_| m.org)
                            .map(|(s, e)| text[s..e].to_string())),
                        name: pm.name,
                        org: false,
                        pronoun: false,
                    });
                }
            }
        }
        // `Laporan tersebut menyebutkan`: one plain word before a demonstrative is no name.
        if demonstrative.is_some()
            && m.role.is_none()
            && m.affiliation.is_none()
            && m.name.is_some_and(|(s, e)| !text[s..e].contains(' '))
        {
            return None;
        }
        if m.role.is_none()
            && m.name.is_some()
            && !m.org
            && let Some((start, role)) = self.field_role_before(text, words[0].start, floor)
        {
            // `Ahmad, yang juga sebagai perwira pengamat wilayah Boven Digoel, menyatakan`: the
            // role and what it names describe the person named before `yang`.
            if let Some(subject) = self.appositive_subject(text, start, floor, known) {
                return Some(Mention {
                    role_key: subject.role_key.or_else(|| Some(norm(role))),
                    role: subject.role.or_else(|| Some(role.to_string())),
                    affiliation: subject.affiliation.or_else(|| {
                        Some(text[words[0].start..words[words.len() - 1].end].to_string())
                    }),
                    end: m.end,
                    ..subject
                });
            }
            return Some(Mention {
                start,
                role_key: Some(norm(role)),
                role: Some(role.to_string()),
                ..m
            });
        }
        Some(m)
    }
}

/// [`norm`] of a phrase: an ASCII phrase of words separated by single spaces (most role
/// phrases) is only lowercased.
fn norm_phrase(s: &str) -> String {
    let b = s.as_bytes();
    let plain = b.first().is_some_and(|&c| c != b' ')
        && b.last().is_some_and(|&c| c != b' ')
        && b.iter()
            .all(|&c| c.is_ascii() && !matches!(c, b'\t' | b'\n' | 0x0b | 0x0c | b'\r'))
        && !b.windows(2).any(|w| w == b"  ");
    if plain {
        s.to_ascii_lowercase()
    } else {
        norm(s)
    }
}

/// `end` moved over a `)` right after it that closes a bracket of `start..end`: a phrase that
/// ends with a bracketed acronym keeps its closing bracket (`Sekretaris Daerah (Sekda)`,
/// `Komite Nasional Keselamatan Transportasi (KNKT)`).
fn closed(text: &str, start: usize, end: usize) -> usize {
    let b = text.as_bytes();
    let open = |c: u8| b[start..end].iter().filter(|&&x| x == c).count();
    if b.get(end) == Some(&b')') && open(b'(') > open(b')') {
        end + 1
    } else {
        end
    }
}

/// The entity whose span covers `start..end`, if any (entities sorted by start).
pub(crate) fn entity_covering(
    entities: &[KnownEntity],
    start: usize,
    end: usize,
) -> Option<&KnownEntity> {
    let idx = entities.partition_point(|e| e.span.start <= start);
    entities[..idx]
        .iter()
        .rev()
        .take(8)
        .find(|e| e.span.start <= start && end <= e.span.end)
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;

    proptest! {
        #[test]
        fn phrase_norm_matches_norm(s in "[A-Za-zÉé \t,.-]{0,30}") {
            prop_assert_eq!(norm_phrase(&s), norm(&s));
        }

        #[test]
        fn verb_shape_matches_a_case_blind_prefix(w in "(me[mn]|ME[MN]|Me[mn])?[a-zA-Z@`é]{0,8}") {
            let want = w.len() >= 7
                && w.get(..4).is_some_and(|p| {
                    ["meng", "meny", "memb", "memp"].iter().any(|v| p.eq_ignore_ascii_case(v))
                });
            prop_assert_eq!(is_verb_shape(&w), want);
        }
    }
}
