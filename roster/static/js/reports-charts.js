// Draw each report chart from the table that lists its numbers, so the page holds them once.
// <canvas data-reports-chart="table-id" data-kind="bar|hbar|stacked|doughnut|line">, inside a
// box with data-height; the table's <th data-series> columns and <td data-value> cells are drawn.
(function () {
  if (typeof Chart === "undefined") return;
  // Brand blue, orange, green, purple, red, grey, teal: distinguishable and AA against white.
  const palette = ["#0b4f6c", "#b35900", "#146c43", "#6f42c1", "#a52834", "#495057", "#0a7482"];
  Chart.defaults.font.family = getComputedStyle(document.body).fontFamily;
  Chart.defaults.color = "#343a40";

  document.querySelectorAll("canvas[data-reports-chart]").forEach((canvas) => {
    const table = document.getElementById(canvas.dataset.reportsChart);
    if (!table) return;
    const box = canvas.parentElement;
    if (box && box.dataset.height) box.style.height = box.dataset.height + "px";
    const series = Array.from(table.querySelectorAll("thead th[data-series]")).map((th) =>
      th.textContent.trim()
    );
    const rows = Array.from(table.querySelectorAll("tbody tr"));
    const labels = rows.map((tr) => tr.querySelector("th").textContent.trim());
    const values = rows.map((tr) =>
      Array.from(tr.querySelectorAll("td[data-value]")).map((td) => Number(td.dataset.value) || 0)
    );
    const kind = canvas.dataset.kind || "bar";
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
      const horizontal = kind === "hbar" || kind === "stacked";
      const stacked = kind === "stacked";
      const valueAxis = { beginAtZero: true, stacked, ticks: { precision: 0 } };
      const labelAxis = { stacked, grid: { display: false } };
      options.indexAxis = horizontal ? "y" : "x";
      options.scales = horizontal ? { x: valueAxis, y: labelAxis } : { x: labelAxis, y: valueAxis };
    }
    new Chart(canvas, { type, data: { labels, datasets }, options });
  });
})();
