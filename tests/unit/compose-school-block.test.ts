import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { composeProtocol } from '../../src/lib/compose/compose-protocol.ts';
import { documentArticles } from '../../src/lib/compose/document.ts';
import { parseProtocol } from '../../src/lib/compose/parse-protocol.ts';
import { ProtocolSchema } from '../../src/lib/schema/protocol.ts';
import { ROOT } from '../../src/node/paths.ts';
import { fixtureContent, type FixtureContent } from '../helpers/fixture-content.ts';

let fx: FixtureContent;
beforeAll(() => {
  fx = fixtureContent('small-library');
});

const KOMPAS = 'tests/fixtures/content/small-library/protocols/het-kompas.yaml';

describe('composeProtocol with the school block', () => {
  test('fills every school detail from the school block: the name as a sentence says it, the pupil, the reporting routes', () => {
    const protocol = parseProtocol(fs.readFileSync(path.join(ROOT, KOMPAS), 'utf8'), KOMPAS, fx.library, fx.modelIds);
    const doc = composeProtocol('het-kompas', protocol, fx.library);
    expect(doc.title).toBe('Protocol sociale media Het Kompas');
    expect(doc.organisation).toBe('Scholengemeenschap Het Kompas');
    expect(documentArticles(doc).map((a) => [a.number, a.text])).toEqual([
      ['1.1', 'Het Kompas vraagt iedereen om online respectvol met elkaar om te gaan.'],
      ['1.2', "Voor foto's van leerlingen onder de 16 jaar vragen we eerst toestemming aan hun ouders."],
      ['1.3', 'Zie je iets wat niet mag, meld het dan bij de mentor of de vertrouwenspersoon.'],
      ['1.4', 'Twijfel je, vraag het dan zoals hierboven aan de mentor of de vertrouwenspersoon.'],
      ['2.1', 'Leerlingen leveren hun telefoon aan het begin van de dag in bij de conciërge.'],
      ['3.1', 'Doet een leerling iets strafbaars, dan doet Het Kompas aangifte.'],
      ['3.2', 'Wie zich niet aan de afspraken houdt, spreekt Het Kompas daarop aan.'],
      ['3.3', 'Na een maatregel praten we samen over hoe het verder gaat.'],
    ]);
  });

  test('shows a required value left empty as […] in a preview (the check refuses it before a file is built)', () => {
    const protocol = ProtocolSchema.parse({
      format: 1,
      school: { name: 'Het Kompas', sector: 'vo' },
      version: '1.0',
      startsFrom: 'voorbeeld-2020',
      sections: [{ title: 'Telefoons', articles: [{ clause: 'devices/telefoon-inleveren' }] }],
    });
    expect(documentArticles(composeProtocol('x', protocol, fx.library))[0]!.text).toBe(
      'Leerlingen leveren hun telefoon aan het begin van de dag in bij […].',
    );
  });

  test('without contacts marked for reporting, names the school leadership as the route', () => {
    const protocol = ProtocolSchema.parse({
      format: 1,
      school: { name: 'Het Kompas', sector: 'vo', contacts: [{ role: 'conciërge' }] },
      version: '1.0',
      startsFrom: 'voorbeeld-2020',
      sections: [{ title: 'Melden', articles: [{ clause: 'reporting/melden' }] }],
    });
    expect(documentArticles(composeProtocol('x', protocol, fx.library))[0]!.text).toBe(
      'Zie je iets wat niet mag, meld het dan bij de schoolleiding.',
    );
  });
});
