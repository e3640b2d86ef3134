//! Comparing JSON documents written back by the core, for the round-trip checks.

use serde_json::Value;

/// Whether two JSON values are equal, numbers within a relative 1e-15 (serde_json reads
/// numbers of more than 19 significant digits to within one unit in the last place, so
/// `2999…9e100` written back as `2.9999999999999997e119` may read as `3e119`).
pub fn same(a: &Value, b: &Value) -> bool {
    match (a, b) {
        (Value::Number(x), Value::Number(y)) => match (x.as_f64(), y.as_f64()) {
            (Some(x), Some(y)) => x == y || (x - y).abs() <= 1e-15 * x.abs().max(y.abs()),
            _ => x == y,
        },
        (Value::Array(x), Value::Array(y)) => {
            x.len() == y.len() && x.iter().zip(y).all(|(x, y)| same(x, y))
        }
        (Value::Object(x), Value::Object(y)) => {
            x.len() == y.len() && x.iter().all(|(k, v)| y.get(k).is_some_and(|w| same(v, w)))
        }
        _ => a == b,
    }
}
