// gateway-local dashboard: live rows and the range select. Hand-written, no
// build step; every page reads the same without it.
(function () {
  "use strict";

  // New logs arrive as server-sent events whose data is the row's HTML
  // (rendered and escaped by the server); shown on the first page only.
  var table = document.getElementById("logs");
  var rows = document.getElementById("log-rows");
  var url = table && table.getAttribute("data-events");
  if (rows && url && window.EventSource) {
    var source = new EventSource(url);
    // Says on the table whether new rows are arriving (the browser test waits for it).
    source.addEventListener("open", function () {
      table.setAttribute("data-live", "connected");
    });
    source.addEventListener("error", function () {
      table.setAttribute("data-live", "reconnecting");
    });
    source.addEventListener("log", function (event) {
      var holder = document.createElement("tbody");
      holder.innerHTML = event.data;
      var row = holder.querySelector("tr[data-log-id]");
      if (!row) {
        return;
      }
      var id = row.getAttribute("data-log-id");
      var known = rows.querySelectorAll("tr[data-log-id]");
      for (var i = 0; i < known.length; i += 1) {
        if (known[i].getAttribute("data-log-id") === id) {
          return;
        }
      }
      row.classList.add("new");
      rows.insertBefore(row, rows.firstChild);
      var count = document.getElementById("log-count");
      var n = count && parseInt(count.textContent, 10);
      if (count && !isNaN(n)) {
        count.textContent = (n + 1) + " logs";
      }
    });
  }

  // Changing the range applies it at once.
  var range = document.getElementById("filter-range");
  if (range && range.form) {
    range.addEventListener("change", function () {
      range.form.submit();
    });
  }
})();
