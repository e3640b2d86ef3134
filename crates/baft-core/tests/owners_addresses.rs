//! Full street addresses as owners write them: the alley is the one off the street the address
//! names (alleys are numbered along each street, so a city has many `کوچهٔ ۲۲`).

mod common;
use baft_core::answer::search::{search, Found};
use baft_core::dataset::{Dataset, ParcelsRead};
use baft_core::layer::parcels::ParcelLayer;
use baft_core::BaftError;
use common::*;

/// The sample with a second `کوچهٔ ۲۲، پلاک ۸۰` (QB-1754-008, by Taleghani Boulevard, 3.5 km from
/// Sarv Street's), keeping the plots `keep` says, read as `read` says.
fn with_twin(read: ParcelsRead, keep: impl Fn(&serde_json::Value) -> bool) -> Dataset {
    renamed(read, keep, &[])
}

/// [`with_twin`], with the streets of the plots `names` lists renamed.
fn renamed(
    read: ParcelsRead,
    keep: impl Fn(&serde_json::Value) -> bool,
    names: &[(&str, &str)],
) -> Dataset {
    edited(read, keep, |f| {
        for (id, street) in names {
            if f["properties"]["plot_id"] == *id {
                f["properties"]["street"] = (*street).into();
            }
        }
    })
}

/// [`with_twin`], with each plot edited as `edit` says.
fn edited(
    read: ParcelsRead,
    keep: impl Fn(&serde_json::Value) -> bool,
    edit: impl Fn(&mut serde_json::Value),
) -> Dataset {
    let mut ds = sample();
    let text = std::fs::read_to_string(repo().join("data/parcels/parcels.geojson")).unwrap();
    let mut json: serde_json::Value = serde_json::from_str(&text).unwrap();
    let features = json["features"].as_array_mut().unwrap();
    for f in features.iter_mut() {
        if f["properties"]["plot_id"] == "QB-1754-008" {
            f["properties"]["street"] = "کوچهٔ ۲۲".into();
            f["properties"]["street_en"] = "Alley 22".into();
            f["properties"]["house_number"] = 80.into();
        }
        edit(f);
    }
    features.retain(|f| keep(f));
    let spec = ds.manifest.parcels.clone().unwrap();
    let layer = ParcelLayer::load(&spec, &json.to_string(), &ds.frame);
    ds.install_parcels_part(layer, read);
    ds
}

/// The ids of the plots a text finds (panics on anything else).
fn found(ds: &Dataset, text: &str) -> Vec<String> {
    match search(ds, text) {
        Ok(Found::Parcels(v)) => ids(ds, &v),
        other => panic!("{text}: {other:?}"),
    }
}

/// Alleys are numbered along each street: a full address's alley is the one off the street it
/// names. A second `کوچهٔ ۲۲، پلاک ۸۰` is written by Taleghani Boulevard, 3.5 km from Sarv Street.
#[test]
fn a_full_address_finds_the_alley_off_the_street_it_names() {
    let ds = with_twin(ParcelsRead::All, |_| true);
    let ids = |text: &str| found(&ds, text);
    let both = ["QB-0185-001", "QB-1754-008"];
    assert_eq!(ids("کوچهٔ ۲۲، پلاک ۸۰"), both);
    // A way the data does not know narrows nothing: the owner chooses.
    assert_eq!(ids("خیابان ناشناس، کوچهٔ ۲۲، پلاک ۸۰"), both);
    for text in [
        "خیابان سرو، کوچهٔ ۲۲، پلاک ۸۰",
        "خيابان سرو كوچه ۲۲ پلاك ۸۰ طبقه ۲",
        "No. 80, Alley 22, Sarv St.",
    ] {
        assert_eq!(ids(text), ["QB-0185-001"], "{text}");
    }
    for text in [
        "بلوار طالقانی، کوچهٔ ۲۲، پلاک ۸۰",
        "No 80, Alley 22, Taleghani Blvd",
    ] {
        assert_eq!(ids(text), ["QB-1754-008"], "{text}");
    }
    // A known way with no such plot near it is no such address, never the other street's plot.
    match search(&ds, "میدان شهدا، کوچهٔ ۲۲، پلاک ۸۰") {
        Err(BaftError::AddressNotFound { street, number }) => {
            assert!(street.contains("شهدا") && street.contains("22"), "{street}");
            assert_eq!(number, "80");
        }
        other => panic!("{other:?}"),
    }
}

/// After a review: a named street's plot far along it is still found; a landmark on the way
/// (`نرسیده به میدان شهدا`, `نبش کوچهٔ ۲۲`) is neither the street nor the way; floors and units
/// in words; the spellings owners use (`کوچه‌ی`, `خ.`, `ک.`, `پ.`, `پلاک۸۰`, `کوچه شماره ۲۲`).
#[test]
fn landmarks_units_and_spellings_in_a_full_address() {
    let ds = with_twin(ParcelsRead::All, |_| true);
    let ids = |text: &str| found(&ds, text);
    // Sarv No. 82 is about 680 m from Ferdowsi Boulevard, where Sarv meets it.
    assert_eq!(ids("بلوار فردوسی، خیابان سرو، پلاک ۸۲"), ["QB-0230-001"]);
    // The corner plot is on Sarv; alley 22's No. 82 is another.
    assert_eq!(ids("خیابان سرو، نبش کوچهٔ ۲۲، پلاک ۸۲"), ["QB-0230-001"]);
    assert_eq!(ids("کوچهٔ ۲۲، پلاک ۸۲"), ["QB-0230-002"]);
    for text in [
        "خیابان سرو، نرسیده به میدان شهدا، کوچهٔ ۲۲، پلاک ۸۰",
        "خیابان سرو، انتهای کوچهٔ ۲۲، پلاک ۸۰",
        "خیابان سرو، کوچهٔ ۲۲، پلاک ۸۰ طبقه دوم",
        "خیابان سرو، کوچهٔ ۲۲، پلاک ۸۰، همکف",
        "Unit 3, No. 80, Alley 22, Sarv St.",
        "خ. سرو، ک. ۲۲، پ. ۸۰",
        "خیابان سرو کوچه۲۲ پلاک۸۰",
        "خیابان سرو، کوچه‌ی ۲۲، پلاک ۸۰",
        "خیابان سرو، کوچه شماره ۲۲، پلاک ۸۰",
    ] {
        assert_eq!(ids(text), ["QB-0185-001"], "{text}");
    }
    assert_eq!(ids("کوچه‌ی ۲۲، پلاک ۸۰"), ["QB-0185-001", "QB-1754-008"]);
}

/// While the plots arrive, a numbered alley off a way no plot read so far is on waits for them:
/// the twin by Taleghani Boulevard is not answered for Sarv Street's alley.
#[test]
fn an_alley_off_a_way_not_read_yet_waits() {
    let block = |f: &serde_json::Value| f["properties"]["block_id"] == "QB-1754";
    let mut ds = with_twin(ParcelsRead::Loading, block);
    ds.streets = None;
    let text = "خیابان سرو، کوچهٔ ۲۲، پلاک ۸۰";
    assert!(
        matches!(search(&ds, text), Err(BaftError::PlotsLoading)),
        "{:?}",
        search(&ds, text)
    );
    // The twin's own way is known by its plots: it is found.
    let found = search(&ds, "بلوار طالقانی، کوچهٔ ۲۲، پلاک ۸۰");
    assert!(
        matches!(found, Ok(Found::Parcels(ref v)) if v.len() == 1),
        "{found:?}"
    );
}

/// After a second review: an address written without commas keeps its landmark with the way it
/// leads into (`… سرو نبش کوچه ۲۲ …`), its `انتهای` off the street, and a floor before the
/// number; an address whose landmark is last (`…، روبروی مسجد`) or whose `انتهای` is first.
#[test]
fn landmarks_without_commas_and_at_either_end() {
    let ds = with_twin(ParcelsRead::All, |_| true);
    // Sarv No. 82 and alley 22's No. 80, off Sarv.
    let (sarv, alley) = ("QB-0230-001", "QB-0185-001");
    for (text, id) in [
        ("خیابان سرو نبش کوچه ۲۲ پلاک ۸۲", sarv),
        ("خیابان سرو، پلاک ۸۲، روبروی مسجد", sarv),
        ("انتهای خیابان سرو ۸۲", sarv),
        ("خیابان سرو، سر کوچهٔ ۲۲، پلاک ۸۲", sarv),
        ("خیابان سرو نرسیده به میدان شهدا کوچه ۲۲ پلاک ۸۰", alley),
        ("خیابان سرو انتهای کوچه ۲۲ پلاک ۸۰", alley),
        ("خیابان سرو، داخل کوچه ۲۲، پلاک ۸۰", alley),
        ("خیابان سرو، کوچه ۲۲ طبقه ۲ پلاک ۸۰", alley),
        ("خیابان سرو، کوچه ۲۲ همکف پلاک ۸۰", alley),
        // Every Persian kind the street search drops cuts a way: the ezafe written on
        // (`کوچهی`), abbreviations.
        ("خیابان سرو کوچهی ۲۲ پلاک ۸۰", alley),
        ("خ. سرو ک. ۲۲ پ. ۸۰", alley),
    ] {
        assert_eq!(found(&ds, text), [id], "{text}");
    }
}

/// An alley is one as typed, whatever its name (`کوچهٔ ۲۲ شرقی`): off a known way with no such
/// plot near it, it is no such address; a street named by a number (`خیابان ۹۹`) is one street,
/// found far along the way. A street named with a landmark's word (`سر آسیاب`) is no landmark.
#[test]
fn an_alley_is_one_as_typed() {
    // A dead end (`بن‌بست`, its non-joiner dropped by the search box) is an alley too; with
    // commas or without.
    for (alley, near) in [
        ("کوچهٔ ۲۲ شرقی", "خیابان سرو، کوچهٔ ۲۲ شرقی، پلاک ۸۰"),
        ("بن‌بست ارکیده", "خیابان سرو بن‌بست ارکیده پلاک ۸۰"),
    ] {
        let both = [("QB-0185-001", alley), ("QB-1754-008", alley)];
        let ds = renamed(ParcelsRead::All, |_| true, &both);
        assert_eq!(found(&ds, near), ["QB-0185-001"], "{near}");
        let far = search(&ds, &format!("میدان شهدا، {alley}، پلاک ۸۰"));
        assert!(
            matches!(far, Err(BaftError::AddressNotFound { .. })),
            "{alley}: {far:?}"
        );
    }
    // While the plots arrive, the alley off a way not read yet waits.
    let block = |f: &serde_json::Value| f["properties"]["block_id"] == "QB-1754";
    let east = [("QB-1754-008", "کوچهٔ ۲۲ شرقی")];
    let mut loading = renamed(ParcelsRead::Loading, block, &east);
    loading.streets = None;
    let wait = search(&loading, "خیابان سرو، کوچهٔ ۲۲ شرقی، پلاک ۸۰");
    assert!(matches!(wait, Err(BaftError::PlotsLoading)), "{wait:?}");

    // Sarv No. 82 as `خیابان ۹۹`: about 680 m from Ferdowsi Boulevard, still found.
    let ds = renamed(ParcelsRead::All, |_| true, &[("QB-0230-001", "خیابان ۹۹")]);
    assert_eq!(
        found(&ds, "بلوار فردوسی، خیابان ۹۹، پلاک ۸۲"),
        ["QB-0230-001"]
    );

    // Alley 22's No. 82, by Sarv Street, renamed `کوچه سر آسیاب`.
    let ds = renamed(
        ParcelsRead::All,
        |_| true,
        &[("QB-0230-002", "کوچه سر آسیاب")],
    );
    assert_eq!(found(&ds, "خیابان سرو، سر آسیاب، پلاک ۸۲"), ["QB-0230-002"]);
    assert_eq!(
        found(&ds, "خیابان سرو، کوچه سر آسیاب، پلاک ۸۲"),
        ["QB-0230-002"]
    );
}

/// A door on a way off an alley (`خیابان سرو، کوچهٔ ۲۲، بن‌بست ۳، پلاک ۵`) is near the alley 22
/// that is near Sarv Street, not near any alley 22. Dead end 3 No. 5 is written twice: by alley
/// 22 off Sarv (QB-0185-002) and by its twin by Taleghani Boulevard (QB-1754-007). With the
/// streets layer and without it (the ways known by the plots on them alone). The sample's alley
/// 22 is one line from Sarv Street to Taleghani Boulevard: only its stretch near the way named
/// counts.
#[test]
fn a_way_off_an_alley_is_kept_to_the_alley_off_the_street_named() {
    let (sarv, taleghani) = ("QB-0185-002", "QB-1754-007");
    let mut ds = edited(
        ParcelsRead::All,
        |_| true,
        |f| {
            if f["properties"]["plot_id"] == sarv || f["properties"]["plot_id"] == taleghani {
                f["properties"]["street"] = "بن‌بست ۳".into();
                f["properties"]["house_number"] = 5.into();
            }
        },
    );
    for streets in [true, false] {
        if !streets {
            ds.streets = None;
            // Either is near an alley 22.
            assert_eq!(found(&ds, "کوچهٔ ۲۲، بن‌بست ۳، پلاک ۵"), [sarv, taleghani]);
        }
        for (text, id) in [
            ("خیابان سرو، کوچهٔ ۲۲، بن‌بست ۳، پلاک ۵", sarv),
            ("خیابان سرو کوچه ۲۲ بن بست ۳ پلاک ۵", sarv),
            // A way named twice counts once; one more way beyond a street narrows nothing.
            ("خیابان سرو، خیابان سرو، کوچهٔ ۲۲، بن‌بست ۳، پلاک ۵", sarv),
            ("بلوار جمهوری، خیابان سرو، کوچهٔ ۲۲، بن‌بست ۳، پلاک ۵", sarv),
            // The twin's alley 22 is by Taleghani Boulevard; so is the far end of the alley 22
            // line that starts at Sarv Street, whose stretch by Sarv is 3.4 km away.
            ("بلوار طالقانی، کوچهٔ ۲۲، بن‌بست ۳، پلاک ۵", taleghani),
        ] {
            assert_eq!(found(&ds, text), [id], "{text} (streets: {streets})");
        }
        // A street is one: an alley off it may be far along it, beyond the boulevard it leads
        // off (Sarv's alley 22 is over 400 m from Jomhouri Boulevard's end of Sarv).
        let far = "بلوار جمهوری، خیابان سرو، کوچهٔ ۲۲، پلاک ۸۰";
        assert_eq!(
            found(&ds, far),
            ["QB-0185-001"],
            "{far} (streets: {streets})"
        );
        // No alley 22 is near Shohada Square (a point of the streets layer): no such address,
        // named whole. Without the layer the square is not known, and narrows nothing.
        let text = "میدان شهدا، کوچهٔ ۲۲، بن‌بست ۳، پلاک ۵";
        match (streets, search(&ds, text)) {
            (true, Err(BaftError::AddressNotFound { street, number })) => {
                assert!(street.starts_with("میدان شهدا، کوچه"), "{street}");
                assert!(street.ends_with('3'), "{street}");
                assert_eq!(number, "5");
                // In English as written in English: the street first.
                let english = search(&ds, "No. 5, Alley 3, Alley 22, Shohada Square");
                assert!(
                    matches!(&english, Err(BaftError::AddressNotFound { street, .. })
                        if street == "alley 3, alley 22, shohada square"),
                    "{english:?}"
                );
            }
            (false, Ok(Found::Parcels(v))) => assert_eq!(ids(&ds, &v), [sarv, taleghani]),
            other => panic!("{other:?}"),
        }
    }
}

/// While plots are still read, a dead end off an alley off a way not read yet waits for it,
/// rather than answering the dead end off another alley 22 (here only the twin's block is
/// read, so Sarv Street is not known yet).
#[test]
fn a_way_off_an_alley_off_a_way_not_read_yet_waits() {
    let block = |f: &serde_json::Value| f["properties"]["block_id"] == "QB-1754";
    let mut ds = edited(ParcelsRead::Loading, block, |f| {
        if f["properties"]["plot_id"] == "QB-1754-007" {
            f["properties"]["street"] = "بن‌بست ۳".into();
            f["properties"]["house_number"] = 5.into();
        }
    });
    ds.streets = None;
    let wait = search(&ds, "خیابان سرو، کوچهٔ ۲۲، بن‌بست ۳، پلاک ۵");
    assert!(matches!(wait, Err(BaftError::PlotsLoading)), "{wait:?}");
    // Its own ways known, the twin's dead end is found.
    let text = "بلوار طالقانی، کوچهٔ ۲۲، بن‌بست ۳، پلاک ۵";
    assert_eq!(found(&ds, text), ["QB-1754-007"]);
}
