/**
 * The same comparison reads the same on screen, on paper and in a terminal: for every protocol against every
 * reference model, and for every protocol's previous version against its current one, the built page, the redline
 * PDF (pdftotext) and `npm run diff` (runDiffCli) give the same total, the same numbered changes with the same kinds,
 * and the same counts per kind. A model redline is printed at build time only against the model the protocol
 * started from (`startsFrom`); against the other models its print page exists and no PDF does.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { runDiffCli } from '../../src/node/diff-cli.ts';
import { loadSite } from '../../src/node/site-data.ts';
import { modelRedlinePdfName, redlinePdfName } from '../../src/lib/versions/status.ts';
import { DIST, fold } from './built-site.ts';

const site = loadSite();
const content = { library: site.library, models: site.models };

/** One rendering of a comparison: its total line, its numbered changes `[number, kind]` and its counts. */
interface Reading {
  total: string;
  changes: [string, string][];
  counts: Record<string, number>;
}

/** Counts per kind from a list of numbered changes. */
function tally(changes: [string, string][]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [, kind] of changes) out[kind] = (out[kind] ?? 0) + 1;
  return out;
}

/** The counts without the unchanged articles (the PDF's list has only the changes). */
function changedOnly(counts: Record<string, number>): Record<string, number> {
  return Object.fromEntries(Object.entries(counts).filter(([k]) => k !== 'ongewijzigd'));
}

/** The built page: the total, the change list and the counts list, checked against the change blocks. */
function readPage(file: string): Reading {
  const html = fs.readFileSync(path.join(DIST, file), 'utf8');
  const total = fold(/<p class="total"><strong>([^<]+)<\/strong>([^<]*)<\/p>/.exec(html)!.slice(1).join(''));
  const numbered = (part: string) =>
    [...part.matchAll(/<span class="change-number">([VW]\d+)<\/span> <span class="change-kind">([^<]+)<\/span>/g)].map(
      (m) => [m[1]!, m[2]!] as [string, string],
    );
  const list = /<ol class="change-list">([\s\S]*?)<\/ol>/.exec(html)![1]!;
  const changes = numbered(list);
  expect(numbered(html.slice(html.indexOf('class="diff-changes"'))), `${file}: blocks and list`).toEqual(changes);
  const counts = Object.fromEntries(
    [...html.matchAll(/<li><span class="count">(\d+)<\/span> ([^<]+)<\/li>/g)].map((m) => [m[2]!, Number(m[1])]),
  );
  return { total, changes, counts };
}

/**
 * The redline PDF: the total on page 1 and the numbered list (kinds in lower case; the labels in the full text are
 * capitals).
 */
function readPdf(file: string, kinds: readonly string[]): Reading {
  const text = execFileSync('pdftotext', ['-layout', path.join(DIST, file), '-'], { encoding: 'utf8' });
  const byLength = [...kinds].sort((a, b) => b.length - a.length);
  const changes = text
    .split('\n')
    .map(fold)
    .flatMap((line) => {
      const m = /^([VW]\d+) (.*)$/.exec(line);
      const kind = m && byLength.find((k) => m[2] === k || m[2]!.startsWith(`${k} `));
      return m && kind ? [[m[1]!, kind] as [string, string]] : [];
    });
  const total = /(\d+ (?:verschil|verschillen|wijziging|wijzigingen) van .*?\.)(?: |$)/.exec(fold(text))![1]!;
  return { total, changes, counts: tally(changes) };
}

/** `npm run diff -- <a> <b>`, in-process. */
function readTerminal(a: string, b: string): Reading {
  const r = runDiffCli([a, b], { content });
  expect(r.stderr).toBe('');
  const lines = r.stdout.split('\n');
  const changes = lines.flatMap((l) => {
    const m = /^([VW]\d+) {2}(.+?): /.exec(l);
    return m ? [[m[1]!, m[2]!] as [string, string]] : [];
  });
  const counts = Object.fromEntries(
    (changes.length ? lines[1]!.split(', ') : []).map((part) => {
      const m = /^(\d+) (.+)$/.exec(part)!;
      return [m[2]!, Number(m[1])];
    }),
  );
  return { total: `${lines[0]}.`, changes, counts };
}

const KINDS = [
  'gewijzigd',
  'naam van de school ingevuld',
  'andere naam van de school',
  'andere waarde ingevuld',
  'andere keuze gemaakt',
  'toegevoegd',
  'geschrapt',
  'weggelaten',
  'verplaatst en gewijzigd',
  'verplaatst',
];

const modelPairs = [...site.protocols.values()].flatMap((p) =>
  [...site.models.keys()].map((model) => [p.id, model, p.file, p.protocol.startsFrom]),
);

describe('every protocol against every reference model: page, PDF and terminal agree', () => {
  test.each(modelPairs)('%s against %s', (id, model, file, startsFrom) => {
    const page = readPage(`protocollen/${id}/vergelijk/${model}/index.html`);
    const terminal = readTerminal(model, file);
    expect(terminal.changes, 'terminal').toEqual(page.changes);
    expect(terminal.total, 'terminal').toBe(page.total);
    if (page.changes.length) expect(terminal.counts, 'terminal').toEqual(page.counts);
    expect(changedOnly(page.counts), 'page counts').toEqual(tally(page.changes));
    page.changes.forEach(([number], i) => expect(number).toBe(`V${i + 1}`));
    // Only the redline against the starting model is printed at build time; the others print in the browser.
    const pdf = `protocollen/${id}/vergelijk/${model}/${modelRedlinePdfName(id, model)}`;
    expect(fs.existsSync(path.join(DIST, pdf)), pdf).toBe(page.changes.length > 0 && model === startsFrom);
    expect(fs.existsSync(path.join(DIST, `protocollen/${id}/vergelijk/${model}/print/index.html`))).toBe(
      page.changes.length > 0,
    );
    if (page.changes.length && model === startsFrom) {
      const paper = readPdf(pdf, KINDS);
      expect(paper.changes, 'PDF').toEqual(page.changes);
      expect(paper.total, 'PDF').toBe(page.total);
    }
  });
});

const versionPairs = [...site.protocols.values()]
  .filter((p) => p.history.length > 0)
  .map((p) => [p.id, p.history.at(-1)!.file, p.file, p.history.at(-1)!.version, p.protocol.version]);

describe('every protocol against its previous version: page, PDF and terminal agree', () => {
  test('there is at least one version pair to check', () => {
    expect(versionPairs.length).toBeGreaterThan(0);
  });

  test.each(versionPairs)('%s: %s → %s', (id, before, after, v1, v2) => {
    const page = readPage(`protocollen/${id}/wijzigingen/index.html`);
    const terminal = readTerminal(before, after);
    const paper = readPdf(`protocollen/${id}/wijzigingen/${redlinePdfName(id, v1, v2)}`, KINDS);
    page.changes.forEach(([number], i) => expect(number).toBe(`W${i + 1}`));
    expect(changedOnly(page.counts), 'page counts').toEqual(tally(page.changes));
    expect([terminal.changes, terminal.total, terminal.counts]).toEqual([page.changes, page.total, page.counts]);
    expect([paper.changes, paper.total]).toEqual([page.changes, page.total]);
  });
});
