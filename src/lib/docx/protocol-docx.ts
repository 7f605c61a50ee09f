import {
  AlignmentType,
  BorderStyle,
  Document,
  ExternalHyperlink,
  Footer,
  Header,
  HeadingLevel,
  LevelFormat,
  Packer,
  PageBreak,
  PageNumber,
  Paragraph,
  ShadingType,
  TableOfContents,
  TextRun,
  type INumberingOptions,
  type IStylesOptions,
  type ParagraphChild,
} from 'docx';
import { t } from '../../i18n/t.ts';
import type { BoardMarks } from '../board/inherit-board.ts';
import type { DocSection, ProtocolDocument } from '../compose/document.ts';
import { isWebUrl, type Contact } from '../schema/protocol.ts';
import { runningVersion } from '../versions/published.ts';
import { frontMatter } from '../render/front-matter.ts';
import { boardOnlyContacts } from '../render/render-contacts.ts';
import { bodyBlocks } from '../text/body-blocks.ts';
import { pinDocxDate } from './pin-date.ts';

/** The author the .docx files name (and the author of every tracked change in a redline). */
export const DOCX_AUTHOR = 'Protocolwijzer';

/** Style ids of the paragraph styles the .docx files define, so a school can keep using them in Word. */
export const DOCX_STYLES = {
  /** The "In het kort" box: grey background, a border. */
  summary: 'InHetKort',
  /** The heading inside the box. */
  summaryHeading: 'InHetKortKop',
  /** A note under an article heading: "eigen artikel van de school". */
  badge: 'ArtikelLabel',
  /** The status line on the title page. */
  status: 'Status',
} as const;

/** Numbering references: the protocol's sections and articles (`%1.` and `%1.%2`), prose sections, bullets. */
const NUM = { protocol: 'protocol', prose: 'prose', bullets: 'bullets', summary: 'summary-bullets' } as const;

/** Fonts: sans for headings, the body in a serif as in the PDF; Word and LibreOffice both have these or their equivalents. */
const SANS = 'Arial';
const SERIF = 'Times New Roman';

/** Paragraph styles shared by the protocol and the redline documents. */
export function docxStyles(): IStylesOptions {
  return {
    default: {
      document: { run: { font: SERIF, size: 22 }, paragraph: { spacing: { after: 100, line: 276 } } },
      // An explicit line height: without it LibreOffice sets a wrapped title's lines on top of each other.
      title: {
        run: { font: SANS, size: 52, bold: true },
        paragraph: { spacing: { before: 1200, after: 240, line: 300, lineRule: 'auto' } },
      },
      heading1: {
        run: { font: SANS, size: 30, bold: true },
        paragraph: { spacing: { before: 360, after: 120 }, keepNext: true },
      },
      heading2: {
        run: { font: SANS, size: 23, bold: true },
        paragraph: { spacing: { before: 200, after: 60 }, keepNext: true },
      },
    },
    paragraphStyles: [
      {
        id: DOCX_STYLES.summary,
        name: 'In het kort',
        basedOn: 'Normal',
        next: DOCX_STYLES.summary,
        quickFormat: true,
        run: { font: SANS, size: 20 },
        paragraph: {
          shading: { type: ShadingType.CLEAR, fill: 'EEF2F6', color: 'auto' },
          border: {
            top: { style: BorderStyle.SINGLE, size: 6, color: '777777', space: 4 },
            bottom: { style: BorderStyle.SINGLE, size: 6, color: '777777', space: 4 },
            left: { style: BorderStyle.SINGLE, size: 6, color: '777777', space: 4 },
            right: { style: BorderStyle.SINGLE, size: 6, color: '777777', space: 4 },
          },
          spacing: { after: 0 },
          indent: { left: 120, right: 120 },
        },
      },
      {
        id: DOCX_STYLES.summaryHeading,
        name: 'In het kort, kop',
        basedOn: DOCX_STYLES.summary,
        next: DOCX_STYLES.summary,
        quickFormat: true,
        run: { bold: true, size: 21 },
        paragraph: { keepNext: true },
      },
      {
        id: DOCX_STYLES.badge,
        name: 'Artikellabel',
        basedOn: 'Normal',
        next: 'Normal',
        run: { font: SANS, size: 17, italics: true },
        paragraph: { spacing: { after: 60 }, keepNext: true },
      },
      {
        id: DOCX_STYLES.status,
        name: 'Status',
        basedOn: 'Normal',
        next: 'Normal',
        run: { font: SANS, size: 24 },
        paragraph: { spacing: { after: 160 } },
      },
    ],
  };
}

/** A literal for a numbering level's text: `%` would be read as a placeholder. */
function literal(text: string): string {
  return text.replace(/%/g, '%%');
}

/**
 * The numbering of a protocol: sections without their own label count `1.`, `2.`, … (level 0) and their articles
 * `1.1`, `1.2`, … (level 1), exactly as {@link composeProtocol} numbers them; a section with its own label (`A`)
 * gets its own list (`A.1`); a prose section's articles `[1]`, `[2]`, … (the numbers are ours, in brackets, as on
 * the page). Bullets for list items and the summaries.
 */
function protocolNumbering(doc: ProtocolDocument): INumberingOptions {
  const hanging = { indent: { left: 0, hanging: 0 } };
  const labelled = doc.sections
    .map((s, i) => ({ s, i }))
    .filter(({ s }) => s.numbered && s.label !== undefined && !autoLabel(doc, s));
  return {
    config: [
      {
        reference: NUM.protocol,
        levels: [
          {
            level: 0,
            format: LevelFormat.DECIMAL,
            text: '%1.',
            alignment: AlignmentType.LEFT,
            suffix: 'space',
            style: { paragraph: hanging },
          },
          {
            level: 1,
            format: LevelFormat.DECIMAL,
            text: '%1.%2',
            alignment: AlignmentType.LEFT,
            suffix: 'space',
            style: { paragraph: hanging },
          },
        ],
      },
      {
        reference: NUM.prose,
        levels: [
          {
            level: 0,
            format: LevelFormat.DECIMAL,
            text: '[%1]',
            alignment: AlignmentType.LEFT,
            suffix: 'space',
            style: { paragraph: hanging },
          },
        ],
      },
      ...labelled.map(({ s, i }) => ({
        reference: `label-${i}`,
        levels: [
          {
            level: 0,
            format: LevelFormat.DECIMAL,
            text: `${literal(s.label!)}.`,
            alignment: AlignmentType.LEFT,
            suffix: 'space' as const,
            style: { paragraph: hanging },
          },
          {
            level: 1,
            format: LevelFormat.DECIMAL,
            text: `${literal(s.label!)}.%2`,
            alignment: AlignmentType.LEFT,
            suffix: 'space' as const,
            style: { paragraph: hanging },
          },
        ],
      })),
      {
        reference: NUM.bullets,
        levels: [
          {
            level: 0,
            format: LevelFormat.BULLET,
            text: '•',
            alignment: AlignmentType.LEFT,
            style: { paragraph: { indent: { left: 360, hanging: 260 } } },
          },
        ],
      },
      {
        reference: NUM.summary,
        levels: [
          {
            level: 0,
            format: LevelFormat.BULLET,
            text: '•',
            alignment: AlignmentType.LEFT,
            style: { paragraph: { indent: { left: 480, hanging: 260 } } },
          },
        ],
      },
    ],
  };
}

/**
 * True when a numbered section's label is the one {@link composeProtocol} counted (`3` for the third numbered
 * section without a label of its own), so Word's own counter gives the same number.
 */
function autoLabel(doc: ProtocolDocument, section: DocSection): boolean {
  let n = 0;
  for (const s of doc.sections) {
    if (!s.numbered) continue;
    const own = s.label !== undefined && s.label !== String(n + 1);
    if (!own) n++;
    if (s === section) return !own && s.label === String(n);
  }
  return false;
}

/** The run of an e-mail address or web address: a hyperlink that shows its own text. */
function link(text: string, href: string): ExternalHyperlink {
  return new ExternalHyperlink({ link: href, children: [new TextRun({ text, style: 'Hyperlink' })] });
}

/** One contact as runs: role in bold, then name, e-mail and phone, as on the page. */
function contactRuns(c: Contact): ParagraphChild[] {
  const runs: ParagraphChild[] = [new TextRun({ text: c.role, bold: true })];
  if (c.name) runs.push(new TextRun(`: ${c.name}`));
  if (c.email) runs.push(new TextRun(', '), link(c.email, `mailto:${c.email}`));
  if (c.phone) runs.push(new TextRun(`, ${c.phone}`));
  return runs;
}

/** The mark after an inherited contact or document: ` (via het bestuur)`, in the words of the web page. */
function viaBoardRun(): TextRun {
  return new TextRun({ text: ` (${t('board.via')})`, italics: true });
}

/**
 * "Een probleem melden", the board's other contacts ("Ook te bereiken via het bestuur", {@link boardOnlyContacts})
 * and "Andere documenten van de school", as on the page and on the PDF's cover.
 *
 * @param inherited which of `doc.contacts` and `doc.documents` (by position) come from the school's board; those
 *   end in "(via het bestuur)", as on the web page. Default: none.
 */
export function contactParagraphs(doc: ProtocolDocument, inherited?: BoardMarks): Paragraph[] {
  const out: Paragraph[] = [];
  const reporting = doc.contacts
    .map((c, i) => ({ c, board: inherited?.contacts.includes(i) ?? false }))
    .filter(({ c }) => c.reporting);
  if (reporting.length) {
    out.push(new Paragraph({ text: t('protocol.report'), heading: HeadingLevel.HEADING_1 }));
    out.push(new Paragraph(t('protocol.reportIntro')));
    for (const { c, board } of reporting) {
      const children = [...contactRuns(c), ...(board ? [viaBoardRun()] : [])];
      out.push(new Paragraph({ children, numbering: { reference: NUM.bullets, level: 0 } }));
    }
  }
  const fromBoard = boardOnlyContacts(doc.contacts, inherited?.contacts);
  if (fromBoard.length) {
    out.push(new Paragraph(`${t('board.alsoContact')}:`));
    for (const c of fromBoard) {
      out.push(
        new Paragraph({
          children: [...contactRuns(c), viaBoardRun()],
          numbering: { reference: NUM.bullets, level: 0 },
        }),
      );
    }
  }
  if (doc.documents?.length) {
    out.push(new Paragraph({ text: t('protocol.documents'), heading: HeadingLevel.HEADING_1 }));
    doc.documents.forEach((d, i) => {
      const children: ParagraphChild[] =
        d.url && isWebUrl(d.url)
          ? [link(d.title, d.url), new TextRun(': '), link(d.url, d.url)]
          : [new TextRun(d.title)];
      if (inherited?.documents.includes(i)) children.push(viaBoardRun());
      out.push(new Paragraph({ children, numbering: { reference: NUM.bullets, level: 0 } }));
    });
  }
  return out;
}

/** An article body as paragraphs and bulleted list items. */
export function bodyParagraphs(text: string): Paragraph[] {
  return bodyBlocks(text).flatMap((b) =>
    'paragraph' in b
      ? [new Paragraph(b.paragraph)]
      : b.items.map((i) => new Paragraph({ text: i, numbering: { reference: NUM.bullets, level: 0 } })),
  );
}

/** The paragraphs of one section: heading (numbered by Word), "In het kort" box, articles (numbered by Word). */
function sectionParagraphs(doc: ProtocolDocument, s: DocSection, index: number): Paragraph[] {
  const auto = s.numbered && autoLabel(doc, s);
  const ref = !s.numbered ? NUM.prose : auto ? NUM.protocol : `label-${index}`;
  const out: Paragraph[] = [
    new Paragraph({
      text: s.title,
      heading: HeadingLevel.HEADING_1,
      ...(s.numbered ? { numbering: { reference: ref, level: 0 } } : {}),
    }),
  ];
  const articles = s.items.flatMap((i) => ('article' in i ? [i.article] : []));
  const summaries = articles.flatMap((a) => (a.summary ? [a.summary] : []));
  if (summaries.length) {
    out.push(new Paragraph({ text: t('protocol.summary'), style: DOCX_STYLES.summaryHeading }));
    for (const sum of summaries)
      out.push(
        new Paragraph({ text: sum, style: DOCX_STYLES.summary, numbering: { reference: NUM.summary, level: 0 } }),
      );
    out.push(new Paragraph({ text: '', spacing: { after: 120 } }));
  }
  for (const a of articles) {
    out.push(
      new Paragraph({
        text: a.title,
        heading: HeadingLevel.HEADING_2,
        // Prose sections restart their bracketed numbers: one instance of the list per section.
        numbering: s.numbered ? { reference: ref, level: 1 } : { reference: NUM.prose, level: 0, instance: index },
      }),
    );
    if (a.origin === 'custom') out.push(new Paragraph({ text: t('protocol.badge.custom'), style: DOCX_STYLES.badge }));
    if (a.origin === 'override')
      out.push(new Paragraph({ text: t('protocol.badge.override'), style: DOCX_STYLES.badge }));
    out.push(...bodyParagraphs(a.text));
  }
  return out;
}

/** Options for {@link protocolDocxDocument}. */
export interface ProtocolDocxOptions {
  /** The status line on the title page: who adopted it when (a refusal included), or that it is a draft. */
  status: string;
  /**
   * The date the file carries (core properties, zip entries), so the same protocol gives the same bytes; default:
   * the adoption date, else the clock. The build passes {@link buildDate}'s date (src/node/build-date.ts).
   */
  date?: Date;
  /**
   * Which of the document's contacts and documents come from the school's board ({@link BoardMarks}, as `withBoard`
   * found them: the build's `inheritanceOf`, the wizard's evaluation), marked "(via het bestuur)"; default none.
   */
  inherited?: BoardMarks;
}

/** `pagina {page} van {pages}` from `nl.json`, with Word's page fields in place of the two placeholders. */
function footerRuns(): (string | (typeof PageNumber)[keyof typeof PageNumber])[] {
  const [before = '', between = '', after = ''] = t('docx.footer').split(/\{pages?\}/);
  return [before, PageNumber.CURRENT, between, PageNumber.TOTAL_PAGES, after].filter((r) => r !== '');
}

/** The header and footer of every page but the first: school, version (`concept versie 2.0`), `pagina n van m`. */
export function runningHeaderFooter(
  left: string,
  right: string,
): { headers: { default: Header; first: Header }; footers: { default: Footer; first: Footer } } {
  const small = { font: SANS, size: 17, color: '333333' };
  return {
    headers: {
      default: new Header({
        children: [
          new Paragraph({
            children: [
              new TextRun({ text: left, ...small }),
              new TextRun({ text: '\t', ...small }),
              new TextRun({ text: right, ...small }),
            ],
            tabStops: [{ type: 'right', position: 9000 }],
          }),
        ],
      }),
      first: new Header({ children: [new Paragraph('')] }),
    },
    footers: {
      default: new Footer({
        children: [
          new Paragraph({
            alignment: AlignmentType.CENTER,
            children: [new TextRun({ children: footerRuns(), ...small })],
          }),
        ],
      }),
      first: new Footer({ children: [new Paragraph('')] }),
    },
  };
}

/**
 * A protocol as a Word document a school can keep editing: a title page (title, school, version, board, status, in
 * the words of {@link frontMatter};
 * "Een probleem melden" with every reporting contact, and the school's other documents), a table of contents field
 * (Word fills it in when the file is opened: `updateFields`), then every section as Heading 1 and every article as
 * Heading 2, numbered by a real multi-level list (not typed numbers), each section opening with "In het kort" in a
 * styled box. A draft says `concept versie 2.0` in the header of every page.
 *
 * @param doc a composed protocol ({@link composeProtocol}).
 */
export function protocolDocxDocument(doc: ProtocolDocument, opts: ProtocolDocxOptions): Document {
  const running = runningVersion(doc);
  const front = frontMatter(doc, opts.status);
  const cover: Paragraph[] = [
    new Paragraph({ text: front.title, heading: HeadingLevel.TITLE }),
    new Paragraph({ children: [new TextRun({ text: front.school, font: SANS, size: 36 })], spacing: { after: 400 } }),
    ...(front.draft
      ? [
          new Paragraph({
            children: [new TextRun({ text: t('protocol.draftMark'), bold: true, font: SANS, size: 32 })],
            style: DOCX_STYLES.status,
          }),
        ]
      : []),
    ...front.lines.map(
      (l) =>
        new Paragraph({
          children: [new TextRun({ text: `${l.label}: `, bold: true }), new TextRun(l.value)],
          style: DOCX_STYLES.status,
        }),
    ),
    ...contactParagraphs(doc, opts.inherited),
    new Paragraph({ children: [new PageBreak()] }),
  ];
  const toc = [
    new Paragraph({ text: t('toc.title'), heading: HeadingLevel.HEADING_1 }),
    new TableOfContents(t('toc.title'), { hyperlink: true, headingStyleRange: '1-2' }),
    new Paragraph({ children: [new PageBreak()] }),
  ];
  return new Document({
    creator: DOCX_AUTHOR,
    title: `${doc.title} ${doc.organisation}, ${running}`,
    description: opts.status,
    lastModifiedBy: DOCX_AUTHOR,
    features: { updateFields: true },
    styles: docxStyles(),
    numbering: protocolNumbering(doc),
    sections: [
      {
        properties: {
          titlePage: true,
          page: { size: { width: 11906, height: 16838 }, margin: { top: 1250, bottom: 1360, left: 1250, right: 1130 } },
        },
        ...runningHeaderFooter(doc.organisation, running),
        children: [...cover, ...toc, ...doc.sections.flatMap((s, i) => sectionParagraphs(doc, s, i))],
      },
    ],
  });
}

/** {@link protocolDocxDocument} packed as the bytes of a .docx file (in Node and in the browser alike), dated by `opts.date`. */
export async function protocolDocx(doc: ProtocolDocument, opts: ProtocolDocxOptions): Promise<Uint8Array> {
  const bytes = await Packer.pack(protocolDocxDocument(doc, opts), 'uint8array');
  const adopted = doc.adoption?.date ? new Date(`${doc.adoption.date}T00:00:00Z`) : undefined;
  return pinDocxDate(bytes, opts.date ?? adopted ?? new Date());
}

/** The MIME type of a .docx file, for a download in the browser. */
export const DOCX_MIME = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
