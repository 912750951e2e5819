// Keyboard navigation of a worklist (workitems/groups.py; the service process's deadlines, the 7-day
// transfer list): j / k move to the next / previous row's link, Enter opens it (the link's own behaviour).
// A worklist is a table marked `data-worklist`; each row's link to open has the class `row-link`.
(function () {
  "use strict";
  var links = Array.prototype.slice.call(document.querySelectorAll("table[data-worklist] tbody a.row-link"));
  if (!links.length) { return; }
  document.addEventListener("keydown", function (event) {
    var tag = (event.target.tagName || "").toLowerCase();
    if (tag === "input" || tag === "textarea" || tag === "select" || event.ctrlKey || event.metaKey || event.altKey) { return; }
    var index = links.indexOf(document.activeElement);
    if (event.key === "j") { links[Math.min(index + 1, links.length - 1)].focus(); event.preventDefault(); }
    if (event.key === "k") { links[Math.max(index - 1, 0)].focus(); event.preventDefault(); }
  });
})();
