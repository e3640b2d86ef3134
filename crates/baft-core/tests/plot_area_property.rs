//! A plot's share in a layer as a property, against `geo`'s boolean operations (an independent
//! engine: Baft computes the area by Green's theorem, `geometry::overlap`): random star-shaped
//! zones with sharp spikes and reflex notches, holes, MultiPolygons, zones sharing an edge and
//! zones overlapping, parts and holes side by side and a zone repeated, in lon/lat and in UTM; plots that share a zone's edge from inside and from
//! outside, that have a corner at a zone's vertex or on an edge's midpoint, that cross edges, and
//! plots anywhere. An outside plot's distance to the layer is compared with `geo`'s too.

mod common;
use baft_core::dataset::Dataset;
use baft_core::geometry::crs::SourceCrs;
use baft_core::layer::{project_polygons, Zone};
use common::shapes::{geojson, random_layer, reference_union, square, Ring};
use common::Rng;
use geo::{Area, BooleanOps, Distance, Euclidean, MultiPolygon};

type LonLat = (f64, f64);

/// A quadrilateral on the edge `a`–`b` (lon/lat, taken from a zone's own coordinates), `depth`
/// metres to the left of it (negative: to the right), its far side skewed by `skew` metres.
fn on_edge(ds: &Dataset, a: LonLat, b: LonLat, depth: f64, skew: f64) -> Vec<LonLat> {
    let (ax, ay) = ds.frame.forward(a.0, a.1);
    let (bx, by) = ds.frame.forward(b.0, b.1);
    let len = ((bx - ax).powi(2) + (by - ay).powi(2)).sqrt().max(1e-9);
    let (nx, ny) = (-(by - ay) / len * depth, (bx - ax) / len * depth);
    let (ux, uy) = ((bx - ax) / len * skew, (by - ay) / len * skew);
    let c = ds.frame.inverse(bx + nx + ux, by + ny + uy);
    let d = ds.frame.inverse(ax + nx - ux, ay + ny - uy);
    let mut ring = vec![a, b, c, d, a];
    if depth < 0.0 {
        ring.reverse();
    }
    ring
}

/// A random quadrilateral around (x, y) local metres, 3 to 40 m across, rotated.
fn anywhere(ds: &Dataset, rng: &mut Rng, x: f64, y: f64) -> Vec<LonLat> {
    let (w, h, t) = (3.0 + rng.f() * 37.0, 3.0 + rng.f() * 37.0, rng.f() * 6.3);
    let (c, s) = (t.cos(), t.sin());
    let mut ring: Vec<LonLat> = [(0.0, 0.0), (w, 0.0), (w, h), (0.0, h)]
        .iter()
        .map(|&(u, v)| ds.frame.inverse(x + u * c - v * s, y + u * s + v * c))
        .collect();
    ring.push(ring[0]);
    ring
}

/// Plots around every edge of every zone: sharing it from inside and outside, with a corner at
/// its start vertex, or at its midpoint; then plots anywhere.
fn test_plots(ds: &Dataset, rng: &mut Rng, zones: &[Zone]) -> Vec<Vec<LonLat>> {
    let mut plots = Vec::new();
    for z in zones {
        for p in &z.lon_lat.0 {
            for ring in std::iter::once(p.exterior()).chain(p.interiors()) {
                for w in ring.0.windows(2) {
                    let (a, b) = ((w[0].x, w[0].y), (w[1].x, w[1].y));
                    let depth = (2.0 + rng.f() * 20.0) * if rng.f() < 0.5 { 1.0 } else { -1.0 };
                    plots.push(on_edge(ds, a, b, depth, (rng.f() - 0.5) * 10.0));
                    let (x, y) = ds.frame.forward(a.0, a.1);
                    let mut corner = anywhere(ds, rng, x, y);
                    corner[0] = a;
                    *corner.last_mut().unwrap() = a;
                    plots.push(corner);
                    let m = ((a.0 + b.0) / 2.0, (a.1 + b.1) / 2.0);
                    let (x, y) = ds.frame.forward(m.0, m.1);
                    plots.push(anywhere(ds, rng, x - 10.0, y - 10.0));
                }
            }
        }
    }
    for _ in 0..60 {
        let (x, y) = (-600.0 + rng.f() * 1500.0, -400.0 + rng.f() * 800.0);
        plots.push(anywhere(ds, rng, x, y));
    }
    plots
}

/// Features whose parts, holes and copies share edges: two squares as one MultiPolygon, the
/// second square again as a feature of its own, and a block with two holes side by side.
fn shared_edges() -> Vec<Vec<Vec<Ring>>> {
    let rev = |mut r: Ring| {
        r.reverse();
        r
    };
    vec![
        vec![
            vec![square(300.0, -500.0, 40.0)],
            vec![square(340.0, -500.0, 40.0)],
        ],
        vec![vec![square(340.0, -500.0, 40.0)]],
        vec![vec![
            square(-300.0, 250.0, 100.0),
            rev(square(-280.0, 270.0, 30.0)),
            rev(square(-250.0, 270.0, 30.0)),
        ]],
    ]
}

/// Checks every test plot of one random layer; returns how many were compared.
fn agree(seed: u64, utm: bool) -> usize {
    let mut rng = Rng(seed);
    let mut layer = random_layer(&mut rng);
    layer.extend(shared_edges());
    let ds = Dataset::from_single_file("zones.geojson", &geojson(&layer, utm)).unwrap();
    let zones = &ds.layers[0].zones;
    let union = reference_union(zones);
    let (mut compared, mut distances) = (0, 0);
    for ring in test_plots(&ds, &mut rng, zones) {
        // The plot in local metres exactly as Baft projects it.
        let Ok((_, local)) = project_polygons(&[vec![ring.clone()]], SourceCrs::LonLat, &ds.frame)
        else {
            continue; // a skewed quadrilateral that crosses itself
        };
        let area = local.unsigned_area();
        let want = MultiPolygon(local.0.clone())
            .intersection(&union)
            .unsigned_area()
            / area;
        let result = ds.check_plot(&[ring]).unwrap().layers.remove(0);
        let got = result.share;
        // geo's overlay rounds to a grid scaled to the whole layer: 10⁻⁵ of a plot (0.001 pp).
        assert!(
            (got - want).abs() < 1e-5,
            "seed {seed}, utm {utm}: plot {:?} share {got} against geo's {want}",
            local.0[0].exterior().0
        );
        if let Some(d) = result.distance_m {
            // To each zone as loaded (the union's overlay moves vertices by micrometres).
            let want = zones
                .iter()
                .map(|z| Euclidean.distance(&local.0[0], &z.local))
                .fold(f64::INFINITY, f64::min);
            assert!(
                (d - want).abs() < 1e-6,
                "seed {seed}, utm {utm}: plot {:?} {d} m from the layer, geo says {want}",
                local.0[0].exterior().0
            );
            distances += 1;
        }
        compared += 1;
    }
    assert!(
        distances > 20,
        "seed {seed}: {distances} distances compared"
    );
    compared
}

#[test]
fn plot_shares_agree_with_geo_in_lon_lat() {
    let n: usize = (0..40).map(|seed| agree(seed, false)).sum();
    assert!(n > 4000, "{n} plots compared");
}

#[test]
fn plot_shares_agree_with_geo_in_utm() {
    let n: usize = (100..140).map(|seed| agree(seed, true)).sum();
    assert!(n > 4000, "{n} plots compared");
}

#[test]
fn a_surveyed_plots_shares_alone_are_those_of_its_whole_check() {
    // `parcel_shares` (the lean bulk query) against `check_plot` on the plot's outline, which is
    // what a plot's answer reports: the same numbers to the last bit, on every 7th sample plot.
    let ds = common::sample();
    let parcels = ds.parcels.as_ref().unwrap();
    let mut partly = 0;
    for i in (0..parcels.len()).step_by(7) {
        let lean = ds.parcel_shares(i).unwrap();
        let whole = ds.check_plot(&parcels.rings(i)).unwrap();
        let shares: Vec<f64> = whole.layers.iter().map(|l| l.share).collect();
        assert_eq!(lean, shares, "plot {i}");
        partly += shares.iter().filter(|s| **s > 0.0 && **s < 1.0).count();
    }
    assert!(partly > 10, "{partly} partial shares among them");
    assert_eq!(ds.parcel_shares(parcels.len()), None);
}
