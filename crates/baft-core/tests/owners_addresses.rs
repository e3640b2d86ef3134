//! Full street addresses as owners write them: the alley is the one off the street the address
//! names (alleys are numbered along each street, so a city has many `کوچهٔ ۲۲`).

mod common;
use baft_core::answer::search::{search, Found};
use baft_core::BaftError;
use common::*;

/// Alleys are numbered along each street: a full address's alley is the one off the street it
/// names. A second `کوچهٔ ۲۲، پلاک ۸۰` is written by Taleghani Boulevard, 3.5 km from Sarv Street.
#[test]
fn a_full_address_finds_the_alley_off_the_street_it_names() {
    use baft_core::dataset::ParcelsRead;
    use baft_core::layer::parcels::ParcelLayer;
    let mut ds = sample();
    let text = std::fs::read_to_string(repo().join("data/parcels/parcels.geojson")).unwrap();
    let mut json: serde_json::Value = serde_json::from_str(&text).unwrap();
    for f in json["features"].as_array_mut().unwrap() {
        if f["properties"]["plot_id"] == "QB-1754-008" {
            f["properties"]["street"] = "کوچهٔ ۲۲".into();
            f["properties"]["street_en"] = "Alley 22".into();
            f["properties"]["house_number"] = 80.into();
        }
    }
    let spec = ds.manifest.parcels.clone().unwrap();
    let layer = ParcelLayer::load(&spec, &json.to_string(), &ds.frame);
    ds.install_parcels_part(layer, ParcelsRead::All);
    let ids = |text: &str| match search(&ds, text) {
        Ok(Found::Parcels(v)) => ids(&ds, &v),
        other => panic!("{text}: {other:?}"),
    };
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
