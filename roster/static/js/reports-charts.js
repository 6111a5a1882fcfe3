// Draw each report chart from the table that lists its numbers, so the page holds them once.
// <canvas data-reports-chart="table-id" data-kind="bar|hbar|stacked|doughnut|line">, inside a
// box with data-height; the table's <th data-series> columns and <td data-value> cells are drawn.
(function () {
  if (typeof Chart === "undefined") return;
  // Brand blue, orange, green, purple, red, grey, teal: distinguishable and AA against white.
  const palette = ["#0b4f6c", "#b35900", "#146c43", "#6f42c1", "#a52834", "#495057", "#0a7482"];
  Chart.defaults.font.family = getComputedStyle(document.body).fontFamily;
  Chart.defaults.color = "#343a40";
  const CHAR_PX = 7; // an average character of the 12 px axis font, with a margin

  // Chart.js clips a category label wider than its axis: wrap it into lines instead.
  function wrap(text, max) {
    const lines = [];
    let line = "";
    for (const word of String(text).split(/\s+/)) {
      if (line && (line + " " + word).length > max) {
        lines.push(line);
        line = word;
      } else {
        line = line ? line + " " + word : word;
      }
    }
    if (line) lines.push(line);
    return lines.length > 1 ? lines : String(text);
  }
  // Characters a label may use on a line: horizontal bars give their labels up to 45% of the
  // width; vertical bars share the width between their labels.
  function room(width, horizontal, count) {
    const px = horizontal ? width * 0.45 : width / Math.max(count, 1) - 8;
    return Math.max(horizontal ? 12 : 6, Math.floor(px / CHAR_PX));
  }

  document.querySelectorAll("canvas[data-reports-chart]").forEach((canvas) => {
    const table = document.getElementById(canvas.dataset.reportsChart);
    if (!table) return;
    const box = canvas.parentElement;
    const series = Array.from(table.querySelectorAll("thead th[data-series]")).map((th) =>
      th.textContent.trim()
    );
    const rows = Array.from(table.querySelectorAll("tbody tr"));
    const labels = rows.map((tr) => tr.querySelector("th").textContent.trim());
    const values = rows.map((tr) =>
      Array.from(tr.querySelectorAll("td[data-value]")).map((td) => Number(td.dataset.value) || 0)
    );
    const kind = canvas.dataset.kind || "bar";
    const horizontal = kind === "hbar" || kind === "stacked";
    if (box && box.dataset.height) {
      // Horizontal bars: one row per label, taller where a label wraps onto more lines.
      const width = box.clientWidth || 300;
      const extra = horizontal
        ? labels.reduce((sum, l) => sum + ([].concat(wrap(l, room(width, true, 0))).length - 1) * 15, 0)
        : 0;
      // A legend under horizontal bars takes rows of its own out of the same box.
      const legend = horizontal && series.length > 1 ? Math.ceil((series.length * 150) / width) * 24 : 0;
      box.style.height = Number(box.dataset.height) + extra + legend + "px";
    }
    const type = kind === "doughnut" ? "doughnut" : kind === "line" ? "line" : "bar";
    const datasets = series.map((name, i) => ({
      label: name,
      data: values.map((v) => v[i] || 0),
      backgroundColor:
        type === "doughnut" ? labels.map((_, j) => palette[j % palette.length]) : palette[i % palette.length],
      borderColor: type === "doughnut" ? "#fff" : palette[i % palette.length],
      borderWidth: type === "doughnut" ? 2 : 0,
      maxBarThickness: 36,
    }));
    const options = {
      responsive: true,
      maintainAspectRatio: false,
      animation: false,
      plugins: {
        legend: { display: series.length > 1 || type === "doughnut", position: "bottom" },
      },
    };
    if (type === "bar") {
      const stacked = kind === "stacked";
      const valueAxis = { beginAtZero: true, stacked, ticks: { precision: 0 } };
      const labelAxis = {
        stacked,
        grid: { display: false },
        // Wrapped again at each layout, so a resized window keeps its labels whole.
        ticks: {
          autoSkip: !horizontal,
          callback: function (value) {
            return wrap(this.getLabelForValue(value), room(this.chart.width, horizontal, labels.length));
          },
        },
      };
      options.indexAxis = horizontal ? "y" : "x";
      options.scales = horizontal ? { x: valueAxis, y: labelAxis } : { x: labelAxis, y: valueAxis };
    }
    new Chart(canvas, { type, data: { labels, datasets }, options });
  });
})();
