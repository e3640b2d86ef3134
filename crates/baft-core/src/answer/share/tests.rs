use super::outline::tests::typical_plot;
use super::*;

#[test]
fn a_typical_plot_link_is_short_enough_for_sms() {
    let s = SharedState {
        subject: Some(Subject::Outline(typical_plot())),
        city: None,
        lang: Some(Lang::Fa),
        data_version: Some("qods-sample-1".into()),
        boundary: vec!["1402".into(), "1399".into(), "1390".into(), "1401".into()],
        facts: "area=300,street=4".into(),
    };
    let frag = s.to_fragment();
    let g = frag.split('&').next().unwrap();
    // The outline itself: 5 corners in 2 + 4 × (2..3) bytes of varints → ≈ 30 characters.
    assert!(g.len() <= 36, "{g} is {} characters", g.len());
    // With a 40-character site address the whole link stays within one SMS (160).
    assert!(
        frag.len() + 40 <= 160,
        "{frag} is {} characters",
        frag.len()
    );
    assert_eq!(SharedState::from_fragment(&frag).unwrap().facts, s.facts);
}

#[test]
fn every_field_round_trips_including_persian_text() {
    let s = SharedState {
        subject: Some(Subject::Parcel("قطعه ۱۲/الف".into())),
        city: None,
        lang: Some(Lang::Fa),
        data_version: Some("قدس ۱۴۰۳ & co".into()),
        boundary: vec!["1402".into(), "v:2,b".into()],
        facts: "area=۱۵۰,use=residential".into(),
    };
    let frag = s.to_fragment();
    assert!(frag.is_ascii(), "{frag}");
    assert_eq!(SharedState::from_fragment(&format!("#{frag}")).unwrap(), s);
}

#[test]
fn unreadable_fields_are_named() {
    for (text, field) in [
        ("p=35.7", "p"),
        ("p=95,51", "p"),
        ("p=abc,51", "p"),
        ("p=NaN,51", "p"),
        ("g=!!", "g"),
        ("g=AAAA", "g"),
        ("g=_____________", "g"),
        ("id=", "id"),
        ("id=%E2%28", "id"),
        ("lang=de", "lang"),
        ("v=%zz", "v"),
        ("b=1402,,1399", "b"),
        ("f=area", "f"),
        ("f=area:1%2Cstreet:2", "f"),
    ] {
        match SharedState::from_fragment(text) {
            Err(BaftError::BadLink { field: f, .. }) => assert_eq!(f, field, "{text}"),
            other => panic!("{text}: {other:?}"),
        }
    }
}

#[test]
fn unknown_fields_and_an_empty_fragment_are_fine() {
    assert_eq!(
        SharedState::from_fragment("").unwrap(),
        SharedState::default()
    );
    let s = SharedState::from_fragment("zz=1&p=35.7,51.1&embed").unwrap();
    assert_eq!(
        s.subject,
        Some(Subject::Point {
            lat: 35.7,
            lon: 51.1
        })
    );
}

#[test]
fn boundary_changes_name_what_moved() {
    let s = SharedState {
        boundary: vec!["1398".into(), "1".into(), "1".into()],
        ..Default::default()
    };
    let now = vec![("a".into(), "1402".into()), ("b".into(), "1".into())];
    assert_eq!(
        s.boundary_changes(&now),
        vec![
            ("a".into(), "1398".into(), Some("1402".into())),
            ("#3".into(), "1".into(), None)
        ]
    );
    assert_eq!(SharedState::lang_of("#p=95,51&lang=en"), Some(Lang::En));
    assert_eq!(SharedState::lang_of("p=1,2"), None);
}

#[test]
fn page_options_take_only_what_they_understand() {
    let o = PageOptions::from_query("embed=1&lang=fa&layer=worn-out-fabric&theme=ABC");
    assert_eq!(
        o,
        PageOptions {
            embed: true,
            lang: Some(Lang::Fa),
            layer: Some("worn-out-fabric".into()),
            theme: Some("#abc".into()),
        }
    );
    let o = PageOptions::from_query("embed=0&lang=xx&theme=url(evil)&layer=&%zz");
    assert_eq!(o, PageOptions::default());
}

#[test]
fn decoding_never_panics_on_arbitrary_text() {
    // Every short string over an alphabet that reaches each branch of the decoder.
    let alphabet = ['A', '_', '-', '~', '%', '/', 'z', '9', 'g'];
    let mut n = 0;
    for a in alphabet {
        for b in alphabet {
            for c in alphabet {
                for d in alphabet {
                    let t: String = [a, b, c, d].iter().collect();
                    let _ = decode_outline(&t);
                    let _ = SharedState::from_fragment(&format!("g={t}&p={t}&f={t}&b={t}"));
                    n += 1;
                }
            }
        }
    }
    assert_eq!(n, 9usize.pow(4));
}

#[test]
fn a_city_of_a_national_deployment_travels_in_the_link() {
    let s = SharedState {
        subject: Some(Subject::Point {
            lat: 35.7097,
            lon: 51.1119,
        }),
        city: Some("sample-07".into()),
        lang: Some(Lang::En),
        ..Default::default()
    };
    let frag = s.to_fragment();
    assert_eq!(frag, "p=35.7097,51.1119&c=sample-07&lang=en");
    assert_eq!(SharedState::from_fragment(&frag).unwrap(), s);
    assert!(SharedState::from_fragment("c=").is_err());
}
