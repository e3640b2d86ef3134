use super::ids::with_ids;
use super::next_step::{data_line, next_step};
use crate::actions;
use crate::i18n::{self, t};
use crate::state::{use_state, AppState, Outcome};
use baft_core::answer::{Choice, Choices, Place, Report};
use baft_core::check::words as text;
use baft_core::check::{LayerRef, PlotReport, PointReport};
use baft_core::input::InputForm;
use baft_core::Lang;
use leptos::prelude::*;

fn read_as(form: &InputForm, lang: Lang) -> String {
    match form {
        InputForm::Decimal { swapped: false } => lang
            .pick("عرض و طول جغرافیایی", "latitude, longitude")
            .into(),
        InputForm::Decimal { swapped: true } => lang
            .pick(
                "طول و عرض جغرافیایی (ترتیب جابه‌جا شناسایی شد)",
                "longitude, latitude (order detected)",
            )
            .into(),
        InputForm::Dms => lang
            .pick("درجه، دقیقه، ثانیه", "degrees, minutes, seconds")
            .into(),
        InputForm::Utm {
            zone,
            easting,
            northing,
        } => format!(
            "UTM {} {}N: E {} N {}",
            lang.pick("ناحیهٔ", "zone"),
            baft_core::base::digits::localize_digits(&zone.to_string(), lang),
            baft_core::base::units::format_number(*easting, 0, lang),
            baft_core::base::units::format_number(*northing, 0, lang)
        ),
        InputForm::GeoUri => "geo: URI".into(),
        InputForm::MapLink {
            provider,
            rounded_m,
        } => {
            let link = format!("{} ({provider})", lang.pick("پیوند نقشه", "map link"));
            match rounded_m {
                Some(m) => format!("{link}. {}", text::link_view_rounded(f64::from(*m), lang)),
                None => link,
            }
        }
    }
}

fn coords(lat: f64, lon: f64, lang: Lang) -> String {
    format!(
        "{}، {}",
        baft_core::base::units::format_number(lat, 6, lang),
        baft_core::base::units::format_number(lon, 6, lang)
    )
    .replace("، ", lang.pick("، ", ", "))
}

/// A choice's label: a plot's plate, renovation code and id; a zone's name and id.
fn choice_label(c: &Choice, lang: Lang) -> String {
    match c {
        Choice::Plot {
            plot_id,
            plate,
            renovation_code,
            ..
        } => {
            let plate = plate
                .as_deref()
                .map(|t| baft_core::base::digits::localize_digits(t, lang))
                .unwrap_or_default();
            let code = renovation_code
                .as_deref()
                .map(|t| baft_core::base::digits::localize_digits(t, lang))
                .unwrap_or_default();
            format!(
                "{} {plate} — {} {code} — {plot_id}",
                lang.pick("پلاک", "Plate"),
                lang.pick("کد نوسازی", "renovation code"),
            )
        }
        Choice::Zone { id, name, .. } => format!("{} ({id})", name.get(lang)),
        Choice::Street { name, .. } => {
            let n = name.get(lang);
            baft_core::say!(lang, "نمایش «{n}» روی نقشه", "Show “{n}” on the map")
        }
    }
}

/// Shows street `index` of the streets layer on the map, and (when `reveal`) brings the map into
/// view: the owner taps the plot on it.
pub fn show_street(state: &crate::state::AppState, index: usize, reveal: bool) {
    let lang = state.lang.get_untracked();
    let feature = state.data.with_untracked(|d| {
        let s = d.as_ref()?.streets.as_ref()?.items.get(index)?.clone();
        Some(crate::map::street_feature(&s, lang).to_string())
    });
    if let Some(f) = feature {
        let _ = crate::map::map_show_street(&f);
        if reveal {
            crate::reveal::map();
        }
    }
}

/// Picks one of several matches: a plot by its index, a zone by a point inside it.
fn pick(state: &crate::state::AppState, c: &Choice) {
    match *c {
        Choice::Plot {
            index, ref plot_id, ..
        } => actions::select_chosen_plot(state, index, plot_id),
        Choice::Zone { lon, lat, .. } => actions::show_point(state, lon, lat),
        Choice::Street { index, .. } => show_street(state, index, true),
    }
}

/// What the survey says about a plot of the parcel layer.
fn parcel_details(p: &baft_core::layer::parcels::ParcelInfo, lang: Lang) -> impl IntoView {
    use baft_core::packages::words::value_label;
    use baft_core::packages::FactName;
    let mut rows: Vec<(&'static str, String)> =
        vec![(lang.pick("شناسهٔ ملک", "Plot id"), p.plot_id.clone())];
    if let Some(t) = p.plate_text() {
        rows.push((
            lang.pick(
                "پلاک ثبتی (بخش-اصلی/فرعی)",
                "Registration plate (section-main/sub)",
            ),
            baft_core::base::digits::localize_digits(&t, lang),
        ));
    }
    if let Some(c) = &p.renovation_code {
        rows.push((
            lang.pick("کد نوسازی", "Renovation code"),
            baft_core::base::digits::localize_digits(c, lang),
        ));
    }
    if let Some(c) = p.postal_code {
        rows.push((
            lang.pick("کد پستی", "Postal code"),
            baft_core::base::digits::localize_digits(
                &baft_core::layer::parcels::postal::text(c),
                lang,
            ),
        ));
    }
    if let Some(a) = p.address(lang) {
        rows.push((lang.pick("نشانی", "Address"), a));
    }
    if let Some(b) = &p.block_id {
        rows.push((lang.pick("بلوک", "Block"), b.clone()));
    }
    if let Some(u) = &p.land_use {
        rows.push((
            lang.pick("کاربری", "Land use"),
            value_label(FactName::LandUse, u, lang),
        ));
    }
    if let Some(s) = &p.structure {
        rows.push((
            lang.pick("سازه", "Structure"),
            value_label(FactName::Structure, s, lang),
        ));
    }
    if let Some(f) = p.floors {
        rows.push((
            lang.pick("طبقات", "Floors"),
            baft_core::base::digits::localize_digits(&baft_core::error::trim_float(f), lang),
        ));
    }
    if let Some(y) = p.built_year {
        rows.push((
            lang.pick("سال ساخت", "Built (Jalali year)"),
            baft_core::base::digits::localize_digits(&y.to_string(), lang),
        ));
    }
    if let Some(w) = p.frontage_width_m {
        rows.push((
            lang.pick("عرض معبر", "Frontage passage width"),
            baft_core::check::words::metres(w, lang),
        ));
    }
    view! {
        <dl class="survey" aria-label=lang.pick("مشخصات ملک از برداشت شهرداری", "The plot in the municipality's survey")>
            {rows.into_iter().map(|(k, v)| view! { <dt>{k}</dt><dd>{with_ids(&v)}</dd> }).collect_view()}
        </dl>
    }
}

/// One layer's answer: its name and status badge, the sentence, the boundary version used, and
/// what changed across versions (from `histories`: layer id, sentence).
fn layer_row(
    layer: &LayerRef,
    status: &'static str,
    badge: String,
    sentence: String,
    histories: &[(String, String)],
    l: Lang,
) -> impl IntoView {
    let history = history_of(histories, &layer.id);
    let (class, icon) = status_look(status);
    view! {
        <li class="layer-result" data-layer=layer.id.clone() data-status=status>
            <h3>{layer.name.get(l).to_string()}" "<span class=class><span class="icon" aria-hidden="true">{icon}</span>{badge}</span></h3>
            <p>{with_ids(&sentence)}</p>
            <p class="version">{t(l, i18n::BOUNDARY_VERSION)}": "{with_ids(&text::version_line(&layer.version, l))}</p>
            {history.map(|h| view! { <details class="history-more"><summary>{t(l, i18n::BOUNDARY_HISTORY)}</summary><p class="history">{with_ids(&h)}</p></details> })}
        </li>
    }
}

/// A status's badge class and icon, from its serialised name (the core's `as_str`, also the
/// row's `data-status`). The icon is shown with the word and the colour (never colour alone): a
/// tick inside (good news: incentives), a half disc on the boundary or partly inside, a ring
/// outside.
fn status_look(status: &str) -> (&'static str, &'static str) {
    match status {
        "inside" => ("status inside", "✓"),
        "outside" => ("status outside", "○"),
        "on_boundary" => ("status boundary", "◐"),
        _ => ("status partly", "◐"),
    }
}

/// The history sentence of layer `id`, if any (`histories`: layer id, sentence).
fn history_of(histories: &[(String, String)], id: &str) -> Option<String> {
    histories
        .iter()
        .find(|(layer, _)| layer == id)
        .map(|(_, s)| s.clone())
}

/// The warning for a place outside the area the data covers (nothing when inside).
fn outside_data(inside: bool, l: Lang) -> impl IntoView {
    (!inside).then(|| view! { <p class="warning">{t(l, i18n::OUTSIDE_DATA)}</p> })
}

/// A point's rows, one per layer.
fn point_rows(report: &PointReport, histories: &[(String, String)], l: Lang) -> impl IntoView {
    report
        .layers
        .iter()
        .map(|r| {
            let badge = text::point_status_word(r.status, l).to_string();
            let sentence = text::point_sentence(r, l);
            layer_row(&r.layer, r.status.as_str(), badge, sentence, histories, l)
        })
        .collect_view()
}

/// A plot's rows, one per layer, with the share inside.
fn plot_rows(report: &PlotReport, histories: &[(String, String)], l: Lang) -> impl IntoView {
    report
        .layers
        .iter()
        .map(|r| {
            let word = text::plot_status_word(r.status, l);
            let badge = format!("{word} {}", text::percent(r.share, l));
            let sentence = text::plot_sentence(r, l);
            layer_row(&r.layer, r.status.as_str(), badge, sentence, histories, l)
        })
        .collect_view()
}

/// A place's answer: where it is, then one row per layer with its history (layer id, sentence).
fn place_view(place: &Place, from_gps: bool, histories: &[(String, String)], l: Lang) -> AnyView {
    match &place.result {
        Report::Point(report) => {
            let how = place
                .input
                .as_ref()
                .map(|i| format!("{} {}", t(l, i18n::READ_AS), read_as(&i.form, l)));
            let gps = from_gps.then(|| {
                let accuracy = place
                    .gps
                    .as_ref()
                    .map(|g| text::gps_accuracy(g.accuracy_m, l));
                format!(
                    "{}{}",
                    t(l, i18n::FROM_GPS),
                    accuracy.map(|a| format!(" — {a}")).unwrap_or_default()
                )
            });
            let unsure = place
                .gps
                .as_ref()
                .and_then(|g| text::gps_uncertain(&g.crosses, g.link_view, l));
            let rows = point_rows(report, histories, l);
            view! {
                <p class="where">{coords(report.lat, report.lon, l)}</p>
                {how.map(|h| view! { <p class="muted">{h}</p> })}
                {gps.map(|g| view! { <p class="muted gps-fix">{g}</p> })}
                {unsure.map(|u| view! {
                    <div class="warning gps-unsure">
                        <p>{u}</p>
                        <button type="button" on:click=|_| crate::reveal::map()>{l.pick("انتخاب ملک روی نقشه", "Pick the plot on the map")}</button>
                    </div>
                })}
                {outside_data(report.in_data_area, l)}
                <ul class="layers">{rows}</ul>
            }
            .into_any()
        }
        Report::Plot(report) => {
            let survey = place.parcel.as_ref().map(|p| parcel_details(p, l));
            let rows = plot_rows(report, histories, l);
            view! {
                <p class="where">{t(l, i18n::PLOT_AREA)}": "{text::square_metres(report.area_m2, l)}</p>
                {outside_data(report.in_data_area, l)}
                <ul class="layers">{rows}</ul>
                {survey}
            }
            .into_any()
        }
    }
}

/// Several matches, each a button that asks about it.
fn choices_view(state: AppState, c: &Choices, l: Lang) -> AnyView {
    let items = c
        .choices
        .iter()
        .cloned()
        .map(|ch| {
            let label = choice_label(&ch, l);
            view! { <li><button type="button" class="choice" on:click=move |_| pick(&state, &ch)>{with_ids(&label)}</button></li> }
        })
        .collect_view();
    let one_street = matches!(c.choices[..], [Choice::Street { .. }]);
    let intro = if one_street {
        l.pick(
            "خیابان روی نقشه نشان داده شد؛ ملک خود را روی آن بزنید، یا پلاک یا کد پستی آن را بنویسید.",
            "The street is shown on the map: tap your plot on it, or type its plate or postal code.",
        )
    } else {
        l.pick(
            "چند مورد پیدا شد؛ یکی را انتخاب کنید:",
            "Several matches; choose one:",
        )
    };
    view! {
        <p class="choices-intro">{intro}</p>
        <ul class="choices">{items}</ul>
    }
    .into_any()
}

/// The answer, announced to screen readers when it changes.
#[component]
pub fn ResultCard() -> impl IntoView {
    let state = use_state();
    let lang = state.lang;
    // Made again as older boundary versions arrive (they may come after the answer).
    let histories = Memo::new(move |_| actions::history(&state, lang.get()));
    let body = move || {
        let l = lang.get();
        match state.outcome.get() {
            Some(Outcome::Choose(c)) => choices_view(state, &c, l),
            None => view! { <p class="muted">{t(l, i18n::NO_RESULT)}</p> }.into_any(),
            Some(Outcome::Locating) => {
                view! { <p class="muted">{t(l, i18n::LOCATING)}</p> }.into_any()
            }
            Some(Outcome::GeoError(f)) => {
                view! { <p class="error" role="alert">{i18n::geo_failure(l, f)}</p> }.into_any()
            }
            Some(Outcome::InputError(e)) => {
                view! { <p class="error input-error" role="alert">{with_ids(&e.message(l))}</p> }
                    .into_any()
            }
            Some(Outcome::Answer { place, from_gps }) => {
                let answer = histories.with(|h| place_view(&place, from_gps, h, l));
                view! { {answer}{next_step(state, l)}{data_line(state, l)} }.into_any()
            }
        }
    };
    // Every new outcome but "locating" comes into view, takes focus and closes the keyboard.
    Effect::new(move |_| {
        let (show, error) = state.outcome.with(|o| match o {
            None | Some(Outcome::Locating) => (false, false),
            Some(Outcome::InputError(_)) => (true, true),
            Some(_) => (true, false),
        });
        if show && !state.page.with_value(|p| p.embed) {
            crate::reveal::answer(error);
        }
    });
    view! {
        <section class="result" aria-labelledby="result-title">
            <h2 id="result-title" tabindex="-1">{i18n::tr(i18n::RESULT)}</h2>
            <div id="result" aria-live="polite" aria-atomic="true">{body}</div>
        </section>
    }
}
