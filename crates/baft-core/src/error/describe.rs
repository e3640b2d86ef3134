//! Each data problem in words, Persian and English, and what it meant for loading.

use super::*;

impl ProblemKind {
    /// What is wrong, without the consequence for loading.
    pub fn describe(&self, lang: Lang) -> String {
        use ProblemKind::*;
        let fa = lang == Lang::Fa;
        let n = |x: usize| crate::base::digits::localize_digits(&x.to_string(), lang);
        let f = |x: f64| crate::base::digits::localize_digits(&format!("{x:.6}"), lang);
        let g = |x: f64| crate::base::digits::localize_digits(&error_number(x), lang);
        match self {
            JsonSyntax { detail } => {
                let t = crate::read::json_error::describe(detail, lang);
                say!(lang, "خطای نحوی JSON: {t}", "JSON syntax error: {t}")
            }
            JsonStructure { field, detail } => {
                let t = crate::read::json_error::describe(detail, lang);
                match (fa, field.is_empty()) {
                    (_, true) => t,
                    (true, false) => format!("فیلد «{field}»: {t}"),
                    (false, false) => format!("field “{field}”: {t}"),
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
            NullPosition {
                polygon,
                ring,
                position,
            } => {
                if fa {
                    format!(
                        "نقطهٔ {} از حلقهٔ {} از چندضلعی {} خالی (null) است",
                        n(*position),
                        n(*ring),
                        n(*polygon)
                    )
                } else {
                    format!("position {position} of ring {ring} of polygon {polygon} is null")
                }
            }
            BadPosition {
                polygon,
                ring,
                position,
            } => {
                if fa {
                    format!(
                        "نقطهٔ {} از حلقهٔ {} از چندضلعی {} یک جفت عدد [x، y] نیست",
                        n(*position),
                        n(*ring),
                        n(*polygon)
                    )
                } else {
                    format!("position {position} of ring {ring} of polygon {polygon} is not a pair of numbers [x, y]")
                }
            }
            NotPolygons => {
                say!(
                    lang,
                    "مختصات MultiPolygon باید فهرستی از چندضلعی‌ها باشد",
                    "MultiPolygon coordinates must be a list of polygons"
                )
            }
            NotRings { polygon } => {
                if fa {
                    format!("چندضلعی {} فهرستی از حلقه‌ها نیست", n(*polygon))
                } else {
                    format!("polygon {polygon} is not a list of rings")
                }
            }
            NotPositions { polygon, ring } => {
                if fa {
                    format!(
                        "حلقهٔ {} از چندضلعی {} فهرستی از نقطه‌ها نیست",
                        n(*ring),
                        n(*polygon)
                    )
                } else {
                    format!("ring {ring} of polygon {polygon} is not a list of positions")
                }
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
            WindingOrder { polygon, ring } => {
                if fa {
                    format!("جهت حلقهٔ {} از چندضلعی {} برخلاف RFC 7946 است (بیرونی پادساعتگرد، حفره ساعتگرد)؛ baft fix آن را درست می‌کند", n(*ring), n(*polygon))
                } else {
                    format!("ring {ring} of polygon {polygon} winds the wrong way for RFC 7946 (shells counter-clockwise, holes clockwise); baft fix corrects it")
                }
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
            ManifestInvalid { field, detail } if field.is_empty() => detail.get(lang).to_string(),
            ManifestInvalid { field, detail } => {
                if fa {
                    format!("فیلد «{field}»: {}", detail.fa)
                } else {
                    format!("field “{field}”: {}", detail.en)
                }
            }
            OfficeWithoutLocation => {
                if fa {
                    "دفتر موقعیت ندارد؛ فقط برای محله‌هایی که پوشش می‌دهد نشان داده می‌شود".into()
                } else {
                    "the office has no location; it is only shown for the neighbourhoods it serves"
                        .into()
                }
            }
            PackageInvalid {
                package,
                field,
                detail,
            } => crate::packages::format::package_error_text(package, field, detail, lang),
            FileUnreadable { detail } => {
                let detail = known_detail(detail, lang);
                say!(
                    lang,
                    "فایل خوانده نشد ({detail})؛ این لایه بارگذاری نشد",
                    "the file could not be read ({detail}); the layer was not loaded"
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
                if fa {
                    format!("حلقهٔ {} از چندضلعی {} بسته نیست (نقطهٔ آخر با اول یکی نیست)؛ خودکار بسته شد", n(*ring), n(*polygon))
                } else {
                    format!("ring {ring} of polygon {polygon} is not closed (last point differs from the first); it was closed automatically")
                }
            }
            TooFewPoints {
                polygon,
                ring,
                count,
            } => {
                if fa {
                    format!(
                        "حلقهٔ {} از چندضلعی {} فقط {} نقطه دارد (دست‌کم ۴ لازم است)",
                        n(*ring),
                        n(*polygon),
                        n(*count)
                    )
                } else {
                    format!("ring {ring} of polygon {polygon} has only {count} positions (at least 4 needed)")
                }
            }
            ZeroAreaRing { polygon, ring } => {
                if fa {
                    format!("حلقهٔ {} از چندضلعی {} مساحت ندارد", n(*ring), n(*polygon))
                } else {
                    format!("ring {ring} of polygon {polygon} has no area")
                }
            }
            SelfIntersection {
                polygon,
                ring,
                lon,
                lat,
            } => {
                if fa {
                    format!(
                        "حلقهٔ {} از چندضلعی {} خودش را قطع می‌کند (نزدیک {}، {})",
                        n(*ring),
                        n(*polygon),
                        f(*lat),
                        f(*lon)
                    )
                } else {
                    format!(
                        "ring {ring} of polygon {polygon} crosses itself (near {lat:.6}, {lon:.6})"
                    )
                }
            }
            HoleOutsideShell { polygon, ring } => {
                if fa {
                    format!(
                        "حفرهٔ {} از چندضلعی {} بیرون از مرز بیرونی است",
                        n(*ring),
                        n(*polygon)
                    )
                } else {
                    format!("hole {ring} of polygon {polygon} lies outside its shell")
                }
            }
            HoleInsideHole {
                polygon,
                ring,
                other,
            } => {
                if fa {
                    format!(
                        "حفرهٔ {} از چندضلعی {} درون حفرهٔ {} است یا با آن همپوشانی دارد (حفره‌ها باید از هم جدا باشند)",
                        n(*ring),
                        n(*polygon),
                        n(*other)
                    )
                } else {
                    format!("hole {ring} of polygon {polygon} lies inside or overlaps hole {other} (holes must be apart)")
                }
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
            OutsideIran { lon, lat } => {
                say!(lang, "مختصات در (عرض {}، طول {}) و بیرون از ایران است: سیستم مختصات یا ناحیهٔ UTM اشتباه است", "the coordinates fall at (latitude {}, longitude {}), outside Iran: wrong coordinate system or UTM zone", g(*lat), g(*lon))
            }
            EmptyLayer => {
                say!(lang, "هیچ عارضهٔ معتبری ندارد", "has no valid feature")
            }
        }
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
            PackageInvalid { .. } => Some(lang.pick(
                "بسته‌های تشویقی بارگذاری نشد",
                "the incentive packages were not loaded",
            )),
            _ => None,
        }
    }
}
