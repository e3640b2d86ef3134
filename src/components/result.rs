use crate::i18n::{self, t};
use crate::state::{use_state, Outcome};
use baft_core::check::{PlotStatus, PointStatus};
use baft_core::input::InputForm;
use baft_core::text;
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
            baft_core::digits::localize_digits(&zone.to_string(), lang),
            baft_core::digits::format_number(*easting, 0, lang),
            baft_core::digits::format_number(*northing, 0, lang)
        ),
        InputForm::GeoUri => "geo: URI".into(),
        InputForm::MapLink { provider } => {
            format!("{} ({provider})", lang.pick("پیوند نقشه", "map link"))
        }
    }
}

fn coords(lat: f64, lon: f64, lang: Lang) -> String {
    format!(
        "{}، {}",
        baft_core::digits::format_number(lat, 6, lang),
        baft_core::digits::format_number(lon, 6, lang)
    )
    .replace("، ", lang.pick("، ", ", "))
}

/// The answer, announced to screen readers when it changes.
#[component]
pub fn ResultCard() -> impl IntoView {
    let state = use_state();
    let lang = state.lang;
    let body = move || {
        let l = lang.get();
        match state.outcome.get() {
            None => view! { <p class="muted">{t(l, i18n::NO_RESULT)}</p> }.into_any(),
            Some(Outcome::Locating) => {
                view! { <p class="muted">{t(l, i18n::LOCATING)}</p> }.into_any()
            }
            Some(Outcome::GeoError(f)) => {
                view! { <p class="error" role="alert">{i18n::geo_failure(l, f)}</p> }.into_any()
            }
            Some(Outcome::InputError(e)) => {
                view! { <p class="error input-error" role="alert">{e.message(l)}</p> }.into_any()
            }
            Some(Outcome::Point {
                input,
                report,
                from_gps,
            }) => {
                let how = input
                    .as_ref()
                    .map(|i| format!("{} {}", t(l, i18n::READ_AS), read_as(&i.form, l)));
                let gps = from_gps.then(|| t(l, i18n::FROM_GPS));
                let rows = report
                    .layers
                    .iter()
                    .map(|r| {
                        let class = match r.status {
                            PointStatus::Inside => "status inside",
                            PointStatus::OnBoundary => "status boundary",
                            PointStatus::Outside => "status outside",
                        };
                        view! {
                            <li class="layer-result" data-layer=r.layer.id.clone() data-status=format!("{:?}", r.status).to_lowercase()>
                                <h3>{r.layer.name.get(l).to_string()}" "<span class=class>{text::point_status_word(r.status, l)}</span></h3>
                                <p>{text::point_sentence(r, l)}</p>
                                <p class="version">{t(l, i18n::BOUNDARY_VERSION)}": "{text::version_line(&r.layer.version, l)}</p>
                            </li>
                        }
                    })
                    .collect_view();
                view! {
                    <p class="where">{coords(report.lat, report.lon, l)}</p>
                    {how.map(|h| view! { <p class="muted">{h}</p> })}
                    {gps.map(|g| view! { <p class="muted">{g}</p> })}
                    {(!report.in_data_area).then(|| view! { <p class="warning">{t(l, i18n::OUTSIDE_DATA)}</p> })}
                    <ul class="layers">{rows}</ul>
                }
                .into_any()
            }
            Some(Outcome::Plot { report, .. }) => {
                let rows = report
                    .layers
                    .iter()
                    .map(|r| {
                        let class = match r.status {
                            PlotStatus::Inside => "status inside",
                            PlotStatus::PartlyInside => "status partly",
                            PlotStatus::Outside => "status outside",
                        };
                        view! {
                            <li class="layer-result" data-layer=r.layer.id.clone() data-status=format!("{:?}", r.status).to_lowercase()>
                                <h3>{r.layer.name.get(l).to_string()}" "<span class=class>{text::plot_status_word(r.status, l)}" "{text::percent(r.share, l)}</span></h3>
                                <p>{text::plot_sentence(r, l)}</p>
                                <p class="version">{t(l, i18n::BOUNDARY_VERSION)}": "{text::version_line(&r.layer.version, l)}</p>
                            </li>
                        }
                    })
                    .collect_view();
                view! {
                    <p class="where">{t(l, i18n::PLOT_AREA)}": "{text::square_metres(report.area_m2, l)}</p>
                    {(!report.in_data_area).then(|| view! { <p class="warning">{t(l, i18n::OUTSIDE_DATA)}</p> })}
                    <ul class="layers">{rows}</ul>
                }
                .into_any()
            }
        }
    };
    view! {
        <section class="result" aria-labelledby="result-title">
            <h2 id="result-title">{move || t(lang.get(), i18n::RESULT)}</h2>
            <div id="result" aria-live="polite" aria-atomic="true">{body}</div>
        </section>
    }
}
