//! Share links, summaries and the certificate on the bundled sample data: a link reopens the
//! very same answer; the summary says what the full report says; the certificate's map shows the
//! layers around the plot; file hashes are the start of `sha256sum`'s.

mod common;

use baft_core::answer::certificate::{map_svg, short_hash, MapSubject};
use baft_core::answer::share::{SharedState, Subject};
use baft_core::answer::summary::Summary;
use baft_core::dataset::{read_plot_outline, Dataset};
use baft_core::Lang;

/// The sample data and the fixture plot that straddles the worn-out fabric's edge.
fn sample_and_straddling_plot() -> (Dataset, Vec<Vec<(f64, f64)>>) {
    let ds = common::sample();
    let text =
        std::fs::read_to_string(common::repo().join("tests/fixtures/plot-straddling.geojson"))
            .unwrap();
    let rings = read_plot_outline(&text, ds.parse_options()).unwrap();
    (ds, rings)
}

#[test]
fn a_point_link_reopens_the_same_answer() {
    let ds = common::sample();
    let fx = common::fixtures();
    let p = common::point(&fx["historic_inside"]["point"]);
    let report = ds.check_point(p);
    let summary = Summary::of_point(&report, None, Lang::En);
    let link = SharedState {
        subject: Some(Subject::Point { lat: p.1, lon: p.0 }),
        city: None,
        lang: Some(Lang::En),
        data_version: Some(ds.manifest.data_version.clone()),
        boundary: (baft_core::answer::share::boundary_now(&ds).into_iter())
            .map(|(_, v)| v)
            .collect(),
        facts: String::new(),
    }
    .to_fragment();
    let back = SharedState::from_fragment(&link).unwrap();
    let Some(Subject::Point { lat, lon }) = back.subject else {
        panic!("{link}")
    };
    let again = ds.check_point((lon, lat));
    let statuses = |r: &baft_core::check::PointReport| {
        r.layers
            .iter()
            .map(|l| (l.layer.id.clone(), l.status))
            .collect::<Vec<_>>()
    };
    assert_eq!(statuses(&again), statuses(&report));
    let current: Vec<(String, String)> = ds
        .layers
        .iter()
        .map(|l| (l.spec.id.clone(), l.version.id.clone()))
        .collect();
    assert!(back.boundary_changes(&current).is_empty());
    let historic = summary
        .layers
        .iter()
        .find(|l| l.id == "historic-fabric")
        .unwrap();
    assert_eq!(historic.status, "inside");
    assert_eq!(historic.zones, vec!["HF-01".to_string()]);
}

#[test]
fn a_plot_link_reopens_the_same_shares() {
    let (ds, rings) = sample_and_straddling_plot();
    let report = ds.check_plot(&rings).unwrap();
    let frag = SharedState {
        subject: Some(Subject::Outline(rings.clone())),
        city: None,
        ..Default::default()
    }
    .to_fragment();
    let Some(Subject::Outline(back)) = SharedState::from_fragment(&frag).unwrap().subject else {
        panic!("{frag}")
    };
    let again = ds.check_plot(&back).unwrap();
    // Corners move by at most 0.05 m when rounded to micro-degrees: shares agree to 0.5 %.
    for (a, b) in again.layers.iter().zip(&report.layers) {
        assert_eq!(a.status, b.status, "{}", a.layer.id);
        assert!(
            (a.share - b.share).abs() < 0.005,
            "{}: {} vs {}",
            a.layer.id,
            a.share,
            b.share
        );
    }
    let s = Summary::of_plot(&report, None, Lang::Fa);
    assert!(s.layers.iter().any(|l| l.status == "partly_inside"));
    let json = serde_json::to_value(&s).unwrap();
    assert_eq!(json["kind"], "plot");
    assert!(json["areaM2"].as_f64().unwrap() > 0.0);
    assert!(json["layers"][0]["percent"].is_number());
}

#[test]
fn the_certificate_map_draws_the_plot_and_the_layers_around_it() {
    let (ds, rings) = sample_and_straddling_plot();
    let svg = map_svg(&ds, &MapSubject::Plot(&rings), Lang::En);
    assert!(svg.starts_with("<svg") && svg.ends_with("</svg>"));
    // The worn-out fabric's colour is drawn (the plot straddles it), and the plot's outline.
    let worn = ds
        .layers
        .iter()
        .find(|l| l.spec.id == "worn-out-fabric")
        .unwrap();
    assert!(
        svg.contains(&format!("stroke=\"{}\"", worn.spec.colour)),
        "{svg}"
    );
    assert!(svg.contains("stroke=\"#0b3d91\""));
    // A scale bar with a round length, in the certificate's language: in Persian, in Persian
    // digits and words, right to left, ending at the bar's left end.
    assert!(svg.contains(r#"direction="ltr" text-anchor="start">"#) && svg.contains(" m</text>"));
    let fa = map_svg(&ds, &MapSubject::Plot(&rings), Lang::Fa);
    let words = fa
        .split(r#"direction="rtl" text-anchor="end">"#)
        .nth(1)
        .unwrap();
    let words = &words[..words.find("</text>").unwrap()];
    let en = svg.split(r#"text-anchor="start">"#).nth(1).unwrap();
    let en = &en[..en.find(" m</text>").unwrap()];
    // The same length: Persian digits and separators, read back, are the English figure.
    let fa_number = words.strip_suffix(" متر").unwrap();
    assert!(fa_number.chars().all(|c| !c.is_ascii_digit()), "{words}");
    assert_eq!(
        baft_core::base::digits::normalize(fa_number),
        en.replace(',', ""),
        "{words}"
    );
    // The plot is in the middle of the 600 × 400 drawing.
    let plot = svg.split("<path class=\"plot\" d=\"").nth(1).unwrap();
    let plot = &plot[..plot.find('"').unwrap()];
    let nums: Vec<f64> = plot
        .split(|c: char| !(c.is_ascii_digit() || c == '.' || c == '-'))
        .filter_map(|t| t.parse().ok())
        .collect();
    let (xs, ys): (Vec<f64>, Vec<f64>) = nums.chunks(2).map(|c| (c[0], c[1])).unzip();
    let mid = |v: &[f64]| {
        (v.iter().cloned().fold(f64::MAX, f64::min) + v.iter().cloned().fold(f64::MIN, f64::max))
            / 2.0
    };
    assert!(
        (mid(&xs) - 300.0).abs() < 2.0 && (mid(&ys) - 200.0).abs() < 2.0,
        "{plot}"
    );
}

#[test]
fn file_hashes_are_the_start_of_sha256sum() {
    let bytes = std::fs::read(common::repo().join("data/manifest.json")).unwrap();
    let h = short_hash(&bytes);
    assert_eq!(h.len(), 12);
    assert!(h.bytes().all(|b| b.is_ascii_hexdigit()));
    let mut changed = bytes.clone();
    changed.push(b'\n');
    assert_ne!(short_hash(&changed), h);
}

/// The sample with the layer `id`'s file holding no block (as when it failed to load): the
/// layer gives no answer.
fn sample_without(id: &str, file: &str) -> Dataset {
    let dir = common::repo().join("data");
    let manifest = std::fs::read_to_string(dir.join("manifest.json")).unwrap();
    let (ds, _) = Dataset::load(&manifest, |rel| {
        Ok(if rel.contains(file) {
            r#"{"type":"FeatureCollection","features":[]}"#.into()
        } else {
            std::fs::read_to_string(dir.join(rel)).unwrap()
        })
    })
    .unwrap();
    assert!(ds.layers.iter().any(|l| l.spec.id == id && !l.is_usable()));
    ds
}

#[test]
fn a_layer_that_gave_no_answer_keeps_the_others_in_their_places() {
    use baft_core::answer::share::boundary_now;
    use baft_core::answer::{answer, Answer, Ask, Question};
    let full = common::sample();
    let broken = sample_without("informal-settlement", "informal");
    let (lon, lat) = common::point(&common::fixtures()["historic_inside"]["point"]);
    let ask = Ask::on(baft_core::base::jalali::GregorianDate {
        year: 2026,
        month: 12,
        day: 1,
    });
    let state = |ds: &Dataset| match answer(ds, Question::Point { lon, lat }, &ask).unwrap() {
        Answer::Place(p) => SharedState::of_place(ds, &p),
        other => panic!("{other:?}"),
    };
    let (whole, partial) = (state(&full), state(&broken));
    let versions: Vec<String> = boundary_now(&full).into_iter().map(|(_, v)| v).collect();
    assert_eq!(whole.boundary, versions);
    assert_eq!(versions.len(), 4);
    // The informal-settlements layer is the manifest's second: its place is kept, empty.
    let mut expected = versions.clone();
    expected[1] = String::new();
    assert_eq!(partial.boundary, expected);
    let frag = partial.to_fragment();
    assert!(frag.contains(&format!("b={},-,", versions[0])), "{frag}");
    let back = SharedState::from_fragment(&frag).unwrap();
    assert_eq!(back.boundary, partial.boundary);
    // A version named `-` is not "no answer".
    let dash = SharedState {
        boundary: vec!["-".into(), String::new()],
        ..Default::default()
    };
    assert_eq!(dash.to_fragment(), "b=%2D,-");
    assert_eq!(
        SharedState::from_fragment("b=%2D,-").unwrap().boundary,
        dash.boundary
    );
    // Made on either data, opened on the other: the same boundaries, nothing to note.
    assert_eq!(back.boundary_changes(&boundary_now(&full)), vec![]);
    assert_eq!(whole.boundary_changes(&boundary_now(&broken)), vec![]);
    // The last layer without an answer: its place is left out, the others kept.
    let last = sample_without("target-neighbourhoods", "target-neighbourhoods");
    let short = state(&last);
    assert_eq!(short.boundary, versions[..3]);
    assert_eq!(short.boundary_changes(&boundary_now(&full)), vec![]);
    // A version that did change is still named by its layer.
    let mut older = whole.clone();
    older.boundary[0] = "1398".into();
    assert_eq!(
        older.boundary_changes(&boundary_now(&broken)),
        vec![(
            "worn-out-fabric".to_string(),
            "1398".to_string(),
            Some(versions[0].clone())
        )]
    );
}
