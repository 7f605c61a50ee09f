import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { documentArticles } from '../../src/lib/compose/document.ts';
import { ROOT } from '../../src/node/paths.ts';
import { loadSite } from '../../src/node/site-data.ts';
import { docxPart, docxText, fold } from '../helpers/docx.ts';

/** Runs `npm run render -- …` (as tsx, without npm's own lines) in the project root. */
function render(...args: string[]) {
  return spawnSync(path.join(ROOT, 'node_modules/.bin/tsx'), ['scripts/render.ts', ...args], { cwd: ROOT, encoding: 'utf8' });
}

describe('npm run render', () => {
  test('--format docx --out writes the Word file of a protocol, with every article title in it', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'render-'));
    const out = path.join(dir, 'de-linde-1.0.docx');
    const run = render('content/protocols/de-linde/1.0.yaml', '--format', 'docx', '--out', out);
    expect(run.status, run.stderr).toBe(0);
    const bytes = new Uint8Array(fs.readFileSync(out));
    const text = await docxText(bytes);
    const doc = loadSite().protocols.get('de-linde')!.history.at(-1)!.doc;
    for (const a of documentArticles(doc)) expect(text).toContain(fold(a.title));
    expect(docxPart(bytes, 'word/numbering.xml')).toContain('%1.%2');
    expect(fs.readdirSync(dir)).toEqual(['de-linde-1.0.docx']); // no temporary file left behind
  });

  test('refuses a .docx without --out, and a missing file, with a Dutch message and exit status 2', () => {
    const noOut = render('content/protocols/de-linde.yaml', '--format', 'docx');
    expect([noOut.status, noOut.stderr.split('\n')[0]]).toEqual([2, 'Een Word-bestand kan niet naar het scherm; geef --out <bestand.docx>.']);
    const missing = render('content/protocols/bestaat-niet.yaml', '--format', 'docx', '--out', path.join(os.tmpdir(), 'x.docx'));
    expect([missing.status, missing.stderr.split('\n')[0]]).toEqual([2, 'content/protocols/bestaat-niet.yaml: bestand niet gevonden.']);
  });

  test('writes nothing for an invalid file', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'render-'));
    const run = render('tests/fixtures/protocols/unknown-clause.yaml', '--format', 'docx', '--out', path.join(dir, 'x.docx'));
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('Het bestand is ongeldig; er is niets geschreven.');
    expect(fs.readdirSync(dir)).toEqual([]);
  });
});
