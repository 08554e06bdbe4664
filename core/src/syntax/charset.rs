//! Small sets of characters written as string literals ("一二三四五六七八九十"),
//! decoded into a `[char]` at compile time.
//!
//! `chars!("一二三").contains(&c)` looks simple but, for a character outside ASCII,
//! std encodes `c` and runs a substring search (a Two-Way searcher set up per
//! call); the analysis asks such questions for nearly every character of a
//! draft, and they were a tenth of its instructions. A slice of `char`s is a
//! plain comparison loop; in front of it a 256-bit filter of the members'
//! low bytes answers "no" for most characters at once (the prose layer tests
//! every character of a sentence against sets of up to 50 members).

/// `chars!("一二三")`: the literal's characters as a `&'static CharSet`.
macro_rules! chars {
    ($s:expr) => {{
        const S: &str = $s;
        const N: usize = $crate::syntax::charset::count(S);
        const A: [char; N] = $crate::syntax::charset::decode::<N>(S);
        const SET: $crate::syntax::charset::CharSet = $crate::syntax::charset::CharSet::new(&A);
        &SET
    }};
}
pub(crate) use chars;

/// A small set of characters, built at compile time by [`chars!`].
#[derive(Debug)]
pub struct CharSet {
    chars: &'static [char],
    /// Bit `c & 0xFF` is set for every member `c`.
    filter: [u64; 4],
}

impl CharSet {
    pub const fn new(chars: &'static [char]) -> CharSet {
        let mut filter = [0u64; 4];
        let mut i = 0;
        while i < chars.len() {
            let low = chars[i] as u32 & 0xFF;
            filter[(low >> 6) as usize] |= 1 << (low & 63);
            i += 1;
        }
        CharSet { chars, filter }
    }

    #[inline]
    pub fn contains(&self, c: &char) -> bool {
        let low = *c as u32 & 0xFF;
        self.filter[(low >> 6) as usize] >> (low & 63) & 1 != 0 && self.chars.contains(c)
    }
}

impl std::ops::Deref for CharSet {
    type Target = [char];
    fn deref(&self) -> &[char] {
        self.chars
    }
}

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
        assert_eq!(**set, ['a', '一', '𠮷', 'é', '，']);
        assert!(set.contains(&'𠮷') && !set.contains(&'二'));
        assert!(chars!("").is_empty());
        // the filter passes every member and rejects by the low byte only
        let set = chars!("上举公共其出刊制办包印参发受召合回处完建开录承报接推播撰收整新更有答策累组结编解计设转达邀");
        for c in '\0'..='\u{FFFF}' {
            assert_eq!(set.contains(&c), <[char]>::contains(set, &c), "{c:?}");
        }
    }
}
