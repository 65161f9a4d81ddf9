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
          var adopt = cell.querySelector("button.adopt");
          if (adopt) adopt.hidden = row.suggested === "—";
          cell.querySelector(".range").textContent = row.range;
          cell.querySelector(".explanation").textContent = row.explanation;
        });
        [["suggested-total", "suggested_total"], ["suggested-grade", "suggested_grade"], ["reported-sum", "reported_sum"],
         ["execution-rate", "execution_rate"]].forEach(function (pair) {
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

// 采用建议得分: fills the row's 得分 (or every row's) with the suggestion shown, in place; without this script the
// buttons post and the server fills them.
(function () {
  "use strict";
  var form = document.getElementById("form-editor");
  if (!form) return;
  function adopt(row) {
    var shown = row.querySelector("td.suggestion .suggested");
    var score = row.querySelector('input[name$=".score"]');
    if (!shown || !score || shown.textContent === "—" || score.readOnly) return false;
    if (score.value === shown.textContent) return false;
    score.value = shown.textContent;
    score.dispatchEvent(new Event("input", { bubbles: true }));
    return true;
  }
  form.addEventListener("click", function (event) {
    var button = event.target.closest && event.target.closest("button.adopt, button.adopt-all");
    if (!button) return;
    event.preventDefault();
    var rows = button.classList.contains("adopt-all") ? form.querySelectorAll("tr[data-row]") : [button.closest("tr[data-row]")];
    var changed = 0;
    Array.prototype.forEach.call(rows, function (row) { if (row && adopt(row)) changed += 1; });
    var status = document.getElementById("adopt-status");
    if (!status) {
      status = document.createElement("p");
      status.id = "adopt-status";
      status.className = "notice";
      status.setAttribute("role", "status");
      form.insertBefore(status, form.firstChild);
    }
    status.textContent = changed ? "已采用" + changed + "行的建议得分，尚未保存。" : "没有可采用的建议得分（得分已与建议一致）。";
  });
})();

// 提交 and 通过 ask first (the buttons carry the question); without this script they go straight through.
(function () {
  "use strict";
  document.addEventListener("click", function (event) {
    var button = event.target.closest && event.target.closest("button[data-confirm]");
    if (!button) return;
    if (!window.confirm(button.getAttribute("data-confirm"))) {
      event.preventDefault();
      event.stopImmediatePropagation();
    }
  }, true);
})();

// 上传并读取: the button is disabled while the file goes up and is read, with the share sent so far; a file over
// the limit is refused before it is sent. Without this script the form posts as usual.
(function () {
  "use strict";
  var form = document.querySelector("form.upload");
  if (!form || !window.XMLHttpRequest || !window.FormData) return;
  var button = form.querySelector("button[type=submit]");
  var bar = form.querySelector("progress.upload-progress");
  var status = form.querySelector(".upload-status");
  var label = button.textContent;
  function reset(message) {
    button.disabled = false;
    button.textContent = label;
    bar.hidden = true;
    status.textContent = message;
  }
  form.addEventListener("submit", function (event) {
    var input = form.querySelector("input[type=file]");
    var file = input && input.files && input.files[0];
    var limit = Number(form.getAttribute("data-max-bytes"));
    event.preventDefault();
    if (!file) { reset("请先选择文件。"); return; }
    if (limit && file.size > limit) {
      reset("文件“" + file.name + "”有" + (file.size / 1048576).toFixed(1) + "MB，超过" + Math.floor(limit / 1048576) + "MB上限，未上传。");
      return;
    }
    button.disabled = true;
    button.textContent = "正在上传…";
    bar.hidden = false;
    bar.value = 0;
    status.textContent = "";
    var xhr = new XMLHttpRequest();
    xhr.open("POST", form.action);
    xhr.upload.onprogress = function (e) {
      if (!e.lengthComputable) return;
      bar.value = e.loaded / e.total;
      status.textContent = "已上传 " + Math.round(100 * e.loaded / e.total) + "%";
    };
    xhr.upload.onload = function () {
      bar.removeAttribute("value");
      button.textContent = "正在读取…";
      status.textContent = "上传完成，正在读取文件中的表单，大文件需要一些时间…";
    };
    xhr.onload = function () {
      if (xhr.status < 400 && xhr.responseURL && xhr.responseURL.indexOf("/uploads/") >= 0) {
        location.assign(xhr.responseURL);
        return;
      }
      // A refusal comes back as a page that says why: show it.
      document.open();
      document.write(xhr.responseText);
      document.close();
    };
    xhr.onerror = function () { reset("上传中断（网络问题），文件没有保存，请重试。"); };
    xhr.send(new FormData(form));
  });
})();
