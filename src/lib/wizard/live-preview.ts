/**
 * The wizard's live preview, cheap enough for every keystroke (issue 13: keystroke to preview p95 ≤ 16 ms on the
 * largest protocol). The full checks (schema, `checkProtocol`, the review) run once typing pauses
 * ({@link createIdleCheck}); the preview composes the draft without them, with the build's own composer
 * (`composeProtocol`), and keeps every article that did not change: its composition (keyed on what it is made
 * from) and its HTML (keyed on that composition).
 */
import { withBoard, type BoardInheritance } from '../board/inherit-board.ts';
import { composeProtocol } from '../compose/compose-protocol.ts';
import type { Board } from '../schema/board.ts';
import { documentArticles, type DocArticle, type Library, type ProtocolDocument } from '../compose/document.ts';
import { renderArticle } from '../render/render-html.ts';
import type { Protocol, ProtocolInput } from '../schema/protocol.ts';
import { draftToProtocolInput, type Draft } from './draft.ts';
import { lenientInput } from './evaluate.ts';

/**
 * The composition of a draft as `ProtocolSchema` would give it, without running the schema: the lenient input of
 * the preview (`lenientInput`: empty required texts filled with a visible placeholder) with the schema's defaults
 * and its "empty text means none" applied by hand. For a draft the schema accepts, composing this gives the same
 * document as composing the parsed protocol (tests/unit/wizard-live-preview.test.ts checks that); for one it refuses,
 * it is what the preview can still show.
 *
 * @param input the composition, from `draftToProtocolInput`.
 */
export function composableProtocol(input: ProtocolInput): Protocol {
  const lenient = lenientInput(input);
  const none = (v: string | undefined) => (v === '' ? undefined : v);
  // The wizard's dates are `YYYY-MM-DD` strings already; a Date (a YAML file's input type) is written as one.
  const iso = (d: string | Date) => (typeof d === 'string' ? d : d.toISOString().slice(0, 10));
  const school = lenient.school;
  return {
    format: lenient.format,
    title: lenient.title ?? 'Protocol sociale media',
    version: lenient.version,
    startsFrom: lenient.startsFrom,
    school: {
      ...school,
      board: none(school.board),
      place: none(school.place),
      pupils: school.pupils ?? 'leerlingen',
      contacts: (school.contacts ?? []).map((c) => ({
        ...c,
        name: none(c.name),
        phone: none(c.phone),
        reporting: c.reporting ?? false,
      })),
      documents: school.documents ?? [],
    },
    adoption: lenient.adoption && {
      ...lenient.adoption,
      date: iso(lenient.adoption.date),
      consent: (lenient.adoption.consent ?? []).map((c) => ({
        ...c,
        date: iso(c.date),
        outcome: c.outcome ?? 'ingestemd',
      })),
    },
    sections: lenient.sections.map((s) => ({
      ...s,
      label: none(s.label),
      numbered: s.numbered ?? true,
      articles: s.articles.map((a) =>
        'custom' in a
          ? { ...a, audiences: a.audiences ?? ['everyone'], summary: none(a.summary) }
          : { ...a, values: a.values ?? {} },
      ),
    })),
    overrides: lenient.overrides ?? {},
    reasons: lenient.reasons ?? {},
    accepted: (lenient.accepted ?? []).map((a) => ({ ...a, article: a.article ?? null })),
  };
}

/**
 * Which of a draft's contacts and documents come from its board, as the preview and the publication outputs mark
 * them ("via het bestuur"); undefined when `school.board` names no board file.
 *
 * @param draft the wizard's state.
 * @param boards the board files by id.
 */
export function draftInheritance(draft: Draft, boards: ReadonlyMap<string, Board>): BoardInheritance | undefined {
  if (!boards.size || !draft.school.board.trim()) return undefined;
  return withBoard(composableProtocol(draftToProtocolInput(draft)), boards).inherited;
}

/** A live preview of one wizard session: compose a draft, then render its articles one by one. */
export interface LivePreview {
  /**
   * Composes the draft (`composeProtocol` with a memo of the articles of the last call): an article whose number,
   * clause, values, own text and the school details its text uses are unchanged is the same object as before.
   * Undefined when the draft cannot be composed (an article names a clause the library lacks, a template that
   * cannot be filled): the full check reports why.
   */
  compose(draft: Draft): ProtocolDocument | undefined;
  /** The HTML of one composed article (`renderArticle`, as in the published page), rendered once per article object. */
  articleHtml(article: DocArticle): string;
  /** How many articles have been composed and rendered so far (not taken from the memo): for tests and the bench. */
  readonly counts: { composed: number; rendered: number };
}

/**
 * Makes a {@link LivePreview} for a library.
 *
 * @param library the clause library.
 * @param boards the board files by id: a draft whose `school.board` names one is composed with the board's values, as
 *   the build does (`withBoard`). Default none.
 * @param level heading level of the preview's sections (articles one below); default 3, as in the wizard.
 */
export function createLivePreview(
  library: Library,
  boards: ReadonlyMap<string, Board> = new Map(),
  level: 2 | 3 = 3,
): LivePreview {
  let memo = new Map<string, DocArticle>();
  const html = new WeakMap<DocArticle, string>();
  const counts = { composed: 0, rendered: 0 };
  return {
    counts,
    compose(draft) {
      const next = new Map(memo);
      let doc: ProtocolDocument;
      try {
        const { protocol } = withBoard(composableProtocol(draftToProtocolInput(draft)), boards);
        doc = composeProtocol('samenstellen', protocol, library, next);
      } catch {
        return undefined;
      }
      // Keep only the articles of this document, so the memo never grows beyond one protocol.
      const used = new Set(documentArticles(doc));
      for (const [key, article] of next) {
        if (!used.has(article)) next.delete(key);
        else if (!memo.has(key)) counts.composed++;
      }
      memo = next;
      return doc;
    },
    articleHtml(article) {
      let text = html.get(article);
      if (text === undefined) {
        text = renderArticle(article, level, { articleTitles: true });
        html.set(article, text);
        counts.rendered++;
      }
      return text;
    },
  };
}
