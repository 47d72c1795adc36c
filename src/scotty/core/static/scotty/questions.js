// Conditional questions of a catalog form: a question wrapped in
// [data-shown-when="q-other"][data-shown-value="X"] is shown only while the answer to
// q-other is X (one of the boxes ticked, for a multiple choice). Without this script
// every question shows, each marked with when it applies; the server drops answers to
// questions that were not asked either way (scotty.catalog.answers).
(function () {
  "use strict";

  function answerOf(form, name) {
    var inputs = form.querySelectorAll('[name="' + name + '"]');
    var values = [];
    inputs.forEach(function (input) {
      if ((input.type === "radio" || input.type === "checkbox") && !input.checked) return;
      if (input.closest("[hidden]")) return; // a question not asked gives no answer
      values.push(input.value);
    });
    return values;
  }

  function update(form) {
    // In page order: a question depends only on one above it, so one pass settles all.
    form.querySelectorAll("[data-shown-when]").forEach(function (question) {
      var wanted = question.getAttribute("data-shown-value").trim().toLowerCase();
      var given = answerOf(form, question.getAttribute("data-shown-when"));
      var asked = given.some(function (v) { return v.trim().toLowerCase() === wanted; });
      question.hidden = !asked;
      question.querySelectorAll(".applies-when").forEach(function (hint) { hint.hidden = true; });
    });
  }

  document.querySelectorAll("form[data-questions]").forEach(function (form) {
    update(form);
    form.addEventListener("change", function () { update(form); });
    form.addEventListener("input", function () { update(form); });
  });
})();
