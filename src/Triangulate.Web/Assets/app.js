// Triangulate web app: claim filters, claim selection, job polling. Vanilla JS, no external code.
(function () {
  "use strict";
  function filterClaims() {
    var table = document.getElementById("claims");
    if (!table) return;
    var get = function (id) { var el = document.getElementById(id); return el ? el.value : ""; };
    var verdict = get("f-verdict"), kind = get("f-kind"), subject = get("f-subject"), source = get("f-source");
    var shown = 0;
    table.querySelectorAll("tbody tr").forEach(function (row) {
      var ok = (!verdict || row.dataset.verdict === verdict) && (!kind || row.dataset.kind === kind) &&
        (!subject || row.dataset.subject === subject) && (!source || (" " + row.dataset.sources + " ").indexOf(" " + source + " ") >= 0);
      row.hidden = !ok;
      if (ok) shown++;
    });
    var count = document.getElementById("claim-count");
    if (count) count.textContent = shown + " claims shown";
  }
  function pollJob(status) {
    var id = status.dataset.job;
    fetch("/api/jobs/" + encodeURIComponent(id)).then(function (r) { return r.json(); }).then(function (job) {
      status.querySelector(".state").textContent = job.state + (job.message ? ": " + job.message : "");
      var bar = status.querySelector("progress");
      if (job.state === "done" || job.state === "failed") {
        if (bar) { bar.value = 1; bar.max = 1; }
        var list = document.getElementById("job-documents");
        if (list && job.documents) {
          list.innerHTML = "";
          job.documents.forEach(function (d) {
            var li = document.createElement("li"), a = document.createElement("a");
            a.href = "/documents/" + encodeURIComponent(d.id); a.textContent = d.title || d.id;
            li.appendChild(a); list.appendChild(li);
          });
        }
        var heading = document.querySelector("h1");
        if (heading && heading.firstChild && heading.firstChild.nodeType === 3) heading.firstChild.nodeValue = "Analysed ";
        status.setAttribute("data-finished", job.state);
      } else {
        setTimeout(function () { pollJob(status); }, 500);
      }
    }).catch(function () { setTimeout(function () { pollJob(status); }, 1000); });
  }
  document.addEventListener("DOMContentLoaded", function () {
    ["f-verdict", "f-kind", "f-subject", "f-source"].forEach(function (id) {
      var el = document.getElementById(id);
      if (el) el.addEventListener("change", filterClaims);
    });
    // The filters act on change; the form itself never submits (no inline handler: the CSP forbids them).
    var filters = document.getElementById("claim-filters");
    if (filters) filters.addEventListener("submit", function (e) { e.preventDefault(); filterClaims(); });
    filterClaims();
    var active = document.querySelector("mark.active");
    if (active) active.scrollIntoView({ block: "center" });
    var status = document.getElementById("job-status");
    if (status && !status.dataset.finished) pollJob(status);
  });
})();
