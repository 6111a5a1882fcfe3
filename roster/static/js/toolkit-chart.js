// Draw a stacked bar chart from the table it illustrates, so the numbers live in one place.
// <canvas data-toolkit-chart="table-id"> in a box with data-height; the table's
// <th data-series="..."> columns are plotted.
(function () {
  if (typeof Chart === "undefined") return;
  const colours = { completed: "#146c43", in_progress: "#0b5c80", stalled: "#b35900" };
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
        scales: { x: { stacked: true, beginAtZero: true, ticks: { precision: 0 } }, y: { stacked: true } },
      },
    });
  });
})();
