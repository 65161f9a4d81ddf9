// jixiao 绩效: conveniences only. Every action also works without this script.
// Live preview: while a self-evaluation is edited, ask the server for the suggested scores.
(function () {
  "use strict";
  var form = document.querySelector("form.form-editor[data-preview]");
  if (!form || !window.fetch || !window.URLSearchParams) return;
  var timer = null;
  function update() {
    var data = new URLSearchParams(new FormData(form));
    data.set("action", "preview");
    fetch(form.getAttribute("data-preview"), { method: "POST", body: data, credentials: "same-origin",
      headers: { "Content-Type": "application/x-www-form-urlencoded" } })
      .then(function (r) { return r.ok ? r.json() : null; })
      .then(function (answer) {
        if (!answer) return;
        answer.rows.forEach(function (row, index) {
          var cell = form.querySelector('tr[data-row="' + index + '"] td.suggestion');
          if (!cell) return;
          cell.querySelector(".suggested").textContent = row.suggested;
          cell.querySelector(".range").textContent = row.range;
          cell.querySelector(".explanation").textContent = row.explanation;
        });
        [["suggested-total", "suggested_total"], ["suggested-grade", "suggested_grade"], ["reported-sum", "reported_sum"]].forEach(function (pair) {
          var el = document.getElementById(pair[0]);
          if (el) el.textContent = answer[pair[1]];
        });
      })
      .catch(function () {});
  }
  form.addEventListener("input", function () {
    clearTimeout(timer);
    timer = setTimeout(update, 400);
  });
})();

// Unsaved changes: leaving the editor after typing asks first. Saving, 提交 and the row buttons post the
// fields, so they do not ask.
(function () {
  "use strict";
  var form = document.getElementById("form-editor");
  if (!form || !form.querySelector('input[name="_editor"]')) return;
  var dirty = false;
  function mark() { dirty = true; document.body.setAttribute("data-unsaved", "1"); }
  form.addEventListener("input", mark);
  form.addEventListener("change", mark);
  document.addEventListener("submit", function () { dirty = false; }, true);
  window.addEventListener("beforeunload", function (event) {
    if (!dirty) return;
    event.preventDefault();
    event.returnValue = "";
  });
})();
