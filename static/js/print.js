/* Tramitit Salud: the "Imprimir" button of the checklists.
 * The button ships hidden (it does nothing without JavaScript); this script shows it and
 * opens the browser's print dialog. No inline script: the page's CSP can forbid it. */
(function () {
  "use strict";
  if (typeof window.print !== "function") {
    return;
  }
  var buttons = document.querySelectorAll("[data-print]");
  Array.prototype.forEach.call(buttons, function (button) {
    button.hidden = false;
    button.addEventListener("click", function () {
      window.print();
    });
  });
})();
