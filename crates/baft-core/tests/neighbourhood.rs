//! A plot straddling two target neighbourhoods belongs to the one holding the larger part of it
//! (`check::main_zone`): `Place::neighbourhoods` lists it first (the owner letters file the plot
//! under it), the office is the one serving it even when another neighbourhood's office is
//! nearer (it was the nearest office serving any of them), and the neighbourhood profile counts
//! the plot there (it went by the plot's interior point).

mod common;
use baft_core::answer::{Place, Question};
use baft_core::dataset::Dataset;
use common::place;
use serde_json::json;

/// An L-shaped plot across the line between west (N-W) and east (N-E) at 51.12°: 51 % of it in
/// the west (a low block), 49 % in the east (a tall column), its interior point in the east.
fn l_plot() -> Vec<(f64, f64)> {
    vec![
        (51.1193, 35.705),
        (51.1203, 35.705),
        (51.1203, 35.706),
        (51.12, 35.706),
        (51.12, 35.70545),
        (51.1193, 35.70545),
        (51.1193, 35.705),
    ]
}

/// A rectangle cut in half by the line between the neighbourhoods.
fn half_plot() -> Vec<(f64, f64)> {
    let (w, e, s, n) = (51.1195, 51.1205, 35.707, 35.7072);
    vec![(w, s), (e, s), (e, n), (w, n), (w, s)]
}

/// The survey: the L plot (P-L) and the halved one (P-H).
fn survey() -> String {
    let feature = |id: &str, plot: Vec<(f64, f64)>| {
        let ring: Vec<[f64; 2]> = plot.iter().map(|p| [p.0, p.1]).collect();
        json!({"type": "Feature", "properties": {"plot_id": id, "block_id": "B1", "area_m2": 600.0},
               "geometry": {"type": "Polygon", "coordinates": [ring]}})
    };
    json!({"type": "FeatureCollection", "features": [feature("P-L", l_plot()), feature("P-H", half_plot())]})
        .to_string()
}

/// West (N-W) and east (N-E) neighbourhoods, 0.01° squares side by side at 51.12°, in one
/// target layer, or with `split` in two (east first, then west); the east's office right beside
/// the plots, the west's far away; the plots surveyed.
fn dataset(split: bool) -> Dataset {
    let (west, east) = (("N-W", 51.11, 35.70, 0.01), ("N-E", 51.12, 35.70, 0.01));
    let office = |id: &str, at: [f64; 2], serves: &str| {
        json!({"id": id, "name": {"fa": id, "en": id}, "address": {"fa": "-", "en": "-"},
               "hours": {"fa": "-", "en": "-"}, "phone": "+982100000000",
               "location": at, "serves": [serves]})
    };
    let offices = json!({"format_version": 1, "documents": [], "offices": [
        office("OF-E", [51.1204, 35.7051], "N-E"), office("OF-W", [51.112, 35.709], "N-W")]});
    let mut layers: Vec<serde_json::Value> = (["a", "b"].iter().take(if split { 2 } else { 1 }))
        .map(|id| json!({
            "id": id, "kind": "target_neighbourhood", "name": {"fa": "محله", "en": "n"},
            "source": {"name": {"fa": "آزمون", "en": "test"}},
            "versions": [{"id": "1", "title": {"fa": "۱", "en": "1"}, "file": format!("{id}.geojson"),
                "approved": {"jalali": "1401/09/01", "iso": "2022-11-22"},
                "approved_by": {"fa": "آ", "en": "a"}}]}))
        .collect();
    // The worn-out fabric over both, so that every surveyed plot gets an owner letter.
    layers.push(json!({
        "id": "worn", "kind": "worn_out_fabric", "name": {"fa": "بافت", "en": "worn"},
        "source": {"name": {"fa": "آزمون", "en": "test"}},
        "versions": [{"id": "1", "title": {"fa": "۱", "en": "1"}, "file": "worn.geojson",
            "approved": {"jalali": "1401/09/01", "iso": "2022-11-22"},
            "approved_by": {"fa": "آ", "en": "a"}}]}));
    let manifest = json!({
        "format_version": 1, "data_version": "t", "title": {"fa": "آزمون", "en": "test"},
        "city": {"name": {"fa": "آزمون", "en": "Test"}, "center": [51.12, 35.705], "envelope": [51.0, 35.6, 51.2, 35.8]},
        "offices": "offices.json",
        "parcels": {"file": "parcels.geojson", "id_property": "plot_id"},
        "layers": layers,
    });
    let (a, b) = match split {
        false => (common::squares(&[west, east]), String::new()),
        true => (common::squares(&[east]), common::squares(&[west])),
    };
    let files = [
        ("a.geojson", a),
        ("b.geojson", b),
        (
            "worn.geojson",
            common::squares(&[("W-1", 51.10, 35.69, 0.04)]),
        ),
        ("offices.json", offices.to_string()),
        ("parcels.geojson", survey()),
    ];
    let (ds, problems) = Dataset::load(&manifest.to_string(), |p| {
        Ok(files.iter().find(|(f, _)| *f == p).expect(p).1.clone())
    })
    .unwrap();
    assert!(problems.is_empty(), "{problems:?}");
    ds
}

fn ids(ds: &Dataset, p: &Place) -> Vec<String> {
    (p.neighbourhoods(ds).iter())
        .map(|z| z.id.clone())
        .collect()
}

#[test]
fn a_straddling_plot_is_served_by_the_office_of_the_neighbourhood_holding_most_of_it() {
    let ds = dataset(false);
    // A rectangle: 70 % in the west.
    let plot = vec![vec![
        (51.1193, 35.705),
        (51.1203, 35.705),
        (51.1203, 35.7052),
        (51.1193, 35.7052),
        (51.1193, 35.705),
    ]];
    let p = place(&ds, Question::Outline(plot));
    let shares: Vec<(String, f64)> = (p.plot_report().unwrap().layers[0].overlaps.iter())
        .map(|o| (o.zone.id.clone(), (o.share * 100.0).round()))
        .collect();
    assert_eq!(shares, [("N-W".into(), 70.0), ("N-E".into(), 30.0)]);
    assert_eq!(ids(&ds, &p), ["N-W", "N-E"]);
    let office = p.office.as_ref().unwrap();
    assert_eq!(office.office.id, "OF-W");
    assert!(office.serves_neighbourhood);
}

/// Each neighbourhood's plot count in the profile.
fn profiled(ds: &Dataset) -> Vec<(String, usize)> {
    let survey = baft_core::designate::read_survey(ds, "s.geojson", survey().as_bytes()).unwrap();
    let profiles =
        baft_core::profile::profile(ds, &survey, &Default::default(), &Default::default());
    (profiles.iter())
        .map(|n| (n.id.clone(), n.physical.plots))
        .collect()
}

#[test]
fn the_profile_counts_a_plot_where_its_letter_and_office_have_it() {
    for split in [false, true] {
        let ds = dataset(split);
        let l = place(&ds, Question::ParcelId("P-L"));
        // Its interior point is in the east, its larger part in the west.
        assert!(l.lon_lat().0 > 51.12, "{:?}", l.lon_lat());
        assert_eq!(ids(&ds, &l)[0], "N-W");
        assert_eq!(l.office.as_ref().unwrap().office.id, "OF-W");
        // The halved plot: wherever the answer puts it, the profile counts it there.
        let h = ids(&ds, &place(&ds, Question::ParcelId("P-H")))[0].clone();
        let mut expected = vec![("N-W".to_string(), 1), ("N-E".to_string(), 0)];
        expected.iter_mut().find(|(id, _)| *id == h).unwrap().1 += 1;
        // The owner letters file each plot under the same neighbourhood.
        let filed = |id: &str| -> Vec<String> {
            let app = baft_core::outreach::AppLink::at("https://baft.example/");
            let today = baft_core::base::jalali::GregorianDate {
                year: 2026,
                month: 12,
                day: 1,
            };
            (baft_core::outreach::letters(&ds, &app, today, Some(id)).iter())
                .map(|l| l.plot_id.clone())
                .collect()
        };
        let (west, east) = (filed("N-W"), filed("N-E"));
        assert!(west.contains(&"P-L".into()) && !east.contains(&"P-L".into()));
        let h_filed = if h == "N-W" { &west } else { &east };
        assert!(h_filed.contains(&"P-H".into()), "{west:?} {east:?}");
        assert_eq!(west.len() + east.len(), 2, "split {split}");
        let mut got = profiled(&ds);
        got.sort();
        expected.sort();
        assert_eq!(got, expected, "split {split}");
    }
}
