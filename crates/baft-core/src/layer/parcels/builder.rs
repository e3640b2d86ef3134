//! Building a parcel layer a slice at a time, so that a page stays responsive.

#[allow(unused_imports)]
use super::*;
use crate::geometry::crs::SourceCrs;
use crate::geometry::projection::TransverseMercator;
use crate::layer::Layer;
use crate::read::manifest::ParcelsSpec;
use crate::Problem;

/// Builds a parcel layer from a FlatGeobuf file a slice at a time, so that a page can stay
/// responsive (and answer with the plots read so far) while a large layer loads; or from the
/// features read by range requests ([`ParcelsBuilder::by_ranges`], [`ParcelsBuilder::add`]).
pub struct ParcelsBuilder<'a> {
    /// The whole file's reader; `None` when the features come by range requests.
    reader: Option<crate::read::fgb::FgbChunks<'a>>,
    /// Whether the plots' positions are lon/lat (the manifest's CRS, else the file's header).
    lon_lat: bool,
    layer: Layer,
    file: String,
    frame: TransverseMercator,
}

impl<'a> ParcelsBuilder<'a> {
    /// Starts a build from a FlatGeobuf file's bytes: checks the header (CRS, columns); `Err`
    /// when the bytes are not a readable FlatGeobuf file.
    pub fn new(
        spec: &ParcelsSpec,
        bytes: &'a [u8],
        frame: &TransverseMercator,
    ) -> Result<ParcelsBuilder<'a>, Problem> {
        let reader =
            crate::read::fgb::FgbChunks::new(&spec.file, bytes)?.naming_by(Some(spec.id_key()));
        let lon_lat = lon_lat(spec, reader.is_lon_lat());
        Ok(Self::empty(spec, Some(reader), lon_lat, frame))
    }

    /// Starts a build that is given its features ([`Self::add`]) as range requests read them.
    pub fn by_ranges(
        spec: &ParcelsSpec,
        reader: &crate::read::fgb::FgbRanges,
        frame: &TransverseMercator,
    ) -> ParcelsBuilder<'static> {
        ParcelsBuilder::empty(spec, None, lon_lat(spec, reader.is_lon_lat()), frame)
    }

    fn empty(
        spec: &ParcelsSpec,
        reader: Option<crate::read::fgb::FgbChunks<'a>>,
        lon_lat: bool,
        frame: &TransverseMercator,
    ) -> ParcelsBuilder<'a> {
        let (lspec, version) = ParcelLayer::spec_for(spec);
        let mut layer = Layer::load_raw(&lspec, &version, &spec.file, Default::default(), frame);
        layer.problems.clear();
        ParcelsBuilder {
            reader,
            lon_lat,
            layer,
            file: spec.file.clone(),
            frame: *frame,
        }
    }

    /// Whether the plots' positions are lon/lat (the manifest's CRS, else the file's header):
    /// boxes ([`Self::bbox_near`]) can only be asked of such a file.
    pub fn is_lon_lat(&self) -> bool {
        self.lon_lat
    }

    /// The box within `radius_m` of (`lon`, `lat`), in the file's CRS: lon/lat, or `None` when
    /// the file is in UTM (boxes are asked in lon/lat).
    pub fn bbox_near(&self, lon: f64, lat: f64, radius_m: f64) -> Option<[f64; 4]> {
        if !self.lon_lat {
            return None;
        }
        let dlat = radius_m / 111_320.0;
        let dlon = dlat / lat.to_radians().cos().max(0.01);
        Some([lon - dlon, lat - dlat, lon + dlon, lat + dlat])
    }

    /// Whether [`Self::resume`] can go on with these bytes: the whole file `read` has read by
    /// ranges (not shorter than it was then, its header reading). Asked first, so that a reader that
    /// cannot go on keeps its plots and goes on reading by ranges.
    pub fn can_resume(
        &self,
        bytes: &[u8],
        read: &crate::read::fgb::FgbRanges,
    ) -> Result<(), Problem> {
        read.is_whole(bytes)?;
        crate::read::fgb::FgbChunks::new(&self.file, bytes).map(|_| ())
    }

    /// Goes on with the whole file's bytes after plots read by range requests (`read`): the
    /// plots already prepared keep their places (an answer's plot number stays valid), and the
    /// file's other plots follow them ([`Self::near`], [`Self::step`]).
    pub fn resume<'b>(
        self,
        bytes: &'b [u8],
        read: &crate::read::fgb::FgbRanges,
    ) -> Result<ParcelsBuilder<'b>, Problem> {
        let mut reader = crate::read::fgb::FgbChunks::new(&self.file, bytes)?
            .naming_by(self.layer.spec.id_property.as_deref());
        reader.pass_over(read.read_offsets());
        Ok(ParcelsBuilder {
            reader: Some(reader),
            lon_lat: self.lon_lat,
            layer: self.layer,
            file: self.file,
            frame: self.frame,
        })
    }

    /// Prepares plots read elsewhere (by range requests); returns how many.
    pub fn add(&mut self, raw: crate::read::geojson::RawFile) -> usize {
        let n = raw.features.len();
        self.layer.add_zones(&self.file, raw, &self.frame);
        n
    }

    /// Decodes and prepares the plots within `radius_m` of (`lon`, `lat`) first, found with the
    /// file's index (the map's first view answers before the rest is read). Returns how many
    /// were added: none when the file has no index or is not in lon/lat.
    pub fn near(&mut self, lon: f64, lat: f64, radius_m: f64) -> Result<usize, Problem> {
        let (Some(bbox), Some(reader)) = (self.bbox_near(lon, lat, radius_m), &mut self.reader)
        else {
            return Ok(0);
        };
        let raw = reader.read_near(bbox)?;
        Ok(self.add(raw))
    }

    /// Decodes and prepares up to `n` more plots. Returns how many are left.
    pub fn step(&mut self, n: usize) -> Result<usize, Problem> {
        let Some(reader) = &mut self.reader else {
            return Ok(0);
        };
        let raw = reader.read_chunk(n)?;
        let left = reader.remaining();
        self.add(raw);
        Ok(left)
    }

    /// A usable layer of the plots prepared so far (indexes a copy).
    pub fn snapshot(&self) -> ParcelLayer {
        let mut l = self.layer.clone();
        l.finish(&self.file);
        ParcelLayer::from_layer(l)
    }

    /// The whole layer.
    pub fn finish(mut self) -> ParcelLayer {
        self.layer.finish(&self.file);
        ParcelLayer::from_layer(self.layer)
    }
}

/// Whether the plots' positions are lon/lat: the manifest's CRS wins over the file's header, as
/// for every layer.
pub(super) fn lon_lat(spec: &ParcelsSpec, header_lon_lat: bool) -> bool {
    match spec.crs.as_deref() {
        Some(c) => matches!(SourceCrs::parse(c), Ok(SourceCrs::LonLat)),
        None => header_lon_lat,
    }
}
