//! Finding the next byte of interest in a long text. Several passes read
//! every byte of a document (line breaks, digits, invisible characters) and
//! stop only at a few kinds of byte; `Iterator::position` tests one byte at
//! a time because it must stop at the first, while testing a whole block
//! with no early exit lets the compiler test its 16 bytes at once (SIMD),
//! so only blocks holding a match are searched byte by byte.

/// The first index whose byte satisfies `pred`, as
/// `b.iter().position(|&x| pred(x))`. `pred` should be branch-free
/// (comparisons joined with `|`, not `||`) for the block test to vectorise.
#[inline]
pub fn position(b: &[u8], pred: impl Fn(u8) -> bool + Copy) -> Option<usize> {
    const BLOCK: usize = 16;
    let mut blocks = b.chunks_exact(BLOCK);
    let mut base = 0;
    for block in &mut blocks {
        if block.iter().fold(false, |hit, &x| hit | pred(x)) {
            return block.iter().position(|&x| pred(x)).map(|k| base + k);
        }
        base += BLOCK;
    }
    blocks.remainder().iter().position(|&x| pred(x)).map(|k| base + k)
}

/// A fast non-cryptographic hash of `b` (eight bytes per multiply, as
/// FxHash does), for the memos' keys: they hash every line and paragraph
/// of a document on each edit, and compare the text itself on a hit, so
/// speed matters and collisions only cost a comparison. (SipHash, std's
/// default, was 3 % of an edit's analysis of a 1 MB draft.)
pub fn hash(b: &[u8]) -> u64 {
    const K: u64 = 0x517c_c1b7_2722_0a95;
    let mut h = b.len() as u64;
    let mut chunks = b.chunks_exact(8);
    for c in &mut chunks {
        let w = u64::from_le_bytes(c.try_into().expect("eight bytes"));
        h = (h.rotate_left(5) ^ w).wrapping_mul(K);
    }
    let rest = chunks.remainder();
    if !rest.is_empty() {
        let mut w = [0u8; 8];
        w[..rest.len()].copy_from_slice(rest);
        h = (h.rotate_left(5) ^ u64::from_le_bytes(w)).wrapping_mul(K);
    }
    h
}

/// A map keyed by [`hash`]es, for the memos: the keys are hashes already,
/// so hashing them again with SipHash was 4 % of an edit's analysis and
/// bought nothing (entries under one key are told apart by their text).
pub type ByHash<V> = std::collections::HashMap<u64, V, rustc_hash::FxBuildHasher>;

#[cfg(test)]
mod tests {
    #[test]
    fn hash_tells_prefixes_and_zero_padding_apart() {
        // the last block is zero-padded: the length keeps "a" and "a\0" apart
        let text = "一、总体情况\0\0\0\0\0\0\0\0abc";
        let hashes: std::collections::HashSet<u64> =
            (0..=text.len()).map(|n| super::hash(&text.as_bytes()[..n])).collect();
        assert_eq!(hashes.len(), text.len() + 1);
        assert_eq!(super::hash(b"same text"), super::hash(b"same text"));
    }

    use super::position;

    #[test]
    fn finds_what_a_plain_position_finds() {
        let pred = |x: u8| (x.wrapping_sub(b'0') < 10) | (x == 0xEF);
        let mut text = "一二三四五六七八九十年度报告，".repeat(7);
        for at in [0, 1, 15, 16, 17, 31, 32, 33, 100, text.len() - 1] {
            let mut t = text.clone().into_bytes();
            t.iter_mut().for_each(|x| {
                if pred(*x) {
                    *x = b'a'
                }
            });
            for len in [0, 1, 15, 16, 17, 47, 48, 49, t.len()] {
                let mut u = t[..len].to_vec();
                if at < len {
                    u[at] = b'7';
                }
                assert_eq!(position(&u, pred), u.iter().position(|&x| pred(x)), "at {at} len {len}");
            }
        }
        text.push('9');
        assert_eq!(position(text.as_bytes(), pred), text.bytes().position(pred));
    }
}
