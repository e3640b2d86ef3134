use super::*;

fn ll(text: &str) -> (f64, f64) {
    let p = parse_location(text).unwrap_or_else(|e| panic!("{text}: {e}"));
    (p.lat, p.lon)
}

fn close(a: (f64, f64), b: (f64, f64), eps: f64) -> bool {
    (a.0 - b.0).abs() < eps && (a.1 - b.1).abs() < eps
}

/// Asserts that each of `texts` reads as `want` (lat, lon), within `eps` degrees.
fn all_read_as(texts: &[&str], want: (f64, f64), eps: f64) {
    for t in texts {
        assert!(close(ll(t), want, eps), "{t}: {:?}", ll(t));
    }
}

#[test]
fn decimal_either_order_and_digit_forms() {
    let want = (35.7097, 51.1119);
    all_read_as(
        &[
            "35.7097, 51.1119",
            "35.7097 51.1119",
            "51.1119, 35.7097",
            "۳۵٫۷۰۹۷، ۵۱٫۱۱۱۹",
            "٣٥٫٧٠٩٧ ، ٥١٫١١١٩",
            "\u{200F}۳۵.۷۰۹۷,\u{200E} ۵۱.۱۱۱۹",
            "35.7097N 51.1119E",
            "51.1119E, 35.7097N",
            "lat 35.7097 lon 51.1119",
            "(35.7097; 51.1119)",
        ],
        want,
        1e-9,
    );
    assert_eq!(
        parse_location("51.1119, 35.7097").unwrap().form,
        InputForm::Decimal { swapped: true }
    );
}

#[test]
fn slash_as_the_decimal_mark() {
    all_read_as(
        &["۳۵/۶۹۵۱، ۵۱/۰۹۴۶", "35/6951, 51/0946", "51/0946 35/6951"],
        (35.6951, 51.0946),
        1e-9,
    );
    // One slash pair is a plate, not a point; a pair outside Iran's ranges is not read so.
    for t in ["121/406", "121/406, 11", "12/5, 13/7", "35/6951"] {
        assert!(parse_location(t).is_err(), "{t}");
    }
}

#[test]
fn degrees_minutes_seconds() {
    let want = (
        35.0 + 42.0 / 60.0 + 35.0 / 3600.0,
        51.0 + 6.0 / 60.0 + 43.0 / 3600.0,
    );
    all_read_as(
        &[
            "35°42′35″N 51°06′43″E",
            "35°42'35\"N, 51°6'43\"E",
            "N 35 42 35 E 51 06 43",
            "35 42 35 51 06 43",
            "51°06′43″E 35°42′35″N",
            "۳۵ درجه ۴۲ دقیقه ۳۵ ثانیه شمالی ۵۱ درجه ۶ دقیقه ۴۳ ثانیه شرقی",
            "35d42m35s N 51d6m43s E",
            "35°42′35″ 51°06′43″",
        ],
        want,
        1e-9,
    );
    let dm = ll("35°42.5′N 51°06.5′E");
    assert!(close(dm, (35.0 + 42.5 / 60.0, 51.0 + 6.5 / 60.0), 1e-9));
    assert!(
        parse_location("35°72′00″N 51°06′43″E").is_err(),
        "72 minutes"
    );
}

#[test]
fn utm_forms() {
    for t in [
        "E 510122 N 3951756",
        "510122E 3951756N",
        "N 3951756 E 510122",
        "510122 3951756",
        "3951756 510122",
        "۵۱۰۱۲۲ ۳۹۵۱۷۵۶",
        "X=510122 Y=3951756",
        "39S 510122 3951756",
        "zone 39 E 510122 N 3951756",
        "E 510122m N 3951756m",
    ] {
        let p = parse_location(t).unwrap_or_else(|e| panic!("{t}: {e}"));
        assert!(matches!(p.form, InputForm::Utm { zone: 39, .. }), "{t}");
        assert!(
            close((p.lat, p.lon), (35.7097, 51.1119), 2e-5),
            "{t}: {:?}",
            (p.lat, p.lon)
        );
    }
    let p = parse_location_with(
        "E 510122 N 3951756",
        ParseOptions {
            default_utm_zone: 40,
        },
    )
    .unwrap();
    assert!((p.lon - 57.1119).abs() < 1e-3, "zone from options");
    assert!(matches!(
        parse_location("E 99999 N 3951756"),
        Err(BaftError::UtmOutOfRange { .. }) | Err(BaftError::AmbiguousNumbers { .. })
    ));
}

#[test]
fn geo_uris() {
    assert!(close(ll("geo:35.7097,51.1119"), (35.7097, 51.1119), 1e-12));
    assert!(close(
        ll("geo:35.7097,51.1119,1200;u=35"),
        (35.7097, 51.1119),
        1e-12
    ));
    assert!(close(
        ll("geo:0,0?q=35.7097,51.1119(My%20plot)"),
        (35.7097, 51.1119),
        1e-12
    ));
    assert!(matches!(
        parse_location("geo:abc"),
        Err(BaftError::BadGeoUri { .. })
    ));
}

#[test]
fn map_links() {
    let want = (35.7097, 51.1119);
    all_read_as(
        &[
            "https://www.google.com/maps?q=35.7097,51.1119",
            "https://maps.google.com/?q=35.7097%2C51.1119&z=17",
            "https://www.google.com/maps/@35.7097,51.1119,17z",
            "https://www.google.com/maps/place/Qods/@35.70,51.10,15z/data=!3m1!4b1!4m6!3m5!1s0x0:0x0!8m2!3d35.7097!4d51.1119",
            "https://www.google.com/maps/search/?api=1&query=35.7097,51.1119",
            "https://www.openstreetmap.org/#map=17/35.7097/51.1119",
            "https://www.openstreetmap.org/?mlat=35.7097&mlon=51.1119#map=17/35.70/51.10",
            "https://neshan.org/maps/@35.7097,51.1119,15.0z,0.0p",
            "https://balad.ir/location?latitude=35.7097&longitude=51.1119&zoom=16.5",
            "https://balad.ir/#16/35.7097/51.1119",
            "www.google.com/maps?q=35.7097,51.1119",
            "https://maps.apple.com/?ll=35.7097,51.1119",
        ],
        want,
        1e-4,
    );
    match parse_location("https://maps.app.goo.gl/AbCdEf123") {
        Err(BaftError::LinkWithoutCoordinates { host }) => assert_eq!(host, "maps.app.goo.gl"),
        other => panic!("{other:?}"),
    }
    assert!(matches!(
        parse_location("https://nshn.ir/abc"),
        Err(BaftError::LinkWithoutCoordinates { .. })
    ));
    let p = parse_location("https://neshan.org/maps/@35.7097,51.1119,15.0z,0.0p").unwrap();
    assert_eq!(
        p.form,
        InputForm::MapLink {
            provider: "neshan".into(),
            rounded_m: None
        }
    );
}

/// Neshan's links as its share button and embed code write them (examples from public pages):
/// the shared point, a route's destination, an embedded place's position after its id or after
/// its view; a place link's view alone (`#c`, three decimals) is read, and said to be rounded.
#[test]
fn neshan_links() {
    let exact = |t: &str, want: (f64, f64)| {
        let p = parse_location(t).unwrap_or_else(|e| panic!("{t}: {e:?}"));
        assert!(
            (p.lat - want.0).abs() < 1e-9 && (p.lon - want.1).abs() < 1e-9,
            "{t}: {p:?}"
        );
        let InputForm::MapLink {
            provider,
            rounded_m,
        } = p.form
        else {
            panic!("{t}: {p:?}")
        };
        assert_eq!((provider.as_str(), rounded_m), ("neshan", None), "{t}");
    };
    exact(
        "https://neshan.org/maps/share/35.7085845126421,51.41619097441435",
        (35.7085845126421, 51.41619097441435),
    );
    exact(
        "https://neshan.org/maps/routing/car/destination/35.7097,51.1119",
        (35.7097, 51.1119),
    );
    exact(
        "https://neshan.org/maps/iframe/places/9950c0db5f2d6fd3cfca8eb54aa1b412#c35.689-51.363-18z-0p/35.689357353745706/51.36207076802799",
        (35.689357353745706, 51.36207076802799),
    );
    exact(
        "https://neshan.org/maps/iframe/places/QbrSKvPB4K9_/34.0784466/49.7015756",
        (34.0784466, 49.7015756),
    );
    exact(
        "https://nshn.ir/?lat=35.7097&lng=51.1119",
        (35.7097, 51.1119),
    );
    // The exact place after the view, with what a messenger adds after it.
    exact(
        "https://neshan.org/maps/iframe/places/9950c0db5f2d6fd3cfca8eb54aa1b412#c35.689-51.363-18z-0p/35.689357/51.362070?utm_source=tg",
        (35.689357, 51.362070),
    );
    // A place page or a short link holds no coordinates.
    for t in [
        "https://neshan.org/maps/places/4e09fb9c5fe83b144bf619b64313d78f",
        "https://nshn.ir/42_bvHCDPxVpm6",
        "https://balad.ir/p/1TjTcqhuAoBurF",
    ] {
        assert!(
            matches!(
                parse_location(t),
                Err(BaftError::LinkWithoutCoordinates { .. })
            ),
            "{t}"
        );
    }
}

/// A Neshan view alone (`#c`, as a place link ends): its map's centre, rounded to three decimals
/// and beside the place by up to a tile's width; the form says how far the place may be.
#[test]
fn neshan_views_carry_their_circle() {
    // A view alone: its centre, rounded to three decimals (72 m) and beside the place by up to
    // a tile's width at its zoom (497 m at 16z, 248 m at 17z, 124 m at 18z, where the place of
    // the embedded link above is 93 m from its view's centre).
    for (t, want, r) in [
        (
            "https://neshan.org/maps/places/81818536fc73c4bcd3a339134c6c6bdf#c35.661-51.349-16z-0p",
            (35.661, 51.349),
            569,
        ),
        (
            "https://neshan.org/maps#c35.710-51.112-17z-0p",
            (35.710, 51.112),
            320,
        ),
        (
            "https://neshan.org/maps/places/9950c0db5f2d6fd3cfca8eb54aa1b412#c35.689-51.363-18z-0p",
            (35.689, 51.363),
            196,
        ),
    ] {
        let p = parse_location(t).unwrap();
        assert!(
            (p.lat - want.0).abs() < 1e-9 && (p.lon - want.1).abs() < 1e-9,
            "{t}"
        );
        assert!(
            matches!(p.form, InputForm::MapLink { rounded_m: Some(m), .. } if m == r),
            "{t}: {:?}",
            p.form
        );
    }
}

#[test]
fn bad_input_says_what_was_expected() {
    assert_eq!(parse_location("   "), Err(BaftError::EmptyInput));
    assert_eq!(parse_location("\u{200F}"), Err(BaftError::EmptyInput));
    for t in [
        "hello",
        "35.7",
        "35.7, 51.1, 12.0, 4, 5, 6, 7",
        "۳۵٫۷ abc ۵۱٫۱",
        "35..7, 51.1",
        "NaN, NaN",
    ] {
        let e = parse_location(t).expect_err(t);
        assert!(!e.message(crate::Lang::Fa).is_empty() && !e.message(crate::Lang::En).is_empty());
    }
    assert!(matches!(
        parse_location("95.0, 200.0"),
        Err(BaftError::OutOfRange { .. })
    ));
    let e = parse_location("hello").unwrap_err();
    assert!(e.message(crate::Lang::Fa).contains("خوانده نشد"));
    assert!(e
        .message(crate::Lang::En)
        .contains("Expected latitude and longitude"));
}

#[test]
fn outside_iran_is_read_latitude_first() {
    assert!(close(ll("48.8566, 2.3522"), (48.8566, 2.3522), 1e-12));
}

#[test]
fn corners_from_a_deed() {
    let text = "الف) E 510100 N 3951800\nب) E 510130 N 3951800\nج) E 510130 N 3951770\nد) E 510100 N 3951770\n";
    let ring = parse_corners(text, ParseOptions::default()).unwrap();
    assert_eq!(ring.len(), 5);
    let latlon = "A: 35.7100, 51.1100\nB: 35.7100, 51.1104\nC: 35.7097, 51.1104\nD: 35.7097, 51.1100\nA: 35.7100, 51.1100";
    assert_eq!(
        parse_corners(latlon, ParseOptions::default())
            .unwrap()
            .len(),
        5
    );
    match parse_corners(
        "A: 35.71, 51.11\nB: nonsense\nC: 35.70, 51.12",
        ParseOptions::default(),
    ) {
        Err(BaftError::CornerLine { line, .. }) => assert_eq!(line, 2),
        other => panic!("{other:?}"),
    }
    assert!(matches!(
        parse_corners("35.71, 51.11\n35.72, 51.11", ParseOptions::default()),
        Err(BaftError::TooFewCorners { count: 2 })
    ));
    // A bow-tie: corners out of order.
    let bowtie = "E 510100 N 3951800\nE 510130 N 3951770\nE 510130 N 3951800\nE 510100 N 3951770";
    assert_eq!(
        parse_corners(bowtie, ParseOptions::default()),
        Err(BaftError::CornersCrossing)
    );
}
