//! What Baft's browser front ends share of the browser itself, written once (as ruffle keeps
//! its web front end's shared logic in one place): the app (`src/`), the JS API (`baft-js`) and
//! the staff workbench (`baft-staff`) all take today's date from [`today`]; the JS API and the
//! workbench hand results to JavaScript with [`to_js`] and read the language asked for with
//! [`lang_or_default`]. Everything here is glue: the answers themselves come from `baft-core`.

#![deny(missing_docs)]

use baft_core::base::jalali::GregorianDate;
use baft_core::Lang;
use serde::Serialize;
use wasm_bindgen::JsValue;

/// Today, the day incentive packages are judged on and the day printed on a certificate: in the
/// browser's own time zone (an owner in Tehran at 01:00 sees their own date, not UTC's).
#[cfg(target_arch = "wasm32")]
pub fn today() -> GregorianDate {
    let d = js_sys::Date::new_0();
    GregorianDate {
        year: d.get_full_year() as i32,
        month: d.get_month() + 1,
        day: d.get_date(),
    }
}

/// Today in Iran, as the CLI judges it, for native builds and their tests: there is no browser
/// to ask.
#[cfg(not(target_arch = "wasm32"))]
pub fn today() -> GregorianDate {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs() as i64)
        .unwrap_or(0);
    GregorianDate::in_iran_at(secs)
}

/// A result as a JS value: serialised to one JSON text in Rust, then `JSON.parse`d by the
/// browser. Building the objects field by field across the wasm boundary (serde-wasm-bindgen:
/// one call per string, number and object) cost about ten times more for a point answer's few
/// hundred fields than the check itself; one text and the browser's JSON parser cost a
/// fraction. The error is the serialiser's message (it names the field); callers wrap it in a
/// `JsError`.
pub fn to_js<T: Serialize + ?Sized>(v: &T) -> Result<JsValue, String> {
    let text = serde_json::to_string(v).map_err(|e| e.to_string())?;
    js_sys::JSON::parse(&text).map_err(|_| "result is not JSON".to_string())
}

/// The language an embedder or a page asked for (`"fa"`, `"en"`), Persian when it asked for
/// none or for one Baft does not speak.
pub fn lang_or_default(asked: Option<&str>) -> Lang {
    asked.and_then(Lang::parse).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_unknown_or_missing_language_is_persian() {
        assert_eq!(lang_or_default(Some("en")), Lang::En);
        assert_eq!(lang_or_default(Some("fa")), Lang::Fa);
        assert_eq!(lang_or_default(Some("de")), Lang::Fa);
        assert_eq!(lang_or_default(None), Lang::Fa);
    }

    #[test]
    fn today_natively_is_a_calendar_date() {
        let d = today();
        assert!(
            (1..=12).contains(&d.month) && (1..=31).contains(&d.day),
            "{d:?}"
        );
        assert!(d.year >= 1970, "{d:?}");
    }
}
