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

  // The composer shows which kind it will send: a note looks like a note (colour,
  // banner, button), so a second note never goes to the requester by surprise.
  function syncComposer() {
    var composer = document.querySelector("[data-composer]");
    if (!composer) { return; }
    var checked = composer.querySelector("input[name=kind]:checked");
    var kind = checked ? checked.value : "reply";
    composer.classList.toggle("is-note", kind === "note");
    composer.querySelectorAll("[data-when]").forEach(function (part) {
      part.hidden = part.getAttribute("data-when") !== kind;
    });
  }
  document.addEventListener("change", function (event) {
    if (event.target && event.target.name === "kind") { syncComposer(); }
  });

  // After the timeline refreshed itself, the page shows the newest messages: the forms
  // say so, and an action is held only for messages the agent has not seen.
  function syncSeen() {
    var timeline = document.getElementById("timeline");
    if (!timeline) { return; }
    var seen = timeline.getAttribute("data-seen");
    document.querySelectorAll("input[name=seen]").forEach(function (input) {
      if (!input.closest(".hold")) { input.value = seen; }
    });
  }
  document.addEventListener("htmx:afterSettle", function () { syncComposer(); syncSeen(); });

  // Focus the first alert on a full page load too (a refused plain POST).
  document.addEventListener("DOMContentLoaded", function () {
    syncComposer();
    var alert = document.querySelector("[data-focus]");
    if (alert) { alert.focus(); }
  });
})();
