use crate::actions;
use crate::i18n::{self, t};
use crate::state::{use_state, AppState};
use baft_core::packages::compare::{self, Row, SortBy};
use baft_core::Lang;
use leptos::prelude::*;

fn table(
    rows: Vec<Row>,
    lang: Lang,
    sort: RwSignal<SortBy>,
    caption: &'static str,
) -> impl IntoView {
    let heads = compare::headings(lang);
    let sortable = [
        None,
        None,
        None,
        None,
        Some(SortBy::ExtraFloors),
        Some(SortBy::ExtraArea),
        Some(SortBy::FeeSaving),
        Some(SortBy::Loans),
    ];
    let header = heads
        .iter()
        .zip(sortable)
        .map(|(h, s)| match s {
            Some(by) => view! {
                <th scope="col" aria-sort=move || if sort.get() == by { "descending" } else { "none" }>
                    <button type="button" class="sort" on:click=move |_| sort.set(by)>{h.to_string()}</button>
                </th>
            }
            .into_any(),
            None => view! { <th scope="col">{h.to_string()}</th> }.into_any(),
        })
        .collect_view();
    let body = rows
        .iter()
        .map(|r| {
            let cells = compare::row_cells(r, lang);
            view! { <tr>{cells.into_iter().enumerate().map(|(i, c)| if i == 0 { view! { <th scope="row">{c}</th> }.into_any() } else { view! { <td>{c}</td> }.into_any() }).collect_view()}</tr> }
        })
        .collect_view();
    view! {
        <div class="table-wrap">
            <table class="compare-table">
                <caption>{caption}</caption>
                <thead><tr>{header}</tr></thead>
                <tbody>{body}</tbody>
            </table>
        </div>
    }
}

/// The candidate plots side by side, with a button to clear them (nothing when there are none).
fn candidates_view(state: AppState, sort: RwSignal<SortBy>, l: Lang) -> AnyView {
    let list = state.candidates.get();
    if list.is_empty() {
        return ().into_any();
    }
    let Some(pk) = state
        .data
        .with(|d| d.as_ref().and_then(|d| d.packages.clone()))
    else {
        return ().into_any();
    };
    let plots: Vec<(String, baft_core::packages::PlotFacts)> =
        list.into_iter().map(|c| (c.label, c.facts)).collect();
    let mut rows = compare::candidates(&pk, &plots, actions::today(), l);
    compare::sort(&mut rows, sort.get());
    view! {
        {table(rows, l, sort, t(l, i18n::CANDIDATES))}
        <button type="button" on:click=move |_| state.candidates.set(Vec::new())>{t(l, i18n::CLEAR)}</button>
    }
    .into_any()
}

/// The field for neighbour `i`'s area (0-based).
fn neighbour(state: AppState, i: usize) -> impl IntoView {
    let lang = state.lang;
    let id = format!("neighbour-{i}");
    let id2 = id.clone();
    view! {
        <label for=id>{move || format!("{} {}", t(lang.get(), i18n::NEIGHBOUR_AREA), baft_core::base::digits::localize_digits(&(i + 1).to_string(), lang.get()))}</label>
        <input id=id2 type="text" inputmode="decimal" dir="ltr" placeholder=i18n::tr(i18n::NEIGHBOUR_HELP)
            prop:value=move || state.neighbours.with(|n| n[i].clone())
            on:input=move |ev| { let v = event_target_value(&ev); state.neighbours.update(|n| n[i] = v); }/>
    }
}

/// Builders compare scenarios for one plot and candidate plots side by side.
#[component]
pub fn Compare() -> impl IntoView {
    let state = use_state();
    let lang = state.lang;
    let sort = RwSignal::new(SortBy::TotalValue);
    let rows = Memo::new(move |_| actions::scenarios(&state, lang.get()));
    let visible = move || rows.with(|r| r.is_some());
    let sorted = move || {
        rows.get().map(|r| {
            r.map(|mut v| {
                compare::sort(&mut v, sort.get());
                v
            })
        })
    };
    let scenarios = move || {
        let l = lang.get();
        match sorted() {
            Some(Ok(v)) => table(v, l, sort, t(l, i18n::SCENARIOS)).into_any(),
            Some(Err(e)) => view! { <p class="error" role="alert">{e.message(l)}</p> }.into_any(),
            None => ().into_any(),
        }
    };
    let candidates = move || candidates_view(state, sort, lang.get());
    let export = move |_| {
        let l = lang.get_untracked();
        if let Some(Ok(mut v)) = rows.get_untracked() {
            compare::sort(&mut v, sort.get_untracked());
            actions::download_csv("baft-compare.csv", &compare::to_csv(&v, l));
        }
    };
    let add = move |_| {
        let label = state.query.get_untracked();
        let n = state.candidates.with_untracked(|c| c.len()) + 1;
        let n =
            baft_core::base::digits::localize_digits(&n.to_string(), state.lang.get_untracked());
        let label = if label.trim().is_empty() || label.lines().count() > 1 {
            format!("#{n}")
        } else {
            format!("#{n}: {}", label.trim())
        };
        actions::add_candidate(&state, label);
    };
    view! {
        <Show when=visible>
            <details class="compare">
                <summary>{i18n::tr(i18n::COMPARE)}</summary>
                <div class="facts-grid">{neighbour(state, 0)}{neighbour(state, 1)}{neighbour(state, 2)}</div>
                {scenarios}
                <div class="actions">
                    <button type="button" on:click=export>{i18n::tr(i18n::EXPORT_CSV)}</button>
                    <button type="button" on:click=move |_| { if let Some(w) = web_sys::window() { let _ = w.print(); } }>{i18n::tr(i18n::PRINT)}</button>
                    <button type="button" on:click=add>{i18n::tr(i18n::ADD_CANDIDATE)}</button>
                </div>
                {candidates}
            </details>
        </Show>
    }
}
