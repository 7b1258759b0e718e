//! Speaker mentions: the run of name, role and affiliation words next to a cue, and its split
//! into role, affiliation and name.

use crate::KnownEntity;
use crate::lexicon::{Lexicon, norm};
use crate::text::{Word, char_at, char_before, is_acronym, is_capitalised, next_word, prev_word};
use crate::text::{skip_ws, skip_ws_back};

/// Lowercase particles allowed inside a name (`Abdul bin Ahmad`, `Van der Berg`).
const CONNECTORS: &[&str] = &[
    "bin", "binti", "van", "von", "der", "de", "da", "al", "el", "la",
];

/// Adverbs allowed between a subject and its verb (`Home juga mengatakan`).
pub(crate) const ADVERBS: &[&str] = &[
    "juga",
    "pun",
    "kembali",
    "sempat",
    "telah",
    "sudah",
    "pernah",
    "lalu",
    "kemudian",
    "akhirnya",
    "hanya",
    "bahkan",
    "justru",
    "lantas",
    "malah",
    "kerap",
    "sering",
    "selalu",
    "pula",
    "masih",
    "tetap",
    "sendiri",
    "secara",
    "tegas",
    "terus",
    "langsung",
    "sebelumnya",
    "saat",
    "itu",
    "ini",
    "mengaku",
    "turut",
    "belum",
    "akan",
    "ikut",
    "menanggapi",
    "pun",
];

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

impl Lexicon {
    fn is_role_word(&self, lower: &str) -> bool {
        self.role_words.contains(lower)
    }

    fn is_stop(&self, lower: &str) -> bool {
        self.stopcaps.contains(lower)
    }

    /// Capitalised (or role) words from `pos` forward, on one line, up to `limit`.
    pub(crate) fn run_forward(&self, text: &str, pos: usize, limit: usize) -> Vec<Word> {
        let mut words: Vec<Word> = Vec::new();
        let mut p = pos;
        while let Some(w) = next_word(text, p, limit) {
            let s = w.str(text);
            let lower = norm(s);
            let ok = if is_capitalised(s) {
                !self.is_stop(&lower)
            } else if self.is_role_word(&lower) {
                words.iter().all(|x| self.is_role_word(&norm(x.str(text))))
            } else if CONNECTORS.contains(&lower.as_str()) && !words.is_empty() {
                next_word(text, w.end, limit).is_some_and(|n| is_capitalised(n.str(text)))
            } else {
                false
            };
            if !ok {
                break;
            }
            words.push(w);
            p = w.end;
        }
        words
    }

    /// Capitalised (or role) words ending at `pos`, going back, not before `floor`.
    pub(crate) fn run_backward(&self, text: &str, pos: usize, floor: usize) -> Vec<Word> {
        let mut words: Vec<Word> = Vec::new();
        let mut p = pos;
        while let Some(w) = prev_word(text, p, floor) {
            let s = w.str(text);
            let lower = norm(s);
            let ok = if is_capitalised(s) {
                !self.is_stop(&lower)
            } else if self.is_role_word(&lower) {
                true
            } else if CONNECTORS.contains(&lower.as_str()) && !words.is_empty() {
                prev_word(text, w.start, floor).is_some_and(|n| is_capitalised(n.str(text)))
            } else {
                false
            };
            if !ok {
                break;
            }
            words.push(w);
            p = w.start;
        }
        words.reverse();
        // A run may not start with a lowercase connector.
        while words
            .first()
            .is_some_and(|w| CONNECTORS.contains(&norm(w.str(text)).as_str()))
        {
            words.remove(0);
        }
        words
    }

    /// Longest role phrase at `words[i..]`, in words.
    fn role_len(&self, text: &str, words: &[Word], i: usize) -> usize {
        let max = self.role_max_words.min(words.len() - i);
        let mut key = String::new();
        let mut best = 0;
        for k in 0..max {
            if k > 0 {
                key.push(' ');
            }
            key.push_str(&norm(words[i + k].str(text)));
            if self.roles.contains(&key) {
                best = k + 1;
            }
        }
        best
    }

    fn affiliation_word(&self, text: &str, w: Word, entities: &[KnownEntity]) -> Option<bool> {
        let s = w.str(text);
        if let Some(&head) = self.affiliation.get(&norm(s)) {
            return Some(head);
        }
        if is_acronym(s) {
            return Some(false);
        }
        let e = entity_covering(entities, w.start, w.end)?;
        (e.entity_type != "PER").then_some(false)
    }

    /// Splits a run into role, affiliation and name.
    pub(crate) fn split(&self, text: &str, words: &[Word], entities: &[KnownEntity]) -> Mention {
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
        let mut i = 0;
        while i < n {
            let l = self.role_len(text, words, i);
            if l == 0 {
                break;
            }
            i += l;
        }
        let lead_role = i;
        let mut ranks: Vec<(usize, usize)> = Vec::new();
        let mut name_start = i;
        let mut k = i;
        while k < n {
            let rl = self.role_len(text, words, k);
            if rl > 0 && k > lead_role {
                ranks.push((words[k].start, words[k + rl - 1].end));
                k += rl;
                name_start = k;
                continue;
            }
            match self.affiliation_word(text, words[k], entities) {
                Some(head) => {
                    k += 1;
                    if head && k < n && self.role_len(text, words, k) == 0 {
                        k += 1;
                    }
                    name_start = k;
                    ranks.clear();
                }
                None => k += 1,
            }
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
        if name_words.len() > 3 && (lead_role > 0 || name_start > 0) {
            name_words = &name_words[name_words.len() - 3..];
        }
        let name_first = n - name_words.len();
        if aff_end_word == name_start {
            aff_end_word = name_first;
        }
        let mut role_parts: Vec<&str> = Vec::new();
        if lead_role > 0 {
            role_parts.push(&text[words[0].start..words[lead_role - 1].end]);
        }
        for &(s, e) in &ranks {
            role_parts.push(&text[s..e]);
        }
        let role = (!role_parts.is_empty()).then(|| role_parts.join(" "));
        let role_key =
            (lead_role > 0).then(|| norm(&text[words[0].start..words[lead_role - 1].end]));
        if aff_start > aff_end_word {
            aff_start = aff_end_word;
        }
        let aff_words = &words[aff_start..aff_end_word];
        let affiliation = match (aff_words.first(), aff_words.last()) {
            (Some(f), Some(l)) => Some(text[f.start..l.end].to_string()),
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

    /// A pronoun mention of the single word `w`.
    fn pronoun_mention(&self, text: &str, w: Word) -> Option<Mention> {
        self.is_pronoun(&norm(w.str(text))).then_some(Mention {
            start: w.start,
            end: w.end,
            role: None,
            role_key: None,
            affiliation: None,
            name: None,
            org: false,
            pronoun: true,
        })
    }

    /// The mention starting after `pos` (after a cue such as `kata`): a pronoun, or a run of
    /// role/affiliation/name words, continued over commas for `Kepala Dinas X, Y`.
    pub(crate) fn mention_after(
        &self,
        text: &str,
        pos: usize,
        limit: usize,
        entities: &[KnownEntity],
    ) -> Option<Mention> {
        let first = next_word(text, pos, limit)?;
        if let Some(m) = self.pronoun_mention(text, first) {
            return Some(m);
        }
        let words = self.run_forward(text, first.start, limit);
        if words.is_empty() {
            return None;
        }
        let mut m = self.split(text, &words, entities);
        let starts_with_role = self.role_len(text, &words, 0) > 0;
        if starts_with_role {
            // `kata Kepala Dusun X, Kelurahan Y, Wahyu Wibowo`: the name follows the commas.
            let mut p = m.end;
            let mut name_run: Option<Vec<Word>> = None;
            let mut segments = 0;
            while segments < 4 {
                let c = skip_ws(text, p, limit);
                if char_at(text, c) != Some(',') {
                    break;
                }
                let seg = self.run_forward(text, c + 1, limit);
                if seg.is_empty() {
                    break;
                }
                let first_is_aff = self.affiliation_word(text, seg[0], entities).is_some();
                let seg_end = seg[seg.len() - 1].end;
                if !first_is_aff && self.role_len(text, &seg, 0) == 0 {
                    name_run = Some(seg);
                    break;
                }
                p = seg_end;
                segments += 1;
            }
            if let Some(seg) = name_run {
                let after = skip_ws(text, seg[seg.len() - 1].end, limit);
                let terminated = after >= limit
                    || matches!(
                        char_at(text, after),
                        Some('.' | ',' | ';' | ')' | '(' | '\n')
                    )
                    || next_word(text, after, limit).is_some_and(|w| !is_capitalised(w.str(text)));
                let ns = self.split(text, &seg, entities);
                if terminated && !ns.org && ns.name.is_some() && ns.role.is_none() {
                    let aff_from = words[self.role_len(text, &words, 0).min(words.len() - 1)].start;
                    let aff = text[aff_from..p].trim_end_matches([',', ' ']).to_string();
                    m.end = ns.end;
                    m.name = ns.name;
                    m.org = false;
                    if aff_from < p && !aff.is_empty() && aff_from != words[0].start {
                        m.affiliation = Some(aff);
                    }
                }
            }
        }
        Some(m)
    }

    /// The subject mention ending right before `pos` (a verb), skipping adverbs; also
    /// `Budi, Kepala Dinas X, mengatakan` and `Kepala Dinas X, Budi, mengatakan`.
    pub(crate) fn mention_before(
        &self,
        text: &str,
        pos: usize,
        floor: usize,
        entities: &[KnownEntity],
    ) -> Option<Mention> {
        let mut p = pos;
        for _ in 0..4 {
            match prev_word(text, p, floor) {
                Some(w) if ADVERBS.contains(&norm(w.str(text)).as_str()) => p = w.start,
                _ => break,
            }
        }
        let mut comma = false;
        let q = skip_ws_back(text, p, floor);
        if char_before(text, q) == Some(',') {
            p = q - 1;
            comma = true;
        }
        let w = prev_word(text, p, floor)?;
        if let Some(m) = self.pronoun_mention(text, w) {
            return Some(m);
        }
        let words = self.run_backward(text, p, floor);
        if words.is_empty() {
            return None;
        }
        let m = self.split(text, &words, entities);
        let q = skip_ws_back(text, words[0].start, floor);
        if comma && char_before(text, q) == Some(',') {
            let prev = self.run_backward(text, q - 1, floor);
            if !prev.is_empty() {
                let pm = self.split(text, &prev, entities);
                let this_has_name = m.name.is_some() && !m.org;
                let prev_has_name = pm.name.is_some() && !pm.org;
                if this_has_name && !prev_has_name && (pm.role.is_some() || pm.org) {
                    return Some(Mention {
                        start: pm.start,
                        role: pm.role,
                        role_key: pm.role_key,
                        affiliation: pm.affiliation.or(pm
                            .name
                            .filter(|_| pm.org)
                            .map(|(s, e)| text[s..e].to_string())),
                        ..m
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
        Some(m)
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
