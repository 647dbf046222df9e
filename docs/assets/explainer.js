/* The explainer's page behaviour, on top of Material for MkDocs.
 *
 * 1. Escape dismisses the open preview (source notes, glossary terms, corrections), as WCAG 1.4.13
 *    asks of content shown on hover or focus; Material's tooltips have no such key.
 * 2. Side notes: each paragraph that cites a source gets a copy of the source note beside it.
 *    CSS shows them only where there is room (wide screens) and hides them in print; the
 *    numbered notes at the end of the page stay the accessible version, so side notes are
 *    hidden from screen readers and keep their links out of the tab order.
 *
 * 3. A comma between references that follow each other directly, so notes 1 and 2 don't read as 12.
 *
 * Listeners sit on the document, so they survive Material's instant navigation; side notes are
 * rebuilt on every page load through Material's `document$` observable.
 */
(() => {
  "use strict";

  const DISMISSED = "explainer-dismissed";
  const OPEN = "md-tooltip2--active";

  /* The preview of a link: Material links a dialog (source notes, corrections) by aria-controls */
  /* and a tooltip (glossary terms) by aria-describedby, once the preview first opens. */
  function previewOf(element) {
    const host = element instanceof Element ? element.closest("[aria-controls], [aria-describedby]") : null;
    const id = host && (host.getAttribute("aria-controls") || host.getAttribute("aria-describedby"));
    const preview = id ? document.getElementById(id) : null;
    return preview && preview.classList.contains("md-tooltip2") ? preview : null;
  }

  /* Material adds its "open" class one animation frame after it mounts a preview, so Escape also */
  /* dismisses the preview of the link under the pointer or with focus, which may be opening. */
  function dismissOpenPreviews(event) {
    if (event.key !== "Escape") return;
    const opening = [document.activeElement, ...document.querySelectorAll(":hover")].map(previewOf);
    for (const preview of [...document.querySelectorAll(`.${OPEN}`), ...opening]) {
      if (preview) preview.classList.add(DISMISSED);
    }
  }

  /* A dismissed preview shows again the next time it opens: once Material closes it (the pointer */
  /* or focus left its link), it is no longer dismissed. */
  function forgetDismissals(mutations) {
    for (const { target, oldValue } of mutations) {
      const wasOpen = (oldValue || "").split(/\s+/).includes(OPEN);
      if (wasOpen && !target.classList.contains(OPEN)) target.classList.remove(DISMISSED);
    }
  }

  /* The pointer can leave and re-enter a link faster than Material closes its preview. */
  function allowPreviewAgain(event) {
    const preview = previewOf(event.target);
    if (preview && previewOf(event.relatedTarget) !== preview) preview.classList.remove(DISMISSED);
  }

  document.addEventListener("keydown", dismissOpenPreviews);
  document.addEventListener("mouseover", allowPreviewAgain);
  new MutationObserver(forgetDismissals).observe(document.body, {
    attributes: true,
    attributeFilter: ["class"],
    attributeOldValue: true,
    subtree: true,
  });

  /* --- side notes --- */

  const SKIP = "table, .admonition, details, .footnote, .md-tooltip2, .sidenote, h1, h2, h3, h4, h5, h6";

  function sourceNoteFor(ref) {
    const id = decodeURIComponent(ref.hash.slice(1));
    const item = id.startsWith("fn:") ? document.getElementById(id) : null;
    return item && item.closest(".footnote") ? item : null;
  }

  /* The note's own content, without the links back to the text. */
  function fullNote(item) {
    const content = document.createDocumentFragment();
    for (const block of item.children) content.append(...block.cloneNode(true).childNodes);
    for (const back of content.querySelectorAll(".footnote-backref, .source-note__details")) back.remove();
    return content;
  }

  /* A source cited again: publisher and date only ("CNBC, 27 March 2025"), to keep the margin short. */
  function shortNote(item) {
    const note = item.querySelector(".source-note");
    if (!note || !note.querySelector("cite")) return fullNote(item);
    const copy = note.cloneNode(true);
    for (const part of copy.querySelectorAll("cite, .source-note__details")) part.remove();
    return document.createTextNode(copy.textContent.replace(/^[\s,]+|[\s.]+$/g, ""));
  }

  function sidenote(ref, item, repeat) {
    const note = document.createElement("span");
    note.className = repeat ? "sidenote sidenote--repeat" : "sidenote";
    note.setAttribute("aria-hidden", "true");
    const number = document.createElement("span");
    number.className = "sidenote__number";
    number.textContent = ref.textContent.trim();
    note.append(number, repeat ? shortNote(item) : fullNote(item));
    for (const link of note.querySelectorAll("a, [tabindex]")) link.setAttribute("tabindex", "-1");
    for (const tagged of note.querySelectorAll("[id]")) tagged.removeAttribute("id");
    return note;
  }

  /* One side note per source per paragraph, right after its first reference there; the page's */
  /* first note for a source is given in full, later ones in short. */
  function addSidenotes(root) {
    const shownOnPage = new Set();
    const shownInBlock = new Map();
    for (const ref of root.querySelectorAll("a.footnote-ref")) {
      const block = ref.closest("p, li");
      const item = sourceNoteFor(ref);
      if (!item || !block || block.closest(SKIP)) continue;
      const shown = shownInBlock.get(block) || new Set();
      shownInBlock.set(block, shown);
      if (shown.has(item.id)) continue;
      shown.add(item.id);
      (ref.closest("sup") || ref).after(sidenote(ref, item, shownOnPage.has(item.id)));
      shownOnPage.add(item.id);
    }
  }

  /* --- adjacent references: "¹²" reads as twelve, so a comma goes between them ("¹,²") --- */

  const isReference = (node) => node instanceof Element && node.matches("sup") && node.querySelector(".footnote-ref");

  function separateAdjacentReferences(root) {
    for (const sup of root.querySelectorAll("sup")) {
      if (isReference(sup) && isReference(sup.previousSibling)) sup.classList.add("footnote-ref--follows");
    }
  }

  function onPage() {
    const article = document.querySelector("article.md-content__inner");
    if (!article || article.querySelector(".sidenote")) return;
    separateAdjacentReferences(article);
    addSidenotes(article);
  }

  if (typeof document$ !== "undefined") {
    document$.subscribe(onPage);
  } else {
    document.addEventListener("DOMContentLoaded", onPage);
  }
})();
