/**
 * What a build renders again (src/node/page-plan.ts) and which pages the search reads (src/node/search-pages.ts),
 * on small folders made here: a fake project root, content folder, site snapshot and previous output.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import {
  pageManifest,
  planPages,
  reusePages,
  reuseSite,
  wizardLeftOut,
  type PageManifest,
} from '../../src/node/page-plan.ts';
import { searchablePagesLeftOut, searchGlob } from '../../src/node/search-pages.ts';

let dir: string;
const write = (file: string, text: string) => {
  fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
  fs.writeFileSync(path.join(dir, file), text);
};
/** A site snapshot as src/node/site-snapshot.ts writes it: Maps as `{ __map: [...] }`. */
const snapshot = (protocols: Record<string, unknown>, rest: Record<string, unknown> = {}) => {
  write(
    'snapshot.json',
    JSON.stringify({ library: { clauses: 1 }, protocols: { __map: Object.entries(protocols) }, warnings: [], ...rest }),
  );
  return path.join(dir, 'snapshot.json');
};
const manifest = () => pageManifest(path.join(dir, 'snapshot.json'), path.join(dir, 'content'), path.join(dir, 'root'));

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pw-plan-'));
  write('root/src/pages/index.astro', '<h1>Hallo</h1>');
  write('root/package-lock.json', '{}');
  write('content/clauses/a.md', 'tekst');
  write('content/protocols/een.yaml', 'school: een');
  write('content/protocols/twee.yaml', 'school: twee');
  snapshot({ een: { name: 'Een' }, twee: { name: 'Twee' } });
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('pageManifest', () => {
  test('a changed protocol changes its own hash only, not the base', () => {
    const before = manifest();
    write('content/protocols/een.yaml', 'school: een, gewijzigd');
    snapshot({ een: { name: 'Een (gewijzigd)' }, twee: { name: 'Twee' } });
    const after = manifest();
    expect(after.base).toBe(before.base);
    expect(after.protocols.een).not.toBe(before.protocols.een);
    expect(after.protocols.twee).toBe(before.protocols.twee);
  });

  test('a change to the code, the library or the other site data changes the base', () => {
    const before = manifest().base;
    write('root/src/pages/index.astro', '<h1>Hallo!</h1>');
    const code = manifest().base;
    expect(code).not.toBe(before);
    write('content/clauses/a.md', 'andere tekst');
    const clause = manifest().base;
    expect(clause).not.toBe(code);
    snapshot({ een: { name: 'Een' }, twee: { name: 'Twee' } }, { library: { clauses: 2 } });
    expect(manifest().base).not.toBe(clause);
  });

  test('where the content lies (the file paths, relative to the checkout) changes nothing', () => {
    const before = manifest();
    snapshot(
      { een: { name: 'Een', file: '../elders/content/protocols/een.yaml' }, twee: { name: 'Twee' } },
      { library: { clauses: 1, file: '../elders/content/clauses' } },
    );
    const moved = manifest();
    snapshot({ een: { name: 'Een', file: 'content/protocols/een.yaml' }, twee: { name: 'Twee' } });
    expect(moved).toEqual(manifest());
    expect(moved.protocols.twee).toBe(before.protocols.twee);
  });

  test('warnings, which no page shows, leave the base alone', () => {
    const before = manifest().base;
    snapshot({ een: { name: 'Een' }, twee: { name: 'Twee' } }, { warnings: [{ message: 'let op' }] });
    expect(manifest().base).toBe(before);
  });
});

describe('planPages', () => {
  const previousOut = () => path.join(dir, 'dist');
  const built = (...ids: string[]) => {
    write('dist/samenstellen/index.html', 'wizard');
    write('dist/_astro/Wizard.abc.js', 'bundel');
    ids.forEach((id) => write(`dist/protocollen/${id}/index.html`, id));
  };
  const m = (base: string, protocols: Record<string, string>): PageManifest => ({ version: 1, base, protocols });

  test('without an earlier build, or with other code or content, everything is rendered', () => {
    built('een', 'twee');
    expect(planPages(undefined, m('b', { een: '1' }), previousOut()).mode).toBe('full');
    expect(planPages(m('a', { een: '1' }), m('b', { een: '1' }), previousOut())).toEqual({
      mode: 'full',
      reason: 'code, bibliotheek, modellen, besturen of handleiding zijn veranderd',
    });
  });

  test('renders changed, new and missing protocols, copies the rest, and forgets removed ones', () => {
    built('een', 'twee', 'weg');
    const plan = planPages(
      m('b', { een: '1', twee: '2', weg: '3', kwijt: '4' }),
      m('b', { een: '1', twee: '2*', nieuw: '5', kwijt: '4' }),
      previousOut(),
    );
    // kwijt: same hash, but its folder is not in the previous output.
    expect(plan).toEqual({ mode: 'partial', render: ['kwijt', 'nieuw', 'twee'], reuse: ['een'] });
  });

  test('with nothing changed, nothing is rendered; a removed protocol still changes the pages that list them', () => {
    built('een', 'twee');
    expect(planPages(m('b', { een: '1', twee: '2' }), m('b', { een: '1', twee: '2' }), previousOut())).toEqual({
      mode: 'unchanged',
      reuse: ['een', 'twee'],
    });
    expect(planPages(m('b', { een: '1', twee: '2' }), m('b', { een: '1' }), previousOut())).toEqual({
      mode: 'partial',
      render: [],
      reuse: ['een'],
    });
  });

  test('without the wizard and its bundle in the previous output, everything is rendered', () => {
    built('een');
    fs.rmSync(path.join(dir, 'dist/_astro'), { recursive: true });
    expect(planPages(m('b', { een: '1' }), m('b', { een: '1' }), previousOut()).mode).toBe('full');
  });
});

describe('reusePages', () => {
  test("copies a protocol's pages and the wizard with its bundle (replacing the new one), not PDFs or Word files", () => {
    write('dist/protocollen/een/index.html', 'pagina');
    write('dist/protocollen/een/vergelijk/scope/index.html', 'vergelijking');
    write('dist/protocollen/een/een.pdf', '%PDF');
    write('dist/protocollen/een/een.docx', 'PK');
    write('dist/protocollen/twee/index.html', 'niet gevraagd');
    write('dist/samenstellen/index.html', 'wizard');
    write('dist/samenstellen/bibliotheek.json', '{}');
    write('dist/_astro/Wizard.abc.js', 'bundel');
    write('nieuw/_astro/client.xyz.js', 'zonder wizard gebundeld');
    const out = path.join(dir, 'nieuw');
    expect(reusePages(path.join(dir, 'dist'), out, ['een'])).toBe(4);
    const files = (fs.readdirSync(out, { recursive: true, encoding: 'utf8' }) as string[]).filter((f) =>
      fs.statSync(path.join(out, f)).isFile(),
    );
    expect(files.map((f) => f.split(path.sep).join('/')).sort()).toEqual([
      '_astro/Wizard.abc.js',
      'protocollen/een/index.html',
      'protocollen/een/vergelijk/scope/index.html',
      'samenstellen/index.html',
    ]);
  });
});

describe('reuseSite', () => {
  test('copies the whole site but PDFs, Word files and the build manifests', () => {
    write('dist/index.html', 'home');
    write('dist/pagefind/pagefind.js', 'zoek');
    write('dist/protocollen/een/een.pdf', '%PDF');
    write('dist/protocollen/een/index.html', 'pagina');
    write('dist/.protocolwijzer-bouw.json', '{}');
    write('dist/.protocolwijzer-deel.json', '{}');
    const out = path.join(dir, 'nieuw');
    expect(reuseSite(path.join(dir, 'dist'), out)).toBe(3);
    expect(fs.existsSync(path.join(out, 'pagefind/pagefind.js'))).toBe(true);
    expect(fs.existsSync(path.join(out, 'protocollen/een/een.pdf'))).toBe(false);
    expect(fs.existsSync(path.join(out, '.protocolwijzer-bouw.json'))).toBe(false);
  });

  test('links the files, so the new site keeps them when the build removes the previous output', () => {
    write('dist/protocollen/een/index.html', 'pagina');
    const out = path.join(dir, 'nieuw');
    reuseSite(path.join(dir, 'dist'), out);
    const [before, after] = ['dist', 'nieuw'].map((d) => fs.statSync(path.join(dir, d, 'protocollen/een/index.html')));
    expect(after!.ino).toBe(before!.ino);
    fs.rmSync(path.join(dir, 'dist'), { recursive: true });
    expect(fs.readFileSync(path.join(out, 'protocollen/een/index.html'), 'utf8')).toBe('pagina');
  });
});

describe('wizardLeftOut', () => {
  test("gives Vite an empty page for the wizard's page only", () => {
    const plugin = wizardLeftOut();
    expect(plugin.load('/work/x/src/pages/samenstellen/index.astro')).toMatch(/overgenomen/);
    expect(plugin.load('/work/x/src/pages/samenstellen/index.astro?astro&type=style')).toBeUndefined();
    expect(plugin.load('/work/x/src/pages/samenstellen/afdrukken/index.astro')).toBeUndefined();
    expect(plugin.load('/work/x/src/components/wizard/Wizard.tsx')).toBeUndefined();
  });
});

describe('search pages', () => {
  test('the glob names the searchable pages for pagefind', () => {
    expect(searchGlob()).toBe('{protocollen/*/index.html,modellen/*/index.html,bibliotheek/*/*/index.html}');
  });

  test('a page that asks to be searched outside those paths is reported; other pages are not', () => {
    write('site/protocollen/een/index.html', '<main data-pagefind-body>protocol</main>');
    write('site/protocollen/een/vergelijk/scope/index.html', '<main>vergelijking</main>');
    write('site/bibliotheek/privacy/foto/index.html', '<main data-pagefind-body>bepaling</main>');
    write('site/handleiding/ouders/index.html', '<main data-pagefind-body>uitleg</main>');
    expect(searchablePagesLeftOut(path.join(dir, 'site'))).toEqual(['handleiding/ouders/index.html']);
  });
});
