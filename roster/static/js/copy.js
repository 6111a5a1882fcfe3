// Copy buttons: <button data-copy-target="input-id" data-copied-label="Copied">.
document.addEventListener("click", async (event) => {
  const button = event.target.closest("[data-copy-target]");
  if (!button) return;
  const input = document.getElementById(button.dataset.copyTarget);
  if (!input) return;
  input.select();
  let copied = false;
  try {
    await navigator.clipboard.writeText(input.value);
    copied = true;
  } catch {
    // Without clipboard access the text stays selected, ready for Ctrl+C.
  }
  const status = button.closest(".alert")?.querySelector("[data-copy-status]");
  if (copied && status) status.textContent = button.dataset.copiedLabel;
});
