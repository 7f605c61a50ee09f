import { beforeAll, describe, expect, test } from 'vitest';
import { checkProtocol } from '../../src/lib/compose/check-protocol.ts';
import { composeProtocol } from '../../src/lib/compose/compose-protocol.ts';
import { documentArticles } from '../../src/lib/compose/document.ts';
import { modelToDocument } from '../../src/lib/compose/model-document.ts';
import { diffDocuments } from '../../src/lib/diff/diff-documents.ts';
import { modelToProtocol } from '../../src/lib/model/model-protocol.ts';
import { renameInText, startFromModel } from '../../src/lib/model/model-start.ts';
import { organisationTerms, termsIn } from '../../src/lib/model/organisation-terms.ts';
import { ProtocolSchema } from '../../src/lib/schema/protocol.ts';
import { sectorDefault } from '../../src/lib/wizard/sector-default.ts';
import { startProtocol } from '../../src/lib/wizard/start.ts';
import { startingPoints } from '../../src/lib/wizard/starting-points.ts';
import { fixtureContent, type FixtureContent } from '../helpers/fixture-content.ts';

let fx: FixtureContent;
beforeAll(() => {
  fx = fixtureContent('small-library');
});

const KOMPAS = {
  name: 'Scholengemeenschap Het Kompas',
  nameInText: 'Het Kompas',
  sector: 'vo' as const,
  contacts: [
    { role: 'mentor', reporting: true },
    { role: 'vertrouwenspersoon', reporting: true },
  ],
};

/** Every article's key and text of a composition. */
function texts(input: Parameters<typeof ProtocolSchema.parse>[0]) {
  return documentArticles(composeProtocol('x', ProtocolSchema.parse(input), fx.library)).map((a) => [a.key, a.text]);
}

describe('modelToProtocol', () => {
  test('rebuilds a model word for word: its school block, its values, and an override only where the library text differs', () => {
    const model = fx.models.get('voorbeeld-2020')!;
    const rebuild = modelToProtocol(model, fx.library);
    expect(rebuild.school).toMatchObject({
      name: 'Voorbeeld College',
      nameInText: 'het Voorbeeld College',
      board: 'Stichting Voorbeeldonderwijs',
    });
    expect(rebuild.adoption).toEqual({ by: 'College van Bestuur', date: '2020-03-02', consent: [] });
    // The edited article (a slip, the model's short name) and the own one keep the model's words; templates do not.
    expect(Object.keys(rebuild.overrides ?? {})).toEqual(['measures/aangifte', 'measures/gesprek']);
    const doc = composeProtocol('voorbeeld-2020', ProtocolSchema.parse(rebuild), fx.library);
    const diff = diffDocuments(modelToDocument(model, fx.library), doc);
    expect(diff.counts).toEqual({ unchanged: 6, changed: 0, added: 0, removed: 0, moved: 0, 'moved-changed': 0 });
  });

  test("names the model.yaml line and the clause file when an article's clause does not name it as a source", () => {
    const model = fx.models.get('voorbeeld-2020')!;
    const clauses = new Map(fx.library.clauses);
    clauses.set('reporting/melden', { ...clauses.get('reporting/melden')!, sources: [] });
    expect(() =>
      modelToProtocol(model, { ...fx.library, clauses }, { file: model.file, articleLines: model.articleLines }),
    ).toThrow(
      'tests/fixtures/content/small-library/clauses/reporting/melden.md: sources: voorbeeld-2020 A3 is aan deze bepaling gekoppeld',
    );
  });
});

describe('organisationTerms', () => {
  test("derives the model's names, board, place, e-mail domain and the local names in its own fill-ins", () => {
    const model = fx.models.get('voorbeeld-2020')!;
    const values = [...fx.library.clauses.values()].flatMap((c) =>
      c.sources.filter((s) => s.model === model.id).map((s) => s.values),
    );
    expect(organisationTerms(model, [...fx.models.values()], values)).toEqual(
      [
        'mentor@voorbeeldcollege.nl',
        'info@voorbeeldcollege.nl',
        'stichting Voorbeeldonderwijs',
        'Stichting Voorbeeldonderwijs',
        'voorbeeldcollege.nl',
        'Voorbeeld College',
        'Voorbeeldonderwijs',
        'Ergenshuizen',
        'Voorbeeld',
        'Zomerfeest',
        'VC Online',
      ].sort((a, b) => b.length - a.length || a.localeCompare(b)),
    );
  });
});

describe('renameInText', () => {
  test("puts the new school's names where the model named itself, with a capital at a sentence start", () => {
    const from = {
      name: 'Voorbeeld College',
      nameInText: 'het Voorbeeld College',
      board: 'Stichting Voorbeeldonderwijs',
      sector: 'vo' as const,
    };
    const to = { ...KOMPAS, nameInText: 'het Kompas', board: 'Stichting Kompasscholen' };
    expect(
      renameInText(
        'Het Voorbeeld College vraagt het, want Voorbeeld College wil het. Stichting Voorbeeldonderwijs ook.',
        from,
        to,
      ),
    ).toBe('Het Kompas vraagt het, want het Kompas wil het. Stichting Kompasscholen ook.');
  });
});

describe('startFromModel', () => {
  test("makes the model the new school's own: its block and title, no adoption, nothing of the model's organisation", () => {
    const model = fx.models.get('voorbeeld-2020')!;
    const values = [...fx.library.clauses.values()].flatMap((c) =>
      c.sources.filter((s) => s.model === model.id).map((s) => s.values),
    );
    const terms = organisationTerms(model, [...fx.models.values()], values);
    const start = startFromModel(modelToProtocol(model, fx.library), fx.library, { school: KOMPAS, terms });
    expect(start.title).toBe('Protocol sociale media Scholengemeenschap Het Kompas');
    expect(start.school).toEqual({ ...KOMPAS, pupils: 'leerlingen' });
    expect(start.adoption).toBeUndefined();
    expect(start.version).toBe('1.0');
    expect(texts(start)).toEqual([
      ['all-users/respect', 'Het Kompas vraagt iedereen om online respectvol met elkaar om te gaan.'],
      // The value naming the model's local event is dropped: the library's neutral default applies.
      [
        'all-users/beeld-bezwaar',
        "Ouders kunnen elk jaar bezwaar maken tegen foto's van hun kind op de website van de school.",
      ],
      ['reporting/melden', 'Zie je iets wat niet mag, meld het dan bij de mentor of de vertrouwenspersoon.'],
      ['reporting/bij-twijfel', 'Twijfel je, vraag het dan zoals hierboven aan de mentor of de vertrouwenspersoon.'],
      // An edited wording: the clean library text, not the model's slip and short name.
      ['measures/aangifte', 'Doet een leerling iets strafbaars, dan doet Het Kompas aangifte.'],
      // The model's own wording still carried its e-mail address after renaming: the library text instead.
      ['measures/gesprek', 'Wie zich niet aan de afspraken houdt, spreekt Het Kompas daarop aan.'],
    ]);
    for (const [, text] of texts(start)) expect(termsIn(text!, terms)).toEqual([]);
    expect(checkProtocol(ProtocolSchema.parse(start), fx.library, fx.modelIds, 'x')).toEqual([]);
  });

  test("keeps a model's own wording with the school's names when nothing else of the model remains in it", () => {
    const model = fx.models.get('voorbeeld-2020')!;
    const rebuild = modelToProtocol(model, fx.library);
    const own = {
      ...rebuild,
      overrides: { 'measures/gesprek': 'Het Voorbeeld College gaat met iedereen in gesprek.' },
    };
    const start = startFromModel(own, fx.library, { school: KOMPAS, terms: ['Voorbeeld College'] });
    expect(start.overrides).toEqual({ 'measures/gesprek': 'Het Kompas gaat met iedereen in gesprek.' });
  });
});

describe('sectorDefault', () => {
  test('takes every clause of the sector, one variant per choice point, and puts a clause right after the one it leans on', () => {
    const input = sectorDefault('vo', fx.library, 'voorbeeld-2020', fx.modelIds, KOMPAS);
    expect(input.title).toBe('Protocol sociale media Scholengemeenschap Het Kompas');
    expect(input.sections.map((s) => [s.title, s.articles.map((a) => ('clause' in a ? a.clause : a.custom))])).toEqual([
      ['Voor iedereen', ['all-users/beeld-bezwaar', 'all-users/respect']],
      ['Telefoons en andere apparaten', ['devices/telefoon-inleveren']],
      ['Melden', ['reporting/melden', 'reporting/bij-twijfel']],
      ['Gevolgen en maatregelen', ['measures/aangifte', 'measures/gesprek']],
    ]);
    // The required value stays empty: the school fills it in, and until then the protocol is refused.
    const problems = checkProtocol(ProtocolSchema.parse(input), fx.library, fx.modelIds, 'x');
    expect(problems.map((p) => p.rule)).toEqual(['missing-value']);
  });

  test('leaves out a clause whose clause it leans on does not fit the sector', () => {
    const clauses = new Map(fx.library.clauses);
    clauses.set('reporting/melden', { ...clauses.get('reporting/melden')!, sectors: ['vo'] });
    const input = sectorDefault('po', { ...fx.library, clauses }, 'voorbeeld-2020', fx.modelIds);
    const ids = input.sections.flatMap((s) => s.articles.map((a) => ('clause' in a ? a.clause : '')));
    expect(ids).not.toContain('reporting/bij-twijfel');
    expect(input.school.name).toBe('');
  });
});

describe("startingPoints and startProtocol (the wizard's Startpunt step)", () => {
  test("offer each model and each sector, and make the chosen one the school's own with what step 1 holds", () => {
    const starts = startingPoints(fx.library, [...fx.models.values()]);
    expect(starts.map((s) => s.id)).toEqual([
      'model:voorbeeld-2020',
      'sector:po',
      'sector:vo',
      'sector:mbo',
      'sector:so',
    ]);
    expect(starts[0]!.terms).toContain('Voorbeeld College');
    // Empty fields of step 1 count as not given: the start keeps an empty name for the school to type.
    const model = startProtocol(starts[0]!, fx.library, { name: '', nameInText: '', sector: 'vo' });
    expect([model.title, model.school.name, model.adoption]).toEqual(['Protocol sociale media', '', undefined]);
    const sector = startProtocol(starts[2]!, fx.library, { name: 'Het Kompas', sector: 'vo' });
    expect([sector.title, sector.school.name, sector.school.sector]).toEqual([
      'Protocol sociale media Het Kompas',
      'Het Kompas',
      'vo',
    ]);
  });
});
