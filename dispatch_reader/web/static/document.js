// The document page: a click (or Enter) on a fact draws boxes over the words it was read from.
// Boxes are fractions of the page (record schema 3, Evidence.boxes), so they fit any image size.
(function () {
  "use strict";
  function clear() {
    document.querySelectorAll(".sheet .hl").forEach(function (el) { el.remove(); });
    document.querySelectorAll(".fact.active").forEach(function (el) { el.classList.remove("active"); });
  }
  function show(row) {
    clear();
    row.classList.add("active");
    var note = document.getElementById("no-boxes");
    var page = row.getAttribute("data-page");
    var boxes = [];
    try { boxes = JSON.parse(row.getAttribute("data-boxes") || "[]"); } catch (e) { boxes = []; }
    var figure = page ? document.getElementById("page-" + page) : null;
    if (note) { note.classList.toggle("hidden", boxes.length > 0 || !page); }
    if (!figure) { return; }
    var sheet = figure.querySelector(".sheet");
    var first = null;
    boxes.forEach(function (b) {
      var el = document.createElement("div");
      el.className = "hl";
      el.style.left = (b[0] * 100) + "%";
      el.style.top = (b[1] * 100) + "%";
      el.style.width = ((b[2] - b[0]) * 100) + "%";
      el.style.height = ((b[3] - b[1]) * 100) + "%";
      sheet.appendChild(el);
      if (!first) { first = el; }
    });
    (first || figure).scrollIntoView({ block: "center", behavior: "smooth" });
  }
  document.addEventListener("click", function (ev) {
    // only the controls themselves (the open form, the Sửa toggle): a click anywhere else on the
    // fact, its value included, shows where it was read
    if (ev.target.closest("summary, form, a, button, input, select, textarea, label")) { return; }
    var row = ev.target.closest(".fact");
    if (row) { show(row); }
  });
  document.addEventListener("keydown", function (ev) {
    if (ev.key !== "Enter" || !ev.target.classList || !ev.target.classList.contains("fact")) { return; }
    show(ev.target);
  });
})();
