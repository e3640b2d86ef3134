//! Problems with a feature's geometry and coordinate system in words, Persian and English,
//! and what each meant for loading.

use super::*;

/// "ring 2 of polygon 1", in either language, with the language's digits.
pub(super) fn ring_at(polygon: usize, ring: usize, lang: Lang) -> String {
    let (ring, polygon) = (count_words(ring, lang), count_words(polygon, lang));
    say!(
        lang,
        "حلقهٔ {ring} از چندضلعی {polygon}",
        "ring {ring} of polygon {polygon}"
    )
}

/// "hole 2 of polygon 1" (a ring after the first is a hole).
pub(super) fn hole_at(polygon: usize, ring: usize, lang: Lang) -> String {
    let (ring, polygon) = (count_words(ring, lang), count_words(polygon, lang));
    say!(
        lang,
        "حفرهٔ {ring} از چندضلعی {polygon}",
        "hole {ring} of polygon {polygon}"
    )
}

/// "position 3 of ring 2 of polygon 1".
pub(super) fn position_at(polygon: usize, ring: usize, position: usize, lang: Lang) -> String {
    let (position, ring) = (count_words(position, lang), ring_at(polygon, ring, lang));
    say!(
        lang,
        "نقطهٔ {position} از {ring}",
        "position {position} of {ring}"
    )
}

fn count_words(x: usize, lang: Lang) -> String {
    crate::base::digits::localize_digits(&x.to_string(), lang)
}

impl ProblemKind {
    /// A feature's geometry: missing, empty, of the wrong type, or with bad rings.
    pub(super) fn geometry_words(&self, lang: Lang) -> Option<String> {
        use ProblemKind::*;
        let n = |x: usize| crate::base::digits::localize_digits(&x.to_string(), lang);
        Some(match self {
            EmptyGeometry => {
                say!(
                    lang,
                    "هندسهٔ خالی: مختصاتی ندارد",
                    "empty geometry: it has no coordinates"
                )
            }
            WrongGeometryType { found } if found == "?" => {
                say!(
                    lang,
                    "هندسه «type» ندارد (Polygon یا MultiPolygon لازم است)",
                    "the geometry has no “type” (Polygon or MultiPolygon is required)"
                )
            }
            WrongGeometryType { found } => {
                say!(
                    lang,
                    "نوع هندسه «{found}» است اما Polygon یا MultiPolygon لازم است",
                    "geometry type is “{found}” but Polygon or MultiPolygon is required"
                )
            }
            BadCoordinates { detail } => {
                say!(
                    lang,
                    "مختصات نادرست ({detail})",
                    "bad coordinates ({detail})"
                )
            }
            UnclosedRing { polygon, ring } => {
                let at = ring_at(*polygon, *ring, lang);
                say!(lang, "{at} بسته نیست (نقطهٔ آخر با اول یکی نیست)؛ خودکار بسته شد", "{at} is not closed (last point differs from the first); it was closed automatically")
            }
            TooFewPoints {
                polygon,
                ring,
                count,
            } => {
                let at = ring_at(*polygon, *ring, lang);
                say!(
                    lang,
                    "{at} فقط {count} نقطه دارد (دست‌کم ۴ لازم است)",
                    "{at} has only {count} positions (at least 4 needed)",
                    count = n(*count)
                )
            }
            ZeroAreaRing { polygon, ring } => {
                let at = ring_at(*polygon, *ring, lang);
                say!(lang, "{at} مساحت ندارد", "{at} has no area")
            }
            _ => return None,
        })
    }

    /// Rings that cross themselves, and holes outside their shell or inside another hole.
    pub(super) fn ring_words(&self, lang: Lang) -> Option<String> {
        use ProblemKind::*;
        let n = |x: usize| crate::base::digits::localize_digits(&x.to_string(), lang);
        let f = |x: f64| crate::base::digits::localize_digits(&format!("{x:.6}"), lang);
        Some(match self {
            SelfIntersection {
                polygon,
                ring,
                lon,
                lat,
            } => {
                let at = ring_at(*polygon, *ring, lang);
                say!(
                    lang,
                    "{at} خودش را قطع می‌کند (نزدیک {lat}، {lon})",
                    "{at} crosses itself (near {lat}, {lon})",
                    lat = f(*lat),
                    lon = f(*lon)
                )
            }
            HoleOutsideShell { polygon, ring } => {
                let at = hole_at(*polygon, *ring, lang);
                say!(
                    lang,
                    "{at} بیرون از مرز بیرونی است",
                    "{at} lies outside its shell"
                )
            }
            HoleInsideHole {
                polygon,
                ring,
                other,
            } => {
                let at = hole_at(*polygon, *ring, lang);
                say!(lang, "{at} درون حفرهٔ {other} است یا با آن همپوشانی دارد (حفره‌ها باید از هم جدا باشند)", "{at} lies inside or overlaps hole {other} (holes must be apart)", other = n(*other))
            }
            _ => return None,
        })
    }

    /// A missing id, and coordinate systems that don't fit the coordinates.
    pub(super) fn crs_words(&self, lang: Lang) -> Option<String> {
        use ProblemKind::*;
        let g = |x: f64| crate::base::digits::localize_digits(&error_number(x), lang);
        Some(match self {
            NotAStreet { found } => {
                say!(lang, "هندسهٔ آن «{found}» است؛ فایل خیابان‌ها فقط خط (خیابان) و نقطه (میدان، نشانه) دارد؛ کنار گذاشته شد", "its geometry is “{found}”; a streets file holds lines (streets) and points (squares, landmarks) only; left out")
            }
            UnnamedStreet => {
                say!(
                    lang,
                    "نام (name) ندارد؛ نه برچسب می‌خورد و نه جست‌وجو می‌شود؛ کنار گذاشته شد",
                    "has no name; it can't be labelled or searched, and is left out"
                )
            }
            MissingId => {
                say!(
                    lang,
                    "شناسه (id یا block_id) ندارد؛ شماره‌اش به‌جای شناسه به کار رفت",
                    "has no id (id or block_id); its index is used instead"
                )
            }
            SwappedAxes => {
                say!(lang, "مختصات به ترتیب عرض، طول نوشته شده‌اند (محورها جابه‌جا هستند)؛ GeoJSON طول، عرض می‌خواهد: دوباره با ترتیب طول، عرض خروجی بگیرید (در QGIS: ذخیره به GeoJSON با EPSG:4326)", "coordinates are written latitude, longitude (swapped axes); GeoJSON requires longitude, latitude: export it again longitude first (in QGIS: save as GeoJSON in EPSG:4326)")
            }
            UndeclaredProjected => {
                say!(lang, "مختصات به متر (تصویر UTM) هستند اما سیستم مختصات اعلام نشده است. در مانیفست \"crs\": \"EPSG:32639\" بگذارید یا هنگام خروجی از QGIS سیستم مختصات را نگه دارید", "coordinates are in metres (a UTM projection) but no coordinate system is declared. Set \"crs\": \"EPSG:32639\" in the manifest, or keep the CRS when exporting from QGIS")
            }
            DeclaredProjectedButDegrees { crs } => {
                say!(
                    lang,
                    "سیستم مختصات {crs} اعلام شده اما مقادیر به درجه‌اند",
                    "{crs} is declared but the values are in degrees"
                )
            }
            DeclaredDegreesButMetres => {
                say!(
                    lang,
                    "طول و عرض جغرافیایی اعلام شده اما مقادیر به متر (UTM) هستند",
                    "longitude/latitude is declared but the values are in metres (UTM)"
                )
            }
            UnsupportedCrs { crs } => {
                say!(lang, "سیستم مختصات «{crs}» پشتیبانی نمی‌شود؛ به EPSG:4326 یا EPSG:32639 تبدیل کنید", "coordinate system “{crs}” is not supported; reproject to EPSG:4326 or EPSG:32639")
            }
            // No position to give (the file as a whole looks like none of the systems).
            OutsideIran { lon, lat } if lon.is_nan() || lat.is_nan() => {
                say!(
                    lang,
                    "مختصات بیرون از ایران است: سیستم مختصات یا ناحیهٔ UTM اشتباه است",
                    "the coordinates fall outside Iran: wrong coordinate system or UTM zone"
                )
            }
            OutsideIran { lon, lat } => {
                say!(lang, "مختصات در (عرض {}، طول {}) و بیرون از ایران است: سیستم مختصات یا ناحیهٔ UTM اشتباه است", "the coordinates fall at (latitude {}, longitude {}), outside Iran: wrong coordinate system or UTM zone", g(*lat), g(*lon))
            }
            EmptyLayer => {
                say!(lang, "هیچ عارضهٔ معتبری ندارد", "has no valid feature")
            }
            _ => return None,
        })
    }
    /// What happened because of it, for problems that leave a feature out.
    pub fn consequence(&self, lang: Lang) -> Option<&'static str> {
        use ProblemKind::*;
        match self {
            FeatureNotObject
            | NullGeometry
            | EmptyGeometry
            | WrongGeometryType { .. }
            | GeometryNotObject
            | BadCoordinates { .. }
            | NullPosition { .. }
            | BadPosition { .. }
            | NotPolygons
            | NotRings { .. }
            | NotPositions { .. }
            | Unconvertible { .. }
            | MixedCrs { .. }
            | TooFewPoints { .. }
            | ZeroAreaRing { .. }
            | SelfIntersection { .. }
            | HoleOutsideShell { .. }
            | HoleInsideHole { .. } => {
                Some(lang.pick("این عارضه کنار گذاشته شد", "this feature was left out"))
            }
            JsonSyntax { .. }
            | JsonStructure { .. }
            | NoFeatures
            | NotGeoJson { .. }
            | NotAFeatureCollection { .. } => {
                Some(lang.pick("این فایل بارگذاری نشد", "the file was not loaded"))
            }
            FieldInvalid(e) if e.file == crate::error::DataFile::Packages => Some(lang.pick(
                "بسته‌های تشویقی بارگذاری نشد",
                "the incentive packages were not loaded",
            )),
            _ => None,
        }
    }
}
