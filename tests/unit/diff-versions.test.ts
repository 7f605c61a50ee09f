import { describe, expect, test } from 'vitest';
import { testDocument } from '../helpers/documents.ts';
import { anchorForKey, type DocArticle, type ProtocolDocument } from '../../src/lib/compose/document.ts';
import { diffVersions, modelCounterpart, modelDirection, wordDistance } from '../../src/lib/versions/diff-versions.ts';
import { checkHistory } from '../../src/lib/versions/history.ts';
import { modelRedlineNames, modelRedlinePdfName, statusSentence } from '../../src/lib/versions/status.ts';
import { changeLabel } from '../../src/lib/render/change-text.ts';
import { redlineItems, renderRedlineTextHtml } from '../../src/lib/render/render-redline.ts';
import { renderChangeHtml } from '../../src/lib/render/render-change.ts';
import { renderVersionDiffText } from '../../src/lib/render/render-terminal.ts';
import { loadSite } from '../../src/node/site-data.ts';

/** A library article `key` numbered `number`, with `text`, optional values and choice point. */
function art(key: string, number: string, text: string, extra: Partial<DocArticle> = {}): DocArticle {
  return {
    key,
    clause: key,
    number,
    numberAdded: false,
    anchor: anchorForKey(key),
    title: key,
    text,
    audiences: ['everyone'],
    origin: 'library',
    ...extra,
  };
}

/** A school's own article `custom/<slug>`. */
function own(slug: string, number: string, text: string): DocArticle {
  return {
    key: `custom/${slug}`,
    number,
    numberAdded: false,
    anchor: `custom--${slug}`,
    title: slug,
    text,
    audiences: ['parents'],
    origin: 'custom',
  };
}

/** A protocol document: each inner list is one section. */
const doc = testDocument;

const RESPECT = 'Wij gaan online met respect met elkaar om.';
const FOTO = 'Foto’s van anderen plaatsen we alleen met toestemming.';
const MELDEN = 'Zie je iets wat niet deugt, meld het dan bij de groepsleerkracht.';
const GESPREK = 'De school gaat met betrokkenen in gesprek.';

/** Number, kind, key and the old and new article numbers of each change. */
function summary(before: ProtocolDocument, after: ProtocolDocument, reasons: Record<string, string> = {}) {
  return diffVersions(before, after, reasons).changes.map((c) => [
    c.number,
    c.kind,
    c.key,
    c.before?.number,
    c.after?.number,
  ]);
}

describe('diffVersions', () => {
  test('renumbering only: an article that keeps its words under another number is no change', () => {
    const before = doc(
      [art('a/respect', '1.1', RESPECT), art('a/foto', '1.2', FOTO)],
      [art('b/melden', '2.1', MELDEN)],
    );
    const after = doc([art('a/respect', '2.1', RESPECT)], [art('a/foto', '3.1', FOTO), art('b/melden', '3.2', MELDEN)]);
    const diff = diffVersions(before, after);
    expect(diff.changes).toEqual([]);
    expect(diff.entries.map((e) => [e.kind, e.key, e.number])).toEqual([
      ['unchanged', 'a/respect', undefined],
      ['unchanged', 'a/foto', undefined],
      ['unchanged', 'b/melden', undefined],
    ]);
  });

  test('move only: the article that left its place is the one change, without word changes', () => {
    const before = doc([art('a/respect', '1.1', RESPECT), art('a/foto', '1.2', FOTO), art('b/melden', '1.3', MELDEN)]);
    const after = doc([art('a/foto', '1.1', FOTO), art('b/melden', '1.2', MELDEN)], [art('a/respect', '2.1', RESPECT)]);
    const diff = diffVersions(before, after);
    expect(summary(before, after)).toEqual([['W1', 'moved', 'a/respect', '1.1', '2.1']]);
    expect(diff.changes[0]!.words).toBeUndefined();
    expect(diff.counts).toEqual({
      changed: 0,
      name: 0,
      variable: 0,
      variant: 0,
      added: 0,
      removed: 0,
      moved: 1,
      'moved-changed': 0,
    });
  });

  test('edit inside a move: moved and changed, with whole-word insertions and deletions', () => {
    const before = doc([art('m/gesprek', '1.1', GESPREK), art('a/respect', '1.2', RESPECT)]);
    const after = doc(
      [art('a/respect', '1.1', RESPECT)],
      [art('m/gesprek', '2.1', 'De school gaat altijd met betrokkenen in gesprek.')],
    );
    const diff = diffVersions(before, after);
    expect(summary(before, after)).toEqual([['W1', 'moved-changed', 'm/gesprek', '1.1', '2.1']]);
    expect(diff.changes[0]!.words).toEqual([
      { op: 'same', text: 'De school gaat ' },
      { op: 'ins', text: 'altijd ' },
      { op: 'same', text: 'met betrokkenen in gesprek.' },
    ]);
  });

  test('variable change: same clause, other value; the values are listed beside the words', () => {
    const before = doc([
      art('r/melden', '1.1', 'Meld het bij de groepsleerkracht of vertrouwenspersoon.', {
        values: { reportContacts: ['groepsleerkracht', 'vertrouwenspersoon'] },
      }),
    ]);
    const after = doc([
      art('r/melden', '1.1', 'Meld het bij de groepsleerkracht, intern begeleider of vertrouwenspersoon.', {
        values: { reportContacts: ['groepsleerkracht', 'intern begeleider', 'vertrouwenspersoon'] },
      }),
    ]);
    const [change] = diffVersions(before, after).changes;
    expect(change).toMatchObject({ number: 'W1', kind: 'variable', key: 'r/melden' });
    expect(change!.variables).toEqual([
      {
        name: 'reportContacts',
        before: ['groepsleerkracht', 'vertrouwenspersoon'],
        after: ['groepsleerkracht', 'intern begeleider', 'vertrouwenspersoon'],
      },
    ]);
    expect(change!.words).toEqual([
      { op: 'same', text: 'Meld het bij de groepsleerkracht' },
      { op: 'ins', text: ', intern begeleider ' },
      { op: 'same', text: 'of vertrouwenspersoon.' },
    ]);
  });

  test('variant change: another variant of the same choice point is one change at the new place, not a removal and an addition', () => {
    const before = doc([
      art('a/respect', '1.1', RESPECT),
      art('d/telefoon-mag', '1.2', 'De telefoon mag mee.', {
        choicePoint: 'phones-at-school',
        variant: 'teacher-permits',
      }),
    ]);
    const after = doc([
      art('a/respect', '1.1', RESPECT),
      art('d/telefoon-tas', '1.2', 'De telefoon blijft in de tas.', {
        choicePoint: 'phones-at-school',
        variant: 'in-bag',
      }),
    ]);
    const diff = diffVersions(before, after, { 'd/telefoon-mag': 'Landelijke afspraak.' });
    expect(summary(before, after)).toEqual([['W1', 'variant', 'd/telefoon-tas', '1.2', '1.2']]);
    expect(diff.changes[0]!.words).toEqual([
      { op: 'same', text: 'De telefoon ' },
      { op: 'del', text: 'mag mee' },
      { op: 'ins', text: 'blijft in de tas' },
      { op: 'same', text: '.' },
    ]);
    // A reason may be keyed by the old clause as well as the new one.
    expect(diff.changes[0]!.reason).toBe('Landelijke afspraak.');
    expect(diff.unusedReasons).toEqual([]);
  });

  test('removal: the removed article stands after the article that preceded it, and later numbers shift silently', () => {
    const before = doc([
      art('a/respect', '1.1', RESPECT),
      art('a/kennis', '1.2', 'Kennis delen mag.'),
      art('a/foto', '1.3', FOTO),
    ]);
    const after = doc([art('a/respect', '1.1', RESPECT), art('a/foto', '1.2', FOTO)]);
    expect(summary(before, after)).toEqual([['W1', 'removed', 'a/kennis', '1.2', undefined]]);
  });

  test('addition: a custom article in a new section, and the sections after it renumbered without change', () => {
    const before = doc([art('a/respect', '1.1', RESPECT)], [art('b/melden', '2.1', MELDEN)]);
    const after = doc(
      [art('a/respect', '1.1', RESPECT)],
      [own('groepsapps', '2.1', 'Deel geen foto’s van andermans kind.')],
      [art('b/melden', '3.1', MELDEN)],
    );
    expect(summary(before, after)).toEqual([['W1', 'added', 'custom/groepsapps', undefined, '2.1']]);
  });

  test('custom article edited: changed, with the words that differ', () => {
    const before = doc([own('groepsapps', '1.1', 'Deel geen foto’s in de groepsapp.')]);
    const after = doc([own('groepsapps', '1.1', 'Deel geen foto’s of filmpjes in de groepsapp.')]);
    const diff = diffVersions(before, after);
    expect(summary(before, after)).toEqual([['W1', 'changed', 'custom/groepsapps', '1.1', '1.1']]);
    expect(diff.changes[0]!.words).toEqual([
      { op: 'same', text: 'Deel geen foto’s ' },
      { op: 'ins', text: 'of filmpjes ' },
      { op: 'same', text: 'in de groepsapp.' },
    ]);
    expect(diff.changes[0]!.variables).toBeUndefined();
  });

  test('reason attached: each change carries the reason given under its key; a reason for no change is reported', () => {
    const before = doc([art('a/respect', '1.1', RESPECT), art('a/foto', '1.2', FOTO)]);
    const after = doc([
      art('a/respect', '1.1', RESPECT),
      art('a/foto', '1.2', FOTO),
      own('groepsapps', '1.3', 'Nieuw.'),
    ]);
    const diff = diffVersions(before, after, {
      'custom/groepsapps': 'Op verzoek van de MR.',
      'a/respect': 'Niets veranderd.',
    });
    expect(diff.changes.map((c) => [c.number, c.kind, c.reason])).toEqual([['W1', 'added', 'Op verzoek van de MR.']]);
    expect(diff.unusedReasons).toEqual(['a/respect']);
  });

  test('numbers the changes in document order, removals after their old predecessor', () => {
    const before = doc([art('a/1', '1.1', 'een'), art('a/2', '1.2', 'twee'), art('a/3', '1.3', 'drie')]);
    const after = doc([own('nieuw', '1.1', 'nieuw'), art('a/1', '1.2', 'een'), art('a/3', '1.3', 'drie!')]);
    expect(summary(before, after)).toEqual([
      ['W1', 'added', 'custom/nieuw', undefined, '1.1'],
      ['W2', 'removed', 'a/2', '1.2', undefined],
      ['W3', 'changed', 'a/3', '1.3', '1.3'],
    ]);
  });
});

describe('the model as third view', () => {
  const model = doc([
    art('a/respect', '1', RESPECT),
    art('d/telefoon-mag', '2', 'De telefoon mag mee.', { choicePoint: 'phones-at-school', variant: 'teacher-permits' }),
  ]);

  test('finds the model article by clause, else by choice point', () => {
    const before = doc([art('d/telefoon-mag', '1.1', 'De telefoon mag mee.', { choicePoint: 'phones-at-school' })]);
    const after = doc([
      art('d/telefoon-tas', '1.1', 'De telefoon blijft in de tas.', { choicePoint: 'phones-at-school' }),
    ]);
    const [change] = diffVersions(before, after).changes;
    expect(modelCounterpart(change!, model)?.key).toBe('d/telefoon-mag');
    expect(modelDirection(change!, modelCounterpart(change!, model))).toBe('away');
  });

  test('a change that restores the model text moves toward it; an article the model lacks moves away when added', () => {
    const before = doc([art('a/respect', '1.1', 'Wij gaan online met elkaar om.')]);
    const after = doc([art('a/respect', '1.1', RESPECT), own('x', '1.2', 'Eigen tekst.')]);
    const [edit, added] = diffVersions(before, after).changes;
    expect(modelDirection(edit!, modelCounterpart(edit!, model))).toBe('toward');
    expect(modelCounterpart(added!, model)).toBeUndefined();
    expect(modelDirection(added!, undefined)).toBe('away');
    expect(wordDistance('Eigen tekst.', undefined)).toBe(2);
  });
});

describe('the demo school De Linde: draft 2.0 against adopted version 1.0', () => {
  const site = loadSite();
  const linde = site.protocols.get('de-linde')!;

  test('has version 1.0 as its previous adopted version, with the MR consent recorded', () => {
    expect(linde.history.map((v) => [v.version, v.file, v.protocol.adoption?.date])).toEqual([
      ['1.0', 'content/protocols/de-linde/1.0.yaml', '2023-06-19'],
    ]);
    expect(linde.history[0]!.protocol.adoption!.consent).toEqual([
      { body: 'medezeggenschapsraad', date: '2023-06-12', outcome: 'ingestemd' },
    ]);
    expect(linde.protocol.adoption).toBeUndefined();
  });

  // Read by hand from content/protocols/de-linde/1.0.yaml against content/protocols/de-linde.yaml. The sections
  // "Voor medewerkers" and "Gevolgen" move from 5 and 6 to 6 and 7: renumbered, no change.
  test('shows exactly the 21 changes, numbered in document order, each with its reason', () => {
    const diff = diffVersions(linde.history[0]!.doc, linde.doc, linde.protocol.reasons);
    expect(
      diff.changes.map((c) => [
        c.number,
        c.kind,
        c.key,
        c.before?.number,
        c.after?.number,
        c.reason?.split(' ').slice(0, 3).join(' '),
      ]),
    ).toEqual([
      ['W1', 'added', 'introduction/instemming-en-evaluatie', undefined, '6', 'Op verzoek van'],
      ['W2', 'removed', 'definitions-scope/doelgroep', '2.1', undefined, 'Vervangen door “Voor'],
      ['W3', 'added', 'definitions-scope/voor-wie', undefined, '2.1', 'De overblijfkrachten vielen'],
      ['W4', 'removed', 'all-users/kennis-delen', '3.4', undefined, 'De AVG-afspraken over'],
      ['W5', 'variant', 'all-users/beeld-toestemming-per-doel', '3.6', '3.5', 'De AVG vraagt'],
      ['W6', 'added', 'all-users/geen-heimelijke-opnamen', undefined, '3.6', 'Leraren vroegen om'],
      ['W7', 'added', 'all-users/seksuele-beelden', undefined, '3.7', 'Sinds 1 juli'],
      ['W8', 'added', 'all-users/deepfakes', undefined, '3.8', 'Scholen krijgen te'],
      ['W9', 'variant', 'devices/apparaten-nee-tenzij-dag', '4.1', '4.1', 'Sinds het schooljaar'],
      ['W10', 'added', 'devices/uitzonderingen-apparaten', undefined, '4.2', 'De landelijke afspraak'],
      ['W11', 'added', 'devices/schoolreis-zelfde-afspraken', undefined, '4.3', 'Ouders vroegen wat'],
      ['W12', 'added', 'pupils/online-risicos', undefined, '4.4', 'Leerlingen van groep'],
      ['W13', 'variable', 'reporting/iedereen-meldt', '4.2', '4.5', 'Sinds 2024 is'],
      ['W14', 'added', 'custom/groepsapps-ouders', undefined, '5.1', 'Na klachten over'],
      [
        'W15',
        'added',
        'school-communication/accounts-met-afspraken',
        undefined,
        '6.3',
        'De Autoriteit Persoonsgegevens',
      ],
      ['W16', 'added', 'school-communication/voorkeuren-volgen', undefined, '6.4', 'Wat ouders kiezen'],
      ['W17', 'added', 'staff-at-work/groepsapps-leerlingen', undefined, '6.5', 'Leerkrachten vroegen of'],
      ['W18', 'added', 'staff-at-work/ai-en-leerlinggegevens', undefined, '6.6', 'Medewerkers gebruiken AI-tools;'],
      ['W19', 'added', 'reporting/beelden-in-omloop', undefined, '7.1', 'Het team wilde'],
      ['W20', 'added', 'reporting/meld-en-aangifteplicht', undefined, '7.2', 'De meldplicht bij'],
      ['W21', 'moved-changed', 'measures/gesprek', '3.9', '8.2', 'Hoort bij de'],
    ]);
    expect(diff.changes[20]!.words).toEqual([
      { op: 'same', text: 'Basisschool De Linde gaat met betrokkenen in gesprek als ' },
      { op: 'del', text: 'daar' },
      { op: 'ins', text: 'hiervoor' },
      { op: 'same', text: ' aanleiding ' },
      { op: 'del', text: 'voor ' },
      { op: 'same', text: 'is. ' },
      { op: 'ins', text: 'Bij leerlingen worden de ouders/verzorgers daar altijd bij betrokken.' },
    ]);
    expect(diff.entries.find((e) => e.key === 'staff-at-work/twijfel-leidinggevende')).toMatchObject({
      kind: 'unchanged',
      before: { number: '5.1' },
      after: { number: '6.1' },
    });
  });

  test('refuses a reason that names no change, with file, line and field', () => {
    const text = 'reasons:\n  all-users/respect: Geen wijziging.\n';
    const current = {
      ...linde,
      version: '2.0',
      text,
      protocol: { ...linde.protocol, reasons: { 'all-users/respect': 'Geen wijziging.' } },
    };
    expect(checkHistory(current, linde.history)).toEqual([
      {
        rule: 'unused-reason',
        file: 'content/protocols/de-linde.yaml',
        line: 2,
        field: 'reasons.all-users/respect',
        message:
          'geen wijziging ten opzichte van versie 1.0 heeft de sleutel `all-users/respect`. Gebruik de bepaling (`sectie/naam`) of `custom/<naam>` van een gewijzigd, toegevoegd of geschrapt artikel, of haal de toelichting weg.',
      },
    ]);
  });

  test('refuses an earlier version that was never adopted, or that repeats a version number', () => {
    const v = linde.history[0]!;
    const draft = {
      ...v,
      file: 'content/protocols/de-linde/2.0.yaml',
      version: '2.0',
      protocol: { ...v.protocol, adoption: undefined },
    };
    expect(checkHistory({ ...linde, version: '2.0', text: '' }, [v, draft]).map((p) => [p.file, p.field])).toEqual([
      ['content/protocols/de-linde/2.0.yaml', 'adoption'],
      ['content/protocols/de-linde/2.0.yaml', 'version'],
    ]);
  });
});

describe('statusSentence', () => {
  const adopted = {
    version: '1.0',
    adoption: {
      by: 'het bestuur',
      date: '2023-06-19',
      consent: [{ body: 'GMR', date: '2023-06-12', outcome: 'ingestemd' as const }],
    },
  };

  test('an adopted protocol says who adopted it and when the (G)MR consented', () => {
    expect(statusSentence(adopted, [])).toBe(
      'Vastgesteld door het bestuur op 19 juni 2023, na instemming van de GMR op 12 juni 2023.',
    );
  });

  test('a draft names the version in force, from the history', () => {
    expect(statusSentence({ version: '2.0' }, [{ protocol: adopted }])).toBe(
      'Concept van versie 2.0: nog niet vastgesteld. Nu geldt versie 1.0, vastgesteld door het bestuur op 19 juni 2023, na instemming van de GMR op 12 juni 2023.',
    );
    expect(statusSentence({ version: '1.0' }, [])).toBe('Concept: nog niet vastgesteld.');
  });

  test('a refused consent is said, not hidden', () => {
    const refused = {
      ...adopted,
      adoption: {
        ...adopted.adoption,
        consent: [{ body: 'MR', date: '2023-06-12', outcome: 'niet-ingestemd' as const }],
      },
    };
    expect(statusSentence(refused, [])).toBe(
      'Vastgesteld door het bestuur op 19 juni 2023. De MR stemde op 12 juni 2023 niet in.',
    );
  });
});

describe('the redline of a protocol against a reference model', () => {
  test('numbers differences with another letter (V1, V2, …) against a model, so they are not taken for W-numbers', () => {
    const before = doc([art('a/respect', '1.1', RESPECT), art('a/foto', '1.2', FOTO)]);
    const after = doc([art('a/respect', '1.1', RESPECT)], [art('b/melden', '2.1', MELDEN)]);
    expect(diffVersions(before, after, {}, { against: 'model' }).changes.map((c) => [c.number, c.kind, c.key])).toEqual(
      [
        ['V1', 'removed', 'a/foto'],
        ['V2', 'added', 'b/melden'],
      ],
    );
  });

  test("calls a model's article the school lacks 'weggelaten', a version's 'geschrapt'", () => {
    expect(changeLabel('removed', { against: 'model' })).toBe('weggelaten');
    expect(changeLabel('removed', {})).toBe('geschrapt');
    expect(changeLabel('variant', { against: 'model' })).toBe('andere keuze gemaakt');
    expect(changeLabel('name', { against: 'model' })).toBe('naam van de school ingevuld');
    expect(changeLabel('name', {})).toBe('andere naam van de school');
  });

  test('names the model, the school and the version, and the PDF after the school and the model', () => {
    expect(
      modelRedlineNames(
        { version: '2.0', school: { name: 'Basisschool De Linde' } },
        { organisation: 'SCOPE', dated: 'november 2012' },
      ),
    ).toEqual({
      beforeName: 'SCOPE',
      afterName: 'Basisschool De Linde',
      running: 'Model SCOPE (november 2012) → concept 2.0',
    });
    expect(modelRedlinePdfName('de-linde', 'scope-2012')).toBe('de-linde-verschillen-scope-2012.pdf');
  });
});

describe('redlineItems: both ends of a move on paper', () => {
  test('puts a note at the old place of a moved article, before the article that followed it there', () => {
    const before = doc([
      art('m/gesprek', '1.1', GESPREK),
      art('a/respect', '1.2', RESPECT),
      art('a/foto', '1.3', FOTO),
    ]);
    const after = doc(
      [art('a/respect', '1.1', RESPECT), art('a/foto', '1.2', FOTO)],
      [art('m/gesprek', '2.1', GESPREK)],
    );
    expect(
      redlineItems(diffVersions(before, after), before).map((i) => [i.entry.key, i.entry.kind, i.oldPlace]),
    ).toEqual([
      ['m/gesprek', 'moved', true],
      ['a/respect', 'unchanged', false],
      ['a/foto', 'unchanged', false],
      ['m/gesprek', 'moved', false],
    ]);
  });

  test('a move toward the front leaves its note at the end when nothing kept its order after it', () => {
    const before = doc([
      art('a/respect', '1.1', RESPECT),
      art('a/foto', '1.2', FOTO),
      art('m/gesprek', '1.3', GESPREK),
    ]);
    const after = doc([art('m/gesprek', '1.1', GESPREK), art('a/respect', '1.2', RESPECT), art('a/foto', '1.3', FOTO)]);
    // The LCS keeps respect and foto in order, so gesprek is the moved one.
    expect(redlineItems(diffVersions(before, after), before).map((i) => [i.entry.key, i.oldPlace])).toEqual([
      ['m/gesprek', false],
      ['a/respect', false],
      ['a/foto', false],
      ['m/gesprek', true],
    ]);
  });

  test('the note names the new number and links to the new place; the new place links back', () => {
    const before = doc([art('m/gesprek', '1.1', GESPREK), art('a/respect', '1.2', RESPECT)]);
    const after = doc([art('a/respect', '1.1', RESPECT)], [art('m/gesprek', '2.1', GESPREK)]);
    const html = renderRedlineTextHtml(diffVersions(before, after), before, after, {
      beforeName: 'versie 1.0',
      afterName: 'concept 2.0',
    });
    expect(html).toContain(
      '<p class="margin-label keep-with-next"><span class="change-number">W1</span> <span class="change-kind">verplaatst naar art. 2.1</span></p>\n<p class="moved-note"><span class="num"><del>1.1</del></span> m/gesprek: staat nu als art. 2.1 <a class="page-ref" href="#w1">op pagina</a>.</p>',
    );
    expect(html).toContain('<span class="was">(was art. 1.1, <a class="page-ref" href="#w1-oud">pagina</a>)</span>');
    expect(html.indexOf(' a/respect</h3>')).toBeGreaterThan(html.indexOf('id="w1-oud"'));
    expect(html.indexOf('id="w1-oud"')).toBeGreaterThan(-1);
  });
});

describe("a text that differs only by the school's own name", () => {
  const model = (text: string) => ({
    ...doc([art('a/nieuws', '1', text)]),
    organisation: 'SCOPE',
    kind: 'model' as const,
  });
  const school = (text: string) => ({ ...doc([art('a/nieuws', '1.1', text)]), organisation: 'Basisschool De Linde' });

  test('is its own kind, with both names, not a word change', () => {
    const diff = diffVersions(
      model('SCOPE maakt gebruik van sociale media.'),
      school('Basisschool De Linde maakt gebruik van sociale media.'),
      {},
      { against: 'model' },
    );
    expect(diff.changes.map((c) => [c.number, c.kind, c.names])).toEqual([
      ['V1', 'name', { before: 'SCOPE', after: 'Basisschool De Linde' }],
    ]);
    expect(diff.counts.changed).toBe(0);
  });

  test('also when the model writes its name in other capitals, more than once', () => {
    const diff = diffVersions(
      model('Scope gebruikt sociale media. SCOPE luistert.'),
      school('Basisschool De Linde gebruikt sociale media. Basisschool De Linde luistert.'),
    );
    expect(diff.changes.map((c) => c.kind)).toEqual(['name']);
  });

  test('stays a word change when anything else differs as well', () => {
    const diff = diffVersions(
      model('SCOPE maakt gebruik van sociale media.'),
      school('Basisschool De Linde maakt graag gebruik van sociale media.'),
    );
    expect(diff.changes.map((c) => c.kind)).toEqual(['changed']);
  });

  test("stays a word change when another word takes the name's place", () => {
    const diff = diffVersions(
      model('De schoolgemeenschap maakt gebruik van sociale media.'),
      school('Basisschool De Linde maakt gebruik van sociale media.'),
    );
    expect(diff.changes.map((c) => c.kind)).toEqual(['changed']);
  });

  test('the page and the terminal say that only the name differs, and show the text unmarked', () => {
    const diff = diffVersions(
      model('SCOPE maakt gebruik van sociale media.'),
      school('Basisschool De Linde maakt gebruik van sociale media.'),
      {},
      { against: 'model' },
    );
    const html = renderChangeHtml(diff.changes[0]!, {
      beforeName: 'SCOPE',
      afterName: 'Basisschool De Linde',
      against: 'model',
    });
    expect(html).toContain('<span class="change-kind">naam van de school ingevuld</span>');
    expect(html).toContain(
      '<p class="name-note">Alleen de naam is anders: SCOPE werd Basisschool De Linde. De tekst:</p>',
    );
    expect(html).not.toMatch(/<(ins|del)>/);
    expect(renderVersionDiffText(diff, { beforeName: 'SCOPE', afterName: 'Basisschool De Linde' }).split('\n')).toEqual(
      [
        '1 verschil van SCOPE naar Basisschool De Linde',
        '1 naam van de school ingevuld, 0 ongewijzigd',
        '',
        'V1  naam van de school ingevuld: a/nieuws',
        '    SCOPE art. 1 → Basisschool De Linde art. 1.1',
        '    Alleen de naam is anders: SCOPE werd Basisschool De Linde. De tekst:',
        '    Basisschool De Linde maakt gebruik van sociale media.',
        '',
      ],
    );
  });
});

describe('a whole article left out', () => {
  test('stands under a caption naming the document and the kind, so it reads without colour or strike', () => {
    const before = { ...doc([art('a/respect', '1', RESPECT), art('a/foto', '2', FOTO)]), organisation: 'SCOPE' };
    const after = doc([art('a/respect', '1.1', RESPECT)]);
    const diff = diffVersions(before, after, {}, { against: 'model' });
    const html = renderChangeHtml(diff.changes[0]!, { beforeName: 'SCOPE', afterName: 'De Linde', against: 'model' });
    expect(html).toContain(
      `<p class="block-caption">Tekst in SCOPE, weggelaten:</p>\n<del class="block"><p>${FOTO}</p></del>`,
    );
  });
});
