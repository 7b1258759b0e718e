//! The classification: per-line features, the prose region(s), then title, dateline, credits.

use std::cell::Cell;

use crate::bytes;
use crate::lexicon::{W_DATE, W_EN, W_ID, pack, pack_halves};
use crate::meta::{DatelineMatch, floor_char, names_only};
use crate::{Block, BlockKind, ChromeReason, Classifier, Credit, Meta, Page, Span};

/// Bytes of a line looked at for word statistics (long lines are extrapolated). At most 127:
/// the window is a bit mask in a `u128`.
const SCAN: usize = 96;
/// Lines longer than this are never looked at as chrome phrases `any`where in the line.
const ANYWHERE_LIMIT: usize = 300;
/// The most lines whose vector a thread keeps for the next text (a few hundred KB).
const KEPT_LINES: usize = 4096;
/// A page title line, a dateline or a date line is never longer than this.
const META_LINE: usize = 200;

/// Word statistics of one line.
#[derive(Debug, Clone, Copy, Default)]
struct Feat {
    /// Words in the line (extrapolated from the scanned prefix for long lines).
    words: u32,
    /// Words in the scanned prefix.
    scanned: u32,
    /// Indonesian or English function words.
    stop: u32,
    /// Calendar and counter words.
    date: u32,
    /// Words starting with a digit.
    num: u32,
    /// Words starting with a lowercase letter.
    lower: u32,
    /// Words starting with an uppercase letter.
    upper: u32,
    /// Menu separators (`|`, `·`, `»`, `•`).
    seps: u32,
    /// The line holds a `©`.
    copyright: bool,
    /// The line ends like a sentence (`.`, `!`, `?`, `…`, `:`, `;`, before closing quotes).
    terminal: bool,
}

impl Feat {
    fn lower_ratio(&self) -> f32 {
        let cased = self.lower + self.upper;
        if cased == 0 {
            0.0
        } else {
            self.lower as f32 / cased as f32
        }
    }

    fn density(&self) -> f32 {
        self.stop as f32 / self.scanned.max(1) as f32
    }
}

/// What a line looks like on its own.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Class {
    /// A sentence or paragraph of running text.
    Prose,
    /// Sentence-cased text without the length or punctuation of prose.
    Weak,
    /// A short line: heading, menu item, headline, label.
    Short,
    /// Chrome on its own evidence; `true` when the line is only a list header (`Baca Juga`).
    Chrome(ChromeReason, bool),
    /// A credit line (`Editor: X`, `(ant/hm02)`).
    Credit,
    /// A prose-like photo caption: `strong` when it ends in a photo credit
    /// (`(ANTARA FOTO/…)`, `(REUTERS/…)`), weak when in `(Outlet/Name)` (a glued credit
    /// when it is the last line of the body).
    Caption(bool),
}

#[derive(Debug, Clone)]
struct Line {
    start: usize,
    end: usize,
    feat: Feat,
    class: Class,
    /// Where a credit code at the end of the line starts (`(CNN/hm02)`), relative to `start`.
    credit_at: Option<usize>,
}

impl Line {
    fn text<'a>(&self, text: &'a str) -> &'a str {
        &text[self.start..self.end]
    }

    fn is_prose(&self) -> bool {
        matches!(self.class, Class::Prose | Class::Weak | Class::Caption(_))
    }

    fn score(&self) -> f32 {
        match self.class {
            Class::Prose | Class::Caption(_) => 1.0 + self.feat.words.min(60) as f32 / 10.0,
            Class::Weak => 0.2,
            Class::Short => -1.5,
            Class::Credit => -3.0,
            Class::Chrome(reason, _) => match reason {
                ChromeReason::Copyright => -4.0,
                ChromeReason::RelatedList => -2.0,
                ChromeReason::Advertisement | ChromeReason::Caption => -1.0,
                _ => -1.5,
            },
        }
    }
}

/// The final decision for one line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Decision {
    Title,
    Dateline,
    Body,
    Chrome(ChromeReason),
}

/// The working vectors of one text, one entry a line.
#[derive(Debug, Default)]
struct Scratch {
    lines: Vec<Line>,
    scores: Vec<f32>,
    in_region: Vec<bool>,
    region_has_prose: Vec<bool>,
    decisions: Vec<Decision>,
}

std::thread_local! {
    /// The working vectors of the last text classified on this thread, kept for the next
    /// one: one text after another allocates none of them.
    static SCRATCH: Cell<Scratch> = const {
        Cell::new(Scratch {
            lines: Vec::new(),
            scores: Vec::new(),
            in_region: Vec::new(),
            region_has_prose: Vec::new(),
            decisions: Vec::new(),
        })
    };
}

pub(crate) fn run(c: &Classifier, text: &str) -> Page {
    let mut scratch = SCRATCH.take();
    scratch.lines.clear();
    split_lines(c, text, &mut scratch.lines);
    let page = if scratch.lines.is_empty() {
        Page::default()
    } else {
        decide(c, text, &mut scratch)
    };
    // A huge text does not leave its memory behind.
    if scratch.lines.capacity() <= KEPT_LINES {
        SCRATCH.set(scratch);
    }
    page
}

/// Classifies the lines of `text` (at least one, in `scratch.lines`).
fn decide(c: &Classifier, text: &str, scratch: &mut Scratch) -> Page {
    let Scratch {
        lines,
        scores,
        in_region,
        region_has_prose,
        decisions,
    } = scratch;
    let lines: &[Line] = lines;
    line_scores(text, lines, scores, |i| {
        c.dateline(lines[i].text(text), true).is_some()
    });
    let mut regions = find_regions(scores);
    extend_to_credits(text, lines, &mut regions);
    end_at_closing_credit(lines, scores, &mut regions);
    in_region.clear();
    in_region.resize(lines.len(), false);
    for &(a, b) in &regions {
        in_region[a..b].iter_mut().for_each(|x| *x = true);
    }
    // The body starts at the first prose line of the first region (captions only when the
    // region is a photo story).
    let body_start = regions
        .first()
        .and_then(|&(a, b)| {
            (a..b)
                .find(|&i| matches!(lines[i].class, Class::Prose | Class::Weak))
                .or_else(|| (a..b).find(|&i| lines[i].is_prose()))
        })
        .unwrap_or(lines.len());

    decisions.clear();
    decisions.resize(lines.len(), Decision::Body);
    let mut meta = Meta::default();

    // Title.
    let title = find_title(c, text, lines, body_start);
    if let Some((t, ref title_text)) = title {
        meta.title = Some(title_text.clone());
        for x in in_region.iter_mut().take(t + 1) {
            *x = false;
        }
    }
    let title_idx = title.as_ref().map(|t| t.0);

    // Dateline: a standalone line just before the body, or the start of the first body line.
    let mut dateline_split: Option<(usize, DatelineMatch)> = None;
    let mut standalone_dateline: Option<usize> = None;
    if body_start < lines.len() {
        let from = title_idx
            .map_or(0, |t| t + 1)
            .max(body_start.saturating_sub(3));
        for i in (from..body_start).rev() {
            let s = lines[i].text(text);
            if s.len() <= META_LINE
                && !matches!(
                    lines[i].class,
                    Class::Prose
                        | Class::Credit
                        | Class::Caption(_)
                        | Class::Chrome(ChromeReason::Caption, _)
                )
                && let Some(m) = c.dateline(s, false)
                && m.rest >= s.len()
            {
                standalone_dateline = Some(i);
                meta.dateline = Some(m.dateline);
                break;
            }
        }
        if standalone_dateline.is_none()
            && let Some(m) = c.dateline(lines[body_start].text(text), true)
        {
            meta.dateline = Some(m.dateline.clone());
            if m.rest >= lines[body_start].end - lines[body_start].start {
                standalone_dateline = Some(body_start);
            } else {
                dateline_split = Some((body_start, m));
            }
        }
        // A deck (a one-sentence summary under the headline) may come before the dateline:
        // look at the next two body lines, for a dateline that names its outlet.
        if meta.dateline.is_none() {
            for i in body_start + 1..lines.len().min(body_start + 3) {
                if !in_region[i] || !lines[i].is_prose() {
                    break;
                }
                if let Some(m) = c.dateline(lines[i].text(text), false) {
                    meta.dateline = Some(m.dateline.clone());
                    if m.rest >= lines[i].end - lines[i].start {
                        standalone_dateline = Some(i);
                    } else {
                        dateline_split = Some((i, m));
                    }
                    break;
                }
            }
        }
    }

    // A region made only of captions is a photo story: its captions are the body.
    region_has_prose.clear();
    region_has_prose.resize(lines.len(), false);
    for &(a, b) in &regions {
        let has = (a..b).any(|j| matches!(lines[j].class, Class::Prose | Class::Weak));
        region_has_prose[a..b].iter_mut().for_each(|x| *x = has);
    }

    // Decide every line.
    let mut list: Option<ChromeReason> = None;
    for i in 0..lines.len() {
        let line = &lines[i];
        decisions[i] = if Some(i) == title_idx {
            Decision::Title
        } else if Some(i) == standalone_dateline {
            Decision::Dateline
        } else if in_region[i] {
            match line.class {
                // `• Judul Artikel` right under `Baca juga:` (or under another such item) is one
                // more teaser.
                Class::Weak
                    if list.is_some()
                        && !line.feat.terminal
                        && is_list_item(line.text(text))
                        && i > 0
                        && (matches!(lines[i - 1].class, Class::Chrome(_, true))
                            || (matches!(decisions[i - 1], Decision::Chrome(_))
                                && is_list_item(lines[i - 1].text(text)))) =>
                {
                    Decision::Chrome(list.unwrap_or(ChromeReason::Teaser))
                }
                Class::Prose | Class::Weak => {
                    list = None;
                    Decision::Body
                }
                Class::Caption(strong) => {
                    list = None;
                    let region = regions
                        .iter()
                        .find(|&&(a, b)| a <= i && i < b)
                        .copied()
                        .unwrap_or((i, i + 1));
                    let last_prose = (region.0..region.1).rev().find(|&j| lines[j].is_prose());
                    if !region_has_prose[i] || (!strong && last_prose == Some(i)) {
                        Decision::Body
                    } else {
                        Decision::Chrome(ChromeReason::Caption)
                    }
                }
                Class::Credit => Decision::Chrome(ChromeReason::Credit),
                // A time stamp between two paragraphs heads the next entry of a live report.
                Class::Chrome(ChromeReason::Widget, _)
                    if i > 0
                        && matches!(lines[i - 1].class, Class::Prose)
                        && lines.get(i + 1).is_some_and(|l| l.class == Class::Prose) =>
                {
                    list = None;
                    Decision::Body
                }
                Class::Chrome(reason, header) => {
                    if header && matches!(reason, ChromeReason::Teaser | ChromeReason::RelatedList)
                    {
                        list = Some(reason);
                    }
                    Decision::Chrome(reason)
                }
                Class::Short => match list {
                    Some(reason) => Decision::Chrome(reason),
                    None => match between_chrome(lines, i) {
                        Some(reason) => Decision::Chrome(reason),
                        None => Decision::Body,
                    },
                },
            }
        } else {
            let reason = match (line.class, list) {
                (Class::Short, Some(r)) => r,
                _ => outside_reason(lines, i),
            };
            match line.class {
                Class::Chrome(r, true)
                    if matches!(r, ChromeReason::Teaser | ChromeReason::RelatedList) =>
                {
                    list = Some(r)
                }
                Class::Short => {}
                _ => list = None,
            }
            Decision::Chrome(reason)
        };
    }
    // The page's <title> line repeated above the headline.
    if let Some(t) = title_idx
        && t > 0
        && lines[0].text(text).len() <= META_LINE
        && decisions[0] != Decision::Body
        && page_title_matches(text, &lines[0], &lines[t])
    {
        decisions[0] = Decision::Chrome(ChromeReason::Metadata);
    }

    // Credits: label lines, code lines, and a credit glued to the last line of a region.
    let mut credit_splits: Vec<(usize, usize)> = Vec::new();
    for &(a, b) in &regions {
        if let Some(last) = (a..b).rev().find(|&i| decisions[i] == Decision::Body)
            && let Some(at) = lines[last].credit_at
            && at > 0
            && dateline_split
                .as_ref()
                .is_none_or(|(i, d)| *i != last || d.rest < at)
        {
            credit_splits.push((last, at));
        }
    }
    let mut pending_label: Option<Credit> = None;
    for (i, line) in lines.iter().enumerate() {
        let s = line.text(text);
        if let Some(mut label) = pending_label.take()
            && let Some(name) = s.strip_prefix(':').or_else(|| {
                (line.class == Class::Credit && c.re.credit_line(s).is_none()).then_some(s)
            })
        {
            let name = name.trim();
            if !name.is_empty() && name.len() <= 80 {
                if label.role.as_deref() == Some("source") {
                    label.source = Some(name.to_string());
                } else {
                    label.editor = Some(name.to_string());
                }
                meta.credits.push(label);
                decisions[i] = Decision::Chrome(ChromeReason::Credit);
            }
            continue;
        }
        if line.class == Class::Credit {
            let credits = c.re.credit_lines(s);
            if let [only] = credits.as_slice()
                && only.source.is_none()
                && only.editor.is_none()
            {
                pending_label = Some(only.clone());
            } else if !credits.is_empty() {
                meta.credits.extend(credits);
            } else if let Some(cr) = c.re.credit_line(s) {
                meta.credits.push(cr);
            } else if let Some(m) = c.re.credit_tail(s)
                && m.credit != Credit::default()
            {
                meta.credits.push(m.credit);
            }
        } else if let Some(&(_, at)) = credit_splits.iter().find(|(l, _)| *l == i)
            && let Some(m) = c.re.credit_tail(s)
            && m.start == at
            && m.credit != Credit::default()
        {
            meta.credits.push(m.credit);
        }
    }

    meta.date = find_date(c, text, lines, title_idx, body_start, decisions);

    // Blocks.
    let mut blocks = Vec::with_capacity(lines.len() + 2);
    for (i, line) in lines.iter().enumerate() {
        let (kind, reason) = match decisions[i] {
            Decision::Title => (BlockKind::Title, None),
            Decision::Dateline => (BlockKind::Dateline, None),
            Decision::Body => (BlockKind::Body, None),
            Decision::Chrome(r) => (BlockKind::Chrome, Some(r)),
        };
        let mut start = line.start;
        let mut end = line.end;
        if let Some((_, m)) = dateline_split.as_ref().filter(|(l, _)| *l == i) {
            blocks.push(Block {
                span: Span::new(start, start + m.len),
                kind: BlockKind::Dateline,
                reason: None,
            });
            start += m.rest;
        }
        let mut credit_block = None;
        if let Some(&(_, at)) = credit_splits.iter().find(|(l, _)| *l == i) {
            credit_block = Some(Block {
                span: Span::new(line.start + at, line.end),
                kind: BlockKind::Chrome,
                reason: Some(ChromeReason::Credit),
            });
            end = line.start + at;
        }
        let part = &text[start..end];
        let lead = part.len() - trim_start(part).len();
        let trail = part.len() - trim_end(part).len();
        if start + lead < end - trail {
            blocks.push(Block {
                span: Span::new(start + lead, end - trail),
                kind,
                reason,
            });
        }
        blocks.extend(credit_block);
    }
    Page { blocks, meta }
}

impl Classifier {
    /// Whether `name` is a news outlet or agency: a listed name, a domain-like name
    /// (`KOMPAS.com`, `MISTAR.ID`), or a listed name with a section glued on (`KompasOtomotif`).
    pub(crate) fn is_outlet(&self, name: &str) -> bool {
        let name = name.trim();
        if name.is_empty() || name.len() > 40 {
            return false;
        }
        let listed = if name.is_ascii() {
            // Lowercased on the stack: most names looked up are ASCII.
            let mut buf = [0u8; 40];
            let lower = &mut buf[..name.len()];
            lower.copy_from_slice(name.as_bytes());
            lower.make_ascii_lowercase();
            std::str::from_utf8(lower).is_ok_and(|l| self.outlets.contains(l))
        } else {
            self.outlets.contains(&name.to_lowercase())
        };
        if listed {
            return true;
        }
        if !name.contains(' ')
            && let Some((host, tld)) = name.rsplit_once('.')
        {
            let tld_ok = (2..=4).contains(&tld.len()) && tld.chars().all(|c| c.is_alphabetic());
            if tld_ok && host.chars().next().is_some_and(char::is_alphanumeric) {
                return true;
            }
        }
        // `KompasOtomotif`, `detikNews`: a listed one-word name followed by a capitalised part.
        let first = name.split_whitespace().next().unwrap_or("");
        if !first
            .char_indices()
            .any(|(i, ch)| i >= 4 && ch.is_uppercase())
        {
            return false;
        }
        // The sorted names starting with the same (lowercase) byte.
        let f0 = first.as_bytes()[0].to_ascii_lowercase();
        let from = self.glued_outlets.partition_point(|o| o.as_bytes()[0] < f0);
        let to = self
            .glued_outlets
            .partition_point(|o| o.as_bytes()[0] <= f0);
        self.glued_outlets[from..to].iter().any(|o| {
            first.len() > o.len()
                && first.is_char_boundary(o.len())
                && first[..o.len()].eq_ignore_ascii_case(o)
                && first[o.len()..].starts_with(|c: char| c.is_uppercase())
        })
    }

    fn dateline(&self, line: &str, loose: bool) -> Option<DatelineMatch> {
        self.re.dateline(line, &|s| self.is_outlet(s), loose)
    }
}

/// Splits `text` into trimmed, non-empty lines with their features and local class.
fn split_lines(c: &Classifier, text: &str, lines: &mut Vec<Line>) {
    let mut pos = 0;
    let ends = memchr::memchr_iter(b'\n', text.as_bytes()).chain(std::iter::once(text.len()));
    for end in ends {
        let raw = &text[pos..end];
        let raw_start = pos;
        pos = end + 1;
        let trimmed = trim_start(raw);
        if trimmed.is_empty() {
            continue;
        }
        let start = raw_start + (raw.len() - trimmed.len());
        let s = trim_end(trimmed);
        // A credit glued at the end (`….(ant/hm)`) is not part of the sentence.
        let credit_at = c.re.credit_tail(s).map(|m| m.start);
        let sentence = match credit_at {
            Some(at) if at > 0 => s[..at].trim_end(),
            _ => s,
        };
        let feat = features(c, sentence);
        let mut class = local_class(c, s, &feat, credit_at);
        // The name under a lone label (`Editor` / `Laila Afifa`) is part of the credit.
        if matches!(class, Class::Short | Class::Weak)
            && s.len() <= 80
            && lines
                .last()
                .is_some_and(|l: &Line| is_lone_label(c, l.text(text), l.class))
            && names_only(s)
        {
            class = Class::Credit;
        }
        lines.push(Line {
            start,
            end: start + s.len(),
            feat,
            class,
            credit_at,
        });
    }
    mark_captions(text, lines);
}

/// `s.trim_start()`, without decoding a char when the first byte is printable ASCII.
#[inline]
fn trim_start(s: &str) -> &str {
    match s.as_bytes().first() {
        Some(&b) if b > b' ' && b < 0x80 => s,
        _ => s.trim_start(),
    }
}

/// `s.trim_end()`, without decoding a char when the last byte is printable ASCII.
#[inline]
fn trim_end(s: &str) -> &str {
    match s.as_bytes().last() {
        Some(&b) if b > b' ' && b < 0x80 => s,
        _ => s.trim_end(),
    }
}

/// `ch.is_alphabetic()` for a non-ASCII char, without the table search for the General
/// Punctuation block (`“”‘’–—…`, spaces), which holds no letter.
#[inline]
fn is_letter(ch: char) -> bool {
    !('\u{2000}'..='\u{206F}').contains(&ch) && ch.is_alphabetic()
}

/// A prose line next to a photo credit on a line of its own (`Foto: Republika/Prayogi`,
/// `TRIBUNNEWS.COM/IRWAN RISMAWAN`) is the caption of that photo when it stands alone: the one
/// above it (maybe across a lone `Foto :` label) when no prose precedes that one, or the one
/// below it when no prose follows that one.
fn mark_captions(text: &str, lines: &mut [Line]) {
    let prose = |l: &Line| matches!(l.class, Class::Prose | Class::Weak);
    for i in 0..lines.len() {
        if !matches!(lines[i].class, Class::Chrome(ChromeReason::Caption, _))
            || lines[i].feat.words > 6
        {
            continue;
        }
        let mut above = i.checked_sub(1);
        if let Some(a) = above
            && a > 0
            && is_photo_label(lines[a].text(text))
        {
            above = Some(a - 1);
        }
        // A caption stands alone: no running text right above it.
        if let Some(a) = above
            && prose(&lines[a])
            && !a.checked_sub(1).is_some_and(|p| lines[p].is_prose())
        {
            lines[a].class = Class::Caption(true);
        } else if lines.get(i + 1).is_some_and(prose)
            && !lines.get(i + 2).is_some_and(|l| l.is_prose())
        {
            lines[i + 1].class = Class::Caption(true);
        }
    }
}

/// `Foto`, `Photo :`: the label of a photo credit on the next line.
fn is_photo_label(s: &str) -> bool {
    let w = s.trim_end_matches([' ', ':']);
    w.eq_ignore_ascii_case("foto") || w.eq_ignore_ascii_case("photo")
}

/// A credit label without a name (`Penulis`, `Editor :`).
fn is_lone_label(c: &Classifier, s: &str, class: Class) -> bool {
    class == Class::Credit
        && c.re
            .credit_line(s)
            .is_some_and(|cr| cr.source.is_none() && cr.editor.is_none())
}

/// Word statistics of a trimmed line (its first [`SCAN`] bytes).
fn features(c: &Classifier, s: &str) -> Feat {
    let b = s.as_bytes();
    let n = floor_char(s, SCAN);
    let mut f = Feat::default();
    let (lo, hi) = word_mask(s, n, &mut f);
    // Word starts and last bytes as bit sets; the k-th start pairs with the k-th last byte.
    let mut starts_lo = lo & !(lo << 1);
    let mut starts_hi = hi & !((hi << 1) | (lo >> 63));
    let mut lasts_lo = lo & !((lo >> 1) | (hi << 63));
    let mut lasts_hi = hi & !(hi >> 1);
    while starts_lo != 0 {
        let start = starts_lo.trailing_zeros() as usize;
        starts_lo &= starts_lo - 1;
        // A word starting in the low half may end in the high one.
        let last = if lasts_lo != 0 {
            let last = lasts_lo.trailing_zeros() as usize;
            lasts_lo &= lasts_lo - 1;
            last
        } else {
            let last = 64 + lasts_hi.trailing_zeros() as usize;
            lasts_hi &= lasts_hi.wrapping_sub(1);
            last
        };
        word(c, b, start, last + 1, &mut f);
    }
    while starts_hi != 0 {
        let start = 64 + starts_hi.trailing_zeros() as usize;
        starts_hi &= starts_hi - 1;
        let last = 64 + lasts_hi.trailing_zeros() as usize;
        lasts_hi &= lasts_hi.wrapping_sub(1);
        word(c, b, start, last + 1, &mut f);
    }
    f.words = if s.len() > n && n > 0 {
        (f.scanned as usize * s.len() / n).min(u32::MAX as usize) as u32
    } else {
        f.scanned
    };
    f.terminal = ends_like_sentence(s);
    f
}

/// The word bytes of `s[..n]` (`n` ≤ [`SCAN`], a char boundary) as a bit set in two halves
/// (bit `i` of the low half for byte `i` < 64, of the high half for byte `64 + i`): ASCII
/// letters and digits, and the bytes of non-ASCII letters. Counts menu separators and notes a
/// `©` in `f`. ASCII bytes are classified sixteen at a time ([`bytes::classes`]); only the
/// non-ASCII chars are decoded.
fn word_mask(s: &str, n: usize, f: &mut Feat) -> (u64, u64) {
    let classes = bytes::classes(s.as_bytes(), n);
    if classes.bars != 0 {
        f.seps += classes.bars.count_ones();
    }
    let mut mask = classes.word;
    let mut leads = classes.leads;
    while leads != 0 {
        let i = leads.trailing_zeros() as usize;
        leads &= leads - 1;
        let ch = char_at(s, i);
        if is_letter(ch) {
            mask |= ((1u128 << ch.len_utf8()) - 1) << i;
        } else {
            match ch {
                '·' | '»' | '•' => f.seps += 1,
                '©' => f.copyright = true,
                _ => {}
            }
        }
    }
    (mask as u64, (mask >> 64) as u64)
}

/// The char starting at byte `i` (a char boundary) of `s`.
#[inline]
fn char_at(s: &str, i: usize) -> char {
    s[i..].chars().next().unwrap_or(' ')
}

#[inline(always)]
fn word(c: &Classifier, line: &[u8], start: usize, end: usize, f: &mut Feat) {
    f.scanned += 1;
    // The capital of the first word says nothing about the line: it is not counted as cased.
    let cased = f.scanned > 1;
    let first = line[start];
    if first.is_ascii_digit() {
        f.num += 1;
        return;
    }
    if !first.is_ascii() {
        if cased
            && let Some(ch) = std::str::from_utf8(&line[start..end])
                .ok()
                .and_then(|w| w.chars().next())
        {
            f.upper += u32::from(ch.is_uppercase());
            f.lower += u32::from(ch.is_lowercase());
        }
        return;
    }
    if cased {
        f.upper += u32::from(first.is_ascii_uppercase());
        f.lower += u32::from(first.is_ascii_lowercase());
    }
    // Capitalised words after the first are names or calendar words (`November`), not
    // function words; they are looked up only early in the line (date widgets are short).
    let capital = cased && first.is_ascii_uppercase();
    if c.words.may_contain(&line[start..end])
        && (!capital || f.scanned <= 14)
        && let Some(k) = pack_at(line, start, end)
    {
        let flags = c.words.get(k);
        if flags & (W_ID | W_EN) != 0 && !capital {
            f.stop += 1;
        }
        if flags & W_DATE != 0 {
            f.date += 1;
        }
    }
}

/// [`pack`] of `line[start..end]`, reading 16 bytes at once when the line is long enough.
#[inline(always)]
fn pack_at(line: &[u8], start: usize, end: usize) -> Option<u128> {
    let len = end - start;
    if len == 0 || len > 15 {
        return None;
    }
    match line.get(start..start + 16) {
        Some(chunk) => {
            let mut buf = [0u8; 8];
            buf.copy_from_slice(&chunk[..8]);
            let lo = u64::from_le_bytes(buf);
            buf.copy_from_slice(&chunk[8..]);
            let hi = u64::from_le_bytes(buf);
            let (lo, hi) = if len <= 8 {
                (lo & (u64::MAX >> (8 * (8 - len))), 0)
            } else {
                (lo, hi & ((1u64 << (8 * (len - 8))) - 1))
            };
            pack_halves(lo, hi, len)
        }
        None => pack(&line[start..end]),
    }
}

fn ends_like_sentence(s: &str) -> bool {
    for ch in s.chars().rev().take(6) {
        match ch {
            '"' | '”' | '’' | '\'' | '»' | ')' | ']' | '*' => continue,
            '.' | '!' | '?' | '…' | ':' | ';' => return true,
            _ => return false,
        }
    }
    false
}

/// What a line is on its own evidence.
fn local_class(c: &Classifier, s: &str, f: &Feat, credit_at: Option<usize>) -> Class {
    if s.len() <= 120 && starts_with_credit_label(s) && c.re.credit_line(s).is_some() {
        return Class::Credit;
    }
    if s.starts_with('(') && s.len() <= 48 && credit_at == Some(0) {
        return Class::Credit;
    }
    let short = f.words <= 30;
    // `any` phrases (`SCROLL TO CONTINUE WITH CONTENT`, `All Rights Reserved`) live in short
    // lines that are not running lowercase text.
    let scan_anywhere = short
        && s.len() <= ANYWHERE_LIMIT
        && (f.words <= 8 || f.copyright || f.lower_ratio() < 0.25);
    // A share or subscription prompt may run on with a link and instructions.
    if let Some(hit) = c.phrases.find(s, scan_anywhere, ANYWHERE_LIMIT)
        && (short
            || hit.whole
            || (hit.at_start
                && f.words <= 60
                && matches!(
                    hit.reason,
                    ChromeReason::Social | ChromeReason::Advertisement
                )))
    {
        // `Simak berita lainnya seputar topik ini, di sini:` heads a list like `Baca Juga:`.
        let header = hit.whole
            || (hit.at_start
                && s.ends_with(':')
                && matches!(hit.reason, ChromeReason::Teaser | ChromeReason::RelatedList));
        return Class::Chrome(hit.reason, header);
    }
    if f.copyright && short {
        let l = s.to_ascii_lowercase();
        let reason = if s.starts_with('©')
            || l.contains("copyright")
            || l.contains("hak cipta")
            || l.contains("rights reserved")
        {
            ChromeReason::Copyright
        } else {
            ChromeReason::Caption
        };
        return Class::Chrome(reason, false);
    }
    if f.scanned == 0 {
        return Class::Chrome(ChromeReason::Navigation, false);
    }
    if is_weather(s) {
        return Class::Chrome(ChromeReason::Widget, false);
    }
    if f.words <= 14 && f.date + f.num == f.scanned {
        let reason = if f.date > 0 || s.contains(['/', ':']) {
            ChromeReason::Widget
        } else {
            ChromeReason::Metadata
        };
        return Class::Chrome(reason, false);
    }
    // `Tech News15 Feb 2016 07:16`: a time stamp of a listed article.
    if f.words <= 6
        && !f.terminal
        && f.lower == 0
        && 2 * (f.date + f.num) >= f.words
        && f.num > 0
        && c.re.date(s).is_some()
    {
        return Class::Chrome(ChromeReason::Widget, false);
    }
    let lr = f.lower_ratio();
    let w = f.words;
    let prose = (lr >= 0.4
        && ((w >= 10 && f.density() >= 0.08) || (f.terminal && w >= 3 && (f.stop >= 1 || w >= 6))))
        || (w >= 25 && lr >= 0.3);
    if f.seps >= 2 && !(prose && f.terminal) {
        return Class::Chrome(ChromeReason::Navigation, false);
    }
    let caption = if w <= 80 { caption_tail(c, s) } else { None };
    if let Some(strong) = caption {
        return if prose {
            Class::Caption(strong)
        } else {
            Class::Chrome(ChromeReason::Caption, false)
        };
    }
    if prose {
        Class::Prose
    } else if (lr >= 0.5 && w >= 5 && f.stop >= 2)
        || (w >= 2 && is_list_item(s))
        || (w >= 8 && separators(s) >= 2)
        || (f.terminal && w >= 2 && lr >= 0.5)
        || (s.ends_with('.') && !s.ends_with(".."))
        || (w <= 2 && s.ends_with(['!', '?']))
    {
        Class::Weak
    } else {
        Class::Short
    }
}

/// `1. Perbaikan jalan`, `2) Jembatan`, `- Bantuan`, `• Bantuan`, `a. Bantuan`.
fn is_list_item(s: &str) -> bool {
    let b = s.as_bytes();
    let digits = b.iter().take_while(|c| c.is_ascii_digit()).count();
    let marker = if digits > 0 && digits <= 2 {
        digits
    } else if b.len() > 1 && b[0].is_ascii_lowercase() && matches!(b[1], b'.' | b')') {
        1
    } else {
        return ["- ", "• ", "* ", "– "].iter().any(|m| s.starts_with(m));
    };
    matches!(b.get(marker), Some(b'.' | b')')) && b.get(marker + 1) == Some(&b' ')
}

fn starts_with_credit_label(s: &str) -> bool {
    let b = s.as_bytes();
    let len = b
        .iter()
        .take(12)
        .take_while(|c| c.is_ascii_alphabetic())
        .count();
    if !(2..=11).contains(&len) || b.get(len).is_some_and(|c| c.is_ascii_alphabetic()) {
        return false;
    }
    let mut buf = [0u8; 11];
    buf[..len].copy_from_slice(&b[..len]);
    buf[..len].make_ascii_lowercase();
    matches!(
        &buf[..len],
        b"editor"
            | b"penulis"
            | b"reporter"
            | b"pewarta"
            | b"penyunting"
            | b"redaktur"
            | b"fotografer"
            | b"kontributor"
            | b"sumber"
            | b"source"
            | b"writer"
            | b"written"
            | b"reported"
            | b"editing"
            | b"oleh"
            | b"by"
            | b"laporan"
            | b"red"
            | b"rep"
            | b"translator"
            | b"penerjemah"
    )
}

/// `10.4 C`, `31°C`, `-2 °F`.
fn is_weather(s: &str) -> bool {
    if s.len() > 12 {
        return false;
    }
    let t = s.trim_end_matches(['C', 'F']);
    if t.len() == s.len() {
        return false;
    }
    let t = t.trim_end().trim_end_matches('°').trim_end();
    let t = t.strip_prefix('-').unwrap_or(t);
    !t.is_empty()
        && t.starts_with(|c: char| c.is_ascii_digit())
        && t.chars()
            .all(|c| c.is_ascii_digit() || c == '.' || c == ',')
}

/// Lowercase marks of a photo credit in the closing parentheses of a line.
const PHOTO_MARKS: [&str; 13] = [
    "foto",
    "photo",
    "dok.",
    "istimewa",
    "shutterstock",
    "istock",
    "freepik",
    "unsplash",
    "pexels",
    "pixabay",
    "getty",
    "tangkapan layar",
    "screenshot",
];

/// Lowercase agency names that sign photos (with a photographer) and texts (with a code).
const AGENCY_MARKS: [&str; 3] = ["reuters", "afp", "xinhua"];

/// A line ending in a photo credit: `Some(true)` for `(ANTARA FOTO/Ahmad)`,
/// `(REUTERS/Mario Anzuoni)`, `(Foto: Dok. Humas)`, `[Antara/Aprillio Akbar]`,
/// `(Dimas Maulana/Jawa Pos)`, `REUTERS/Stringer`, `Foto/Dok SINDOnews`; `Some(false)` for
/// `(Antaranews/Monalisa)`, `(MI/Ramdani)` (an outlet and a name: a caption, or a credit when
/// it ends the body).
fn caption_tail(c: &Classifier, s: &str) -> Option<bool> {
    // Position markers of people in a photo: `(kiri)`, `(tengah kiri-kanan)`, `(ki-ka)`, and
    // the `(ilustrasi)` of a stock photo.
    let head = &s[..floor_char(s, 300)];
    // One pass finds the parentheses and notes a slash for the slash credits below (a caption
    // with one is never a long paragraph).
    let mut slash = false;
    for i in memchr::memchr2_iter(b'(', b'/', head.as_bytes()) {
        if head.as_bytes()[i] == b'/' {
            slash = true;
            continue;
        }
        let after = &head[i + 1..];
        let positional = [
            "kiri",
            "kanan",
            "tengah",
            "ki-ka",
            "dari kiri",
            "ilustrasi)",
        ]
        .iter()
        .any(|m| after.starts_with(m));
        if positional {
            return Some(true);
        }
    }
    let slash = slash && s.len() == head.len();
    if slash && slash_credit_head(c, s) {
        return Some(true);
    }
    let close = match s.as_bytes().last() {
        Some(b')') => '(',
        Some(b']') => '[',
        _ => return (photo_label_tail(s) || (slash && slash_credit_tail(c, s))).then_some(true),
    };
    let from = floor_char(s, s.len().saturating_sub(80));
    let tail = &s[from..];
    let open = tail.rfind(close)?;
    let inner = &tail[open + 1..tail.len() - 1];
    let lower = inner.to_ascii_lowercase();
    if PHOTO_MARKS.iter().any(|m| lower.contains(m)) {
        return Some(true);
    }
    if AGENCY_MARKS.iter().any(|m| lower.contains(m)) {
        // `(REUTERS/Mario Anzuoni)` names a photographer; `(AFP/ant)`, `(Reuters/hm02)` are the
        // agency and editor codes of a news text.
        let code = inner
            .split_once('/')
            .is_some_and(|(_, e)| !e.trim_start().starts_with(|ch: char| ch.is_uppercase()));
        return (!code).then_some(true);
    }
    // `[Antara]`: an outlet alone in brackets signs a photo.
    if close == '[' && c.is_outlet(inner.trim()) {
        return Some(true);
    }
    let (source, name) = inner.split_once('/')?;
    let (source, name) = (source.trim(), name.trim());
    let capital = |w: &str| w.starts_with(|ch: char| ch.is_uppercase());
    if close == '[' {
        return (c.is_outlet(source) || c.is_outlet(name)).then_some(true);
    }
    // `(Dimas Maulana/Jawa Pos)`: a photographer's full name, then the outlet.
    if capital(source) && source.contains(' ') && names_only(source) && c.is_outlet(name) {
        return Some(true);
    }
    // `(MI/Ramdani)`: a short capitalised source and a capitalised name (codes are lowercase).
    let acronym = (2..=5).contains(&source.len()) && source.bytes().all(|b| b.is_ascii_uppercase());
    let named =
        name.len() >= 3 && capital(name) && name.chars().all(|ch| ch.is_alphabetic() || ch == ' ');
    ((c.is_outlet(source) && capital(name)) || (acronym && named)).then_some(false)
}

/// A line ending in a photo credit written `Source/Name` without parentheses:
/// `… lepas pantai. REUTERS/Stringer`, `TRIBUNNEWS.COM/IRWAN RISMAWAN`, `… Foto/Dok SINDOnews`,
/// `… ANTARA FOTO/Aji Styawan/rwa.`, `… tirto.id/Sabit`. The source is an outlet, a photo mark
/// or a word in capitals; the name is capitalised; at most three words follow it.
fn slash_credit_tail(c: &Classifier, s: &str) -> bool {
    let s = s.strip_suffix('.').unwrap_or(s);
    if !s.ends_with(|ch: char| ch.is_alphanumeric()) {
        return false;
    }
    let from = floor_char(s, s.len().saturating_sub(60));
    let mut words = [""; 5];
    let mut n = 0;
    for (slot, w) in words.iter_mut().zip(s[from..].split_whitespace().rev()) {
        *slot = w;
        n += 1;
    }
    let words = &words[..n];
    let capital = |w: &&str| w.starts_with(|ch: char| ch.is_uppercase());
    // Every word after the slashed one is part of the name (`Irwan Rismawan`, `SINDOnews`).
    let names = words.iter().take_while(|w| capital(w)).count();
    // The credit starts the line or follows a finished sentence (`… pantai. REUTERS/Stringer`),
    // unlike `… anggota TNI/Polri.`.
    let after_sentence = |k: usize| match words.get(k + 1) {
        Some(w) => w.ends_with(['.', '!', '?', ')']),
        None => s[from..].split_whitespace().count() == k + 1 && from == 0,
    };
    words
        .iter()
        .enumerate()
        .take(4.min(names + 1))
        .any(|(k, w)| {
            // `… wisatawan. /Pikiran Rakyat/Rizki Laelani`: a credit opened by a slash.
            if let Some(rest) = w.strip_prefix('/') {
                return k <= names && after_sentence(k) && capital(&rest);
            }
            let Some((source, name)) = w.split_once('/') else {
                return false;
            };
            // A link (`www.twitter.com/Nama`, `http://…`) is no credit.
            let link = source.contains(':')
                || source.len() >= 4 && source.as_bytes()[..4].eq_ignore_ascii_case(b"www.");
            let mark = ["foto", "photo", "dok"]
                .iter()
                .any(|m| source.eq_ignore_ascii_case(m));
            let capitals =
                source.len() >= 2 && source.bytes().all(|b| b.is_ascii_uppercase() || b == b'.');
            k <= names
                && !link
                && (mark
                    || (after_sentence(k)
                        && (capitals || (words.len() > 1 && c.is_outlet(source)))))
                && capital(&name)
                && name
                    .bytes()
                    .all(|b| b.is_ascii_alphabetic() || matches!(b, b'/' | b'-') || b >= 0x80)
        })
}

/// A caption opened by its photo credit: `KOMPAS.com/GARRY LOTULUNG Warga melintas …`,
/// `SHUTTERSTOCK/ANDI Ilustrasi …`: a source (an outlet, a photo mark or capitals), a slash,
/// a name in capitals, then the caption.
fn slash_credit_head(c: &Classifier, s: &str) -> bool {
    let head = &s[..floor_char(s, 80)];
    let Some(first) = head.split_whitespace().next() else {
        return false;
    };
    let Some((source, name)) = first.split_once('/') else {
        return false;
    };
    let capitals = |w: &str| {
        w.len() >= 2
            && w.bytes().any(|b| b.is_ascii_uppercase())
            && !w.bytes().any(|b| b.is_ascii_lowercase())
    };
    let source_ok = ["foto", "photo", "dok"]
        .iter()
        .any(|m| source.eq_ignore_ascii_case(m))
        || capitals(source)
        || c.is_outlet(source);
    // The name in capitals, then a capitalised word starting the caption.
    let mut rest = head.split_whitespace().skip(1);
    let name_words = rest.by_ref().take_while(|w| capitals(w)).count();
    source_ok && !source.is_empty() && capitals(name) && name_words <= 4 && rest.next().is_some()
}

/// A line ending in a labelled photo credit without parentheses: `Gedung KPK. Foto:
/// Ricardo/JPNN.com`, `… FOTO : Dok. Humas`.
fn photo_label_tail(s: &str) -> bool {
    let b = s.as_bytes();
    // A credit ends in a name or a domain, a sentence in punctuation.
    if !b.last().is_some_and(u8::is_ascii_alphanumeric) {
        return false;
    }
    let from = b.len().saturating_sub(80);
    let Some(colon) = memchr::memrchr(b':', &b[from..]).map(|i| from + i) else {
        return false;
    };
    let label = b[..colon].trim_ascii_end();
    let Some(len) = [&b"foto"[..], b"photo"]
        .into_iter()
        .find(|m| label.len() >= m.len() && label[label.len() - m.len()..].eq_ignore_ascii_case(m))
        .map(<[u8]>::len)
    else {
        return false;
    };
    let before = label.len() - len;
    let credit = &s[colon + 1..];
    (before == 0 || matches!(b[before - 1], b' ' | b'.' | b'|' | b'-'))
        && !credit.trim().is_empty()
        && credit.split_whitespace().count() <= 6
}

/// The line scores (into `scores`): prose is positive, chrome negative, short lines mildly negative. Between
/// two prose lines, a single short line (a subheading, a list item) and a run of in-body
/// inserts cost nothing: up to four prompts (`ADVERTISEMENT`, a share prompt, a one-line
/// teaser), or up to eight lines of one teaser header (`Lihat Juga:`, `Baca juga:`) with the
/// titles under it. Not before a line that `opens_article` (starts with a dateline): what
/// stands above the dateline is not inside the article.
fn line_scores(
    text: &str,
    lines: &[Line],
    scores: &mut Vec<f32>,
    opens_article: impl Fn(usize) -> bool,
) {
    scores.clear();
    scores.extend(lines.iter().map(Line::score));
    let short = |l: &Line| matches!(l.class, Class::Short | Class::Weak);
    let prompt = |l: &Line| {
        matches!(
            l.class,
            Class::Chrome(ChromeReason::Advertisement | ChromeReason::Social, _)
                | Class::Chrome(ChromeReason::Teaser, false)
        )
    };
    let header = |l: &Line| matches!(l.class, Class::Chrome(ChromeReason::Teaser, true));
    let mut i = 0;
    while i < lines.len() {
        let run_start = i;
        let max = if short(&lines[i]) {
            while i < lines.len() && short(&lines[i]) {
                i += 1;
            }
            if run_start > 0 && introduces_list(text, &lines[run_start - 1]) {
                15
            } else if is_table(text, &lines[run_start..i]) {
                // A table or a list of results, with at most two headings.
                8
            } else {
                1
            }
        } else if prompt(&lines[i]) || header(&lines[i]) {
            // Titles follow the one header of an insert; prompts may come before or after.
            let mut titles = false;
            while i < lines.len() {
                let l = &lines[i];
                if header(l) && !titles {
                    titles = true;
                } else if !(prompt(l) || (titles && short(l))) {
                    break;
                }
                i += 1;
            }
            if titles { 8 } else { 4 }
        } else {
            i += 1;
            continue;
        };
        let bounded = run_start > 0
            && lines[run_start - 1].is_prose()
            && i < lines.len()
            && lines[i].is_prose();
        // Lines before a dateline sit above the article, not inside it: a lone prose line
        // (a caption) and the insert after it stay out when a dateline follows.
        let lone = run_start < 2 || !lines[run_start - 2].is_prose();
        if bounded && i - run_start <= max && !(lone && opens_article(i)) {
            for s in &mut scores[run_start..i] {
                *s = s.max(0.0);
            }
        }
    }
}

/// A prose line announcing a list: `… berikut rata-rata harga pangan nasional:`.
fn introduces_list(text: &str, line: &Line) -> bool {
    matches!(line.class, Class::Prose | Class::Weak) && line.text(text).ends_with(':')
}

/// A short line of data rather than a menu item: a figure in it (`Beras medium Rp 13.650 per
/// kg`, `Persib 2-1 Persija`) but no calendar word, or a list of names (`Persib: Kevin Ray;
/// Henhen, Nick Kuipers`).
fn is_data(text: &str, line: &Line) -> bool {
    // A time stamp (`Gadget15 Feb 2016 12:38`) belongs to a listed article instead.
    (line.feat.num > 0 && line.feat.date == 0) || separators(line.text(text)) >= 2
}

/// A run of short lines that is a table or a list of results: at least two data lines, and
/// at most two other short lines (headings), no more than data lines.
fn is_table(text: &str, run: &[Line]) -> bool {
    let data = run.iter().filter(|l| is_data(text, l)).count();
    let other = run
        .iter()
        .filter(|l| l.class == Class::Short && !is_data(text, l))
        .count();
    data >= 2 && other <= 2 && other <= data
}

/// Commas and semicolons in `s`.
fn separators(s: &str) -> usize {
    memchr::memchr2_iter(b',', b';', s.as_bytes()).count()
}

/// Extends each region over trailing contact lines (`KONTAK: info@…`, bare URLs) and prose up
/// to the credit or copyright line that closes the article, when one follows within a few lines.
fn extend_to_credits(text: &str, lines: &[Line], regions: &mut [(usize, usize)]) {
    for k in 0..regions.len() {
        let (a, b) = regions[k];
        let next = regions.get(k + 1).map_or(lines.len(), |r| r.0);
        // The items of a list announced by the region's last line (`Syarat pendaftaran:`).
        if b > a && introduces_list(text, &lines[b - 1]) {
            let items = lines[b..next.min(b + 15)]
                .iter()
                .take_while(|l| matches!(l.class, Class::Short | Class::Weak))
                .count();
            regions[k].1 = b + items;
        }
        let b = regions[k].1;
        let limit = next.min(b + 6);
        for (j, line) in lines.iter().enumerate().take(limit).skip(b) {
            match line.class {
                Class::Credit | Class::Chrome(ChromeReason::Copyright, _) => {
                    regions[k].1 = j;
                    break;
                }
                Class::Prose | Class::Weak | Class::Caption(_) => {}
                Class::Short => {
                    let s = line.text(text);
                    let head = &s.as_bytes()[..s.len().min(24)];
                    let contact = s.contains('@')
                        || s.contains("http")
                        || s.contains("www.")
                        || head.contains(&b':');
                    if !contact {
                        break;
                    }
                }
                Class::Chrome(..) => break,
            }
        }
    }
}

/// Drops the regions after the article's end: a credit or copyright line right after the main
/// region (or a later one), or a credit glued to its last line (`… itu.(ant/hm)`). What
/// follows it (reader comments, teaser summaries) is not the article.
fn end_at_closing_credit(lines: &[Line], scores: &[f32], regions: &mut Vec<(usize, usize)>) {
    let sum = |&(a, b): &(usize, usize)| scores[a..b].iter().sum::<f32>();
    let Some(main) =
        (0..regions.len()).max_by(|&x, &y| sum(&regions[x]).total_cmp(&sum(&regions[y])))
    else {
        return;
    };
    let closed = (main..regions.len()).find(|&k| {
        let (a, b) = regions[k];
        let after = lines.get(b).map(|l| l.class);
        matches!(
            after,
            Some(Class::Credit | Class::Chrome(ChromeReason::Copyright, _))
        ) || (b > a && lines[b - 1].credit_at.is_some_and(|at| at > 0))
    });
    if let Some(k) = closed {
        regions.truncate(k + 1);
    }
}

/// Maximum-sum segments of the line scores: the main one, then further segments that are
/// strong on their own or close to an accepted one (a body cut by a long widget).
fn find_regions(scores: &[f32]) -> Vec<(usize, usize)> {
    let Some(main) = best_segment(scores, 0, scores.len()) else {
        return Vec::new();
    };
    let mut regions = vec![(main.0, main.1)];
    let mut gaps = vec![(0, main.0), (main.1, scores.len())];
    while let Some((lo, hi)) = gaps.pop() {
        if regions.len() >= 16 {
            break;
        }
        let Some((a, b, sum)) = best_segment(scores, lo, hi) else {
            continue;
        };
        let near = regions
            .iter()
            .any(|&(ra, rb)| (a >= rb && a - rb <= 15) || (ra >= b && ra - b <= 15));
        if sum >= 0.5 * main.2 || (sum >= 10.0 && near) {
            regions.push((a, b));
            gaps.push((lo, a));
            gaps.push((b, hi));
        }
    }
    regions.sort_unstable();
    regions
}

fn best_segment(scores: &[f32], lo: usize, hi: usize) -> Option<(usize, usize, f32)> {
    let mut best: Option<(usize, usize, f32)> = None;
    let mut cur = 0.0f32;
    let mut cur_start = lo;
    for (i, &s) in scores.iter().enumerate().take(hi).skip(lo) {
        if cur <= 0.0 {
            cur = 0.0;
            cur_start = i;
        }
        cur += s;
        if cur > best.map_or(0.0, |b| b.2) {
            best = Some((cur_start, i + 1, cur));
        }
    }
    best
}

/// The reason of a short line inside a region whose nearest neighbours are both chrome.
fn between_chrome(lines: &[Line], i: usize) -> Option<ChromeReason> {
    let prev = lines.get(i.checked_sub(1)?)?;
    let next = lines.get(i + 1)?;
    match (prev.class, next.class) {
        (Class::Chrome(r, _), Class::Chrome(_, _)) => Some(r),
        (Class::Chrome(r, _), Class::Credit) => Some(r),
        (Class::Credit, Class::Chrome(_, _) | Class::Credit) => Some(ChromeReason::Credit),
        _ => None,
    }
}

/// The reason of a line outside every body region.
fn outside_reason(lines: &[Line], i: usize) -> ChromeReason {
    let line = &lines[i];
    match line.class {
        Class::Chrome(r, _) => r,
        Class::Credit => ChromeReason::Credit,
        Class::Short => {
            let prev = i.checked_sub(1).map(|p| lines[p].class);
            let next = lines.get(i + 1).map(|l| l.class);
            if let (Some(Class::Chrome(a, _)), Some(Class::Chrome(b, _))) = (prev, next)
                && a == b
            {
                return a;
            }
            if line.feat.words <= 3 {
                ChromeReason::Navigation
            } else {
                ChromeReason::RelatedList
            }
        }
        Class::Weak => ChromeReason::RelatedList,
        Class::Caption(_) => ChromeReason::Caption,
        Class::Prose => ChromeReason::Other,
    }
}

/// Letters and digits only, lowercased: `Menteri "Dipangkas"` and `menteri dipangkas` agree.
fn norm_key(s: &str) -> String {
    let mut key = String::with_capacity(s.len());
    norm_chars(s, |c| {
        key.push(c);
        true
    });
    key
}

/// `norm_key(s) == key`, without building the key of `s` (stops at the first difference).
fn norm_eq(s: &str, key: &str) -> bool {
    let mut k = key.chars();
    norm_chars(s, |c| k.next() == Some(c)) && k.next().is_none()
}

/// Feeds the chars of [`norm_key`] of `s` to `f` while it returns `true`; `false` when `f`
/// stopped it. ASCII chars take a fast path.
#[inline]
fn norm_chars(s: &str, mut f: impl FnMut(char) -> bool) -> bool {
    for c in s.chars() {
        if c.is_ascii() {
            if c.is_ascii_alphanumeric() && !f(c.to_ascii_lowercase()) {
                return false;
            }
        } else if c.is_alphanumeric() {
            for l in c.to_lowercase() {
                if !f(l) {
                    return false;
                }
            }
        }
    }
    true
}

const TITLE_SEPARATORS: [&str; 6] = [" - ", " | ", " – ", " — ", " :: ", " · "];

/// The parts of a page title line: the whole line and its pieces between site separators.
fn title_parts(s: &str) -> Vec<&str> {
    let mut parts = vec![s];
    let mut pieces = vec![s];
    // A separator missing from the line is missing from every piece of it.
    for sep in TITLE_SEPARATORS.into_iter().filter(|sep| s.contains(sep)) {
        pieces = pieces.into_iter().flat_map(|p| p.split(sep)).collect();
    }
    if pieces.len() > 1 {
        parts.extend(pieces.into_iter().map(str::trim));
    }
    parts.retain(|p| p.split_whitespace().nth(2).is_some());
    parts
}

/// The title of a page line without its site suffix (`Judul - Kompas.com` -> `Judul`).
fn strip_site_suffix<'a>(c: &Classifier, s: &'a str) -> Option<&'a str> {
    let (pos, sep) = TITLE_SEPARATORS
        .iter()
        .filter_map(|sep| s.rfind(sep).map(|p| (p, *sep)))
        .max_by_key(|(p, _)| *p)?;
    let suffix = s[pos + sep.len()..].trim();
    let words: Vec<&str> = suffix.split_whitespace().collect();
    let site = !words.is_empty()
        && words.len() <= 4
        && (c.is_outlet(suffix) || c.is_outlet(words[0]) || words.iter().any(|w| c.is_outlet(w)));
    let head = s[..pos].trim();
    (site && !head.is_empty()).then_some(head)
}

fn page_title_matches(text: &str, first: &Line, title: &Line) -> bool {
    let key = norm_key(title.text(text));
    title_parts(first.text(text))
        .iter()
        .any(|p| norm_key(p) == key)
}

/// The headline: a line before the body that repeats the page's first line (the `<title>`,
/// maybe with a site suffix), else the first line when it carries a site suffix, else the
/// nearest short line without closing punctuation just above the body.
fn find_title(
    c: &Classifier,
    text: &str,
    lines: &[Line],
    body_start: usize,
) -> Option<(usize, String)> {
    if body_start == 0 {
        return None;
    }
    let first = lines[0].text(text);
    if first.len() <= META_LINE {
        let keys: Vec<String> = title_parts(first).iter().map(|p| norm_key(p)).collect();
        // A line can only match a key when its length is close to the key's.
        let min_key = keys.iter().map(String::len).min().unwrap_or(0);
        if !keys.is_empty() {
            // The longest matching part wins (the headline, not a tag in front of it); among
            // its repeats, the one nearest the body.
            let mut best: Option<(usize, usize)> = None;
            for j in (1..body_start).rev() {
                let s = lines[j].text(text);
                if s.len() <= first.len() && s.len() >= min_key {
                    let hit = keys.iter().find(|k| norm_eq(s, k)).map(String::len);
                    if let Some(len) = hit
                        && best.is_none_or(|(_, l)| len > l)
                    {
                        best = Some((j, len));
                    }
                }
            }
            if let Some((j, _)) = best {
                return Some((j, lines[j].text(text).to_string()));
            }
        }
        if let Some(head) = strip_site_suffix(c, first)
            && head.split_whitespace().count() >= 2
        {
            return Some((0, head.to_string()));
        }
    }
    // `Artikel ini telah tayang di Outlet dengan judul "Judul"`: the headline, named.
    for line in &lines[body_start..] {
        if let Class::Chrome(ChromeReason::Copyright, _) = line.class
            && let Some(named) = republished_title(line.text(text))
        {
            let key = norm_key(named);
            if key.len() >= 8
                && let Some(j) = (0..body_start)
                    .rev()
                    .find(|&j| norm_eq(lines[j].text(text), &key))
            {
                return Some((j, lines[j].text(text).to_string()));
            }
        }
    }
    // The nearest headline-like line above the body; a byline (a bare name) is skipped when a
    // headline stands just above it.
    let mut byline: Option<usize> = None;
    for j in (body_start.saturating_sub(10)..body_start).rev() {
        if byline.is_some_and(|b| b - j > 3) {
            break;
        }
        let line = &lines[j];
        let s = line.text(text);
        match line.class {
            Class::Prose => break,
            // A photo caption above the body sits between the headline and the text.
            Class::Caption(_) | Class::Chrome(..) | Class::Credit => continue,
            Class::Short | Class::Weak => {}
        }
        let words = line.feat.words;
        if !(2..=25).contains(&words) || s.ends_with('.') || line.feat.upper == 0 {
            continue;
        }
        // Not a dateline, the outlet's name, or a byline (`Nama, Outlet · Jum'at 12 Januari
        // 2024 10:15 WIB`, `Andi Saputra - detikNews`).
        if s.len() > META_LINE
            || c.dateline(s, false).is_some()
            || c.is_outlet(s)
            || c.re.date(s).is_some()
            || strip_site_suffix(c, s).is_some_and(|name| name.split_whitespace().count() <= 4)
        {
            continue;
        }
        if byline.is_none() && words <= 4 && names_only(s) {
            byline = Some(j);
            continue;
        }
        return Some((j, s.to_string()));
    }
    byline.map(|j| (j, lines[j].text(text).to_string()))
}

/// The title named in `Artikel ini telah tayang di Outlet dengan judul "Judul"`.
fn republished_title(s: &str) -> Option<&str> {
    const MARK: &str = " dengan judul ";
    let at = s
        .as_bytes()
        .windows(MARK.len())
        .position(|w| w.eq_ignore_ascii_case(MARK.as_bytes()))?;
    let rest = s[at + MARK.len()..].trim();
    // The title may be followed by a link (`…, Klik untuk baca: https://…`).
    let rest = rest.split(", Klik").next().unwrap_or(rest);
    Some(rest.trim_matches(|c: char| matches!(c, '"' | '“' | '”' | '\'' | '.' | ' ')))
}

/// The publication date: a date line between the title and the body, else the nearest date
/// widget above the body, else a date line just above the title, else a date written in the
/// first body lines.
fn find_date(
    c: &Classifier,
    text: &str,
    lines: &[Line],
    title: Option<usize>,
    body_start: usize,
    decisions: &[Decision],
) -> Option<String> {
    let short_date = |i: usize| {
        let s = lines[i].text(text);
        (s.len() <= META_LINE).then(|| c.re.date(s)).flatten()
    };
    if let Some(t) = title {
        for i in t + 1..body_start.min(t + 12) {
            if let Some(d) = short_date(i) {
                return Some(d);
            }
        }
    }
    for i in (0..body_start.min(lines.len())).rev() {
        if matches!(lines[i].class, Class::Chrome(ChromeReason::Widget, _))
            && let Some(d) = short_date(i)
        {
            return Some(d);
        }
    }
    // A byline with the date just above the headline (`Outlet - Senin, 04 November 2024`).
    if let Some(t) = title {
        for i in (t.saturating_sub(3)..t).rev() {
            if !lines[i].is_prose()
                && let Some(d) = short_date(i)
            {
                return Some(d);
            }
        }
    }
    lines
        .iter()
        .enumerate()
        .skip(body_start)
        .filter(|(i, _)| decisions[*i] == Decision::Body)
        .take(3)
        .find_map(|(_, l)| c.re.date(l.text(text)))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The word bytes, separators and `©` of `s[..n]`, char by char.
    fn naive_mask(s: &str, n: usize) -> (u128, u32, bool) {
        let (mut mask, mut seps, mut copyright) = (0u128, 0, false);
        for (i, ch) in s[..n].char_indices() {
            if ch.is_ascii_alphanumeric() || (!ch.is_ascii() && ch.is_alphabetic()) {
                mask |= ((1u128 << ch.len_utf8()) - 1) << i;
            }
            seps += u32::from(matches!(ch, '|' | '·' | '»' | '•'));
            copyright |= ch == '©';
        }
        (mask, seps, copyright)
    }

    #[test]
    fn fast_paths_agree_with_the_standard_library() {
        for ch in ('\u{80}'..='\u{3000}').chain(['\u{FEFF}', '😀']) {
            assert_eq!(is_letter(ch), ch.is_alphabetic(), "{ch:?}");
        }
        for s in [
            "",
            " ",
            "a",
            " a ",
            "\u{a0}a\u{a0}",
            "\u{3000}x\u{2003}",
            "x\t",
            "\ty",
            "é ",
        ] {
            assert_eq!(trim_start(s), s.trim_start(), "{s:?}");
            assert_eq!(trim_end(s), s.trim_end(), "{s:?}");
        }
    }

    #[test]
    fn word_mask_agrees_with_a_char_by_char_scan() {
        let mut texts: Vec<String> = vec![
            String::new(),
            "Home | News · Sport » Bisnis • Ekonomi".to_string(),
            "“Kami akan terus berupaya,” kata Şükrü Öztürk di Café Pak Hérman, Senin (4/3/2024)."
                .to_string(),
            "© 2024 Warta — 北京 Ελληνικά 😀 zero\u{200d}width\u{a0}nbsp ninety-nine 99% @#$[]`{}~"
                .to_string(),
        ];
        // Every byte value in every position of a chunk.
        for b in 0u8..128 {
            texts.push(format!("ab{}cd", b as char).repeat(20));
        }
        for t in &texts {
            let n = floor_char(t, SCAN);
            let mut f = Feat::default();
            let (lo, hi) = word_mask(t, n, &mut f);
            let got = (u128::from(lo) | (u128::from(hi) << 64), f.seps, f.copyright);
            assert_eq!(got, naive_mask(t, n), "{t:?}");
        }
    }

    #[test]
    fn features_count_every_word_of_the_window() {
        let c = Classifier::new();
        let s =
            "Dia mengatakan bahwa 12 warga dan Pak Budi sudah tiba di lokasi itu pada Senin pagi.";
        let f = features(&c, s);
        assert_eq!(f.scanned, 16);
        assert_eq!(f.num, 1);
        // `dan`, `bahwa`, `di`, `itu`, `pada`, `sudah`: Indonesian function words in lowercase.
        assert!(f.stop >= 5, "{f:?}");
        assert!(f.terminal);
        // A word cut by the end of the window counts up to the window's end.
        let long = format!("{}{}", "kata ".repeat(19), "panjangsekali lagi");
        assert_eq!(features(&c, &long).scanned, 20);
    }
}
