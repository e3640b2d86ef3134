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
