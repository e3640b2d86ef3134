//! The note under the answer when the opened link was made with other data (another data
//! version or boundary version): in the app's first module, so that it is said with the answer
//! itself, never only once the later parts (`components::later`) have come.

use super::ids::with_ids;
use crate::i18n::{self, t};
use crate::state::use_state;
use baft_core::base::digits::localize_digits;
use leptos::prelude::*;

/// "This link was made with other data", with the versions in the link and now.
#[component]
pub fn LinkNote() -> impl IntoView {
    let state = use_state();
    let lang = state.lang;
    move || {
        let l = lang.get();
        state.link_versions.get().map(|v| {
            let digits = |s: &str| localize_digits(s, l);
            let mut parts = Vec::new();
            if let Some(d) = v.data_version {
                parts.push(format!("{} «{d}»", t(l, i18n::LINK_DATA_VERSION)));
            }
            for (layer, was, now) in v.boundary {
                // The layer by its name in the language shown (its id if the data lacks it).
                let name = state.data.with_untracked(|d| {
                    d.as_ref()
                        .and_then(|d| d.manifest.layers.iter().find(|x| x.id == layer))
                        .map(|x| x.name.get(l).to_string())
                });
                parts.push(format!(
                    "{}: {} «{}» {} «{}»",
                    name.unwrap_or(layer),
                    t(l, i18n::BOUNDARY),
                    digits(&was),
                    // From the link's version to today's: the arrow points the way the line reads.
                    l.pick("←", "→"),
                    now.map_or_else(|| "—".into(), |n| digits(&n))
                ));
            }
            view! {
                <p class="warning link-note" role="status">
                    {t(l, i18n::LINK_OTHER_DATA)}
                    {with_ids(&parts.join(l.pick("؛ ", "; ")))}
                </p>
            }
        })
    }
}
