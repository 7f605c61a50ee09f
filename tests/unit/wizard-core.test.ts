import { describe, expect, test } from 'vitest';
import { composeProtocol } from '../../src/lib/compose/compose-protocol.ts';
import { documentArticles } from '../../src/lib/compose/document.ts';
import { parseProtocol } from '../../src/lib/compose/parse-protocol.ts';
import { ContentError } from '../../src/lib/errors/content-error.ts';
import { isWebUrl, ProtocolSchema } from '../../src/lib/schema/protocol.ts';
import {
  draftFromProtocol,
  draftToProtocolInput,
  emptyDraft,
  normalizeDraft,
  type Draft,
} from '../../src/lib/wizard/draft.ts';
import { evaluateDraft } from '../../src/lib/wizard/evaluate.ts';
import { protocolYaml } from '../../src/lib/wizard/protocol-yaml.ts';
import { problemLocation } from '../../src/lib/wizard/problem-location.ts';
import { handlesOwnUndo, shortcutAction } from '../../src/lib/wizard/shortcuts.ts';
import { decodeShare, encodeShare } from '../../src/lib/wizard/share.ts';
import { reviewWarnings } from '../../src/lib/wizard/warnings.ts';
import { loadSite } from '../../src/node/site-data.ts';

const site = loadSite();
const modelIds = [...site.models.keys()];
const texts = (p: ReturnType<typeof ProtocolSchema.parse>) =>
  documentArticles(composeProtocol('x', p, site.library)).map((a) => [a.key, a.text]);

/** Strings a hostile or careless user might type. */
export const HOSTILE = [
  '<script>alert("x")</script>',
  '<img src=x onerror="alert(1)">',
  '[klik](javascript:alert(1)) ![beeld](javascript:alert(2))',
  '‮gnp.exe‬ met\u200b\u200dnulbreedte',
  'x'.repeat(5000),
];

describe('the wizard draft', () => {
  test.each(modelIds)('round-trips the rebuild of %s: same articles, same texts', (id) => {
    const original = site.protocols.get(id)!.protocol;
    const again = ProtocolSchema.parse(draftToProtocolInput(draftFromProtocol(original, `model:${id}`)));
    expect(texts(again)).toEqual(texts(original));
  });

  test('leaves switched-off articles, empty sections and overrides of absent articles out', () => {
    const original = site.protocols.get('de-linde')!.protocol;
    const draft = draftFromProtocol(original, 'model:scope-2012');
    const first = draft.sections[0]!;
    first.articles = first.articles.map((a) => ({ ...a, enabled: false }));
    const input = draftToProtocolInput(draft);
    expect(input.sections.length).toBe(original.sections.length - 1);
    expect(input.sections[0]!.title).toBe(original.sections[1]!.title);
  });

  test('an empty draft is not valid and says which fields to fill in', () => {
    const ev = evaluateDraft(emptyDraft(), site.library, modelIds);
    expect(ev.protocol).toBeUndefined();
    expect(ev.problems.map((p) => p.field)).toEqual(['school.name', 'startsFrom', 'sections']);
  });
});

describe("the school's other documents", () => {
  test('round-trip through the draft: title and address, no address where there was none', () => {
    // The file as written: the board's documents (content/boards/) are not part of it.
    const original = site.protocols.get('de-linde')!.own!;
    const draft = draftFromProtocol(original, 'model:scope-2012');
    expect(draft.school.documents).toEqual([
      { title: 'Anti-pestprotocol', url: 'https://www.delinde.example.nl/documenten/anti-pestprotocol.pdf' },
      { title: 'Privacyreglement (op te vragen bij de directie)', url: '' },
    ]);
    expect(ProtocolSchema.parse(draftToProtocolInput(draft)).school.documents).toEqual(original.school.documents);
  });

  test('are left out of the export when there are none, and an address is trimmed', () => {
    const draft = draftFromProtocol(site.protocols.get('scope-2012')!.protocol, 'model:scope-2012');
    expect('documents' in draftToProtocolInput(draft).school).toBe(false);
    draft.school.documents = [{ title: 'Gedragscode', url: '  https://www.school.nl/gedragscode ' }];
    expect(draftToProtocolInput(draft).school.documents).toEqual([
      { title: 'Gedragscode', url: 'https://www.school.nl/gedragscode' },
    ]);
  });

  test.each([
    ['https://www.school.nl/privacy.pdf', true],
    ['http://school.nl', true],
    ['HTTPS://SCHOOL.NL/X', true],
    ['javascript:alert(1)', false],
    ['JavaScript:alert(1)', false],
    [' javascript:alert(1)', false],
    ['data:text/html,<script>alert(1)</script>', false],
    ['file:///etc/passwd', false],
    ['//school.nl/privacy', false],
    ['/privacy', false],
    ['www.school.nl', false],
    ['https://', false],
    ['https://school.nl/een pad', false],
    ['', false],
  ])('isWebUrl(%j) is %s', (url, ok) => {
    expect(isWebUrl(url)).toBe(ok);
  });

  test('an unsafe address and an empty title are problems at their fields, named in words', async () => {
    const { describeField } = await import('../../src/lib/wizard/warnings.ts');
    const draft = draftFromProtocol(site.protocols.get('de-linde')!.protocol, 'model:scope-2012');
    draft.school.documents = [
      { title: 'Privacyreglement', url: 'javascript:alert(1)' },
      { title: '', url: '' },
    ];
    const ev = evaluateDraft(draft, site.library, modelIds);
    expect(ev.problems.map((p) => [describeField(p.field, ev.input), p.message])).toEqual([
      [
        'Document 1, webadres',
        'geen geldig webadres. Schrijf het hele adres, beginnend met https:// of http://, bijvoorbeeld https://www.school.nl/privacy. Andere adressen (zoals javascript:) worden niet geaccepteerd.',
      ],
      ['Document 2, titel', 'mag niet leeg zijn.'],
    ]);
    // The preview keeps following: composed from the lenient copy without the unsafe address.
    expect(ev.doc).toBeDefined();
  });

  test('a draft saved before documents existed is brought up to date', () => {
    const old = JSON.parse(JSON.stringify(emptyDraft())) as Draft;
    delete (old.school as Partial<Draft['school']>).documents;
    old.school.name = 'De Wilg';
    expect(normalizeDraft(old).school).toEqual({ ...emptyDraft().school, name: 'De Wilg', documents: [] });
  });
});

describe('adoption in the draft', () => {
  test('round-trips who adopted it, when, and the consent of the participation council', () => {
    // The demo's adopted version 1.0 (the current file is the draft of 2.0, without adoption).
    const original = site.protocols.get('de-linde')!.history.at(-1)!.protocol;
    const draft = draftFromProtocol(original, 'model:scope-2012');
    expect(draft.adoption).toEqual({
      by: 'het bestuur van Stichting Voorbeeldscholen Utrecht',
      date: '2023-06-19',
      consent: [{ body: 'medezeggenschapsraad', date: '2023-06-12', outcome: 'ingestemd' }],
    });
    expect(ProtocolSchema.parse(draftToProtocolInput(draft)).adoption).toEqual(original.adoption);
  });

  test('is left out while nothing is filled in: the protocol is a draft', () => {
    const draft = draftFromProtocol(site.protocols.get('de-linde')!.protocol, 'model:scope-2012');
    draft.adoption = { by: '', date: '', consent: [] };
    expect('adoption' in draftToProtocolInput(draft)).toBe(false);
    expect(evaluateDraft(draft, site.library, modelIds).doc!.adoption).toBeUndefined();
  });

  test('a half-filled adoption names the missing fields in words, and the preview shows a draft meanwhile', async () => {
    const { describeField } = await import('../../src/lib/wizard/warnings.ts');
    const draft = draftFromProtocol(site.protocols.get('de-linde')!.protocol, 'model:scope-2012');
    draft.adoption = { by: 'de directie', date: '', consent: [{ body: '', date: '2025-09-08' }] };
    const ev = evaluateDraft(draft, site.library, modelIds);
    expect(ev.problems.map((p) => [describeField(p.field, ev.input), p.message])).toEqual([
      ['Datum van vaststelling', 'ontbreekt. Kies een datum.'],
      ['Instemming 1, raad', 'mag niet leeg zijn.'],
    ]);
    expect(ev.doc!.adoption).toBeUndefined();
  });

  test('a date that is there but malformed (a hand-edited import) gets the format to use', () => {
    const draft = draftFromProtocol(site.protocols.get('de-linde')!.protocol, 'model:scope-2012');
    draft.adoption = { by: 'de directie', date: '1-10-2025', consent: [] };
    expect(evaluateDraft(draft, site.library, modelIds).problems.map((p) => [p.field, p.message])).toEqual([
      ['adoption.date', 'Schrijf een datum als JJJJ-MM-DD, bijvoorbeeld 2024-11-07.'],
    ]);
  });

  test('a draft saved before adoption existed gets an empty one', () => {
    const old = JSON.parse(JSON.stringify(emptyDraft())) as Partial<Draft>;
    delete old.adoption;
    expect(normalizeDraft(old as Draft).adoption).toEqual({ by: '', date: '', consent: [] });
  });
});

describe('contacts in the draft', () => {
  test('round-trip a phone number, and leave it out where there is none', () => {
    // The file as written: the board's contacts (content/boards/) are not part of it.
    const original = site.protocols.get('de-linde')!.own!;
    const draft = draftFromProtocol(original, 'model:scope-2012');
    expect(draft.school.contacts.map((c) => c.phone)).toEqual(['', '', '030 123 45 67']);
    const input = draftToProtocolInput(draft);
    expect(input.school.contacts!.map((c) => 'phone' in c)).toEqual([false, false, true]);
    expect(ProtocolSchema.parse(input).school.contacts).toEqual(original.school.contacts);
  });

  test('a contact saved before phone numbers existed gets an empty one', () => {
    const old = JSON.parse(JSON.stringify(emptyDraft())) as Draft;
    old.school.contacts = [
      { role: 'vertrouwenspersoon', name: '', email: '', reporting: true } as Draft['school']['contacts'][number],
    ];
    expect(normalizeDraft(old).school.contacts).toEqual([
      { role: 'vertrouwenspersoon', name: '', email: '', phone: '', reporting: true },
    ]);
  });
});

describe('shortcutAction', () => {
  const key = (
    k: string,
    mods: Partial<{
      ctrlKey: boolean;
      metaKey: boolean;
      shiftKey: boolean;
      altKey: boolean;
      isComposing: boolean;
    }> = {},
  ) => ({
    key: k,
    ctrlKey: false,
    metaKey: false,
    shiftKey: false,
    altKey: false,
    ...mods,
  });
  test.each([
    ['Ctrl+Z', key('z', { ctrlKey: true }), 'undo'],
    ['⌘Z', key('z', { metaKey: true }), 'undo'],
    ['Ctrl+Shift+Z', key('Z', { ctrlKey: true, shiftKey: true }), 'redo'],
    ['⌘⇧Z', key('Z', { metaKey: true, shiftKey: true }), 'redo'],
    ['Ctrl+Y', key('y', { ctrlKey: true }), 'redo'],
    ['Ctrl+Shift+Y', key('Y', { ctrlKey: true, shiftKey: true }), undefined],
    ['Z alone', key('z'), undefined],
    ['AltGr+Z (Ctrl+Alt)', key('z', { ctrlKey: true, altKey: true }), undefined],
    ['Ctrl+Z while composing', key('z', { ctrlKey: true, isComposing: true }), undefined],
    ['Ctrl+S', key('s', { ctrlKey: true }), undefined],
  ])('%s gives %s', (_name, e, action) => {
    expect(shortcutAction(e)).toBe(action);
  });
});

describe('handlesOwnUndo', () => {
  test.each([
    [{ tagName: 'INPUT', type: 'text' }, true],
    [{ tagName: 'INPUT', type: 'email' }, true],
    [{ tagName: 'INPUT', type: 'url' }, true],
    [{ tagName: 'INPUT', type: 'tel' }, true],
    [{ tagName: 'INPUT', type: 'number' }, true],
    [{ tagName: 'TEXTAREA' }, true],
    [{ tagName: 'DIV', isContentEditable: true }, true],
    [{ tagName: 'INPUT', type: 'checkbox' }, false],
    [{ tagName: 'INPUT', type: 'date' }, false],
    [{ tagName: 'INPUT', type: 'file' }, false],
    [{ tagName: 'SELECT' }, false],
    [{ tagName: 'BUTTON', type: 'button' }, false],
    [{ tagName: 'BODY' }, false],
    [null, false],
  ])('%j: %s', (el, own) => {
    expect(handlesOwnUndo(el)).toBe(own);
  });
});

describe('problemLocation', () => {
  const linde = () => draftFromProtocol(site.protocols.get('de-linde')!.protocol, 'model:scope-2012');

  test('puts the school, the version and the adoption on step 3, "Gegevens"', () => {
    const d = linde();
    expect(
      ['school.name', 'school.documents.1.url', 'version', 'adoption.consent.0.date'].map((f) => problemLocation(f, d)),
    ).toEqual([{ step: 2 }, { step: 2 }, { step: 2 }, { step: 2 }]);
  });

  test('puts a library article in its section of step 4, with its switch to fall back on', () => {
    const d = linde();
    const article = d.sections[3]!.articles[4]!;
    expect(article.clause).toBe('all-users/beeld-toestemming-per-doel');
    expect(problemLocation('sections.3.articles.4.values.purposes', d)).toEqual({
      step: 3,
      section: 3,
      fallbackId: `${article.uid}-on`,
    });
  });

  test('maps export numbers back to the draft when articles and sections are switched off', () => {
    const d = linde();
    d.sections[0]!.articles = d.sections[0]!.articles.map((a) => ({ ...a, enabled: false }));
    d.sections[3]!.articles[0]!.enabled = false;
    const article = d.sections[3]!.articles[4]!;
    // Section 4 of the draft is the export's section 3 now, and its fifth article the export's fourth.
    expect(problemLocation('sections.2.articles.3.values.purposes', d)).toEqual({
      step: 3,
      section: 3,
      fallbackId: `${article.uid}-on`,
    });
    expect(problemLocation('sections.0.title', d)).toEqual({
      step: 3,
      section: 1,
      fallbackId: `section-${d.sections[1]!.uid}-title`,
    });
  });

  test('puts a custom article on step 5, and an own text at its library article', () => {
    const d = linde();
    const custom = d.sections[5]!.articles[0]!;
    expect(custom.custom).toBe('groepsapps-ouders');
    expect(problemLocation('sections.5.articles.0.title', d)).toEqual({ step: 4, fallbackId: `${custom.uid}-title` });
    const gesprek = d.sections[8]!.articles.find((a) => a.clause === 'measures/gesprek')!;
    expect(problemLocation('overrides.measures/gesprek', d)).toEqual({
      step: 3,
      section: 8,
      fallbackId: `${gesprek.uid}-own`,
    });
  });

  test("with the library, puts a choice point's article on step 2 at its variant, and a value every school gives on step 3", () => {
    const d = linde();
    // all-users/beeld-toestemming-per-doel settles the choice point image-consent (variant per-purpose).
    expect(problemLocation('sections.3.articles.4.values.purposes', d, site.library)).toEqual({
      step: 1,
      fallbackId: 'cp-image-consent-per-purpose',
    });
    const si = d.sections.findIndex((s) => s.articles.some((a) => a.clause === 'reporting/iedereen-meldt'));
    const ai = d.sections[si]!.articles.findIndex((a) => a.clause === 'reporting/iedereen-meldt');
    expect(si).toBeGreaterThanOrEqual(0);
    const uid = d.sections[si]!.articles[ai]!.uid;
    expect(problemLocation(`sections.${si}.articles.${ai}.values.reportContacts`, d, site.library)).toEqual({
      step: 2,
      fallbackId: `${uid}-var-reportContacts`,
    });
  });

  test('has no field for a missing starting point or a problem of the whole file', () => {
    const d = emptyDraft();
    expect([problemLocation('startsFrom', d), problemLocation('sections', d), problemLocation(undefined, d)]).toEqual([
      undefined,
      undefined,
      undefined,
    ]);
  });
});

describe('custom articles in the draft', () => {
  const linde = () => draftFromProtocol(site.protocols.get('de-linde')!.protocol, 'model:scope-2012');

  test('round-trip their audiences and summary', () => {
    const original = site.protocols.get('de-linde')!.protocol;
    const draft = linde();
    const custom = draft.sections[5]!.articles[0]!;
    expect([custom.audiences, custom.summary]).toEqual([
      ['parents'],
      "In een klassenapp van ouders deel je geen foto's of berichten over andere kinderen zonder toestemming.",
    ]);
    expect(ProtocolSchema.parse(draftToProtocolInput(draft)).sections[5]!.articles[0]).toEqual(
      original.sections[5]!.articles[0],
    );
  });

  test('carry the chosen audiences and summary into the composed document; an empty summary is left out', () => {
    const draft = linde();
    draft.sections[4]!.articles.push({
      uid: 'n',
      enabled: true,
      custom: 'eigen-artikel-9',
      title: 'Telefoon op kamp',
      text: 'Op kamp blijft de telefoon thuis.',
      audiences: ['pupils', 'parents'],
      summary: '',
    });
    const ev = evaluateDraft(draft, site.library, modelIds);
    expect(ev.problems).toEqual([]);
    const own = documentArticles(ev.doc!).find((a) => a.key === 'custom/eigen-artikel-9')!;
    expect([own.audiences, own.summary]).toEqual([['pupils', 'parents'], undefined]);
    expect(ev.input.sections[4]!.articles.at(-1)).toEqual({
      custom: 'eigen-artikel-9',
      title: 'Telefoon op kamp',
      text: 'Op kamp blijft de telefoon thuis.',
      audiences: ['pupils', 'parents'],
    });
    draft.sections[4]!.articles.at(-1)!.summary = 'Geen telefoon op kamp.';
    expect(
      documentArticles(evaluateDraft(draft, site.library, modelIds).doc!).find(
        (a) => a.key === 'custom/eigen-artikel-9',
      )!.summary,
    ).toBe('Geen telefoon op kamp.');
  });

  test('an article for nobody is a problem at its audiences, found on step 5', async () => {
    const { describeField } = await import('../../src/lib/wizard/warnings.ts');
    const draft = linde();
    draft.sections[5]!.articles[0]!.audiences = [];
    const ev = evaluateDraft(draft, site.library, modelIds);
    expect(ev.problems.map((p) => [p.field, describeField(p.field, ev.input), p.message])).toEqual([
      [
        'sections.5.articles.0.audiences',
        'Sectie 6 (“Voor ouders/verzorgers”), artikel 1 (“Groepsapps van ouders”), voor wie',
        'kies minstens één doelgroep.',
      ],
    ]);
    expect(problemLocation('sections.5.articles.0.audiences', draft)).toEqual({
      step: 4,
      fallbackId: `${draft.sections[5]!.articles[0]!.uid}-title`,
    });
    expect(ev.doc).toBeDefined();
  });
});

describe('the exported YAML', () => {
  test('builds to exactly the articles of the draft, hostile text kept as text', () => {
    const draft = draftFromProtocol(site.protocols.get('de-linde')!.protocol, 'model:scope-2012');
    draft.school.name = HOSTILE[0]!;
    draft.sections[1]!.articles.push({
      uid: 'h',
      enabled: true,
      custom: 'eigen-artikel-9',
      title: HOSTILE[1]!,
      text: HOSTILE.join('\n\n'),
    });
    const ev = evaluateDraft(draft, site.library, modelIds);
    expect(ev.problems).toEqual([]);
    const built = parseProtocol(protocolYaml(ev.input), 'export.yaml', site.library, modelIds);
    expect(texts(built)).toEqual(documentArticles(ev.doc!).map((a) => [a.key, a.text]));
    expect(built.school.name).toBe(HOSTILE[0]);
  });
});

describe('share links', () => {
  test('carry a text through deflate and base64url unchanged', async () => {
    const text = protocolYaml(site.protocols.get('lankforst-2024')!.protocol) + HOSTILE.join('\n');
    const fragment = await encodeShare(text);
    expect(fragment).toMatch(/^#p=[A-Za-z0-9_-]+$/);
    expect(fragment.length).toBeLessThan(text.length);
    expect(await decodeShare(fragment)).toBe(text);
  });

  test('a damaged link gives a Dutch message', async () => {
    const fragment = await encodeShare('format: 1');
    await expect(decodeShare(fragment.slice(0, -3) + '!!!')).rejects.toThrow('De deellink is beschadigd of onvolledig');
  });
});

describe('reviewWarnings', () => {
  test('names a missing measures section, reporting route and image rule', () => {
    const protocol = site.protocols.get('scope-2012')!.protocol;
    const draft = draftFromProtocol(protocol, 'model:scope-2012');
    for (const s of draft.sections)
      s.articles = s.articles.map((a) => ({
        ...a,
        enabled: !/^(measures|reporting)|image|beeld/.test(a.clause ?? ''),
      }));
    const ev = evaluateDraft(draft, site.library, modelIds);
    expect(reviewWarnings(ev.input, ev.doc, ev.problems, site.library).map((w) => w.id)).toEqual([
      'no-measures',
      'no-reporting',
      'no-image-rule',
    ]);
  });

  test('names an empty variable and two contradicting variants', () => {
    const draft = draftFromProtocol(site.protocols.get('hoeksche-2020')!.protocol, 'model:hoeksche-2020');
    const withValues = draft.sections.flatMap((s) => s.articles).find((a) => a.clause === 'all-users/openbaar-blijft')!;
    withValues.values = { publishedKinds: [] };
    draft.sections[0]!.articles.push({ uid: 'x', enabled: true, clause: 'all-users/beeld-bezwaar' });
    const ev = evaluateDraft(draft, site.library, modelIds);
    const ids = reviewWarnings(ev.input, ev.doc, ev.problems, site.library).map((w) => w.id);
    expect(ids).toContain('empty-variable');
    expect(ids).toContain('contradicting-variants');
  });

  test('sorts problems by their rule id, never by the words of their message', () => {
    const input = draftToProtocolInput(
      draftFromProtocol(site.protocols.get('scope-2012')!.protocol, 'model:scope-2012'),
    );
    const problems = [
      { rule: 'missing-value', file: 'p.yaml', message: 'iets anders gezegd' },
      { rule: 'two-variants', file: 'p.yaml', message: 'andere woorden' },
      { rule: 'unknown-clause', file: 'p.yaml', message: 'keuzepunt, vraagt om' },
    ];
    expect(
      reviewWarnings(input, undefined, problems, site.library)
        .slice(-3)
        .map((w) => w.id),
    ).toEqual(['empty-variable', 'contradicting-variants', 'invalid']);
  });
});

describe('parseProtocol on an import', () => {
  test('refuses a newer format with the line and the field', () => {
    try {
      parseProtocol('format: 9\ntitle: x\n', 'nieuw.yaml', site.library, modelIds);
      expect.unreachable();
    } catch (e) {
      expect((e as ContentError).message).toBe(
        'nieuw.yaml:1: format: dit bestand heeft formaat 9, maar deze versie van Protocolwijzer leest formaat 1. Werk Protocolwijzer bij.',
      );
    }
  });
});

describe('describeField', () => {
  test('names a section and a custom article by their titles', async () => {
    const { describeField } = await import('../../src/lib/wizard/warnings.ts');
    const input = draftToProtocolInput(draftFromProtocol(site.protocols.get('de-linde')!.protocol, 'model:scope-2012'));
    expect(describeField('sections.0.articles.1.values.platforms', input)).toBe(
      'Sectie 1 (“Inleiding”), artikel 2, waarde `platforms`',
    );
    expect(describeField('school.contacts.1.email', input)).toBe('Contactpersoon 2, e-mailadres');
    expect(describeField('school.name', input)).toBe('Naam van de school');
  });
});
