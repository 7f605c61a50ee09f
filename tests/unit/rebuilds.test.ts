import { beforeAll, describe, expect, test } from 'vitest';
import { documentArticles } from '../../src/lib/compose/document.ts';
import { diffDocuments, type DocumentDiff } from '../../src/lib/diff/diff-documents.ts';
import { diffVersions } from '../../src/lib/versions/diff-versions.ts';
import { loadSite, type SiteData } from '../../src/node/site-data.ts';

let site: SiteData;
beforeAll(() => {
  site = loadSite();
});

describe('rebuilding each reference model from the library', () => {
  test.each([
    ['hoeksche-2020', 40],
    ['lankforst-2024', 44],
    ['mill-hill-2023', 28],
    ['roc-top-2018', 16],
    ['scope-2012', 28],
  ])('gives back %s word for word: %i articles unchanged, nothing else', (id, articles) => {
    const model = site.modelDocs.get(id)!;
    expect(documentArticles(model)).toHaveLength(articles);
    const diff = diffDocuments(model, site.protocols.get(id)!.doc);
    expect(diff.counts).toEqual({
      unchanged: articles,
      changed: 0,
      added: 0,
      removed: 0,
      moved: 0,
      'moved-changed': 0,
    });
    expect(diffVersions(model, site.protocols.get(id)!.doc, {}, { against: 'model' }).changes).toEqual([]);
  });
});

describe('the demo school Basisschool De Linde against SCOPE 2012', () => {
  let diff: DocumentDiff;
  beforeAll(() => {
    diff = diffDocuments(site.modelDocs.get('scope-2012')!, site.protocols.get('de-linde')!.doc);
  });

  // Read by hand from content/protocols/de-linde.yaml against content/reference-models/scope-2012/model.yaml:
  // clauses with {{school.name}} change SCOPE into Basisschool De Linde; the library ends an article with '.' where
  // SCOPE's list item ends with ';', and has 'Essentieel is dat' where SCOPE leans on the paragraph before it;
  // removed articles stand after the article that preceded them in SCOPE; twijfel-leidinggevende moved to the head
  // of the staff section, in newer words.
  test("aligns every article by clause, in the school's order, removed ones after their SCOPE predecessor", () => {
    expect(diff.changes.map((c) => [c.kind, c.key])).toEqual([
      ['changed', 'introduction/onderdeel-samenleving'],
      ['changed', 'introduction/kansen'],
      ['unchanged', 'introduction/bewust-omgaan'],
      ['changed', 'introduction/fatsoensnormen'],
      ['changed', 'introduction/vertrouwen'],
      ['added', 'introduction/instemming-en-evaluatie'],
      ['changed', 'school-communication/profilering'],
      ['removed', 'school-communication/ervaringen-volgen'],
      ['removed', 'school-communication/reactie-alleen-onjuistheden'],
      ['changed', 'principles/kaders-veilig-klimaat'],
      ['changed', 'principles/missie-fatsoen'],
      ['changed', 'principles/bescherming'],
      ['removed', 'definitions-scope/doelgroep'],
      ['added', 'definitions-scope/voor-wie'],
      ['unchanged', 'definitions-scope/reikwijdte-schoolgerelateerd'],
      ['removed', 'all-users/sociale-media-in-les-toegestaan'],
      ['added', 'all-users/sociale-media-in-les-niet-tenzij'],
      ['changed', 'staff-at-work/sociale-media-in-lessen'],
      ['changed', 'all-users/publiceren-aangemoedigd'],
      ['changed', 'all-users/persoonlijk-verantwoordelijk'],
      ['removed', 'all-users/beeld-bezwaar'],
      ['removed', 'staff-at-work/vrienden-schoolaccount'],
      ['added', 'all-users/beeld-toestemming-per-doel'],
      ['added', 'all-users/geen-heimelijke-opnamen'],
      ['added', 'all-users/seksuele-beelden'],
      ['added', 'all-users/deepfakes'],
      ['added', 'staff-at-work/vrienden-geen-prive-account'],
      ['unchanged', 'all-users/fatsoensnormen-maatregelen'],
      ['added', 'school-communication/geen-reactie-nepaccounts'],
      ['added', 'devices/apparaten-nee-tenzij-dag'],
      ['added', 'devices/uitzonderingen-apparaten'],
      ['added', 'devices/schoolreis-zelfde-afspraken'],
      ['added', 'pupils/online-risicos'],
      ['added', 'reporting/iedereen-meldt'],
      ['added', 'custom/groepsapps-ouders'],
      ['moved-changed', 'staff-at-work/twijfel-leidinggevende'],
      ['changed', 'school-communication/schoolaccounts-officieel'],
      ['added', 'school-communication/accounts-met-afspraken'],
      ['added', 'school-communication/voorkeuren-volgen'],
      ['added', 'staff-at-work/groepsapps-leerlingen'],
      ['added', 'staff-at-work/ai-en-leerlinggegevens'],
      ['changed', 'staff-at-work/informeren-aangemoedigd'],
      ['changed', 'staff-outside-work/niet-schoolgerelateerd'],
      ['changed', 'staff-outside-work/vrijheid-van-meningsuiting'],
      ['added', 'reporting/beelden-in-omloop'],
      ['added', 'reporting/meld-en-aangifteplicht'],
      ['changed', 'measures/naleven-ambassadeurs'],
      ['changed', 'measures/gesprek'],
      ['unchanged', 'measures-staff/conform-cao'],
    ]);
  });

  test('counts 4 unchanged, 17 changed, 21 added, 6 removed and 1 moved and changed', () => {
    expect(diff.counts).toEqual({ unchanged: 4, changed: 17, added: 21, removed: 6, moved: 0, 'moved-changed': 1 });
  });

  test('the one comparison makes each choice point settled differently one "andere keuze" change', () => {
    const model = site.modelDocs.get('scope-2012')!;
    const school = site.protocols.get('de-linde')!.doc;
    const settled = (doc: typeof model) =>
      new Map(documentArticles(doc).flatMap((a) => (a.choicePoint ? [[a.choicePoint, a.variant] as const] : [])));
    const before = settled(model);
    const after = settled(school);
    const differently = [...after].filter(([cp, v]) => before.has(cp) && before.get(cp) !== v).map(([cp]) => cp);
    const versions = diffVersions(model, school, {}, { against: 'model' });
    const variants = versions.changes.filter((c) => c.kind === 'variant');
    expect(variants.map((c) => c.after!.choicePoint).sort()).toEqual(differently.sort());
    for (const c of variants) expect(c.before!.choicePoint).toBe(c.after!.choicePoint);
  });

  test("a text whose only difference is the school's name in place of SCOPE is a name change, not a word change", () => {
    const versions = diffVersions(
      site.modelDocs.get('scope-2012')!,
      site.protocols.get('de-linde')!.doc,
      {},
      { against: 'model' },
    );
    const names = versions.changes.filter((c) => c.kind === 'name');
    expect(names.length).toBeGreaterThan(0);
    for (const c of names) {
      expect(c.names).toEqual({ before: 'SCOPE', after: 'Basisschool De Linde' });
      const other = c.words!.filter((w) => w.op !== 'same').map((w) => w.text.trim().toLowerCase());
      expect(new Set(other)).toEqual(new Set(['scope', 'basisschool de linde']));
    }
  });

  test('shows, word by word, Hyves giving way to TikTok in the introduction', () => {
    const change = diff.changes.find((c) => c.key === 'introduction/onderdeel-samenleving')!;
    expect(change.words).toEqual([
      { op: 'del', text: 'SCOPE' },
      { op: 'ins', text: 'Basisschool De Linde' },
      { op: 'same', text: ' is zich ervan bewust dat sociale media zoals ' },
      { op: 'del', text: 'Hyves' },
      { op: 'ins', text: 'WhatsApp' },
      { op: 'same', text: ', ' },
      { op: 'del', text: 'Twitter' },
      { op: 'ins', text: 'Instagram' },
      { op: 'same', text: ', ' },
      { op: 'del', text: 'Facebook' },
      { op: 'ins', text: 'TikTok' },
      { op: 'same', text: ', YouTube en ' },
      { op: 'del', text: 'LinkedIn' },
      { op: 'ins', text: 'Snapchat' },
      {
        op: 'same',
        text: ' een onlosmakelijk onderdeel zijn van de huidige samenleving en de leefomgeving van haar leerlingen, hun ouders en andere belanghebbenden zoals o.a. omwonenden en de gemeente.',
      },
    ]);
    expect(change.words!.filter((w) => w.op === 'del').map((w) => w.text)).toContain('Hyves');
    expect(change.words!.filter((w) => w.op === 'ins').map((w) => w.text)).toContain('TikTok');
  });

  test("shows the school's own text for measures/gesprek against SCOPE's words", () => {
    const change = diff.changes.find((c) => c.key === 'measures/gesprek')!;
    expect(change.after!.origin).toBe('override');
    expect(change.words).toEqual([
      { op: 'del', text: 'SCOPE' },
      { op: 'ins', text: 'Basisschool De Linde' },
      { op: 'same', text: ' gaat met betrokkenen in gesprek als hiervoor aanleiding is' },
      { op: 'del', text: ';' },
      { op: 'ins', text: '. Bij leerlingen worden de ouders/verzorgers daar altijd bij betrokken.' },
    ]);
  });
});
