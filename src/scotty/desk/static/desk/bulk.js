// Scotty desk: the action bar of a queue page. Without it the form still works (every
// field shows, tick boxes one by one); with it, "select all on this page", a count of
// what is ticked, only the fields the chosen action needs, and the queue's current URL
// (after htmx paging) as the page to come back to.
(function () {
  "use strict";

  function form() { return document.querySelector("form[data-bulk]"); }
  function boxes(bulk) { return Array.prototype.slice.call(bulk.querySelectorAll("input[name=ticket]")); }

  function sync() {
    var bulk = form();
    if (!bulk) { return; }
    var all = boxes(bulk);
    var ticked = all.filter(function (box) { return box.checked; }).length;
    var selectAll = bulk.querySelector("[data-select-all]");
    if (selectAll) {
      selectAll.hidden = false;
      selectAll.checked = all.length > 0 && ticked === all.length;
      selectAll.indeterminate = ticked > 0 && ticked < all.length;
    }
    var count = bulk.querySelector("[data-selected]");
    // The words come from the page (data-none-ticked, data-some-ticked), in the reader's language.
    if (count) {
      count.textContent = ticked === 0 ? bulk.getAttribute("data-none-ticked")
        : bulk.getAttribute("data-some-ticked").replace("{n}", ticked);
    }
    var apply = bulk.querySelector("button[type=submit]");
    if (apply) { apply.disabled = ticked === 0; }
    var action = bulk.querySelector("select[name=action]");
    var chosen = action ? action.value : "";
    bulk.querySelectorAll("[data-for]").forEach(function (field) {
      field.hidden = field.getAttribute("data-for").split(" ").indexOf(chosen) === -1;
    });
  }

  document.addEventListener("change", function (event) {
    var bulk = form();
    var target = event.target;
    if (!bulk || !target || !bulk.contains(target)) { return; }
    if (target.hasAttribute("data-select-all")) {
      boxes(bulk).forEach(function (box) { box.checked = target.checked; });
    }
    sync();
  });

  document.addEventListener("submit", function (event) {
    var bulk = form();
    if (event.target !== bulk) { return; }
    // Paging and filters moved the address bar (hx-push-url): come back to that page.
    bulk.querySelector("input[name=next]").value = window.location.pathname + window.location.search;
  });

  document.addEventListener("htmx:afterSettle", sync);
  document.addEventListener("DOMContentLoaded", sync);
})();
