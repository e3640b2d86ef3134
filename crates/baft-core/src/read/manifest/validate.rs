//! Reading and checking a manifest: the values serde can't check.

#[allow(unused_imports)]
use super::*;
use crate::geometry::crs::SourceCrs;

impl Manifest {
    /// Parses and validates a manifest. Errors name the field (`layers[1].versions[0].approved`).
    pub fn parse(text: &str) -> Result<Manifest, Vec<FieldError>> {
        let text = text.strip_prefix('\u{FEFF}').unwrap_or(text);
        let m: Manifest = serde_json::from_str(text)
            .map_err(|e| vec![FieldError::from_serde(DataFile::Manifest, text, &e)])?;
        let errs = m.validate();
        if errs.is_empty() {
            Ok(m)
        } else {
            Err(errs)
        }
    }

    /// Checks values serde can't: ranges, dates that agree, unique ids, known CRSs.
    pub fn validate(&self) -> Vec<FieldError> {
        let mut e = Vec::new();
        self.general_errors(&mut e);
        self.setting_errors(&mut e);
        let mut ids = std::collections::HashSet::new();
        for (i, l) in self.layers.iter().enumerate() {
            if !ids.insert(&l.id) {
                e.push(FieldError::manifest(
                    format!("layers[{i}].id"),
                    FieldKind::Duplicate,
                    format!("شناسهٔ تکراری «{}»", l.id),
                    format!("duplicate id “{}”", l.id),
                ));
            }
            layer_errors(&mut e, i, l);
        }
        e
    }

    /// Pushes the problems of the format version, the city centre, the embedding origins and
    /// the city envelope, in that order.
    fn general_errors(&self, e: &mut Vec<FieldError>) {
        e.extend(FieldError::version(
            DataFile::Manifest,
            self.format_version,
            FORMAT_VERSION,
        ));
        let [lon, lat] = self.city.center;
        if !crate::geometry::crs::in_iran(lon, lat) {
            e.push(FieldError::manifest(
                "city.center",
                FieldKind::OutOfRange,
                "مرکز شهر باید [طول، عرض] و در ایران باشد".into(),
                "the city centre must be [lon, lat] inside Iran".into(),
            ));
        }
        for (i, o) in self.embed.allowed_origins.iter().enumerate() {
            if !is_origin(o) {
                e.push(FieldError::manifest(
                    format!("embed.allowed_origins[{i}]"),
                FieldKind::BadValue,
                    format!("«{o}» یک مبدأ نیست؛ به شکل https://qods.ir بنویسید (بدون مسیر و / پایانی، با حروف کوچک)"),
                    format!("“{o}” is not an origin; write it like https://qods.ir (no path or trailing /, lower case)"),
                ));
            }
        }
        let [a, b, c, d] = self.city.envelope;
        if !(a < c
            && b < d
            && crate::geometry::crs::in_iran(a, b)
            && crate::geometry::crs::in_iran(c, d))
        {
            e.push(FieldError::manifest(
                "city.envelope",
                FieldKind::OutOfRange,
                "محدوده باید [کمینهٔ طول، کمینهٔ عرض، بیشینهٔ طول، بیشینهٔ عرض] و در ایران باشد".into(),
                "the envelope must be [min_lon, min_lat, max_lon, max_lat] inside Iran".into(),
            ));
        }
    }

    /// Pushes the problems of the checking tolerances, a missing layer list and unsafe file
    /// paths, in that order.
    fn setting_errors(&self, e: &mut Vec<FieldError>) {
        if let Some(p) = &self.published {
            e.extend(FieldError::date(DataFile::Manifest, "", "published", p));
        }
        let t = self.checking.boundary_tolerance_m;
        if !(0.0..=50.0).contains(&t) {
            e.push(FieldError::manifest(
                "checking.boundary_tolerance_m",
                FieldKind::OutOfRange,
                "باید بین ۰ و ۵۰ متر باشد".into(),
                "must be between 0 and 50 metres".into(),
            ));
        }
        let th = self.checking.plot_inside_threshold;
        if !(th > 0.0 && th <= 1.0) {
            e.push(FieldError::manifest(
                "checking.plot_inside_threshold",
                FieldKind::OutOfRange,
                "باید بیشتر از ۰ و حداکثر ۱ باشد".into(),
                "must be greater than 0 and at most 1".into(),
            ));
        }
        if self.layers.is_empty() {
            e.push(FieldError::manifest(
                "layers",
                FieldKind::Missing,
                "دست‌کم یک لایه لازم است".into(),
                "at least one layer is required".into(),
            ));
        }
        for (field, p) in [
            ("packages", self.packages.as_ref()),
            ("parcels.file", self.parcels.as_ref().map(|p| &p.file)),
            ("offices", self.offices.as_ref()),
            ("streets", self.streets.as_ref()),
            ("blocks", self.blocks.as_ref()),
        ] {
            let Some(p) = p else { continue };
            if !safe_relative(p) {
                e.push(FieldError::manifest(
                    field,
                    FieldKind::BadPath,
                    "مسیر باید نسبی و درون پوشهٔ داده باشد".into(),
                    "the path must be relative and inside the data folder".into(),
                ));
            }
        }
    }
}

/// One layer's problems: its boundary versions, the current one, dates that agree, CRSs and
/// file paths.
fn layer_errors(e: &mut Vec<FieldError>, i: usize, l: &LayerSpec) {
    let f = |s: &str| format!("layers[{i}].{s}");
    if l.versions.is_empty() {
        e.push(FieldError::manifest(
            f("versions"),
            FieldKind::Missing,
            "دست‌کم یک نسخهٔ مرز لازم است".into(),
            "at least one boundary version is required".into(),
        ));
    }
    if let Some(c) = &l.current {
        if !l.versions.iter().any(|v| &v.id == c) {
            e.push(FieldError::manifest(
                f("current"),
                FieldKind::Unknown,
                format!("نسخهٔ «{c}» در versions نیست"),
                format!("version “{c}” is not in versions"),
            ));
        }
    }
    for (j, v) in l.versions.iter().enumerate() {
        let g = |s: &str| format!("layers[{i}].versions[{j}].{s}");
        e.extend(FieldError::date(
            DataFile::Manifest,
            "",
            &g("approved"),
            &v.approved,
        ));
        if let Some(c) = &v.crs {
            if SourceCrs::parse(c).is_err() {
                e.push(FieldError::manifest(
                    g("crs"),
                    FieldKind::Unsupported,
                    format!("«{c}» پشتیبانی نمی‌شود؛ EPSG:4326 یا EPSG:32639"),
                    format!("“{c}” is not supported; use EPSG:4326 or EPSG:32639"),
                ));
            }
        }
        if !safe_relative(&v.file) {
            e.push(FieldError::manifest(
                g("file"),
                FieldKind::BadPath,
                "مسیر باید نسبی و درون پوشهٔ داده باشد".into(),
                "the path must be relative and inside the data folder".into(),
            ));
        }
    }
}
