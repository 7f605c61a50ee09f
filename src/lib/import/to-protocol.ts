/**
 * Turns an import into a composition in the format of `content/protocols/<school>.yaml`: per article the school's
 * decision (the library's text, its own wording as an override, an own article, or leave it out), the school block
 * from the values found, the adoption when its date was found, and the reference model closest to the import as
 * `startsFrom`. The wizard turns the result into an ordinary draft; `npm run import -- --out` writes it as YAML.
 */
import type { Audience, Sector } from '../schema/common.ts';
import type { VariableValue } from '../schema/clause.ts';
import { PROTOCOL_FORMAT, type ProtocolInput } from '../schema/protocol.ts';
import { variableValueProblem } from '../compose/check-protocol.ts';
import { addressees, type AlignClause, type AlignExample, type Aligner } from './align.ts';
import type { ImportedArticle, ImportResult } from './import-text.ts';
import { words } from './text.ts';
import { clauseValues } from './values.ts';

/**
 * What the school does with one imported article: the library's text, its own wording as an override of that clause,
 * an own article, leave it out, or `merge`: one article with the article before it (the same clause said in two
 * rules). A merged article takes the form of the one before: under `library` the clause's text stands for both, under
 * `override` both texts become the one override, under `custom` both texts become the one own article.
 */
export type ArticleDecision = 'library' | 'override' | 'custom' | 'skip' | 'merge';

/** The decision the importer proposes for one article on its own: the library's text where a clause was found, else
 * an own article. See {@link proposeDecisions} for the whole text. */
export function defaultDecision(article: ImportedArticle): ArticleDecision {
  return article.clause ? 'library' : 'custom';
}

/**
 * The decisions the importer proposes for all articles (the wizard's first choice, the CLI's `--out`): the library's
 * text where a clause was found, else an own article; and rules that follow each other in one section and align to
 * the same clause are offered as one article, both texts as one override of that clause (a school that said one
 * thing in two rules keeps its words, under the clause that says it), instead of a second, own article.
 *
 * @param articles the import's articles.
 * @param clauses the clause per article when the school chose another candidate (default: the aligned clause).
 */
export function proposeDecisions(
  articles: ImportedArticle[],
  clauses: (string | null)[] = articles.map((a) => a.clause),
): ArticleDecision[] {
  const out: ArticleDecision[] = articles.map((_a, i) => (clauses[i] ? 'library' : 'custom'));
  for (let i = 1; i < articles.length; i++) {
    if (!canMerge(articles, i) || !clauses[i] || clauses[i] !== clauses[i - 1]) continue;
    out[i] = 'merge';
    let head = i - 1;
    while (out[head] === 'merge') head--;
    out[head] = 'override';
  }
  return out;
}

/** True when article `i` can be one article with the one before it: there is one, in the same section. */
export function canMerge(articles: ImportedArticle[], i: number): boolean {
  return i > 0 && articles[i - 1]!.section === articles[i]!.section;
}

/** Options of {@link importToProtocolInput}. */
export interface ToProtocolOptions {
  /** One decision per article (same order); default {@link proposeDecisions}. */
  decisions?: ArticleDecision[];
  /**
   * The clause per article (same order) when the school aligned an article to another candidate than the importer's
   * first (`null`: no clause, an own article); default each article's own `clause`.
   */
  clauses?: (string | null)[];
  /**
   * Per article (same order), the other clauses it also states that the school takes in as library articles of their
   * own, right after it (one rule, several clauses); default each article's {@link ImportedArticle.also}. Only an
   * article taken with the library's text (`library`) brings them: an override or own article keeps the school's
   * words for all it says.
   */
  also?: (string[] | undefined)[];
  /** The labelled examples, to choose `startsFrom`: the model sharing the most clauses with the import. */
  examples: AlignExample[];
  /**
   * What to do with a library article whose required variable was not found in the text: `keep` it (the wizard then
   * asks for the value, as for any draft) or make it an own `custom` article with the school's wording (the CLI,
   * which must write a file the build accepts). Default `keep`.
   */
  missingRequired?: 'keep' | 'custom';
  /** The school's name when none was found (the CLI needs one); default empty. */
  fallbackName?: string;
}

/** Why an article did not become what was asked (a clause twice, two variants, a missing value). */
export interface ToProtocolNote {
  /** Index of the article in the import. */
  article: number;
  message: string;
  /** What happened: a clause already used or a choice point already settled made it an own article (`own`), it was
   * merged with the article before (`merged`), a required value was missing (`missing-value`), or another library
   * article was taken in for what the rule also says (`also`). */
  kind: 'own' | 'merged' | 'missing-value' | 'also';
}

/** A slug from a text: lower case, ASCII, hyphens, at most 40 characters. */
function slugify(text: string): string {
  const s = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40)
    .replace(/-+$/, '');
  return /^[a-z]/.test(s) ? s : `artikel-${s || 'eigen'}`;
}

/** Body text in the protocol format: paragraphs separated by a blank line, list items as `- ` lines under them. */
export function articleBody(lines: string[]): string {
  let out = '';
  lines.forEach((l, i) => {
    if (i === 0) out = l;
    else out += l.startsWith('- ') ? `${lines[i - 1]!.startsWith('- ') ? '\n' : '\n\n'}${l}` : `\n\n${l}`;
  });
  return out;
}

/** A title for an own article: its heading, or its first words. */
function ownTitle(a: ImportedArticle): string {
  if (a.title) return a.title;
  const ws = a.text
    .split(/\s+/)
    .slice(0, 7)
    .join(' ')
    .replace(/[,:;.]+$/, '');
  return a.text.split(/\s+/).length > 7 ? `${ws} …` : ws;
}

/** The sector the text speaks of: mbo for deelnemers/studenten, vo or po from the words it uses; default po. */
export function guessSector(text: string, pupils?: string): Sector {
  if (pupils === 'deelnemers' || pupils === 'studenten' || /\bmbo\b|\bROC\b/.test(text)) return 'mbo';
  const t = text.toLowerCase();
  const vo = (t.match(/\b(voortgezet onderwijs|mentor|docent(en)?|vwo|havo|vmbo|brugklas|examen\w*)\b/g) ?? []).length;
  const po = (
    t.match(/\b(basisschool|primair onderwijs|groepsleerkracht|leerkracht(en)?|groep [1-8]|juf|meester)\b/g) ?? []
  ).length;
  return vo > po ? 'vo' : 'po';
}

/**
 * The school's contacts: the roles found, with their address; a role is a reporting route when the text's
 * `{{school.reporting}}` place names it or a rule about reporting ("meld…") does. A reporting role the text names
 * only there is added.
 */
function contactsOf(v: ImportResult['values'], reportingText: string) {
  const routes = (v.school.reporting ?? '')
    .split(/,\s*|\s+(?:en|of)\s+/)
    .map((r) => r.trim().replace(/^(aan\s+)?(de|het)\s+/i, ''))
    .filter((r) => r.length > 1 && !/@|^aan\s/i.test(r));
  const contacts = v.contacts.map((c) => ({
    role: c.role,
    ...(c.email ? { email: c.email } : {}),
    ...(c.phone ? { phone: c.phone } : {}),
    reporting:
      routes.some((r) => r.toLowerCase() === c.role.toLowerCase()) || reportingText.includes(c.role.toLowerCase()),
  }));
  for (const r of routes)
    if (!contacts.some((c) => c.role.toLowerCase() === r.toLowerCase())) contacts.push({ role: r, reporting: true });
  return contacts;
}

/**
 * Builds the composition.
 *
 * @param result the import.
 * @param aligner gives each clause's choice point and variables.
 * @param options decisions, examples, and what to do with missing required values.
 * @returns the composition (not yet validated: pass it to `ProtocolSchema` and `checkProtocol`) and notes.
 */
export function importToProtocolInput(
  result: ImportResult,
  aligner: Aligner,
  options: ToProtocolOptions,
): { protocol: ProtocolInput; notes: ToProtocolNote[] } {
  const notes: ToProtocolNote[] = [];
  const chosenClause = (i: number) => (options.clauses ? (options.clauses[i] ?? null) : result.articles[i]!.clause);
  const decisions =
    options.decisions ??
    proposeDecisions(
      result.articles,
      result.articles.map((_a, i) => chosenClause(i)),
    );
  const usedClauses = new Set<string>();
  const usedChoice = new Map<string, string>();
  const usedSlugs = new Set<string>();
  const overrides: Record<string, string> = {};
  const bySection = new Map<number, ProtocolInput['sections'][number]['articles']>();
  type Entry = ProtocolInput['sections'][number]['articles'][number];
  /** Per article index: the entry it became (or joined), to merge the next article into. */
  const groups = new Map<
    number,
    { entry: Entry; head: number; form: 'library' | 'override' | 'custom'; clause?: string; bodies: string[] }
  >();

  /** The values of a clause read from an article: found for it, or read with the clause from the text, ages included. */
  const valuesFor = (clause: AlignClause, a: ImportedArticle): Record<string, VariableValue> => {
    const values: Record<string, VariableValue> = {};
    const found = result.values.variables[clause.id] ?? clauseValues(clause, a.text, result.values.ages);
    for (const [name, value] of Object.entries(found)) {
      const v = clause.variables?.[name];
      if (v && !variableValueProblem(v, value)) values[name] = value;
    }
    return values;
  };
  /** True when another article than `i` is aligned to `clause` (it keeps its own article). */
  const chosenElsewhere = (clause: string, i: number) =>
    result.articles.some((_b, j) => j !== i && chosenClause(j) === clause);

  const custom = (a: ImportedArticle): Entry => {
    const title = ownTitle(a);
    let slug = slugify(title);
    for (let n = 2; usedSlugs.has(slug); n++) slug = `${slugify(title).slice(0, 36)}-${n}`;
    usedSlugs.add(slug);
    const who = addressees(a.section >= 0 ? result.sections[a.section]!.title : '', a.text);
    const audiences: Audience[] = who.size && !who.has('everyone') ? [...who] : ['everyone'];
    return { custom: slug, title, text: articleBody(a.lines), audiences };
  };

  result.articles.forEach((a, i) => {
    let decision = decisions[i] ?? (chosenClause(i) ? 'library' : 'custom');
    if (decision === 'skip') return;
    if (decision === 'merge') {
      const group = canMerge(result.articles, i) ? groups.get(i - 1) : undefined;
      if (group) {
        group.bodies.push(articleBody(a.lines));
        const text = group.bodies.join('\n\n');
        if (group.form === 'custom' && 'custom' in group.entry) group.entry.text = text;
        if (group.form === 'override' && group.clause) overrides[group.clause] = text;
        groups.set(i, group);
        const what =
          group.form === 'library'
            ? 'de tekst van de bibliotheek staat voor beide'
            : 'beide teksten staan in één artikel';
        notes.push({ article: i, kind: 'merged', message: `Samengevoegd met artikel ${group.head + 1}: ${what}.` });
        return;
      }
      decision = chosenClause(i) ? 'library' : 'custom';
      notes.push({
        article: i,
        kind: 'own',
        message:
          'Er is geen artikel hiervoor om mee samen te voegen (het is niet overgenomen of staat in een andere sectie); dit artikel blijft op zichzelf.',
      });
    }
    const clauseId = chosenClause(i);
    const clause = clauseId ? aligner.clauses.get(clauseId) : undefined;
    if ((decision === 'library' || decision === 'override') && !clause) decision = 'custom';
    if ((decision === 'library' || decision === 'override') && clause) {
      if (usedClauses.has(clause.id)) {
        notes.push({
          article: i,
          kind: 'own',
          message: `Dit artikel zegt hetzelfde als een eerder artikel (${clause.title}); het wordt een eigen artikel. Staat het direct na dat artikel, kies dan "Samenvoegen met het artikel hiervoor".`,
        });
        decision = 'custom';
      } else if (
        clause.choicePoint &&
        usedChoice.has(clause.choicePoint) &&
        usedChoice.get(clause.choicePoint) !== clause.id
      ) {
        notes.push({
          article: i,
          kind: 'own',
          message: `Over dit onderwerp is al een andere keuze gemaakt in een eerder artikel; dit artikel wordt een eigen artikel.`,
        });
        decision = 'custom';
      }
    }
    const list = bySection.get(a.section) ?? [];
    bySection.set(a.section, list);
    if (decision === 'custom' || !clause) {
      const entry = custom(a);
      list.push(entry);
      groups.set(i, { entry, head: i, form: 'custom', bodies: [articleBody(a.lines)] });
      return;
    }
    const values = valuesFor(clause, a);
    const missing = Object.entries(clause.variables ?? {}).filter(([name, v]) => v.required && !(name in values));
    if (missing.length && options.missingRequired === 'custom') {
      notes.push({
        article: i,
        kind: 'missing-value',
        message: `De tekst noemt geen ${missing.map(([, v]) => `"${v.label}"`).join(', ')}; het artikel blijft in uw eigen woorden als eigen artikel.`,
      });
      const entry = custom(a);
      list.push(entry);
      groups.set(i, { entry, head: i, form: 'custom', bodies: [articleBody(a.lines)] });
      return;
    }
    usedClauses.add(clause.id);
    if (clause.choicePoint) usedChoice.set(clause.choicePoint, clause.id);
    const entry: Entry = Object.keys(values).length ? { clause: clause.id, values } : { clause: clause.id };
    list.push(entry);
    if (decision === 'override') overrides[clause.id] = articleBody(a.lines);
    groups.set(i, {
      entry,
      head: i,
      form: decision === 'override' ? 'override' : 'library',
      clause: clause.id,
      bodies: [articleBody(a.lines)],
    });
    if (decision !== 'library') return;
    for (const id of options.also ? (options.also[i] ?? []) : (a.also ?? []).map((c) => c.clause)) {
      const extra = aligner.clauses.get(id);
      if (!extra || usedClauses.has(id) || chosenElsewhere(id, i)) continue;
      if (extra.choicePoint && usedChoice.has(extra.choicePoint)) continue;
      const extraValues = valuesFor(extra, a);
      if (Object.entries(extra.variables ?? {}).some(([name, v]) => v.required && !(name in extraValues))) continue;
      usedClauses.add(id);
      if (extra.choicePoint) usedChoice.set(extra.choicePoint, id);
      list.push(Object.keys(extraValues).length ? { clause: id, values: extraValues } : { clause: id });
      notes.push({
        article: i,
        kind: 'also',
        message: `Dit artikel zegt ook wat "${extra.title}" zegt; dat artikel uit de bibliotheek staat er direct na.`,
      });
    }
  });

  const sections: ProtocolInput['sections'] = [...bySection]
    .sort((a, b) => a[0] - b[0])
    .filter(([, articles]) => articles.length)
    .map(([index, articles]) => {
      const found = index >= 0 ? result.sections[index] : undefined;
      const numbered = result.articles.some((a) => a.section === index && a.number !== null);
      return {
        title: found?.title ?? 'Inleiding',
        ...(found?.label ? { label: found.label } : {}),
        numbered,
        articles,
      };
    });

  // The model that shares the most clauses with the import is where the protocol "starts from".
  const chosen = new Set(result.articles.map((_a, i) => chosenClause(i)).filter((c): c is string => c !== null));
  const perModel = new Map<string, number>();
  for (const e of options.examples) if (chosen.has(e.clause)) perModel.set(e.model, (perModel.get(e.model) ?? 0) + 1);
  const models = [...new Set(options.examples.map((e) => e.model))];
  const startsFrom = [...perModel].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]?.[0] ?? models[0] ?? '';

  const v = result.values;
  const text = result.articles.map((a) => a.text).join(' ');
  const sector = guessSector(text, v.pupils);
  const title = result.nonNormative.find((p) => p.kind === 'title')?.text;
  const version = /versie\s+(\d+(?:\.\d+)*)/i.exec(result.nonNormative.map((p) => p.text).join(' '))?.[1] ?? '1.0';
  const reportingText = result.articles
    .filter((a) => /\bmeld/i.test(a.text))
    .map((a) => a.text.toLowerCase())
    .join(' ');
  const adoption = v.adoption?.date
    ? {
        adoption: {
          by: v.adoption.by,
          date: v.adoption.date,
          ...(v.adoption.consent.some((c) => c.date)
            ? { consent: v.adoption.consent.filter((c) => c.date).map((c) => ({ body: c.body, date: c.date! })) }
            : {}),
        },
      }
    : {};
  const protocol: ProtocolInput = {
    format: PROTOCOL_FORMAT,
    ...(title && words(title).length <= 14 ? { title: title.replace(/\s*\(.*\)\s*$/, '') } : {}),
    school: {
      name: v.schoolName ?? options.fallbackName ?? '',
      ...(v.school.nameInText && v.school.nameInText !== v.schoolName ? { nameInText: v.school.nameInText } : {}),
      ...(v.board && v.board !== v.schoolName ? { board: v.board } : {}),
      ...(v.school.boardInText ? { boardInText: v.school.boardInText } : {}),
      ...(v.school.account ? { account: v.school.account } : {}),
      sector,
      pupils: v.pupils ?? 'leerlingen',
      contacts: contactsOf(v, reportingText),
    },
    version,
    ...adoption,
    startsFrom,
    sections,
    ...(Object.keys(overrides).length ? { overrides } : {}),
  };
  return { protocol, notes };
}
