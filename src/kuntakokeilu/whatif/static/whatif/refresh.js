// The what-if page reloads itself while the what-if is queued or running (CSP: no inline script).
(function () {
  "use strict";
  var el = document.querySelector("[data-refresh-seconds]");
  if (!el) { return; }
  var seconds = parseInt(el.getAttribute("data-refresh-seconds"), 10) || 3;
  window.setTimeout(function () { window.location.reload(); }, seconds * 1000);
})();
