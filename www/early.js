// Reads the data's manifest while the app's module downloads and compiles, so that the app has
// it in hand the moment it starts (src/loader/fetch.rs, `Pending::start`): the app then asks for
// the current layers before the browser lays out and paints its first page, not after. Without
// this the manifest's body could only be read in a later task, behind that first layout (about
// 130 ms of a phone-speed main thread). The request is the page's preload (index.html), taken
// over. Classic script, no inline code (CSP). A failed request is reported by the app as its own
// would be.
(function () {
  'use strict';
  var url = 'data/manifest.json';
  var read = fetch(url).then(function (r) {
    return r.arrayBuffer().then(function (b) {
      return { ok: r.ok, status: r.status, body: new Uint8Array(b) };
    });
  });
  // Not an unhandled rejection: the app awaits it (or never starts, and the page says so).
  read.catch(function () {});
  window.baftEarly = { url: url, read: read };
})();
