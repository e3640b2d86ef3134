//! A parcel layer read in place from its FlatGeobuf file (`ParcelLayer::in_place`: nothing
//! decoded on loading, the file's own index searched, plots decoded when asked for) answers
//! every question as the same layer decoded whole from the GeoJSON: the plot at a point, its
//! outline, facts, neighbours and shares, the searches by plate, code, postal code, address
//! and id, the map's plots in view, and the whole answer.

mod common;
use baft_core::answer::{answer, Ask, Question};
use baft_core::dataset::Dataset;
use baft_core::layer::parcels::ParcelLayer;
use common::*;
use std::collections::HashMap;

/// The sample, and the sample with its parcel layer read in place from `baft pack`'s file.
fn both() -> (Dataset, Dataset) {
    let plain = sample();
    let text = std::fs::read_to_string(repo().join("data/parcels/parcels.geojson")).unwrap();
    let (bytes, _, _) = baft_core::read::fgb::from_geojson("p.fgb", &text, None, None).unwrap();
    let mut fgb = plain.clone();
    let spec = fgb.manifest.parcels.clone().unwrap();
    let layer = ParcelLayer::in_place(&spec, bytes, &fgb.frame);
    assert!(layer.is_in_place());
    assert!(fgb.install_parcels(layer).is_empty());
    (plain, fgb)
}

#[test]
fn every_plot_answers_the_same_read_in_place() {
    let (plain, fgb) = both();
    let (a, b) = (
        plain.parcels.as_ref().unwrap(),
        fgb.parcels.as_ref().unwrap(),
    );
    assert_eq!(a.len(), b.len());
    let number: HashMap<String, usize> = (0..b.len())
        .map(|k| (b.info(k).unwrap().plot_id.clone(), k))
        .collect();
    let year = 1405;
    for i in 0..a.len() {
        let info = a.info(i).unwrap();
        let k = number[&info.plot_id];
        assert_eq!(b.info(k), Some(info));
        assert_eq!(b.rings(k), a.rings(i), "{}", info.plot_id);
        assert_eq!(b.reference(k), a.reference(i));
        assert_eq!(b.facts(k, year), a.facts(i, year));
        assert_eq!(fgb.parcel_shares(k), plain.parcel_shares(i));
        if i % 7 == 0 {
            assert_eq!(
                ids(&fgb, &b.neighbours(k, 3.0)),
                ids(&plain, &a.neighbours(i, 3.0))
            );
        }
        // A point inside the plot (the middle of its first triangle that is inside).
        let r = &a.rings(i)[0];
        let (x, y) = (
            (r[0].0 + r[1].0 + r[2].0) / 3.0,
            (r[0].1 + r[1].1 + r[2].1) / 3.0,
        );
        assert_eq!(plain.parcel_at((x, y)), Some(i), "{}", info.plot_id);
        assert_eq!(fgb.parcel_at((x, y)), Some(k), "{}", info.plot_id);
        assert_eq!(fgb.locate((x, y), |_| ()), Some(k));
    }
    assert_eq!(b.info(b.len()), None);
    assert!(b.rings(b.len()).is_empty() && b.neighbours(b.len(), 1.0).is_empty());
}

#[test]
fn random_points_find_the_same_plot_or_none() {
    let (plain, fgb) = both();
    // Over the plots' extent (the city's envelope is mostly without plots).
    let a = plain.parcels.as_ref().unwrap();
    let corners = (0..a.len()).flat_map(|i| a.rings(i).swap_remove(0));
    let (x0, y0, x1, y1) = baft_core::geometry::crs::bbox_of(corners);
    let mut rng = Lcg(7);
    let (mut hits, n) = (0, 40_000);
    for _ in 0..n {
        let pt = (x0 + rng.next() * (x1 - x0), y0 + rng.next() * (y1 - y0));
        let (a, b) = (plain.parcel_at(pt), fgb.parcel_at(pt));
        assert_eq!(
            a.map(|i| ids(&plain, &[i])),
            b.map(|k| ids(&fgb, &[k])),
            "{pt:?}"
        );
        hits += usize::from(a.is_some());
        // The zones' side of `locate` is the same code either way.
        let (mut za, mut zb) = (Vec::new(), Vec::new());
        plain.locate(pt, |m| za.push(m));
        fgb.locate(pt, |m| zb.push(m));
        assert_eq!(za, zb);
    }
    assert!(hits > n / 10, "{hits} of {n} points in a plot");
}

#[test]
fn searches_and_the_map_find_the_same_plots() {
    let (plain, fgb) = both();
    let (a, b) = (
        plain.parcels.as_ref().unwrap(),
        fgb.parcels.as_ref().unwrap(),
    );
    for i in (0..a.len()).step_by(97) {
        let p = a.info(i).unwrap();
        let plate = baft_core::input::plate::PlateQuery {
            section: p.plate_section,
            main: p.plate_main.unwrap(),
            sub: p.plate_sub.unwrap(),
        };
        assert_eq!(
            ids(&fgb, &b.find_plate(plate)),
            ids(&plain, &a.find_plate(plate))
        );
        let code = p.renovation_code.as_deref().unwrap();
        assert_eq!(
            b.find_code(code).map(|k| ids(&fgb, &[k])),
            Some(ids(&plain, &[i]))
        );
        let postal = p.postal_code.unwrap();
        assert_eq!(
            ids(&fgb, &b.find_postal(postal)),
            ids(&plain, &a.find_postal(postal))
        );
        assert_eq!(
            b.find_id(&p.plot_id).map(|k| ids(&fgb, &[k])),
            Some(ids(&plain, &[i]))
        );
        // The whole answer to what an owner types, plot numbers aside.
        let ask = Ask::on(baft_core::base::jalali::GregorianDate {
            year: 2026,
            month: 12,
            day: 2,
        });
        let address = p.address(baft_core::Lang::Fa).unwrap();
        for text in [p.plot_id.clone(), code.to_string(), address] {
            let one = |ds: &Dataset| {
                let mut v =
                    serde_json::to_value(answer(ds, Question::Text(&text), &ask).unwrap()).unwrap();
                forget_numbers(&mut v);
                v
            };
            assert_eq!(one(&fgb), one(&plain), "{text}");
        }
    }
    assert_eq!(b.has_addresses(), a.has_addresses());
    assert_eq!(b.has_postal_codes(), a.has_postal_codes());
    // The map's plots in view: the same count, and the same outlines drawn.
    let [lon, lat] = plain.manifest.city.center;
    for r in [0.0005, 0.002, 0.01] {
        let bbox = [lon - r, lat - r, lon + r, lat + r];
        let (ga, na) = a.visible_geojson(&plain.frame, bbox, 100_000);
        let (gb, nb) = b.visible_geojson(&fgb.frame, bbox, 100_000);
        assert_eq!(na, nb, "{r}");
        assert_eq!(rings_of(&ga), rings_of(&gb), "{r}");
    }
}

/// A plot's number is its place in the layer, which differs between the two: left out.
fn forget_numbers(v: &mut serde_json::Value) {
    match v {
        serde_json::Value::Object(m) => {
            m.retain(|k, _| k != "parcel_index" && k != "index");
            m.values_mut().for_each(forget_numbers);
        }
        serde_json::Value::Array(a) => a.iter_mut().for_each(forget_numbers),
        _ => {}
    }
}

fn rings_of(geojson: &str) -> Vec<String> {
    let v: serde_json::Value = serde_json::from_str(geojson).unwrap();
    let mut out: Vec<String> = v["features"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["geometry"]["coordinates"].to_string())
        .collect();
    out.sort();
    out
}

/// A small deterministic generator (no dependency).
struct Lcg(u64);
impl Lcg {
    fn next(&mut self) -> f64 {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        (self.0 >> 11) as f64 / (1u64 << 53) as f64
    }
}

/// A plot the decoder refuses (a bow tie) is passed over in place as the decoded layer leaves
/// it out: a point in it finds the valid plot under it, and a code or id it shares with a
/// valid plot finds that one. A file in UTM, or not surely lon/lat, is decoded whole.
#[test]
fn a_plot_the_decoder_refuses_is_passed_over_as_the_decoded_layer_leaves_it_out() {
    use baft_core::read::geojson::RawFeature;
    use baft_core::read::properties::Properties;
    let ds = sample();
    let spec = ds.manifest.parcels.clone().unwrap();
    let [lon, lat] = ds.manifest.city.center;
    let plot = |id: &str, code: &str, ring: Vec<(f64, f64)>| RawFeature {
        index: 0,
        id: None,
        properties: Properties::from_json_text(&format!(
            r#"{{"plot_id":"{id}","renovation_code":"{code}"}}"#
        )),
        polygons: vec![vec![ring]],
    };
    let d = 0.0002;
    let square = vec![
        (lon, lat),
        (lon + d, lat),
        (lon + d, lat + d),
        (lon, lat + d),
        (lon, lat),
    ];
    let bow_tie = vec![
        (lon, lat),
        (lon + d, lat + d),
        (lon + d, lat),
        (lon, lat + d),
        (lon, lat),
    ];
    // The bow tie first: it holds the point and has the lower number in file order.
    let features = [plot("BAD", "111", bow_tie), plot("GOOD", "111", square)];
    let bytes = baft_core::read::fgb::write(&features.iter().collect::<Vec<_>>()).unwrap();
    let decoded = ParcelLayer::load_fgb(&spec, &bytes, None, &ds.frame);
    let in_place = ParcelLayer::in_place(&spec, bytes, &ds.frame);
    assert!(in_place.is_in_place() && !decoded.is_in_place());
    assert_eq!((decoded.len(), in_place.len()), (1, 2));
    let id = |p: &ParcelLayer, i: Option<usize>| i.map(|i| p.info(i).unwrap().plot_id.clone());
    let pt = (lon + 0.3 * d, lat + 0.5 * d);
    let xy = ds.frame.forward(pt.0, pt.1);
    for p in [&decoded, &in_place] {
        assert_eq!(id(p, p.at_point(pt, xy)), Some("GOOD".into()));
        assert_eq!(id(p, p.find_code("111")), Some("GOOD".into()));
        assert_eq!(p.find_id("BAD"), None);
    }
    // The same plots in UTM 39N are not read in place (decoded whole, which decides the CRS).
    let utm = baft_core::geometry::projection::TransverseMercator::utm_north(39);
    let to_utm = |f: &RawFeature| RawFeature {
        polygons: vec![vec![f.polygons[0][0]
            .iter()
            .map(|&(x, y)| utm.forward(x, y))
            .collect()]],
        ..f.clone()
    };
    let metres: Vec<RawFeature> = features.iter().map(to_utm).collect();
    let bytes = baft_core::read::fgb::write(&metres.iter().collect::<Vec<_>>()).unwrap();
    assert!(!ParcelLayer::in_place(&spec, bytes, &ds.frame).is_in_place());
}
