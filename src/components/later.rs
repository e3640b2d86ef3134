//! The parts of the page that come after the first answer: the share and print bar, the printed
//! certificate (QR code, SHA-256), the facilitation office, the incentive packages with their
//! form, and the comparison.
//!
//! Built with the `split` feature (as `scripts/build.sh` builds the app), they are a second wasm
//! module: `scripts/split.mjs` cuts them out of the app's module with `wasm-split-cli`, and the
//! page downloads them once the first answer is painted (`AppState::settled`), so an owner's
//! first answer never waits for them. Without the feature (`cargo test`, `trunk serve`) they are
//! in the one module and come at the same moment. A failed download is said in words with a
//! button to try again; the answer above stays.

use super::{
    certificate::{CertificateFoot, CertificateHead, ShareBar},
    compare::Compare,
    incentives::Incentives,
    office::OfficeCard,
};
use crate::i18n::{self, tr};
use crate::state::{use_state, AppState};
use leptos::prelude::*;
use leptos::wasm_split::SplitLoaderError;

/// One place in the page where later parts stand.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Part {
    /// The printed certificate's heading, above the search box.
    Head,
    /// The share and print bar, under the answer.
    Share,
    /// The office, the packages, the comparison and the certificate's foot, in that order.
    Rest,
}

/// The later parts at `part`, once the first answer is painted. When the download fails, the
/// office's place says so with "Try again" while there is an answer (the others stay empty),
/// and a try brings all three.
#[component]
pub fn Later(part: Part) -> impl IntoView {
    let state = use_state();
    let attempt = state.later_attempt;
    let parts = move || {
        attempt.track();
        Suspend::new(async move {
            match load(part).await {
                Ok(view) => {
                    if part == Part::Rest {
                        state.later_ready.set(true);
                    }
                    view
                }
                Err(()) if part == Part::Rest => failed(state).into_any(),
                Err(()) => ().into_any(),
            }
        })
    };
    view! {
        <Show when=move || state.settled.get()>
            <Suspense fallback=|| ()>{parts}</Suspense>
        </Show>
    }
}

/// Said when the later module could not be downloaded and there is an answer, with a button to
/// try again; after a try that failed too, the button has the focus again.
fn failed(state: AppState) -> impl IntoView {
    let attempt = state.later_attempt;
    let button = NodeRef::<leptos::html::Button>::new();
    Effect::new(move |_| {
        if let Some(b) = button.get() {
            if attempt.get_untracked() > 0 {
                let _ = b.focus();
            }
        }
    });
    move || {
        state.has_answer().then(|| {
            view! {
                <div class="warning later-failed" role="alert">
                    <p>{tr(i18n::LATER_FAILED)}</p>
                    <button type="button" node_ref=button on:click=move |_| attempt.update(|n| *n += 1)>{tr(i18n::TRY_AGAIN)}</button>
                </div>
            }
        })
    }
}

/// The view of `part`, from the later module (downloaded at the first call; `Err` when that
/// failed, and the next call tries again).
async fn load(part: Part) -> Result<AnyView, ()> {
    #[cfg(feature = "split")]
    let view = match part {
        Part::Head => head().await,
        Part::Share => share().await,
        Part::Rest => rest().await,
    };
    #[cfg(not(feature = "split"))]
    let view = match part {
        Part::Head => head(),
        Part::Share => share(),
        Part::Rest => rest(),
    };
    view.map_err(|_| ())
}

#[cfg_attr(
    feature = "split",
    leptos::wasm_split::wasm_split(later, fallible, wasm_split_path = ::leptos::wasm_split)
)]
fn head() -> Result<AnyView, SplitLoaderError> {
    Ok(view! { <CertificateHead/> }.into_any())
}

#[cfg_attr(
    feature = "split",
    leptos::wasm_split::wasm_split(later, fallible, wasm_split_path = ::leptos::wasm_split)
)]
fn share() -> Result<AnyView, SplitLoaderError> {
    Ok(view! { <ShareBar/> }.into_any())
}

#[cfg_attr(
    feature = "split",
    leptos::wasm_split::wasm_split(later, fallible, wasm_split_path = ::leptos::wasm_split)
)]
fn rest() -> Result<AnyView, SplitLoaderError> {
    Ok(view! { <OfficeCard/><Incentives/><Compare/><CertificateFoot/> }.into_any())
}
