//! The neighbourhood profile (issue 13), worked by hand on a small neighbourhood: services per
//! resident against their targets and the ranking of shortfalls; adjoining small plots found as
//! a cluster (and a lone one not); each candidate's score from its three documented parts.

use baft_core::dataset::Dataset;
use baft_core::profile::{profile, CandidateKind, Targets};
use baft_core::read::manifest::DesignationSettings;
use serde_json::{json, Value};

const LON: f64 = 51.11;
const LAT: f64 = 35.70;

/// A square `w` × `h` metres whose south-west corner is `x`, `y` metres east and north of
/// (LON, LAT).
fn square(x: f64, y: f64, w: f64, h: f64) -> Value {
    let lon = |m: f64| LON + m / (111_320.0 * LAT.to_radians().cos());
    let lat = |m: f64| LAT + m / 111_320.0;
    let ring = [(x, y), (x + w, y), (x + w, y + h), (x, y + h), (x, y)];
    json!({"type": "Polygon", "coordinates": [ring.iter().map(|(a, b)| [lon(*a), lat(*b)]).collect::<Vec<_>>()]})
}

fn feature(props: Value, geometry: Value) -> Value {
    json!({"type": "Feature", "properties": props, "geometry": geometry})
}

/// Row A: plots 1–3, 10 m wide, adjoining, 100 m² unreinforced: one cluster. Plot 4, 30 m
/// east, the same but alone. Plot 5: a ruined 400 m² plot fronting a main axis. Plot 6: a
/// municipal green space of 300 m². Plot 7: homes with 40 residents (plots 1–3 hold 10 each).
fn survey() -> Value {
    let small = |id: &str, residents: i64| {
        json!({"plot_id": id, "block_id": "B1", "area_m2": 100.0, "structure": "unreinforced_masonry",
               "frontage_width_m": 4.0, "land_use": "residential", "condition": "sound",
               "ownership": "private", "households": 3, "residents": residents, "tenure": "owner"})
    };
    json!({"type": "FeatureCollection", "features": [
        feature(small("P1", 10), square(0.0, 0.0, 10.0, 10.0)),
        feature(small("P2", 10), square(10.0, 0.0, 10.0, 10.0)),
        feature(small("P3", 10), square(20.0, 0.0, 10.0, 10.0)),
        feature(small("P4", 0), square(60.0, 0.0, 10.0, 10.0)),
        feature(json!({"plot_id": "P5", "block_id": "B1", "area_m2": 400.0, "structure": "unreinforced_masonry",
                       "land_use": "residential", "condition": "ruined", "on_main_axis": true}),
                square(0.0, 30.0, 20.0, 20.0)),
        feature(json!({"plot_id": "P6", "block_id": "B1", "area_m2": 300.0, "structure": "steel_frame",
                       "land_use": "green_space", "ownership": "municipal"}),
                square(40.0, 30.0, 20.0, 15.0)),
        feature(json!({"plot_id": "P7", "block_id": "B1", "area_m2": 250.0, "structure": "concrete_frame",
                       "land_use": "residential", "households": 12, "residents": 40, "tenure": "tenant"}),
                square(70.0, 30.0, 25.0, 10.0)),
    ]})
}

fn dataset() -> Dataset {
    let manifest = json!({
        "format_version": 1, "data_version": "t", "title": {"fa": "آزمون", "en": "test"},
        "city": {"name": {"fa": "آزمون", "en": "Test"}, "center": [LON, LAT], "utm_zone": 39, "envelope": [51.0, 35.6, 51.2, 35.8]},
        "parcels": {"file": "parcels.geojson", "id_property": "plot_id"},
        "layers": [{"id": "tn", "kind": "target_neighbourhood", "name": {"fa": "محله", "en": "n"},
            "id_property": "zone_id", "colour": "#1e8449", "source": {"name": {"fa": "آزمون", "en": "test"}},
            "versions": [{"id": "1", "title": {"fa": "۱", "en": "1"}, "file": "tn.geojson",
                "approved": {"jalali": "1401/09/01", "iso": "2022-11-22"},
                "approved_by": {"fa": "آ", "en": "a"}}]}]
    });
    let tn = json!({"type": "FeatureCollection", "features": [
        feature(json!({"zone_id": "TN-1", "name": "محلهٔ آزمون"}), square(-5.0, -5.0, 110.0, 60.0))]});
    let files = [
        ("tn.geojson", tn.to_string()),
        ("parcels.geojson", survey().to_string()),
    ];
    let (ds, problems) = Dataset::load(&manifest.to_string(), |p| {
        Ok(files
            .iter()
            .find(|(f, _)| *f == p)
            .map(|(_, t)| t.clone())
            .unwrap_or_default())
    })
    .unwrap();
    assert!(problems.is_empty(), "{problems:?}");
    ds
}

fn targets() -> Targets {
    Targets::from_json(&json!({"targets": [
        {"land_use": "green_space", "name": {"fa": "فضای سبز", "en": "Green space"}, "m2_per_resident": 10.0, "source": "s"},
        {"land_use": "health", "name": {"fa": "درمانی", "en": "Health"}, "m2_per_resident": 1.0, "source": "s"},
        {"land_use": "religious", "name": {"fa": "مذهبی", "en": "Religious"}, "m2_per_resident": 0.1, "source": "s"},
    ]}).to_string())
    .unwrap()
}

#[test]
fn a_neighbourhood_profile_worked_by_hand() {
    let ds = dataset();
    let survey =
        baft_core::designate::read_survey(&ds, "parcels.geojson", survey().to_string().as_bytes())
            .unwrap();
    let ps = profile(&ds, &survey, &targets(), &DesignationSettings::default());
    assert_eq!(ps.len(), 1);
    let p = &ps[0];
    assert_eq!(p.physical.plots, 7);
    // Under 200 m²: plots 1–4, of 7.
    assert_eq!(p.physical.fine_grain_share, Some(4.0 / 7.0));
    // Residents: 10 + 10 + 10 + 0 + 40 = 70, from the five plots that answer.
    let social = p.social.as_ref().unwrap();
    assert_eq!(
        (social.residents, social.households, social.answered),
        (70, 24, 5)
    );
    // Green space: 300 m² for 70 residents = 4.29 m² each, target 10: short by 700 − 300 = 400.
    // Health: none, target 1: short by 70. Religious: none, target 0.1: short by 7.
    let g = &p.services[0];
    assert_eq!(g.land_use, "green_space");
    assert!((g.per_resident_m2.unwrap() - 300.0 / 70.0).abs() < 1e-9);
    assert!((g.shortfall_m2.unwrap() - 400.0).abs() < 1e-9);
    let order: Vec<(&str, Option<usize>)> = p
        .services
        .iter()
        .map(|r| (r.land_use.as_str(), r.priority))
        .collect();
    assert_eq!(
        order,
        [
            ("green_space", Some(1)),
            ("health", Some(2)),
            ("religious", Some(3))
        ]
    );
    // Candidates: the cluster P1–P3 (P4 stands alone), the ruined P5, the municipal P6.
    let kinds: Vec<(CandidateKind, Vec<&str>, f64)> = p
        .candidates
        .iter()
        .map(|c| {
            (
                c.kind,
                c.plot_ids.iter().map(String::as_str).collect(),
                c.score,
            )
        })
        .collect();
    // P5: size 40 × 400/1000 = 16; shortfall 40 × min(400/400, 1) = 40; axis 20: 76.
    // Cluster: 300 m²: 12 + 40 × 300/400 = 30, no axis: 42. P6: 300 m²: 12 + 30 = 42.
    assert_eq!(
        kinds,
        [
            (CandidateKind::Ruined, vec!["P5"], 76.0),
            (CandidateKind::SmallPlots, vec!["P1", "P2", "P3"], 42.0),
            (CandidateKind::Municipal, vec!["P6"], 42.0),
        ]
    );
    assert_eq!(p.candidates[0].could_fill.as_deref(), Some("green_space"));
}

#[test]
fn a_bad_per_capita_file_names_the_field() {
    let e = Targets::from_json(
        r#"{"targets": [{"land_use": "health", "name": {"fa": "د", "en": "h"}, "source": "s"}]}"#,
    )
    .unwrap_err();
    assert!(e.contains("m2_per_resident"), "{e}");
    let e = Targets::from_json(r#"{"targets": [{"land_use": "health", "name": {"fa": "د", "en": "h"}, "source": "s", "m2_per_resident": -1}]}"#)
        .unwrap_err();
    assert!(e.contains("targets[health].m2_per_resident"), "{e}");
}

/// A feature the reader leaves out (no geometry) before the others shifts nothing: the cluster
/// is still P1–P3 and each candidate's point is its own plot's; a survey area of "inf" is no
/// answer (the outline's area is used), so no chart is asked to draw infinity.
#[test]
fn a_left_out_feature_and_an_infinite_area_change_nothing() {
    let ds = dataset();
    let mut s = survey();
    let features = s["features"].as_array_mut().unwrap();
    features.insert(
        0,
        json!({"type": "Feature", "properties": {"plot_id": "BAD"}, "geometry": null}),
    );
    features[1]["properties"]["area_m2"] = json!("inf");
    let layer = baft_core::designate::read_survey(&ds, "parcels.geojson", s.to_string().as_bytes())
        .unwrap();
    assert_eq!(layer.zones.len(), 7, "the bad feature is left out");
    let ps = profile(&ds, &layer, &targets(), &DesignationSettings::default());
    let cluster = ps[0]
        .candidates
        .iter()
        .find(|c| c.kind == CandidateKind::SmallPlots)
        .unwrap();
    assert_eq!(cluster.plot_ids, ["P1", "P2", "P3"]);
    // P1's area is its outline's (10 m × 10 m), not infinity.
    assert!((cluster.area_m2 - 300.0).abs() < 0.5, "{}", cluster.area_m2);
    let p5 = ps[0]
        .candidates
        .iter()
        .find(|c| c.plot_ids == ["P5"])
        .unwrap();
    let (lon, lat) = p5.lon_lat.unwrap();
    // P5 is the 20 m square 30 m north of the origin: its point is inside it.
    let m = |d: f64| d * 111_320.0;
    assert!(m(lat - LAT) > 30.0 && m(lat - LAT) < 50.0, "{lat}");
    assert!(m((lon - LON) * LAT.to_radians().cos()) < 20.0, "{lon}");
}

/// A survey that codes its answers as numbers (block `12`, structure `1` for unreinforced
/// masonry, `2` for a frame) is read alike by the designation analysis and the profile: both
/// place every plot in block `12`, and both count code `1` as a building without a structural
/// system when the settings name it. (The profile used to read only text there, so it saw no
/// structure at all and found no cluster of small unstable plots.)
#[test]
fn numeric_survey_answers_are_read_alike_by_the_analysis_and_the_profile() {
    let ds = dataset();
    let mut s = survey();
    for f in s["features"].as_array_mut().unwrap() {
        let p = &mut f["properties"];
        p["block_id"] = json!(12);
        p["structure"] = json!(if p["structure"] == "unreinforced_masonry" {
            1
        } else {
            2
        });
    }
    let layer = baft_core::designate::read_survey(&ds, "parcels.geojson", s.to_string().as_bytes())
        .unwrap();
    let mut settings = DesignationSettings::default();
    settings.instability.values = vec!["1".into()];
    let d = baft_core::designate::designate(&ds, settings.clone(), &layer, None);
    let ids: Vec<(&str, usize)> = d
        .blocks
        .iter()
        .map(|b| (b.block_id.as_str(), b.plots))
        .collect();
    assert_eq!(ids, [("12", 7)]);
    // P1–P5 are unreinforced: 5 of 7.
    assert_eq!(d.blocks[0].no_structure_share, Some(5.0 / 7.0));
    let p = &profile(&ds, &layer, &targets(), &settings)[0];
    assert_eq!(
        p.physical.structure.bins,
        [("1".into(), 5), ("2".into(), 2)]
    );
    assert_eq!(p.physical.structure.missing, 0);
    let cluster = p
        .candidates
        .iter()
        .find(|c| c.kind == CandidateKind::SmallPlots);
    assert_eq!(
        cluster.map(|c| c.plot_ids.clone()),
        Some(vec!["P1".into(), "P2".into(), "P3".into()])
    );
}

/// With the fine-grain rule `area`, the profile's fine-grain share is the designation's: the
/// share of the plot area in plots under 200 m² (4 × 100 of 1,350 m²), not of the plots (4 of 7).
#[test]
fn the_profile_measures_fine_grain_by_the_designations_rule() {
    let ds = dataset();
    let layer =
        baft_core::designate::read_survey(&ds, "parcels.geojson", survey().to_string().as_bytes())
            .unwrap();
    let mut settings = DesignationSettings::default();
    settings.fine_grain.rule = baft_core::designate::FineGrainRule::Area;
    let d = baft_core::designate::designate(&ds, settings.clone(), &layer, None);
    let p = &profile(&ds, &layer, &targets(), &settings)[0];
    assert_eq!(d.blocks[0].fine_grain_share, Some(400.0 / 1350.0));
    assert_eq!(p.physical.fine_grain_share, d.blocks[0].fine_grain_share);
    // The printed profile says what the share is of. (This survey answers no `floors`: its
    // chart has no bars, which once sent plotters' axis into an overflow.)
    #[cfg(feature = "dossier")]
    {
        let html = baft_core::profile::report::profile_html(p, &layer, "Qods", "1405/09/14");
        assert!(
            html.contains("۲۹٫۶٪ مساحت پلاک‌ها در پلاک‌های زیر آستانه"),
            "{html}"
        );
        assert!(
            html.contains("29.6% of the plot area in plots under the threshold"),
            "{html}"
        );
    }
}

/// Every problem of a survey (parcel) file names the plot by the layer's id property
/// (`plot_id`), whether the reader refused the feature (no geometry) or the layer did (a ring
/// crossing itself): never by its block, which the reader used to look for first.
#[test]
fn the_survey_s_problems_name_the_plot_not_its_block() {
    let ds = dataset();
    let mut s = survey();
    let features = s["features"].as_array_mut().unwrap();
    features.push(json!({"type": "Feature", "properties": {"plot_id": "P8", "block_id": "B1"}, "geometry": null}));
    let bow = |x: f64| LON + x / 90_000.0;
    features.push(
        json!({"type": "Feature", "properties": {"plot_id": "P9", "block_id": "B1"},
        "geometry": {"type": "Polygon", "coordinates": [[[bow(0.0), LAT], [bow(10.0), LAT + 0.0001],
            [bow(10.0), LAT], [bow(0.0), LAT + 0.0001], [bow(0.0), LAT]]]}}),
    );
    let layer = baft_core::designate::read_survey(&ds, "parcels.geojson", s.to_string().as_bytes())
        .unwrap();
    let named: Vec<Option<&str>> = (layer.problems.iter())
        .map(|p| p.location.feature_id.as_deref())
        .collect();
    assert_eq!(named, [Some("P8"), Some("P9")], "{:?}", layer.problems);
}

/// Plots meeting only at a corner do not adjoin: three small unstable plots in a diagonal row
/// are no cluster to consolidate, as the owner's app gives them no neighbours either; put side
/// by side, they are one.
#[test]
fn plots_meeting_at_a_corner_are_no_cluster() {
    let ds = dataset();
    let plot = |id: &str, x: f64, y: f64| {
        feature(
            json!({"plot_id": id, "block_id": "B1", "area_m2": 100.0, "structure": "unreinforced_masonry"}),
            square(x, y, 10.0, 10.0),
        )
    };
    let clusters = |features: Vec<Value>| {
        let s = json!({"type": "FeatureCollection", "features": features});
        let layer =
            baft_core::designate::read_survey(&ds, "parcels.geojson", s.to_string().as_bytes())
                .unwrap();
        let settings = DesignationSettings::default();
        (profile(&ds, &layer, &targets(), &settings)[0]
            .candidates
            .iter())
        .filter(|c| c.kind == CandidateKind::SmallPlots)
        .count()
    };
    // Three plots, each (dx, dy) metres on from the last; the clusters they make. A gap of 30 cm
    // between outlines is not a shared boundary (the digitising slack is 5 cm), as the owner's
    // app reads its neighbours; 3 cm is.
    for (what, (dx, dy), want) in [
        ("a diagonal row", (10.0, 10.0), 0),
        ("side by side", (10.0, 0.0), 1),
        ("30 cm apart", (10.3, 0.0), 0),
        ("3 cm apart", (10.03, 0.0), 1),
    ] {
        let row = (0..3).map(|k| plot(&format!("P{k}"), k as f64 * dx, k as f64 * dy));
        assert_eq!(clusters(row.collect()), want, "{what}");
    }
}
