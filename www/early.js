// Reads the data's manifest while the app's module downloads and compiles, and, once it is in,
// each layer's current boundary file. The app takes the manifest in the task that starts it
// (src/loader/fetch.rs, `Pending::start`) and asks for the rest of its plan there, before the
// browser lays out its first page; the current layers' round trips have overlapped the module's
// download and start. The manifest's request is the page's preload (index.html), taken over.
//
// Which files are current is decided by the core's load plan (baft_core::read::plan), not here:
// this is a hint. The app takes an early read only for a URL its plan asks for, and asks for
// anything else itself: a wrong guess costs at most one request, never a wrong answer. The
// guess follows the manifest's rule: the version named by `current`, else the latest approved
// (`approved.iso` read as the core reads it: Persian or Arabic digits, no zero padding needed).
// A national catalogue (no `layers`) gets no hints. Classic script, no inline code (CSP). A
// failed request is reported by the app as its own would be.
(function () {
  'use strict';
  var base = 'data/';
  var reads = {};
  var asked = [];
  function read(url) {
    asked.push(url);
    var got = fetch(url).then(function (r) {
      return r.arrayBuffer().then(function (b) {
        return { ok: r.ok, status: r.status, body: new Uint8Array(b) };
      });
    });
    // Not an unhandled rejection: the app awaits it (or never starts, and the page says so).
    got.catch(function () {});
    reads[url] = got;
    return got;
  }
  /** A version's approval date as a comparable number (`yyyymmdd`), -1 if it does not read as
   * `year-month-day` (the core's `GregorianDate::parse_iso` then refuses the manifest). */
  function dayOf(v) {
    var iso = v.approved && typeof v.approved.iso === 'string' ? v.approved.iso : '';
    var ascii = iso.trim().replace(/[\u06F0-\u06F9\u0660-\u0669]/g, function (c) {
      return String((c.charCodeAt(0) & 0xf) % 10);
    });
    var m = /^(\d+)-(\d+)-(\d+)$/.exec(ascii);
    return m ? Number(m[1]) * 10000 + Number(m[2]) * 100 + Number(m[3]) : -1;
  }
  /** The file of a layer's current version, by the manifest's rule (see above), or null. */
  function currentFile(layer) {
    var best = null;
    (layer.versions || []).forEach(function (v) {
      if (layer.current != null) {
        if (v.id === layer.current) best = v;
      } else if (!best || dayOf(v) >= dayOf(best)) {
        best = v;
      }
    });
    return best && typeof best.file === 'string' ? best.file : null;
  }
  read(base + 'manifest.json').then(function (got) {
    if (!got.ok) return;
    var manifest = JSON.parse(new TextDecoder().decode(got.body));
    (manifest.layers || []).forEach(function (layer) {
      var file = currentFile(layer);
      if (file) read(base + file);
    });
  }).catch(function () {});
  // `reads`: what the app has not taken yet; `asked`: every URL read here (for the tests).
  window.baftEarly = { reads: reads, asked: asked };
})();
