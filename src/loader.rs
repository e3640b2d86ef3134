//! Loads `data/manifest.json` and the layer files at run time (no rebuild for new data).
//!
//! The files and their order come from the core's load plan (`baft_core::read::plan`). The pure
//! steps ([`apply_manifest`], [`apply_file`]) take text and update the state, so the browser
//! tests drive them without a server; [`load`] adds the fetching.

use crate::state::{AppState, Progress};
use baft_core::dataset::{Dataset, FileBody, ParcelsRead};
use baft_core::read::manifest::Manifest;
use baft_core::read::plan::{load_plan, Planned, Role};
use baft_core::BaftError;
use leptos::prelude::*;
use std::sync::Arc;
use wasm_bindgen_futures::JsFuture;
pub mod cities;
pub mod fetch;
pub mod ranges;

pub use fetch::{fetch_bytes, fetch_file, fetch_file_text, Pending};

/// Parses the manifest into an empty dataset; returns the files of the core's load plan that
/// the first answer needs (each layer's current version). The rest are [`extras`].
pub fn apply_manifest(state: &AppState, text: &str) -> Result<Vec<Planned>, BaftError> {
    // The errors stay structured, so the message follows the language when it is switched.
    let manifest = Manifest::parse(text).map_err(|errors| BaftError::BadManifest { errors })?;
    let (layers, rest): (Vec<Planned>, Vec<Planned>) = load_plan(&manifest)
        .into_iter()
        .partition(|f| matches!(f.role, Role::Layer { .. }));
    state.basemap_on.set(manifest.basemap.on_by_default);
    state.layers_left.set(layers.len());
    let mut ds = Dataset::new(manifest);
    // A plate typed before the plots are in waits for them (`search` says so).
    if ds.manifest.parcels.is_some() {
        ds.parcels_read = ParcelsRead::Loading;
    }
    state.data.set(Some(Arc::new(ds)));
    state.progress.set(Progress::Loading {
        done: 0,
        total: layers.len() + rest.len(),
        bytes: text.len(),
    });
    Ok(layers)
}

/// The files of the load plan besides the current layer versions, in plan order (smallest
/// first, so that the answer is complete early; the parcel layer last).
pub fn extras(m: &Manifest) -> Vec<Planned> {
    load_plan(m)
        .into_iter()
        .filter(|f| !matches!(f.role, Role::Layer { .. }))
        .collect()
}

/// Adds a planned file's text to the dataset (the core decides what it is for) and records
/// its problems.
pub fn apply_file(state: &AppState, file: &Planned, text: &str) {
    apply_body(state, file, FileBody::Text(text), text.len());
}

/// Adds a planned file's text or bytes (a FlatGeobuf zones layer) to the dataset and records
/// its problems.
fn apply_body(state: &AppState, file: &Planned, body: FileBody, len: usize) {
    let mut problems = Vec::new();
    state.data.update(|d| {
        if let Some(ds) = d {
            problems = match Arc::make_mut(ds).add_file(file, body) {
                Ok(p) => p,
                Err(e) => vec![baft_core::Problem::file_error(
                    &file.path,
                    baft_core::error::ProblemKind::FileUnreadable {
                        why: baft_core::error::Unreadable::of(&e),
                    },
                )],
            };
        }
    });
    state.problems.update(|p| p.extend(problems));
    if matches!(file.role, Role::Layer { .. }) {
        layer_done(state);
    }
    file_done(state, len);
}

/// One current layer file fewer to wait for (added, or failed to arrive).
fn layer_done(state: &AppState) {
    state.layers_left.update(|n| *n = n.saturating_sub(1));
}

/// Records a layer file that could not be fetched; the other layers go on loading.
pub fn apply_unreadable(state: &AppState, file: &str, error: &BaftError) {
    note_unreadable(state, file, error);
    let parcels = state.data.with_untracked(|d| {
        d.as_ref()
            .and_then(|d| d.manifest.parcels.as_ref())
            .is_some_and(|p| p.file == file)
    });
    if parcels {
        parcels_ended(state);
    }
    file_done(state, 0);
}

/// The parcel layer's file will be read no further (it failed): the dataset holds all of it
/// it will, or, read by ranges, the plots around places asked about.
fn parcels_ended(state: &AppState) {
    let read = match ranges::active() {
        true => ParcelsRead::ByArea,
        false => ParcelsRead::All,
    };
    set_parcels_read(state, read);
}

/// Records that (part of) a file could not be fetched.
fn note_unreadable(state: &AppState, file: &str, error: &BaftError) {
    let why = baft_core::error::Unreadable::of(error);
    let problem =
        baft_core::Problem::file_error(file, baft_core::error::ProblemKind::FileUnreadable { why });
    state.problems.update(|p| p.push(problem));
}

fn file_done(state: &AppState, bytes_read: usize) {
    let mut ready = false;
    state.progress.update(|p| {
        if let Progress::Loading { done, total, bytes } = p {
            *done += 1;
            *bytes += bytes_read;
            if *done >= *total {
                *p = Progress::Ready;
                ready = true;
            }
        }
    });
    // Every file is in (or failed): the parcel layer holds all it will, unless read by area.
    let loading = move |d: &Option<Arc<Dataset>>| {
        d.as_ref()
            .is_some_and(|d| d.parcels_read == ParcelsRead::Loading)
    };
    if ready && state.data.with_untracked(loading) {
        set_parcels_read(state, ParcelsRead::All);
    }
}

/// Says how much of the parcel layer the dataset holds ([`ParcelsRead`]).
fn set_parcels_read(state: &AppState, read: ParcelsRead) {
    state.data.update(|d| {
        if let Some(ds) = d {
            Arc::make_mut(ds).parcels_read = read;
        }
    });
}

/// The plots within this distance of the city centre (the map's first view) are read first,
/// by the FlatGeobuf file's index, and answer while the rest is decoded.
pub const NEAR_CENTRE_M: f64 = 500.0;

/// Plots installed first from a FlatGeobuf parcel layer without an index (the first of the
/// file): they answer while the rest is decoded.
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
/// link's answer is on screen before the rest (the parcel layer: seconds of work for a large
/// one) is parsed.
async fn after_layers_painted(state: &AppState) {
    while state.layers_left.get_untracked() != 0 {
        sleep_ms(20).await;
    }
    // Resolves in a task after the frame is painted: nothing more to wait for.
    crate::settled::next_frame().await;
}

/// Installs a FlatGeobuf parcel layer: read in place when it has an index and lon/lat positions
/// (ready at once, each plot decoded when first asked for); else progressively: the plots
/// around the city centre (or the first of the file) answer at once, then the rest is prepared
/// a slice at a time with the page free in between, then all.
pub async fn apply_parcels_fgb(state: AppState, bytes: Vec<u8>) {
    let Some((spec, frame)) = state.data.with_untracked(|d| {
        d.as_ref()
            .and_then(|d| d.manifest.parcels.clone().map(|s| (s, d.frame)))
    }) else {
        return;
    };
    let len = bytes.len();
    let bytes = match baft_core::layer::parcels::ParcelLayer::try_in_place(&spec, bytes, &frame) {
        Ok(layer) => return install_in_place(&state, layer, len),
        Err(bytes) => bytes,
    };
    match baft_core::layer::parcels::ParcelsBuilder::new(&spec, &bytes, &frame) {
        Ok(b) => build_parcels(state, b, bytes.len()).await,
        Err(p) => {
            state.problems.update(|ps| ps.push(p));
            parcels_ended(&state);
            file_done(&state, bytes.len())
        }
    }
}

/// Installs a parcel layer read in place (`len`: its file's size, for the progress). Plots
/// read before by ranges were numbered in the order read: what keeps such a number (the answer
/// on screen, the choices offered) finds its plot again (`Dataset::parcel_again`).
pub fn install_in_place(
    state: &AppState,
    layer: baft_core::layer::parcels::ParcelLayer,
    len: usize,
) {
    let mut problems = Vec::new();
    state.data.update(|d| {
        if let Some(ds) = d {
            problems = Arc::make_mut(ds).install_parcels(layer);
        }
    });
    state.problems.update(|p| p.extend(problems));
    file_done(state, len)
}

/// Prepares the rest of a parcel layer's file (see [`apply_parcels_fgb`]), installing what is
/// ready after each slice; `len` is the file's size, for the progress.
async fn build_parcels(
    state: AppState,
    mut builder: baft_core::layer::parcels::ParcelsBuilder<'_>,
    len: usize,
) {
    let install = |p: baft_core::layer::parcels::ParcelLayer, read| {
        let mut problems = Vec::new();
        state.data.update(|d| {
            if let Some(ds) = d {
                problems = Arc::make_mut(ds).install_parcels_part(p, read);
            }
        });
        problems
    };
    let step = |b: &mut baft_core::layer::parcels::ParcelsBuilder, n| b.step(n);
    // The plots around the city centre (the map's first view) first, by the file's index; a
    // file without one gives its first plots instead.
    let [lon, lat] = state
        .data
        .with_untracked(|d| d.as_ref().map(|d| d.manifest.city.center))
        .unwrap_or_default();
    let first = match builder.near(lon, lat, NEAR_CENTRE_M) {
        Ok(0) => step(&mut builder, FIRST_PART),
        Ok(_) => Ok(1),
        Err(p) => Err(p),
    };
    match first {
        Ok(0) => {}
        Ok(_) => {
            install(builder.snapshot(), ParcelsRead::Loading);
            loop {
                next_turn().await;
                match step(&mut builder, SLICE) {
                    Ok(0) => break,
                    Ok(_) => {}
                    Err(p) => {
                        state.problems.update(|ps| ps.push(p));
                        parcels_ended(&state);
                        return file_done(&state, len);
                    }
                }
            }
        }
        Err(p) => {
            state.problems.update(|ps| ps.push(p));
            parcels_ended(&state);
            return file_done(&state, len);
        }
    }
    let problems = install(builder.finish(), ParcelsRead::All);
    state.problems.update(|p| p.extend(problems));
    file_done(&state, len);
}

/// Loads a FlatGeobuf parcel layer: by range requests when the server honours them (the
/// plots a tap or the map's view needs first, then the whole file up to
/// [`ranges::WHOLE_FILE_MAX`] after the first answer), else the whole file.
async fn load_parcels_fgb(state: AppState, base: &str, path: &str) {
    let url = format!("{base}{path}");
    match ranges::open(&state, &url).await {
        Ok(ranges::Opened::Whole(bytes)) => {
            after_layers_painted(&state).await;
            fetch::record_hash_of(&state, path.to_string(), &bytes);
            apply_parcels_fgb(state, bytes).await
        }
        Ok(ranges::Opened::Ranges { len }) if len <= ranges::WHOLE_FILE_MAX => {
            after_layers_painted(&state).await;
            ranges::read_rest(state, base, path).await
        }
        // A province's file: read where asked only.
        Ok(ranges::Opened::Ranges { .. }) => {
            set_parcels_read(&state, ParcelsRead::ByArea);
            file_done(&state, 0)
        }
        Err(e) => apply_unreadable(&state, path, &e),
    }
}

/// Where the data is, relative to the page.
pub const DATA: &str = "data/";

/// Loads everything from `base` (e.g. `data/`), updating progress as files arrive. The layer
/// files are fetched in parallel; each is added as soon as it arrives. A national catalogue
/// instead of a manifest: the city is picked or asked for first ([`cities`]).
pub async fn load(state: AppState, base: String) {
    let manifest = match fetch_file_text(&state, &base, "manifest.json").await {
        Ok(t) => t,
        Err(e) => return state.progress.set(Progress::Failed(e)),
    };
    if baft_core::read::catalogue::Catalogue::is_catalogue(&manifest) {
        return cities::open(state, base, &manifest).await;
    }
    load_manifest(state, base, manifest).await
}

/// A fetched data file: bytes (FlatGeobuf) or text (JSON).
enum Fetched {
    Bytes(Vec<u8>),
    Text(String),
}

/// Loads one city's data from its manifest's text (see [`load`]).
async fn load_manifest(state: AppState, base: String, manifest: String) {
    let plan = match apply_manifest(&state, &manifest) {
        Ok(p) => p,
        Err(e) => return state.progress.set(Progress::Failed(e)),
    };
    let more = state
        .data
        .with_untracked(|d| d.as_ref().map(|d| extras(&d.manifest)).unwrap_or_default());
    for file in plan.into_iter().chain(more) {
        let base = base.clone();
        if file.binary && matches!(file.role, Role::Parcels) {
            leptos::task::spawn_local(
                async move { load_parcels_fgb(state, &base, &file.path).await },
            );
            continue;
        }
        // Asked for now, before the page re-renders for the manifest; the current layers are
        // read as they arrive.
        let pending = Pending::start(&base, &file.path);
        leptos::task::spawn_local(async move {
            let layer = matches!(file.role, Role::Layer { .. });
            // Packages, offices, other versions and parcels are read (copied, hashed, parsed)
            // after the first answer is on screen: it needs only the current layers.
            if !layer {
                after_layers_painted(&state).await;
            }
            let read = match file.binary {
                true => pending.bytes(&state).await.map(Fetched::Bytes),
                false => pending.text(&state).await.map(Fetched::Text),
            };
            let read = match read {
                Ok(read) => read,
                Err(e) => {
                    if layer {
                        layer_done(&state);
                    }
                    return apply_unreadable(&state, &file.path, &e);
                }
            };
            match &read {
                Fetched::Bytes(bytes) => {
                    apply_body(&state, &file, FileBody::Bytes(bytes), bytes.len())
                }
                Fetched::Text(text) => apply_file(&state, &file, text),
            }
        });
    }
}
