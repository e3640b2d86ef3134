//! Loading a dataset: every file of the [load plan](crate::read::plan), or one zones file
//! without a manifest.

use super::Dataset;
use crate::error::{BaftError, Problem};
use crate::geometry::projection::TransverseMercator;
use crate::layer::Layer;
use crate::read::manifest::{
    ApprovalDate, Basemap, BoundaryVersion, CheckSettings, City, LayerKind, LayerSpec, LocalText,
    Manifest, Source, FORMAT_VERSION,
};
use crate::read::plan::{load_plan, Planned, Role};
use geo::{BoundingRect, LineString};

/// A file's contents, as the caller read it.
#[derive(Debug, Clone)]
pub enum FileBody<'a> {
    /// Text.
    Text(&'a str),
    /// Bytes: UTF-8 text, or a FlatGeobuf layer.
    Bytes(&'a [u8]),
    /// Bytes handed over: a FlatGeobuf parcel layer is then kept and read in place
    /// ([`Dataset::set_parcels_fgb_owned`]); any other file as [`FileBody::Bytes`].
    Owned(Vec<u8>),
}

impl Dataset {
    /// Loads a manifest and every file it lists through `read`, which maps a path relative to
    /// the manifest to the file's text.
    pub fn load(
        manifest_text: &str,
        mut read: impl FnMut(&str) -> Result<String, BaftError>,
    ) -> Result<(Dataset, Vec<Problem>), BaftError> {
        Self::load_bytes(manifest_text, |p| read(p).map(String::into_bytes))
    }

    /// Like [`Self::load`], with a reader of bytes (packs are binary). Files are read in the
    /// order of the [load plan](crate::read::plan).
    pub fn load_bytes(
        manifest_text: &str,
        mut read_bytes: impl FnMut(&str) -> Result<Vec<u8>, BaftError>,
    ) -> Result<(Dataset, Vec<Problem>), BaftError> {
        let manifest =
            Manifest::parse(manifest_text).map_err(|errors| BaftError::BadManifest { errors })?;
        let mut ds = Dataset::new(manifest);
        let mut problems = Vec::new();
        for file in load_plan(&ds.manifest) {
            // Decoded whole (borrowed bytes), so that every plot's problems are reported: the
            // CLI is staff's tool. The app and the JS API hand the bytes over, read in place.
            let bytes = read_bytes(&file.path)?;
            problems.extend(ds.add_file(&file, FileBody::Bytes(&bytes))?);
        }
        Ok((ds, problems))
    }

    /// Adds one planned file's contents (see [`crate::read::plan`]); returns the problems found
    /// in it. Text must be UTF-8 (a byte-order mark is dropped); a packed parcel layer must come
    /// as bytes.
    pub fn add_file(&mut self, file: &Planned, body: FileBody) -> Result<Vec<Problem>, BaftError> {
        let path = file.path.as_str();
        let held: Vec<u8>;
        let (given_text, given_bytes): (Option<&str>, Option<&[u8]>) = match body {
            FileBody::Owned(b) if file.binary && matches!(file.role, Role::Parcels) => {
                return Ok(self.set_parcels_fgb_owned(b))
            }
            FileBody::Owned(b) => {
                held = b;
                (None, Some(&held))
            }
            FileBody::Bytes(b) => (None, Some(b)),
            FileBody::Text(t) => (Some(t), None),
        };
        // Borrowed, never copied: a parcel layer can be tens of MB, and wasm memory never
        // shrinks, so every copy raises the page's memory for good.
        let text = || -> Result<&str, BaftError> {
            match (given_text, given_bytes) {
                (Some(t), _) => Ok(t.strip_prefix('\u{FEFF}').unwrap_or(t)),
                (None, b) => {
                    let b = b.unwrap_or_default();
                    let b = b.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(b);
                    std::str::from_utf8(b).map_err(|_| BaftError::Io {
                        path: path.into(),
                        why: crate::error::Unreadable::NotUtf8,
                    })
                }
            }
        };
        // A zones layer: FlatGeobuf from bytes, GeoJSON from text.
        let layer = |ds: &Self, spec, version| -> Result<Layer, BaftError> {
            Ok(match given_bytes {
                Some(b) if file.binary => Layer::from_fgb(spec, version, path, b, &ds.frame),
                None if file.binary => return Err(BaftError::PackAsText { file: path.into() }),
                _ => Layer::load(spec, version, path, text()?, &ds.frame),
            })
        };
        Ok(match &file.role {
            Role::Layer { spec, version } => {
                let l = layer(self, spec, version)?;
                self.put_layer(l)
            }
            Role::Version { spec, version } => {
                let l = layer(self, spec, version)?;
                self.put_other_version(l)
            }
            Role::Packages => self.set_packages(path, text()?),
            Role::Offices => self.set_offices(path, text()?),
            Role::Streets => self.set_streets(path, text()?),
            Role::Parcels if file.binary => match given_bytes {
                Some(b) => self.set_parcels_fgb(b, None),
                None => return Err(BaftError::PackAsText { file: path.into() }),
            },
            Role::Parcels => self.set_parcels(text()?),
        })
    }

    /// A dataset of one GeoJSON file, without a manifest (`baft check --zones`): one layer of
    /// kind worn-out fabric, default settings, centred on the file's data.
    pub fn from_single_file(name: &str, text: &str) -> Result<Dataset, BaftError> {
        let (ds, problems) = Self::from_single_file_with_problems(name, text)?;
        if !ds.layers.iter().any(Layer::is_usable) {
            return Err(BaftError::UnusableFile {
                file: name.into(),
                problem: problems.into_iter().next().map(Box::new),
            });
        }
        Ok(ds)
    }

    /// Like [`Self::from_single_file`], also returning the problems found.
    pub fn from_single_file_with_problems(
        name: &str,
        text: &str,
    ) -> Result<(Dataset, Vec<Problem>), BaftError> {
        let (spec, version) = single_file_layer(name);
        // First pass in a provisional frame to find the data's centre.
        let probe = Layer::load(
            &spec,
            &version,
            name,
            text,
            &TransverseMercator::local(51.0, 32.0),
        );
        let manifest = single_file_manifest(name, &spec, envelope_of(&probe));
        let mut ds = Dataset::new(manifest);
        let problems = ds.add_layer(&spec, &version, name, text);
        Ok((ds, problems))
    }
}

/// The one layer of a single file: kind worn-out fabric, one version named after the file.
fn single_file_layer(name: &str) -> (LayerSpec, BoundaryVersion) {
    let version = BoundaryVersion {
        id: "file".into(),
        title: LocalText::new(name, name),
        file: name.into(),
        approved: ApprovalDate {
            jalali: "".into(),
            iso: "".into(),
        },
        approved_by: LocalText::default(),
        crs: None,
    };
    let spec = LayerSpec {
        id: "zones".into(),
        kind: LayerKind::WornOutFabric,
        name: LocalText::new(name, name),
        versions: vec![version.clone()],
        current: None,
        source: Source::default(),
        id_property: None,
        name_property: None,
        name_en_property: None,
        colour: "#c0392b".into(),
    };
    (spec, version)
}

/// The lon/lat envelope `[min lon, min lat, max lon, max lat]` of a layer's zones; Iran's, when
/// the layer has none.
fn envelope_of(layer: &Layer) -> [f64; 4] {
    let polygons = layer.zones.iter().flat_map(|z| z.lon_lat.iter());
    let corners = polygons.flat_map(|p| p.exterior().0.iter().copied());
    match LineString::from_iter(corners).bounding_rect() {
        Some(r) => [r.min().x, r.min().y, r.max().x, r.max().y],
        None => [44.0, 25.0, 63.0, 40.0],
    }
}

/// The manifest of a single file's dataset: default settings, centred on `envelope`.
fn single_file_manifest(name: &str, spec: &LayerSpec, envelope: [f64; 4]) -> Manifest {
    let [minx, miny, maxx, maxy] = envelope;
    Manifest {
        format_version: FORMAT_VERSION,
        data_version: name.into(),
        sample_data: false,
        published: None,
        title: LocalText::new(name, name),
        city: City {
            name: LocalText::new(name, name),
            center: [(minx + maxx) / 2.0, (miny + maxy) / 2.0],
            envelope,
            utm_zone: crate::geometry::projection::utm_zone_for((minx + maxx) / 2.0),
        },
        checking: CheckSettings::default(),
        basemap: Basemap::default(),
        layers: vec![spec.clone()],
        packages: None,
        parcels: None,
        offices: None,
        streets: None,
        blocks: None,
        designation: None,
        embed: Default::default(),
    }
}

#[cfg(test)]
mod tests {
    use super::Dataset;

    /// Two zones apart, one with a hole: the envelope spans both outer rings, and the city's
    /// centre is its middle.
    #[test]
    fn a_single_file_is_centred_on_all_its_zones() {
        let zones = r#"{"type":"FeatureCollection","features":[
          {"type":"Feature","properties":{"id":"a"},"geometry":{"type":"Polygon","coordinates":[
            [[50.90,35.70],[50.92,35.70],[50.92,35.72],[50.90,35.72],[50.90,35.70]],
            [[50.905,35.705],[50.91,35.705],[50.91,35.71],[50.905,35.71],[50.905,35.705]]]}},
          {"type":"Feature","properties":{"id":"b"},"geometry":{"type":"MultiPolygon","coordinates":[
            [[[50.95,35.68],[50.97,35.68],[50.96,35.69],[50.95,35.68]]]]}}]}"#;
        let city = Dataset::from_single_file("zones.geojson", zones)
            .unwrap()
            .manifest
            .city;
        assert_eq!(city.envelope, [50.90, 35.68, 50.97, 35.72]);
        assert!((city.center[0] - 50.935).abs() < 1e-12 && (city.center[1] - 35.70).abs() < 1e-12);
        assert_eq!(city.utm_zone, 39);
    }
}
