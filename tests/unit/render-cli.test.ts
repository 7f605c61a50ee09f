import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { documentArticles } from '../../src/lib/compose/document.ts';
import { ROOT } from '../../src/node/paths.ts';
import { loadSite } from '../../src/node/site-data.ts';
import { docxPart, docxText, fold } from '../helpers/docx.ts';

const FIXTURE = 'tests/fixtures/content/small-library';

/** Runs `scripts/render.ts` (what `npm run render` runs) on the small fixture library. */
function render(...args: string[]) {
  return spawnSync(path.join(ROOT, 'node_modules', '.bin', 'tsx'), ['scripts/render.ts', ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, PROTOCOLWIJZER_CONTENT: path.join(ROOT, FIXTURE), NO_COLOR: '1' },
    timeout: 60_000,
  });
}

describe('npm run render', () => {
  test('prints title, school, status and every article with number, title and text; exit 0', () => {
    const run = render(`${FIXTURE}/protocols/het-kompas.yaml`);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toBe(
      [
        'Protocol sociale media Het Kompas',
        'Scholengemeenschap Het Kompas (bestuur: Stichting Kompasscholen)',
        'Concept: nog niet vastgesteld.',
        '',
        '1. Voor iedereen',
        '',
        '1.1 Respect online',
        'Het Kompas vraagt iedereen om online respectvol met elkaar om te gaan.',
        '',
        "1.2 Toestemming voor foto's",
        "Voor foto's van leerlingen onder de 16 jaar vragen we eerst toestemming aan hun ouders.",
        '',
        '1.3 Melden',
        'Zie je iets wat niet mag, meld het dan bij de mentor of de vertrouwenspersoon.',
        '',
        '1.4 Bij twijfel',
        'Twijfel je, vraag het dan zoals hierboven aan de mentor of de vertrouwenspersoon.',
        '',
        '2. Telefoons',
        '',
        '2.1 Telefoon inleveren',
        'Leerlingen leveren hun telefoon aan het begin van de dag in bij de conciërge.',
        '',
        '3. Maatregelen',
        '',
        '3.1 Aangifte',
        'Doet een leerling iets strafbaars, dan doet Het Kompas aangifte.',
        '',
        '3.2 Een gesprek',
        'Wie zich niet aan de afspraken houdt, spreekt Het Kompas daarop aan.',
        '',
        '3.3 Herstel',
        'Na een maatregel praten we samen over hoe het verder gaat.',
        '',
      ].join('\n'),
    );
  });

  test('prints one escaped HTML document with --format html', () => {
    const run = render(`${FIXTURE}/protocols/het-kompas.yaml`, '--format', 'html');
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/^<!doctype html>\n<html lang="nl">/);
    expect(run.stdout).toContain('<h1>Protocol sociale media Het Kompas</h1>');
    expect(run.stdout).toContain('<p class="status">Concept: nog niet vastgesteld.</p>');
    expect(run.stdout).toContain('Voor foto&#39;s van leerlingen onder de 16 jaar');
  });

  test('refuses a required value left empty with exit 2 and the located message, printing nothing', () => {
    const run = render(`${FIXTURE}/faults/missing-value.yaml`);
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe(
      'Het protocol kan niet worden samengesteld:\n' +
        `${FIXTURE}/faults/missing-value.yaml:11: sections.0.articles.0.values: sectie 1 ("Telefoons"), artikel 1 ("Telefoon inleveren", \`devices/telefoon-inleveren\`) vraagt om \`handInPlace\` (Waar leveren leerlingen hun telefoon in?). Elke school vult die zelf in; zet de waarde onder \`values\`. [missing-value]\n`,
    );
  });

  test('prints a warning on stderr, and still the protocol, for a clause without the clause it leans on', () => {
    const run = render(`${FIXTURE}/faults/requires-missing.yaml`);
    expect(run.status).toBe(0);
    expect(run.stderr).toMatch(/^waarschuwing: .*requires-missing.yaml:11: .* \[requires-missing\]\n$/);
    expect(run.stdout).toContain('1.1 Bij twijfel');
  });

  test('refuses an unknown format, a missing file and a missing argument with exit 2 and how to call it', () => {
    const badFormat = render(`${FIXTURE}/protocols/het-kompas.yaml`, '--format', 'pdf');
    expect([badFormat.status, badFormat.stderr]).toEqual([
      2,
      'onbekend formaat `pdf`; kies text of html of docx.\nGebruik: npm run render -- <protocol.yaml> [--format text|html|docx] [--out <bestand>]\n',
    ]);
    const missing = render('bestaat-niet.yaml');
    expect([missing.status, missing.stderr.split('\n')[0]]).toEqual([2, 'bestaat-niet.yaml: bestand niet gevonden.']);
    expect(render().status).toBe(2);
  });
});

/** Runs `scripts/render.ts` on the site's own content. */
function renderSite(...args: string[]) {
  return spawnSync(path.join(ROOT, 'node_modules', '.bin', 'tsx'), ['scripts/render.ts', ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    timeout: 60_000,
  });
}

describe('npm run render --format docx', () => {
  test('--out writes the Word file of a protocol, with every article title in it, and no temporary file', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'render-'));
    const out = path.join(dir, 'de-linde-1.0.docx');
    const run = renderSite('content/protocols/de-linde/1.0.yaml', '--format', 'docx', '--out', out);
    expect(run.status, run.stderr).toBe(0);
    const bytes = new Uint8Array(fs.readFileSync(out));
    const text = await docxText(bytes);
    const doc = loadSite().protocols.get('de-linde')!.history.at(-1)!.doc;
    for (const a of documentArticles(doc)) expect(text).toContain(fold(a.title));
    expect(docxPart(bytes, 'word/numbering.xml')).toContain('%1.%2');
    expect(fs.readdirSync(dir)).toEqual(['de-linde-1.0.docx']);
  });

  test('refuses a .docx without --out with a Dutch message and exit status 2', () => {
    const run = renderSite('content/protocols/de-linde.yaml', '--format', 'docx');
    expect([run.status, run.stderr.split('\n')[0]]).toEqual([
      2,
      'Een Word-bestand kan niet naar het scherm; geef --out <bestand.docx>.',
    ]);
  });

  test('writes nothing for an invalid file', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'render-'));
    const run = renderSite(
      'tests/fixtures/protocols/unknown-clause.yaml',
      '--format',
      'docx',
      '--out',
      path.join(dir, 'x.docx'),
    );
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('Het protocol kan niet worden samengesteld:');
    expect(fs.readdirSync(dir)).toEqual([]);
  });
});
