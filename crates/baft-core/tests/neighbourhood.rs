//! A plot straddling two target neighbourhoods belongs to the one holding the larger part of it:
//! `Place::neighbourhoods` lists it first (the owner letters file the plot under that first
//! one), and the office is the one serving it, even when another neighbourhood's office is
//! nearer (it was the nearest office serving any of them).

mod common;
use baft_core::answer::{answer, Answer, Ask, Question};
use baft_core::base::jalali::GregorianDate;
use baft_core::dataset::Dataset;
use serde_json::json;

#[test]
fn a_straddling_plot_belongs_to_the_neighbourhood_holding_most_of_it() {
    // West (N-W) and east (N-E) neighbourhoods, 0.01° squares side by side at 51.12°.
    let tn = common::squares(&[("N-W", 51.11, 35.70, 0.01), ("N-E", 51.12, 35.70, 0.01)]);
    // The plot: 70 % in the west, 30 % in the east, its interior point in the west.
    let plot = vec![vec![
        (51.1193, 35.705),
        (51.1203, 35.705),
        (51.1203, 35.7052),
        (51.1193, 35.7052),
        (51.1193, 35.705),
    ]];
    // The east's office is right beside the plot; the west's far away.
    let office = |id: &str, at: [f64; 2], serves: &str| {
        json!({"id": id, "name": {"fa": id, "en": id}, "address": {"fa": "-", "en": "-"},
               "hours": {"fa": "-", "en": "-"}, "phone": "+982100000000",
               "location": at, "serves": [serves]})
    };
    let offices = json!({"format_version": 1, "documents": [], "offices": [
        office("OF-E", [51.1204, 35.7051], "N-E"), office("OF-W", [51.112, 35.709], "N-W")]});
    let manifest = json!({
        "format_version": 1, "data_version": "t", "title": {"fa": "آزمون", "en": "test"},
        "city": {"name": {"fa": "آزمون", "en": "Test"}, "center": [51.12, 35.705], "envelope": [51.0, 35.6, 51.2, 35.8]},
        "offices": "offices.json",
        "layers": [{"id": "tn", "kind": "target_neighbourhood", "name": {"fa": "محله", "en": "n"},
            "source": {"name": {"fa": "آزمون", "en": "test"}},
            "versions": [{"id": "1", "title": {"fa": "۱", "en": "1"}, "file": "tn.geojson",
                "approved": {"jalali": "1401/09/01", "iso": "2022-11-22"},
                "approved_by": {"fa": "آ", "en": "a"}}]}]
    });
    let files = [("tn.geojson", tn), ("offices.json", offices.to_string())];
    let (ds, problems) = Dataset::load(&manifest.to_string(), |p| {
        Ok(files.iter().find(|(f, _)| *f == p).expect(p).1.clone())
    })
    .unwrap();
    assert!(problems.is_empty(), "{problems:?}");
    let ask = Ask::on(GregorianDate {
        year: 2026,
        month: 12,
        day: 1,
    });
    let Answer::Place(place) = answer(&ds, Question::Outline(plot), &ask).unwrap() else {
        panic!("a place")
    };
    let shares: Vec<(String, f64)> = (place.plot_report().unwrap().layers[0].overlaps.iter())
        .map(|o| (o.zone.id.clone(), (o.share * 100.0).round()))
        .collect();
    assert_eq!(shares, [("N-W".into(), 70.0), ("N-E".into(), 30.0)]);
    let ids: Vec<String> = (place.neighbourhoods(&ds).iter())
        .map(|z| z.id.clone())
        .collect();
    assert_eq!(ids, ["N-W", "N-E"]);
    let office = place.office.as_ref().unwrap();
    assert_eq!(office.office.id, "OF-W");
    assert!(office.serves_neighbourhood);
}
