//! Lists of fixed strings kept as one string each (interface words, month
//! and kind names).

/// A list of strings kept as one string and where each one ends: a table
/// of string references holds an address and a length per string, eight
/// bytes that compress badly, where this holds two.
pub struct Joined {
    /// The strings, one after another (written by [`joined!`]).
    pub(crate) text: &'static str,
    /// Where each string ends in `text`.
    pub(crate) ends: &'static [u16],
}

impl Joined {
    /// The `i`-th string (from 0).
    pub fn get(&self, i: usize) -> Option<&'static str> {
        let start = match i.checked_sub(1) {
            Some(before) => *self.ends.get(before)?,
            None => 0,
        };
        let end = *self.ends.get(i)?;
        self.text.get(usize::from(start)..usize::from(end))
    }
}

/// Where each of a list of strings ends once they are joined (for
/// [`Joined`]); checked while compiling to fit in 64 KB.
pub const fn ends<const N: usize>(lengths: &[usize; N]) -> [u16; N] {
    let mut out = [0u16; N];
    let mut at = 0;
    let mut i = 0;
    while i < N {
        at += lengths[i];
        assert!(at <= u16::MAX as usize);
        out[i] = at as u16;
        i += 1;
    }
    out
}

/// A [`Joined`] list of string literals.
macro_rules! joined {
    ($($s:expr),* $(,)?) => {
        $crate::core::joined::Joined {
            text: concat!($($s,)*),
            ends: &$crate::core::joined::ends(&[$($s.len(),)*]),
        }
    };
}

pub(crate) use joined;
