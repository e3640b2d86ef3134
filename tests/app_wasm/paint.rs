//! Paint order: what waits for the answer's paint waits for the frame after it.

use super::helpers::*;
use baft_app::actions;
use baft_core::Lang;
use leptos::prelude::*;
use wasm_bindgen_test::*;

/// `settled::next_frame` resolves once the frame is painted, in a task after it, not inside the
/// frame's callbacks: what waits for it (the map library's first run, the printed certificate)
/// would otherwise run before that frame's layout and paint and hold the answer's paint back.
/// A frame callback registered first queues a task; by the time `next_frame` resolves, that
/// task has run.
#[wasm_bindgen_test]
async fn the_settled_frame_is_awaited_until_it_is_painted() {
    use std::cell::Cell;
    use std::rc::Rc;
    use wasm_bindgen::{closure::Closure, JsCast};
    let queued_in_frame_ran = Rc::new(Cell::new(false));
    let ran = queued_in_frame_ran.clone();
    let in_frame = Closure::once_into_js(move || {
        let task = Closure::once_into_js(move || ran.set(true));
        web_sys::window()
            .unwrap()
            .set_timeout_with_callback_and_timeout_and_arguments_0(task.unchecked_ref(), 0)
            .unwrap();
    });
    web_sys::window()
        .unwrap()
        .request_animation_frame(in_frame.unchecked_ref())
        .unwrap();
    baft_app::settled::next_frame().await;
    assert!(
        queued_in_frame_ran.get(),
        "next_frame resolved inside the frame, before its paint"
    );
}

#[wasm_bindgen_test]
async fn the_parts_after_the_answer_wait_until_it_is_painted() {
    use baft_app::components::later::{Later, Part};
    let state = loaded_state(Lang::En);
    let (host, handle) = mount(state, || view! { <Later part=Part::Rest/> });
    let (lat, lon) = fixture_point("worn_block");
    actions::check_text(&state, &format!("{lat}, {lon}"));
    tick().await;
    assert!(
        host.query_selector(".incentives").unwrap().is_none(),
        "not before settled"
    );
    state.settled.set(true);
    tick().await;
    tick().await;
    let text = host.text_content().unwrap();
    assert!(
        host.query_selector(".incentives").unwrap().is_some(),
        "{text}"
    );
    assert!(host.query_selector(".later-failed").unwrap().is_none());
    drop(handle);
}
