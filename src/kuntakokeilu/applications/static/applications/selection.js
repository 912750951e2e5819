/* Selection view (R-APP-5): ticking an application records the tick and shows, without a page reload, what
   the ticked set would mean — each ELY area's cumulative share, the size classes and bilingual municipalities.
   The figures come from the server (the same service as the page), never computed here. */
(function () {
  "use strict";
  var form = document.getElementById("selection-form");
  if (!form) { return; }
  var url = form.getAttribute("data-tick-url");
  var token = form.querySelector("input[name=csrfmiddlewaretoken]").value;

  function show(data) {
    data.elys.forEach(function (ely) {
      var row = document.querySelector("tr[data-ely='" + ely.code + "']");
      if (!row) { return; }
      row.querySelector(".customers").textContent = ely.customers_text;
      row.querySelector(".share").textContent = ely.share_text;
      row.classList.toggle("over", ely.over);
    });
    data.size_classes.forEach(function (count, index) {
      var cell = document.querySelector("tr[data-size-class='" + index + "'] .count");
      if (cell) { cell.textContent = String(count); }
    });
    document.getElementById("bilingual-count").textContent = String(data.bilingual);
  }

  form.addEventListener("change", function (event) {
    var box = event.target;
    if (!box.classList.contains("tick")) { return; }
    var body = new FormData();
    body.append("application", box.value);
    body.append("ticked", box.checked ? "1" : "0");
    box.disabled = true;
    fetch(url, { method: "POST", body: body, headers: { "X-CSRFToken": token }, credentials: "same-origin" })
      .then(function (response) {
        return response.json().then(function (data) { return { ok: response.ok, data: data }; });
      })
      .then(function (result) {
        box.disabled = false;
        if (!result.ok) { box.checked = !box.checked; window.alert(result.data.error); return; }
        show(result.data);
      })
      .catch(function () { box.disabled = false; box.checked = !box.checked; });
  });
})();
