//! The `baft` binary as a user runs it.

mod common;
use common::*;
use std::process::Output;

/// `baft check --zones FILE` (one zones file, no manifest), then `more`.
fn check_zones(file: &str, more: &[&str]) -> Output {
    baft(&[&["check", "--zones", file][..], more].concat(), None)
}

#[test]
fn check_a_point_as_json() {
    let (lat, lon) = fixture("worn_block");
    let o = check(&["--point", &format!("{lat},{lon}"), "--json"]);
    assert_ok(&o);
    let v = json(&o);
    assert_eq!(v["result"]["layers"][0]["status"], "inside");
    assert_eq!(v["result"]["layers"][0]["layer"]["version"]["id"], "1402");
    assert_eq!(v["input"]["form"], "decimal");
    assert!(stderr(&o).contains("دادهٔ نمونه"), "sample notice on stderr");
}

#[test]
fn text_output_in_both_languages() {
    let (lat, lon) = fixture("worn_block");
    let p = format!("{lat},{lon}");
    let fa = check(&["--point", &p]);
    assert!(
        stdout(&fa).contains("داخل بافت فرسوده است"),
        "{}",
        stdout(&fa)
    );
    let en = check(&["--point", &p, "--lang", "en"]);
    assert!(stdout(&en).contains("Inside the worn-out fabric"));
    assert!(stdout(&en).contains("1402 amendment, approved 1402/05/14 (2023-08-05)"));
}

/// Persian output speaks Persian: the plot's plate, postal code and office address in Persian
/// digits, the package counted instead named (not its id), and the arrow from an unmet condition
/// to what would change it pointing the way the line reads.
#[test]
fn persian_text_output_names_and_numbers_in_persian() {
    let plot = stdout(&check(&["--point", "QB-0232-001"]));
    let first = plot.lines().next().unwrap_or_default();
    assert!(
        first.starts_with("پلاک ۱۱-۱۲۱/۴۰۶ — QB-0232-001 — کد پستی ۳۷۵۱۴۰۰۴۰۶"),
        "{plot}"
    );
    assert!(plot.contains("خیابان نمونه، پلاک ۱۷\n"), "{plot}");
    let (lat, lon) = fixture("worn_block");
    let facts = "block_project=yes,axis=no,area=180,use=residential,units=4";
    let args = |lang| {
        check(&[
            "--point",
            &format!("{lat},{lon}"),
            "--facts",
            facts,
            "--lang",
            lang,
        ])
    };
    let fa = stdout(&args("fa"));
    assert!(
        fa.contains("(به‌جایش: بستهٔ ملی ۱۴۰۱ — گروه ۱: بازآفرینی یکپارچه در مقیاس بلوک)"),
        "{fa}"
    );
    assert!(fa.contains("بر محور اصلی محله: بله ← فقط"), "{fa}");
    assert!(!fa.contains('→'), "{fa}");
    let en = stdout(&args("en"));
    assert!(
        en.contains(
            "(instead: National package 1401 — group 1: integrated block-scale regeneration)"
        ),
        "{en}"
    );
    assert!(en.contains(" → ") && !en.contains('←'), "{en}");
}

#[test]
fn many_points_from_stdin_give_one_json_line_each() {
    let (a, b) = (fixture("worn_block"), fixture("outside_all"));
    let input = format!("{},{}\n\n{} {}\nnonsense\n", a.0, a.1, b.1, b.0);
    let o = baft(&["check", "--data", "data"], Some(&input));
    assert_eq!(o.status.code(), Some(2), "a bad line makes the run exit 2");
    let lines: Vec<serde_json::Value> = stdout(&o)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 3);
    assert_eq!(lines[0]["result"]["layers"][0]["status"], "inside");
    assert_eq!(lines[1]["line"], 3);
    assert_eq!(lines[1]["result"]["layers"][0]["status"], "outside");
    assert_eq!(lines[2]["line"], 4);
    assert_eq!(lines[2]["error"]["code"], "not_found");
    let ok = baft(
        &["check", "--data", "data"],
        Some(&format!("{},{}\n", a.0, a.1)),
    );
    assert_eq!(ok.status.code(), Some(0));
}

#[test]
fn a_plot_file_and_a_corners_file() {
    let o = check(&["--plot", "tests/fixtures/plot-straddling.geojson", "--json"]);
    assert_ok(&o);
    let v = json(&o);
    assert_eq!(v["result"]["layers"][0]["status"], "partly_inside");
    assert!((v["result"]["layers"][0]["share"].as_f64().unwrap() - 0.6).abs() < 0.002);
    let dir = std::env::temp_dir().join(format!("baft-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let corners = dir.join("corners.txt");
    let (lat, lon) = fixture("worn_block");
    std::fs::write(
        &corners,
        format!(
            "A: {} {}\nB: {} {}\nC: {} {}\n",
            lat,
            lon,
            lat + 0.0001,
            lon,
            lat + 0.0001,
            lon + 0.0001
        ),
    )
    .unwrap();
    let o = check(&["--plot", corners.to_str().unwrap(), "--lang", "en"]);
    assert_ok(&o);
    assert!(stdout(&o).contains("Plot area"));
}

#[test]
fn a_single_zones_file_without_a_manifest() {
    let (lat, lon) = fixture("informal_inside");
    let o = check_zones(
        "data/layers/informal-settlements-utm39n.geojson",
        &["--point", &format!("{lat},{lon}"), "--json"],
    );
    assert_ok(&o);
    assert_eq!(json(&o)["result"]["layers"][0]["status"], "inside");
}

#[test]
fn bad_input_and_bad_data_exit_2_with_a_message() {
    let o = check(&["--point", "hello"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("«hello» پیدا نشد"), "{}", stderr(&o));
    // The same point, in English, on data that can't be read.
    let point = ["--point", "35.7,51.1", "--lang", "en"];
    let o = baft(
        &[&["check", "--data", "no-such-dir"][..], &point].concat(),
        None,
    );
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("Could not read"), "{}", stderr(&o));
    let dir = std::env::temp_dir().join(format!("baft-cli-bad-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let f = dir.join("bad.geojson");
    std::fs::write(
        &f,
        "{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\",\"geometry\":null}]}",
    )
    .unwrap();
    let o = check_zones(f.to_str().unwrap(), &point);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("feature 0") && stderr(&o).contains("no geometry"),
        "{}",
        stderr(&o)
    );
}
