// Triangulate web app: claim filters, claim selection, job polling. Vanilla JS, no external code.
(function () {
  "use strict";
  var PAGE = 50;
  // A table of class "data-table" gets a filter box, sortable column headers and pages of 50 rows. Rows another
  // filter has excluded (data-excluded) stay out; table.refresh() redraws after such a change.
  function enhance(table) {
    var rows = Array.prototype.slice.call(table.tBodies[0].rows), page = 0, text = "", sortCol = -1, sortDir = 1;
    var wrap = table.closest(".table-wrap") || table;
    var box = document.createElement("input");
    box.type = "search"; box.className = "table-filter"; box.placeholder = "Filter rows";
    box.setAttribute("aria-label", "Filter " + (table.getAttribute("aria-label") || "rows"));
    var pager = document.createElement("div"); pager.className = "pager";
    var prev = document.createElement("button"), next = document.createElement("button"), status = document.createElement("span");
    prev.type = next.type = "button"; prev.textContent = "Previous"; next.textContent = "Next"; prev.className = "prev"; next.className = "next";
    status.className = "page-status muted"; status.setAttribute("aria-live", "polite");
    pager.appendChild(prev); pager.appendChild(status); pager.appendChild(next);
    wrap.parentNode.insertBefore(box, wrap);
    wrap.parentNode.insertBefore(pager, wrap.nextSibling);
    // Each cell carries its column's name, shown before it where a phone lays a row out as a card.
    var names = Array.prototype.map.call(table.tHead.rows[0].cells, function (th) { return th.textContent.trim(); });
    rows.forEach(function (r) { Array.prototype.forEach.call(r.cells, function (c, i) { if (names[i]) c.setAttribute("data-label", names[i]); }); });
    function key(row, col) { var c = row.cells[col]; return c ? (c.dataset.sort || c.textContent.trim()) : ""; }
    function render() {
      var needle = text.toLowerCase();
      var shown = rows.filter(function (r) { return !r.dataset.excluded && (!needle || r.textContent.toLowerCase().indexOf(needle) >= 0); });
      var pages = Math.max(1, Math.ceil(shown.length / PAGE));
      if (page >= pages) page = pages - 1;
      rows.forEach(function (r) { r.hidden = true; });
      shown.slice(page * PAGE, page * PAGE + PAGE).forEach(function (r) { r.hidden = false; });
      var from = shown.length ? page * PAGE + 1 : 0, to = Math.min(shown.length, page * PAGE + PAGE);
      status.textContent = "Rows " + from + "–" + to + " of " + shown.length;
      prev.disabled = page === 0; next.disabled = page >= pages - 1;
      pager.hidden = shown.length <= PAGE;
      table.dataset.shown = String(shown.length);
      table.dispatchEvent(new Event("rendered"));
    }
    Array.prototype.forEach.call(table.tHead.rows[0].cells, function (th, col) {
      var b = document.createElement("button");
      b.type = "button"; b.className = "sort"; b.textContent = th.textContent; th.textContent = ""; th.appendChild(b);
      b.addEventListener("click", function () {
        sortDir = sortCol === col ? -sortDir : 1; sortCol = col;
        Array.prototype.forEach.call(table.tHead.rows[0].cells, function (h) { h.removeAttribute("aria-sort"); });
        th.setAttribute("aria-sort", sortDir > 0 ? "ascending" : "descending");
        rows.sort(function (x, y) {
          var a = key(x, col), c = key(y, col), na = parseFloat(a), nc = parseFloat(c);
          var d = !isNaN(na) && !isNaN(nc) && /^-?[0-9.]+$/.test(a) && /^-?[0-9.]+$/.test(c) ? na - nc : a.localeCompare(c);
          return d * sortDir;
        });
        rows.forEach(function (r) { table.tBodies[0].appendChild(r); });
        page = 0; render();
      });
    });
    box.addEventListener("input", function () { text = box.value; page = 0; render(); });
    prev.addEventListener("click", function () { page--; render(); });
    next.addEventListener("click", function () { page++; render(); });
    table.refresh = function () { page = 0; render(); };
    render();
  }
  function filterClaims() {
    var table = document.getElementById("claims");
    if (!table) return;
    var get = function (id) { var el = document.getElementById(id); return el ? el.value : ""; };
    var verdict = get("f-verdict"), kind = get("f-kind"), subject = get("f-subject"), source = get("f-source");
    table.querySelectorAll("tbody tr").forEach(function (row) {
      var ok = (!verdict || row.dataset.verdict === verdict) && (!kind || row.dataset.kind === kind) &&
        (!subject || row.dataset.subject === subject) && (!source || (" " + row.dataset.sources + " ").indexOf(" " + source + " ") >= 0);
      if (ok) { delete row.dataset.excluded; } else row.dataset.excluded = "1";
    });
    if (table.refresh) table.refresh();
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
  // A server with accounts: the header names who is signed in and links to signing out, and a reader is not offered
  // the upload. Pages are the same for every reader (and kept between requests), so this is filled in here.
  function showSession() {
    fetch("/api/session").then(function (r) { return r.ok ? r.json() : null; }).then(function (s) {
      var nav = document.querySelector("header.site nav ul");
      if (!s || !s.name || !nav) return;
      if (s.role !== "write") {
        var upload = nav.querySelector("a[href='/upload']");
        if (upload) upload.parentNode.remove();
      }
      var li = document.createElement("li"), a = document.createElement("a");
      li.className = "session"; li.textContent = s.name + (s.role === "write" ? " " : " (reader) ");
      a.href = "/logout"; a.textContent = "Sign out";
      li.appendChild(a); nav.appendChild(li);
    }).catch(function () { });
  }
  document.addEventListener("DOMContentLoaded", function () {
    showSession();
    document.querySelectorAll("table.data-table").forEach(enhance);
    ["f-verdict", "f-kind", "f-subject", "f-source"].forEach(function (id) {
      var el = document.getElementById(id);
      if (el) el.addEventListener("change", filterClaims);
    });
    // The filters act on change; the form itself never submits (no inline handler: the CSP forbids them).
    var filters = document.getElementById("claim-filters");
    if (filters) filters.addEventListener("submit", function (e) { e.preventDefault(); filterClaims(); });
    // The claim count follows every redraw of the claims table (the menus and the text filter alike); filterClaims makes the first.
    var claims = document.getElementById("claims"), count = document.getElementById("claim-count");
    if (claims && count) claims.addEventListener("rendered", function () { count.textContent = claims.dataset.shown + " claims shown"; });
    filterClaims();
    var active = document.querySelector("mark.active");
    if (active) active.scrollIntoView({ block: "center" });
    var status = document.getElementById("job-status");
    if (status && !status.dataset.finished) pollJob(status);
  });
})();
