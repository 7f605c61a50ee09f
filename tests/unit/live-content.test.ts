/**
 * Properties of the live content (content/), each of which can fail, instead of pinned counts: adding a correct
 * clause breaks none of them. The core itself is unit-tested on tests/fixtures/content/.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { parse, stringify } from 'yaml';
import { composeProtocol } from '../../src/lib/compose/compose-protocol.ts';
import { documentArticles } from '../../src/lib/compose/document.ts';
import { fillTemplate, formatValue, schoolValues } from '../../src/lib/compose/fill-template.ts';
import { diffDocuments } from '../../src/lib/diff/diff-documents.ts';
import { checkLibraryAndModels } from '../../src/lib/model/check-library.ts';
import { modelArticles } from '../../src/lib/model/model-articles.ts';
import { modelToProtocol } from '../../src/lib/model/model-protocol.ts';
import { organisationTerms, termsIn } from '../../src/lib/model/organisation-terms.ts';
import { ProtocolSchema, type ProtocolInput } from '../../src/lib/schema/protocol.ts';
import { startProtocol } from '../../src/lib/wizard/start.ts';
import { startingPoints } from '../../src/lib/wizard/starting-points.ts';
import { loadSite, type SiteData } from '../../src/node/site-data.ts';
import { contentDir, ROOT } from '../../src/node/paths.ts';

let site: SiteData;
/** Every term that identifies one of the reference models' organisations, derived from the models themselves. */
let terms: string[];
beforeAll(() => {
  site = loadSite();
  const models = [...site.models.values()];
  const clauses = [...site.library.clauses.values()];
  terms = [
    ...new Set(
      models.flatMap((m) =>
        organisationTerms(
          m,
          models,
          clauses.flatMap((c) => c.sources.filter((s) => s.model === m.id).map((s) => s.values)),
        ),
      ),
    ),
  ];
});

/** A fictional school that starts a protocol: nothing of it is in any model. */
const OTHER_SCHOOL = {
  name: 'Kindcentrum Zonnewijzer',
  nameInText: 'De Zonnewijzer',
  board: 'Stichting Wijzer Onderwijs',
  boardInText: 'de stichting Wijzer Onderwijs',
  contacts: [
    { role: 'groepsleerkracht', reporting: true },
    { role: 'vertrouwenspersoon', email: 'vertrouwenspersoon@zonnewijzer.example', reporting: true },
  ],
};

describe('the reference models', () => {
  test('yield a list of organisation terms for each model, from their own metadata and text', () => {
    for (const m of site.models.values()) {
      expect(terms, m.id).toContain(m.school.name);
      expect(terms, m.id).toContain(m.organisation);
    }
  });

  test('each rebuild from the library with zero differences, and the generated file is up to date', () => {
    for (const m of site.models.values()) {
      const rebuild = modelToProtocol(m, site.library);
      const doc = composeProtocol(m.id, ProtocolSchema.parse(rebuild), site.library);
      const diff = diffDocuments(site.modelDocs.get(m.id)!, doc);
      const articles = documentArticles(site.modelDocs.get(m.id)!).length;
      expect(diff.counts, m.id).toEqual({
        unchanged: articles,
        changed: 0,
        added: 0,
        removed: 0,
        moved: 0,
        'moved-changed': 0,
      });
      const file = path.join(contentDir(), 'protocols', `${m.id}.yaml`);
      expect(parse(fs.readFileSync(file, 'utf8')), `${m.id}.yaml is out of date: run npm run rebuild-models`).toEqual(
        parse(stringify(rebuild)),
      );
    }
  });

  test('map every article to a clause, and agree with the library on every source', () => {
    for (const m of site.models.values())
      for (const a of modelArticles(m).values()) expect(a.clause, `${m.id} ${a.ref}`).toBeDefined();
    expect(checkLibraryAndModels(site.library, site.models)).toEqual([]);
  });
});

describe('the clause library', () => {
  test('gives every clause a model source or a basis in law or guidance', () => {
    const without = [...site.library.clauses.values()]
      .filter((c) => c.sources.length === 0 && c.basis.length === 0)
      .map((c) => c.id);
    expect(without).toEqual([]);
  });

  test('names no organisation, board, e-mail domain, place or local event of a reference model in a body or a default', () => {
    const neutral = schoolValues({ name: 'de school' });
    const found: string[] = [];
    for (const c of site.library.clauses.values()) {
      const text = fillTemplate(c.body, c.variables, {}, neutral);
      for (const t of termsIn(text, terms)) found.push(`${c.id}: tekst noemt ${t}`);
      for (const [name, v] of Object.entries(c.variables)) {
        if (v.default === undefined) continue;
        for (const t of termsIn(formatValue(v.default, v), terms)) found.push(`${c.id}: ${name} noemt ${t}`);
      }
    }
    expect(found).toEqual([]);
  });

  test("asks no school detail again: no variable for the school's name, board, account or reporting address", () => {
    const asks = [...site.library.clauses.values()].flatMap((c) =>
      Object.entries(c.variables)
        .filter(
          ([name, v]) =>
            v.type === 'email' || /school(ref|name|account)|boardname|accountlabel|reportemail/i.test(name),
        )
        .map(([name]) => `${c.id}: ${name}`),
    );
    expect(asks).toEqual([]);
  });

  test('cites no legal reference on the refused list (shared/LAW.md: AVG art. 8 for school images, art. 139h and 240b Sr)', () => {
    const refused = [...site.library.clauses.values()].flatMap((c) =>
      c.legal
        .filter((l) => (l.law === 'AVG' && /^8\b/.test(l.article)) || /^(139h|240b)\b/.test(l.article))
        .map((l) => `${c.id}: ${l.law} ${l.article}`),
    );
    expect(refused).toEqual([]);
  });
});

describe('a new school, starting from any model or sector default', () => {
  let tmp: string;
  beforeAll(() => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'protocolwijzer-starts-'));
  });
  afterAll(() => {
    fs.rmSync(tmp, { recursive: true, force: true });
  });

  /** The start with every required value the school must give filled in, as the school would. */
  function filled(start: ProtocolInput): ProtocolInput {
    return {
      ...start,
      sections: start.sections.map((s) => ({
        ...s,
        articles: s.articles.map((a) => {
          if (!('clause' in a)) return a;
          const clause = site.library.clauses.get(a.clause)!;
          const missing = Object.entries(clause.variables).filter(
            ([n, v]) => v.required && a.values?.[n] === undefined,
          );
          if (!missing.length) return a;
          return {
            ...a,
            values: {
              ...a.values,
              ...Object.fromEntries(
                missing.map(([n, v]) => [
                  n,
                  v.type === 'list'
                    ? ['ingevuld door de school']
                    : v.type === 'number'
                      ? 1
                      : v.type === 'choice'
                        ? v.options[0]!
                        : 'ingevuld door de school',
                ]),
              ),
            },
          };
        }),
      })),
    };
  }

  test('renders (npm run render) a protocol that names the school and no other organisation', () => {
    const starts = startingPoints(site.library, [...site.models.values()]);
    expect(starts.map((s) => s.id).sort()).toEqual(
      [
        ...[...site.models.keys()].map((id) => `model:${id}`),
        'sector:mbo',
        'sector:po',
        'sector:so',
        'sector:vo',
      ].sort(),
    );
    for (const start of starts) {
      const protocol = filled(
        startProtocol(start, site.library, { ...OTHER_SCHOOL, sector: start.protocol.school.sector }),
      );
      const file = path.join(tmp, `${start.id.replace(':', '-')}.yaml`);
      fs.writeFileSync(file, stringify(protocol));
      const run = spawnSync(path.join(ROOT, 'node_modules', '.bin', 'tsx'), ['scripts/render.ts', file], {
        cwd: ROOT,
        encoding: 'utf8',
        env: { ...process.env, NO_COLOR: '1' },
        timeout: 60_000,
      });
      expect(run.stderr.replace(/^waarschuwing: .*\n/gm, ''), start.id).toBe('');
      expect(run.status, start.id).toBe(0);
      expect(run.stdout.split('\n')[0], start.id).toBe('Protocol sociale media Kindcentrum Zonnewijzer');
      expect(termsIn(run.stdout, terms), start.id).toEqual([]);
    }
  }, 180_000);
});
