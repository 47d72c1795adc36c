// Scotty desk: who else is on this ticket (desk/_presence.html, desk/views/presence.py).
// htmx checks in every 5 s; this file says what the composer is doing with each check-in,
// checks in at once when the agent starts typing, and moves the server's warning next to
// the composer. The CSP forbids inline scripts, so it lives here.
(function () {
  "use strict";

  var TYPING_MS = 5000; // a keystroke this recent means "typing"
  var PING_MS = 3000; // while typing, at most one extra check-in this often
  var lastKey = 0;
  var lastPing = 0;
  var sent = false; // a public reply went out: say so with the next check-in
  var sending = null; // the composer's request in flight: its XHR and the kind it sends

  function inPresence(element) {
    return !!(element && element.closest && element.closest("[data-presence]"));
  }

  function composer() { return document.querySelector("[data-composer]"); }

  function composerKind() {
    var box = composer();
    var checked = box && box.querySelector("input[name=kind]:checked");
    return checked ? checked.value : "reply";
  }

  function hasDraft() {
    var box = composer();
    var body = box && box.querySelector("textarea[name=body]");
    return !!(body && body.value.trim());
  }

  function checkIn() {
    var bar = document.querySelector("[data-presence]");
    if (bar && window.htmx) { window.htmx.trigger(bar, "presence-ping"); }
  }

  // Every check-in carries what this agent is doing.
  document.addEventListener("htmx:configRequest", function (event) {
    if (!inPresence(event.detail.elt)) { return; }
    var now = Date.now();
    var params = event.detail.parameters;
    params.typing = now - lastKey < TYPING_MS ? "1" : "";
    params.draft = hasDraft() ? "1" : "";
    params.kind = composerKind();
    if (sent) { params.sent = "1"; sent = false; }
    lastPing = now;
  });

  // The first keystroke after a pause checks in at once (the others see it within a
  // round trip, and this agent learns whether someone else is writing); then at most
  // every PING_MS while the typing goes on.
  document.addEventListener("input", function (event) {
    var target = event.target;
    if (!target || target.name !== "body" || !target.closest("[data-composer]")) { return; }
    var now = Date.now();
    var resumed = now - lastKey >= TYPING_MS;
    lastKey = now;
    if (resumed || now - lastPing >= PING_MS) { checkIn(); }
  });

  // A public reply that went out is news for the others ("Bea just sent a reply"). The
  // request is known by its XHR: the answer replaces the form, so htmx reports the end
  // of the request on an element further up.
  document.addEventListener("htmx:beforeRequest", function (event) {
    var elt = event.detail.elt;
    if (elt && elt.id === "composer-form") {
      // Only words are a reply: an update of the status alone tells the others nothing.
      sending = { xhr: event.detail.xhr, kind: hasDraft() ? composerKind() : "" };
    }
  });
  document.addEventListener("htmx:afterRequest", function (event) {
    if (!sending || event.detail.xhr !== sending.xhr) { return; }
    var kind = sending.kind;
    sending = null;
    // By status: desk.js swaps refusals and holds (400, 403, 409) as if they succeeded.
    var status = event.detail.xhr.status;
    if (status < 200 || status >= 300) { return; }  // refused or held: nothing went out
    lastKey = 0;
    if (kind === "reply") { sent = true; }
    checkIn();
  });

  // An answer like the last one changes nothing on the page: leave the page alone.
  document.addEventListener("htmx:beforeSwap", function (event) {
    var elt = event.detail.elt;
    if (!inPresence(elt) || event.detail.isError) { return; }
    var response = event.detail.serverResponse;
    if (elt.presenceLast === response) { event.detail.shouldSwap = false; }
    elt.presenceLast = response;
  });

  // After a new answer: the warning goes next to the composer (its text only changes
  // when it says something new, so screen readers announce it once). The event stops
  // here: a check-in every few seconds is not a change of the page, and must not run
  // what the page does after its own swaps (focus, the composer's state).
  document.addEventListener("htmx:afterSettle", function (event) {
    if (!inPresence(event.target)) { return; }
    event.stopPropagation();
    var target = document.getElementById("presence-warning");
    if (!target) { return; }
    var source = event.target.closest("[data-presence]").querySelector("[data-presence-warning]");
    var html = source ? source.innerHTML.trim() : "";
    if (target.presenceShown !== html) {
      target.presenceShown = html;
      target.replaceChildren.apply(target, source ? Array.from(source.cloneNode(true).childNodes) : []);
    }
  }, true);
})();
