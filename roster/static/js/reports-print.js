// "Print / save as PDF": the browser's print dialog offers both. Before printing, open the
// number tables and fit the charts to the paper; put things back afterwards.
(function () {
  let opened = [];
  function resizeCharts() {
    if (typeof Chart === "undefined") return;
    Object.values(Chart.instances || {}).forEach((chart) => chart.resize());
  }
  window.addEventListener("beforeprint", () => {
    opened = Array.from(document.querySelectorAll("details:not([open])"));
    opened.forEach((d) => d.setAttribute("open", ""));
    resizeCharts();
  });
  window.addEventListener("afterprint", () => {
    opened.forEach((d) => d.removeAttribute("open"));
    opened = [];
    resizeCharts();
  });
  document.querySelectorAll("[data-reports-print]").forEach((button) => {
    button.addEventListener("click", () => window.print());
  });
})();
