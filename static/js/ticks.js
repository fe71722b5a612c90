/* Tramitit Salud: the checklist remembers its ticked boxes on this device.
 * The list of papers (``[data-ticks]``) carries its case's address; the ids of the ticked
 * boxes are kept in localStorage under that address, so reloading or coming back to the
 * same list shows them ticked again. Without JavaScript (or storage) the boxes still tick
 * and print; they are just not remembered. No inline script: the page's CSP forbids it. */
(function () {
  "use strict";
  var list = document.querySelector("[data-ticks]");
  if (!list) {
    return;
  }
  var key = "tramitit:marcas:" + list.getAttribute("data-ticks");
  var storage;
  try {
    storage = window.localStorage;
    storage.getItem(key); // private modes may refuse storage: then do nothing
  } catch (error) {
    return;
  }
  var boxes = list.querySelectorAll("input[type=checkbox]");

  var saved = [];
  try {
    saved = JSON.parse(storage.getItem(key) || "[]");
  } catch (error) {
    saved = [];
  }
  Array.prototype.forEach.call(boxes, function (box) {
    if (saved.indexOf(box.id) !== -1) {
      box.checked = true;
    }
  });

  list.addEventListener("change", function (event) {
    if (event.target.type !== "checkbox") {
      return;
    }
    var ticked = [];
    Array.prototype.forEach.call(boxes, function (box) {
      if (box.checked) {
        ticked.push(box.id);
      }
    });
    try {
      if (ticked.length) {
        storage.setItem(key, JSON.stringify(ticked));
      } else {
        storage.removeItem(key);
      }
    } catch (error) {
      // Storage full or refused: the ticks stay on the page, unremembered.
    }
  });
})();
