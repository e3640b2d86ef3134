//! Baft's browser app (Leptos, client-side rendered).
//!
//! The components are thin: they render what `baft-core` computes and never decide whether
//! a plot is inside. The glue between the page and the core lives outside the components:
//! - [`state`]: the app's signals;
//! - [`loader`]: fetching the manifest and layer files into the state, with progress;
//! - [`actions`]: what a search, a tap, GPS or an upload does (calls the core, stores the outcome);
//! - [`link`]: share links (the answer's state in the URL fragment);
//! - [`embed`]: the page's query options and the postMessage bridge for embedding pages;
//! - [`map`]: bindings to the self-hosted Leaflet map (`www/map.js`);
//! - [`reveal`]: bringing each answer into view and focus (and closing a phone's keyboard);
//! - [`settled`]: telling the page's scripts (map, offline) when the first answer is on screen;
//! - [`i18n`]: interface strings in Persian and English;
//! - [`fatal`]: the last line of defence when something panics.

pub mod actions;
pub mod components;
pub mod embed;
pub mod fatal;
pub mod i18n;
pub mod link;
pub mod loader;
pub mod map;
pub mod reveal;
pub mod settled;
pub mod state;

/// Starts the app in the page.
pub fn start() {
    fatal::install_panic_hook();
    leptos::mount::mount_to_body(components::app::App);
}
