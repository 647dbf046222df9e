/* Previews that cost nothing until a reader asks for one: source notes and corrections (a copy of
 * the note), glossary definitions, event dates and other titles (tooltips), the Timeline's marks
 * and the charts' points.
 *
 * Material's tooltips (features content.tooltips and content.footnote.tooltips) mount a component
 * on every element with a title and every footnote reference when a page loads: on a story page
 * that is over a hundred components, which doubled the page's Total Blocking Time on a phone
 * (AUDIT.md), and Material has no way to mount one later. So those features are off and this
 * script does the same job lazily: nothing runs at load, a preview is built the first time its
 * mark is hovered, focused or tapped. Hover and focus previews use Material's own markup, classes
 * and positioning variables (.md-tooltip2, --md-tooltip-host-x, ...), so they look and move as
 * Material's do, in both colour schemes; explainer.css sets their text at body size.
 *
 * 1. Hover or focus a mark: a tooltip (role=tooltip) shows its title, which is moved off the mark
 *    while shown so the browser's own tooltip doesn't double it (the title stays the mark's
 *    accessible description the rest of the time); a source note or correction mark shows a copy
 *    of its note (role=dialog) that the pointer can move onto. Either goes just below the mark's
 *    line, or just above it where there is no room below: never over the line being read.
 *    Note marks side by side (source numbers, correction marks and single-source marks with nothing
 *    but spaces and commas between them: "text³,⁴", "claim①⁵") are one mark to the reader, a
 *    cluster: any of them shows one preview of all their notes in order, each under its name.
 *    Each mark stays its own link (its own tab stop and name).
 * 2. Escape dismisses the open previews (WCAG 1.4.13); a dismissed preview shows again the next
 *    time its mark is reached.
 * 3. Touch screens: a tap on a mark (a source number, a correction mark, a glossary mention, an
 *    event link, a single-source mark, a mark of the Timeline, a chart's point or event) opens a sheet at the bottom of
 *    the screen (at the top when the mark's line is low on the screen) with the mark's preview and
 *    a link to its full entry; nothing scrolls unless the reader follows that link. A tap on a
 *    cluster shows all its notes, and marks whose targets overlap where the finger lands (crowded
 *    Timeline marks) share one sheet. The sheet is a non-modal dialog, placed in the page right after the
 *    mark's paragraph (Tab goes on from it to what follows), that takes focus; its close button,
 *    Escape and a tap outside it close it and give focus back to the mark; focus moving out of it
 *    closes it too. Mouse, pen and keyboard keep the hover and focus previews.
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
  const NOTE_MARKS = "a.footnote-ref, a.one-report__mark"; // source numbers, correction marks, single-source marks
  const MARKS = `${NOTE_MARKS}, a.glossary-term, a.event-ref, ${PICTURE_MARKS}`;
  // An SVG mark's symbol: a Timeline dot or bar, a chart point's or event's drawn hit area.
  const SYMBOL = ":scope > circle:not(.chart-mark__ring), :scope > rect:not(.chart-mark__ring, .explainer-hit)";
  const BLOCK = "p, li, dd, dt, td, th, figcaption, blockquote, h1, h2, h3, h4, h5, h6, div";
  const SEPARATORS = /^[\s,]*$/; // all there may be between the note marks of a cluster
  const SVG_NS = "http://www.w3.org/2000/svg";
  const XLINK_NS = "http://www.w3.org/1999/xlink";

  let sequence = 0;
  const previews = new Map(); // mark -> its preview's state, while the preview exists

  /* --- which elements are marks, and what they preview --- */

  function hrefOf(mark) {
    return mark.getAttribute("href") || mark.getAttributeNS(XLINK_NS, "href") || "";
  }

  function noteOf(mark) {
    if (!mark.matches("a.footnote-ref")) return null;
    const id = decodeURIComponent(new URL(mark.href).hash.slice(1));
    return id ? document.getElementById(id) : null;
  }

  /* A tooltip's text: the mark's title (kept aside while its tooltip shows), or its data-tooltip */
  /* (the Timeline's SVG marks, which have no title attribute: SVG names them with aria-label). */
  function tooltipText(mark) {
    const state = previews.get(mark);
    return mark.getAttribute("title") || (state && state.title) || mark.getAttribute("data-tooltip");
  }

  /* The mark `node` is in: one with an open preview, a source-note reference or an element with */
  /* a tooltip, inside the page's content (Material's own header and navigation keep their titles). */
  function markOf(node) {
    for (let element = node instanceof Element ? node : null; element; element = element.parentElement) {
      if (previews.has(element)) return element;
      if (element.matches(".explainer-sheet")) return null; // the sheet's copies are not marks
      if (element.matches(`${NOTE_MARKS}, [title], [data-tooltip]`)) {
        const previewed = noteOf(element) || element.matches("a.one-report__mark") || tooltipText(element);
        return element.closest(CONTENT) && previewed ? element : null;
      }
    }
    return null;
  }

  /* What a note mark's preview is called: "Source note 4", a correction mark's own name ("Correction */
  /* C1", "Our reading R1": the story's kinds of correction name their marks), a single-source mark's */
  /* title ("One report: The Times, 2 January 2021; not confirmed elsewhere"). */
  function noteName(mark) {
    const words = mark.textContent.trim();
    if (mark.closest(".correction-ref")) return mark.getAttribute("aria-label") || `Correction ${words}`;
    if (mark.matches("a.one-report__mark")) return tooltipText(mark) || mark.getAttribute("aria-label") || words;
    return `Source note ${words}`;
  }

  /* --- clusters: note marks side by side ("text³,⁴", a single-source mark and a number) are one mark --- */

  const clusters = new WeakMap(); // note mark -> the marks of its cluster, in reading order

  /* Nothing between two marks but spaces and commas (side notes, explainer.js's copies, aside). */
  function adjacent(before, after) {
    const range = document.createRange();
    range.setStartAfter(before.closest("sup") || before);
    range.setEndBefore(after.closest("sup") || after);
    const between = range.cloneContents();
    for (const aside of between.querySelectorAll(".sidenote")) aside.remove();
    return SEPARATORS.test(between.textContent) && !between.querySelector("img, svg, a");
  }

  /* The marks of `mark`'s cluster (just `mark` if it stands alone or is no note mark), found the */
  /* first time one of them is reached, for its whole paragraph. */
  function clusterOf(mark) {
    if (!clusters.has(mark)) {
      const block = mark instanceof SVGElement || !mark.matches(NOTE_MARKS) ? null : mark.parentElement.closest(BLOCK);
      const marks = block ? [...block.querySelectorAll(NOTE_MARKS)].filter((m) => !m.closest(".sidenote")) : [mark];
      let cluster = [];
      marks.forEach((each, index) => {
        if (index && !adjacent(marks[index - 1], each)) cluster = [];
        cluster.push(each);
        clusters.set(each, cluster);
      });
      if (!clusters.has(mark)) clusters.set(mark, [mark]);
    }
    return clusters.get(mark);
  }

  const leadOf = (mark) => clusterOf(mark)[0]; // a cluster's preview belongs to its first mark
  const inCluster = (lead, node) => node instanceof Node && clusterOf(lead).some((mark) => mark.contains(node));

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
      state = { hover: false, focus: false, overNode: false, node: null, title: null, titles: [], timer: 0 };
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
    return clusterOf(mark).flatMap((each) => [...each.getClientRects()]); // a cluster's marks together
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
    const cluster = clusterOf(mark);
    const node = document.createElement("div");
    const inner = document.createElement("div");
    node.className = "md-tooltip2";
    node.id = `explainer-preview-${sequence++}`;
    inner.className = "md-tooltip2__inner md-typeset";
    if (cluster.length > 1) {
      // A cluster's notes in one preview, in order, each under its name (what a tap's sheet shows).
      node.setAttribute("role", "dialog");
      const labels = [];
      cluster.map(describe).forEach((item, index) => {
        const section = document.createElement("section");
        const heading = paragraph(item.heading);
        section.className = "explainer-preview__item";
        heading.className = "explainer-preview__heading";
        heading.id = `${node.id}-${index}`;
        labels.push(heading.id);
        section.append(heading, ...item.body);
        inner.append(section);
      });
      node.setAttribute("aria-labelledby", labels.join(" "));
      // Titles moved off while shown, so the browser's own tooltip doesn't double the preview.
      state.titles = cluster.filter((each) => each.hasAttribute("title")).map((each) => [each, each.getAttribute("title")]);
    } else if (note) {
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
      for (const each of clusterOf(mark)) {
        each.removeAttribute("title");
        each.setAttribute("aria-controls", node.id);
        each.setAttribute("aria-haspopup", "dialog");
      }
    }
    // Open a frame after mounting, so the preview fades in as Material's do.
    requestAnimationFrame(() => { if (state.node === node && wanted(state)) node.classList.add(OPEN); });
  }

  function hide(mark, state) {
    if (!state.node) return;
    state.node.classList.remove(OPEN);
    giveTitlesBack(mark, state);
    for (const each of clusterOf(mark)) {
      each.removeAttribute("aria-describedby");
      each.removeAttribute("aria-controls");
      each.removeAttribute("aria-haspopup");
    }
    clearTimeout(state.timer);
    state.timer = setTimeout(() => remove(mark, state), LINGER_MS);
  }

  function remove(mark, state) {
    clearTimeout(state.timer);
    if (state.node) state.node.remove();
    giveTitlesBack(mark, state);
    previews.delete(mark);
  }

  function giveTitlesBack(mark, state) {
    if (state.title !== null) mark.setAttribute("title", state.title);
    for (const [each, title] of state.titles) each.setAttribute("title", title);
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

  /* The mark whose preview `node` belongs to: a cluster's first mark for any of its marks. */
  function ownerOf(node) {
    const mark = markOf(node);
    return mark && leadOf(mark);
  }

  let lastInput = "mouse"; // how the reader last interacted: "touch", "pen", "mouse" or "keyboard"
  let quietFocus = null; // a mark given focus back as a sheet closes: no hover preview for it

  document.addEventListener("pointerdown", (event) => { lastInput = event.pointerType; }, true);
  document.addEventListener("keydown", () => { lastInput = "keyboard"; }, true);

  // Pointer events, not mouse events: a tap also fires mouseover, and a tap opens a sheet instead.
  document.addEventListener("pointerover", (event) => {
    if (event.pointerType === "touch") return;
    const mark = ownerOf(event.target);
    if (!mark || inCluster(mark, event.relatedTarget)) return;
    const state = stateOf(mark);
    undismiss(state);
    state.hover = true;
    update(mark);
  });

  document.addEventListener("pointerout", (event) => {
    if (event.pointerType === "touch") return;
    const mark = ownerOf(event.target);
    if (!mark || inCluster(mark, event.relatedTarget) || !previews.has(mark)) return;
    const state = previews.get(mark);
    later(mark, state, () => { state.hover = false; });
  });

  // A tap gives its link focus too: the sheet is the preview then.
  document.addEventListener("focusin", (event) => {
    const reached = markOf(event.target);
    if (!reached || lastInput === "touch" || reached === quietFocus) return;
    const mark = leadOf(reached);
    const state = stateOf(mark);
    undismiss(state);
    state.focus = true;
    update(mark);
  });

  document.addEventListener("focusout", (event) => {
    const mark = ownerOf(event.target);
    if (!mark || inCluster(mark, event.relatedTarget) || !previews.has(mark)) return;
    previews.get(mark).focus = false;
    update(mark);
  });

  /* Escape closes the sheet, and hides every open preview, including one that is still fading in. */
  document.addEventListener("keydown", (event) => {
    if (event.key !== "Escape") return;
    if (sheet) closeSheet(true);
    for (const state of previews.values()) {
      if (state.node && wanted(state)) state.node.classList.add(DISMISSED);
    }
  });

  /* Keep open previews at their marks when something scrolls or the window resizes. */
  function replaceOpen() {
    for (const [mark, state] of previews) if (state.node) place(mark, state.node);
  }
  document.addEventListener("scroll", replaceOpen, { capture: true, passive: true });
  window.addEventListener("resize", () => {
    replaceOpen();
    if (sheet) placeSheet(sheet.node, sheet.marks);
  }, { passive: true });

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

  /* --- touch: a tap opens a sheet with the previews of the marks under the finger --- */

  let sheet = null; // the open sheet: { node, marks, opener }

  const inDocumentOrder = (a, b) => (a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1);

  /* Every mark whose target covers the point, in reading order. */
  function marksAt(x, y) {
    const found = [];
    for (const element of document.elementsFromPoint(x, y)) {
      const mark = element.closest(MARKS);
      if (mark && mark.closest(CONTENT) && !mark.closest(".explainer-sheet") && !found.includes(mark)) found.push(mark);
    }
    return found.sort(inDocumentOrder);
  }

  function paragraph(text) {
    const p = document.createElement("p");
    p.textContent = text;
    return p;
  }

  /* "24 October 2020: Jack Ma ..." -> a heading (the date) and a text (what happened). */
  function dated(label, go, href) {
    const at = label.indexOf(": ");
    if (at < 0) return { heading: label, body: [], go, href };
    return { heading: label.slice(0, at), body: [paragraph(label.slice(at + 2))], go, href };
  }

  /* What a mark's sheet says: a heading, the preview itself, and a link to the full entry. */
  function describe(mark) {
    const href = hrefOf(mark);
    const words = mark.textContent.trim();
    const note = noteOf(mark);
    if (note) {
      const name = noteName(mark); // "Correction C1", "Our reading R1": the link says the mark's kind
      const go = mark.closest(".correction-ref") ? `Go to ${name.charAt(0).toLowerCase()}${name.slice(1)}` : `Go to note ${words}`;
      return { heading: name, body: [copyOf(note)], go, href };
    }
    if (mark.matches("a.glossary-term")) {
      return { heading: words, body: [paragraph(tooltipText(mark) || "")], go: "Go to its Glossary entry", href };
    }
    if (mark.matches("a.one-report__mark")) {
      return { heading: noteName(mark), body: [], go: "Go to its report in Sources", href };
    }
    if (mark.matches("a.event-ref")) {
      return { heading: words, body: [paragraph(tooltipText(mark) || "")], go: "Go to its Timeline entry", href };
    }
    if (mark.matches("a.chart-mark")) {
      const lines = [...mark.querySelectorAll(".chart-tip text")].map((text) => text.textContent);
      if (!lines.length) return dated(mark.getAttribute("aria-label") || "", "Go to its row in the table", href);
      return { heading: lines[0], body: lines.slice(1).map(paragraph), go: "Go to its row in the table", href };
    }
    if (mark.matches("a.chart-event")) {
      const label = (mark.getAttribute("aria-label") || "").replace(/^Event, /, "");
      return dated(label, "Go to its Timeline entry", href);
    }
    if (mark.matches("a.timeline-mark")) {
      const label = tooltipText(mark) || mark.getAttribute("aria-label") || "";
      return dated(label, href.startsWith("#") ? "Go to its entry" : "Go to its Timeline entry", href);
    }
    return null;
  }

  function closeButton() {
    const button = document.createElement("button");
    button.type = "button";
    button.className = "explainer-sheet__close";
    button.setAttribute("aria-label", "Close preview");
    button.innerHTML = '<svg viewBox="0 0 24 24" width="24" height="24" aria-hidden="true" focusable="false">'
      + '<path d="M19 6.41 17.59 5 12 10.59 6.41 5 5 6.41 10.59 12 5 17.59 6.41 19 12 13.41 17.59 19 19 17.59 13.41 12z"/></svg>';
    button.addEventListener("click", () => closeSheet(true));
    return button;
  }

  function buildSheet(items) {
    const node = document.createElement("div");
    const body = document.createElement("div");
    const id = `explainer-sheet-${sequence++}`;
    node.className = "explainer-sheet";
    node.id = id;
    node.setAttribute("role", "dialog");
    node.tabIndex = -1;
    body.className = "explainer-sheet__body md-typeset";
    const labels = [];
    items.forEach((item, index) => {
      const section = document.createElement("section");
      const heading = document.createElement("p");
      const go = document.createElement("p");
      const link = document.createElement("a");
      section.className = "explainer-sheet__item";
      heading.className = "explainer-sheet__heading";
      heading.id = `${id}-${index}`;
      heading.textContent = item.heading;
      labels.push(heading.id);
      go.className = "explainer-sheet__go";
      link.href = item.href;
      link.textContent = item.go;
      go.append(link);
      section.append(heading, ...item.body, go);
      body.append(section);
    });
    node.setAttribute("aria-labelledby", labels.join(" "));
    node.append(closeButton(), body);
    // Following a link in the sheet closes it once the link has done its work (a removed link goes nowhere).
    node.addEventListener("click", (event) => {
      if (event.target instanceof Element && event.target.closest("a[href]")) setTimeout(() => closeSheet(false));
    });
    node.addEventListener("focusout", (event) => {
      if (sheet && sheet.node === node && event.relatedTarget && !node.contains(event.relatedTarget)) closeSheet(false);
    });
    return node;
  }

  /* At the bottom of the screen, or at the top when the marks' lines would be under it there; */
  /* never taller than the room beside those lines (it scrolls inside instead). */
  function placeSheet(node, marks) {
    let top = Infinity;
    let bottom = -Infinity;
    for (const mark of marks) {
      const line = lineOf(mark);
      if (!line) continue;
      top = Math.min(top, line.top);
      bottom = Math.max(bottom, line.bottom);
    }
    node.classList.remove("explainer-sheet--top");
    node.style.maxHeight = "";
    if (top === Infinity) return;
    const height = node.offsetHeight;
    const roomBelow = window.innerHeight - bottom - GAP;
    const roomAbove = top - GAP;
    const atTop = height > roomBelow && roomAbove > roomBelow;
    const room = Math.max(0, Math.floor(atTop ? roomAbove : roomBelow));
    node.classList.toggle("explainer-sheet--top", atTop);
    if (height > room) node.style.maxHeight = `${room}px`;
  }

  /* The sheet goes in right after the mark's paragraph (or at the end of its list item or table */
  /* cell), so that from the sheet Tab goes on to what follows the mark, as reading does. */
  function insertSheet(node, opener) {
    const inside = opener.closest("li, td, th, dd, dt");
    const after = opener.closest("p, figure, blockquote, h1, h2, h3, h4, h5, h6");
    if (after && (!inside || inside.contains(after))) after.after(node);
    else if (inside) inside.append(node);
    else (opener.closest("article") || document.body).append(node);
  }

  function openSheet(marks, opener) {
    const items = marks.map(describe).filter(Boolean);
    if (!items.length) return false;
    closeSheet(false);
    const node = buildSheet(items);
    insertSheet(node, opener);
    placeSheet(node, marks);
    sheet = { node, marks, opener };
    opener.setAttribute("aria-expanded", "true");
    opener.setAttribute("aria-controls", node.id);
    node.focus({ preventScroll: true });
    return true;
  }

  function closeSheet(giveFocusBack) {
    if (!sheet) return;
    const { node, opener } = sheet;
    sheet = null;
    opener.removeAttribute("aria-expanded");
    opener.removeAttribute("aria-controls");
    if (giveFocusBack && opener.isConnected) {
      quietFocus = opener;
      opener.focus({ preventScroll: true });
      quietFocus = null;
    }
    node.remove();
  }

  // Capture phase on the document: runs before Material's instant-navigation click handler.
  document.addEventListener("click", (event) => {
    const target = event.target instanceof Element ? event.target : null;
    if (sheet && target && sheet.node.contains(target)) return; // the sheet's own links and button
    const tapped = lastInput === "touch" && target && target.closest(CONTENT) && !target.closest(".explainer-sheet");
    const found = tapped ? marksAt(event.clientX, event.clientY) : [];
    const opener = tapped ? target.closest(MARKS) || found[0] : null;
    if (opener && !found.includes(opener)) found.push(opener); // a click without a place (a screen reader's)
    const marks = [...new Set(found.flatMap(clusterOf))]; // a cluster's marks are tapped as one
    if (opener && openSheet(marks.sort(inDocumentOrder), opener)) {
      event.preventDefault();
      event.stopPropagation();
      return;
    }
    // A tap or click outside the sheet closes it; focus goes back to the mark unless the tap gave it elsewhere.
    if (sheet) closeSheet(!(target && target.closest("a[href], button, input, select, textarea, [tabindex]")));
  }, true);

  /* --- instant navigation: a new page, nothing open --- */

  if (typeof document$ !== "undefined") {
    document$.subscribe(() => {
      closeSheet(false);
      for (const [mark, state] of [...previews]) remove(mark, state);
    });
  }
})();
