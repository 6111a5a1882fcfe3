// Draw a stacked bar chart from the table it illustrates, so the numbers live in one place.
// <canvas data-toolkit-chart="table-id"> in a box with data-height; the table's
// <th data-series="..."> columns are plotted.
(function () {
  if (typeof Chart === "undefined") return;
  const colours = { completed: "#146c43", in_progress: "#0b5c80", stalled: "#b35900" };
  // Chart.js clips a label wider than its axis: wrap it into lines of what 45% of the width
  // holds (about 7 px a character, with a margin), again at each layout.
  function wrap(text, width) {
    const max = Math.max(12, Math.floor((width * 0.45) / 7));
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
  document.querySelectorAll("canvas[data-toolkit-chart]").forEach((canvas) => {
    const table = document.getElementById(canvas.dataset.toolkitChart);
    if (!table) return;
    // The box's height (one bar per module) comes from data-height: the CSP allows no
    // style attribute, but a style set from this script is allowed.
    const box = canvas.parentElement;
    if (box && box.dataset.height) box.style.height = box.dataset.height + "px";
    const headers = Array.from(table.querySelectorAll("thead th"));
    const series = headers
      .map((th, index) => ({ key: th.dataset.series, label: th.textContent.trim(), index }))
      .filter((s) => s.key);
    const rows = Array.from(table.querySelectorAll("tbody tr")).filter((tr) => tr.cells.length > 1);
    const labels = rows.map((tr) => tr.cells[0].textContent.trim().split("\n")[0]);
    new Chart(canvas, {
      type: "bar",
      data: {
        labels,
        datasets: series.map((s) => ({
          label: s.label,
          backgroundColor: colours[s.key] || "#495057",
          data: rows.map((tr) => Number(tr.cells[s.index].textContent.trim()) || 0),
        })),
      },
      options: {
        indexAxis: "y",
        maintainAspectRatio: false,
        responsive: true,
        scales: {
          x: { stacked: true, beginAtZero: true, ticks: { precision: 0 } },
          y: {
            stacked: true,
            ticks: {
              autoSkip: false,
              callback: function (value) {
                return wrap(this.getLabelForValue(value), this.chart.width);
              },
            },
          },
        },
      },
    });
  });
})();
