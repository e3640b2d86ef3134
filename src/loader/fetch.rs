//! Fetching the data files: each request's HTTP status checked, errors naming the URL, and
//! every data file's short SHA-256 recorded for the certificate.

use crate::state::AppState;
use baft_core::BaftError;
use leptos::prelude::{GetUntracked, Update};
use std::fmt::Write;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

/// Fetches a URL and checks the HTTP status; errors name the URL.
async fn fetch(url: &str) -> Result<web_sys::Response, BaftError> {
    responded(url, start_fetch(url)).await
}

/// Sends the request now (the browser's `fetch`); [`responded`] awaits it. A request that
/// fails before it is awaited (a file read after the first answer) is not an unhandled
/// rejection: [`responded`] reports it when it is awaited.
fn start_fetch(url: &str) -> Result<js_sys::Promise, BaftError> {
    let window = web_sys::window().ok_or_else(|| io_error(url, "no window".into()))?;
    let sent = window.fetch_with_str(url);
    IGNORE.with(|ignore| {
        let _ = sent.catch(ignore);
    });
    Ok(sent)
}

thread_local! {
    /// A handler that does nothing, for [`start_fetch`].
    static IGNORE: Closure<dyn FnMut(JsValue)> = Closure::new(|_: JsValue| {});
}

/// The response of a request [`start_fetch`] sent, once its HTTP status is checked.
async fn responded(
    url: &str,
    sent: Result<js_sys::Promise, BaftError>,
) -> Result<web_sys::Response, BaftError> {
    let resp = JsFuture::from(sent?)
        .await
        .map_err(|e| io_error(url, format!("{e:?}")))?;
    let resp: web_sys::Response = resp
        .dyn_into()
        .map_err(|_| io_error(url, "not a response".into()))?;
    fetch_ok(url, resp)
}

/// The response if its HTTP status is a success, else an error naming the URL and the status.
pub(super) fn fetch_ok(url: &str, resp: web_sys::Response) -> Result<web_sys::Response, BaftError> {
    if !resp.ok() {
        return Err(http_error(url, resp.status()));
    }
    Ok(resp)
}

/// "The server answered `status`" for `url`.
fn http_error(url: &str, status: u16) -> BaftError {
    BaftError::Io {
        path: url.to_string(),
        why: baft_core::error::Unreadable::Http { status },
    }
}

pub(super) fn io_error(url: &str, text: String) -> BaftError {
    BaftError::Io {
        path: url.to_string(),
        why: baft_core::error::Unreadable::Other { text },
    }
}

/// A data file's request, sent when made ([`Pending::start`]) and read later: the files of the
/// load plan are all asked for before the page re-renders for the manifest.
pub struct Pending {
    file: String,
    url: String,
    sent: Sent,
}

/// How a [`Pending`] file comes: a request sent when the `Pending` was made, or the page's
/// early read of it (`www/early.js`: the manifest and each layer's current file, their status
/// and whole body, read while the app's module downloaded and compiled).
enum Sent {
    Request(Result<js_sys::Promise, BaftError>),
    Early(js_sys::Promise),
}

/// The page's early read of `url`, taken (a second ask for the same file sends a request).
/// `www/early.js` only guesses which files the load plan will ask for: a read is taken when the
/// plan asks for its URL, and one it guessed wrongly is never used. Awaiting a read that is done
/// is a microtask: the app reads the manifest and asks for the rest of its plan in the task that
/// starts it, and the current layers' round trips have overlapped the module's download.
fn take_early(url: &str) -> Option<js_sys::Promise> {
    let window = web_sys::window()?;
    let early = js_sys::Reflect::get(&window, &JsValue::from_str("baftEarly")).ok()?;
    let reads: js_sys::Object = js_sys::Reflect::get(&early, &JsValue::from_str("reads"))
        .ok()?
        .dyn_into()
        .ok()?;
    let key = JsValue::from_str(url);
    let read = js_sys::Reflect::get(&reads, &key).ok()?.dyn_into().ok()?;
    let _ = js_sys::Reflect::delete_property(&reads, &key);
    Some(read)
}

/// The body of an early read (see [`Sent::Early`]), its HTTP status checked; errors name the
/// URL, as a request's do.
async fn early_body(url: &str, read: js_sys::Promise) -> Result<js_sys::Uint8Array, BaftError> {
    let got = JsFuture::from(read)
        .await
        .map_err(|e| io_error(url, format!("{e:?}")))?;
    let field = |name: &str| js_sys::Reflect::get(&got, &JsValue::from_str(name)).ok();
    if field("ok").and_then(|v| v.as_bool()) != Some(true) {
        let status = field("status").and_then(|v| v.as_f64()).unwrap_or(0.0) as u16;
        return Err(http_error(url, status));
    }
    field("body")
        .and_then(|b| b.dyn_into().ok())
        .ok_or_else(|| io_error(url, "no body".into()))
}

impl Pending {
    /// Sends the request for `file` (relative to `base`) now.
    pub fn start(base: &str, file: &str) -> Pending {
        let url = format!("{base}{file}");
        let sent = match take_early(&url) {
            Some(read) => Sent::Early(read),
            None => Sent::Request(start_fetch(&url)),
        };
        Pending {
            file: file.to_string(),
            url,
            sent,
        }
    }

    /// The file's bytes; its short SHA-256 is recorded for the certificate ([`record_hash`]).
    pub async fn bytes(self, state: &AppState) -> Result<Vec<u8>, BaftError> {
        let file = self.file.clone();
        let view = self.view().await?;
        record_hash(state, file, &view);
        Ok(view.to_vec())
    }

    /// The file's bytes, still in the browser's memory; no hash recorded.
    async fn view(self) -> Result<js_sys::Uint8Array, BaftError> {
        match self.sent {
            Sent::Request(sent) => body_view(&self.url, &responded(&self.url, sent).await?).await,
            Sent::Early(read) => early_body(&self.url, read).await,
        }
    }

    /// [`Pending::bytes`] as UTF-8 text (a byte-order mark is dropped; other bad bytes are
    /// replaced, and the parsers then name the feature they spoil).
    pub async fn text(self, state: &AppState) -> Result<String, BaftError> {
        let bytes = self.bytes(state).await?;
        let text = String::from_utf8(bytes)
            .unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned());
        Ok(match text.strip_prefix('\u{FEFF}') {
            Some(t) => t.to_string(),
            None => text,
        })
    }
}

/// Fetches a data file (relative to `base`) as bytes ([`Pending::bytes`]).
pub async fn fetch_file(state: &AppState, base: &str, file: &str) -> Result<Vec<u8>, BaftError> {
    Pending::start(base, file).bytes(state).await
}

/// Fetches a data file (relative to `base`) as bytes without recording their hash: for bytes
/// checked before the certificate vouches for them ([`record_hash_of`] once they pass).
pub async fn fetch_file_unrecorded(base: &str, file: &str) -> Result<Vec<u8>, BaftError> {
    Ok(Pending::start(base, file).view().await?.to_vec())
}

/// Fetches a data file (relative to `base`) as text ([`Pending::text`]).
pub async fn fetch_file_text(
    state: &AppState,
    base: &str,
    file: &str,
) -> Result<String, BaftError> {
    Pending::start(base, file).text(state).await
}

/// Fetches a URL as bytes (for FlatGeobuf files).
pub async fn fetch_bytes(url: &str) -> Result<Vec<u8>, BaftError> {
    body(url, &fetch(url).await?).await
}

/// A response's bytes.
pub(super) async fn body(url: &str, resp: &web_sys::Response) -> Result<Vec<u8>, BaftError> {
    Ok(body_view(url, resp).await?.to_vec())
}

/// A response's bytes, still in the browser's memory.
async fn body_view(url: &str, resp: &web_sys::Response) -> Result<js_sys::Uint8Array, BaftError> {
    let promise = resp
        .array_buffer()
        .map_err(|e| io_error(url, format!("{e:?}")))?;
    let buf = JsFuture::from(promise)
        .await
        .map_err(|e| io_error(url, format!("{e:?}")))?;
    Ok(js_sys::Uint8Array::new(&buf))
}

/// Records a data file's short SHA-256 for the certificate: the first 12 hex digits, as
/// `sha256sum` prints them first for the same file. The browser computes it (Web Crypto, off the
/// page's thread) while loading goes on; it is recorded when done, unless another city's data
/// has been started meanwhile (a national catalogue is read before its city: its own hash is
/// never listed). A page that is not a secure context has no `crypto.subtle` (Baft is served over
/// HTTPS: docs/deploy.md); nothing is recorded there and the certificate lists no hashes.
pub fn record_hash(state: &AppState, file: String, data: &js_sys::Uint8Array) {
    if let Some(subtle) = subtle() {
        recorded(
            state,
            file,
            subtle.digest_with_str_and_js_u8_array(SHA256, data),
        );
    }
}

/// [`record_hash`] for bytes already in wasm memory, without copying them first.
pub fn record_hash_of(state: &AppState, file: String, bytes: &[u8]) {
    let Some(subtle) = subtle() else { return };
    // SAFETY: `digest` copies the bytes before it returns (Web Crypto takes a copy of its
    // input), and nothing allocates between the view's making and that call, so wasm memory
    // cannot grow and move under the view.
    let view = unsafe { js_sys::Uint8Array::view(bytes) };
    recorded(
        state,
        file,
        subtle.digest_with_str_and_js_u8_array(SHA256, &view),
    );
}

const SHA256: &str = "SHA-256";

/// The page's Web Crypto (`None` outside a secure context).
fn subtle() -> Option<web_sys::SubtleCrypto> {
    let subtle = web_sys::window()?.crypto().ok()?.subtle();
    (!subtle.is_undefined()).then_some(subtle)
}

/// Puts a digest's first 12 hex digits in the certificate's list when it is done.
fn recorded(state: &AppState, file: String, digest: Result<js_sys::Promise, JsValue>) {
    let Ok(digest) = digest else { return };
    let (hashes, city) = (state.hashes, state.city);
    let started_for = city.get_untracked();
    leptos::task::spawn_local(async move {
        let Ok(sum) = JsFuture::from(digest).await else {
            return;
        };
        if city.get_untracked() != started_for {
            return;
        }
        let sum = js_sys::Uint8Array::new(&sum).to_vec();
        let short = sum.iter().take(6).fold(String::new(), |mut s, b| {
            let _ = write!(s, "{b:02x}");
            s
        });
        hashes.update(|h| h.push((file, short)));
    });
}
