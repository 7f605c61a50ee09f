/**
 * Properties of the live library that the content review of November 2026 (shared/reviews/content-review-2026-11.md)
 * asked for, stated so that each can fail: a clause stands on its own or says what it needs, law rules out what it
 * rules out, and a model's historic choice is never offered to a new school.
 */
import { describe, expect, test } from 'vitest';
import { documentArticles } from '../../src/lib/compose/document.ts';
import { draftFromProtocol } from '../../src/lib/wizard/draft.ts';
import { evaluateDraft } from '../../src/lib/wizard/evaluate.ts';
import { sectorDefault } from '../../src/lib/wizard/sector-default.ts';
import { reviewWarnings } from '../../src/lib/wizard/warnings.ts';
import { loadSite } from '../../src/node/site-data.ts';

const site = loadSite();
const clauses = [...site.library.clauses.values()];
const modelIds = [...site.models.keys()];

/** Words with which a text leans on the article before it ("zoals hierboven", "deze ervaringen", "Ook spreken we"). */
const LEANS_ON_NEIGHBOUR =
  /hierboven|bovenstaand|voorgaande punten|deze ervaringen|genoemde richtlijnen|Essentieel hierbij|^Ook spreken we/im;

describe('the clause library', () => {
  test('has no body that leans on a neighbour unless the clause declares it in `requires`', () => {
    const leaning = clauses.filter((c) => LEANS_ON_NEIGHBOUR.test(c.body) && c.requires.length === 0).map((c) => c.id);
    expect(leaning).toEqual([]);
  });

  test("has no body that ends with a list item's semicolon", () => {
    expect(clauses.filter((c) => c.body.trim().endsWith(';')).map((c) => c.id)).toEqual([]);
  });

  test('rests image consent on art. 5 UAVG, never on art. 8 AVG (which covers online services to children)', () => {
    const art8 = clauses.filter((c) => c.legal.some((l) => l.law === 'AVG' && /^8\b/.test(l.article))).map((c) => c.id);
    expect(art8).toEqual([]);
    for (const id of ['all-users/beeld-schriftelijke-toestemming', 'parents/toestemmingsformulier']) {
      const clause = site.library.clauses.get(id)!;
      expect(
        clause.legal.map((l) => `${l.law} ${l.article}`),
        id,
      ).toContain('UAVG 5');
      expect(clause.body, id).not.toMatch(/ouder dan 16/);
      expect(Object.keys(clause.variables), `${id}: the age is fixed by law, not a school's choice`).toEqual([]);
    }
  });

  test('offers the phone variants where the teacher decides to mbo only (the national agreement covers po, vo and so)', () => {
    for (const id of ['devices/telefoon-docent-bepaalt', 'devices/telefoon-toestemming-docent']) {
      expect(site.library.clauses.get(id)!.sectors, id).toEqual(['mbo']);
    }
  });

  test('marks image opt-out as historic, with the reason', () => {
    expect(site.library.clauses.get('all-users/beeld-bezwaar')!.historic).toMatch(/AVG/);
  });

  test('says "strafbaar feit", not "strafrechtelijke overtreding"', () => {
    expect(clauses.filter((c) => /strafrechtelijke overtreding/.test(c.body)).map((c) => c.id)).toEqual([]);
  });
});

describe('a new school', () => {
  test.each(['po', 'vo', 'mbo', 'so'] as const)(
    'gets no historic clause and nothing outside its sector in the %s default',
    (sector) => {
      const protocol = sectorDefault(sector, site.library, 'scope-2012', modelIds);
      const ids = protocol.sections.flatMap((s) =>
        s.articles.flatMap((a) => ('clause' in a && a.clause ? [a.clause] : [])),
      );
      expect(ids.length).toBeGreaterThan(20);
      for (const id of ids) {
        const clause = site.library.clauses.get(id)!;
        expect(clause.historic, id).toBeUndefined();
        expect(clause.sectors, id).toContain(sector);
      }
    },
  );

  test('is warned in the review step about a historic variant and one the law rules out for its sector', () => {
    // Mill Hill (vo) let pupils bring their phone and use it with the teacher's permission; SCOPE used opt-out.
    const millHill = evaluateDraft(
      draftFromProtocol(site.protocols.get('mill-hill-2023')!.protocol, 'model:mill-hill-2023'),
      site.library,
      modelIds,
    );
    const warnings = reviewWarnings(millHill.input, millHill.doc, millHill.problems, site.library);
    expect(warnings.filter((w) => w.id === 'sector-mismatch').map((w) => w.message)).toEqual([
      '“Telefoon mee naar school, in de les alleen met toestemming” past niet bij de sector van de school (voortgezet onderwijs); het is bedoeld voor middelbaar beroepsonderwijs. Kies een andere variant of zet het artikel uit.',
    ]);
    const scope = evaluateDraft(
      draftFromProtocol(site.protocols.get('scope-2012')!.protocol, 'model:scope-2012'),
      site.library,
      modelIds,
    );
    const ids = reviewWarnings(scope.input, scope.doc, scope.problems, site.library).map((w) => w.id);
    expect(ids).toContain('historic-clause');
    expect(documentArticles(scope.doc!).some((a) => a.clause === 'all-users/beeld-bezwaar')).toBe(true);
  });
});
