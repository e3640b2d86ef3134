//! `baft outreach` (issue 13): a brochure and a banner for every target neighbourhood, whose link
//! (the QR code's text) points inside that neighbourhood, with the packages that apply there.

mod common;
use common::{assert_ok, baft, check, repo};
use serde_json::Value;

#[test]
fn every_neighbourhood_gets_a_brochure_and_a_banner_pointing_inside_it() {
    let out = std::env::temp_dir().join(format!("baft-outreach-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&out);
    let args = "outreach data --url https://baft.example/ --date 1405/09/05 --lang en --out";
    let mut args: Vec<&str> = args.split(' ').collect();
    args.push(out.to_str().unwrap());
    let o = baft(&args, None);
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
