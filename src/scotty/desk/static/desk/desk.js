// Scotty desk: the little behaviour htmx does not give by attributes alone.
// The CSP forbids inline scripts, so it lives here. Every form works without it.
(function () {
  "use strict";

  // A refused write (400 bad input, 403 not allowed, 409 conflict) answers with the ticket
  // fragment carrying the explanation: show it instead of dropping it, as htmx would.
  document.addEventListener("htmx:beforeSwap", function (event) {
    var status = event.detail.xhr.status;
    if (status === 400 || status === 403 || status === 409) {
      event.detail.shouldSwap = true;
      event.detail.isError = false;
    }
  });

  // Move focus to the explanation after a refusal, so keyboard and screen-reader users hear it.
  document.addEventListener("htmx:afterSettle", function () {
    var alert = document.querySelector("[data-focus]");
    if (alert) { alert.focus(); }
  });

  // "/" jumps to the go-to-ticket box from anywhere but a text field.
  document.addEventListener("keydown", function (event) {
    var target = event.target;
    var typing = target && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName));
    if (event.key === "/" && !typing && !event.ctrlKey && !event.metaKey && !event.altKey) {
      var box = document.getElementById("goto-reference");
      if (box) { event.preventDefault(); box.focus(); }
    }
  });

  // Focus the first alert on a full page load too (a refused plain POST).
  document.addEventListener("DOMContentLoaded", function () {
    var alert = document.querySelector("[data-focus]");
    if (alert) { alert.focus(); }
  });
})();
