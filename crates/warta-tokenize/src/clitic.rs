//! Clitic analysis: `katanya` = `kata` + `nya`, `apakah` = `apa` + `kah`, `kuambil` = `ku` + `ambil`.

use crate::lexicon::{ascii_lower, builtin};
use crate::{Span, Token, Tokenizer};

/// Shortest remainder (bytes) left before a clitic.
const MIN_STEM: usize = 2;

impl Tokenizer {
    fn keep_whole(&self, lower: &[u8]) -> bool {
        let b = builtin();
        (b.keep_filter.may_contain(lower) && b.keep.contains(lower))
            || (!self.keep.is_empty() && self.keep.contains(lower))
    }

    fn known_stem(&self, lower: &[u8]) -> bool {
        let b = builtin();
        (b.stem_filter.may_contain(lower) && b.stems.contains(lower))
            || (!self.stems.is_empty() && self.stems.contains(lower))
    }

    /// Fills `tok.words` when the token is a word carrying clitics, following the UD Indonesian
    /// conventions: enclitics `-lah`, `-kah`, `-pun` (outer) and `-nya`, `-ku`, `-mu` (inner),
    /// proclitics `ku-` and `kau-`.
    #[inline(never)]
    pub(crate) fn split_clitics(&self, text: &str, tok: &mut Token) {
        if !self.clitics {
            return;
        }
        let s = tok.span.slice(text);
        let b = s.as_bytes();
        if b.len() < 5 {
            return;
        }
        let n = b.len();
        let low = |i: usize| b[i].to_ascii_lowercase();
        let suffix3 = [low(n - 3), low(n - 2), low(n - 1)];
        let candidate = matches!(&suffix3, b"nya" | b"lah" | b"kah" | b"pun")
            || matches!(&suffix3[1..], b"ku" | b"mu")
            || (low(0) == b'k' && (low(1) == b'u' || (low(1) == b'a' && low(2) == b'u')));
        if !candidate {
            return;
        }
        let mut buf = [0u8; 64];
        let Some(lower) = ascii_lower(s, &mut buf) else {
            return;
        };
        if self.keep_whole(lower) {
            return;
        }
        if let Some(k) = lower.iter().rposition(|&c| c == b'-')
            && self.keep_whole(&lower[k + 1..])
        {
            return;
        }
        let cap = b[0].is_ascii_uppercase();
        let mut end = lower.len();
        let mut particle = false;
        for p in [b"lah", b"kah", b"pun"] {
            if lower.ends_with(p) {
                let stem = &lower[..end - 3];
                if stem.len() < MIN_STEM || stem.ends_with(b"-") {
                    return;
                }
                if p == b"lah" && (lower.ends_with(b"olah") || lower.ends_with(b"elah")) {
                    // sekolah, mengolah, telah, sebelah: -lah belongs to the root
                    return;
                }
                // A capitalised word may be a name (Abdullah, Jamilah): split -lah only after
                // a known or clearly derived stem.
                let ok = !cap
                    || p != b"lah"
                    || self.known_stem(stem)
                    || stem.ends_with(b"kan")
                    || stem.ends_with(b"nya")
                    || (stem.len() >= 6
                        && [&b"ber"[..], b"me", b"di", b"ter", b"per"]
                            .iter()
                            .any(|pre| stem.starts_with(pre)));
                if !ok {
                    return;
                }
                particle = true;
                end -= 3;
                break;
            }
        }
        let stem = &lower[..end];
        let mut poss = None;
        if particle && self.keep_whole(stem) {
            // e.g. `akhirnyapun`: the lexicalised word keeps its -nya
        } else if stem.ends_with(b"nya") {
            let rem = &stem[..end - 3];
            if rem.len() > MIN_STEM
                && !rem.ends_with(b"-")
                && !(rem.starts_with(b"se") && rem.contains(&b'-'))
            {
                poss = Some(end - 3);
            }
        } else if stem.ends_with(b"ku") || stem.ends_with(b"mu") {
            let rem = &stem[..end - 2];
            if rem.len() > MIN_STEM
                && !rem.ends_with(b"-")
                && !self.keep_whole(stem)
                && (self.known_stem(rem) || (rem.len() >= 5 && rem.ends_with(b"an")))
            {
                poss = Some(end - 2);
            }
        }
        let mut pre = None;
        if !particle && poss.is_none() {
            if lower.len() >= 6 && lower.starts_with(b"kau") && self.known_stem(&lower[3..]) {
                pre = Some(3);
            } else if lower.len() >= 6 && lower.starts_with(b"ku") && self.known_stem(&lower[2..]) {
                pre = Some(2);
            }
        }
        let mut cuts = [0usize; 4];
        let mut n = 0;
        for c in [pre, poss, particle.then_some(end)].into_iter().flatten() {
            cuts[n] = c;
            n += 1;
        }
        if n == 0 {
            return;
        }
        let base = tok.span.start;
        let mut words = Vec::with_capacity(n + 1);
        let mut from = 0;
        for &c in &cuts[..n] {
            words.push(Span::new(base + from, base + c));
            from = c;
        }
        words.push(Span::new(base + from, tok.span.end));
        tok.words = words;
    }
}
