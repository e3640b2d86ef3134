//! Ids and codes inside Persian sentences kept whole ([`baft_core::base::bidi`] finds them):
//! each is put in its own left-to-right, isolated element (`class="id"`), so right-to-left
//! text never reorders it and a line never breaks inside it (`white-space: nowrap` in the
//! stylesheet).

pub use baft_core::base::bidi::{pieces, Piece};
use leptos::prelude::*;

/// `s` with every id in a `<span class="id" dir="ltr">` (an element with `dir` is isolated from
/// the text around it, as `<bdi>` is); one element type for all pieces keeps the wasm small.
pub fn with_ids(s: &str) -> impl IntoView {
    pieces(s)
        .into_iter()
        .map(|p| {
            let (text, id) = match p {
                Piece::Text(t) => (t, false),
                Piece::Id(t) => (t, true),
            };
            view! { <span class=id.then_some("id") dir=id.then_some("ltr")>{text.to_string()}</span> }
        })
        .collect_view()
}
