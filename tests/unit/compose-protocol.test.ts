import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { composeProtocol } from '../../src/lib/compose/compose-protocol.ts';
import {
  documentArticles,
  type DocArticle,
  type Library,
  type ProtocolDocument,
} from '../../src/lib/compose/document.ts';
import { parseProtocol } from '../../src/lib/compose/parse-protocol.ts';
import { sectionHeading } from '../../src/lib/render/render-html.ts';
import { loadChoicePoints, loadClauses, loadReferenceModels } from '../../src/node/load-content.ts';
import { ROOT } from '../../src/node/paths.ts';

let library: Library;
let modelIds: string[];
beforeAll(() => {
  library = { clauses: loadClauses(), choicePoints: loadChoicePoints() };
  modelIds = [...loadReferenceModels().keys()];
});

/** Parses and composes `content/protocols/<id>.yaml`. */
function compose(id: string): ProtocolDocument {
  const file = `content/protocols/${id}.yaml`;
  return composeProtocol(
    id,
    parseProtocol(fs.readFileSync(path.join(ROOT, file), 'utf8'), file, library, modelIds),
    library,
  );
}

/** The article with `key` in a document. */
function article(doc: ProtocolDocument, key: string): DocArticle {
  const found = documentArticles(doc).find((a) => a.key === key);
  if (!found) throw new Error(`${doc.id} has no article ${key}`);
  return found;
}

describe('composeProtocol', () => {
  test("fills a variable from the school's values", () => {
    expect(article(compose('de-linde'), 'introduction/onderdeel-samenleving').text).toContain(
      'sociale media zoals WhatsApp, Instagram, TikTok, YouTube en Snapchat',
    );
  });

  test('writes the school\'s list of contacts as a Dutch enumeration with the clause\'s "of"', () => {
    expect(article(compose('de-linde'), 'reporting/iedereen-meldt').text).toBe(
      'Bij signalering van ongepast social media gebruik met kwetsende of schadelijke inhoud nodigen wij alle betrokkenen uit dit te melden aan school (bijvoorbeeld de groepsleerkracht, intern begeleider of vertrouwenspersoon). Samen zorgen wij voor een veilig (online) schoolklimaat.',
    );
  });

  test("puts the school's name where the clause says {{school.name}}", () => {
    expect(article(compose('de-linde'), 'measures/naleven-ambassadeurs').text).toBe(
      'Basisschool De Linde hecht een groot belang aan het naleven van de richtlijnen in dit protocol en gaat er van uit dat personeel, ouders en leerlingen zich als integere ambassadeurs van de school gedragen.',
    );
  });

  test("uses the school's own text for an overridden clause, and says so", () => {
    const gesprek = article(compose('de-linde'), 'measures/gesprek');
    expect(gesprek.origin).toBe('override');
    expect(gesprek.text).toBe(
      'Basisschool De Linde gaat met betrokkenen in gesprek als hiervoor aanleiding is. Bij leerlingen worden de ouders/verzorgers daar altijd bij betrokken.',
    );
    expect(gesprek.title).toBe(library.clauses.get('measures/gesprek')!.title);
  });

  test("keeps the school's own article as written, keyed custom/<slug>", () => {
    const own = article(compose('de-linde'), 'custom/groepsapps-ouders');
    expect(own).toMatchObject({
      key: 'custom/groepsapps-ouders',
      anchor: 'custom--groepsapps-ouders',
      number: '5.1',
      title: 'Groepsapps van ouders',
      audiences: ['parents'],
      origin: 'custom',
    });
    expect(own.clause).toBeUndefined();
    expect(own.text.split('\n\n')).toHaveLength(2);
  });

  test('numbers the articles of numbered sections <section>.<n>, counting numbered sections only', () => {
    const doc = compose('de-linde');
    expect(doc.sections.map((s) => s.items.map((i) => ('article' in i ? i.article.number : '')).join(' '))).toEqual([
      '1 2 3 4 5 6',
      '1.1 1.2 1.3 1.4',
      '2.1 2.2',
      '3.1 3.2 3.3 3.4 3.5 3.6 3.7 3.8 3.9 3.10 3.11',
      '4.1 4.2 4.3 4.4 4.5',
      '5.1',
      '6.1 6.2 6.3 6.4 6.5 6.6 6.7 6.8 6.9',
      '7.1 7.2',
      '8.1 8.2 8.3',
    ]);
  });

  test('marks the numbers of a prose section as added, and no others', () => {
    const doc = compose('de-linde');
    expect(doc.sections.map((s) => s.items.every((i) => 'article' in i && i.article.numberAdded))).toEqual([
      true,
      false,
      false,
      false,
      false,
      false,
      false,
      false,
      false,
    ]);
  });

  test('heads a numbered section with the number its articles carry', () => {
    expect(compose('de-linde').sections.map(sectionHeading)).toEqual([
      'Inleiding',
      '1. Uitgangspunten',
      '2. Doelgroep en reikwijdte',
      '3. Voor iedereen',
      '4. Voor leerlingen',
      '5. Voor ouders/verzorgers',
      '6. Voor medewerkers',
      '7. Melden',
      '8. Gevolgen',
    ]);
  });

  test('numbers a labelled section with its letter, and does not count it among the numbered ones', () => {
    const doc = compose('scope-2012');
    expect(article(doc, 'all-users/beeld-bezwaar').number).toBe('A.5');
    expect(article(doc, 'staff-at-work/twijfel-leidinggevende').number).toBe('B.5');
    expect(article(doc, 'measures/gesprek').number).toBe('3.2');
    expect(doc.sections.map(sectionHeading)).toEqual([
      'Inleiding',
      '1. Uitgangspunten',
      '2. Doelgroep en reikwijdte',
      'A. Voor alle gebruikers (medewerkers, leerlingen en ouders/verzorgers)',
      'B. Voor medewerkers tijdens en buiten werksituaties',
      '3. Sancties en gevolgen voor medewerkers, ouders en leerlingen',
    ]);
  });

  test('gives each article an anchor from its clause id, so that it survives renumbering', () => {
    expect(article(compose('de-linde'), 'all-users/persoonlijk-verantwoordelijk').anchor).toBe(
      'all-users--persoonlijk-verantwoordelijk',
    );
  });

  test('carries the school, its adoption and the model it started from', () => {
    const doc = compose('de-linde');
    expect(doc).toMatchObject({
      kind: 'protocol',
      id: 'de-linde',
      title: 'Protocol sociale media',
      organisation: 'Basisschool De Linde',
      board: 'Stichting Voorbeeldscholen Utrecht',
      place: 'Utrecht',
      sectors: ['po'],
      version: '2.0',
      // A draft: not adopted yet, so no date (its adopted predecessor is content/protocols/de-linde/1.0.yaml).
      dated: undefined,
      startsFrom: 'scope-2012',
    });
    expect(doc.contacts.filter((c) => c.reporting).map((c) => c.role)).toEqual([
      'groepsleerkracht',
      'intern begeleider',
      'vertrouwenspersoon',
    ]);
  });
});
