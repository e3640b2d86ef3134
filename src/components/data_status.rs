use crate::i18n::{self, t};
use crate::state::{use_state, Progress};
use baft_core::base::units;
use baft_core::Severity;
use leptos::prelude::*;

/// Loading progress, load failure, and data problems (never only in the console).
#[component]
pub fn DataStatus() -> impl IntoView {
    let state = use_state();
    let lang = state.lang;
    let progress = move || {
        match state.progress.get() {
        Progress::Loading { done, total, bytes } => {
            let l = lang.get();
            let text = format!(
                "{} — {} / {} ({})",
                t(l, i18n::LOADING),
                units::count(done, l),
                units::count(total, l),
                units::megabytes(bytes, l)
            );
            view! {
                <div class="loading" role="status" aria-live="polite">
                    <progress max=total.max(1) value=done></progress>
                    <span>{text}</span>
                </div>
            }
            .into_any()
        }
        Progress::Failed(e) => view! {
            <div class="error" role="alert"><strong>{t(lang.get(), i18n::LOAD_FAILED)}</strong>" "{super::ids::with_ids(&e.message(lang.get()))}</div>
        }
        .into_any(),
        Progress::Ready | Progress::ChooseCity(_) => ().into_any(),
    }
    };
    let problems = move || {
        let l = lang.get();
        state.problems.with(|ps| {
            if ps.is_empty() {
                return ().into_any();
            }
            let items = ps
                .iter()
                .map(|p| {
                    let class = if p.severity == Severity::Error {
                        "problem error"
                    } else {
                        "problem warning"
                    };
                    view! { <li class=class>{super::ids::with_ids(&p.message(l))}</li> }
                })
                .collect_view();
            let n = units::count(ps.len(), l);
            view! {
                <details class="problems" open=ps.iter().any(|p| p.severity == Severity::Error)>
                    <summary>{t(l, i18n::DATA_WARNINGS)}" ("{n}")"</summary>
                    <ul>{items}</ul>
                </details>
            }
            .into_any()
        })
    };
    // A quiet note while the browser is offline: answers then come from the data kept by the
    // service worker (docs/offline.md). `www/offline.js` marks <html data-online>; the
    // stylesheet shows the note only when that is "false".
    let offline = move || {
        lang.get().pick(
            "آفلاین — پاسخ با داده‌ای است که پیش‌تر روی این دستگاه ذخیره شده",
            "Offline — answering from the data kept on this device",
        )
    };
    view! { <div class="data-status"><p class="offline-badge" role="status">{offline}</p>{progress}{problems}</div> }
}
