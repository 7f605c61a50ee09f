import {
  DeletedTextRun,
  Document,
  HeadingLevel,
  InsertedTextRun,
  Packer,
  PageBreak,
  Paragraph,
  TextRun,
  type ParagraphChild,
} from 'docx';
import type { DocArticle, ProtocolDocument } from '../compose/document.ts';
import { articleNumber, sectionHeading } from '../render/render-html.ts';
import { changeCount, changeLabel, changePlace, formatValue } from '../render/change-text.ts';
import type { ChangeRenderOptions } from '../render/render-change.ts';
import { redlineItems } from '../render/render-redline.ts';
import { diffWordsWithSpace } from 'diff';
import type { WordPart } from '../diff/diff-documents.ts';
import { VERSION_CHANGE_KINDS, type VersionDiff, type VersionEntry } from '../versions/diff-versions.ts';
import { bodyBlocks } from '../text/body-blocks.ts';
import { t } from '../../i18n/t.ts';
import { DOCX_AUTHOR, docxStyles, runningHeaderFooter } from './protocol-docx.ts';
import { pinDocxDate } from './pin-date.ts';

/** Style ids of the redline's own paragraphs (they belong to neither version, so they are never revisions). */
export const REDLINE_STYLES = {
  /** The change label before a changed article: `W3 gewijzigd`. */
  label: 'Wijzigingslabel',
  /** A note: the reason (toelichting), the changed values, "Tekst in versie 1.0:". */
  note: 'Wijzigingsnotitie',
} as const;

/** Options for {@link redlineDocxDocument}: the names of the page's version-diff renderers, and the document's own. */
export interface RedlineDocxOptions extends ChangeRenderOptions {
  /** The school, in the header of every page. */
  school: string;
  /** Both documents, in the header: `Wijzigingen versie 1.0 → concept 2.0`. */
  running: string;
  /** Title on page 1: `Wijzigingen in het protocol`. */
  heading: string;
  /** The status of the new document, or what the comparison is. */
  status: string;
  /** Heading of the full text. */
  fullTextTitle: string;
  /** ISO date (`YYYY-MM-DD`) every tracked change carries; see {@link revisionDate}. */
  date: string;
}

/**
 * The date of a redline's tracked changes, from the documents, never from the clock (so the same files always give
 * the same document): the new version's adoption date, else the latest date of an MR decision in it, else the old
 * document's adoption date or ISO date (`dated`), else 1 January 2000.
 *
 * @param after the new version (the draft).
 * @param before the old version or the reference model.
 * @returns an ISO date, `YYYY-MM-DD`.
 */
export function revisionDate(after: ProtocolDocument, before: ProtocolDocument): string {
  const iso = (d: string | undefined) => (d && /^\d{4}-\d{2}-\d{2}$/.test(d) ? d : undefined);
  const consent = after.adoption?.consent
    .map((c) => c.date)
    .sort()
    .at(-1);
  return iso(after.adoption?.date) ?? iso(consent) ?? iso(before.adoption?.date) ?? iso(before.dated) ?? '2000-01-01';
}

/** Makes the tracked-change runs of one document: each gets a new id, the same author and the same date. */
class Revisions {
  private next = 1;
  constructor(private readonly date: string) {}
  /** The attributes of one revision (`w:id`, `w:author`, `w:date`). */
  mark(): { id: number; author: string; date: string } {
    return { id: this.next++, author: DOCX_AUTHOR, date: `${this.date}T00:00:00Z` };
  }
  ins(text: string, extra: { bold?: boolean } = {}): InsertedTextRun {
    return new InsertedTextRun({ text, ...extra, ...this.mark() });
  }
  del(text: string, extra: { bold?: boolean } = {}): DeletedTextRun {
    return new DeletedTextRun({ text, ...extra, ...this.mark() });
  }
}

/** How a whole block is marked: kept, inserted (added, or the new place of a move) or deleted. */
type Mark = 'same' | 'ins' | 'del';

/** A paragraph whose runs and paragraph mark are all one revision (so accepting or rejecting removes it whole). */
function markedParagraph(
  rev: Revisions,
  mark: Mark,
  children: ParagraphChild[],
  options: Record<string, unknown> = {},
): Paragraph {
  return new Paragraph({
    ...options,
    ...(mark === 'ins' ? { run: { insertion: rev.mark() } } : mark === 'del' ? { run: { deletion: rev.mark() } } : {}),
    children,
  });
}

/** The runs of a text marked as a whole. */
function runs(rev: Revisions, mark: Mark, text: string, extra: { bold?: boolean } = {}): ParagraphChild[] {
  if (mark === 'ins') return [rev.ins(text, extra)];
  if (mark === 'del') return [rev.del(text, extra)];
  return [new TextRun({ text, ...extra })];
}

/** An article body as paragraphs, every one marked as a whole; list items get a bullet character. */
function bodyMarked(rev: Revisions, mark: Mark, text: string): Paragraph[] {
  return bodyBlocks(text).flatMap((b) =>
    ('paragraph' in b ? [b.paragraph] : b.items.map((i) => `• ${i}`)).map((p) =>
      markedParagraph(rev, mark, runs(rev, mark, p)),
    ),
  );
}

/** The heading of an article in the redline: its number and title, with an old title struck and a new one inserted. */
function headingMarked(
  rev: Revisions,
  mark: Mark,
  num: string,
  e: VersionEntry | undefined,
  a: DocArticle,
  note = '',
): Paragraph {
  const titleRuns: ParagraphChild[] =
    mark === 'same' && e?.before && e.after && e.before.title !== e.after.title
      ? [rev.del(e.before.title), new TextRun(' '), rev.ins(e.after.title)]
      : runs(rev, mark, a.title);
  return markedParagraph(
    rev,
    mark,
    [...runs(rev, mark, `${num} `), ...titleRuns, ...(note ? [new TextRun({ text: note, italics: true })] : [])],
    {
      heading: HeadingLevel.HEADING_2,
    },
  );
}

/**
 * The word diff of two article texts for tracked changes, with every space kept: jsdiff's `diffWordsWithSpace`
 * on the folded texts. (`diffWords`, which the page uses, may keep the space between two words inside an inserted
 * part, so that rejecting the insertion would glue the old words together: `verzorgersen`.) Joining the unchanged
 * and inserted parts gives the new text exactly, the unchanged and deleted parts the old one.
 */
export function trackedWords(before: string, after: string): WordPart[] {
  const fold = (t: string) => t.replace(/\s+/g, ' ').trim();
  return diffWordsWithSpace(fold(before), fold(after)).map((p) => ({
    op: p.added ? 'ins' : p.removed ? 'del' : 'same',
    text: p.value,
  }));
}

/** A note paragraph (not part of either version). */
function note(children: ParagraphChild[]): Paragraph {
  return new Paragraph({ style: REDLINE_STYLES.note, children });
}

/** The paragraphs of one changed entry where it now stands (or stood, for a removal). */
function changeParagraphs(rev: Revisions, e: VersionEntry, opts: RedlineDocxOptions): Paragraph[] {
  const a = (e.after ?? e.before)!;
  const out: Paragraph[] = [
    new Paragraph({
      style: REDLINE_STYLES.label,
      children: [new TextRun(`${e.number} ${changeLabel(e.kind, opts).toUpperCase()}`)],
    }),
  ];
  const moved = e.kind === 'moved' || e.kind === 'moved-changed';
  const was = e.before && e.after && (e.before.citation ?? articleNumber(e.before)) !== articleNumber(e.after);
  const wasNote =
    was || moved
      ? ` (${opts.against === 'model' ? `${opts.beforeName}:` : t('redline.was')} ${t('change.art')} ${e.before!.citation ?? articleNumber(e.before!)})`
      : '';
  if (e.kind === 'added' || moved) {
    // A move: the old text is struck where it stood (see the old place), the text is inserted here whole.
    out.push(headingMarked(rev, 'ins', articleNumber(e.after!), e, e.after!, wasNote));
    out.push(...bodyMarked(rev, 'ins', e.after!.text));
  } else if (e.kind === 'removed') {
    out.push(headingMarked(rev, 'del', e.before!.citation ?? articleNumber(e.before!), e, e.before!));
    out.push(...bodyMarked(rev, 'del', e.before!.text));
  } else {
    out.push(headingMarked(rev, 'same', articleNumber(a), e, a, wasNote));
    if (e.variables?.length) {
      const clause = e.after?.clause ? opts.clauses?.get(e.after.clause) : undefined;
      out.push(note([new TextRun({ text: `${t('change.values')}:`, bold: true })]));
      for (const v of e.variables) {
        out.push(
          note([
            new TextRun(`${clause?.variables[v.name]?.label ?? v.name}: `),
            rev.del(formatValue(v.before)),
            new TextRun(' '),
            rev.ins(formatValue(v.after)),
          ]),
        );
      }
    }
    if (e.reworded || !e.words) {
      out.push(
        note([new TextRun(t('change.textIn', { name: opts.beforeName }))]),
        ...bodyMarked(rev, 'del', e.before!.text),
      );
      out.push(
        note([new TextRun(t('change.textIn', { name: opts.afterName }))]),
        ...bodyMarked(rev, 'ins', e.after!.text),
      );
    } else {
      out.push(
        new Paragraph({
          children: trackedWords(e.before!.text, e.after!.text).map((w) =>
            w.op === 'ins' ? rev.ins(w.text) : w.op === 'del' ? rev.del(w.text) : new TextRun(w.text),
          ),
        }),
      );
    }
  }
  if (e.reason) out.push(note([new TextRun({ text: `${t('change.reason')} `, bold: true }), new TextRun(e.reason)]));
  return out;
}

/**
 * A redline as a Word document with real tracked changes, for the MR to read in Word's review pane and accept or
 * reject: page 1 the numbered list of changes (`W1 gewijzigd …`, or `V1` against a model), then the full text of
 * the new document in which every change is a revision (`w:ins`, `w:del`) by "Protocolwijzer" on
 * {@link revisionDate}: insertions and deletions word by word, an added article inserted whole, a removed one
 * deleted whole where it stood, another variant worded quite differently as the old text deleted and the new text
 * inserted. A moved article is marked at both ends: deleted where it stood, under a label "W5 VERPLAATST NAAR ART.
 * 7.2", inserted where it stands, "(was art. 3.9)". Labels, reasons and changed values are notes in styles of their
 * own, never revisions, so accepting every change gives the new text and rejecting every change the old one.
 * Built on the same {@link diffVersions} change list as the page and the PDF.
 *
 * @param diff the comparison.
 * @param before the old document (the previous version, or the reference model).
 * @param after the new document.
 */
export function redlineDocxDocument(
  diff: VersionDiff,
  before: ProtocolDocument,
  after: ProtocolDocument,
  opts: RedlineDocxOptions,
): Document {
  const rev = new Revisions(opts.date);
  opts = { ...opts, against: diff.against };
  const total = `${changeCount(diff.changes.length, diff.against)} ${t('change.total', { before: opts.beforeName, after: opts.afterName })}.`;
  const counts = VERSION_CHANGE_KINDS.filter((k) => diff.counts[k] > 0).map(
    (k) => `${diff.counts[k]} ${changeLabel(k, opts)}`,
  );
  const first: Paragraph[] = [
    new Paragraph({ text: opts.heading, heading: HeadingLevel.TITLE }),
    new Paragraph({ children: [new TextRun({ text: opts.school, bold: true })] }),
    new Paragraph(opts.status),
    note([new TextRun(t('redline.docxLegend'))]),
    new Paragraph({ children: [new TextRun({ text: total, bold: true })] }),
    ...(counts.length ? [new Paragraph(counts.join(', ') + '.')] : []),
    ...diff.changes.map(
      (e) =>
        new Paragraph({
          children: [
            new TextRun({ text: `${e.number} ${changeLabel(e.kind, opts)}`, bold: true }),
            new TextRun(` ${(e.after ?? e.before)!.title} (${changePlace(e, opts)})`),
          ],
          indent: { left: 600, hanging: 600 },
        }),
    ),
    new Paragraph({ children: [new PageBreak()] }),
    new Paragraph({ text: opts.fullTextTitle, heading: HeadingLevel.HEADING_1 }),
  ];
  const sectionOf = new Map<string, string>();
  for (const s of after.sections)
    for (const i of s.items) if ('article' in i) sectionOf.set(i.article.key, sectionHeading(s));
  const body: Paragraph[] = [];
  let current = '';
  for (const { entry: e, oldPlace } of redlineItems(diff, before)) {
    if (oldPlace) {
      body.push(
        new Paragraph({
          style: REDLINE_STYLES.label,
          children: [new TextRun(`${e.number} VERPLAATST NAAR ART. ${articleNumber(e.after!)}`)],
        }),
      );
      body.push(headingMarked(rev, 'del', e.before!.citation ?? articleNumber(e.before!), e, e.before!));
      body.push(...bodyMarked(rev, 'del', e.before!.text));
      continue;
    }
    const heading = e.after ? sectionOf.get(e.after.key) : undefined;
    if (heading && heading !== current) {
      body.push(new Paragraph({ text: heading, heading: HeadingLevel.HEADING_1 }));
      current = heading;
    }
    if (e.kind === 'unchanged') {
      body.push(headingMarked(rev, 'same', articleNumber(e.after!), undefined, e.after!));
      body.push(...bodyMarked(rev, 'same', e.after!.text));
    } else body.push(...changeParagraphs(rev, e, opts));
  }
  const styles = docxStyles();
  return new Document({
    creator: DOCX_AUTHOR,
    lastModifiedBy: DOCX_AUTHOR,
    title: `${opts.heading}: ${opts.school}, ${opts.running}`,
    description: total,
    styles: {
      ...styles,
      paragraphStyles: [
        ...(styles.paragraphStyles ?? []),
        {
          id: REDLINE_STYLES.label,
          name: 'Wijzigingslabel',
          basedOn: 'Normal',
          next: 'Normal',
          run: { font: 'Arial', size: 18, bold: true },
          paragraph: {
            keepNext: true,
            spacing: { before: 200, after: 40 },
            border: { left: { style: 'single', size: 18, color: '000000', space: 6 } },
          },
        },
        {
          id: REDLINE_STYLES.note,
          name: 'Wijzigingsnotitie',
          basedOn: 'Normal',
          next: 'Normal',
          run: { font: 'Arial', size: 19, italics: true },
          paragraph: { spacing: { after: 60 } },
        },
      ],
    },
    sections: [
      {
        properties: {
          titlePage: true,
          page: { size: { width: 11906, height: 16838 }, margin: { top: 1250, bottom: 1360, left: 1250, right: 1130 } },
        },
        ...runningHeaderFooter(opts.school, opts.running),
        children: [...first, ...body],
      },
    ],
  });
}

/** {@link redlineDocxDocument} packed as the bytes of a .docx file, dated by `opts.date` (the same inputs give the same bytes). */
export async function redlineDocx(
  diff: VersionDiff,
  before: ProtocolDocument,
  after: ProtocolDocument,
  opts: RedlineDocxOptions,
): Promise<Uint8Array> {
  const bytes = await Packer.pack(redlineDocxDocument(diff, before, after, opts), 'uint8array');
  return pinDocxDate(bytes, new Date(`${opts.date}T00:00:00Z`));
}
