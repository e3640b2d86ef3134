//! Building a parcel layer a slice at a time, so that a page stays responsive.

#[allow(unused_imports)]
use super::*;
use crate::geometry::projection::TransverseMercator;
use crate::layer::Layer;
use crate::read::manifest::ParcelsSpec;
use crate::Problem;

/// Builds a parcel layer from a pack a slice at a time, so that a page can stay responsive (and
/// answer with the nearest plots) while a large layer loads.
pub struct ParcelsBuilder<'a> {
    reader: crate::read::pack::PackReader<'a>,
    layer: Layer,
    file: String,
    frame: TransverseMercator,
}

impl<'a> ParcelsBuilder<'a> {
    /// Starts a build from a pack's bytes: checks the header and reads the property names; `Err`
    /// when the bytes are not a readable `.baftpack`.
    pub fn new(
        spec: &ParcelsSpec,
        bytes: &'a [u8],
        frame: &TransverseMercator,
    ) -> Result<ParcelsBuilder<'a>, Problem> {
        let (lspec, version) = ParcelLayer::spec_for(spec);
        let reader = crate::read::pack::PackReader::new(&spec.file, bytes)?;
        let layer = Layer::load_raw(&lspec, &version, &spec.file, Default::default(), frame);
        let mut layer = layer;
        layer.problems.clear();
        Ok(ParcelsBuilder {
            reader,
            layer,
            file: spec.file.clone(),
            frame: *frame,
        })
    }

    /// Decodes and prepares up to `n` more plots. Returns how many are left.
    pub fn step(&mut self, n: usize) -> Result<usize, Problem> {
        let raw = self.reader.read_chunk(n)?;
        self.layer.add_zones(&self.file, raw, &self.frame);
        Ok(self.reader.remaining())
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

/// Length over which two segments lie on the same line (within 5 cm), else 0.
pub(super) fn shared_length(a: &[f64; 4], c: &[f64; 4]) -> f64 {
    let (dx, dy) = (a[2] - a[0], a[3] - a[1]);
    let len = (dx * dx + dy * dy).sqrt();
    if len < 1e-9 {
        return 0.0;
    }
    let dist = |x: f64, y: f64| ((x - a[0]) * dy - (y - a[1]) * dx).abs() / len;
    if dist(c[0], c[1]) > 0.05 || dist(c[2], c[3]) > 0.05 {
        return 0.0;
    }
    let t = |x: f64, y: f64| ((x - a[0]) * dx + (y - a[1]) * dy) / len;
    let (t0, t1) = (t(c[0], c[1]), t(c[2], c[3]));
    let (lo, hi) = (t0.min(t1).max(0.0), t0.max(t1).min(len));
    (hi - lo).max(0.0)
}
