/* The explainer's page behaviour, on top of Material for MkDocs (previews: see previews.js).
 *
 * 1. Side notes: each paragraph that cites a source gets a copy of the source note beside it,
 *    only where there is room for them (wide screens); CSS hides them in print; the
 *    numbered notes at the end of the page stay the accessible version, so side notes are
 *    hidden from screen readers and keep their links out of the tab order.
 * 2. The list of notes, folded on narrow screens ("All N notes"): open on wide screens; a link to a
 *    note opens it and shows the note.
 * 3. A link followed within a page (a chart point's row, a Timeline entry, a note) shows its target,
 *    as :target, even when Material's instant navigation replaces the page after it, and a reader who
 *    scrolled on before it came stays where they are (see below).
 * 4. Before printing, the site's own links are marked (`explainer-in-site`): Material's instant
 *    navigation makes every href absolute, and the print stylesheet prints the address of links
 *    that leave the site, which it tells apart by the href alone.
 *
 * (Notes cited side by side read "1,2", not "12": the build marks them, explainer.sources.annotations;
 * marking them here restyled the page at load.)
 *
 * 1 and 2 are redone on every page load through Material's `document$` observable, so they survive
 * instant navigation.
 */
(() => {
  "use strict";

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

  /* Side notes show only on wide screens (explainer.css): they are built only there, when the */
  /* page loads wide or the window grows wide, so phones don't pay for copies they never show. */
  const WIDE = window.matchMedia("screen and (min-width: 100em)");

  function addSidenotesIfWide() {
    const article = document.querySelector("article.md-content__inner");
    if (WIDE.matches && article && !article.querySelector(".sidenote")) addSidenotes(article);
  }

  /* --- the list of notes, folded on narrow screens ("All N notes") --- */

  /* On wide screens CSS shows the list without the fold; it is opened too, so that screen readers */
  /* and Material's own handling of disclosures treat it as open. */
  const NOTES_SHOWN = window.matchMedia("screen and (min-width: 60em)");

  function openNotesIfWide() {
    if (!NOTES_SHOWN.matches) return;
    for (const list of document.querySelectorAll("details.footnote__list")) list.open = true;
  }

  /* A link to a note opens the list and shows that note. Material opens a closed disclosure that */
  /* holds the target but scrolls to the disclosure, the top of the list: the note is shown after it. */
  function showNote(target) {
    const list = target instanceof Element ? target.closest("details.footnote__list") : null;
    if (!list) return;
    list.open = true;
    window.requestAnimationFrame(() => target.scrollIntoView());
  }

  const showAddressedNote = () => showNote(document.getElementById(decodeURIComponent(location.hash.slice(1))));

  /* --- a link within the page: its target shown once Material has replaced the page --- */

  /* The first time a reader follows a link within a page (a chart point's "Go to its row", a Timeline */
  /* mark, a note), Material's instant navigation fetches the page again and replaces its content (its */
  /* location$ has no earlier address to compare the path with). It then shows the target again with */
  /* a fragment navigation, unless the scroll position has by then been saved in the history entry */
  /* (Material saves it 100 ms after a scroll): then it restores that position, the new target is not */
  /* :target, and a fold around it is opened and shown from its top, the target below the screen. */
  /* So once the page is replaced, the link is followed once more, as Material would have; not if the */
  /* reader has moved on since: scrolled (by any means: a wheel, a finger, the scrollbar, find in page, a */
  /* screen reader), pressed a key, gone back or forward. A scroll within SETTLE_MS of the click is the */
  /* link's own (the jump, Material opening a fold around the target); a busier page may take longer, and */
  /* then the link is not followed again, as before this script: it never moves a reader who moved. */
  const SETTLE_MS = 400;
  let followed = null; // the address of the link within this page the reader followed last
  let followedAt = 0; // when (performance.now())

  const samePage = (url) => url.origin + url.pathname + url.search === location.origin + location.pathname + location.search;

  function addressOf(link) {
    try {
      return new URL(link instanceof SVGElement ? link.href.baseVal : link.href, location.href);
    } catch {
      return null;
    }
  }

  document.addEventListener("click", (event) => {
    const link = event.target instanceof Element ? event.target.closest("a[href], a[*|href]") : null;
    if (!link || event.defaultPrevented) return; // not a link, or a preview took the tap
    const elsewhere = link.hasAttribute("target") || link.hasAttribute("download"); // another tab, a file
    const modified = event.button || event.ctrlKey || event.metaKey || event.shiftKey || event.altKey;
    const url = elsewhere || modified ? null : addressOf(link);
    followed = url && url.hash && samePage(url) ? url : null;
    followedAt = performance.now();
  }, true);

  // Not after the reader has moved on: scrolled, pressed a key, gone back or forward in the history.
  for (const type of ["wheel", "touchmove", "keydown"]) {
    document.addEventListener(type, () => { followed = null; }, { capture: true, passive: true });
  }
  document.addEventListener("scroll", () => {
    if (followed && performance.now() - followedAt > SETTLE_MS) followed = null;
  }, { capture: true, passive: true });
  window.addEventListener("popstate", () => {
    if (followed && followed.href !== location.href) followed = null;
  });

  /* Material saves the scroll position in the history entry 100 ms after a scroll, and restores it when */
  /* it replaces the page; its anchor tracking (navigation.tracking) then replaces the entry's state with */
  /* {} 250 ms after the scroll, erasing that position: a page that comes later (the fetch above, on a */
  /* slow network or a busy phone) put a reader who had scrolled on back at its top. The position saved */
  /* is kept when a state without one replaces it (null, which showFollowed uses for "none", is left as is). */
  const replaceState = history.replaceState.bind(history);
  history.replaceState = (state, unused, url) => {
    const saved = history.state;
    const keep = state && typeof state === "object" && !("y" in state) && saved && typeof saved.y === "number";
    replaceState(keep ? { ...state, x: saved.x, y: saved.y } : state, unused, url);
  };

  function showFollowed() {
    const url = followed;
    followed = null;
    if (!url || !samePage(url)) return;
    const target = document.getElementById(decodeURIComponent(url.hash.slice(1)));
    if (!target || target.matches(":target")) return; // Material has shown it
    // The address followed (Material's anchor tracking may have changed it since), no saved position.
    history.replaceState(null, "", url.href);
    const link = document.createElement("a"); // a fragment navigation, as Material makes one
    link.href = url.hash;
    link.addEventListener("click", (event) => event.stopPropagation());
    link.click(); // a link in no document: the click listener above never sees it
  }

  function onPage() {
    if (document.querySelector("article.md-content__inner")) {
      addSidenotesIfWide();
      openNotesIfWide();
      // A note the address names is shown again once the side notes are in: Material may have shown it
      // before they moved it (the scripts start after the first paint, and on a return from another page).
      if (location.hash) showAddressedNote();
    }
    showFollowed(); // last: side notes and an opened list of notes may move the target
  }

  /* --- printed addresses --- */

  /* Done when the reader prints, not on load: nothing to pay for on every page. */
  function markLinksInSite() {
    for (const link of document.querySelectorAll(".md-typeset a[href^='http']")) {
      link.classList.toggle("explainer-in-site", link.origin === window.location.origin);
    }
  }

  window.addEventListener("beforeprint", markLinksInSite);
  NOTES_SHOWN.addEventListener("change", openNotesIfWide);
  if (typeof target$ !== "undefined") {
    target$.subscribe(showNote); // Material's: the element a link or the address points to, on every page
  } else {
    window.addEventListener("hashchange", showAddressedNote);
    document.addEventListener("DOMContentLoaded", showAddressedNote);
  }
  WIDE.addEventListener("change", addSidenotesIfWide);
  if (typeof document$ !== "undefined") {
    document$.subscribe(onPage);
  } else {
    document.addEventListener("DOMContentLoaded", onPage);
  }
})();
