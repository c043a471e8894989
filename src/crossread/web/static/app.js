// crossread: the only script. Citations reveal their evidence; no inline script anywhere (CSP).
"use strict";
document.addEventListener("click", function (event) {
  var button = event.target.closest("button.cite");
  if (!button) return;
  var target = document.getElementById(button.dataset.target);
  if (!target) return;
  var open = target.hidden;
  target.hidden = !open;
  button.setAttribute("aria-expanded", open ? "true" : "false");
  button.classList.toggle("open", open);
});
