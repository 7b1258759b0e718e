//! Classes of the bytes of a line's window, sixteen at a time with SSE2 (baseline on x86_64),
//! eight at a time in a portable fallback.

/// Bit `i` of each set is byte `i` of the window (at most 128 bytes).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) struct ByteClasses {
    /// ASCII letters and digits.
    pub(crate) word: u128,
    /// The first bytes of multi-byte UTF-8 chars (`0b11xx_xxxx`).
    pub(crate) leads: u128,
    /// `|` bytes.
    pub(crate) bars: u128,
}

/// The classes of `line[..n]` (`n` ≤ 128); the bytes of `line` after `n` are ignored.
#[cfg(all(target_arch = "x86_64", target_feature = "sse2"))]
#[inline]
pub(crate) fn classes(line: &[u8], n: usize) -> ByteClasses {
    use safe_arch::{
        bitand_m128i as and, bitor_m128i as or, cmp_eq_mask_i8_m128i as eq,
        cmp_gt_mask_i8_m128i as gt, cmp_lt_mask_i8_m128i as lt, m128i,
        move_mask_i8_m128i as movemask, set_splat_i8_m128i as splat,
    };
    let n = n.min(line.len()).min(128);
    // The 16-bit masks of the chunks, little-endian: constant shifts only.
    let mut word = [0u8; 16];
    let mut bars = [0u8; 16];
    let mut leads = [0u8; 16];
    for (k, at) in (0..n).step_by(16).enumerate().take(8) {
        // Sixteen bytes from the line, or the last ones padded with zero bytes (no class).
        let v = match line.get(at..).and_then(<[u8]>::first_chunk::<16>) {
            Some(chunk) => m128i::from(*chunk),
            None => {
                let mut buf = [0u8; 16];
                buf[..n - at].copy_from_slice(&line[at..n]);
                m128i::from(buf)
            }
        };
        // Signed compares: bytes >= 0x80 are negative and never in an ASCII range (`| 0x20`
        // keeps them negative).
        let y = or(v, splat(0x20));
        let letter = and(gt(y, splat(b'a' as i8 - 1)), lt(y, splat(b'z' as i8 + 1)));
        let digit = and(gt(v, splat(b'0' as i8 - 1)), lt(v, splat(b'9' as i8 + 1)));
        let w = movemask(or(letter, digit)) as u16;
        let b = movemask(eq(v, splat(b'|' as i8))) as u16;
        // 0xC0..=0xFF: negative and greater than 0xBF (-65).
        let l = (movemask(v) & movemask(gt(v, splat(-65)))) as u16;
        word[2 * k..2 * k + 2].copy_from_slice(&w.to_le_bytes());
        bars[2 * k..2 * k + 2].copy_from_slice(&b.to_le_bytes());
        leads[2 * k..2 * k + 2].copy_from_slice(&l.to_le_bytes());
    }
    // The bytes of the last chunk after `n`.
    let keep = u128::MAX >> (128 - n).min(127) >> u32::from(n == 0);
    ByteClasses {
        word: u128::from_le_bytes(word) & keep,
        leads: u128::from_le_bytes(leads) & keep,
        bars: u128::from_le_bytes(bars) & keep,
    }
}

/// The classes of `line[..n]` (`n` ≤ 128); the bytes of `line` after `n` are ignored.
#[cfg(not(all(target_arch = "x86_64", target_feature = "sse2")))]
#[inline]
pub(crate) fn classes(line: &[u8], n: usize) -> ByteClasses {
    classes_swar(line, n)
}

/// [`classes`] eight bytes at a time in 64-bit words (SWAR).
#[cfg(any(test, not(all(target_arch = "x86_64", target_feature = "sse2"))))]
pub(crate) fn classes_swar(line: &[u8], n: usize) -> ByteClasses {
    const LO7: u64 = 0x7F7F_7F7F_7F7F_7F7F;
    const HI: u64 = 0x8080_8080_8080_8080;
    const ONES: u64 = 0x0101_0101_0101_0101;
    // The high bits of the eight bytes of `v` (all other bits clear) as bits 0..8.
    let movemask = |v: u64| u128::from((v.wrapping_mul(0x0002_0408_1020_4081) >> 56) as u8);
    let window = &line[..n.min(line.len()).min(128)];
    let mut out = ByteClasses::default();
    for (k, chunk) in window.chunks(8).enumerate() {
        // The last chunk is padded with zero bytes (no class).
        let mut buf = [0u8; 8];
        buf[..chunk.len()].copy_from_slice(chunk);
        let v = u64::from_le_bytes(buf);
        let high = v & HI;
        let x = v & LO7;
        // Bytes are at most 0x7F, so adding at most 0x50 never carries into the next byte:
        // the high bit of each sum says `byte >= k`.
        let ge = |k: u8| (x + ONES * u64::from(0x80 - k)) & HI;
        let digit = ge(b'0') & !ge(b'9' + 1);
        let y = (v | 0x2020_2020_2020_2020) & LO7;
        let ge_y = |k: u8| (y + ONES * u64::from(0x80 - k)) & HI;
        let letter = ge_y(b'a') & !ge_y(b'z' + 1);
        let word = (digit | letter) & !high;
        // Exact zero-byte test of `v ^ '|'`.
        let t = v ^ (ONES * u64::from(b'|'));
        let bars = !(((t & LO7) + LO7) | t | LO7);
        // 0b11xx_xxxx: bit 6 shifted up to bit 7 of the same byte.
        let leads = v & (v << 1) & HI;
        out.word |= movemask(word) << (8 * k);
        out.bars |= movemask(bars) << (8 * k);
        out.leads |= movemask(leads) << (8 * k);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The classes byte by byte.
    fn naive(line: &[u8], n: usize) -> ByteClasses {
        let mut out = ByteClasses::default();
        for (i, &b) in line.iter().enumerate().take(n.min(128)) {
            out.word |= u128::from(b.is_ascii_alphanumeric()) << i;
            out.leads |= u128::from(b >= 0xC0) << i;
            out.bars |= u128::from(b == b'|') << i;
        }
        out
    }

    #[test]
    fn every_byte_value_in_every_lane() {
        for b in 0..=255u8 {
            for at in 0..20 {
                let mut line = vec![b'a'; 40];
                line[at] = b;
                for n in [0, at, at + 1, 16, 17, 40] {
                    assert_eq!(classes(&line, n), naive(&line, n), "{b:#x} at {at}, n {n}");
                    assert_eq!(classes_swar(&line, n), naive(&line, n), "{b:#x} at {at}");
                }
            }
        }
    }

    proptest::proptest! {
        #[test]
        fn sse2_and_swar_agree_with_a_byte_by_byte_scan(
            line in proptest::collection::vec(proptest::prelude::any::<u8>(), 0..160),
            n in 0usize..140,
        ) {
            proptest::prop_assert_eq!(classes(&line, n), naive(&line, n));
            proptest::prop_assert_eq!(classes_swar(&line, n), naive(&line, n));
        }

        #[test]
        fn the_classes_of_text_agree(s in "[a-zA-Z0-9 |.,éü·»•©“”—😀\u{a0}]{0,140}", n in 0usize..140) {
            let line = s.as_bytes();
            proptest::prop_assert_eq!(classes(line, n), naive(line, n));
            proptest::prop_assert_eq!(classes_swar(line, n), naive(line, n));
        }
    }
}
