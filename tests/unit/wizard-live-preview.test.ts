/**
 * Typing stays cheap on a large protocol (issue 13): the live preview recomposes and re-renders only the articles
 * whose input changed (src/lib/wizard/live-preview.ts), and the full checks and the review run once typing pauses
 * (src/lib/wizard/idle-check.ts, wired in src/components/wizard/store.ts), with the same result as a full run.
 */
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { composeProtocol } from '../../src/lib/compose/compose-protocol.ts';
import { documentArticles } from '../../src/lib/compose/document.ts';
import { deriveForeignNames } from '../../src/lib/lint/foreign-names.ts';
import { reviewProtocol } from '../../src/lib/lint/review-protocol.ts';
import { renderArticle, renderDocumentHtml } from '../../src/lib/render/render-html.ts';
import { ProtocolSchema } from '../../src/lib/schema/protocol.ts';
import { draftFromProtocol, type Draft } from '../../src/lib/wizard/draft.ts';
import { evaluateDraft } from '../../src/lib/wizard/evaluate.ts';
import { createIdleCheck, type Timers } from '../../src/lib/wizard/idle-check.ts';
import { composableProtocol, createLivePreview, draftInheritance } from '../../src/lib/wizard/live-preview.ts';
import { sectorDefault } from '../../src/lib/wizard/sector-default.ts';
import { draftToProtocolInput } from '../../src/lib/wizard/draft.ts';
import type { WizardData } from '../../src/lib/wizard/wizard-data.ts';
import { loadSite } from '../../src/node/site-data.ts';

const site = loadSite();
const lib = site.library;
const modelIds = [...site.models.keys()];
/** The largest protocol the wizard offers: the vo default (every clause that fits vo). */
const voDefault = (): Draft =>
  draftFromProtocol(
    ProtocolSchema.parse({
      ...sectorDefault('vo', lib, 'mill-hill-2023', ['lankforst-2024']),
      school: { name: 'Het Baken', sector: 'vo', place: 'Utrecht' },
    }),
    'sector:vo',
  );

/** The draft with one article's value set (the first article with a text variable). */
function typeInto(d: Draft, text: string): { draft: Draft; clause: string } {
  for (const [si, s] of d.sections.entries())
    for (const [ai, a] of s.articles.entries()) {
      const clause = a.clause && lib.clauses.get(a.clause);
      const name = clause && Object.entries(clause.variables).find(([, v]) => v.type === 'text')?.[0];
      if (!clause || !name) continue;
      const sections = d.sections.map((x, i) =>
        i !== si
          ? x
          : {
              ...x,
              articles: x.articles.map((y, j) => (j !== ai ? y : { ...y, values: { ...y.values, [name]: text } })),
            },
      );
      return { draft: { ...d, sections }, clause: clause.id };
    }
  throw new Error('the vo default has no text variable');
}

describe('live preview', () => {
  test('composes the same document as the full check, for the vo default and for an unfinished draft', () => {
    for (const d of [voDefault(), { ...voDefault(), school: { ...voDefault().school, name: '', place: '' } }]) {
      const live = createLivePreview(lib).compose(d)!;
      const full = evaluateDraft(d, lib, modelIds).doc!;
      expect(live).toEqual(full);
      expect(renderDocumentHtml(live, { level: 3 })).toBe(renderDocumentHtml(full, { level: 3 }));
    }
  });

  test('the hand-applied defaults equal the schema on a composition with own articles, overrides and consent', () => {
    const input = {
      ...draftToProtocolInput(voDefault()),
      adoption: { by: 'het bestuur', date: '2026-05-01', consent: [{ body: 'MR', date: '2026-04-20' }] },
    };
    input.sections[0]!.articles.push({ custom: 'eigen', title: 'Eigen', text: 'Tekst.', audiences: ['everyone'] });
    const clause = (input.sections[1]!.articles[0] as { clause: string }).clause;
    input.overrides = { [clause]: 'Onze eigen tekst.' };
    expect(composeProtocol('x', composableProtocol(input), lib)).toEqual(
      composeProtocol('x', ProtocolSchema.parse(input), lib),
    );
  });

  test('a change to one article recomposes and re-renders that one article only', () => {
    const preview = createLivePreview(lib);
    const before = voDefault();
    const first = preview.compose(before)!;
    const all = documentArticles(first);
    expect(all.length).toBeGreaterThan(100);
    for (const a of all) preview.articleHtml(a);
    expect(preview.counts).toEqual({ composed: all.length, rendered: all.length });

    const { draft: after, clause } = typeInto(before, 'de mentor');
    const second = preview.compose(after)!;
    expect(preview.counts.composed).toBe(all.length + 1);
    const changed = documentArticles(second).filter((a, i) => a !== all[i]);
    expect(changed.map((a) => a.clause)).toEqual([clause]);
    const html = documentArticles(second).map((a) => preview.articleHtml(a));
    expect(preview.counts.rendered).toBe(all.length + 1);
    expect(html.join('\n')).toBe(
      documentArticles(second)
        .map((a) => renderArticle(a, 3, { articleTitles: true }))
        .join('\n'),
    );
    expect(html.join('\n')).toContain('de mentor');
  });

  test('a change to the school name recomposes only the articles whose text uses it', () => {
    const preview = createLivePreview(lib);
    const d = voDefault();
    const n = documentArticles(preview.compose(d)!).length;
    const renamed = preview.compose({ ...d, school: { ...d.school, name: 'Het Anker' } })!;
    const uses = documentArticles(renamed).filter(
      (a) => a.clause && /\{\{\s*school\.(name|nameInText|account)/.test(lib.clauses.get(a.clause)!.body),
    );
    expect(preview.counts.composed - n).toBe(uses.length);
    expect(uses.length).toBeLessThan(n);
  });
});

describe('a school of a known board (issue 15)', () => {
  const boards = new Map([...site.boards.values()].map((b) => [b.id, b.board]));
  const board = [...boards.values()][0]!;
  const ofBoard = (): Draft => {
    const d = voDefault();
    return { ...d, school: { ...d.school, board: board.name.toUpperCase() } };
  };

  test('inherits the board contacts and documents in the preview, the checked document and the review, not the file', () => {
    const d = ofBoard();
    const ev = evaluateDraft(d, lib, modelIds, undefined, boards);
    expect(ev.doc!.contacts.map((c) => c.role)).toEqual(board.contacts.map((c) => c.role));
    expect(ev.doc!.documents!.map((x) => x.title)).toEqual(board.documents.map((x) => x.title));
    expect(ev.effective!.school.boardInText).toBe(board.boardInText);
    expect(ev.input.school.contacts).toEqual([]);
    expect(ev.inherited!.contacts).toEqual(board.contacts.map((_, i) => i));
    expect(createLivePreview(lib, boards).compose(d)).toEqual(ev.doc);
    expect(draftInheritance(d, boards)).toEqual(ev.inherited);
    // The board's reporting contact is a reporting route: the articles that name them say so.
    const reportingRole = board.contacts.find((c) => c.reporting)!.role;
    expect(documentArticles(ev.doc!).some((a) => a.text.includes(`de ${reportingRole}`))).toBe(true);
  });

  test("a school contact with the board contact's role replaces it; a school without a known board inherits nothing", () => {
    const d = ofBoard();
    const role = board.contacts[0]!.role;
    const own = {
      ...d,
      school: { ...d.school, contacts: [{ role, name: 'M. Jansen', email: '', phone: '', reporting: true }] },
    };
    const ev = evaluateDraft(own, lib, modelIds, undefined, boards);
    expect(ev.doc!.contacts.filter((c) => c.role === role)).toEqual([{ role, name: 'M. Jansen', reporting: true }]);
    expect(draftInheritance(own, boards)!.contacts).toEqual(board.contacts.slice(1).map((_, i) => i + 1));
    const none = { ...d, school: { ...d.school, board: 'Stichting Onbekend' } };
    expect(draftInheritance(none, boards)).toBeUndefined();
    expect(evaluateDraft(none, lib, modelIds, undefined, boards).doc!.contacts).toEqual([]);
  });
});

describe('createIdleCheck', () => {
  /** Timers driven by hand: `advance` runs what is due. */
  function manualTimers() {
    let now = 0;
    const due = new Map<number, { at: number; fn: () => void }>();
    let id = 0;
    const timers: Timers = {
      set: (fn, ms) => {
        due.set(++id, { at: now + ms, fn });
        return id;
      },
      clear: (h) => void due.delete(h as number),
    };
    const advance = (ms: number) => {
      now += ms;
      for (const [h, t] of [...due]) {
        if (t.at > now) continue;
        due.delete(h);
        t.fn();
      }
    };
    return { timers, advance };
  }

  test('applies the last value once typing pauses, not before', () => {
    const { timers, advance } = manualTimers();
    const applied: string[] = [];
    const check = createIdleCheck<string>((v) => applied.push(v), 300, timers);
    for (const v of ['a', 'ab', 'abc']) {
      check.schedule(v);
      advance(100);
    }
    expect(applied).toEqual([]);
    expect(check.pending).toBe(true);
    advance(200);
    expect(applied).toEqual(['abc']);
    expect(check.pending).toBe(false);
    advance(1000);
    expect(applied).toEqual(['abc']);
  });

  test('flush applies at once (a field left, a step changed, an export), and only once', () => {
    const { timers, advance } = manualTimers();
    const applied: string[] = [];
    const check = createIdleCheck<string>((v) => applied.push(v), 300, timers);
    check.schedule('x');
    check.flush();
    expect(applied).toEqual(['x']);
    advance(300);
    check.flush();
    expect(applied).toEqual(['x']);
  });
});

describe('the wizard store checks after the pause', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    (globalThis as { localStorage?: unknown }).localStorage = { getItem: () => null, setItem() {}, removeItem() {} };
  });
  afterEach(() => vi.useRealTimers());

  test('the review after the pause equals a full run, and checkNow brings it up to date at once', async () => {
    const store = await import('../../src/components/wizard/store.ts');
    const data: WizardData = {
      clauses: [...lib.clauses.values()],
      choicePoints: [...lib.choicePoints.values()],
      models: [...site.models.values()].map((m) => ({
        id: m.id,
        organisation: m.organisation,
        year: m.datedIso.slice(0, 4),
        sectors: m.sectors,
        doc: site.modelDocs.get(m.id)!,
      })),
      starts: [],
    };
    store.data.value = data;
    store.replaceDraft(voDefault());
    const full = (d: Draft) => {
      const ev = evaluateDraft(d, lib, modelIds);
      const foreignNames = deriveForeignNames(data.models.map((m) => m.doc));
      return reviewProtocol({ protocol: ev.protocol!, doc: ev.doc!, library: lib, foreignNames });
    };
    expect(store.findings.value).toEqual(full(store.draft.value));

    // Typing a name the review objects to (a reference model's organisation): the preview follows at once, the
    // review only after the pause.
    const typed = typeInto(store.draft.value, 'Mill Hill College');
    for (const [i, ch] of [...'ab'].entries()) {
      store.commit({ ...typed.draft, title: `${typed.draft.title}${ch.repeat(i + 1)}` }, 'typing');
      vi.advanceTimersByTime(100);
    }
    store.commit(typed.draft, 'typing');
    const stale = store.findings.value;
    expect(
      documentArticles(store.previewDoc.value!)
        .map((a) => a.text)
        .join(' '),
    ).toContain('Mill Hill College');
    expect(store.evaluation.value!.input).not.toEqual(draftToProtocolInput(typed.draft));
    vi.advanceTimersByTime(300);
    expect(store.evaluation.value!.input).toEqual(draftToProtocolInput(typed.draft));
    expect(store.findings.value).toEqual(full(typed.draft));
    expect(store.findings.value).not.toEqual(stale);

    // checkNow (a field left, a step changed, an export) does not wait.
    const renamed = { ...typed.draft, school: { ...typed.draft.school, name: '' } };
    store.commit(renamed, 'school.name');
    expect(store.evaluation.value!.problems.some((p) => p.field === 'school.name')).toBe(false);
    store.checkNow();
    expect(store.evaluation.value!.problems.some((p) => p.field === 'school.name')).toBe(true);

    // While an error shows, a change is checked at once: the error goes away as it is fixed.
    store.revealAll.value = true;
    store.commit({ ...renamed, school: { ...renamed.school, name: 'Het Anker' } }, 'school.name');
    expect(store.evaluation.value!.problems.some((p) => p.field === 'school.name')).toBe(false);
  });
});
