// Mends the admin's markup (Django's, jQuery UI's, modeltranslation's) where axe (WCAG
// 2.2 A/AA) finds faults that CSS cannot reach. Loaded with defer, so each listener below
// is queued after the one of the script whose work it mends.
"use strict";

// A tabular inline's delete checkboxes are named only by their column's heading, which
// a label does not see: give each the heading's words.
for (const box of document.querySelectorAll(".tabular td.delete input[type=checkbox]")) {
  const cell = box.closest("td");
  const heading = cell.closest("table").tHead.rows[0].cells[cell.cellIndex];
  if (!box.labels.length && heading) {
    box.setAttribute("aria-label", heading.textContent.trim());
  }
}

// SelectFilter2 (on "load") names its search icon with aria-label on a bare span, which
// ARIA does not allow; as an image the same words name it and the box it labels.
window.addEventListener("load", () => {
  for (const icon of document.querySelectorAll("span.search-label-icon[aria-label]")) {
    icon.setAttribute("role", "img");
  }
});

// modeltranslation builds its tabs when jQuery is ready, which may come after "load".
window.django?.jQuery?.(($) => {
  // jQuery UI puts a link inside each role="tab", a control inside a control (its issue
  // #2171). The tab takes the focus and the keys, and a click finds its panel through
  // aria-controls, so the link can lose its href and, with it, its focusability; only
  // the check for a remote tab reads the href, and a link without one is a local tab.
  // (tabs("refresh") would drop such tabs; modeltranslation never calls it.)
  const tabs = $.ui?.tabs?.prototype;
  if (tabs) {
    const isLocal = tabs._isLocal;
    tabs._isLocal = function (anchor) {
      return !anchor.hasAttribute("href") || isLocal.call(this, anchor);
    };
  }
  for (const link of document.querySelectorAll('[role="tab"] a.ui-tabs-anchor[href]')) {
    link.removeAttribute("href");
  }
  // The switch that turns every field to one language has no label at all.
  const languages = document.getElementById("modeltranslation-main-switch");
  if (languages && !languages.labels.length) {
    languages.setAttribute("aria-label", window.gettext("Idioma de todos los campos"));
  }
});
