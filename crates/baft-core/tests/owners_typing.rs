//! What owners type or paste that was read as the wrong place: axis labels written once before
//! both numbers, a deed's numbered corner rows, a dash between two numbers or in a renovation
//! code, and Google's dropped-pin links. Each case once put the owner elsewhere (southern
//! Russia, UTM zone 1, the Atlantic) or refused a link that holds its coordinates.

mod common;
use baft_core::answer::search::{search, Found};
use baft_core::input::InputForm;
use baft_core::BaftError;
use common::*;

/// The point a text is found at, (lat, lon).
fn found_at(ds: &baft_core::dataset::Dataset, text: &str) -> (f64, f64, InputForm) {
    match search(ds, text) {
        Ok(Found::Location(p)) => (p.lat, p.lon, p.form),
        other => panic!("{text}: {other:?}"),
    }
}

fn near(a: (f64, f64), b: (f64, f64), eps: f64) -> bool {
    (a.0 - b.0).abs() < eps && (a.1 - b.1).abs() < eps
}

/// Asserts that each text is found at `want` (lat, lon).
fn all_at(ds: &baft_core::dataset::Dataset, texts: &[&str], want: (f64, f64)) {
    for text in texts {
        let (lat, lon, _) = found_at(ds, text);
        assert!(near((lat, lon), want, 1e-9), "{text}: {lat}, {lon}");
    }
}

#[test]
fn axis_labels_before_both_numbers_keep_their_order() {
    let ds = sample();
    let texts = [
        "Lat, Long: 35.7097, 51.1119",
        "Lat Long (35.709700, 51.111900)",
        "lat/lng: 35.7097, 51.1119",
        "Latitude and longitude: 35.7097, 51.1119",
        "عرض و طول: ۳۵٫۷۰۹۷، ۵۱٫۱۱۱۹",
        "Lat Long 35.7097 51.1119",
        "Long, Lat: 51.1119, 35.7097",
        "طول و عرض: ۵۱٫۱۱۱۹، ۳۵٫۷۰۹۷",
    ];
    all_at(&ds, &texts, (35.7097, 51.1119));
    let (.., form) = found_at(&ds, "Long, Lat: 51.1119, 35.7097");
    assert_eq!(form, InputForm::Decimal { swapped: true });
    // UTM figures labelled once, in either order.
    let utm = found_at(&ds, "510100 3951800");
    let labelled = [
        "X, Y: 510100, 3951800",
        "Y, X: 3951800, 510100",
        "E N 510100 3951800",
    ];
    all_at(&ds, &labelled, (utm.0, utm.1));
}

#[test]
fn a_row_number_before_utm_figures_is_no_zone() {
    let ds = sample();
    let plain = found_at(&ds, "510100 3951800");
    for text in [
        "1 510100 3951800",
        "1\t510100.00\t3951800.00",
        "۱۲ ۵۱۰۱۰۰ ۳۹۵۱۸۰۰",
    ] {
        let (lat, lon, form) = found_at(&ds, text);
        assert!(
            near((lat, lon), (plain.0, plain.1), 1e-9),
            "{text}: {lat}, {lon}"
        );
        assert!(
            matches!(form, InputForm::Utm { zone: 39, .. }),
            "{text}: {form:?}"
        );
    }
    // One of Iran's zones before the figures is the zone.
    let (.., form) = found_at(&ds, "38 510100 3951800");
    assert!(matches!(form, InputForm::Utm { zone: 38, .. }), "{form:?}");
    // A deed's numbered corner table, rows 38 to 41 too: the same outline as without numbers.
    let corners = [
        "510100 3951800",
        "510130 3951800",
        "510130 3951770",
        "510100 3951770",
    ];
    let outline = |text: String| match search(&ds, &text) {
        Ok(Found::Outline(rings)) => rings,
        other => panic!("{text}: {other:?}"),
    };
    let bare = outline(corners.join("\n"));
    for first in [1, 38] {
        let rows: Vec<String> = (corners.iter().enumerate())
            .map(|(k, c)| format!("{}\t{c}", first + k))
            .collect();
        assert_eq!(outline(rows.join("\n")), bare, "rows from {first}");
    }
    // The zone on every line is the zone.
    let zoned: Vec<String> = corners.iter().map(|c| format!("38 {c}")).collect();
    assert_ne!(outline(zoned.join("\n")), bare);
}

#[test]
fn a_dash_between_numbers_is_no_minus_sign() {
    let ds = sample();
    let (lat, lon, _) = found_at(&ds, "35.7097-51.1119");
    assert!(near((lat, lon), (35.7097, 51.1119), 1e-9), "{lat}, {lon}");
    // A renovation code is a code, never a latitude and longitude: found, or said not found.
    let parcels = ds.parcels.as_ref().unwrap();
    let i = 5;
    let code = parcels.info(i).unwrap().renovation_code.clone().unwrap();
    assert!(matches!(search(&ds, &code), Ok(Found::Parcels(v)) if v == [i]));
    for (text, code) in [
        ("0032-045", "0032-045"),
        ("0120-015", "0120-015"),
        ("کد نوسازی ۰۰۳۲-۰۴۵", "0032-045"),
    ] {
        match search(&ds, text) {
            Err(BaftError::PlotNotFound { text: t }) => assert_eq!(t, code),
            other => panic!("{text}: {other:?}"),
        }
    }
    // UTM figures joined by a dash are coordinates.
    let (lat, lon, _) = found_at(&ds, "510100-3951800");
    let plain = found_at(&ds, "510100 3951800");
    assert!(near((lat, lon), (plain.0, plain.1), 1e-9));
}

#[test]
fn google_dropped_pin_links_give_their_pin() {
    let ds = sample();
    for (link, want) in [
        (
            "https://www.google.com/maps/search/35.709700,+51.111900?entry=tts&g_ep=EgoyMDI1",
            (35.7097, 51.1119),
        ),
        (
            "https://www.google.com/maps/place/35.7097,51.1119/@35.70,51.11,15z",
            (35.7097, 51.1119),
        ),
        (
            "https://www.google.com/maps/place/35%C2%B042'34.9%22N+51%C2%B006'42.8%22E/@35.7,51.1,17z",
            (35.0 + 42.0 / 60.0 + 34.9 / 3600.0, 51.0 + 6.0 / 60.0 + 42.8 / 3600.0),
        ),
        // A place's name in the path: the map's view (`@`), as before.
        (
            "https://www.google.com/maps/place/Qods+Square/@35.7001,51.1002,17z",
            (35.7001, 51.1002),
        ),
    ] {
        let (lat, lon, form) = found_at(&ds, link);
        assert!(near((lat, lon), want, 1e-6), "{link}: {lat}, {lon}");
        assert!(matches!(form, InputForm::MapLink { .. }), "{link}: {form:?}");
    }
}

#[test]
fn persian_ways_of_writing_coordinates() {
    let ds = sample();
    let dms = (
        35.0 + 42.0 / 60.0 + 35.0 / 3600.0,
        51.0 + 6.0 / 60.0 + 43.0 / 3600.0,
    );
    for (text, want) in [
        ("عرض شمالی ۳۵٫۷۰۹۷ طول شرقی ۵۱٫۱۱۱۹", (35.7097, 51.1119)),
        ("طول شرقی ۵۱٫۱۱۱۹ عرض شمالی ۳۵٫۷۰۹۷", (35.7097, 51.1119)),
        (
            "عرض جغرافیایی: ۳۵٫۷۰۹۷ طول جغرافیایی: ۵۱٫۱۱۱۹",
            (35.7097, 51.1119),
        ),
        ("مختصات: ۳۵٫۷۰۹۷، ۵۱٫۱۱۱۹", (35.7097, 51.1119)),
        (
            "۳۵ درجه و ۴۲ دقیقه و ۳۵ ثانیه شمالی، ۵۱ درجه و ۶ دقیقه و ۴۳ ثانیه شرقی",
            dms,
        ),
    ] {
        let (lat, lon, _) = found_at(&ds, text);
        assert!(near((lat, lon), want, 1e-9), "{text}: {lat}, {lon}");
    }
}

/// A message pasted whole, one of whose lines is the place; a corner list with a bad corner
/// is still an outline's error.
#[test]
fn a_pasted_message_of_a_few_lines_gives_its_one_place() {
    let ds = sample();
    let (lat, lon, _) = found_at(&ds, "موقعیت ملک:\n۳۵٫۷۰۹۷، ۵۱٫۱۱۱۹\nارسال از نشان");
    assert!(near((lat, lon), (35.7097, 51.1119), 1e-9));
    let (lat, lon, _) = found_at(
        &ds,
        "Our plot\nhttps://www.openstreetmap.org/?mlat=35.7097&mlon=51.1119\nthanks",
    );
    assert!(near((lat, lon), (35.7097, 51.1119), 1e-9));
    assert!(matches!(
        search(&ds, "510100 3951800\n510130 3951800\n510130 39517x0"),
        Err(BaftError::CornerLine { line: 3, .. })
    ));
}

/// A plate as a deed writes it, and a full address down to the unit.
#[test]
fn deed_plates_and_full_addresses_find_the_plot() {
    let ds = sample();
    let parcels = ds.parcels.as_ref().unwrap();
    let i = (0..parcels.len())
        .find(|&i| parcels.info(i).unwrap().plot_id == "QB-0185-001")
        .unwrap();
    for text in [
        "پلاک ثبتی ۱۲۱/۱",
        "۱ فرعی از ۱۲۱ اصلی بخش ۱۱ تهران",
        "پلاک ثبتی ۱ فرعی از ۱۲۱ اصلی قطعه ۲ بخش ۱۱",
        "خیابان سرو، کوچهٔ ۲۲، پلاک ۸۰",
        "قدس، خیابان سرو کوچه ۲۲ پلاک ۸۰",
        "No. 80, Alley 22, Sarv Street, Qods",
        "کوچهٔ ۲۲، پلاک ۸۰ واحد ۳",
    ] {
        match search(&ds, text) {
            Ok(Found::Parcels(v)) => assert_eq!(v, [i], "{text}"),
            other => panic!("{text}: {other:?}"),
        }
    }
    // An address on a street the data lacks is said so, not "not a plate".
    assert!(matches!(
        search(&ds, "خیابان ناشناس، پلاک ۱۲"),
        Err(BaftError::AddressNotFound { .. })
    ));
}

/// While the parcel layer is still read (the app, as its file arrives), a plate is a plate:
/// never a point at 1°N 121°E, and not "no such plot" either; read by area only, it says so.
#[test]
fn a_plate_before_the_plots_are_in_waits_for_them() {
    use baft_core::dataset::ParcelsRead;
    let mut ds = sample();
    let whole = ds.parcels.take();
    ds.parcels_read = ParcelsRead::Loading;
    for text in ["۱۲۱/۱", "121/1 بخش 11", "3751400001", "0185-001"] {
        assert!(
            matches!(search(&ds, text), Err(BaftError::PlotsLoading)),
            "{text}: {:?}",
            search(&ds, text)
        );
    }
    // Coordinates are answered meanwhile.
    assert!(matches!(
        search(&ds, "35.7097, 51.1119"),
        Ok(Found::Location(_))
    ));
    // Part of the layer read: what is in it is found; what is not may be in the rest. A plate
    // without its section waits even when found: the rest may hold its twin in another section.
    ds.parcels = whole.clone();
    assert!(matches!(search(&ds, "121/1 بخش 11"), Ok(Found::Parcels(_))));
    assert!(matches!(search(&ds, "3751400001"), Ok(Found::Parcels(_))));
    assert!(matches!(search(&ds, "۱۲۱/۱"), Err(BaftError::PlotsLoading)));
    assert!(matches!(
        search(&ds, "999/999"),
        Err(BaftError::PlotsLoading)
    ));
    ds.parcels_read = ParcelsRead::ByArea;
    assert!(matches!(search(&ds, "۱۲۱/۱"), Ok(Found::Parcels(_))));
    assert!(matches!(
        search(&ds, "999/999"),
        Err(BaftError::PlotsByArea)
    ));
    assert!(BaftError::PlotsByArea
        .message(baft_core::Lang::En)
        .contains("tap the plot on the map"));
    ds.parcels_read = ParcelsRead::All;
    assert!(matches!(
        search(&ds, "999/999"),
        Err(BaftError::PlotNotFound { .. })
    ));
}

/// Labels that the numbers contradict are not believed (Iran's latitudes and longitudes, and
/// its eastings and northings, never overlap); the ways of joining two numbers with a dash;
/// Arabic keyboards' letters in the words; a place in a link's path read as typed text is.
#[test]
fn labels_the_numbers_contradict_and_other_joins() {
    let ds = sample();
    let utm = found_at(&ds, "510100 3951800");
    let dms_lat = 35.0 + 42.0 / 60.0;
    for (text, want) in [
        ("Long, Lat: 35.7097, 51.1119", (35.7097, 51.1119)),
        ("X, Y: 3951800, 510100", (utm.0, utm.1)),
        ("3951800-510100", (utm.0, utm.1)),
        ("35.7097 - 51.1119", (35.7097, 51.1119)),
        ("35.7097 – 51.1119", (35.7097, 51.1119)),
        ("عرض شمالي ۳۵٫۷۰۹۷ طول شرقي ۵۱٫۱۱۱۹", (35.7097, 51.1119)),
        ("۳۵ درجه ۴۲ دقیقه و ۵۱٫۱۱۱۹", (dms_lat, 51.1119)),
        ("موقعیت ملک:\n۳۵٫۷۰۹۷، ۵۱٫۱۱۱۹", (35.7097, 51.1119)),
        (
            "https://www.google.com/maps/search/51.1119,+35.7097",
            (35.7097, 51.1119),
        ),
    ] {
        let (lat, lon, _) = found_at(&ds, text);
        assert!(near((lat, lon), want, 1e-9), "{text}: {lat}, {lon}");
    }
    // A place's name with numbers in it is no point: the view (`@`) is read instead.
    let (lat, lon, _) = found_at(
        &ds,
        "https://www.google.com/maps/place/35.5+51.2+Cafe/@35.7001,51.1002,17z",
    );
    assert!(near((lat, lon), (35.7001, 51.1002), 1e-9), "{lat}, {lon}");
}

/// Read by ranges, the parcel layer starts empty: a postal code, a plot id or an address not in
/// the plots read so far may be in the rest.
#[test]
fn while_part_of_the_plots_is_read_no_key_is_said_missing() {
    use baft_core::dataset::ParcelsRead;
    use baft_core::layer::parcels::ParcelLayer;
    let mut ds = sample();
    let spec = ds.manifest.parcels.clone().unwrap();
    let empty = ParcelLayer::load(
        &spec,
        r#"{"type": "FeatureCollection", "features": []}"#,
        &ds.frame,
    );
    ds.install_parcels_part(empty, ParcelsRead::Loading);
    for text in ["3751400001", "QB-0185-001", "خیابان سرو، پلاک ۶۷", "۱۲۱/۱"] {
        assert!(
            matches!(search(&ds, text), Err(BaftError::PlotsLoading)),
            "{text}: {:?}",
            search(&ds, text)
        );
    }
    // A zone's id and a place's name are still found meanwhile.
    let zone = search(&ds, "QB-0232");
    assert!(matches!(zone, Ok(Found::Zones(_))), "{zone:?}");
}

/// After a second review: a plate or code on its own line of a message is searched as a plate
/// or code (never as coordinates); a link's own error is kept while the plots arrive; a plate
/// whose parcel file failed is no point; an address waits for the plots too; a zone that is
/// not Iran's, written bare, is still the zone (the point is then outside the data).
#[test]
fn a_second_review_of_the_readers() {
    use baft_core::dataset::ParcelsRead;
    let mut ds = sample();
    let parcels = ds.parcels.as_ref().unwrap();
    let i = (0..parcels.len())
        .find(|&i| parcels.info(i).unwrap().plot_id == "QB-0185-001")
        .unwrap();
    for text in ["پلاک ثبتی ملک:\n۱۲۱/۱", "کد نوسازی ملک:\n۰۱۸۵-۰۰۱\nبا سپاس"]
    {
        match search(&ds, text) {
            Ok(Found::Parcels(v)) => assert_eq!(v, [i], "{text}"),
            other => panic!("{text}: {other:?}"),
        }
    }
    let (.., form) = found_at(&ds, "45 510122 3951756");
    assert!(matches!(form, InputForm::Utm { zone: 45, .. }), "{form:?}");
    // The parcel file failed: the manifest lists it, no plot is read, nothing more will be.
    let whole = ds.parcels.take();
    assert!(matches!(
        search(&ds, "۱۲۱/۱"),
        Err(BaftError::NoParcelLayer)
    ));
    ds.parcels_read = ParcelsRead::Loading;
    let address = search(&ds, "خیابان سرو، شماره ۶۷");
    assert!(
        matches!(address, Err(BaftError::PlotsLoading)),
        "{address:?}"
    );
    ds.parcels = whole;
    let link = search(&ds, "https://maps.app.goo.gl/AbCdEf123");
    assert!(!matches!(link, Err(BaftError::PlotsLoading)), "{link:?}");
}
