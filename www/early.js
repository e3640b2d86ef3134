// Reads the data's manifest while the app's module downloads and compiles, and, once it is in,
// each layer's current boundary file: the app then has them in hand the moment it starts
// (src/loader/fetch.rs, `Pending::start`) and answers a link in the task that starts it, before
// the browser lays out and paints its first page, not after (that first layout is about 130 ms
// of a phone-speed main thread; over a phone's network the layers' round trip also overlaps the
// module's download). The manifest's request is the page's preload (index.html), taken over.
//
// Which files are current is decided by the core's load plan (baft_core::read::plan), not here:
// this is a hint. The app takes an early read only for a URL its plan asks for, and asks for
// anything else itself; a guess that is wrong costs one small request, never a wrong answer.
// The guess follows the manifest's rule: the version named by `current`, else the latest
// `approved.iso`. A national catalogue (no `layers`) gets no hints. Classic script, no inline
// code (CSP). A failed request is reported by the app as its own would be.
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
  /** The file of a layer's current version, by the manifest's rule (see above), or null. */
  function currentFile(layer) {
    var iso = function (v) { return v.approved && typeof v.approved.iso === 'string' ? v.approved.iso : ''; };
    var best = null;
    (layer.versions || []).forEach(function (v) {
      if (layer.current != null) {
        if (v.id === layer.current) best = v;
      } else if (!best || iso(v) >= iso(best)) {
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
