import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { loadSite } from '../../src/node/site-data.ts';
import { readSiteSnapshot, writeSiteSnapshot } from '../../src/node/site-snapshot.ts';

describe('the validated site snapshot (content checked once per build)', () => {
  test('reads back the same data, Maps included, as the content it was written from', () => {
    const site = loadSite();
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'protocolwijzer-snapshot-')), 'site-data.json');
    writeSiteSnapshot(site, file);
    const read = readSiteSnapshot(file);
    expect(read.library.clauses).toBeInstanceOf(Map);
    expect(read.protocols.get('de-linde')!.history[0]!.doc).toEqual(site.protocols.get('de-linde')!.history[0]!.doc);
    expect(read).toEqual(site);
    expect(fs.existsSync(`${file}.tmp`)).toBe(false);
  });

  test('says which step writes it when it is missing', () => {
    expect(() => readSiteSnapshot(path.join(os.tmpdir(), 'bestaat-niet', 'site-data.json'))).toThrow(
      /site-data\.json ontbreekt: die schrijft de eerste stap van `npm run build` \(scripts\/prebuild\.ts\)\./,
    );
  });
});
