//! The last line of defence. Baft's core returns errors instead of panicking, but if a panic
//! ever happens the wasm instance cannot continue (wasm32 aborts on panic), so this hook shows
//! a bilingual notice with a reload button in `#fatal` (present in index.html) and logs the
//! details to the console, instead of leaving a silently dead page.

use wasm_bindgen::JsCast;

pub fn install_panic_hook() {
    std::panic::set_hook(Box::new(|info| {
        web_sys::console::error_1(&format!("Baft internal error: {info}").into());
        let Some(doc) = web_sys::window().and_then(|w| w.document()) else {
            return;
        };
        if let Some(el) = doc.get_element_by_id("fatal") {
            if let Ok(el) = el.dyn_into::<web_sys::HtmlElement>() {
                el.set_hidden(false);
            }
        }
    }));
}
