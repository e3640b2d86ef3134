use crate::actions;
use crate::i18n::t;
use crate::state::use_state;
use leptos::prelude::*;

/// "Your office": where to go next, with links that open the phone's map and dialler.
#[component]
pub fn OfficeCard() -> impl IntoView {
    let state = use_state();
    let lang = state.lang;
    let office = Memo::new(move |_| actions::office(&state));
    let body = move || {
        let l = lang.get();
        let m = office.get()?;
        let o = &m.office;
        let how = if m.serves_neighbourhood {
            l.pick(
                "این دفتر محلهٔ شما را پوشش می‌دهد.",
                "This office serves your neighbourhood.",
            )
        } else {
            l.pick(
                "محلهٔ شما دفتر ویژه ندارد؛ این نزدیک‌ترین دفتر است.",
                "Your area has no office of its own; this is the nearest.",
            )
        };
        let distance = m.distance_m.map(|d| {
            format!(
                "{}: {}",
                l.pick("فاصلهٔ مستقیم", "Straight-line distance"),
                baft_core::check::words::metres(d, l)
            )
        });
        let docs = state.data.with(|d| {
            d.as_ref()
                .and_then(|d| d.offices.as_ref())
                .map(|f| {
                    f.documents
                        .iter()
                        .map(|x| x.get(l).to_string())
                        .collect::<Vec<_>>()
                })
                .unwrap_or_default()
        });
        Some(view! {
            <section class="office" aria-labelledby="office-title">
                <h2 id="office-title">{t(l, ("دفتر تسهیلات شما", "Your facilitation office"))}</h2>
                <p><strong>{o.name.get(l).to_string()}</strong></p>
                <p class="muted">{how}</p>
                <p>{baft_core::base::digits::localize_digits(o.address.get(l), l)}</p>
                <p>{baft_core::base::digits::localize_digits(o.hours.get(l), l)}</p>
                {distance.map(|d| view! { <p>{d}</p> })}
                <div class="actions">
                    {m.geo_uri.clone().map(|g| view! { <a class="button" href=g>{l.pick("مسیر در نقشهٔ گوشی", "Directions in your map app")}</a> })}
                    <a class="button" href=m.tel_uri.clone()>{l.pick("تماس ", "Call ")}<span dir="ltr">{baft_core::base::digits::localize_digits(&m.phone_shown, l)}</span></a>
                </div>
                {(!docs.is_empty()).then(|| view! {
                    <h3>{l.pick("مدارک لازم", "Documents to bring")}</h3>
                    <ul class="documents">{docs.into_iter().map(|d| view! { <li>{d}</li> }).collect_view()}</ul>
                })}
            </section>
        })
    };
    view! { {body} }
}
