/**
 * Values found in an imported protocol: the school's name and board, the word for pupils, e-mail addresses and
 * phone numbers, contacts and roles, platforms, ages, the adoption, and the values of the aligned clauses'
 * variables. Data-driven: a clause variable is read from the imported article by the words around its `{{name}}`
 * in the clause body, so a new clause with a new variable needs no code here.
 */
import type { ClauseVariable, VariableValue } from '../schema/clause.ts';
import type { AlignClause, Aligner } from './align.ts';
import type { FoundNonNormative } from './segment.ts';
import { foldSpace } from './text.ts';
import { MONTHS } from '../text/format-date.ts';

/** A contact found in the text: a role, with an e-mail address or phone number written next to it. */
export interface FoundContact {
  role: string;
  email?: string;
  phone?: string;
}

/** The adoption as found: "Vastgesteld door het College van Bestuur d.d. 27 november 2020, na instemming van …". */
export interface FoundAdoption {
  by: string;
  /** `YYYY-MM-DD`, when the date could be read. */
  date?: string;
  consent: { body: string; date?: string }[];
}

/** Values found in the text; every field may be empty. */
export interface ImportValues {
  schoolName?: string;
  board?: string;
  /** The word the text uses for pupils: `leerlingen`, `deelnemers` or `studenten`. */
  pupils?: string;
  platforms: string[];
  emails: string[];
  phones: string[];
  contacts: FoundContact[];
  /** Ages named (`16 jaar`), ascending. */
  ages: number[];
  adoption?: FoundAdoption;
  /**
   * The school block's details as the text writes them where an aligned clause body has `{{school.<field>}}`:
   * `nameInText` (`het Mill Hill College`), `boardInText`, `account`, … (the most frequent reading per field).
   */
  school: Record<string, string>;
  /** Values of the aligned clauses' variables, by clause id and variable name. */
  variables: Record<string, Record<string, VariableValue>>;
}

/** Social media platforms and apps a protocol may name (for the platform lists). */
const PLATFORMS = [
  'Facebook',
  'Twitter',
  'X',
  'Instagram',
  'YouTube',
  'Snapchat',
  'TikTok',
  'WhatsApp',
  'LinkedIn',
  'Hyves',
  'Yammer',
  'Pinterest',
  'Discord',
  'Telegram',
  'Signal',
  'BeReal',
  'Threads',
  'Twitch',
  'Reddit',
  'Tumblr',
  'Messenger',
];

/** Roles a protocol names as a place to report or to ask. */
const ROLES = [
  'coördinator leerlingzaken',
  'anti-pest coördinator',
  'anti-pestcoördinator',
  'vertrouwenspersoon',
  'mentor',
  'groepsleerkracht',
  'afdelingsleider',
  'teamleider',
  'onderwijsmanager',
  'leidinggevende',
  'schoolleiding',
  'directie',
  'directeur',
  'intern begeleider',
  'IBP functionaris',
  'functionaris gegevensbescherming',
  'privacy officer',
  'zorgcoördinator',
  'SLB-er',
  'studieloopbaanbegeleider',
  'conciërge',
  'ICT-coördinator',
];

/** Reads a Dutch date (`27 november 2020`, `26-6-2018`, `26/06/2018`) as `YYYY-MM-DD`, or undefined. */
export function parseDutchDate(text: string): string | undefined {
  const pad = (n: string | number) => String(n).padStart(2, '0');
  let m = new RegExp(`\\b(\\d{1,2})\\s+(${MONTHS.join('|')})\\s+(\\d{4})\\b`, 'i').exec(text);
  if (m) return `${m[3]}-${pad(MONTHS.indexOf(m[2]!.toLowerCase()) + 1)}-${pad(m[1]!)}`;
  m = /\b(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})\b/.exec(text);
  if (m && Number(m[2]) <= 12 && Number(m[1]) <= 31) return `${m[3]}-${pad(m[2]!)}-${pad(m[1]!)}`;
  return undefined;
}

/** Dutch phone numbers: 10 digits from 0, or +31 and 9 digits, with spaces, dashes or brackets between; not the
 * digits of an IBAN (`RABO 0181 2204 74`). */
const PHONE = /(?<![A-Z]{4} |\d[\s-]?)(?:\+31[\s-]?(?:\(0\)[\s-]?)?|\(0|\b0)(?:[\s\-()]*\d){9}\b/g;
const EMAIL = /[\w.+-]+@[\w-]+(?:\.[\w-]+)*\.[a-z]{2,}/gi;

function unique<T>(items: T[]): T[] {
  return [...new Set(items)];
}

/** Escapes a string for a regular expression. */
function escapeRe(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Splits a Dutch enumeration `a, b en c` into its items. */
function enumeration(text: string): string[] {
  return text
    .split(/,\s*|\s+(?:en|of)\s+/)
    .map((s) => s.trim().replace(/^(?:en|of)\s+/, ''))
    .filter(Boolean);
}

/**
 * Reads one variable from an article: the words around `{{name}}` in the clause body (four before and two after,
 * else fewer, down to two before and one after) are looked up in the article; what stands between them is the
 * value, checked against the variable's type.
 *
 * @returns the value, or undefined when the words around it are not found or the value does not fit its type.
 */
export function readVariable(
  body: string,
  name: string,
  variable: ClauseVariable,
  articleText: string,
): VariableValue | undefined {
  const at = body.search(new RegExp(`\\{\\{\\s*${escapeRe(name)}\\b`));
  if (at < 0) return undefined;
  const beforeAll = body
    .slice(0, at)
    .replace(/\{\{[^}]*\}\}/g, ' ')
    .split(/\s+/)
    .filter(Boolean);
  const afterRaw = body.slice(body.indexOf('}}', at) + 2);
  const afterAll = afterRaw
    .replace(/\{\{[^}]*\}\}.*$/s, '')
    .split(/\s+/)
    .filter(Boolean);
  const flat = foldSpace(articleText);
  // The closest context first (four words before, two after), then less of it: the school may word the rest freely.
  let m: RegExpExecArray | null = null;
  for (const k of [4, 3, 2]) {
    const before = beforeAll.slice(-k);
    if (before.length < Math.min(k, beforeAll.length)) continue;
    for (const j of [2, 1]) {
      const after = afterAll.slice(0, j);
      const left = before.length ? before.map(escapeRe).join('\\s+') + '\\s+' : '^';
      const right = after.length ? '\\s*' + after.map(escapeRe).join('\\s+') : '\\s*[.;:]?$';
      m = new RegExp(`${left}(.{1,200}?)${right}`, 'i').exec(flat);
      if (m) break;
    }
    if (m || beforeAll.length < k) break;
  }
  if (!m) return undefined;
  const raw = m[1]!.trim().replace(/[,;]$/, '');
  switch (variable.type) {
    case 'list': {
      const items = enumeration(raw);
      return items.length ? items : undefined;
    }
    case 'number': {
      const n = /\d+/.exec(raw);
      if (!n) return undefined;
      const v = Number(n[0]);
      if ((variable.min !== undefined && v < variable.min) || (variable.max !== undefined && v > variable.max))
        return undefined;
      return v;
    }
    case 'choice':
      return variable.options.find((o) => o.toLowerCase() === raw.toLowerCase());
    case 'email':
      return /^[\w.+-]+@[\w-]+(\.[\w-]+)+$/.test(raw) ? raw : undefined;
    case 'contact':
      return raw.replace(/^(de|het)\s+/i, '') || undefined;
    default:
      return raw || undefined;
  }
}

/** Dutch number words for the ages a protocol names in words ("vanaf zestien jaar"). */
const AGE_WORDS: Record<string, number> = {
  tien: 10,
  elf: 11,
  twaalf: 12,
  dertien: 13,
  veertien: 14,
  vijftien: 15,
  zestien: 16,
  zeventien: 17,
  achttien: 18,
};

/**
 * The ages a text names: a number or a Dutch number word before "jaar" ("16 jaar", "zestien jaar"), 4 … 25,
 * each once, ascending.
 */
export function agesIn(text: string): number[] {
  const found = [...foldSpace(text).matchAll(/\b(\d{1,2}|[a-z]+)\s*jaar\b/gi)]
    .map((m) => (/^\d+$/.test(m[1]!) ? Number(m[1]) : AGE_WORDS[m[1]!.toLowerCase()]))
    .filter((n): n is number => n !== undefined && n >= 4 && n <= 25);
  return [...new Set(found)].sort((a, b) => a - b);
}

/**
 * True when a clause variable asks for an age: a number whose name ends in "age" (`consentAge`) or whose label
 * speaks of a leeftijd or of years ("Vanaf welke leeftijd …", "Vanaf hoeveel jaar …").
 */
export function isAgeVariable(name: string, variable: ClauseVariable): boolean {
  return variable.type === 'number' && (/age$/i.test(name) || /leeftijd|\bjaar\b/i.test(variable.label));
}

/**
 * The values of one clause's variables in one imported article. Each variable is read by the words around its
 * placeholder ({@link readVariable}). An age variable that cannot be read that way (the school words the sentence
 * differently, or the body does not place it) takes the age the article itself names when it names exactly one,
 * else the age the whole text names when it names exactly one; with several candidates it stays open rather than
 * guessed. A number outside the variable's `min`/`max` is never taken.
 *
 * @param clause the clause the article is aligned to.
 * @param articleText the article's own text.
 * @param textAges the ages the whole text names ({@link agesIn}).
 */
export function clauseValues(
  clause: Pick<AlignClause, 'body' | 'variables'>,
  articleText: string,
  textAges: number[],
): Record<string, VariableValue> {
  const out: Record<string, VariableValue> = {};
  for (const [name, v] of Object.entries(clause.variables ?? {})) {
    const value = readVariable(clause.body, name, v, articleText);
    if (value !== undefined) {
      out[name] = value;
      continue;
    }
    if (!isAgeVariable(name, v) || v.type !== 'number') continue;
    const own = agesIn(articleText);
    const age = own.length === 1 ? own[0] : own.length === 0 && textAges.length === 1 ? textAges[0] : undefined;
    if (age === undefined || (v.min !== undefined && age < v.min) || (v.max !== undefined && age > v.max)) continue;
    out[name] = age;
  }
  return out;
}

/** The most frequent of several names, or undefined. */
function mostFrequent(names: string[]): string | undefined {
  const count = new Map<string, number>();
  for (const n of names) count.set(n, (count.get(n) ?? 0) + 1);
  return [...count].sort((a, b) => b[1] - a[1] || b[0].length - a[0].length)[0]?.[0];
}

/**
 * Finds the values in an imported text.
 *
 * @param text the whole text as read.
 * @param articles the aligned articles (their clause decides which variables are read from them).
 * @param aligner gives each clause's body and variables.
 * @param nonNormative the non-normative parts found (the adoption line, the cover).
 */
export function findValues(
  text: string,
  articles: { text: string; clause: string | null }[],
  aligner: Aligner,
  nonNormative: FoundNonNormative[],
): ImportValues {
  const flat = foldSpace(text.replace(/\[([^\]]+)\]\([^)]*\)/g, '$1'));
  const emails = unique((flat.match(EMAIL) ?? []).map((e) => e.toLowerCase()));
  const phones = unique((flat.match(PHONE) ?? []).map((p) => foldSpace(p)));
  const platforms = PLATFORMS.filter((p) =>
    new RegExp(`(^|[\\s,(])${escapeRe(p)}(?=[\\s,.;)]|$)`, p === 'X' ? '' : 'i').test(flat),
  );

  const counts = (re: RegExp) => (flat.match(re) ?? []).length;
  const pupilWords: [string, number][] = [
    ['leerlingen', counts(/\bleerling(en)?\b/gi)],
    ['deelnemers', counts(/\bdeelnemer(s)?\b/gi)],
    ['studenten', counts(/\bstudent(en)?\b/gi)],
  ];
  pupilWords.sort((a, b) => b[1] - a[1]);
  const pupils = pupilWords[0]![1] > 0 ? pupilWords[0]![0] : undefined;

  const contacts: FoundContact[] = [];
  for (const role of ROLES) {
    const re = new RegExp(`\\b${escapeRe(role)}\\b`, 'i');
    const m = re.exec(flat);
    if (!m) continue;
    const near = flat.slice(m.index, m.index + role.length + 60);
    const email = near.match(EMAIL)?.[0];
    const phone = near.match(PHONE)?.[0];
    contacts.push({
      role: m[0],
      ...(email ? { email: email.toLowerCase() } : {}),
      ...(phone ? { phone: foldSpace(phone) } : {}),
    });
  }

  const ages = agesIn(flat);

  const variables: Record<string, Record<string, VariableValue>> = {};
  const schoolNames: string[] = [];
  const schoolFields: Record<string, string[]> = {};
  for (const a of articles) {
    if (!a.clause) continue;
    const clause = aligner.clauses.get(a.clause);
    if (!clause) continue;
    for (const [name, value] of Object.entries(clauseValues(clause, a.text, ages))) {
      // The first article with this clause is the one that takes it (a second is merged into it or becomes own).
      if (variables[a.clause] && name in variables[a.clause]!) continue;
      (variables[a.clause] ??= {})[name] = value;
    }
    // The school's details stand where the body has `{{school.<field>}}` (the school block, issue-8).
    for (const m of clause.body.matchAll(/\{\{\s*school\.(\w+)/g)) {
      const field = m[1]!;
      const text = readVariable(
        clause.body,
        `school.${field}`,
        { type: 'text', label: field, required: false },
        a.text,
      );
      if (typeof text === 'string' && text.split(/\s+/).length <= 6 && !/[.;:!?]/.test(text))
        (schoolFields[field] ??= []).push(text);
    }
  }
  const school: Record<string, string> = {};
  for (const [field, found] of Object.entries(schoolFields)) {
    const most = mostFrequent(found);
    if (most) school[field] = most;
  }
  const stripArticle = (t: string | undefined) => t?.replace(/^(de|het)\s+/i, '');
  const named = [school.name, stripArticle(school.nameInText)].find((n) => n && /^\p{Lu}/u.test(n));
  for (const n of named ? [named] : []) schoolNames.push(n);
  const orgPattern =
    /\b((?:Stichting|Vereniging|Nutsschool|Basisschool|Openbare basisschool|Christelijke basisschool|OBS|CBS|RKBS|Scholengemeenschap|Lyceum|College|ROC|Het|De)\s+(?:[\p{Lu}][\p{L}'-]*\s?){1,4})/gu;
  // Per line, so a name never runs on into the next paragraph.
  const orgs = text
    .split(/\n/)
    .flatMap((line) => [...line.replace(/[*#_]/g, ' ').matchAll(orgPattern)].map((m) => m[1]!.trim()))
    .map((o) => o.replace(/\s+/g, ' ').replace(/\s+(De|Het|Een)$/, ''))
    .filter((o) => o.split(/\s+/).length >= 2);
  const board = school.board ?? mostFrequent(orgs.filter((o) => /^(Stichting|Vereniging)\b/.test(o)));
  const schoolName =
    mostFrequent(schoolNames) ?? mostFrequent(orgs.filter((o) => !/^(Stichting|Vereniging|Het|De)\b/.test(o))) ?? board;

  let adoption: FoundAdoption | undefined;
  const adoptionText = nonNormative
    .filter((p) => p.kind === 'adoption')
    .map((p) => p.text)
    .join(' ');
  if (adoptionText) {
    const by = /vastgesteld\s+(?:door\s+)?(?:het\s+|de\s+)?(.+?)(?:\s+d\.d\.|\s+op\s+|\s+\d|\s*\(|$)/i
      .exec(adoptionText)?.[1]
      ?.trim();
    const consent = [
      ...adoptionText.matchAll(/instemming\s+van\s+(?:de\s+|het\s+)?(.+?)\s+(?:d\.d\.|op)\s+([^,]+?\d{4})/gi),
    ].map((m) => ({
      body: m[1]!.trim(),
      ...(parseDutchDate(m[2]!) ? { date: parseDutchDate(m[2]!) } : {}),
    }));
    const more = [
      ...adoptionText.matchAll(
        /\ben\s+(?:de\s+|het\s+)?((?:Gemeenschappelijke\s+)?Medezeggenschapsraad[^d]*?|G?MR[^d]*?)\s+d\.d\.\s+([^,]+?\d{4})/gi,
      ),
    ].map((m) => ({
      body: m[1]!.trim(),
      ...(parseDutchDate(m[2]!) ? { date: parseDutchDate(m[2]!) } : {}),
    }));
    const date = parseDutchDate(adoptionText.replace(/na instemming.*$/i, ''));
    if (by) {
      adoption = {
        by: by.replace(/^CvB$/i, 'College van Bestuur'),
        ...(date ? { date } : {}),
        consent: [...consent, ...more.filter((c) => !consent.some((x) => x.body === c.body))],
      };
    }
  }

  return {
    ...(schoolName ? { schoolName } : {}),
    ...(board ? { board } : {}),
    ...(pupils ? { pupils } : {}),
    platforms,
    emails,
    phones,
    contacts,
    ages,
    ...(adoption ? { adoption } : {}),
    school,
    variables,
  };
}
