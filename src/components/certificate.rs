//! Share and print: the buttons under the answer, and the printable certificate (گواهی) that
//! wraps the printed answer: a title and dates above, a vector map, and below the QR code of the
//! share link, the data version with each file's short SHA-256, and the disclaimer.
//! On screen the certificate parts are hidden; `@media print` in `styles.css` shows them.

use crate::i18n::{self, t};
use crate::link;
use crate::state::use_state;
use baft_core::answer::certificate::{map_svg, qr_svg, MapSubject};
use baft_core::base::jalali::JalaliDate;
use leptos::prelude::*;

/// Whether the printed certificate is drawn: an answer, once the page has settled. A shared
/// link's first answer is painted before its QR code and map are made (on a phone-speed
/// main thread they took about 50 ms, and the code's first run its compiling).
fn certificate_drawn(state: crate::state::AppState) -> impl Fn() -> bool + Copy {
    move || state.settled.get() && state.has_answer()
}

/// Selects the whole text of the field that fired `ev`.
fn select_all(ev: &leptos::ev::FocusEvent) {
    use wasm_bindgen::JsCast;
    if let Some(i) = ev
        .target()
        .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
    {
        i.select();
    }
}

/// Copy link, share (phones) and print.
#[component]
pub fn ShareBar() -> impl IntoView {
    let state = use_state();
    let lang = state.lang;
    let copied = RwSignal::new(None::<bool>);
    let copy = move |_| {
        copied.set(None);
        link::copy_link(&state, move |ok| copied.set(Some(ok)));
    };
    let share = move |_| link::share_link(&state, t(lang.get_untracked(), i18n::APP_NAME));
    let print = move |_| {
        if let Some(w) = web_sys::window() {
            let _ = w.print();
        }
    };
    let status = move || {
        copied.get().map(|ok| match ok {
            true => t(lang.get(), ("پیوند رونوشت شد.", "Link copied.")),
            false => t(
                lang.get(),
                (
                    "رونوشت ممکن نشد؛ پیوند را از کادر زیر رونوشت کنید.",
                    "Could not copy; copy the link from the box below.",
                ),
            ),
        })
    };
    view! {
        <Show when=move || state.has_answer()>
            <div class="share-bar">
                <div class="actions">
                    <button type="button" id="copy-link" on:click=copy>{i18n::tr(("رونوشت پیوند", "Copy link"))}</button>
                    <Show when=link::can_share>
                        <button type="button" id="share-link" on:click=share>{i18n::tr(("هم‌رسانی…", "Share…"))}</button>
                    </Show>
                    <button type="button" id="print" on:click=print>{i18n::tr(("چاپ گواهی", "Print certificate"))}</button>
                </div>
                <p class="muted" role="status" aria-live="polite">{status}</p>
                // The clipboard was refused (an installed app has no address bar to copy from):
                // the link in a field, selected, to copy by hand.
                <Show when=move || copied.get() == Some(false)>
                    <label class="copy-fallback">
                        <span>{i18n::tr(("پیوند این پاسخ", "This answer's link"))}</span>
                        <input type="text" id="link-text" readonly prop:value=move || link::link_now(&state)
                            on:focus=|ev| select_all(&ev)/>
                    </label>
                </Show>
            </div>
        </Show>
    }
}

/// The certificate's head: title, today's date in both calendars, and the map.
#[component]
pub fn CertificateHead() -> impl IntoView {
    let state = use_state();
    let lang = state.lang;
    let svg = move || {
        let ds = state.data.get()?;
        state.outcome.with(|o| {
            let place = o.as_ref()?.place()?;
            Some(match &place.rings {
                Some(rings) => map_svg(&ds, &MapSubject::Plot(rings), lang.get()),
                None => {
                    let (lon, lat) = place.lon_lat();
                    map_svg(&ds, &MapSubject::Point { lon, lat }, lang.get())
                }
            })
        })
    };
    let dates = move || {
        let l = lang.get();
        let g = crate::actions::today();
        let j = JalaliDate::from_gregorian(g);
        let g = baft_core::base::digits::localize_digits(&g.to_string(), l);
        format!("{} {} ({g})", l.pick("تاریخ:", "Date:"), j.long(l))
    };
    view! {
        <Show when=certificate_drawn(state)>
            <header class="certificate cert-head">
                // The printed page's title (on screen the page header holds the h1).
                <h1>{i18n::tr(("گواهی استعلام محدودهٔ بازآفرینی شهری", "Urban-regeneration area enquiry certificate"))}</h1>
                <p>{move || super::ids::with_ids(&dates())}</p>
                // The SVG holds only numbers and fixed markup written by baft-core (no data text).
                <div class="cert-map" role="img" aria-label=i18n::tr(("نقشهٔ ملک و محدوده‌های پیرامون آن", "Map of the plot and the areas around it"))
                    inner_html=move || svg().unwrap_or_default()></div>
            </header>
        </Show>
    }
}

/// The certificate's foot: QR code of the link, data version and file hashes, disclaimer.
#[component]
pub fn CertificateFoot() -> impl IntoView {
    let state = use_state();
    let lang = state.lang;
    let link = Memo::new(move |_| certificate_drawn(state)().then(|| link::link_now(&state)));
    let qr = move || link.get().and_then(|l| qr_svg(&l)).unwrap_or_default();
    let version = move || {
        state
            .data
            .with(|d| d.as_ref().map(|d| d.manifest.data_version.clone()))
            .unwrap_or_default()
    };
    let hashes = move || {
        let mut h = state.hashes.get();
        baft_core::base::small::sort_small_by(&mut h, |a, b| a.0.cmp(&b.0));
        h.into_iter()
            .map(|(file, hash)| view! { <tr><td dir="ltr">{file}</td><td dir="ltr" class="hash">{hash}</td></tr> })
            .collect_view()
    };
    view! {
        <Show when=certificate_drawn(state)>
            <footer class="certificate cert-foot">
                <div class="cert-qr" role="img" aria-label=i18n::tr(("کد QR پیوند این پاسخ", "QR code of this answer's link")) inner_html=qr></div>
                <p class="cert-link" dir="ltr">{move || link.get().unwrap_or_default()}</p>
                <table class="cert-hashes">
                    <caption>{move || super::ids::with_ids(&format!("{} {}", t(lang.get(), ("نسخهٔ داده:", "Data version:")), version()))}</caption>
                    <thead><tr>
                        <th scope="col">{i18n::tr(("پرونده", "File"))}</th>
                        <th scope="col">{i18n::tr(("SHA-256 (آغاز)", "SHA-256 (start)"))}</th>
                    </tr></thead>
                    <tbody>{hashes}</tbody>
                </table>
                <p class="cert-disclaimer"><strong>{i18n::tr(i18n::DISCLAIMER)}</strong></p>
            </footer>
        </Show>
    }
}
