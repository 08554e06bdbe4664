//! Small sets of characters written as string literals ("一二三四五六七八九十"),
//! decoded into a `[char]` at compile time.
//!
//! `chars!("一二三").contains(&c)` looks simple but, for a character outside ASCII,
//! std encodes `c` and runs a substring search (a Two-Way searcher set up per
//! call); the analysis asks such questions for nearly every character of a
//! draft, and they were a tenth of its instructions. A slice of `char`s is a
//! plain comparison loop.

/// `chars!("一二三")`: the literal's characters as a `&'static [char]`.
macro_rules! chars {
    ($s:expr) => {{
        const S: &str = $s;
        const N: usize = $crate::syntax::charset::count(S);
        const A: [char; N] = $crate::syntax::charset::decode::<N>(S);
        &A as &'static [char]
    }};
}
pub(crate) use chars;

/// The number of characters in `s`.
pub const fn count(s: &str) -> usize {
    let b = s.as_bytes();
    let (mut i, mut n) = (0, 0);
    while i < b.len() {
        // every byte that is not a continuation byte starts a character
        if b[i] & 0xC0 != 0x80 {
            n += 1;
        }
        i += 1;
    }
    n
}

/// The characters of `s`, which has exactly `N` of them.
pub const fn decode<const N: usize>(s: &str) -> [char; N] {
    let b = s.as_bytes();
    let mut out = ['\0'; N];
    let (mut i, mut k) = (0, 0);
    while i < b.len() {
        let lead = b[i] as u32;
        let (mut value, len) = match lead {
            0x00..=0x7F => (lead, 1),
            0xC0..=0xDF => (lead & 0x1F, 2),
            0xE0..=0xEF => (lead & 0x0F, 3),
            _ => (lead & 0x07, 4),
        };
        let mut j = 1;
        while j < len {
            value = (value << 6) | (b[i + j] as u32 & 0x3F);
            j += 1;
        }
        out[k] = match char::from_u32(value) {
            Some(c) => c,
            None => panic!("not UTF-8"),
        };
        k += 1;
        i += len;
    }
    out
}

#[cfg(test)]
mod tests {
    #[test]
    fn decodes_every_width() {
        let set = chars!("a一𠮷é，");
        assert_eq!(set, ['a', '一', '𠮷', 'é', '，']);
        assert!(set.contains(&'𠮷') && !set.contains(&'二'));
        assert!(chars!("").is_empty());
    }
}
