/* Previews that cost nothing until a reader asks for one: glossary definitions, event dates and
 * other titles (tooltips), source notes and corrections (previews of the note).
 *
 * Material's tooltips (features content.tooltips and content.footnote.tooltips) mount a component
 * on every element with a title and every footnote reference when a page loads: on a story page
 * that is over a hundred components, which doubled the page's Total Blocking Time on a phone
 * (AUDIT.md), and Material has no way to mount one later. So those features are off and this
 * script does the same job lazily: nothing runs at load, a preview is built the first time its
 * mark is hovered, focused or tapped. It uses Material's own markup, classes and positioning
 * variables (.md-tooltip2, --md-tooltip-host-x, ...), so previews look and move as Material's do,
 * in both colour schemes; explainer.css sets their text at body size.
 *
 * 1. Hover or focus a mark: a tooltip (role=tooltip) shows its title, which is moved off the mark
 *    while shown so the browser's own tooltip doesn't double it (the title stays the mark's
 *    accessible description the rest of the time); a source note or correction mark shows a copy
 *    of its note (role=dialog) that the pointer can move onto. Either goes just below the mark's
 *    line, or just above it where there is no room below: never over the line being read.
 * 2. Escape dismisses the open previews (WCAG 1.4.13); a dismissed preview shows again the next
 *    time its mark is reached.
 * 3. Touch screens: the first tap on a glossary mention shows its definition, a second tap follows
 *    the link to the glossary entry; tapping elsewhere closes it.
 * 4. Every mark's target is at least 24 x 24 px (WCAG 2.5.8): explainer.css widens the targets of
 *    marks in the text without moving a letter; the marks of the Timeline and the charts get
 *    invisible hit areas the first time a pointer enters their picture (targetsFor below).
 *
 * Listeners sit on the document, so they survive Material's instant navigation; `document$`
 * (Material's page-load observable) closes whatever was open on the page that was left.
 */
(() => {
  "use strict";

  const CONTENT = "[data-md-component=content]";
  const OPEN = "md-tooltip2--active";
  const DISMISSED = "explainer-dismissed";
  const LINGER_MS = 250; // time to move the pointer from a mark onto its note, and to fade out
  const GAP = 6; // px between a preview and the line it belongs to
  const TARGET = 26; // px: the least width and height of a mark's target (WCAG 2.5.8 asks for 24)
  const PICTURE_MARKS = "a.timeline-mark, a.chart-mark, a.chart-event";
  // An SVG mark's symbol: a Timeline dot or bar, a chart point's or event's drawn hit area.
  const SYMBOL = ":scope > circle:not(.chart-mark__ring), :scope > rect:not(.chart-mark__ring, .explainer-hit)";
  const BLOCK = "p, li, dd, dt, td, th, figcaption, blockquote, h1, h2, h3, h4, h5, h6, div";
  const SVG_NS = "http://www.w3.org/2000/svg";

  let sequence = 0;
  const previews = new Map(); // mark -> its preview's state, while the preview exists

  /* --- which elements are marks, and what they preview --- */

  function noteOf(mark) {
    if (!mark.matches("a.footnote-ref")) return null;
    const id = decodeURIComponent(new URL(mark.href).hash.slice(1));
    return id ? document.getElementById(id) : null;
  }

  /* A tooltip's text: the mark's title, or its data-tooltip (the Timeline's SVG marks, which have */
  /* no title attribute: SVG names them with aria-label). */
  function tooltipText(mark) {
    return mark.getAttribute("title") || mark.getAttribute("data-tooltip");
  }

  /* The mark `node` is in: one with an open preview, a source-note reference or an element with */
  /* a tooltip, inside the page's content (Material's own header and navigation keep their titles). */
  function markOf(node) {
    for (let element = node instanceof Element ? node : null; element; element = element.parentElement) {
      if (previews.has(element)) return element;
      if (element.matches("a.footnote-ref, [title], [data-tooltip]")) {
        return element.closest(CONTENT) && (noteOf(element) || tooltipText(element)) ? element : null;
      }
    }
    return null;
  }

  /* What a source note or correction mark's preview is called: "Source note 4", "Correction C1". */
  function noteName(mark) {
    return `${mark.closest(".correction-ref") ? "Correction" : "Source note"} ${mark.textContent.trim()}`;
  }

  /* A copy of a note for a preview: without its links back to the text, and without ids (no id twice). */
  function copyOf(note) {
    const copy = document.createDocumentFragment();
    for (const child of note.children) copy.append(child.cloneNode(true));
    for (const back of copy.querySelectorAll(".footnote-backref, .correction__back")) back.remove();
    for (const tagged of copy.querySelectorAll("[id]")) tagged.removeAttribute("id");
    return copy;
  }

  function stateOf(mark) {
    let state = previews.get(mark);
    if (!state) {
      state = { hover: false, focus: false, overNode: false, node: null, title: null, timer: 0 };
      previews.set(mark, state);
    }
    return state;
  }

  /* --- the line being read: where a mark's line lies on the screen --- */

  /* The mark's boxes on the screen: an SVG mark's symbol (a Timeline dot, a chart point's area), */
  /* or each line's piece of a mark in the text. */
  function boxesOf(mark) {
    if (mark instanceof SVGElement) {
      const symbol = mark.querySelector(SYMBOL) || mark;
      return [symbol.getBoundingClientRect()];
    }
    return [...mark.getClientRects()];
  }

  /* The top of the first line a mark is on and the bottom of its last one (viewport px). A mark's */
  /* box lies within its line, so its line reaches no further than one line-height from its other */
  /* edge: a raised source number's line goes on below it, a dotted term's just past its box. */
  function lineOf(mark) {
    const boxes = boxesOf(mark);
    if (!boxes.length) return null;
    const first = boxes[0];
    const last = boxes[boxes.length - 1];
    let height = 0;
    if (!(mark instanceof SVGElement)) {
      const style = getComputedStyle(mark.parentElement.closest(BLOCK) || mark.parentElement);
      height = parseFloat(style.lineHeight) || 1.2 * parseFloat(style.fontSize);
    }
    return {
      first,
      last,
      top: Math.min(first.top, first.bottom - height),
      bottom: Math.max(last.bottom, last.top + height),
    };
  }

  /* The lowest edge of what stays at the top of the screen (Material's header), in viewport px. */
  function screenTop() {
    const header = document.querySelector(".md-header");
    return header ? Math.max(0, header.getBoundingClientRect().bottom) : 0;
  }

  /* A length from a custom property ("0.3rem", "6px") in px. */
  function pixels(length) {
    const value = parseFloat(length) || 0;
    return /rem\s*$/.test(length) ? value * parseFloat(getComputedStyle(document.documentElement).fontSize) : value;
  }

  /* --- building and placing a hover or focus preview (Material's tooltip2 markup) --- */

  function build(mark, state) {
    const note = noteOf(mark);
    const node = document.createElement("div");
    const inner = document.createElement("div");
    node.className = "md-tooltip2";
    node.id = `explainer-preview-${sequence++}`;
    inner.className = "md-tooltip2__inner md-typeset";
    if (note) {
      node.setAttribute("role", "dialog");
      node.setAttribute("aria-label", noteName(mark));
      inner.append(copyOf(note));
    } else {
      node.setAttribute("role", "tooltip");
      state.title = mark.getAttribute("title");
      inner.textContent = tooltipText(mark);
    }
    node.append(inner);
    node.addEventListener("mouseenter", () => { state.overNode = true; update(mark); });
    node.addEventListener("mouseleave", () => later(mark, state, () => { state.overNode = false; }));
    document.body.append(node);
    return node;
  }

  /* Below the mark's line, with its tail pointing at the mark; above the line where it would not */
  /* fit below and does above. Material's stylesheet turns these variables into a position. */
  function place(mark, node) {
    const line = lineOf(mark);
    if (!line) return;
    const inner = node.firstElementChild;
    if (node.getAttribute("role") === "tooltip") {
      node.style.setProperty("--md-tooltip-width", `${inner.offsetWidth}px`);
      node.style.setProperty("--md-tooltip-tail", "0px");
    }
    const tail = pixels(getComputedStyle(node).getPropertyValue("--md-tooltip-tail"));
    const height = inner.offsetHeight;
    const below = line.bottom + GAP + tail;
    const above = line.top - GAP - tail - height;
    const fitsBelow = below + height <= window.innerHeight;
    const fitsAbove = above >= screenTop();
    const downward = fitsBelow || (!fitsAbove && window.innerHeight - line.bottom >= line.top - screenTop());
    const host = downward ? line.last : line.first;
    node.style.setProperty("--md-tooltip-host-x", `${host.left + window.scrollX}px`);
    node.style.setProperty("--md-tooltip-host-y", `${host.top + window.scrollY}px`);
    node.style.setProperty("--md-tooltip-x", `${host.width / 2}px`);
    node.style.setProperty("--md-tooltip-y", `${(downward ? below : above) - host.top}px`);
    node.classList.toggle("md-tooltip2--top", !downward);
    node.classList.toggle("md-tooltip2--bottom", downward);
  }

  /* --- showing and hiding --- */

  function show(mark, state) {
    clearTimeout(state.timer);
    if (!state.node) {
      state.node = build(mark, state);
      place(mark, state.node);
    }
    const { node } = state;
    if (node.getAttribute("role") === "tooltip") {
      mark.removeAttribute("title");
      // A tooltip that repeats the mark's name (Timeline marks) would be read twice.
      if (node.textContent !== mark.getAttribute("aria-label")) mark.setAttribute("aria-describedby", node.id);
    } else {
      mark.setAttribute("aria-controls", node.id);
      mark.setAttribute("aria-haspopup", "dialog");
    }
    // Open a frame after mounting, so the preview fades in as Material's do.
    requestAnimationFrame(() => { if (state.node === node && wanted(state)) node.classList.add(OPEN); });
  }

  function hide(mark, state) {
    if (!state.node) return;
    state.node.classList.remove(OPEN);
    if (state.title !== null) mark.setAttribute("title", state.title);
    mark.removeAttribute("aria-describedby");
    mark.removeAttribute("aria-controls");
    mark.removeAttribute("aria-haspopup");
    clearTimeout(state.timer);
    state.timer = setTimeout(() => remove(mark, state), LINGER_MS);
  }

  function remove(mark, state) {
    clearTimeout(state.timer);
    if (state.node) state.node.remove();
    if (state.title !== null) mark.setAttribute("title", state.title);
    previews.delete(mark);
  }

  const wanted = (state) => state.hover || state.focus || state.overNode;

  function update(mark) {
    const state = stateOf(mark);
    if (wanted(state)) show(mark, state);
    else hide(mark, state);
  }

  /* A note stays a moment after the pointer leaves, so it can move onto the note; a tooltip goes at once. */
  function later(mark, state, change) {
    const run = () => { change(); update(mark); };
    if (state.node && state.node.getAttribute("role") === "dialog") {
      clearTimeout(state.timer);
      state.timer = setTimeout(run, LINGER_MS);
    } else {
      run();
    }
  }

  /* Reaching a mark again (pointer from outside it, or focus) shows its preview even if dismissed. */
  function undismiss(state) {
    if (state.node) state.node.classList.remove(DISMISSED);
  }

  /* --- the reader's input --- */

  document.addEventListener("mouseover", (event) => {
    const mark = markOf(event.target);
    if (!mark || mark.contains(event.relatedTarget)) return;
    const state = stateOf(mark);
    undismiss(state);
    state.hover = true;
    update(mark);
  });

  document.addEventListener("mouseout", (event) => {
    const mark = markOf(event.target);
    if (!mark || mark.contains(event.relatedTarget) || !previews.has(mark)) return;
    const state = previews.get(mark);
    later(mark, state, () => { state.hover = false; });
  });

  document.addEventListener("focusin", (event) => {
    const mark = markOf(event.target);
    if (!mark) return;
    const state = stateOf(mark);
    undismiss(state);
    state.focus = true;
    update(mark);
  });

  document.addEventListener("focusout", (event) => {
    const mark = markOf(event.target);
    if (!mark || mark.contains(event.relatedTarget) || !previews.has(mark)) return;
    previews.get(mark).focus = false;
    update(mark);
  });

  /* Escape hides every open preview, including one that is still fading in. */
  document.addEventListener("keydown", (event) => {
    if (event.key !== "Escape") return;
    for (const state of previews.values()) {
      if (state.node && wanted(state)) state.node.classList.add(DISMISSED);
    }
  });

  /* Keep open previews at their marks when something scrolls or the window resizes. */
  function replaceOpen() {
    for (const [mark, state] of previews) if (state.node) place(mark, state.node);
  }
  document.addEventListener("scroll", replaceOpen, { capture: true, passive: true });
  window.addEventListener("resize", replaceOpen, { passive: true });

  /* --- targets of the Timeline's and the charts' marks: at least TARGET px square --- */

  /* When a pointer (a finger too) first enters a Timeline picture or a chart, each of its marks */
  /* gets an invisible hit area around its symbol, TARGET px square at the picture's present scale */
  /* (again if the scale has changed since). Charts draw one (.chart-mark__hit) that is made larger; */
  /* the Timeline's marks get one, under their symbol. Nothing at load: most readers never point. */
  function targetsFor(event) {
    const svg = event.target instanceof Element ? event.target.closest("svg.timeline-svg, svg.chart-svg") : null;
    if (!svg || svg.contains(event.relatedTarget)) return;
    const matrix = svg.getScreenCTM();
    const scale = matrix ? Math.hypot(matrix.a, matrix.b) : 0;
    if (!scale || svg.dataset.explainerScale === String(scale)) return;
    svg.dataset.explainerScale = String(scale);
    const least = TARGET / scale;
    for (const mark of svg.querySelectorAll(PICTURE_MARKS)) {
      let hit = mark.querySelector(":scope > .chart-mark__hit, :scope > .explainer-hit");
      if (!hit) {
        hit = document.createElementNS(SVG_NS, "rect");
        hit.setAttribute("class", "explainer-hit");
        mark.prepend(hit);
      }
      if (!hit.dataset.box) {
        const shape = hit.matches(".explainer-hit") ? mark.querySelector(SYMBOL) : hit;
        if (!shape) continue;
        const { x, y, width, height } = shape.getBBox();
        hit.dataset.box = [x, y, width, height].join(" ");
      }
      const [x, y, width, height] = hit.dataset.box.split(" ").map(Number);
      const wide = Math.max(width, least);
      const tall = Math.max(height, least);
      hit.setAttribute("x", String(x + width / 2 - wide / 2));
      hit.setAttribute("y", String(y + height / 2 - tall / 2));
      hit.setAttribute("width", String(wide));
      hit.setAttribute("height", String(tall));
    }
  }
  document.addEventListener("pointerover", targetsFor);

  /* --- touch: the first tap on a glossary mention previews it, a second tap follows it --- */

  let lastInput = "mouse"; // how the reader last interacted: "touch", "pen", "mouse" or "keyboard"
  let tapped = null; // the mention whose definition the last tap opened

  document.addEventListener("pointerdown", (event) => { lastInput = event.pointerType; }, true);
  document.addEventListener("keydown", () => { lastInput = "keyboard"; }, true);

  // Capture phase on the document: runs before Material's instant-navigation click handler.
  document.addEventListener("click", (event) => {
    const mention = event.target instanceof Element ? event.target.closest("a.glossary-term") : null;
    if (mention === null || lastInput !== "touch") {
      tapped = null;
      return;
    }
    if (mention === tapped) {
      tapped = null; // second tap: let the link take the reader to the entry
      return;
    }
    event.preventDefault();
    event.stopPropagation();
    tapped = mention;
    mention.focus(); // focus opens the definition (focusin above)
  }, true);

  /* --- instant navigation: a new page, nothing open --- */

  if (typeof document$ !== "undefined") {
    document$.subscribe(() => {
      tapped = null;
      for (const [mark, state] of [...previews]) remove(mark, state);
    });
  }
})();
