//! The parcel layer read by HTTP range requests, when the server honours `Range`: the header
//! and the top of the index first (one request), then only the plots a tap or the map's view
//! needs (`baft_core::read::fgb::FgbRanges` says which bytes; this module fetches them). A
//! server that ignores `Range` answers the first request with the whole file, which is then
//! read as before. Files up to [`WHOLE_FILE_MAX`] are then read whole in the background, so
//! that plates, codes and plot ids are found; larger ones (a province) stay read by area.

use super::fetch::{body, fetch_ok, io_error};
use super::next_turn;
use crate::state::AppState;
use baft_core::layer::parcels::ParcelsBuilder;
use baft_core::read::fgb::{ByteRange, FgbRanges, Step};
use baft_core::BaftError;
use leptos::prelude::*;
use std::cell::RefCell;
use std::sync::Arc;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

/// Parcel files up to this size are read whole after the first answer (so that a plate, a
/// renovation code or a plot id is found anywhere); larger ones only where asked (the core's).
pub const WHOLE_FILE_MAX: u64 = FgbRanges::WHOLE_FILE_MAX;

/// The parcel layer being read by ranges.
struct Remote {
    url: String,
    reader: FgbRanges,
    builder: ParcelsBuilder<'static>,
}

thread_local! {
    static REMOTE: RefCell<Option<Remote>> = const { RefCell::new(None) };
}

/// How the parcel file's first request was answered.
pub enum Opened {
    /// By ranges: the file's length. Later reads go through [`read_box`].
    Ranges { len: u64 },
    /// The server sent the whole file (it ignores `Range`, or the file has no index).
    Whole(Vec<u8>),
}

/// Fetches `range` of `url`: the bytes, whether the server sent just them (206), and the
/// file's length from `Content-Range`.
async fn fetch_range(
    url: &str,
    range: ByteRange,
) -> Result<(Vec<u8>, bool, Option<u64>), BaftError> {
    let init = web_sys::RequestInit::new();
    let headers = web_sys::Headers::new().map_err(|e| io_error(url, format!("{e:?}")))?;
    let _ = headers.set("Range", &format!("bytes={}-{}", range.start, range.end - 1));
    init.set_headers(&headers);
    let window = web_sys::window().ok_or_else(|| io_error(url, "no window".into()))?;
    let resp = JsFuture::from(window.fetch_with_str_and_init(url, &init))
        .await
        .map_err(|e| io_error(url, format!("{e:?}")))?;
    let resp: web_sys::Response = resp
        .dyn_into()
        .map_err(|_| io_error(url, "not a response".into()))?;
    let resp = fetch_ok(url, resp)?;
    // `bytes a-b/len`; `*` (unknown) or no header: not usable for ranges. A part that does not
    // start where asked is an error (its bytes would be read as others).
    let content_range = resp.headers().get("Content-Range").ok().flatten();
    let len = content_range
        .as_deref()
        .and_then(|c| c.rsplit('/').next()?.trim().parse::<u64>().ok());
    let starts_there = content_range.as_deref().is_some_and(|c| {
        let first = c
            .trim()
            .strip_prefix("bytes ")
            .and_then(|r| r.split('-').next());
        first.and_then(|a| a.trim().parse::<u64>().ok()) == Some(range.start)
    });
    let partial = resp.status() == 206;
    if partial && !starts_there {
        let sent = content_range.unwrap_or_default();
        let asked = format!("bytes {}-{}", range.start, range.end.saturating_sub(1));
        return Err(io_error(url, asked + " asked, " + &sent + " sent"));
    }
    Ok((body(url, &resp).await?, partial, len))
}

/// Asks for the parcel file's first bytes. With a partial answer the layer is read by ranges
/// from now on (an empty layer is installed, and taps and views read their plots); with the
/// whole file, the caller reads it as before.
pub async fn open(state: &AppState, url: &str) -> Result<Opened, BaftError> {
    let (first, partial, len) = fetch_range(url, 0..FgbRanges::FIRST).await?;
    let len = match (partial, len) {
        (true, Some(len)) => len,
        // The whole file came (the server ignores `Range`).
        (false, _) => return Ok(Opened::Whole(first)),
        // A part without the file's length (`bytes a-b/*`, or the header not exposed across
        // origins): ranges can't be planned, so the whole file.
        (true, None) => return Ok(Opened::Whole(super::fetch_bytes(url).await?)),
    };
    let problem = |p: baft_core::Problem| BaftError::Io {
        path: url.into(),
        why: baft_core::error::Unreadable::Other {
            text: p.message(baft_core::Lang::En),
        },
    };
    let mut head = first;
    let need = FgbRanges::header_len(url, &head).map_err(problem)?;
    if need > len {
        // A header longer than the file: damage, said by reading what came.
        return Ok(Opened::Whole(head));
    }
    if need > head.len() as u64 {
        head = fetch_range(url, 0..need).await?.0;
    }
    let Some(reader) = FgbRanges::open(url, &head, len).map_err(problem)? else {
        // No index: nothing to read by area.
        return Ok(Opened::Whole(super::fetch_bytes(url).await?));
    };
    let Some(spec) = state
        .data
        .with_untracked(|d| Some((d.as_ref()?.manifest.parcels.clone()?, d.as_ref()?.frame)))
    else {
        return Ok(Opened::Ranges { len });
    };
    let reader = reader.naming_by(Some(spec.0.id_key()));
    let builder = ParcelsBuilder::by_ranges(&spec.0, &reader, &spec.1);
    if !builder.is_lon_lat() {
        // Taps and views ask in lon/lat: a file in UTM is read whole.
        return Ok(Opened::Whole(super::fetch_bytes(url).await?));
    }
    REMOTE.with(|r| {
        *r.borrow_mut() = Some(Remote {
            url: url.into(),
            reader,
            builder,
        })
    });
    install(state);
    Ok(Opened::Ranges { len })
}

/// The middle of a view `[west, south, east, north]` (lon/lat), at most `half_m` metres each
/// way from its centre.
pub fn clip_view(view: [f64; 4], half_m: f64) -> [f64; 4] {
    let (lon, lat) = ((view[0] + view[2]) / 2.0, (view[1] + view[3]) / 2.0);
    let dlat = (half_m / 111_320.0).min((view[3] - view[1]) / 2.0);
    let dlon =
        (half_m / (111_320.0 * lat.to_radians().cos().max(0.01))).min((view[2] - view[0]) / 2.0);
    [lon - dlon, lat - dlat, lon + dlon, lat + dlat]
}

/// Whether the parcel layer is read by ranges now (taps and views read their plots first).
pub fn active() -> bool {
    REMOTE.with(|r| r.borrow().is_some())
}

/// Installs the plots read so far as the dataset's parcel layer. A snapshot's problems are not
/// recorded: the features' own are, as they are read (an area with no plot yet is not an empty
/// layer).
fn install(state: &AppState) {
    let Some(layer) = REMOTE.with(|r| Some(r.borrow().as_ref()?.builder.snapshot())) else {
        return;
    };
    state.data.update(|d| {
        if let Some(ds) = d {
            // Part of the file, as much as the dataset said before (loading, or by area).
            let read = ds.parcels_read;
            let _ = Arc::make_mut(ds).install_parcels_part(layer, read);
        }
    });
}

/// Reads the plots whose boxes meet `bbox` (lon/lat) by ranges and installs them; a failed
/// request or a damaged feature is recorded as a problem with the file (the plots read stay).
/// Nothing to do when the layer is not read by ranges.
pub async fn read_box(state: &AppState, bbox: [f64; 4]) {
    let url = REMOTE.with(|r| Some(r.borrow().as_ref()?.url.clone()));
    if let (Err(e), Some(url)) = (read_box_or_fail(state, bbox).await, url) {
        super::note_unreadable(state, &url, &e);
    }
}

async fn read_box_or_fail(state: &AppState, bbox: [f64; 4]) -> Result<bool, BaftError> {
    let with = |f: &mut dyn FnMut(&mut Remote)| REMOTE.with(|r| r.borrow_mut().as_mut().map(f));
    let mut added = 0;
    // Each round reaches one index level further down (at most ~7 for any file).
    for _ in 0..12 {
        let mut step = None;
        let mut url = String::new();
        with(&mut |r| {
            step = Some(r.reader.search(bbox));
            url = r.url.clone();
        });
        match step {
            None => return Ok(false),
            Some(Step::Fetch(ranges)) => {
                for range in ranges {
                    let (bytes, partial, _) = fetch_range(&url, range.clone()).await?;
                    let start = if partial { range.start } else { 0 };
                    with(&mut |r| r.reader.add_index(start, &bytes));
                }
            }
            Some(Step::Features(spans)) => {
                for range in FgbRanges::feature_ranges(&spans) {
                    let (bytes, partial, _) = fetch_range(&url, range.clone()).await?;
                    let start = if partial { range.start } else { 0 };
                    let mut failed = None;
                    let mut problems = Vec::new();
                    with(&mut |r| match r.reader.read(start, &bytes, &spans) {
                        Ok(raw) => {
                            problems.extend(raw.problems.iter().cloned());
                            added += r.builder.add(raw);
                        }
                        Err(p) => failed = Some(p),
                    });
                    state.problems.update(|ps| ps.extend(problems));
                    if let Some(p) = failed {
                        state.problems.update(|ps| ps.push(p));
                        break;
                    }
                }
                let mut unread = None;
                with(&mut |r| unread = r.reader.check_read(&spans).err());
                if let Some(p) = unread {
                    state.problems.update(|ps| ps.push(p));
                }
                if added > 0 {
                    install(state);
                }
                return Ok(added > 0);
            }
        }
    }
    Ok(added > 0)
}

/// Reads the rest of the file whole (a plate, a code or a plot id may be anywhere), in place
/// when it can be ([`super::install_in_place`]: the plots read by ranges get their numbers in
/// the file), else decoded: the plots read by ranges keep their places, and the others follow,
/// a slice at a time. Range reading ends once the whole file is in.
pub async fn read_rest(state: AppState, base: &str, path: &str) {
    let bytes = match super::fetch::fetch_file_unrecorded(base, path).await {
        Ok(b) => b,
        Err(e) => return super::apply_unreadable(&state, path, &e),
    };
    next_turn().await;
    // Bytes that are not the file read by ranges (a server that sent another page, a body cut
    // short): the plots read by ranges stay, reading by area goes on (the plots are then said
    // read by area), and the certificate lists no hash for them.
    let unreadable = REMOTE.with(|r| {
        let r = r.borrow();
        let r = r.as_ref()?;
        r.builder.can_resume(&bytes, &r.reader).err()
    });
    if let Some(p) = unreadable {
        state.problems.update(|ps| ps.push(p));
        super::parcels_ended(&state);
        return super::file_done(&state, bytes.len());
    }
    super::fetch::record_hash_of(&state, path.to_string(), &bytes);
    // Range reading ends here: a tap whose ranges arrive later is answered from the layer
    // installed then (read in place, the whole file: installed below without waiting; decoded,
    // the plots prepared so far).
    let Some(remote) = REMOTE.with(|r| r.borrow_mut().take()) else {
        return super::apply_parcels_fgb(state, bytes).await;
    };
    let len = bytes.len();
    // Read in place when the file allows it (nothing decoded but what answers need), else
    // decoded whole after the plots already read.
    let Some((spec, frame)) = state.data.with_untracked(|d| {
        d.as_ref()
            .and_then(|d| d.manifest.parcels.clone().map(|s| (s, d.frame)))
    }) else {
        return super::file_done(&state, len);
    };
    let bytes = match baft_core::layer::parcels::ParcelLayer::try_in_place(&spec, bytes, &frame) {
        Ok(layer) => return super::install_in_place(&state, layer, len),
        Err(bytes) => bytes,
    };
    match remote.builder.resume(&bytes, &remote.reader) {
        Ok(builder) => super::build_parcels(state, builder, bytes.len()).await,
        Err(p) => {
            state.problems.update(|ps| ps.push(p));
            super::file_done(&state, bytes.len());
        }
    }
}
