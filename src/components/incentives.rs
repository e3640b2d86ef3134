use super::ids::with_ids;
use crate::actions;
use crate::i18n::{self, t};
use crate::state::{use_state, AppState, FactField};
use baft_core::base::digits::localize_digits;
use baft_core::packages::format::Package;
use baft_core::packages::rules::{PackageResult, PackageStatus, Truth};
use baft_core::packages::value::Worth;
use baft_core::packages::words::{self, LayerNames};
use baft_core::packages::Evaluation;
use baft_core::Lang;
use leptos::prelude::*;

/// "Valid: from — to" in both calendars.
fn validity_line(p: &Package, lang: Lang) -> String {
    format!(
        "{} {} — {}",
        t(lang, i18n::VALID),
        baft_core::check::words::date_both(&p.valid_from, lang),
        p.valid_to
            .as_ref()
            .map(|d| baft_core::check::words::date_both(d, lang))
            .unwrap_or_else(|| t(lang, i18n::UNTIL_FURTHER).into())
    )
}

/// "Source: title — number".
fn source_line(p: &Package, lang: Lang) -> String {
    format!(
        "{} {}{}",
        t(lang, i18n::SOURCE),
        p.source.title.get(lang),
        p.source
            .number
            .as_ref()
            .map(|n| format!(" — {}", localize_digits(n, lang)))
            .unwrap_or_default()
    )
}

/// The met conditions, each with where its fact came from (why the package applies).
fn met_conditions(r: &PackageResult, names: &LayerNames, lang: Lang) -> Vec<String> {
    r.conditions
        .iter()
        .filter(|o| o.truth == Truth::Yes)
        .map(|o| {
            let src = o
                .source
                .map(|s| format!(" ({})", words::source_label(s, lang)))
                .unwrap_or_default();
            format!("{}{src}", words::condition(&o.condition, names, lang))
        })
        .collect()
}

/// The unmet conditions, each with what would change that.
fn unmet_conditions(r: &PackageResult, names: &LayerNames, lang: Lang) -> Vec<String> {
    (words::unmet(r, names, lang).iter())
        .map(|u| words::unmet_line(u, lang))
        .collect()
}

fn package_view(
    r: &PackageResult,
    all: &[PackageResult],
    names: &LayerNames,
    lang: Lang,
) -> impl IntoView {
    let p = &r.package;
    let validity = validity_line(p, lang);
    let source = source_line(p, lang);
    let benefits = (r.status == PackageStatus::Applies).then(|| {
        words::benefits(&p.benefits, lang)
            .into_iter()
            .map(|b| view! { <li>{b}</li> })
            .collect_view()
    });
    let why = met_conditions(r, names, lang);
    let unmet = unmet_conditions(r, names, lang);
    let questions: Vec<String> = r
        .missing
        .iter()
        .map(|f| {
            format!(
                "{} {}",
                words::question(*f, lang),
                t(lang, i18n::TELL_US_IN_FORM)
            )
        })
        .collect();
    let excluded = words::counted_instead(all, r, lang)
        .map(|name| format!("{} {name}", t(lang, i18n::COUNTED_INSTEAD)));
    let note = p.assumption_note.as_ref().map(|n| n.get(lang).to_string());
    view! {
        <li class="package" data-package=p.id.clone() data-status=r.status.as_str() data-counted=r.counted.to_string()>
            <h4>{p.name.get(lang).to_string()}
                {p.sample_assumption.then(|| view! { " " <span class="badge">{t(lang, i18n::SAMPLE_ASSUMPTION)}</span> })}
            </h4>
            {benefits.map(|b| view! { <ul class="benefits">{b}</ul> })}
            {excluded.map(|e| view! { <p class="warning">{e}</p> })}
            {(!questions.is_empty()).then(|| view! { <ul class="questions">{questions.into_iter().map(|q| view! { <li>{q}</li> }).collect_view()}</ul> })}
            {(!unmet.is_empty()).then(|| view! { <ul class="unmet">{unmet.into_iter().map(|q| view! { <li>{q}</li> }).collect_view()}</ul> })}
            // The reasons and the small print, on demand: a phone shows a package in a few lines.
            <details class="package-details">
                <summary>{t(lang, i18n::PACKAGE_DETAILS)}</summary>
                <p class="muted">{p.description.get(lang).to_string()}</p>
                {(!why.is_empty() && r.status == PackageStatus::Applies).then(|| view! { <p class="why">{t(lang, i18n::WHY)}" "{why.join(lang.pick("؛ ", "; "))}</p> })}
                {note.map(|n| view! { <p class="muted">{n}</p> })}
                <p class="source">{with_ids(&source)}{p.source.url.clone().map(|u| view! { " " <a href=u rel="noopener noreferrer" target="_blank">"↗"</a> })}</p>
                <p class="source">{with_ids(&validity)}</p>
            </details>
        </li>
    }
}

fn select(
    id: &'static str,
    label: i18n::T,
    options: &'static [(&'static str, i18n::T)],
    field: FactField,
) -> impl IntoView {
    let state = use_state();
    let lang = state.lang;
    view! {
        <label for=id>{move || t(lang.get(), label)}</label>
        <select id=id on:change=move |ev| state.facts.update(|f| f.set(field, event_target_value(&ev)))
            prop:value=move || state.facts.with(|f| f.get(field).to_string())>
            {move || options.iter().map(|(v, l)| view! { <option value=*v>{t(lang.get(), *l)}</option> }).collect_view()}
        </select>
    }
}

fn number(id: &'static str, label: i18n::T, field: FactField) -> impl IntoView {
    let state = use_state();
    let lang = state.lang;
    view! {
        <label for=id>{move || t(lang.get(), label)}</label>
        <input id=id type="text" inputmode="decimal" dir="ltr" autocomplete="off"
            prop:value=move || state.facts.with(|f| f.get(field).to_string())
            on:input=move |ev| state.facts.update(|f| f.set(field, event_target_value(&ev)))/>
    }
}

const USES: &[(&str, i18n::T)] = &[
    ("", i18n::UNKNOWN),
    ("residential", ("مسکونی", "Residential")),
    ("mixed", ("مختلط", "Mixed")),
    ("commercial", ("تجاری", "Commercial")),
    ("educational", ("آموزشی", "Educational")),
    ("other", ("سایر", "Other")),
];
const YES_NO: &[(&str, i18n::T)] = &[("", i18n::UNKNOWN), ("yes", i18n::YES), ("no", i18n::NO)];
const BLOCK: &[(&str, i18n::T)] = &[("", i18n::ASSUMED_NO), ("yes", i18n::YES), ("no", i18n::NO)];

/// The layers' names by id (the packages' conditions name layers).
fn layer_names(state: AppState) -> LayerNames {
    state.data.with(|d| {
        d.as_ref()
            .map(|d| {
                d.manifest
                    .layers
                    .iter()
                    .map(|x| (x.id.clone(), x.name.clone()))
                    .collect()
            })
            .unwrap_or_default()
    })
}

/// What the counted packages are worth, or that the area is needed to say.
fn worth_figures(e: &Evaluation, l: Lang) -> impl IntoView {
    let w = &e.worth;
    let figures = w.extra_floor_area_m2.map(|area| {
        view! {
            <dl class="worth">
                <dt>{t(l, i18n::EXTRA_FLOORS)}</dt><dd>{baft_core::base::digits::localize_digits(&baft_core::error::trim_float(e.combined.extra_floors), l)}</dd>
                <dt>{t(l, i18n::EXTRA_AREA)}</dt><dd>{baft_core::check::words::square_metres(area, l)}</dd>
                <dt>{t(l, i18n::FEE_SAVING)}</dt><dd>{w.fee_saving_rial.map(|x| words::money(x, l))}</dd>
                <dt>{t(l, i18n::LOANS)}</dt><dd>{w.loans_total_rial.map(|x| words::money(x, l))}</dd>
                <dt>{t(l, i18n::RENT_LOANS)}</dt><dd>{w.rent_loans_total_rial.map(|x| words::money(x, l))}</dd>
            </dl>
        }
    });
    let need_area = figures
        .is_none()
        .then(|| view! { <p class="muted need-area">{t(l, i18n::NEED_AREA)}</p> });
    view! { {figures}{need_area} }
}

/// The assumptions behind the figures, each with where it came from.
fn assumptions_list(w: &Worth, l: Lang) -> impl IntoView {
    w.assumptions
        .iter()
        .map(|a| {
            let src = words::assumption_source(a.source, l);
            view! { <li>{a.text.get(l).to_string()}" — "<em>{src}</em></li> }
        })
        .collect_view()
}

/// The packages by verdict, what they are worth, the assumptions and the disclaimer.
fn evaluation_view(state: AppState, e: &Evaluation, names: &LayerNames, l: Lang) -> AnyView {
    let group = |s: PackageStatus| {
        e.results
            .iter()
            .filter(|r| r.status == s)
            .map(|r| package_view(r, &e.results, names, l))
            .collect_view()
    };
    let count = |s: PackageStatus| e.count(s);
    let disclaimer = state.data.with(|d| {
        d.as_ref()
            .and_then(|d| d.packages.as_ref())
            .map(|p| p.disclaimer.get(l).to_string())
    });
    view! {
        <h3>{t(l, i18n::APPLIES)}</h3>
        <ul class="packages applies">{group(PackageStatus::Applies)}</ul>
        {(count(PackageStatus::MayApply) > 0).then(|| view! { <h3 class="may-apply">{t(l, i18n::MAY_APPLY)}</h3><ul class="packages may">{group(PackageStatus::MayApply)}</ul> })}
        <h3>{t(l, i18n::WORTH)}</h3>
        {worth_figures(e, l)}
        <details class="assumptions"><summary>{t(l, i18n::ASSUMPTIONS)}</summary><ul>{assumptions_list(&e.worth, l)}</ul></details>
        <details class="not-for-plot"><summary>{t(l, i18n::NOT_FOR_PLOT)}" ("{baft_core::base::units::count(count(PackageStatus::DoesNotApply), l)}")"</summary>
            <ul class="packages no">{group(PackageStatus::DoesNotApply)}</ul></details>
        {(count(PackageStatus::NotInForce) > 0).then(|| view! { <details><summary>{t(l, i18n::NOT_IN_FORCE)}</summary><ul class="packages expired">{group(PackageStatus::NotInForce)}</ul></details> })}
        {disclaimer.map(|d| view! { <p class="muted">{d}</p> })}
    }
    .into_any()
}

/// "Your incentives": the facts form, the packages by verdict, and what they are worth.
#[component]
pub fn Incentives() -> impl IntoView {
    let state = use_state();
    let lang = state.lang;
    let evaluation = Memo::new(move |_| actions::incentives(&state));
    let measured_area = move || {
        state.outcome.with(|o| {
            o.as_ref()
                .and_then(|o| o.place())
                .is_some_and(|p| p.rings.is_some())
        })
    };
    let body = move || {
        let l = lang.get();
        let names = layer_names(state);
        match evaluation.get() {
            None => ().into_any(),
            Some(Err(e)) => view! { <p class="error" role="alert">{e.message(l)}</p> }.into_any(),
            Some(Ok(e)) => evaluation_view(state, &e, &names, l),
        }
    };
    let visible = move || evaluation.with(|e| e.is_some());
    view! {
        <Show when=visible>
            <section class="incentives" aria-labelledby="incentives-title">
                <h2 id="incentives-title">{i18n::tr(i18n::INCENTIVES)}</h2>
                <fieldset class="facts">
                    <legend>{i18n::tr(i18n::FACTS_FORM)}</legend>
                    <div class="facts-grid">
                        {number("fact-area", i18n::FACT_AREA, FactField::Area)}
                        {number("fact-street", i18n::FACT_STREET, FactField::Street)}
                        {number("fact-units", i18n::FACT_UNITS, FactField::Units)}
                        {select("fact-use", i18n::FACT_USE, USES, FactField::LandUse)}
                        {select("fact-axis", i18n::FACT_AXIS, YES_NO, FactField::Axis)}
                        {select("fact-block", i18n::FACT_BLOCK, BLOCK, FactField::BlockProject)}
                    </div>
                    <Show when=measured_area>
                        <p class="muted">{move || lang.get().pick("مساحت از محدودهٔ بارگذاری‌شده اندازه‌گیری شده؛ اگر عددی بنویسید، آن به کار می‌رود.", "The area is measured from the uploaded outline; a number typed here is used instead.")}</p>
                    </Show>
                </fieldset>
                <div aria-live="polite">{body}</div>
            </section>
        </Show>
    }
}
