/** One block of an article body: a paragraph, or a run of list items. */
export type BodyBlock = { paragraph: string } | { items: string[] };

/**
 * Splits an article body (plain text: paragraphs separated by blank lines, `- ` list items) into paragraphs and
 * lists: lines of a paragraph joined by a space, a line after a list item continues that item. The one reading of a
 * body for every renderer: `renderBody` (src/lib/render/render-html.ts) makes `<p>` and `<ul>` of it, the .docx a
 * `w:p` per paragraph and a bulleted list.
 */
export function bodyBlocks(text: string): BodyBlock[] {
  const out: BodyBlock[] = [];
  for (const block of text.trim().split(/\n\s*\n/)) {
    const lines = block
      .split('\n')
      .map((l) => l.trim())
      .filter(Boolean);
    let para: string[] = [];
    let items: string[] = [];
    const flushPara = () => {
      if (para.length) out.push({ paragraph: para.join(' ') });
      para = [];
    };
    const flushItems = () => {
      if (items.length) out.push({ items });
      items = [];
    };
    for (const line of lines) {
      if (line.startsWith('- ')) {
        flushPara();
        items.push(line.slice(2));
      } else if (items.length) items[items.length - 1] += ` ${line}`;
      else para.push(line);
    }
    flushPara();
    flushItems();
  }
  return out;
}
