//! The note under the answer when the opened link was made with other data (another data
//! version or boundary version): in the app's first module, so that it is said with the answer
//! itself, never only once the later parts (`components::later`) have come.

use crate::i18n::{self, t};
use crate::state::use_state;
use leptos::prelude::*;

/// "This link was made with other data", with the versions in the link and now.
#[component]
pub fn LinkNote() -> impl IntoView {
    let state = use_state();
    let lang = state.lang;
    move || {
        let l = lang.get();
        state.link_versions.get().map(|v| {
            let mut parts = Vec::new();
            if let Some(d) = v.data_version {
                parts.push(format!("{} «{d}»", t(l, i18n::LINK_DATA_VERSION)));
            }
            for (layer, was, now) in v.boundary {
                parts.push(format!(
                    "{layer}: {} «{was}» → «{}»",
                    t(l, i18n::BOUNDARY),
                    now.unwrap_or_else(|| "—".into())
                ));
            }
            view! {
                <p class="warning link-note" role="status">
                    {t(l, i18n::LINK_OTHER_DATA)}
                    {parts.join(l.pick("؛ ", "; "))}
                </p>
            }
        })
    }
}
