import { adoptionSentence, formatDateNl } from '../text/format-date.ts';
import type { Protocol } from '../schema/protocol.ts';
import { t } from '../../i18n/t.ts';

/** The least a version needs here: its number and its protocol (adoption, school). */
export interface VersionLike {
  version: string;
  protocol: Pick<Protocol, 'version' | 'adoption'> & { school: { name: string } };
}

/** Which versions of a school's protocol the site publishes, and where. */
export interface PublishedVersions<T extends VersionLike> {
  /** Every adopted version, oldest first: the earlier files and, once adopted, the current file. */
  adopted: T[];
  /** The version in force: the latest adopted one. Undefined while the school has only a draft. */
  inForce?: T;
  /** The current file while it is not adopted (the draft the MR reviews). */
  draft?: T;
  /**
   * The version `/protocollen/<school>/` shows: the one in force, or the draft when nothing is adopted yet
   * (then with the draft banner).
   */
  main: T;
}

/**
 * Sorts a school's versions for publication: the version in force is the latest adopted one (the history is sorted
 * by adoption date, {@link sortHistory}); the current file is the draft while it has no `adoption`.
 *
 * @param current the current file (`content/protocols/<school>.yaml`).
 * @param history earlier adopted versions, oldest first.
 */
export function publishedVersions<T extends VersionLike>(current: T, history: readonly T[]): PublishedVersions<T> {
  const adopted = current.protocol.adoption ? [...history, current] : [...history];
  const inForce = adopted.at(-1);
  const draft = current.protocol.adoption ? undefined : current;
  return { adopted, inForce, draft, main: inForce ?? current };
}

/** Path segments under `/protocollen/<school>/` that are pages of their own, so never a version's address. */
export const RESERVED_SEGMENTS = ['concept', 'print', 'voor', 'wijzigingen', 'vergelijk'] as const;

/**
 * A version as it appears in an address or a file name: letters, digits, `.` and `-` kept, anything else `-`.
 * `1.0` → `1.0`, `2025/1` → `2025-1`.
 */
export function versionSlug(version: string): string {
  return version.replace(/[^0-9A-Za-z.-]+/g, '-');
}

/** Which page of a school's protocol: the main page, the draft, or one adopted version. */
export type ProtocolPageKind = 'main' | 'concept' | 'version';

/**
 * Where a protocol page and its downloads live, relative to the site root:
 * - `main`: `/protocollen/de-linde/`, `de-linde.pdf`, `de-linde.docx`;
 * - `concept`: `/protocollen/de-linde/concept/`, `de-linde-concept-2.0.pdf`;
 * - `version`: `/protocollen/de-linde/1.0/`, `de-linde-1.0.pdf`.
 *
 * @returns `page` (with slashes), `print` (the print page), `pdf` and `docx` (full paths).
 */
export function protocolPaths(
  id: string,
  kind: ProtocolPageKind,
  version: string,
): { page: string; print: string; pdf: string; docx: string } {
  const v = versionSlug(version);
  const page =
    kind === 'main'
      ? `/protocollen/${id}/`
      : kind === 'concept'
        ? `/protocollen/${id}/concept/`
        : `/protocollen/${id}/${v}/`;
  const name = kind === 'main' ? id : kind === 'concept' ? `${id}-concept-${v}` : `${id}-${v}`;
  return { page, print: `${page}print/`, pdf: `${page}${name}.pdf`, docx: `${page}${name}.docx` };
}

/** The refusals in an adoption, as one sentence: `De medezeggenschapsraad stemde op 12 juni 2023 niet in.` or ''. */
export function refusalSentence(adoption: Protocol['adoption']): string {
  const refused = adoption?.consent.filter((c) => c.outcome === 'niet-ingestemd') ?? [];
  if (!refused.length) return '';
  const each = refused.map((c) => t('versions.refusal', { body: c.body, date: formatDateNl(c.date) }));
  return t('versions.refusals', { refusals: each.join(t('versions.refusalJoin')) });
}

/**
 * The line at the top of a published version, in plain words: `Dit is versie 1.0. Vastgesteld op 19 juni 2023; deze
 * versie geldt nu.` For an older version: `… Deze versie geldt niet meer: nu geldt versie 2.0.` A refused consent
 * follows ({@link refusalSentence}). For a draft: `Dit is een concept van versie 2.0. Het is nog niet vastgesteld.`
 *
 * @param shown the version on the page.
 * @param inForce the version in force (undefined while nothing is adopted).
 */
export function versionHeadline(shown: VersionLike, inForce: VersionLike | undefined): string {
  const a = shown.protocol.adoption;
  if (!a) return t('versions.headline.draft', { version: shown.version });
  const when = t('versions.headline.adopted', { version: shown.version, date: formatDateNl(a.date) });
  const now =
    inForce && inForce.version !== shown.version
      ? t('versions.headline.notInForce', { inForce: inForce.version })
      : t('versions.headline.inForce');
  const refusal = refusalSentence(a);
  return `${when}${now}${refusal ? ` ${refusal}` : ''}`;
}

/**
 * The banner of a draft: `Dit is een voorstel van Basisschool De Linde voor versie 2.0. Het geldt nog niet. Nu geldt
 * versie 1.0, vastgesteld op 19 juni 2023.` Without an adopted version: `… Het geldt nog niet. Er is nog geen
 * vastgestelde versie.`
 *
 * @param draft the draft.
 * @param inForce the version in force, if any.
 */
export function draftBanner(draft: VersionLike, inForce: VersionLike | undefined): string {
  const start = t('versions.banner', { school: draft.protocol.school.name, version: draft.version });
  const a = inForce?.protocol.adoption;
  if (!inForce || !a) return `${start}${t('versions.banner.noneAdopted')}`;
  const refusal = refusalSentence(a);
  const now = t('versions.banner.inForce', { version: inForce.version, date: formatDateNl(a.date) });
  return `${start}${now}${refusal ? ` ${refusal}` : ''}`;
}

/**
 * The running header's version text in the PDF: `versie 1.0` for an adopted version, `concept versie 2.0` for a
 * draft, so every page of a draft says it is a draft.
 */
export function runningVersion(doc: { version?: string; adoption?: unknown }): string {
  return t(doc.adoption ? 'versions.running.adopted' : 'versions.running.draft', { version: doc.version ?? '' });
}

/** The status sentence of one adopted version (its adoption with every consent and refusal), for a list of versions. */
export function adoptedLine(v: VersionLike): string {
  return adoptionSentence(v.protocol.adoption) ?? '';
}
