/**
 * Part (e) of `npm run bench`: the version diff (`diffVersions`) of a protocol of 200 articles against its previous
 * version (10 removed, 10 added, 10 moved, 20 edited, up to 3 other variants, renumbered throughout) and against each of
 * the five reference models. Run alone with `npx tsx scripts/bench-versions.ts` (prints, writes nothing).
 */
import { pathToFileURL } from 'node:url';
import { anchorForKey, documentArticles, type DocArticle, type ProtocolDocument } from '../src/lib/compose/document.ts';
import { diffVersions } from '../src/lib/versions/diff-versions.ts';
import { loadSite } from '../src/node/site-data.ts';
import { timeRuns } from './bench/stats.ts';

/** Number of articles in the generated protocol. */
export const VERSION_ARTICLES = 200;
const MIN_RUNS = 30;
const MIN_MS = 500;

/** A deterministic generator (mulberry32), so every bench run compares the same documents. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A protocol document from articles, 20 per numbered section, numbered `<section>.<n>`. */
function documentOf(articles: DocArticle[]): ProtocolDocument {
  const sections = [];
  for (let s = 0; s * 20 < articles.length; s++) {
    const items = articles
      .slice(s * 20, s * 20 + 20)
      .map((a, i) => ({ article: { ...a, number: `${s + 1}.${i + 1}` } }));
    sections.push({ title: `Sectie ${s + 1}`, numbered: true, anchor: `sectie-${s + 1}`, items });
  }
  return {
    kind: 'protocol',
    id: 'bench-200',
    title: 'Protocol sociale media',
    organisation: 'Benchschool',
    sectors: ['po'],
    contacts: [],
    front: [],
    sections,
    back: [],
  };
}

/**
 * The 200-article draft and its previous version: every library clause once (its body as text), then the school's
 * own articles (texts taken from the models) up to 200; the previous version differs as described above.
 */
export function generateVersions(site: ReturnType<typeof loadSite>): {
  draft: ProtocolDocument;
  previous: ProtocolDocument;
} {
  const rnd = random(4);
  const texts = [...site.modelDocs.values()].flatMap((d) => documentArticles(d).map((a) => a.text));
  const library: DocArticle[] = [...site.library.clauses.values()].map((c) => ({
    key: c.id,
    clause: c.id,
    number: '',
    numberAdded: false,
    anchor: anchorForKey(c.id),
    title: c.title,
    text: c.body,
    audiences: c.audiences,
    choicePoint: c.choicePoint,
    variant: c.variant,
    origin: 'library',
  }));
  // One variant per choice point in the draft; the others are left for the previous version.
  const seen = new Set<string>();
  const draftLibrary = library.filter((a) => !a.choicePoint || (!seen.has(a.choicePoint) && seen.add(a.choicePoint)));
  const otherVariants = library.filter((a) => !draftLibrary.includes(a));
  const own: DocArticle[] = [];
  for (let i = 0; draftLibrary.length + own.length < VERSION_ARTICLES; i++) {
    const key = `custom/eigen-${i + 1}`;
    own.push({
      key,
      number: '',
      numberAdded: false,
      anchor: anchorForKey(key),
      title: `Eigen artikel ${i + 1}`,
      text: texts[i % texts.length]!,
      audiences: ['everyone'],
      origin: 'custom',
    });
  }
  const draft = [...draftLibrary, ...own].sort(() => rnd() - 0.5);
  const pickIndex = (n: number) => Math.floor(rnd() * n);
  // 10 added in the draft: the first 10 of the school's own articles are absent from the previous version.
  const added = new Set(own.slice(0, 10).map((a) => a.key));
  const previous = draft.filter((a) => !added.has(a.key)).map((a) => ({ ...a }));
  // 10 removed: extra articles in the previous version.
  for (let i = 0; i < 10; i++) {
    const key = `custom/vervallen-${i + 1}`;
    previous.splice(pickIndex(previous.length), 0, {
      key,
      number: '',
      numberAdded: false,
      anchor: anchorForKey(key),
      title: `Vervallen ${i + 1}`,
      text: texts[(i * 7) % texts.length]!,
      audiences: ['everyone'],
      origin: 'custom',
    });
  }
  // 10 moved: taken out and put back elsewhere.
  for (let i = 0; i < 10; i++) {
    const [a] = previous.splice(pickIndex(previous.length), 1);
    previous.splice(pickIndex(previous.length), 0, a!);
  }
  // 20 edited: a word dropped and a sentence added.
  for (let i = 0; i < 20; i++) {
    const a = previous[pickIndex(previous.length)]!;
    a.text = `${a.text.split(' ').slice(1).join(' ')} Deze zin stond alleen in de vorige versie.`;
  }
  // 3 other variants: the previous version chose another variant of a choice point.
  for (const other of otherVariants.slice(0, 3)) {
    const i = previous.findIndex((a) => a.choicePoint === other.choicePoint);
    if (i >= 0) previous[i] = { ...other };
  }
  return { draft: documentOf(draft), previous: documentOf(previous) };
}

/** Median and 95th percentile of `fn`'s run time in ms (see `timeRuns`). */
const time = (fn: () => void) => timeRuns(fn, MIN_RUNS, MIN_MS);

/** (e): times the version diff of the 200-article protocol against its previous version and against each model. */
export function timeVersionDiffs(site: ReturnType<typeof loadSite>) {
  const { draft, previous } = generateVersions(site);
  const check = diffVersions(previous, draft);
  const againstPrevious = {
    ...time(() => diffVersions(previous, draft)),
    articles: documentArticles(draft).length,
    previousArticles: documentArticles(previous).length,
    counts: check.counts,
  };
  const againstModels = Object.fromEntries(
    [...site.modelDocs].map(([id, model]) => [
      id,
      {
        ...time(() => diffVersions(model, draft)),
        modelArticles: documentArticles(model).length,
        changes: diffVersions(model, draft).changes.length,
      },
    ]),
  );
  return { articles: VERSION_ARTICLES, againstPrevious, againstModels };
}

if (import.meta.url === pathToFileURL(process.argv[1]!).href) {
  console.log(JSON.stringify(timeVersionDiffs(loadSite()), null, 2));
}
