//! Each data problem in words, Persian and English, and what it meant for loading.

use super::geometry_words::{position_at, ring_at};
use super::*;

impl ProblemKind {
    /// What is wrong, without the consequence for loading.
    pub fn describe(&self, lang: Lang) -> String {
        [
            Self::json_words,
            Self::position_words,
            Self::layer_words,
            Self::file_words,
            Self::geometry_words,
            Self::ring_words,
            Self::crs_words,
        ]
        .iter()
        .find_map(|words| words(self, lang))
        .unwrap_or_default()
    }

    /// A file that isn't JSON, or whose JSON is not GeoJSON's shape.
    fn json_words(&self, lang: Lang) -> Option<String> {
        use ProblemKind::*;
        Some(match self {
            JsonSyntax { detail } => {
                let t = crate::read::json_error::describe(detail, lang);
                say!(lang, "خطای نحوی JSON: {t}", "JSON syntax error: {t}")
            }
            JsonStructure { field, detail } => {
                let t = crate::read::json_error::describe(detail, lang);
                if field.is_empty() {
                    t
                } else {
                    say!(lang, "فیلد «{field}»: {t}", "field “{field}”: {t}")
                }
            }
            NoFeatures => {
                say!(
                    lang,
                    "FeatureCollection هیچ عارضه‌ای ندارد («features» نیامده یا خالی است)",
                    "the FeatureCollection has no features (“features” is missing or empty)"
                )
            }
            NotGeoJson { format } => {
                let advice = crate::read::json_error::format_advice(format, lang);
                if !advice.is_empty() {
                    advice.into()
                } else {
                    say!(
                        lang,
                        "این {} است، نه GeoJSON",
                        "this is {}, not GeoJSON",
                        crate::read::json_error::format_name(format, lang)
                    )
                }
            }
            GeometryNotObject => {
                say!(
                    lang,
                    "هندسه (geometry) شیء GeoJSON نیست",
                    "the geometry is not a GeoJSON object"
                )
            }
            _ => return None,
        })
    }

    /// A geometry's coordinates that are not positions, or can't be converted.
    fn position_words(&self, lang: Lang) -> Option<String> {
        use ProblemKind::*;
        let n = |x: usize| crate::base::digits::localize_digits(&x.to_string(), lang);
        let g = |x: f64| crate::base::digits::localize_digits(&error_number(x), lang);
        Some(match self {
            NullPosition {
                polygon,
                ring,
                position,
            } => {
                let at = position_at(*polygon, *ring, *position, lang);
                say!(lang, "{at} خالی (null) است", "{at} is null")
            }
            BadPosition {
                polygon,
                ring,
                position,
            } => {
                let at = position_at(*polygon, *ring, *position, lang);
                say!(
                    lang,
                    "{at} یک جفت عدد [x، y] نیست",
                    "{at} is not a pair of numbers [x, y]"
                )
            }
            NotPolygons => {
                say!(
                    lang,
                    "مختصات MultiPolygon باید فهرستی از چندضلعی‌ها باشد",
                    "MultiPolygon coordinates must be a list of polygons"
                )
            }
            NotRings { polygon } => {
                say!(
                    lang,
                    "چندضلعی {polygon} فهرستی از حلقه‌ها نیست",
                    "polygon {polygon} is not a list of rings",
                    polygon = n(*polygon)
                )
            }
            NotPositions { polygon, ring } => {
                let at = ring_at(*polygon, *ring, lang);
                say!(
                    lang,
                    "{at} فهرستی از نقطه‌ها نیست",
                    "{at} is not a list of positions"
                )
            }
            Unconvertible { x, y } => {
                say!(
                    lang,
                    "نقطهٔ ({}، {}) به طول و عرض جغرافیایی تبدیل نمی‌شود",
                    "position ({}, {}) can't be converted to longitude/latitude",
                    g(*x),
                    g(*y)
                )
            }
            MixedCrs { crs } => {
                say!(
                    lang,
                    "مختصات این عارضه مانند بقیهٔ فایل در {crs} نیست",
                    "its coordinates are not in {crs} like the rest of the file"
                )
            }
            _ => return None,
        })
    }

    /// Problems across a layer: winding, duplicate ids, overlaps, the envelope, unknown blocks.
    fn layer_words(&self, lang: Lang) -> Option<String> {
        use ProblemKind::*;
        Some(match self {
            WindingOrder { polygon, ring } => {
                let at = ring_at(*polygon, *ring, lang);
                say!(lang, "جهت {at} برخلاف RFC 7946 است (بیرونی پادساعتگرد، حفره ساعتگرد)؛ baft fix آن را درست می‌کند", "{at} winds the wrong way for RFC 7946 (shells counter-clockwise, holes clockwise); baft fix corrects it")
            }
            DuplicateId { id } => {
                say!(lang, "شناسهٔ «{id}» تکراری است", "duplicate id “{id}”")
            }
            Overlap { other_id, area_m2 } => {
                say!(
                    lang,
                    "با «{other_id}» همپوشانی دارد ({})",
                    "overlaps “{other_id}” by {}",
                    crate::check::words::square_metres(*area_m2, lang)
                )
            }
            OutsideEnvelope => {
                say!(
                    lang,
                    "بیرون از محدودهٔ شهر در مانیفست (city.envelope) است",
                    "lies outside the city envelope declared in the manifest (city.envelope)"
                )
            }
            UnknownBlock { block_id } => {
                say!(
                    lang,
                    "بلوک «{block_id}» در لایهٔ بلوک‌ها نیست",
                    "block “{block_id}” is not in the blocks layer"
                )
            }
            _ => return None,
        })
    }

    /// Problems with the manifest, the offices and packages files, or a file as a whole.
    fn file_words(&self, lang: Lang) -> Option<String> {
        use ProblemKind::*;
        Some(match self {
            FieldInvalid(e) => e.what(lang),
            OfficeWithoutLocation => {
                say!(
                    lang,
                    "دفتر موقعیت ندارد؛ فقط برای محله‌هایی که پوشش می‌دهد نشان داده می‌شود",
                    "the office has no location; it is only shown for the neighbourhoods it serves"
                )
            }
            FileUnreadable { why } => {
                let why = why.words(lang);
                say!(
                    lang,
                    "فایل خوانده نشد ({why})؛ این لایه بارگذاری نشد",
                    "the file could not be read ({why}); the layer was not loaded"
                )
            }
            NotAFeatureCollection { found } if found == "?" => {
                say!(
                    lang,
                    "باید FeatureCollection باشد اما «type» ندارد",
                    "expected a FeatureCollection, but “type” is missing"
                )
            }
            NotAFeatureCollection { found } => {
                say!(
                    lang,
                    "باید FeatureCollection باشد اما «{found}» است",
                    "expected a FeatureCollection, found “{found}”"
                )
            }
            FeatureNotObject => lang
                .pick(
                    "عارضه شیء GeoJSON نیست",
                    "the feature is not a GeoJSON object",
                )
                .to_string(),
            NullGeometry => lang
                .pick(
                    "هندسه ندارد (geometry: null)",
                    "no geometry (geometry: null)",
                )
                .to_string(),
            _ => return None,
        })
    }
}
