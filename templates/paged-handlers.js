/*
 * Paged.js 0.4.3 handlers for the protocol PDF, loaded after the polyfill by the print page
 * (src/pages/protocollen/[id]/print/index.astro). Paged.js ignores `break-inside: avoid-page` and only honours
 * `break-after: avoid` between whole elements, so both rules are kept here, in one onOverflow handler (Paged.js
 * uses the answer of the last handler only):
 *
 * 1. Keep together: an article, or a section's "In het kort", that starts on this page and does not fit moves
 *    whole to the next page, so an article is never separated from its heading and no paragraph leaves a widowed
 *    line behind. One that starts at the top of a page and is longer than a page still breaks (there is no
 *    better place).
 * 2. Keep with next: elements with `break-after: avoid` (section headings) directly before the block that
 *    moves, move with it.
 * 3. No empty shells: Paged.js breaks *inside* an element when only its first child overflows, and leaves the
 *    element's empty shell, with its id, at the foot of the page: the table of contents (target-counter) and the
 *    PDF's links then point one page too early. A break at the very start of an element is a break before it,
 *    so the break moves up past every element it would leave empty.
 * 4. Keep with next, by class: an element marked `keep-with-next` (a redline's change label "W3 GEWIJZIGD", its
 *    section headings) belongs to what follows, so a page must not end with it: the break moves back before it.
 */
(function () {
  const KEEP_TOGETHER = '.article, .in-het-kort';
  const indexOf = (node) => Array.prototype.indexOf.call(node.parentNode.childNodes, node);
  const blank = (n) => n.nodeType === 8 || (n.nodeType === 3 && !n.textContent.trim());
  const keep = (n) => n.nodeType === 1 && n.classList.contains('keep-with-next');
  const blankBefore = (el, end) => Array.prototype.slice.call(el.childNodes, 0, end).every((n) => blank(n) || keep(n));
  const textBefore = (rendered, node, offset) => {
    const r = document.createRange();
    r.setStart(rendered, 0);
    r.setEnd(node, offset);
    return r.toString().trim();
  };

  window.Paged.registerHandlers(
    class KeepTogether extends window.Paged.Handler {
      onOverflow(overflow, rendered) {
        if (!overflow) return undefined;
        let node = overflow.startContainer;
        let offset = overflow.startOffset;
        let moved = false;

        // 1 and 2: keep an article or summary together, with the heading before it.
        const at =
          node.nodeType === 1
            ? node.childNodes[offset] && node.childNodes[offset].nodeType === 1
              ? node.childNodes[offset]
              : node
            : node.parentNode;
        const block = at.closest ? at.closest(KEEP_TOGETHER) : null;
        if (block && rendered.contains(block) && textBefore(rendered, block.parentNode, indexOf(block))) {
          let first = block;
          let prev = first.previousElementSibling;
          while (
            prev &&
            getComputedStyle(prev).breakAfter === 'avoid' &&
            textBefore(rendered, prev.parentNode, indexOf(prev))
          ) {
            first = prev;
            prev = first.previousElementSibling;
          }
          node = first.parentNode;
          offset = indexOf(first);
          moved = true;
        }

        // 3 and 4: no empty shells, and no page that ends with a keep-with-next element.
        for (let again = true; again;) {
          again = false;
          while (node.nodeType === 1 && node !== rendered && node.parentNode && blankBefore(node, offset)) {
            offset = indexOf(node);
            node = node.parentNode;
            moved = true;
          }
          let i = offset;
          while (node.nodeType === 1 && i > 0 && (blank(node.childNodes[i - 1]) || keep(node.childNodes[i - 1]))) i--;
          if (i < offset && Array.prototype.slice.call(node.childNodes, i, offset).some(keep)) {
            offset = i;
            moved = true;
            again = true;
          }
        }
        if (!moved) return undefined;
        if (!textBefore(rendered, node, offset)) return undefined; // the page would be empty: keep Paged.js's break
        const range = document.createRange();
        range.setStart(node, offset);
        range.setEnd(overflow.endContainer, overflow.endOffset);
        return range;
      }
    },
  );
})();
