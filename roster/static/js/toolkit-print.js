// The certificate's "Print or save as PDF" button: the browser's print dialog offers both.
document.querySelectorAll("[data-toolkit-print]").forEach((button) => {
  button.addEventListener("click", () => window.print());
});
