//! Stable hashing for deterministic variety (daily challenges, interval
//! fuzz, simulations). std's hasher is randomly seeded per process, which
//! would reshuffle challenges and schedules on every launch.

/// SplitMix64's increment (the golden ratio in 64 bits).
const GOLDEN_GAMMA: u64 = 0x9E37_79B9_7F4A_7C15;

/// SplitMix64's output function: spreads every input bit over the output.
pub(crate) fn finalize(mut x: u64) -> u64 {
    x = (x ^ (x >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    x = (x ^ (x >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    x ^ (x >> 31)
}

/// One SplitMix64 step from `x`.
pub(crate) fn mix(x: u64) -> u64 {
    finalize(x.wrapping_add(GOLDEN_GAMMA))
}

/// FNV-1a over bytes.
pub(crate) fn fnv1a_bytes(bytes: impl IntoIterator<Item = u8>) -> u64 {
    bytes.into_iter().fold(0xCBF2_9CE4_8422_2325, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(0x0000_0100_0000_01B3)
    })
}

/// FNV-1a over the bytes of a string.
pub(crate) fn fnv1a(text: &str) -> u64 {
    fnv1a_bytes(text.bytes())
}

/// The top 53 bits of `x` as a number in `0.0..1.0`.
pub(crate) fn unit(x: u64) -> f64 {
    (x >> 11) as f64 / (1u64 << 53) as f64
}

/// A reproducible stream of numbers in `0.0..1.0` (SplitMix64).
pub(crate) struct SplitMix(u64);

impl SplitMix {
    pub(crate) fn new(seed: u64) -> Self {
        SplitMix(seed)
    }

    pub(crate) fn next_unit(&mut self) -> f64 {
        let out = mix(self.0);
        self.0 = self.0.wrapping_add(GOLDEN_GAMMA);
        unit(out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Pinned values: a change here would silently change every learner's challenges.
    #[test]
    fn hashes_are_stable_across_builds() {
        assert_eq!(fnv1a(""), 0xCBF2_9CE4_8422_2325);
        assert_eq!(fnv1a("a"), 0xAF63_DC4C_8601_EC8C);
        assert_eq!(mix(0), 0xE220_A839_7B1D_CDAF);
    }
}
