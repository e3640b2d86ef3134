//! The staff page's workbench on the sample site, as the page drives it: the site's files
//! fetched by its list (never the published parcel layer), the survey opened from a file, then
//! the designation (the generator's own block figures), the profiles and every download.

use baft_core::base::jalali::GregorianDate;
use baft_core::designate::dossier::{sha256_hex, Paper};
use baft_core::Lang;
use baft_staff::workbench::Workbench;
use serde_json::Value;
use std::path::PathBuf;

fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..")
}

const TODAY: GregorianDate = GregorianDate {
    year: 2026,
    month: 11,
    day: 26,
};

fn loaded() -> Workbench {
    loaded_for(None)
}

/// The sample site's workbench; `city`: as a national catalogue's city.
fn loaded_for(city: Option<&str>) -> Workbench {
    let data = repo().join("data");
    let manifest = std::fs::read_to_string(data.join("manifest.json")).unwrap();
    let mut w = Workbench::new(&manifest, Lang::En, city).unwrap();
    let files = w.site_files();
    assert!(
        files.iter().all(|f| !f.path.starts_with("parcels/")),
        "{files:?}"
    );
    assert!(files.iter().any(|f| f.path == "layers/blocks.geojson"));
    assert!(files.iter().any(|f| f.path == "reference/per-capita.json"));
    for f in files {
        let bytes = std::fs::read(data.join(&f.path)).unwrap();
        let problems = w.add_site_file(&f.path, &bytes).unwrap();
        assert!(problems.is_empty(), "{}: {problems:?}", f.path);
    }
    w
}

#[test]
fn the_workbench_designates_profiles_and_writes_every_file_from_an_opened_survey() {
    let mut w = loaded();
    assert!(w.designation().is_none());
    let survey = std::fs::read(repo().join("data/parcels/parcels.geojson")).unwrap();
    let opened = w.open_survey("parcels.geojson", survey.clone()).unwrap();
    assert_eq!(opened.plots, 10_400);
    let d = w.designate().unwrap().clone();
    // The generator's own figures, block by block.
    let gen: Value = serde_json::from_str(
        &std::fs::read_to_string(repo().join("tests/fixtures/block-figures.json")).unwrap(),
    )
    .unwrap();
    let judged = gen["judged"].as_object().unwrap();
    let mut compared = 0;
    for b in &d.blocks {
        if let Some(g) = judged.get(&b.block_id) {
            let share = |x: Option<f64>| (x.unwrap() * 1000.0).round() / 1000.0;
            assert_eq!(
                share(b.fine_grain_share),
                g["fine_grain_share"].as_f64().unwrap()
            );
            assert_eq!(
                share(b.no_structure_share),
                g["no_structure_share"].as_f64().unwrap()
            );
            assert_eq!(b.plots as u64, g["plots"].as_u64().unwrap());
            compared += 1;
        }
    }
    assert_eq!(compared, judged.len());
    assert!(d.proposal.is_some());
    assert_eq!(w.profile().len(), 10);
    let dossier = w.dossier(Paper::A4, TODAY).unwrap();
    assert!(
        dossier.contains(&sha256_hex(&survey)),
        "the survey's SHA-256"
    );
    let names: Vec<String> = w
        .downloads("https://baft.example/", TODAY)
        .into_iter()
        .map(|d| d.name)
        .collect();
    // Owner letters from the opened survey: TN-10's plots in the fabric, a page each.
    let letters = w.letters("TN-10", "https://baft.example/", TODAY).unwrap();
    let html = String::from_utf8(letters.bytes).unwrap();
    assert_eq!(letters.name, "letters-TN-10.html");
    assert_eq!(html.matches("<section class=letter>").count(), 72);
    assert!(html.contains("https://baft.example/#id=QB-"));
    assert!(w.letters("TN-99", "https://baft.example/", TODAY).is_none());
    assert_eq!(w.neighbourhoods().len(), 10);
    for n in [
        "designation-blocks.csv",
        "designation-blocks.geojson",
        "designation-blocks.fgb",
        "designation-proposal.geojson",
        "designation-proposal.fgb",
        "dossier-a4.html",
        "dossier-a3.html",
        "profile-TN-01.html",
        "brochure-TN-10.html",
        "banner-TN-10.svg",
    ] {
        assert!(names.iter().any(|x| x == n), "{n} in {names:?}");
    }
}

/// The per-capita targets are optional: a bad file is a problem in words, and the workbench
/// designates without profiles.
#[test]
fn without_per_capita_targets_the_workbench_goes_on_without_profiles() {
    let data = repo().join("data");
    let manifest = std::fs::read_to_string(data.join("manifest.json")).unwrap();
    let mut w = Workbench::new(&manifest, Lang::En, None).unwrap();
    for f in w.site_files() {
        let bytes = if f.optional {
            b"{\"targets\": 3}".to_vec()
        } else {
            std::fs::read(data.join(&f.path)).unwrap()
        };
        let problems = w.add_site_file(&f.path, &bytes).unwrap();
        assert_eq!(
            problems.len(),
            f.optional as usize,
            "{}: {problems:?}",
            f.path
        );
    }
    let survey = std::fs::read(repo().join("data/parcels/parcels.geojson")).unwrap();
    w.open_survey("parcels.geojson", survey).unwrap();
    assert!(w.designate().is_some());
    assert!(w.profile().is_empty());
    assert!(w.letters("TN-01", "https://baft.example/", TODAY).is_some());
}

#[test]
fn a_survey_that_is_not_one_is_a_clear_error_and_the_workbench_goes_on() {
    let mut w = loaded();
    let e = w
        .open_survey("plots.geojson", b"{\"type\": \"Feature".to_vec())
        .unwrap_err();
    assert!(e.contains("JSON"), "{e}");
    let e = w
        .open_survey("plots.csv", b"id,location\n".to_vec())
        .unwrap_err();
    assert!(!e.is_empty());
    let survey = std::fs::read(repo().join("data/parcels/parcels.geojson")).unwrap();
    assert_eq!(
        w.open_survey("parcels.geojson", survey).unwrap().plots,
        10_400
    );
}

/// A survey opened as FlatGeobuf (as QGIS exports it) gives the same designation as the GeoJSON.
#[test]
fn a_flatgeobuf_survey_designates_like_the_geojson() {
    let text = std::fs::read_to_string(repo().join("data/parcels/parcels.geojson")).unwrap();
    let (fgb, _, _) =
        baft_core::read::fgb::from_geojson("parcels.geojson", &text, None, None).unwrap();
    let mut a = loaded();
    a.open_survey("parcels.geojson", text.into_bytes()).unwrap();
    let mut b = loaded();
    assert_eq!(b.open_survey("survey.fgb", fgb).unwrap().plots, 10_400);
    let (da, db) = (
        a.designate().unwrap().clone(),
        b.designate().unwrap().clone(),
    );
    assert_eq!(da.blocks, db.blocks);
    assert_eq!(da.proposal.map(|p| p.blocks), db.proposal.map(|p| p.blocks));
}

/// In a national deployment the staff page opens the city its address names (`?c=`), and the
/// outreach's QR links carry that city, so that an owner's scan opens the city's data and not
/// the city chooser; a single city's links carry none.
#[test]
fn a_national_citys_outreach_links_carry_the_city() {
    use baft_staff::site::{site_city, SiteCity};
    let catalogue = r#"{"format_version": 1, "catalogue": true, "title": {"fa": "ملی", "en": "National"},
      "cities": [{"id": "karaj", "name": {"fa": "کرج", "en": "Karaj"}, "folder": "karaj/", "envelope": [50.8, 35.7, 51.1, 35.9]},
                 {"id": "qods", "name": {"fa": "قدس", "en": "Qods"}, "folder": "cities/qods/", "envelope": [51.0, 35.6, 51.2, 35.8]}]}"#;
    let SiteCity::City { id, folder, .. } = site_city(catalogue, Some("qods"), Lang::En).unwrap()
    else {
        panic!("qods is in the catalogue");
    };
    assert_eq!((id.as_str(), folder.as_str()), ("qods", "cities/qods/"));
    let SiteCity::Choose { cities, why } = site_city(catalogue, Some("tabriz"), Lang::Fa).unwrap()
    else {
        panic!("tabriz is not in the catalogue");
    };
    assert_eq!(cities.len(), 2);
    assert!(why.unwrap().contains("«tabriz»"));
    let bad = catalogue.replace("\"cities/qods/\"", "\"/qods\"");
    assert!(site_city(&bad, Some("qods"), Lang::En)
        .unwrap_err()
        .contains("cities[1].folder"));

    let survey = std::fs::read(repo().join("data/parcels/parcels.geojson")).unwrap();
    let links = |city: Option<&str>| {
        let mut w = loaded_for(city);
        w.open_survey("parcels.geojson", survey.clone()).unwrap();
        w.designate();
        let letters = w.letters("TN-10", "https://baft.example/", TODAY).unwrap();
        let letters = String::from_utf8(letters.bytes).unwrap();
        let brochure = (w.downloads("https://baft.example/", TODAY).into_iter())
            .find(|d| d.name == "brochure-TN-10.html")
            .unwrap();
        (letters, String::from_utf8(brochure.bytes).unwrap())
    };
    let (letters, brochure) = links(Some(&id));
    assert!(letters.contains("https://baft.example/#id=QB-"));
    assert!(letters.contains("c=qods"), "{}", &letters[..3000]);
    assert!(brochure.contains("c=qods"));
    let (letters, brochure) = links(None);
    assert!(!letters.contains("c=qods") && !brochure.contains("c=qods"));
    assert!(letters.contains("https://baft.example/#id=QB-"));
}
