import { describe, expect, test } from 'vitest';
import { SECTION_TITLES } from '../../src/lib/schema/common.ts';
import { ProtocolSchema } from '../../src/lib/schema/protocol.ts';
import {
  chooseVariant,
  chosenVariant,
  decisionsFor,
  schoolValues,
  variantLaw,
} from '../../src/lib/wizard/decisions.ts';
import { draftFromProtocol, draftToProtocolInput, emptyDraft } from '../../src/lib/wizard/draft.ts';
import { sectionLabels } from '../../src/lib/wizard/numbering.ts';
import { sectorDefault } from '../../src/lib/wizard/sector-default.ts';
import { composeProtocol } from '../../src/lib/compose/compose-protocol.ts';
import { glossaryEntry, glossaryTermsIn, GLOSSARY } from '../../src/i18n/glossary.ts';
import { loadSite } from '../../src/node/site-data.ts';

const site = loadSite();
const lib = site.library;
const voDefault = () =>
  draftFromProtocol(
    ProtocolSchema.parse({
      ...sectorDefault('vo', lib, 'mill-hill-2023', ['lankforst-2024']),
      school: { name: 'Het Baken', sector: 'vo' },
    }),
    'sector:vo',
  );

describe('decisionsFor', () => {
  test('offers only choice points with two or more variants that fit the sector, never a historic variant', () => {
    const vo = decisionsFor(lib, 'vo');
    expect(vo.length).toBeGreaterThanOrEqual(10);
    for (const d of vo) {
      expect(d.variants.length).toBeGreaterThanOrEqual(2);
      expect(d.variants.every((v) => v.sectors.includes('vo') && !v.historic)).toBe(true);
    }
    expect(vo.flatMap((d) => d.variants).some((v) => v.id === 'all-users/beeld-bezwaar')).toBe(false);
  });

  test('puts the variant current law asks for first', () => {
    const phones = decisionsFor(lib, 'vo').find((d) => d.choicePoint.id === 'phones-at-school')!;
    expect(phones.variants[0]!.id).toBe('devices/apparaten-nee-tenzij-lessen');
  });
});

describe('variantLaw', () => {
  test('marks the phone variants a teacher decides as ruled out for vo, not for mbo', () => {
    const teacher = [...lib.clauses.values()].find(
      (c) => c.choicePoint === 'phones-at-school' && c.variant === 'teacher-decides',
    )!;
    expect(variantLaw(teacher, 'vo').status).toBe('ruled-out');
    expect(variantLaw(teacher, 'mbo').status).not.toBe('ruled-out');
  });

  test('marks consent per purpose as advised and opt-out as ruled out with its reason', () => {
    expect(variantLaw(lib.clauses.get('all-users/beeld-toestemming-per-doel')!, 'po')).toMatchObject({
      status: 'advised',
    });
    const optOut = variantLaw(lib.clauses.get('all-users/beeld-bezwaar')!, 'po');
    expect(optOut.status).toBe('ruled-out');
    expect(optOut.text).toContain('opt-out');
  });
});

describe('chooseVariant', () => {
  test('replaces the variant of the article at the choice point, with the values given, leaving the input alone', () => {
    const d = voDefault();
    const before = chosenVariant(d, lib, 'phones-at-school');
    const next = chooseVariant(d, lib, 'phones-at-school', 'devices/apparaten-nee-tenzij-dag', {
      storage: 'in het kluisje',
    });
    expect(chosenVariant(next, lib, 'phones-at-school')).toBe('devices/apparaten-nee-tenzij-dag');
    expect(chosenVariant(d, lib, 'phones-at-school')).toBe(before);
    const article = next.sections
      .flatMap((s) => s.articles)
      .find((a) => a.clause === 'devices/apparaten-nee-tenzij-dag')!;
    expect(article.values).toEqual({ storage: 'in het kluisje' });
  });

  test('null leaves the choice point out of the protocol; choosing again brings it back in the same place', () => {
    const d = voDefault();
    const off = chooseVariant(d, lib, 'rules-scope', null);
    expect(chosenVariant(off, lib, 'rules-scope')).toBeUndefined();
    const variant = decisionsFor(lib, 'vo').find((x) => x.choicePoint.id === 'rules-scope')!.variants[1]!;
    const on = chooseVariant(off, lib, 'rules-scope', variant.id);
    expect(chosenVariant(on, lib, 'rules-scope')).toBe(variant.id);
    expect(on.sections.map((s) => s.articles.length)).toEqual(d.sections.map((s) => s.articles.length));
  });

  test('adds a variant the draft lacks to the section of its library section', () => {
    const d = voDefault();
    const without = {
      ...d,
      sections: d.sections.map((s) => ({
        ...s,
        articles: s.articles.filter((a) => lib.clauses.get(a.clause ?? '')?.choicePoint !== 'class-group-apps'),
      })),
    };
    const variant = decisionsFor(lib, 'vo').find((x) => x.choicePoint.id === 'class-group-apps')!.variants[0]!;
    const next = chooseVariant(without, lib, 'class-group-apps', variant.id);
    const section = next.sections.find((s) => s.articles.some((a) => a.clause === variant.id))!;
    expect(section.title).toBe(SECTION_TITLES[variant.section]);
    expect(
      ProtocolSchema.safeParse(draftToProtocolInput({ ...next, school: { ...next.school, name: 'X' } })).success,
    ).toBe(true);
  });
});

describe('schoolValues', () => {
  test("asks for where to report and which council consents, never for a choice point's values", () => {
    const values = schoolValues(voDefault(), lib);
    const names = values.map((v) => `${v.clause.id}#${v.name}`);
    expect(names).toContain('reporting/iedereen-meldt#reportContacts');
    expect(names).toContain('introduction/instemming-en-evaluatie#council');
    expect(values.every((v) => !v.clause.choicePoint)).toBe(true);
  });
});

describe('sectionLabels', () => {
  test('numbers sections as the composed document does: the introduction unnumbered, empty sections skipped', () => {
    const d = voDefault();
    d.sections[2]!.articles = d.sections[2]!.articles.map((a) => ({ ...a, enabled: false }));
    const doc = composeProtocol('x', ProtocolSchema.parse(draftToProtocolInput(d)), lib);
    const labels = sectionLabels(d);
    const shown = d.sections.filter((s) => s.articles.some((a) => a.enabled)).map((s) => labels.get(s.uid));
    expect(shown).toEqual(doc.sections.map((s) => s.label));
    expect(labels.get(d.sections[2]!.uid)).toBeUndefined();
  });

  test('gives nothing for an empty draft', () => {
    expect(sectionLabels(emptyDraft()).size).toBe(0);
  });
});

describe('the glossary', () => {
  test('explains each term in one or two plain sentences, and finds terms in a text by whole word', () => {
    for (const e of GLOSSARY)
      expect(e.explanation.split(/[.!?](\s|$)/).filter((x) => x.trim()).length).toBeLessThanOrEqual(2);
    expect(glossaryEntry('(G)MR')?.term).toBe('MR');
    expect(glossaryTermsIn('Na instemming van de MR stelt het bestuur het vast.').map((e) => e.term)).toEqual([
      'instemming',
      'MR',
    ]);
    expect(glossaryTermsIn('De SMR-regels en amrum').map((e) => e.term)).toEqual([]);
  });
});
