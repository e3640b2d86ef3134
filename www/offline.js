// Offline use: registers the service worker (sw.js) once the app's first answer is on screen,
// asks it to check for newer data, and shows the "newer data" notice (#data-update) it reports. Classic script, loaded
// before the app; no inline script or style, no innerHTML (CSP). See docs/offline.md.
//
// Marks on <html> for tests and styling:
//   data-online="true|false"   navigator.onLine, kept current (shows the app's offline note);
//   data-offline-ready="true"  a complete offline copy of the data is in use;
//   data-offline-check="…"     the last data check's result: first, same, update, failed, offline,
//                              catalogue (a national deployment: no offline copy yet).
(function () {
  'use strict';
  // data-online="false" while the browser is offline: the app's quiet "offline" note shows then.
  function markOnline() { document.documentElement.setAttribute('data-online', String(navigator.onLine)); }
  markOnline();
  window.addEventListener('online', markOnline);
  window.addEventListener('offline', markOnline);
  if (!('serviceWorker' in navigator) || !window.isSecureContext) return;
  var sw = navigator.serviceWorker;
  var root = document.documentElement;
  var reloading = false;

  function warn(what, e) {
    try { console.warn('Baft offline: ' + what, e); } catch (_) { /* no console */ }
  }

  function post(message) {
    return sw.ready.then(function (reg) {
      var worker = sw.controller || reg.active;
      if (worker) worker.postMessage(message);
    }).catch(function (e) { warn('message not sent', e); });
  }

  function showUpdate(version) {
    var box = document.getElementById('data-update');
    if (!box) return;
    var spans = box.querySelectorAll('.data-update-version');
    for (var i = 0; i < spans.length; i++) spans[i].textContent = version ? ' (' + version + ')' : '';
    var button = document.getElementById('data-update-switch');
    if (button) button.disabled = false;
    box.hidden = false;
  }

  sw.addEventListener('message', function (event) {
    var data = event.data;
    if (!data || typeof data.type !== 'string') return;
    switch (data.type) {
      case 'baft-data-ready':
        root.dataset.offlineReady = 'true';
        break;
      case 'baft-data-update':
        showUpdate(typeof data.dataVersion === 'string' ? data.dataVersion : '');
        break;
      case 'baft-data-switched':
        // The app keeps its state in the URL fragment, so a reload restores the answer.
        if (!reloading) {
          reloading = true;
          location.reload();
        }
        break;
      case 'baft-data-checked':
        if (typeof data.result === 'string') root.dataset.offlineCheck = data.result;
        break;
    }
  });

  document.addEventListener('click', function (event) {
    var target = event.target;
    var button = target && target.closest ? target.closest('#data-update-switch') : null;
    if (!button) return;
    button.disabled = true;
    post({ type: 'baft-use-new-data' });
  });

  function start() {
    if (sw.startMessages) sw.startMessages();
    // 'none': the worker's imported parts (sw-ranges.js, sw-snapshots.js) are checked with the
    // server too, whatever cache headers the host gives them.
    sw.register('sw.js', { scope: './', updateViaCache: 'none' }).then(function () {
      return post({ type: 'baft-check-data' });
    }).catch(function (e) { warn('service worker not registered', e); });
    // An installed app asks the browser to keep its offline copy under storage pressure.
    try {
      if (navigator.storage && navigator.storage.persist && window.matchMedia
        && window.matchMedia('(display-mode: standalone)').matches) {
        navigator.storage.persist().catch(function () { /* not granted */ });
      }
    } catch (e) { /* not supported */ }
  }

  // Once the app has put its first answer on screen (the `baft-settled` event, src/settled.rs):
  // on a first visit the worker's install downloads the app shell, and once it controls the page
  // every data request goes through it, so the first answer must not wait for either. A page
  // whose app never starts gets its worker SETTLE_WAIT_MS after it has loaded.
  var SETTLE_WAIT_MS = 10000;
  var started = false;
  function startOnce() {
    if (started) return;
    started = true;
    start();
  }
  if (root.hasAttribute('data-app-settled')) startOnce();
  else {
    window.addEventListener('baft-settled', startOnce, { once: true });
    var later = function () { setTimeout(startOnce, SETTLE_WAIT_MS); };
    if (document.readyState === 'complete') later();
    else window.addEventListener('load', later, { once: true });
  }
})();
