/**
 * Cuts an imported protocol's plain text into sections, article candidates and non-normative parts.
 *
 * Recognised (issue 12, "Segmenting"): numbering styles `1.`, `1)`, `1.1`, `a.`, `A1`, `I.`; bullets `•`, `-`, `–`,
 * `*`, `▪` and the OCR'd bullets `o`, `¢`, `e` (as in the Lankforst model); lettered sub-items; a lead-in ending in `:`
 * that owns the list after it; a numbered heading followed by its body paragraph; prose paragraphs (split into
 * sentences later, when they hold several rules); markdown marks (`**`, `##`, links) left by a text extraction.
 * Non-normative: title and cover lines, a table of contents, footnotes, ALL-CAPS quotes, adoption and version lines,
 * a place-and-date line, drafting notes, appendix references and references to another document. Page headers and footers are removed by the PDF
 * reader before this runs (`read-pdf.ts`). Plain TypeScript; runs in the browser and in Node.
 */
import { foldSpace, words } from './text.ts';
import { MONTHS } from '../text/format-date.ts';

/** A part of the text that is not a rule: kept and shown, never an article. `kind` as in `NonNormativeKindSchema`,
 * plus `page-header`, `page-footer` and `page-number` from the PDF reader. */
export interface FoundNonNormative {
  kind: string;
  text: string;
}

/** A section heading as found (`A. Voor alle gebruikers` gives label `A`). */
export interface FoundSection {
  title: string;
  label?: string;
}

/** How an article candidate was written, which decides whether it may be split into sentences. */
export type SegmentKind = 'numbered' | 'bullet' | 'prose';

/** One article candidate: a numbered or bulleted rule, or a prose paragraph. */
export interface Segment {
  /** The number or letter as printed (`4`, `1.2`, `b`), without its full stop; null for bullets and prose. */
  number: string | null;
  /** Title from a numbered heading (`3. Foto's` followed by its body), when there is one. */
  title?: string;
  /** Body lines: paragraphs, and list items as `- ` lines (their own label such as `a.` kept). */
  lines: string[];
  /** Index of the section in {@link Segmented.sections}; -1 before the first heading. */
  section: number;
  kind: SegmentKind;
}

/** The result of {@link segmentText}. */
export interface Segmented {
  sections: FoundSection[];
  segments: Segment[];
  nonNormative: FoundNonNormative[];
}

const MONTH_NAMES = MONTHS.join('|');
const SUPERSCRIPTS = /[¹²³⁴⁵⁶⁷⁸⁹⁰]+/g;

/** A list marker at the start of a line, with what kind of marker it is. */
interface Marker {
  type: 'number' | 'letter' | 'roman' | 'bullet' | 'alnum' | 'decimal';
  label: string | null;
  rest: string;
}

/** Reads the list marker at the start of a line, if any. */
function marker(line: string): Marker | undefined {
  const s = line.replace(/^\s*[-–]\s+(?=[a-z][.)]\s)/, '').trimStart();
  let m = /^(\d{1,2}\.\d{1,2})\.?\s+(.+)$/.exec(s);
  if (m) return { type: 'decimal', label: m[1]!, rest: m[2]! };
  m = /^(\d{1,2})[.)]\s*(\S.*)$/.exec(s);
  if (m && !/^\d/.test(m[2]!)) return { type: 'number', label: m[1]!, rest: m[2]! };
  m = /^([a-z])[.)]\s+(.+)$/.exec(s);
  if (m) return { type: 'letter', label: m[1]!, rest: m[2]! };
  m = /^([IVX]{1,4})[.)]\s+(.+)$/.exec(s);
  if (m) return { type: 'roman', label: m[1]!, rest: m[2]! };
  m = /^([A-Z]\d{1,2})[.)]?\s+(.+)$/.exec(s);
  if (m) return { type: 'alnum', label: m[1]!, rest: m[2]! };
  m = /^(?:[•●▪■◦○·*–-]|[o¢e](?=\s+\S))\s*(\S.*)$/.exec(s);
  if (m) return { type: 'bullet', label: null, rest: m[1]! };
  return undefined;
}

/** Removes markdown marks a text extraction left (`**`, `*…*`, `#` headings, links) and footnote superscripts. */
function cleanLine(line: string): { text: string; mdHeading: boolean } {
  let text = line.replace(/\t/g, ' ');
  const mdHeading = /^\s*#{1,6}\s/.test(text);
  text = text
    .replace(/^\s*#{1,6}\s+/, '')
    .replace(/\[([^\]]+)\]\((?:mailto:)?[^)]*\)/g, '$1')
    .replace(/\*\*([^*]*)\*\*/g, '$1')
    .replace(/(^|\s)\*([^*\s][^*]*)\*(?=\s|$|[.,;:])/g, '$1$2')
    .replace(/^\s*---+\s*$/, '')
    .replace(/^(\s*)[*_]+(?=\S)/, '$1')
    .replace(/(?<=\S)[*_]+(\s*)$/, '$1')
    .replace(/\s+$/, '');
  return { text, mdHeading };
}

/** True when a line ends a sentence or a clause. */
function endsSentence(text: string): boolean {
  return /[.!?;:]["'’”)]*$/.test(text.trim());
}

/** Share of upper-case letters among the letters of a text. */
function upperShare(text: string): number {
  const letters = text.match(/\p{L}/gu) ?? [];
  if (!letters.length) return 0;
  return letters.filter((c) => c === c.toUpperCase() && c !== c.toLowerCase()).length / letters.length;
}

/** The kind of non-normative part a paragraph is, or undefined when it may be a rule. */
export function nonNormativeKind(text: string, position: 'front' | 'body' | 'back'): string | undefined {
  const t = text.trim();
  const flat = foldSpace(t);
  if (/^[¹²³⁴⁵⁶⁷⁸⁹⁰]/.test(t)) return 'footnote';
  if (/^(inhoud|inhoudsopgave)\b/i.test(flat)) return 'toc';
  if (/(\.{3,}|…|\t)\s*\d{1,3}$/.test(t.split('\n')[0]!)) return 'toc';
  if (/^\s*(vastgesteld|versie\s+\d|goedgekeurd door|na instemming van)/i.test(flat)) return 'adoption';
  if (new RegExp(`^[\\p{L} .'-]{2,40}, (\\d{1,2} )?(${MONTH_NAMES}) \\d{4}\\.?$`, 'iu').test(flat)) return 'closing';
  if (/^(mogelijk nodig|nog (toevoegen|uitwerken|aanvullen)|todo\b|n\.?b\.?[: ]|concept:?\s*$)/i.test(flat))
    return 'drafting-note';
  if (/\(zie bijlage\)|^bijlage\b/i.test(flat) && words(flat).length <= 12) return 'appendix-reference';
  // "Meer over cyberpesten is te vinden in het antipestprotocol": points at another document, sets no rule.
  if (
    /^(meer (informatie )?over\b.{0,80}\b(is|staat) te (vinden|lezen) in|zie ook\b)/i.test(flat) &&
    words(flat).length <= 25
  ) {
    return 'document-reference';
  }
  const ws = words(flat).length;
  if (ws >= 6 && upperShare(flat) > 0.85 && /[.!?'’"]$/.test(flat)) return 'quote';
  if (position === 'front') {
    if (/\b\d{4}\s?[A-Z]{2}\b|\bIBAN\b|^(T|E|I|W|tel\.?|telefoon|e-mail|www)\b[\s:]/i.test(flat)) return 'cover';
  }
  return undefined;
}

interface Para {
  text: string;
  /** The lines of a paragraph (hard line breaks of a PDF or a text file), cleaned. */
  lines: string[];
  mdHeading: boolean;
  /** Blank line before this paragraph. */
  blankBefore: boolean;
}

/**
 * Splits text into paragraphs: a blank line ends one; so does a line with a list marker. A paragraph that ends
 * mid-sentence and is followed, after a blank line, by one starting in lower case is joined to it (a page break in
 * the source).
 */
function paragraphs(text: string): Para[] {
  const out: Para[] = [];
  let cur: Para | undefined;
  let blank = true;
  for (const raw of text.replace(/\r\n?/g, '\n').split('\n')) {
    const { text: line, mdHeading } = cleanLine(raw);
    if (!line.trim()) {
      cur = undefined;
      blank = true;
      continue;
    }
    const startsItem = marker(line) !== undefined;
    if (cur && !startsItem && !mdHeading && !cur.mdHeading) {
      cur.lines.push(line.trim());
      cur.text += ` ${line.trim()}`;
      continue;
    }
    const prev = out[out.length - 1];
    if (
      !cur &&
      prev &&
      blank &&
      !startsItem &&
      !mdHeading &&
      /^[a-z]/.test(line.trim()) &&
      !endsSentence(prev.text) &&
      !prev.mdHeading
    ) {
      cur = prev;
      cur.lines.push(line.trim());
      cur.text += ` ${line.trim()}`;
      blank = false;
      continue;
    }
    cur = { text: line.trim(), lines: [line.trim()], mdHeading, blankBefore: blank };
    out.push(cur);
    blank = false;
  }
  return out;
}

/** True when a paragraph looks like a heading: short, no full stop, a capital at the start. */
function headingLike(p: Para): boolean {
  const t = foldSpace(p.text.replace(SUPERSCRIPTS, ''));
  if (p.mdHeading) return true;
  const question = /\?$/.test(t) && p.blankBefore && words(t).length <= 10;
  if (p.lines.length > 2 || t.length > 90 || (endsSentence(t) && !question) || /,$/.test(t)) return false;
  if (!/^[\p{Lu}\d]/u.test(t)) return false;
  return words(t).length <= 12;
}

/** Splits `A. Voor alle gebruikers` into label and title. */
function sectionOf(text: string): FoundSection {
  let t = foldSpace(text.replace(SUPERSCRIPTS, ''));
  // An ALL-CAPS heading ("A. VOOR ALLE GEBRUIKERS") in sentence case, as a protocol prints a heading.
  if (upperShare(t) > 0.9 && words(t).length > 0) t = t.charAt(0) + t.slice(1).toLowerCase();
  const m = /^([A-Z]|[IVX]{1,4}|\d{1,2})[.)]\s+(.+)$/.exec(t);
  if (m) return { label: m[1]!.toUpperCase(), title: m[2]!.charAt(0).toUpperCase() + m[2]!.slice(1) };
  return { title: t };
}

/**
 * Segments a protocol's plain text.
 *
 * @param text the text as read from the file (line breaks kept; PDF page chrome already removed).
 * @returns sections, article candidates in document order and the non-normative parts found.
 */
export function segmentText(text: string): Segmented {
  const paras = paragraphs(text);
  const sections: FoundSection[] = [];
  const segments: Segment[] = [];
  const nonNormative: FoundNonNormative[] = [];
  let section = -1;
  /** Paragraph index of each section's heading, to turn empty sections (cover lines) into non-normative parts. */
  const headingAt: number[] = [];
  /** The article that owns the list items that follow (a lead-in ending in ':' or a numbered article). */
  let owner: Segment | undefined;
  let ownerTakesBullets = false;
  let sawArticle = false;
  let inToc = false;

  for (let i = 0; i < paras.length; i++) {
    const p = paras[i]!;
    if (!sawArticle && p.lines.length > 1 && !p.mdHeading) {
      const first = p.lines[0]!;
      if (first.length <= 90 && !endsSentence(first) && !/,$/.test(first) && /^\p{Lu}/u.test(p.lines[1]!)) {
        // A title line glued to the heading or text under it (no blank line between): take it apart.
        const rest = p.lines.slice(1);
        paras.splice(
          i,
          1,
          { text: first, lines: [first], mdHeading: false, blankBefore: p.blankBefore },
          {
            text: rest.join(' '),
            lines: rest,
            mdHeading: false,
            blankBefore: true,
          },
        );
        i--;
        continue;
      }
    }
    const flat = foldSpace(p.text);
    const m = marker(p.lines[0]!);
    const position = sawArticle ? (i > paras.length - 4 ? 'back' : 'body') : 'front';

    if (inToc) {
      if (/(\.{2,}|…|\s)\s*\d{1,3}$/.test(flat) && flat.length < 120) {
        nonNormative[nonNormative.length - 1]!.text += `\n${flat}`;
        continue;
      }
      inToc = false;
    }
    const nn = nonNormativeKind(p.lines.join('\n'), position);
    if (nn && !(nn === 'cover' && m)) {
      nonNormative.push({ kind: nn, text: flat });
      if (nn === 'toc') inToc = true;
      owner = undefined;
      continue;
    }

    // A list item that belongs to the article before it: a lettered sub-item, or a bullet after a lead-in.
    if (m && owner && (m.type === 'letter' || (m.type === 'bullet' && ownerTakesBullets))) {
      owner.lines.push(
        `- ${m.type === 'letter' ? `${m.label}. ` : ''}${foldSpace(m.rest)}${p.lines.length > 1 ? ` ${foldSpace(p.lines.slice(1).join(' '))}` : ''}`,
      );
      continue;
    }

    if (m && m.type !== 'bullet' && m.type !== 'letter') {
      const body = foldSpace([m.rest, ...p.lines.slice(1)].join(' '));
      // "A. Voor alle gebruikers": an upper-case letter or roman numeral before a heading is a section.
      if ((m.type === 'roman' || /^[A-Z]$/.test(m.label ?? '')) && headingLike(p)) {
        sections.push(sectionOf(flat));
        headingAt.push(i);
        section = sections.length - 1;
        owner = undefined;
        continue;
      }
      const next = paras[i + 1];
      const shortHeading =
        words(body).length <= 8 && !endsSentence(body) && next && !marker(next.lines[0]!) && !headingLike(next);
      if (shortHeading && next) {
        // "3. Foto's en filmpjes" followed by its body paragraph: one article with a title.
        const seg: Segment = { number: m.label, title: body, lines: [foldSpace(next.text)], section, kind: 'numbered' };
        segments.push(seg);
        owner = seg;
        ownerTakesBullets = /:$/.test(next.text.trim());
        sawArticle = true;
        i++;
        continue;
      }
      const seg: Segment = { number: m.label, lines: [body], section, kind: 'numbered' };
      segments.push(seg);
      owner = seg;
      ownerTakesBullets = /:$/.test(body);
      sawArticle = true;
      continue;
    }
    if (m && m.type === 'letter') {
      // A lettered item with no article before it: an article of its own.
      const seg: Segment = {
        number: m.label,
        lines: [foldSpace([m.rest, ...p.lines.slice(1)].join(' '))],
        section,
        kind: 'numbered',
      };
      segments.push(seg);
      owner = seg;
      ownerTakesBullets = /:$/.test(seg.lines[0]!);
      sawArticle = true;
      continue;
    }
    if (m && m.type === 'bullet') {
      const body = foldSpace([m.rest, ...p.lines.slice(1)].join(' '));
      const seg: Segment = { number: null, lines: [body], section, kind: 'bullet' };
      segments.push(seg);
      owner = seg;
      ownerTakesBullets = /:$/.test(body);
      sawArticle = true;
      continue;
    }

    if (headingLike(p)) {
      const nextP = paras[i + 1];
      // A short line with nothing after it, or a line followed by another heading, may still be a cover line;
      // empty sections are turned into cover parts at the end.
      sections.push(sectionOf(flat));
      headingAt.push(i);
      section = sections.length - 1;
      owner = undefined;
      void nextP;
      continue;
    }

    if (!sawArticle && section < 0 && !endsSentence(flat)) {
      // Before the first heading and without a full stop: the name and address on a cover.
      nonNormative.push({ kind: 'cover', text: flat });
      continue;
    }
    const seg: Segment = { number: null, lines: [flat], section, kind: 'prose' };
    segments.push(seg);
    owner = seg;
    ownerTakesBullets = /:$/.test(flat);
    sawArticle = true;
  }

  // Sections without articles (title page lines, a date, an organisation's name) are non-normative.
  const used = new Set(segments.map((s) => s.section));
  const keep = sections.map((_, k) => used.has(k));
  const renumber: number[] = [];
  let n = 0;
  const front: FoundNonNormative[] = [];
  sections.forEach((s, k) => {
    renumber[k] = keep[k] ? n++ : -1;
    if (!keep[k]) {
      const firstArticleSection = segments.length ? segments[0]!.section : Infinity;
      const kind = k < firstArticleSection ? (/protocol/i.test(s.title) ? 'title' : 'cover') : 'heading';
      front.push({ kind, text: s.label ? `${s.label}. ${s.title}` : s.title });
    }
  });
  return {
    sections: sections.filter((_, k) => keep[k]),
    segments: segments.map((s) => ({ ...s, section: s.section < 0 ? -1 : renumber[s.section]! })),
    nonNormative: [...front, ...nonNormative],
  };
}
