// The course page: the explorer full width, lesson by lesson (the explorer keeps the lesson
// in the URL hash, so a reload or the back button returns to it); a theme switch.
await import("/dist/rnn-explorer.js");
const explorer = document.querySelector("rnn-explorer");
const sel = document.getElementById("theme");
sel.addEventListener("change", () => {
  document.documentElement.dataset.theme = sel.value;
  explorer.setAttribute("theme", sel.value);
});
document.body.dataset.ready = "true";
