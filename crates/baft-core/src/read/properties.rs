//! A feature's properties (ویژگی‌های عارضه), kept as their JSON object text until a field is
//! asked for.
//!
//! A parsed map per feature was most of what loading a large layer allocated: 13 properties of
//! a surveyed plot took about 2.5 KB as a `serde_json::Map` (tree nodes, a `String` per key),
//! 50,000 plots about 120 MB at once, against about 280 bytes of text each. Reading the few
//! fields a zone or plot needs straight from the text ([`Properties::pick`]) allocates only for
//! the values it returns.
//!
//! ```
//! use baft_core::read::properties::Properties;
//! use serde_json::json;
//! let p = Properties::from_json_text(r#"{"plot_id":"P-1","area_m2":150,"note":{"x":[1,2]}}"#);
//! let [id, area, missing] = p.pick(["plot_id", "area_m2", "floors"]);
//! assert_eq!((id, area, missing), (Some(json!("P-1")), Some(json!(150)), None));
//! assert_eq!(p.to_map().len(), 3);
//! ```

use serde::de::{DeserializeSeed, Deserializer, IgnoredAny, MapAccess, Visitor};
use serde_json::{Map, Value};
use std::fmt;

/// A JSON object's text (empty for no properties).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Properties(Box<str>);

impl Properties {
    /// From the text of a JSON object (as a GeoJSON reader captured it). Other text reads as
    /// having no properties.
    pub fn from_json_text(text: &str) -> Properties {
        match text.trim_start().starts_with('{') {
            true => Properties(text.into()),
            false => Properties::default(),
        }
    }

    /// From a parsed map.
    pub fn from_map(map: &Map<String, Value>) -> Properties {
        match map.is_empty() {
            true => Properties::default(),
            false => Properties(Value::Object(map.clone()).to_string().into()),
        }
    }

    /// Whether there are no properties.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// The JSON object text (`{}` when there are none).
    pub fn json_text(&self) -> &str {
        match self.is_empty() {
            true => "{}",
            false => &self.0,
        }
    }

    /// All of them, parsed (empty when the text can't be read).
    pub fn to_map(&self) -> Map<String, Value> {
        match self.is_empty() {
            true => Map::new(),
            false => serde_json::from_str(&self.0).unwrap_or_default(),
        }
    }

    /// One property's value.
    pub fn get(&self, key: &str) -> Option<Value> {
        let [v] = self.pick([key]);
        v
    }

    /// The values of `keys` (None where absent), in one pass over the text. When a key appears
    /// twice, the last value counts, as in a parsed map. Text that can't be read gives Nones.
    pub fn pick<const N: usize>(&self, keys: [&str; N]) -> [Option<Value>; N] {
        if self.is_empty() {
            return std::array::from_fn(|_| None);
        }
        let mut de = serde_json::Deserializer::from_str(&self.0);
        Picker { keys: &keys }
            .deserialize(&mut de)
            .unwrap_or_else(|_| std::array::from_fn(|_| None))
    }
}

/// Reads an object, keeping the values of the wanted keys and skipping the rest unparsed.
struct Picker<'k, const N: usize> {
    keys: &'k [&'k str; N],
}

impl<'de, const N: usize> DeserializeSeed<'de> for Picker<'_, N> {
    type Value = [Option<Value>; N];
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
        d.deserialize_map(self)
    }
}

impl<'de, const N: usize> Visitor<'de> for Picker<'_, N> {
    type Value = [Option<Value>; N];
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("an object")
    }
    fn visit_map<A: MapAccess<'de>>(self, mut m: A) -> Result<Self::Value, A::Error> {
        let mut out: [Option<Value>; N] = std::array::from_fn(|_| None);
        while let Some(i) = m.next_key_seed(KeyIndex { keys: self.keys })? {
            match i {
                Some(i) => out[i] = Some(m.next_value::<Value>()?),
                None => {
                    m.next_value::<IgnoredAny>()?;
                }
            }
        }
        Ok(out)
    }
}

/// A key, as its position among the wanted keys (no allocation for unescaped keys).
struct KeyIndex<'k, const N: usize> {
    keys: &'k [&'k str; N],
}

impl<'de, const N: usize> DeserializeSeed<'de> for KeyIndex<'_, N> {
    type Value = Option<usize>;
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
        d.deserialize_str(self)
    }
}

impl<'de, const N: usize> Visitor<'de> for KeyIndex<'_, N> {
    type Value = Option<usize>;
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a key")
    }
    fn visit_str<E>(self, v: &str) -> Result<Option<usize>, E> {
        Ok(self.keys.iter().position(|k| *k == v))
    }
}

/// A property's value as a number: a JSON number, or text of digits in any script (`"۱۵۰"`,
/// `" 150.5 "`); `None` for anything else, and for values that are not finite (`"inf"`).
///
/// ```
/// use baft_core::read::properties::number;
/// use serde_json::json;
/// assert_eq!(number(&Some(json!(150))), Some(150.0));
/// assert_eq!(number(&Some(json!(" ۱۵۰٫۵ "))), Some(150.5));
/// assert_eq!(number(&Some(json!("inf"))), None);
/// assert_eq!(number(&Some(json!(true))), None);
/// ```
pub fn number(v: &Option<Value>) -> Option<f64> {
    let x = match v {
        Some(Value::Number(n)) => n.as_f64(),
        Some(Value::String(t)) => crate::base::digits::normalize(t).trim().parse().ok(),
        _ => None,
    };
    x.filter(|x: &f64| x.is_finite())
}

/// A property's value as text: trimmed, a number as its digits; `None` for empty text and any
/// other kind.
///
/// ```
/// use baft_core::read::properties::text;
/// use serde_json::json;
/// assert_eq!(text(&Some(json!(" QB-12 "))), Some("QB-12".into()));
/// assert_eq!(text(&Some(json!(12))), Some("12".into()));
/// assert_eq!(text(&Some(json!("  "))), None);
/// ```
pub fn text(v: &Option<Value>) -> Option<String> {
    match v {
        Some(Value::String(t)) if !t.trim().is_empty() => Some(t.trim().to_string()),
        Some(Value::Number(n)) => Some(n.to_string()),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn picks_what_a_map_would_give() {
        let text = r#"{"a":1,"b":"x","c":null,"d":[1,{"e":2}],"a\u0062":true,"b":"y"}"#;
        let p = Properties::from_json_text(text);
        let map: Map<String, Value> = serde_json::from_str(text).unwrap();
        let [a, b, c, d, ab, z] = p.pick(["a", "b", "c", "d", "ab", "z"]);
        assert_eq!(a.as_ref(), map.get("a"));
        assert_eq!(b, Some(json!("y"))); // the last of a repeated key, as in the map
        assert_eq!(b.as_ref(), map.get("b"));
        assert_eq!(c, Some(Value::Null));
        assert_eq!(d.as_ref(), map.get("d"));
        assert_eq!(ab, Some(json!(true))); // an escaped key is the same key
        assert_eq!(z, None);
        assert_eq!(p.to_map(), map);
        assert_eq!(p.get("a"), Some(json!(1)));
    }

    #[test]
    fn no_properties_and_unreadable_text_give_nothing() {
        for p in [
            Properties::default(),
            Properties::from_json_text("null"),
            Properties::from_json_text("[1,2]"),
            Properties::from_json_text(r#"{"a":"#),
        ] {
            assert_eq!(p.pick(["a"]), [None]);
            assert!(p.to_map().is_empty());
        }
        assert_eq!(Properties::default().json_text(), "{}");
        assert!(Properties::from_json_text("null").is_empty());
    }

    #[test]
    fn a_map_round_trips() {
        let map: Map<String, Value> =
            serde_json::from_str(r#"{"plot_id":"P-1","area_m2":150.5,"on_main_axis":false}"#)
                .unwrap();
        let p = Properties::from_map(&map);
        assert_eq!(p.to_map(), map);
        assert!(Properties::from_map(&Map::new()).is_empty());
    }
}
