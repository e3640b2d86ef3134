//! Loads `data/manifest.json` and the layer files at run time (no rebuild for new data).
//!
//! The pure steps ([`apply_manifest`], [`apply_layer`]) take text and update the state, so the
//! browser tests drive them without a server; [`load`] adds the fetching.

use crate::state::{AppState, Progress};
use baft_core::dataset::{planned_files, Dataset};
use baft_core::read::manifest::{BoundaryVersion, LayerSpec, Manifest};
use baft_core::BaftError;
use leptos::prelude::*;
use std::sync::Arc;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

/// A file to fetch for a layer.
pub type Planned = (LayerSpec, BoundaryVersion, String);

/// Parses the manifest into an empty dataset; returns the layer files to fetch.
pub fn apply_manifest(state: &AppState, text: &str) -> Result<Vec<Planned>, BaftError> {
    // The errors stay structured, so the message follows the language when it is switched.
    let manifest = Manifest::parse(text).map_err(|errors| BaftError::BadManifest { errors })?;
    let plan = planned_files(&manifest);
    let files = plan.len() + extras(&manifest).len();
    state.basemap_on.set(manifest.basemap.on_by_default);
    state.layers_left.set(plan.len());
    state.data.set(Some(Arc::new(Dataset::new(manifest))));
    state.progress.set(Progress::Loading {
        done: 0,
        total: files,
        bytes: text.len(),
    });
    Ok(plan)
}

/// Adds one layer file's text to the dataset and records its problems.
pub fn apply_layer(
    state: &AppState,
    spec: &LayerSpec,
    version: &BoundaryVersion,
    file: &str,
    text: &str,
) {
    let mut problems = Vec::new();
    state.data.update(|d| {
        if let Some(ds) = d {
            problems = Arc::make_mut(ds).add_layer(spec, version, file, text);
        }
    });
    state.problems.update(|p| p.extend(problems));
    layer_done(state);
    file_done(state, text.len());
}

/// One current layer file fewer to wait for (added, or failed to arrive).
fn layer_done(state: &AppState) {
    state.layers_left.update(|n| *n = n.saturating_sub(1));
}

/// Files the manifest lists besides the current layer versions.
#[derive(Debug, Clone)]
pub enum Extra {
    Packages(String),
    /// A non-current boundary version (for history and the version switch).
    Version(LayerSpec, BoundaryVersion, String),
    Parcels(String),
    Offices(String),
}

impl Extra {
    pub fn file(&self) -> &str {
        match self {
            Extra::Packages(f)
            | Extra::Parcels(f)
            | Extra::Offices(f)
            | Extra::Version(_, _, f) => f,
        }
    }
}

/// The extra files of a manifest, smallest first so that the answer is complete early.
pub fn extras(m: &Manifest) -> Vec<Extra> {
    let mut v = Vec::new();
    if let Some(p) = &m.packages {
        v.push(Extra::Packages(p.clone()));
    }
    if let Some(o) = &m.offices {
        v.push(Extra::Offices(o.clone()));
    }
    for (spec, version, file) in baft_core::dataset::other_version_files(m) {
        v.push(Extra::Version(spec, version, file));
    }
    if let Some(p) = &m.parcels {
        v.push(Extra::Parcels(p.file.clone()));
    }
    v
}

/// Adds an extra file's text to the dataset and records its problems.
pub fn apply_extra(state: &AppState, extra: &Extra, text: &str) {
    let mut problems = Vec::new();
    state.data.update(|d| {
        if let Some(ds) = d {
            let ds = Arc::make_mut(ds);
            problems = match extra {
                Extra::Packages(f) => ds.set_packages(f, text),
                Extra::Version(spec, version, f) => ds.add_other_version(spec, version, f, text),
                Extra::Parcels(_) => ds.set_parcels(text),
                Extra::Offices(f) => ds.set_offices(f, text),
            };
        }
    });
    state.problems.update(|p| p.extend(problems));
    file_done(state, text.len());
}

/// Adds the incentive packages file's text (its validation errors become data problems).
pub fn apply_packages(state: &AppState, file: &str, text: &str) {
    let mut problems = Vec::new();
    state.data.update(|d| {
        if let Some(ds) = d {
            problems = Arc::make_mut(ds).set_packages(file, text);
        }
    });
    state.problems.update(|p| p.extend(problems));
    file_done(state, text.len());
}

/// Records a layer file that could not be fetched; the other layers go on loading.
pub fn apply_unreadable(state: &AppState, file: &str, error: &BaftError) {
    let detail = match error {
        BaftError::Io { detail, .. } => detail.clone(),
        other => other.message(baft_core::Lang::En),
    };
    let problem = baft_core::Problem::file_error(
        file,
        baft_core::error::ProblemKind::FileUnreadable { detail },
    );
    state.problems.update(|p| p.push(problem));
    file_done(state, 0);
}

fn file_done(state: &AppState, bytes_read: usize) {
    state.progress.update(|p| {
        if let Progress::Loading { done, total, bytes } = p {
            *done += 1;
            *bytes += bytes_read;
            if *done >= *total {
                *p = Progress::Ready;
            }
        }
    });
}

/// Fetches a URL and checks the HTTP status; errors name the URL.
async fn fetch_ok(url: &str) -> Result<web_sys::Response, BaftError> {
    let window = web_sys::window().ok_or_else(|| io_error(url, "no window".into()))?;
    let resp = JsFuture::from(window.fetch_with_str(url))
        .await
        .map_err(|e| io_error(url, format!("{e:?}")))?;
    let resp: web_sys::Response = resp
        .dyn_into()
        .map_err(|_| io_error(url, "not a response".into()))?;
    if !resp.ok() {
        return Err(io_error(url, format!("HTTP {}", resp.status())));
    }
    Ok(resp)
}

fn io_error(url: &str, detail: String) -> BaftError {
    BaftError::Io {
        path: url.to_string(),
        detail,
    }
}

/// Fetches a data file (relative to `base`) as bytes and records its short SHA-256 for the
/// certificate (the digits `sha256sum` prints first for the same file).
pub async fn fetch_file(state: &AppState, base: &str, file: &str) -> Result<Vec<u8>, BaftError> {
    let bytes = fetch_bytes(&format!("{base}{file}")).await?;
    let hash = baft_core::answer::certificate::short_hash(&bytes);
    state.hashes.update(|h| h.push((file.to_string(), hash)));
    Ok(bytes)
}

/// [`fetch_file`] as UTF-8 text (a byte-order mark is dropped; other bad bytes are replaced, and
/// the parsers then name the feature they spoil).
pub async fn fetch_file_text(
    state: &AppState,
    base: &str,
    file: &str,
) -> Result<String, BaftError> {
    let bytes = fetch_file(state, base, file).await?;
    let text = String::from_utf8(bytes)
        .unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned());
    Ok(match text.strip_prefix('\u{FEFF}') {
        Some(t) => t.to_string(),
        None => text,
    })
}

/// Fetches a URL as bytes (for packed layers).
pub async fn fetch_bytes(url: &str) -> Result<Vec<u8>, BaftError> {
    let resp = fetch_ok(url).await?;
    let promise = resp
        .array_buffer()
        .map_err(|e| io_error(url, format!("{e:?}")))?;
    let buf = JsFuture::from(promise)
        .await
        .map_err(|e| io_error(url, format!("{e:?}")))?;
    Ok(js_sys::Uint8Array::new(&buf).to_vec())
}

/// Plots installed first from a pack (the nearest to the city centre): the map's first view is
/// answered while the rest is decoded.
pub const FIRST_PART: usize = 10_000;

/// Plots prepared per slice after the first part; the page gets a turn between slices.
pub const SLICE: usize = 20_000;

async fn next_turn() {
    sleep_ms(0).await;
}

async fn sleep_ms(ms: i32) {
    let tick = js_sys::Promise::new(&mut |ok, _| {
        if let Some(w) = web_sys::window() {
            let _ = w.set_timeout_with_callback_and_timeout_and_arguments_0(&ok, ms);
        }
    });
    let _ = JsFuture::from(tick).await;
}

/// Waits until the current layers are in and the page has painted once more, so that a shared
/// link's answer is on screen before the parcel layer (seconds of work for a large one) is
/// parsed.
async fn after_layers_painted(state: &AppState) {
    while state.layers_left.get_untracked() != 0 {
        sleep_ms(20).await;
    }
    // The next frame, or 100 ms when frames are paused (a hidden tab, an iframe out of view).
    let frame = js_sys::Promise::new(&mut |ok, _| {
        if let Some(w) = web_sys::window() {
            let _ = w.request_animation_frame(&ok);
            let _ = w.set_timeout_with_callback_and_timeout_and_arguments_0(&ok, 100);
        }
    });
    let _ = JsFuture::from(frame).await;
    next_turn().await;
}

/// Installs a packed parcel layer progressively: the plots nearest the centre first (they answer
/// at once), then the rest prepared a slice at a time with the page free in between, then all.
pub async fn apply_parcels_pack(state: AppState, bytes: Vec<u8>) {
    let Some((spec, frame)) = state.data.with_untracked(|d| {
        d.as_ref()
            .and_then(|d| d.manifest.parcels.clone().map(|s| (s, d.frame)))
    }) else {
        return;
    };
    let install = |p: baft_core::layer::parcels::ParcelLayer| {
        let mut problems = Vec::new();
        state.data.update(|d| {
            if let Some(ds) = d {
                problems = Arc::make_mut(ds).install_parcels(p);
            }
        });
        problems
    };
    let mut builder = match baft_core::layer::parcels::ParcelsBuilder::new(&spec, &bytes, &frame) {
        Ok(b) => b,
        Err(p) => {
            state.problems.update(|ps| ps.push(p));
            return file_done(&state, bytes.len());
        }
    };
    let step = |b: &mut baft_core::layer::parcels::ParcelsBuilder, n| b.step(n);
    match step(&mut builder, FIRST_PART) {
        Ok(0) => {}
        Ok(_) => {
            install(builder.snapshot());
            loop {
                next_turn().await;
                match step(&mut builder, SLICE) {
                    Ok(0) => break,
                    Ok(_) => {}
                    Err(p) => {
                        state.problems.update(|ps| ps.push(p));
                        return file_done(&state, bytes.len());
                    }
                }
            }
        }
        Err(p) => {
            state.problems.update(|ps| ps.push(p));
            return file_done(&state, bytes.len());
        }
    }
    let problems = install(builder.finish());
    state.problems.update(|p| p.extend(problems));
    file_done(&state, bytes.len());
}

/// Loads everything from `base` (e.g. `data/`), updating progress as files arrive. The layer
/// files are fetched in parallel; each is added as soon as it arrives.
pub async fn load(state: AppState, base: String) {
    let manifest = match fetch_file_text(&state, &base, "manifest.json").await {
        Ok(t) => t,
        Err(e) => return state.progress.set(Progress::Failed(e)),
    };
    let plan = match apply_manifest(&state, &manifest) {
        Ok(p) => p,
        Err(e) => return state.progress.set(Progress::Failed(e)),
    };
    let more = state
        .data
        .with_untracked(|d| d.as_ref().map(|d| extras(&d.manifest)).unwrap_or_default());
    for extra in more {
        let file = extra.file().to_string();
        let base = base.clone();
        if matches!(extra, Extra::Parcels(_)) && baft_core::read::pack::is_pack(&file) {
            leptos::task::spawn_local(async move {
                match fetch_file(&state, &base, &file).await {
                    Ok(bytes) => {
                        after_layers_painted(&state).await;
                        apply_parcels_pack(state, bytes).await
                    }
                    Err(e) => apply_unreadable(&state, &file, &e),
                }
            });
            continue;
        }
        leptos::task::spawn_local(async move {
            match fetch_file_text(&state, &base, &file).await {
                Ok(text) => {
                    if matches!(extra, Extra::Parcels(_)) {
                        after_layers_painted(&state).await;
                    }
                    apply_extra(&state, &extra, &text)
                }
                Err(e) => apply_unreadable(&state, &file, &e),
            }
        });
    }
    for (spec, version, file) in plan {
        let base = base.clone();
        leptos::task::spawn_local(async move {
            match fetch_file_text(&state, &base, &file).await {
                Ok(text) => apply_layer(&state, &spec, &version, &file, &text),
                Err(e) => {
                    layer_done(&state);
                    apply_unreadable(&state, &file, &e)
                }
            }
        });
    }
}
