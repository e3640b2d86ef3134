//! `baft check --point` reads what the app's search box reads: a block id alone answers that
//! block, several matches are listed with their ids (exit 3), names are found whatever the
//! Persian or Arabic letter forms, and the CLI's words are its own.

mod common;
use common::{check, json, stdout};

#[test]
fn a_unique_block_id_gives_its_answer() {
    for id in ["QB-0232", "qb-0232", "QB-۰۲۳۲"] {
        let o = check(&["--point", id, "--lang", "en"]);
        assert_eq!(
            o.status.code(),
            Some(0),
            "{id}: {}",
            String::from_utf8_lossy(&o.stderr)
        );
        let out = stdout(&o);
        assert!(
            out.contains("Inside the worn-out fabric: Block QB-0232"),
            "{id}: {out}"
        );
    }
}

#[test]
fn several_matches_are_listed_with_their_ids_and_exit_3() {
    let o = check(&["--point", "کاووسیه", "--lang", "en"]);
    assert_eq!(o.status.code(), Some(3));
    let out = stdout(&o);
    assert!(out.starts_with("Several matches; pick one:"), "{out}");
    assert!(out.contains("  QB-0232\t"), "{out}");
    assert!(out.contains("give its id with --point"), "{out}");
    let o = check(&["--point", "کاووسیه", "--json"]);
    assert_eq!(o.status.code(), Some(3));
    let v = json(&o);
    assert_eq!(v["kind"], "choices");
    assert!(v["choices"]
        .as_array()
        .unwrap()
        .iter()
        .any(|c| c["id"] == "QB-0232"));
    // Each listed id answers when given back.
    let o = check(&["--point", "QB-0233", "--lang", "en"]);
    assert_eq!(o.status.code(), Some(0), "{}", stdout(&o));
}

#[test]
fn names_are_found_in_arabic_or_persian_letters() {
    // The data stores «کاووسیه» with Persian kaf and yeh; typed with Arabic ones it is the same.
    let persian = check(&["--point", "کاووسیه", "--json"]);
    let arabic = check(&["--point", "كاووسيه", "--json"]);
    assert_eq!(arabic.status.code(), Some(3));
    assert_eq!(stdout(&arabic), stdout(&persian));
    // «محلهٔ سرخ‌حصار» (an ezafe and a zero-width non-joiner), typed with neither.
    let o = check(&["--point", "محله سرخ حصار", "--lang", "en"]);
    assert_eq!(o.status.code(), Some(3), "{}", stdout(&o));
    assert!(stdout(&o).contains("Sorkh Hesar"), "{}", stdout(&o));
}

#[test]
fn a_plot_id_as_answers_show_it_is_that_plot() {
    let o = check(&["--point", "QB-0185-001", "--json"]);
    assert_eq!(o.status.code(), Some(0));
    let v = json(&o);
    assert_eq!(v["parcel"]["plot_id"], "QB-0185-001");
    assert_eq!(v["kind"], "plot");
}

#[test]
fn the_cli_never_speaks_of_a_form() {
    let (lat, lon) = (35.6951226, 51.0945862);
    for lang in ["fa", "en"] {
        let o = check(&["--point", &format!("{lat},{lon}"), "--lang", lang]);
        let out = stdout(&o);
        assert!(out.contains("--facts"), "{out}");
        assert!(!out.contains("form above") && !out.contains("فرم"), "{out}");
    }
}

/// A plate the data holds twice (121/406 in section 11 and again in section 12) lists both
/// plots, with their plates in the line's own digits, and each is picked by its id.
/// A copy of the sample in `t` whose plot QB-0185-001 has plate 121/406 in section 12, as
/// QB-0232-001 has in section 11.
fn two_plates(t: &std::path::Path) -> std::path::PathBuf {
    std::fs::create_dir_all(t).unwrap();
    let data = common::sample_copy(t);
    let file = data.join("parcels/parcels.geojson");
    let mut v: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&file).unwrap()).unwrap();
    let twin = v["features"]
        .as_array_mut()
        .unwrap()
        .iter_mut()
        .find(|f| f["properties"]["plot_id"] == "QB-0185-001")
        .unwrap();
    let p = &mut twin["properties"];
    (p["plate_section"], p["plate_main"], p["plate_sub"]) = (12.into(), 121.into(), 406.into());
    std::fs::write(&file, v.to_string()).unwrap();
    data
}

#[test]
fn a_plate_on_two_plots_lists_both_with_their_plates() {
    let t = common::fresh_dir("two-plates");
    let data = two_plates(&t);
    let run = |lang: &str| {
        let args = [
            "check",
            "--data",
            data.to_str().unwrap(),
            "--point",
            "121/406",
            "--lang",
            lang,
        ];
        let o = common::baft(&args, None);
        assert_eq!(o.status.code(), Some(3), "{}", common::stderr(&o));
        stdout(&o)
    };
    let fa = run("fa");
    assert!(fa.starts_with("چند مورد پیدا شد؛ یکی را برگزینید:"), "{fa}");
    assert!(fa.contains("  QB-0232-001\t۱۱-۱۲۱/۴۰۶ — QB-0232\n"), "{fa}");
    assert!(fa.contains("  QB-0185-001\t۱۲-۱۲۱/۴۰۶ — QB-0185\n"), "{fa}");
    assert!(fa.contains("شناسه‌اش را با --point بدهید"), "{fa}");
    let en = run("en");
    assert!(en.contains("  QB-0232-001\t11-121/406 — QB-0232\n"), "{en}");
    // A section names one of them.
    let args = [
        "check",
        "--data",
        data.to_str().unwrap(),
        "--point",
        "بخش ۱۲ پلاک ۱۲۱/۴۰۶",
        "--json",
    ];
    let o = common::baft(&args, None);
    assert_eq!(o.status.code(), Some(0), "{}", common::stderr(&o));
    assert_eq!(json(&o)["parcel"]["plot_id"], "QB-0185-001");
    let _ = std::fs::remove_dir_all(&t);
}

#[test]
fn batch_lists_a_plate_on_two_plots_and_reads_wkt_with_a_hole() {
    let t = common::fresh_dir("two-plates-batch");
    let data = two_plates(&t);
    // `baft batch` lists them too, as a row not answered (not as unreadable text); a WKT
    // outline with a hole is read by the core.
    let csv = t.join("plots.csv");
    std::fs::write(
        &csv,
        "id,location\nA,121/406\nB,\"POLYGON((51.1 35.7, 51.101 35.7, 51.101 35.701, 51.1 35.701, 51.1 35.7), (51.1004 35.7004, 51.1006 35.7004, 51.1006 35.7006, 51.1004 35.7004))\"\n",
    )
    .unwrap();
    let args = [
        "batch",
        csv.to_str().unwrap(),
        "--data",
        data.to_str().unwrap(),
        "--format",
        "json",
        "--lang",
        "en",
    ];
    let o = common::baft(&args, None);
    assert_eq!(o.status.code(), Some(2), "{}", common::stderr(&o));
    let rows: Vec<serde_json::Value> = (stdout(&o).lines())
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(rows[0]["kind"], "choices");
    assert_eq!(
        rows[0]["choices"],
        serde_json::json!(["QB-0185-001", "QB-0232-001"])
    );
    assert_eq!(
        rows[0]["error"],
        "Several matches; give one by its id: QB-0185-001, QB-0232-001"
    );
    assert_eq!(rows[1]["kind"], "plot", "{}", rows[1]);
    // A 0.001° square less its hole, 2 % of it: the hole is read (within the spherical
    // approximation's half a per cent).
    let square = (0.001 * 111_320.0) * (0.001 * 111_320.0 * 35.7005f64.to_radians().cos());
    let area = rows[1]["area_m2"].as_f64().unwrap();
    assert!((area / square - 0.98).abs() < 0.01, "{area} of {square}");
    let _ = std::fs::remove_dir_all(&t);
}
