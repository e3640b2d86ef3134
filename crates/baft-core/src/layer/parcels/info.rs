//! A plot's survey attributes, read from its properties.

use super::postal;
use crate::layer::Zone;
use serde::Serialize;
use serde_json::Value;

/// A plot's survey attributes (any may be missing in the data).
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct ParcelInfo {
    /// The plot's id, from the parcel file's id property (`#index` when it has none).
    pub plot_id: String,
    /// The urban block the plot is in.
    pub block_id: Option<String>,
    /// The plate's registration section (بخش).
    pub plate_section: Option<u32>,
    /// The plate's main number (اصلی).
    pub plate_main: Option<u32>,
    /// The plate's sub number (فرعی).
    pub plate_sub: Option<u32>,
    /// The municipal renovation code (کد نوسازی), digits made ASCII.
    pub renovation_code: Option<String>,
    /// The building's ten-digit postal code (کد پستی), from a `postal_code` property in any
    /// digits, with or without a dash; a value that is not ten digits is left out.
    #[serde(serialize_with = "postal::serialize")]
    pub postal_code: Option<u64>,
    /// The street the plot's door is on, as the parcel file's `street` property names it
    /// (Persian, e.g. `خیابان گلستان`).
    pub street: Option<String>,
    /// The same street's English name (`street_en`), when the file has it.
    pub street_en: Option<String>,
    /// The house number on that street (پلاک ساختمان, `house_number`), ASCII digits.
    pub house_number: Option<String>,
    /// The surveyed plot area, m².
    pub area_m2: Option<f64>,
    /// Land use as surveyed, lower case (e.g. `residential`).
    pub land_use: Option<String>,
    /// Number of floors of the building.
    pub floors: Option<f64>,
    /// Structural system as surveyed, lower case (e.g. `steel_frame`).
    pub structure: Option<String>,
    /// Jalali year the building was built.
    pub built_year: Option<i32>,
    /// Width of the street or passage on the plot's frontage, m.
    pub frontage_width_m: Option<f64>,
    /// Whether the plot is on a main neighbourhood axis.
    pub on_main_axis: Option<bool>,
}

impl ParcelInfo {
    pub(super) fn from_zone(z: &Zone) -> ParcelInfo {
        Self::from_properties(z.id.clone(), &z.properties)
    }

    /// A plot's attributes from its properties; `plot_id` is its id.
    pub(super) fn from_properties(
        plot_id: String,
        properties: &crate::read::properties::Properties,
    ) -> ParcelInfo {
        let [block_id, section, main, sub, code, postal, street, street_en, house, area, land_use, floors, structure, built, frontage, axis] =
            properties.pick([
                "block_id",
                "plate_section",
                "plate_main",
                "plate_sub",
                "renovation_code",
                "postal_code",
                "street",
                "street_en",
                "house_number",
                "area_m2",
                "land_use",
                "floors",
                "structure",
                "built_year",
                "frontage_width_m",
                "on_main_axis",
            ]);
        // Numbers may be written as text in any digits (`"۱۵۰"`), as GIS exports often do.
        use crate::read::properties::{number as num, text};
        let int = |v: &Option<Value>| {
            num(v)
                .filter(|x| x.fract() == 0.0 && *x >= 0.0)
                .map(|x| x as u32)
        };
        ParcelInfo {
            plot_id,
            block_id: text(&block_id),
            plate_section: int(&section),
            plate_main: int(&main),
            plate_sub: int(&sub),
            renovation_code: text(&code).map(|c| crate::base::digits::normalize(&c)),
            // GIS exports often write the code as a number (`3751612345.0`).
            postal_code: match &postal {
                Some(Value::Number(n)) => n
                    .as_f64()
                    .filter(|x| x.fract() == 0.0 && *x >= 0.0)
                    .and_then(|x| postal::parse(&format!("{x:010.0}"))),
                _ => text(&postal).and_then(|c| postal::parse(&c)),
            },
            street: text(&street),
            street_en: text(&street_en),
            house_number: match &house {
                Some(Value::Number(_)) => int(&house).map(|n| n.to_string()),
                _ => text(&house).map(|h| crate::base::digits::normalize(&h)),
            },
            area_m2: num(&area),
            land_use: text(&land_use).map(|s| s.to_ascii_lowercase()),
            floors: num(&floors),
            structure: text(&structure).map(|s| s.to_ascii_lowercase()),
            built_year: num(&built).map(|y| y as i32),
            frontage_width_m: num(&frontage),
            on_main_axis: axis.as_ref().and_then(Value::as_bool),
        }
    }

    /// The street address in `lang`: `خیابان گلستان، پلاک ۱۲` or `No. 12, Golestan Street` (the
    /// Persian name where the file has no English one); `None` without both street and number.
    pub fn address(&self, lang: crate::Lang) -> Option<String> {
        let (street, n) = (self.street.as_deref()?, self.house_number.as_deref()?);
        let en = self.street_en.as_deref().unwrap_or(street);
        let n = crate::base::digits::localize_digits(n, lang);
        let street = crate::base::digits::localize_digits(street, lang);
        Some(say!(lang, "{street}، پلاک {n}", "No. {n}, {en}"))
    }

    /// `11-123/45` (section-main/sub), or `123/45` without a section.
    pub fn plate_text(&self) -> Option<String> {
        let (m, s) = (self.plate_main?, self.plate_sub?);
        Some(match self.plate_section {
            Some(sec) => format!("{sec}-{m}/{s}"),
            None => format!("{m}/{s}"),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::read::properties::Properties;

    /// A parcel file exported with its numbers as text, in Persian digits, reads as the same
    /// plot as one with JSON numbers (the packages' area, floors and year, and the plate).
    #[test]
    fn numbers_written_as_text_in_any_digits_are_read() {
        let as_numbers = r#"{"plate_section":11,"plate_main":121,"plate_sub":406,"area_m2":157.8,
            "floors":2,"built_year":1365,"frontage_width_m":6}"#;
        let as_text = r#"{"plate_section":"۱۱","plate_main":"١٢١","plate_sub":" 406 ",
            "area_m2":"۱۵۷٫۸","floors":"۲","built_year":"۱۳۶۵","frontage_width_m":"6"}"#;
        let read =
            |t: &str| ParcelInfo::from_properties("P".into(), &Properties::from_json_text(t));
        let (a, b) = (read(as_numbers), read(as_text));
        assert_eq!(a, b);
        assert_eq!(b.plate_text().as_deref(), Some("11-121/406"));
        assert_eq!(
            (b.area_m2, b.floors, b.built_year),
            (Some(157.8), Some(2.0), Some(1365))
        );
        // Not a number: no answer, never a guess.
        let c = read(r#"{"area_m2":"about 150","floors":"inf","plate_main":"121.5"}"#);
        assert_eq!((c.area_m2, c.floors, c.plate_main), (None, None, None));
    }
}
