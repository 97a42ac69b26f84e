// The inbox page: drop files (or pick them) to upload them to /api/upload, the same way in as a
// scanner's drop; the lists below refresh every few seconds so a file is seen arriving and stored.
(function () {
  "use strict";
  var csrf = (document.querySelector('meta[name="csrf-token"]') || {}).content || "";
  var zone = document.getElementById("dropzone");
  var input = document.getElementById("file-input");
  var log = document.getElementById("upload-log");

  function say(template, values, cls) {
    var text = template;
    Object.keys(values).forEach(function (k) { text = text.split("{" + k + "}").join(values[k]); });
    var li = document.createElement("li");
    li.textContent = text;  // text, never HTML: a file name is the user's
    if (cls) { li.className = cls; }
    log.appendChild(li);
    return li;
  }

  // the server's reasons are English; the page's own words for the common ones
  var reasons = {};
  try { reasons = JSON.parse(zone ? zone.dataset.reasons || "{}" : "{}"); } catch (e) { reasons = {}; }
  function reasonText(reason) {
    var text = String(reason || "");
    for (var key in reasons) {
      if (Object.prototype.hasOwnProperty.call(reasons, key) && text.indexOf(key) === 0) { return reasons[key]; }
    }
    return text;
  }

  function upload(file) {
    var line = say(zone.dataset.uploading, { name: file.name });
    var form = new FormData();
    form.append("file", file, file.name);
    return fetch("/api/upload", { method: "POST", body: form, credentials: "same-origin",
                                  headers: { "X-CSRF-Token": csrf, "Accept": "application/json" } })
      .then(function (r) { return r.json().then(function (body) { return { ok: r.ok, body: body }; }); })
      .then(function (res) {
        line.remove();
        // each file saved or refused on its own (202, 207, 413/422): say which, the reason without
        // the name again
        (res.body.files || []).forEach(function (f) { say(zone.dataset.uploaded, { name: f.name }, "ok"); });
        if (res.body.refused) {
          res.body.refused.forEach(function (f) {
            say(zone.dataset.failed, { name: f.name || file.name, reason: reasonText(f.reason) }, "bad");
          });
        } else if (!res.ok) {
          var reason = typeof res.body.detail === "string" ? res.body.detail : JSON.stringify(res.body.detail);
          say(zone.dataset.failed, { name: file.name, reason: reasonText(reason) }, "bad");
        }
        refresh();
      })
      .catch(function (err) { line.remove(); say(zone.dataset.failed, { name: file.name, reason: String(err) }, "bad"); });
  }

  function send(files) { Array.prototype.forEach.call(files, upload); }

  if (zone) {
    ["dragenter", "dragover"].forEach(function (name) {
      zone.addEventListener(name, function (ev) { ev.preventDefault(); zone.classList.add("over"); });
    });
    ["dragleave", "drop"].forEach(function (name) {
      zone.addEventListener(name, function (ev) { ev.preventDefault(); zone.classList.remove("over"); });
    });
    zone.addEventListener("drop", function (ev) { if (ev.dataTransfer) { send(ev.dataTransfer.files); } });
    input.addEventListener("change", function () { send(input.files); input.value = ""; });
  }

  function refresh() {
    fetch("/inbox?part=lists", { credentials: "same-origin" })
      .then(function (r) { return r.ok ? r.text() : null; })
      .then(function (html) {
        if (!html) { return; }
        var holder = document.createElement("div");
        holder.innerHTML = html;  // our own server-rendered, escaped fragment
        var fresh = holder.querySelector("#inbox-lists");
        var old = document.getElementById("inbox-lists");
        if (fresh && old) { old.replaceWith(fresh); }
      })
      .catch(function () {});
  }
  setInterval(refresh, 2000);
})();
