//! `baft outreach` (issue 13): a brochure and a banner for every target neighbourhood, whose link
//! (the QR code's text) points inside that neighbourhood, with the packages that apply there.

mod common;
use common::{assert_ok, baft, baft_out, check, fresh_dir, repo};
use serde_json::Value;
use std::path::Path;

#[test]
fn every_neighbourhood_gets_a_brochure_and_a_banner_pointing_inside_it() {
    let out = fresh_dir("outreach");
    let o = baft_out(
        "outreach data --url https://baft.example/ --date 1405/09/05 --lang en --out",
        &out,
    );
    assert_ok(&o);
    let layer: Value = serde_json::from_str(
        &std::fs::read_to_string(repo().join("data/layers/target-neighbourhoods.geojson")).unwrap(),
    )
    .unwrap();
    let features = layer["features"].as_array().unwrap();
    assert_eq!(features.len(), 10);
    for f in features {
        let (id, name) = (
            f["properties"]["zone_id"].as_str().unwrap(),
            f["properties"]["name"].as_str().unwrap(),
        );
        let html = std::fs::read_to_string(out.join(format!("brochure-{id}.html"))).unwrap();
        assert!(html.contains(&format!("<h1>نوسازی در {name}</h1>")), "{id}");
        assert!(html.contains("<li class=package>"), "{id}: packages listed");
        assert!(html.contains("دفتر تسهیلات نوسازی"), "{id}: the office");
        assert!(html.contains("<svg"), "{id}: the QR code");
        assert!(
            html.contains("<p>نسخهٔ داده‌ها: <bdi class=id>qods-sample-1</bdi> <span class=en>Data: qods-sample-1</span></p>"),
            "{id}: the data version in both languages"
        );
        let banner = std::fs::read_to_string(out.join(format!("banner-{id}.svg"))).unwrap();
        assert!(banner.starts_with("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"3000mm\""));
        // The link points inside the neighbourhood, as the CLI itself answers.
        let link = html
            .split("<p class=link>")
            .nth(1)
            .unwrap()
            .split('<')
            .next()
            .unwrap();
        let p = link.split("#p=").nth(1).unwrap().split('&').next().unwrap();
        assert!(link.starts_with("https://baft.example/#p="), "{link}");
        let a = check(&["--point", p, "--json", "--lang", "en"]);
        assert_ok(&a);
        let a: Value = serde_json::from_slice(&a.stdout).unwrap();
        let tn = a["result"]["layers"]
            .as_array()
            .unwrap()
            .iter()
            .find(|l| l["layer"]["id"] == "target-neighbourhoods")
            .unwrap();
        assert_eq!(tn["status"], "inside", "{id}");
        assert_eq!(tn["zones"][0]["id"], id, "{id}");
    }
    let _ = std::fs::remove_dir_all(&out);
}

/// `--letters`: a letter for every plot the worn-out fabric holds, and none for the others, each
/// listing the packages `baft check` finds applying (or maybe applying) to that plot, with a link
/// to the plot; `--neighbourhood` keeps one neighbourhood's, and an unknown one is an error.
#[test]
fn owner_letters_for_exactly_the_plots_inside_the_fabric() {
    let out = fresh_dir("letters");
    assert_ok(&baft_out("outreach data --url https://baft.example/ --date 1405/09/05 --letters --neighbourhood TN-10 --out", &out));
    // Only TN-10's letters were written.
    let files = std::fs::read_dir(&out)
        .unwrap()
        .map(|e| e.unwrap().file_name());
    let written: Vec<_> = files
        .filter(|n| n.to_str().unwrap().starts_with("letters-"))
        .collect();
    assert_eq!(written, ["letters-TN-10.html"]);
    let letters = std::fs::read_to_string(out.join("letters-TN-10.html")).unwrap();
    let letter = |id: &str| {
        let at = letters.find(&format!("<span class=id>{id}</span>"))?;
        let start = letters[..at].rfind("<section class=letter>").unwrap();
        let end = at + letters[at..].find("</section>").unwrap();
        Some(letters[start..end].to_string())
    };
    // TN-10's plots (plate main number 152 in the sample), asked of `baft batch` in one run:
    // a letter for exactly those the worn-out fabric holds.
    let ids = plots_with_plate_main(152);
    let in_fabric = in_worn_out_fabric(&ids, &out);
    let lettered: Vec<String> = (ids.iter())
        .filter(|id| letter(id).is_some())
        .map(|id| id.to_string())
        .collect();
    assert_eq!(lettered, in_fabric);
    assert!(
        !in_fabric.is_empty() && in_fabric.len() < ids.len(),
        "{} of {}",
        in_fabric.len(),
        ids.len()
    );
    // Two letters' packages: those `baft check` finds applying or maybe applying.
    for id in in_fabric.iter().take(2) {
        let text = letter(id).unwrap();
        assert!(
            text.contains(&format!("#id={id}")),
            "{id}: the link opens the plot"
        );
        let a = check(&["--point", id, "--json", "--date", "1405/09/05"]);
        assert_ok(&a);
        let a: Value = serde_json::from_slice(&a.stdout).unwrap();
        for r in a["incentives"]["results"].as_array().unwrap() {
            let name = r["package"]["name"]["fa"].as_str().unwrap();
            let name = baft_core::base::digits::to_persian_digits(name);
            let listed = text.contains(&format!("<b>{name}</b>"));
            let applies = matches!(r["status"].as_str(), Some("applies" | "may_apply"));
            assert_eq!(listed, applies, "{id}: {name} {}", r["status"]);
        }
    }
    let o = baft_out(
        "outreach data --url u --letters --neighbourhood TN-99 --lang en --out",
        &out,
    );
    assert_eq!(o.status.code(), Some(2));
    let e = String::from_utf8_lossy(&o.stderr);
    assert!(e.contains("no target neighbourhood “TN-99”"), "{e}");
    let _ = std::fs::remove_dir_all(&out);
}

/// The sample's plots whose plate's main number is `main`.
fn plots_with_plate_main(main: u64) -> Vec<String> {
    let text = std::fs::read_to_string(repo().join("data/parcels/parcels.geojson")).unwrap();
    let layer: Value = serde_json::from_str(&text).unwrap();
    let ids: Vec<String> = (layer["features"].as_array().unwrap().iter())
        .filter(|f| f["properties"]["plate_main"] == main)
        .map(|f| f["properties"]["plot_id"].as_str().unwrap().to_string())
        .collect();
    ids
}

/// Those of `ids` the worn-out fabric holds (inside, or partly inside by half or more), asked
/// of `baft batch` in one run (its CSV is written to `out`).
fn in_worn_out_fabric(ids: &[String], out: &Path) -> Vec<String> {
    let csv: String = std::iter::once("id,location".to_string())
        .chain(ids.iter().map(|id| format!("{id},{id}")))
        .collect::<Vec<_>>()
        .join("\n");
    let plots = out.join("tn-10.csv");
    std::fs::write(&plots, csv).unwrap();
    let plots = plots.to_str().unwrap();
    let b = baft(
        &["batch", plots, "--data", "data", "--format", "json"],
        None,
    );
    assert_ok(&b);
    let mut in_fabric = Vec::new();
    for line in String::from_utf8_lossy(&b.stdout).lines() {
        let row: Value = serde_json::from_str(line).unwrap();
        let worn = row["layers"]["worn-out-fabric"].as_str().unwrap();
        let (status, share) = worn.split_once(':').unwrap();
        let share: f64 = share.parse().unwrap();
        if status == "inside" || (status == "partly_inside" && share >= 0.5) {
            in_fabric.push(row["id"].as_str().unwrap().to_string());
        }
    }
    in_fabric
}

/// In a national deployment the QR links carry the city (`c=`), found in the catalogue beside
/// the city's folder, or given with `--city`, so that they open the plot or the neighbourhood
/// instead of the city chooser; every link carries the data and boundary versions it was made
/// with, as the app's share links do.
/// A national deployment in `out/national`: a catalogue listing one city, `qods/`, a link to the
/// sample data. Returns the city's folder.
fn national(out: &Path) -> std::path::PathBuf {
    let national = out.join("national");
    std::fs::create_dir_all(&national).unwrap();
    std::fs::write(
        national.join("manifest.json"),
        r#"{"format_version": 1, "catalogue": true, "title": {"fa": "ملی", "en": "National"},
            "cities": [{"id": "qods", "name": {"fa": "قدس", "en": "Qods"}, "folder": "qods/",
                        "envelope": [51.07, 35.68, 51.15, 35.74]}]}"#,
    )
    .unwrap();
    std::os::unix::fs::symlink(repo().join("data"), national.join("qods")).unwrap();
    national.join("qods")
}

/// `baft outreach CITY --out MADE` with `more` arguments.
fn outreach_of(city: &Path, made: &Path, more: &[&str]) -> std::process::Output {
    let mut args = vec![
        "outreach",
        city.to_str().unwrap(),
        "--out",
        made.to_str().unwrap(),
    ];
    args.extend(more);
    baft(&args, None)
}

#[test]
fn links_in_a_national_deployment_open_the_city() {
    let out = fresh_dir("outreach-national");
    let city = national(&out);
    let made = out.join("made");
    let o = outreach_of(
        &city,
        &made,
        &[
            "--url",
            "https://baft.example/",
            "--date",
            "1405/09/05",
            "--letters",
            "--neighbourhood",
            "TN-10",
        ],
    );
    assert_ok(&o);
    let brochure = std::fs::read_to_string(made.join("brochure-TN-10.html")).unwrap();
    assert!(
        brochure.contains("&amp;c=qods&amp;lang=fa&amp;v=qods-sample-1&amp;b=1402,"),
        "{}",
        &brochure[brochure.find("<p class=link>").unwrap()..][..200]
    );
    let letters = std::fs::read_to_string(made.join("letters-TN-10.html")).unwrap();
    let links = letters
        .matches("<p class=link>https://baft.example/#id=")
        .count();
    assert!(links > 0);
    assert_eq!(
        letters.matches("&amp;c=qods&amp;lang=fa&amp;v=").count(),
        links
    );
    // The data folder itself, with --city: the same.
    let o = baft_out(
        "outreach data --url https://baft.example/ --city qods --date 1405/09/05 --out",
        &out.join("given"),
    );
    assert_ok(&o);
    let given = std::fs::read_to_string(out.join("given/brochure-TN-10.html")).unwrap();
    assert!(given.contains("&amp;c=qods&amp;"));
    // A single city's folder: no city in the links.
    let o = baft_out(
        "outreach data --url https://baft.example/ --date 1405/09/05 --out",
        &out.join("single"),
    );
    assert_ok(&o);
    let single = std::fs::read_to_string(out.join("single/brochure-TN-10.html")).unwrap();
    assert!(!single.contains("c=qods"));
    let _ = std::fs::remove_dir_all(&out);
}

/// A city the catalogue above the folder does not list is an error naming its cities.
#[test]
fn a_city_the_catalogue_does_not_list_is_an_error() {
    let out = fresh_dir("outreach-national-unknown");
    let city = national(&out);
    let made = out.join("made");
    let o = outreach_of(
        &city,
        &made,
        &["--url", "u", "--city", "tehran", "--lang", "en"],
    );
    assert_eq!(o.status.code(), Some(2));
    assert!(
        common::stderr(&o).contains("the catalogue lists no city “tehran”; its cities: qods"),
        "{}",
        common::stderr(&o)
    );
    // The catalogue lists this folder as qods: another city it lists is not this folder's.
    let text = std::fs::read_to_string(out.join("national/manifest.json")).unwrap();
    let two = text.replace(
        r#""cities": ["#,
        r#""cities": [{"id": "karaj", "name": {"fa": "کرج", "en": "Karaj"}, "folder": "karaj/",
                        "envelope": [50.8, 35.7, 51.1, 35.9]},"#,
    );
    std::fs::write(out.join("national/manifest.json"), two).unwrap();
    let o = outreach_of(
        &city,
        &made,
        &["--url", "u", "--city", "karaj", "--lang", "en"],
    );
    assert_eq!(o.status.code(), Some(2));
    assert!(
        common::stderr(&o)
            .contains("the catalogue lists this folder as the city “qods”, not “karaj”"),
        "{}",
        common::stderr(&o)
    );
    let _ = std::fs::remove_dir_all(&out);
}

/// A catalogue above the folder that does not list it, or does not read, is said on stderr,
/// and the links name no city (as a single city's do); the outreach is still made.
#[test]
fn a_catalogue_that_does_not_list_the_folder_or_does_not_read_is_warned_about() {
    let out = fresh_dir("outreach-national-warn");
    let city = national(&out);
    let catalogue = out.join("national/manifest.json");
    let text = std::fs::read_to_string(&catalogue).unwrap();
    let args = ["--url", "https://baft.example/", "--lang", "en"];
    for (case, text, warning) in [
        (
            "unlisted",
            text.replace(r#""folder": "qods/""#, r#""folder": "karaj/""#),
            "warning: the catalogue above this folder does not list it; the links name no city (give --city)",
        ),
        (
            "unreadable",
            text.replace(r#""envelope": [51.07"#, r#""envelope": [151.07"#),
            "does not read (baft validate); the links name no city",
        ),
    ] {
        std::fs::write(&catalogue, text).unwrap();
        let made = out.join(case);
        let o = outreach_of(&city, &made, &args);
        assert_ok(&o);
        assert!(common::stderr(&o).contains(warning), "{case}: {}", common::stderr(&o));
        let brochure = std::fs::read_to_string(made.join("brochure-TN-10.html")).unwrap();
        assert!(brochure.contains("https://baft.example/#p="), "{case}");
        assert!(!brochure.contains("c=qods"), "{case}");
    }
    let _ = std::fs::remove_dir_all(&out);
}
