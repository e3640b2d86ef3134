// Shows the page's bilingual "internal error, reload" notice if the app's WebAssembly ever traps
// (a Rust panic aborts the instance). Loaded before the app; no inline script (CSP).
(function () {
  function show() {
    var el = document.getElementById('fatal');
    if (el) el.hidden = false;
  }
  function isWasmTrap(err) {
    return !!err && (err instanceof WebAssembly.RuntimeError || /unreachable|RuntimeError/.test(String(err && (err.name || err.message || err))));
  }
  window.addEventListener('error', function (e) { if (isWasmTrap(e.error || e.message)) show(); });
  window.addEventListener('unhandledrejection', function (e) { if (isWasmTrap(e.reason)) show(); });
})();
