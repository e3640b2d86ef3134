//! Share links in the app state: a link reopens the same answer, and an outdated or broken one
//! is reported.

use super::helpers::*;
use baft_app::actions;
use baft_app::state::Outcome;
use baft_core::Lang;
use leptos::prelude::*;
use wasm_bindgen_test::*;
#[wasm_bindgen_test]
fn a_link_reopens_the_same_point_language_and_facts() {
    use baft_app::link::{apply_fragment, state_now};
    let state = loaded_state(Lang::En);
    let (lat, lon) = fixture_point("historic_inside");
    actions::show_point(&state, lon, lat);
    state
        .facts
        .update(|f| f.set(baft_app::state::FactField::Area, "150".into()));
    let frag = state_now(&state).to_fragment();
    assert!(
        frag.starts_with("p=") && frag.contains("&lang=en&") && frag.ends_with("&f=area:150"),
        "{frag}"
    );
    let other = loaded_state(Lang::Fa);
    apply_fragment(&other, &frag);
    assert_eq!(other.lang.get_untracked(), Lang::En);
    assert_eq!(statuses(&other), statuses(&state));
    assert_eq!(other.facts.get_untracked().area, "150");
    assert_eq!(other.link_versions.get_untracked(), None);
    assert_eq!(state_now(&other).to_fragment(), frag);
}

/// A link's facts are read as the CLI's `--facts` and the JS API read them: any key the core
/// knows (an alias, any case), and a fact the form has no field for still counts and travels on;
/// one whose value does not read (`structure:xyz`), which the owner could neither see nor
/// correct, is left out rather than making every answer an error.
#[wasm_bindgen_test]
fn a_links_facts_are_read_as_the_core_reads_them() {
    use baft_app::link::{apply_fragment, state_now};
    use baft_core::packages::FactName;
    let state = loaded_state(Lang::En);
    let (lat, lon) = fixture_point("historic_inside");
    apply_fragment(
        &state,
        &format!("p={lat},{lon}&f=frontage_width_m:8,Area:150,age:40,colour:red,structure:xyz"),
    );
    let form = state.facts.get_untracked();
    assert_eq!((form.street.as_str(), form.area.as_str()), ("8", "150"));
    let facts = baft_app::actions::plot_facts(&state).unwrap().unwrap();
    assert_eq!(facts.number(FactName::FrontageWidthM), Some(8.0));
    assert_eq!(facts.number(FactName::BuildingAgeYears), Some(40.0));
    let frag = state_now(&state).to_fragment();
    assert!(
        frag.ends_with("&f=area:150,street:8,building_age_years:40"),
        "{frag}"
    );
}

#[wasm_bindgen_test]
fn a_surveyed_plot_travels_by_its_id_and_an_outline_by_its_corners() {
    use baft_app::link::{apply_fragment, state_now};
    use baft_core::answer::share::Subject;
    let state = loaded_state(Lang::Fa);
    actions::select_parcel(&state, 1234);
    let link = state_now(&state);
    let Some(Subject::Parcel(id)) = &link.subject else {
        panic!("{link:?}")
    };
    let other = loaded_state(Lang::Fa);
    apply_fragment(&other, &link.to_fragment());
    assert_eq!(answered(&other).parcel_index, Some(1234));
    assert!(!id.is_empty());
    actions::check_plot_text(&state, STRADDLING);
    let frag = state_now(&state).to_fragment();
    assert!(frag.starts_with("g="), "{frag}");
    apply_fragment(&other, &frag);
    assert_eq!(statuses(&other), statuses(&state));
}

#[wasm_bindgen_test]
fn an_outdated_or_broken_link_is_reported() {
    use baft_app::link::apply_fragment;
    let state = loaded_state(Lang::Fa);
    let (lat, lon) = fixture_point("worn_block");
    apply_fragment(&state, &format!("p={lat},{lon}&v=old-1&b=1398"));
    let v = state
        .link_versions
        .get_untracked()
        .expect("versions differ");
    assert_eq!(v.data_version.as_deref(), Some("old-1"));
    assert_eq!(
        v.boundary,
        vec![("worn-out-fabric".into(), "1398".into(), Some("1402".into()))]
    );
    apply_fragment(&state, "p=95,51&lang=en");
    assert_eq!(state.lang.get_untracked(), Lang::En);
    match state.outcome.get_untracked() {
        Some(Outcome::InputError(e)) => assert!(e.message(Lang::En).contains("“p”")),
        other => panic!("{other:?}"),
    }
}
