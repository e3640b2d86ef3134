//! A small deterministic PRNG (SplitMix64), so the sample data is identical on every machine.

pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Self {
        Rng(seed)
    }
    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    /// Uniform in [0, 1).
    pub fn f(&mut self) -> f64 {
        (self.next_u64() >> 11) as f64 / (1u64 << 53) as f64
    }
    /// Uniform in [a, b).
    pub fn range(&mut self, a: f64, b: f64) -> f64 {
        a + (b - a) * self.f()
    }
    /// True with probability p.
    pub fn chance(&mut self, p: f64) -> bool {
        self.f() < p
    }
}

/// A hash of integer coordinates to [0, 1), for position-stable noise.
pub fn hash01(a: i64, b: i64, salt: u64) -> f64 {
    let mut r = Rng::new(
        (a as u64).wrapping_mul(0x9E37_79B9)
            ^ (b as u64).wrapping_mul(0x85EB_CA6B)
            ^ salt.wrapping_mul(0xC2B2_AE35),
    );
    r.next_u64();
    r.f()
}
