/* Glossary mentions on touch screens: the first tap shows the definition, a second tap follows
   the link to the glossary entry.

   Material's tooltips (feature content.tooltips) appear while an element with a title is hovered
   or focused. A tap on a link would navigate at once, so the first tap on a mention is held back
   and the mention is focused instead, which opens its tooltip; tapping it again follows the link,
   tapping elsewhere closes it. Mouse and keyboard are left alone: hover and Tab already work.

   One delegated listener on the document survives Material's instant navigation; `document$`
   (Material's page-load observable) resets the state whenever a new page is swapped in. */
(function () {
  "use strict";

  let lastInput = "mouse"; // how the reader last interacted: "touch", "pen", "mouse" or "keyboard"
  let previewed = null; // the mention whose definition the last tap opened

  document.addEventListener("pointerdown", (event) => { lastInput = event.pointerType; }, true);
  document.addEventListener("keydown", () => { lastInput = "keyboard"; }, true);

  // Capture phase on the document: runs before Material's instant-navigation click handler.
  document.addEventListener("click", (event) => {
    const mention = event.target instanceof Element ? event.target.closest("a.glossary-term") : null;
    if (mention === null || lastInput !== "touch") {
      previewed = null;
      return;
    }
    if (mention === previewed) {
      previewed = null; // second tap: let the link take the reader to the entry
      return;
    }
    event.preventDefault();
    event.stopPropagation();
    previewed = mention;
    mention.focus();
  }, true);

  if (typeof document$ !== "undefined") {
    document$.subscribe(() => { previewed = null; });
  }
})();
