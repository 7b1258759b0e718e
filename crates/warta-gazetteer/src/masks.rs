//! Byte classification into bit masks (document linking's 64-byte word scan, matching's
//! 16-byte word loads): SSE2 where the target has it (baseline on x86-64), eight bytes at a
//! time elsewhere. Kept out of `fold.rs`, which the build script compiles too.

#[cfg(any(test, not(all(target_arch = "x86_64", target_feature = "sse2"))))]
use crate::fold::{HIGH, LOW, in_range};

/// Byte masks of the 64 bytes at `base` (zero-padded past the end): bit `k` of the first is
/// set when byte `base + k` is an ASCII letter or digit or not ASCII, bit `k` of the second
/// when it is not ASCII.
#[inline(always)]
pub(crate) fn word_masks(bytes: &[u8], base: usize) -> (u64, u64) {
    match bytes.get(base..).and_then(<[u8]>::first_chunk::<64>) {
        Some(block) => block_masks(block),
        None => {
            let mut block = [0; 64];
            let tail = bytes.get(base..).unwrap_or_default();
            block[..tail.len()].copy_from_slice(tail);
            block_masks(&block)
        }
    }
}

/// Bit `k` set when byte `k` of `chunk` is an ASCII letter or digit.
#[inline(always)]
pub(crate) fn alnum16(chunk: &[u8; 16]) -> u32 {
    #[cfg(all(target_arch = "x86_64", target_feature = "sse2"))]
    {
        use safe_arch::{bitor_m128i, m128i, move_mask_i8_m128i};
        let v = m128i::from(*chunk);
        let (letter, digit) = alnum_sse2(v);
        move_mask_i8_m128i(bitor_m128i(letter, digit)) as u32 & 0xFFFF
    }
    #[cfg(not(all(target_arch = "x86_64", target_feature = "sse2")))]
    {
        alnum16_swar(chunk)
    }
}

/// `alnum16` eight bytes at a time in registers.
#[cfg(any(test, not(all(target_arch = "x86_64", target_feature = "sse2"))))]
#[inline(always)]
fn alnum16_swar(chunk: &[u8; 16]) -> u32 {
    let mut mask = 0;
    for (k, half) in chunk.as_chunks::<8>().0.iter().enumerate() {
        let w = u64::from_le_bytes(*half);
        let seven = w & !HIGH;
        let alnum = (in_range(seven, b'0', b'9') | in_range(seven | LOW, b'a', b'z')) & !w;
        mask |= (byte_mask(alnum & HIGH) as u32) << (8 * k);
    }
    mask
}

/// The ASCII letters and the ASCII digits of `v` (all bits set in their bytes).
#[cfg(all(target_arch = "x86_64", target_feature = "sse2"))]
#[inline(always)]
fn alnum_sse2(v: safe_arch::m128i) -> (safe_arch::m128i, safe_arch::m128i) {
    use safe_arch::{add_i8_m128i, bitor_m128i, cmp_lt_mask_i8_m128i, set_splat_i8_m128i};
    // `x + (0x80 - lo)` (wrapping) is below `-128 + (hi - lo + 1)` as a signed byte exactly
    // when `lo <= x <= hi`; bytes from 0x80 fall outside both ranges, also after `| 0x20`.
    let case = set_splat_i8_m128i(0x20);
    let to_letters = set_splat_i8_m128i((0x80u8.wrapping_sub(b'a')) as i8);
    let letters = set_splat_i8_m128i(-128 + 26);
    let to_digits = set_splat_i8_m128i((0x80u8.wrapping_sub(b'0')) as i8);
    let digits = set_splat_i8_m128i(-128 + 10);
    let letter = cmp_lt_mask_i8_m128i(add_i8_m128i(bitor_m128i(v, case), to_letters), letters);
    let digit = cmp_lt_mask_i8_m128i(add_i8_m128i(v, to_digits), digits);
    (letter, digit)
}

/// `word_masks` of one block: SSE2 compares where the target has them (baseline on
/// x86-64), else eight bytes at a time in registers.
#[inline(always)]
fn block_masks(block: &[u8; 64]) -> (u64, u64) {
    #[cfg(all(target_arch = "x86_64", target_feature = "sse2"))]
    {
        block_masks_sse2(block)
    }
    #[cfg(not(all(target_arch = "x86_64", target_feature = "sse2")))]
    {
        block_masks_swar(block)
    }
}

/// `block_masks` with SSE2: per 16 bytes, two range compares give the letters and digits
/// and the sign bits the bytes that are not ASCII, each gathered by one `movemask`.
#[cfg(all(target_arch = "x86_64", target_feature = "sse2"))]
#[inline(always)]
fn block_masks_sse2(block: &[u8; 64]) -> (u64, u64) {
    use safe_arch::{bitor_m128i, m128i, move_mask_i8_m128i};
    let mut word = 0;
    let mut high = 0;
    for (k, chunk) in block.as_chunks::<16>().0.iter().enumerate() {
        let v = m128i::from(*chunk);
        let (letter, digit) = alnum_sse2(v);
        let alnum = bitor_m128i(bitor_m128i(letter, digit), v);
        word |= u64::from(move_mask_i8_m128i(alnum) as u16) << (16 * k);
        high |= u64::from(move_mask_i8_m128i(v) as u16) << (16 * k);
    }
    (word, high)
}

/// `block_masks` eight bytes at a time in registers (the portable path; the reference of
/// the SSE2 one in the tests).
#[cfg(any(test, not(all(target_arch = "x86_64", target_feature = "sse2"))))]
#[inline(always)]
fn block_masks_swar(block: &[u8; 64]) -> (u64, u64) {
    let mut word = 0;
    let mut any_high = 0;
    for (k, chunk) in block.chunks_exact(8).enumerate() {
        let w = u64::from_le_bytes(chunk.try_into().unwrap_or_default());
        let seven = w & !HIGH;
        let alnum = in_range(seven, b'0', b'9') | in_range(seven | LOW, b'a', b'z');
        word |= byte_mask((alnum | w) & HIGH) << (8 * k);
        any_high |= w;
    }
    if any_high & HIGH == 0 {
        return (word, 0);
    }
    let mut high = 0;
    for (k, chunk) in block.chunks_exact(8).enumerate() {
        let w = u64::from_le_bytes(chunk.try_into().unwrap_or_default());
        high |= byte_mask(w & HIGH) << (8 * k);
    }
    (word, high)
}

/// Bit `k` set for every byte `k` of `x` with its high bit set (`x` has no other bit).
#[cfg(any(test, not(all(target_arch = "x86_64", target_feature = "sse2"))))]
#[inline(always)]
const fn byte_mask(x: u64) -> u64 {
    // The eight partial products land on distinct bits: no carries.
    (x >> 7).wrapping_mul(0x0102_0408_1020_4080) >> 56
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// The masks byte by byte.
    fn reference(block: &[u8; 64]) -> (u64, u64) {
        let mut word = 0;
        let mut high = 0;
        for (k, &b) in block.iter().enumerate() {
            if b.is_ascii_alphanumeric() || b >= 0x80 {
                word |= 1 << k;
            }
            if b >= 0x80 {
                high |= 1 << k;
            }
        }
        (word, high)
    }

    #[test]
    fn every_byte_value_is_a_letter_or_digit_or_not() {
        for start in (0..=255u8).step_by(16) {
            let chunk: [u8; 16] = std::array::from_fn(|k| start + k as u8);
            let want = (0..16)
                .filter(|&k| chunk[k].is_ascii_alphanumeric())
                .fold(0, |m, k| m | 1 << k);
            assert_eq!(alnum16(&chunk), want, "{start}");
            assert_eq!(alnum16_swar(&chunk), want, "{start}");
        }
    }

    #[test]
    fn every_byte_value_is_classified() {
        for start in (0..=255u8).step_by(64) {
            let block: [u8; 64] = std::array::from_fn(|k| start + k as u8);
            assert_eq!(block_masks(&block), reference(&block), "{start}");
            assert_eq!(block_masks_swar(&block), reference(&block), "{start}");
        }
    }

    proptest! {
        #[test]
        fn both_paths_agree_with_the_bytes(
            bytes in proptest::collection::vec(any::<u8>(), 64),
            ascii in proptest::collection::vec(0u8..128, 64),
        ) {
            for b in [&bytes, &ascii] {
                let block: [u8; 64] = b.as_slice().try_into().unwrap();
                prop_assert_eq!(block_masks(&block), reference(&block));
                prop_assert_eq!(block_masks_swar(&block), reference(&block));
            }
        }

        #[test]
        fn word_masks_pads_past_the_end(
            bytes in proptest::collection::vec(any::<u8>(), 0..150),
            base in 0usize..160,
        ) {
            let mut block = [0u8; 64];
            for (k, b) in bytes.iter().skip(base).take(64).enumerate() {
                block[k] = *b;
            }
            prop_assert_eq!(word_masks(&bytes, base), reference(&block));
        }
    }
}
