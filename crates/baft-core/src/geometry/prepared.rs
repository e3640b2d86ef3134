//! A zone's geometry "prepared" for fast point queries: a flat edge list, and for zones with
//! many edges a horizontal band index, so that point-in-polygon and near-edge tests only look at
//! the edges in the point's band. Coordinates are local metres. Rings run anticlockwise around
//! what they enclose (shells anticlockwise, holes clockwise), whatever the file's winding, as
//! the plot-area computation in [`super::overlap`] needs.

use geo::MultiPolygon;

/// Edges of a zone, with an optional band index for large zones.
#[derive(Debug, Clone)]
pub(crate) struct Prepared {
    edges: Vec<[f64; 4]>,
    bbox: [f64; 4],
    band_y0: f64,
    band_h: f64,
    bands: Vec<Vec<u32>>,
}

/// Zones with more edges than this get a band index.
const BANDED_ABOVE: usize = 48;

impl Prepared {
    pub(crate) fn new(mp: &MultiPolygon<f64>) -> Self {
        let mut edges = Vec::new();
        for p in mp.iter() {
            push_ring(&mut edges, p.exterior(), true);
            for hole in p.interiors() {
                push_ring(&mut edges, hole, false);
            }
        }
        let bbox = bounds(edges.iter().map(|e| [e[0], e[1], e[0], e[1]]));
        let mut prep = Prepared {
            edges,
            bbox,
            band_y0: bbox[1],
            band_h: 1.0,
            bands: Vec::new(),
        };
        if prep.edges.len() > BANDED_ABOVE {
            let n = (prep.edges.len() / 4).clamp(8, 4096);
            let h = ((bbox[3] - bbox[1]) / n as f64).max(1e-9);
            let mut bands = vec![Vec::new(); n];
            for (i, e) in prep.edges.iter().enumerate() {
                let (lo, hi) = (
                    prep.band_of(e[1].min(e[3]), h, n),
                    prep.band_of(e[1].max(e[3]), h, n),
                );
                for b in &mut bands[lo..=hi] {
                    b.push(i as u32);
                }
            }
            prep.band_h = h;
            prep.bands = bands;
        }
        prep
    }

    fn band_of(&self, y: f64, h: f64, n: usize) -> usize {
        (((y - self.band_y0) / h).floor().max(0.0) as usize).min(n - 1)
    }

    fn edges_near_y(&self, y0: f64, y1: f64) -> Box<dyn Iterator<Item = &[f64; 4]> + '_> {
        if self.bands.is_empty() {
            return Box::new(self.edges.iter());
        }
        let n = self.bands.len();
        let (lo, hi) = (
            self.band_of(y0, self.band_h, n),
            self.band_of(y1, self.band_h, n),
        );
        if lo == hi {
            Box::new(self.bands[lo].iter().map(move |&i| &self.edges[i as usize]))
        } else {
            Box::new(
                self.bands[lo..=hi]
                    .iter()
                    .flatten()
                    .map(move |&i| &self.edges[i as usize]),
            )
        }
    }

    /// Crossing-number test (even-odd over all rings): holes and MultiPolygon parts work
    /// because valid parts don't overlap. A point exactly on an edge may go either way;
    /// callers treat points within the tolerance of an edge separately.
    pub(crate) fn contains(&self, x: f64, y: f64) -> bool {
        if x < self.bbox[0] || x > self.bbox[2] || y < self.bbox[1] || y > self.bbox[3] {
            return false;
        }
        let mut inside = false;
        for e in self.edges_near_y(y, y) {
            if (e[1] > y) != (e[3] > y) {
                let xi = e[0] + (y - e[1]) / (e[3] - e[1]) * (e[2] - e[0]);
                if x < xi {
                    inside = !inside;
                }
            }
        }
        inside
    }

    /// The nearest edge within `r` of (x, y): (distance, closest point on it, edge).
    pub(crate) fn nearest_edge_within(
        &self,
        x: f64,
        y: f64,
        r: f64,
    ) -> Option<(f64, (f64, f64), [f64; 4])> {
        let mut best: Option<(f64, (f64, f64), [f64; 4])> = None;
        let r2 = r * r;
        for e in self.edges_near_y(y - r, y + r) {
            let (d2, q) = seg_dist2(x, y, e);
            if d2 <= r2 && best.is_none_or(|b| d2 < b.0) {
                best = Some((d2, q, *e));
            }
        }
        best.map(|(d2, q, e)| (d2.sqrt(), q, e))
    }

    /// All edges within `r` of (x, y), with their closest points.
    pub(crate) fn edges_within(&self, x: f64, y: f64, r: f64) -> Vec<((f64, f64), [f64; 4])> {
        let r2 = r * r;
        self.edges_near_y(y - r, y + r)
            .filter_map(|e| {
                let (d2, q) = seg_dist2(x, y, e);
                (d2 <= r2).then_some((q, *e))
            })
            .collect()
    }

    /// Distance from (x, y) to the nearest edge.
    pub(crate) fn boundary_distance(&self, x: f64, y: f64) -> f64 {
        self.edges
            .iter()
            .map(|e| seg_dist2(x, y, e).0)
            .fold(f64::INFINITY, f64::min)
            .sqrt()
    }

    /// The edges that meet the box `b` (`[min x, min y, max x, max y]`).
    pub(crate) fn edges_meeting(&self, b: [f64; 4]) -> Vec<[f64; 4]> {
        if b[2] < self.bbox[0] || b[0] > self.bbox[2] || b[3] < self.bbox[1] || b[1] > self.bbox[3]
        {
            return Vec::new();
        }
        let meets = |e: &[f64; 4]| {
            e[0].max(e[2]) >= b[0]
                && e[0].min(e[2]) <= b[2]
                && e[1].max(e[3]) >= b[1]
                && e[1].min(e[3]) <= b[3]
        };
        if self.bands.is_empty() {
            return self.edges.iter().filter(|e| meets(e)).copied().collect();
        }
        // An edge across several bands is listed in each: take each once.
        let n = self.bands.len();
        let (lo, hi) = (
            self.band_of(b[1], self.band_h, n),
            self.band_of(b[3], self.band_h, n),
        );
        let mut found: Vec<u32> = self.bands[lo..=hi]
            .iter()
            .flatten()
            .copied()
            .filter(|&i| meets(&self.edges[i as usize]))
            .collect();
        found.sort_unstable();
        found.dedup();
        found.iter().map(|&i| self.edges[i as usize]).collect()
    }

    pub(crate) fn bbox(&self) -> [f64; 4] {
        self.bbox
    }
}

/// The box `[min x, min y, max x, max y]` holding `boxes` (infinite and inverted for none).
pub(crate) fn bounds(boxes: impl Iterator<Item = [f64; 4]>) -> [f64; 4] {
    boxes.fold(
        [
            f64::INFINITY,
            f64::INFINITY,
            f64::NEG_INFINITY,
            f64::NEG_INFINITY,
        ],
        |e, b| {
            [
                e[0].min(b[0]),
                e[1].min(b[1]),
                e[2].max(b[2]),
                e[3].max(b[3]),
            ]
        },
    )
}

/// Appends the edges of a closed ring, reversed if needed so that the ring runs anticlockwise
/// (`shell`) or clockwise (a hole).
pub(crate) fn push_ring(edges: &mut Vec<[f64; 4]>, ring: &geo::LineString<f64>, shell: bool) {
    let pts = &ring.0;
    if pts.len() < 2 {
        return;
    }
    let (ox, oy) = (pts[0].x, pts[0].y);
    let twice_area: f64 = pts
        .windows(2)
        .map(|w| (w[0].x - ox) * (w[1].y - oy) - (w[1].x - ox) * (w[0].y - oy))
        .sum();
    if (twice_area > 0.0) == shell {
        edges.extend(pts.windows(2).map(|w| [w[0].x, w[0].y, w[1].x, w[1].y]));
    } else {
        edges.extend(
            pts.windows(2)
                .rev()
                .map(|w| [w[1].x, w[1].y, w[0].x, w[0].y]),
        );
    }
}

/// Squared distance from a point to a segment, and the closest point.
pub(crate) fn seg_dist2(x: f64, y: f64, e: &[f64; 4]) -> (f64, (f64, f64)) {
    let (dx, dy) = (e[2] - e[0], e[3] - e[1]);
    let len2 = dx * dx + dy * dy;
    let t = if len2 > 0.0 {
        (((x - e[0]) * dx + (y - e[1]) * dy) / len2).clamp(0.0, 1.0)
    } else {
        0.0
    };
    let (qx, qy) = (e[0] + t * dx, e[1] + t * dy);
    ((x - qx) * (x - qx) + (y - qy) * (y - qy), (qx, qy))
}
