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
  // Only when the swap brought it: the timeline's refresh or the canned-reply list must not
  // pull the cursor away from what the agent is typing.
  document.addEventListener("htmx:afterSettle", function (event) {
    var swapped = event.target;
    if (!swapped || !swapped.querySelector) { return; }
    var alert = swapped.matches("[data-focus]") ? swapped : swapped.querySelector("[data-focus]");
    if (alert) { alert.focus(); }
  });

  // Desk shortcuts, from anywhere but a text field ("?" lists them all, _shortcuts.html):
  // "/" jumps to the search box; "r" and "n" write a reply or a note.
  function isTyping(target) {
    return Boolean(target) && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName));
  }
  document.addEventListener("keydown", function (event) {
    if (isTyping(event.target) || event.ctrlKey || event.metaKey || event.altKey) { return; }
    if (document.querySelector("dialog[open]")) { return; }  // the list is on top: Escape first
    if (event.key === "/") {
      // The results page's own box first; elsewhere the header's search box.
      var box = document.querySelector("[data-search-box]") || document.getElementById("desk-search");
      if (box) { event.preventDefault(); box.focus(); }
    } else if (event.key === "r" || event.key === "n") {
      if (chooseKind(event.key === "n" ? "note" : "reply")) { event.preventDefault(); }
    } else if (event.key === "?") {
      var list = document.getElementById("shortcuts");
      if (list && list.showModal) { event.preventDefault(); openShortcuts(list); }
    }
  });

  // The shortcuts list is a modal <dialog>: the browser moves focus into it, traps it
  // there and closes it on Escape; focus goes back where it was.
  var focusBefore = null;
  function openShortcuts(list) {
    focusBefore = document.activeElement;
    list.showModal();
  }
  // Browsers that restore focus themselves have done so before "close" arrives (it comes
  // later, as a task), and the agent may have pressed "/" in between: only focus that went
  // nowhere is moved back, never focus the agent has moved on since.
  document.addEventListener("close", function (event) {
    if (!event.target || event.target.id !== "shortcuts") { return; }
    var lost = !document.activeElement || document.activeElement === document.body ||
      event.target.contains(document.activeElement);
    if (lost && focusBefore && focusBefore.focus) { focusBefore.focus(); }
    focusBefore = null;
  }, true);

  // "r" / "n": the composer switches to that kind and the cursor goes to its text.
  function chooseKind(kind) {
    var composer = document.querySelector("[data-composer]");
    var radio = composer && composer.querySelector("input[name=kind][value=" + kind + "]");
    if (!radio) { return false; }
    radio.checked = true;
    syncComposer();
    var body = composer.querySelector("textarea[name=body]");
    if (body) { body.focus(); }
    return true;
  }

  // Ctrl+Enter (Cmd+Enter on a Mac) sends the composer from any of its fields.
  document.addEventListener("keydown", function (event) {
    if (event.key !== "Enter" || !(event.ctrlKey || event.metaKey)) { return; }
    var form = event.target && event.target.closest && event.target.closest("#composer-form");
    if (form) { event.preventDefault(); form.requestSubmit(); }
  });

  // The composer shows which kind it will send: a note looks like a note (colour,
  // banner, button), so a second note never goes to the requester by surprise. With no
  // words but a new status or next step, the button says it updates the ticket.
  function syncComposer() {
    var composer = document.querySelector("[data-composer]");
    if (!composer) { return; }
    var checked = composer.querySelector("input[name=kind]:checked");
    var kind = checked ? checked.value : "reply";
    composer.classList.toggle("is-note", kind === "note");
    composer.querySelectorAll("[data-when]").forEach(function (part) {
      part.hidden = part.getAttribute("data-when") !== kind;
    });
    var body = composer.querySelector("textarea[name=body]");
    var label = body && body.value.trim() === "" && headerChanged(composer) ? "update" : kind;
    // The phone's action bar (ticket.html) carries the same button, outside the composer.
    document.querySelectorAll("[data-composer] [data-label], .ticket-actions [data-label]").forEach(function (part) {
      part.hidden = part.getAttribute("data-label") !== label;
    });
    syncStatusFields(composer);
  }

  // Did the agent change the status, the date or the next step from what the page showed?
  function headerChanged(composer) {
    var fields = composer.querySelectorAll(".update-fields input, .update-fields select, .update-fields textarea");
    return Array.prototype.some.call(fields, function (field) {
      if (field.type === "checkbox") { return field.checked !== field.defaultChecked; }
      if (field.tagName === "SELECT") {  // with no option marked, the first is the default
        var marked = Array.prototype.findIndex.call(field.options, function (o) { return o.defaultSelected; });
        return field.selectedIndex !== Math.max(marked, 0);
      }
      return field.value !== field.defaultValue;
    });
  }

  // The resolution is asked for only when resolving, the date only for a waiting status
  // (the chosen one, or the ticket's own when the status stays as it is).
  function syncStatusFields(composer) {
    var select = composer.querySelector("select[data-status]");
    if (!select) { return; }
    var status = select.value || select.getAttribute("data-current");
    composer.querySelectorAll("[data-for-status]").forEach(function (part) {
      // A field with an error stays in view, beside its message, whatever the status.
      part.hidden = part.getAttribute("data-for-status").split(" ").indexOf(status) === -1 &&
        !part.querySelector("[aria-invalid=true]");
    });
  }

  document.addEventListener("change", function (event) {
    if (event.target && event.target.closest && event.target.closest("[data-composer]")) { syncComposer(); }
  });
  document.addEventListener("input", function (event) {
    if (event.target && event.target.closest && event.target.closest("[data-composer]")) { syncComposer(); }
  });

  // Canned replies: type a few letters, pick one (click, or Enter for the first), and its
  // text, filled in for this ticket, goes in where the cursor was in the message.
  function showCanned() {
    document.querySelectorAll("[data-canned]").forEach(function (picker) { picker.hidden = false; });
  }
  function insertCanned(text) {
    var body = document.getElementById("reply-body");
    if (!body) { return; }
    var touched = body.getAttribute("data-cursor") === "yes";
    var start = touched ? body.selectionStart : body.value.length;
    var end = touched ? body.selectionEnd : body.value.length;
    body.setRangeText(text, start, end, "end");
    body.focus();
    body.dispatchEvent(new Event("input", { bubbles: true }));
    var search = document.getElementById("canned-search");
    var options = document.getElementById("canned-options");
    if (search) { search.value = ""; }
    if (options) { options.innerHTML = ""; }
  }
  document.addEventListener("focusin", function (event) {
    if (event.target && event.target.id === "reply-body") { event.target.setAttribute("data-cursor", "yes"); }
  });
  document.addEventListener("click", function (event) {
    var option = event.target && event.target.closest && event.target.closest("[data-insert]");
    if (option) { event.preventDefault(); insertCanned(option.getAttribute("data-insert")); }
  });
  document.addEventListener("keydown", function (event) {
    if (!event.target || event.target.id !== "canned-search") { return; }
    var first = document.querySelector("#canned-options [data-insert]");
    if (event.key === "Enter" && !(event.ctrlKey || event.metaKey)) {
      event.preventDefault();  // never sends the composer from here
      if (first) { insertCanned(first.getAttribute("data-insert")); }
    } else if (event.key === "ArrowDown" && first) {
      event.preventDefault();
      first.focus();
    } else if (event.key === "Escape") {
      event.target.value = "";
      var options = document.getElementById("canned-options");
      if (options) { options.innerHTML = ""; }
    }
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
  // Kept fields (hx-preserve: the draft survives a refusal) keep their old attributes
  // through the swap: mark them invalid, or valid again, from the error now beside them
  // (`<id>_error`, as the server draws it for fields it draws anew).
  function syncInvalid() {
    document.querySelectorAll("[hx-preserve][id]").forEach(function (field) {
      if (field.tagName === "FIELDSET") { return; }
      var error = document.getElementById(field.id + "_error");
      var ids = (field.getAttribute("aria-describedby") || "").split(" ").filter(function (id) {
        return id && id !== field.id + "_error";
      });
      if (error) { ids.push(error.id); }
      if (ids.length) { field.setAttribute("aria-describedby", ids.join(" ")); } else { field.removeAttribute("aria-describedby"); }
      if (error) { field.setAttribute("aria-invalid", "true"); } else { field.removeAttribute("aria-invalid"); }
    });
  }
  document.addEventListener("htmx:afterSettle", function () { syncInvalid(); showCanned(); syncComposer(); syncSeen(); });

  // Folds (details.fold) are open on a wide screen by CSS (::details-content); a browser
  // without it would keep the menu and the filters shut there, so they are opened here.
  function openFolds() {
    if (window.CSS && CSS.supports && CSS.supports("selector(::details-content)")) { return; }
    if (!window.matchMedia("(min-width: 641px)").matches) { return; }
    document.querySelectorAll("details.fold").forEach(function (fold) { fold.open = true; });
  }

  // Focus the first alert on a full page load too (a refused plain POST).
  document.addEventListener("DOMContentLoaded", function () {
    openFolds();
    showCanned();
    syncComposer();
    var alert = document.querySelector("[data-focus]");
    if (alert) { alert.focus(); }
  });
})();
