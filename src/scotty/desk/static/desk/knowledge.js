// Scotty desk: the composer's article picker (the CSP forbids inline scripts).
// In the message, Ctrl+K (Cmd+K on a Mac) opens it; type words of the article, then Enter
// inserts the first one's link where the cursor was (Shift+Enter: its text). Escape goes
// back to the message. The server decides what the composer's mode allows: in a public
// reply, nothing the requester may not read (the option says why instead).
(function () {
  "use strict";

  function picker() { return document.querySelector("[data-article-pick]"); }
  function say(words) {
    var status = document.getElementById("article-pick-status");
    if (status) { status.textContent = words; }
  }
  function clear() {
    var box = document.getElementById("article-search");
    var options = document.getElementById("article-options");
    if (box) { box.value = ""; }
    if (options) { options.innerHTML = ""; }
    say("");
  }
  function openPicker() {
    var found = picker();
    var box = document.getElementById("article-search");
    if (!found || !box) { return false; }
    found.hidden = false;
    box.focus();
    box.select();
    return true;
  }
  function closePicker() {
    var found = picker();
    if (found) { found.hidden = true; }
    clear();
    var body = document.getElementById("reply-body");
    if (body) { body.focus(); }
  }

  // The button for mouse users shows once this script runs (without it, nothing to open).
  function showOpeners() {
    document.querySelectorAll("[data-article-open]").forEach(function (button) { button.hidden = false; });
  }
  document.addEventListener("DOMContentLoaded", showOpeners);
  document.addEventListener("htmx:afterSettle", showOpeners);

  document.addEventListener("click", function (event) {
    var target = event.target;
    if (!target || !target.closest) { return; }
    if (target.closest("[data-article-open]")) {
      event.preventDefault();
      openPicker();
    } else if (target.closest("#article-options [data-insert]")) {
      // desk.js puts the words in the message (as for a canned reply); the picker closes.
      var found = picker();
      if (found) { found.hidden = true; }
      var body = document.getElementById("reply-body");
      clear();
      if (body) { body.focus(); }
    }
  });

  document.addEventListener("keydown", function (event) {
    var target = event.target;
    if (!target) { return; }
    if (target.id === "reply-body") {
      if ((event.ctrlKey || event.metaKey) && !event.altKey && !event.shiftKey && (event.key === "k" || event.key === "K")) {
        if (openPicker()) { event.preventDefault(); }
      }
      return;
    }
    if (target.closest && target.closest("#article-options") && event.key === "Escape") {
      event.preventDefault();
      closePicker();
      return;
    }
    if (target.id !== "article-search") { return; }
    if (event.key === "Escape") {
      event.preventDefault();
      closePicker();
    } else if (event.key === "ArrowDown") {
      var button = document.querySelector("#article-options [data-insert]");
      if (button) { event.preventDefault(); button.focus(); }
    } else if (event.key === "Enter" && !(event.ctrlKey || event.metaKey)) {
      event.preventDefault();  // never sends the composer from here
      var first = document.querySelector("#article-options .article-option");
      if (!first) { return; }
      if (first.hasAttribute("data-refused")) { say(first.getAttribute("data-refused")); return; }
      var wanted = first.querySelector('[data-pick="' + (event.shiftKey ? "text" : "link") + '"]') ||
        first.querySelector("[data-insert]");
      if (wanted) { wanted.click(); }
    }
  });

  // Switching between reply and note changes what may be inserted: ask again.
  document.addEventListener("change", function (event) {
    var target = event.target;
    if (!target || target.name !== "kind" || !target.closest("[data-composer]")) { return; }
    var box = document.getElementById("article-search");
    var found = picker();
    if (box && found && !found.hidden && box.value && window.htmx) { window.htmx.trigger(box, "refresh"); }
  });
})();
