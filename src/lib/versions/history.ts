import type { ProtocolDocument } from '../compose/document.ts';
import type { Problem } from '../errors/content-error.ts';
import { parseYamlLocated, type LocatedYaml } from '../yaml/parse-yaml.ts';
import type { Protocol } from '../schema/protocol.ts';
import { diffVersions } from './diff-versions.ts';
import { RESERVED_SEGMENTS, versionSlug } from './published.ts';

/** One version of a school's protocol: the current file or an earlier adopted one. */
export interface ProtocolVersion {
  /** The version as the file gives it: `1.0`. */
  version: string;
  /** Path of the file, relative to the project root. */
  file: string;
  protocol: Protocol;
  doc: ProtocolDocument;
}

/**
 * Orders earlier versions from old to new by adoption date (then by version), so the last one is "the previous
 * adopted version" that the current file is compared with.
 */
export function sortHistory<T extends { protocol: Protocol }>(versions: readonly T[]): T[] {
  return [...versions].sort(
    (a, b) =>
      (a.protocol.adoption?.date ?? '').localeCompare(b.protocol.adoption?.date ?? '') ||
      a.protocol.version.localeCompare(b.protocol.version, 'nl', { numeric: true }),
  );
}

/**
 * Checks a protocol's history: every earlier version is adopted (has `adoption`), no two versions share a number,
 * the current version's number is new, the school is the same, and every key in the current file's `reasons`
 * names a change against the previous adopted version.
 *
 * @param current the current file (draft or adopted), with its text for line numbers.
 * @param history earlier versions, any order.
 * @returns problems with file, line and field; empty when the history is consistent.
 */
export function checkHistory(
  current: ProtocolVersion & { text: string },
  history: readonly ProtocolVersion[],
): Problem[] {
  const problems: Problem[] = [];
  const seen = new Map<string, string>([[current.version, current.file]]);
  for (const v of [current, ...history]) {
    // Every adopted version gets the page /protocollen/<school>/<version>/; these names are other pages.
    if ((RESERVED_SEGMENTS as readonly string[]).includes(versionSlug(v.version).toLowerCase())) {
      problems.push({
        rule: 'reserved-version',
        file: v.file,
        field: 'version',
        message: `\`${v.version}\` kan geen versienummer zijn: dat woord is al het adres van een andere pagina (${RESERVED_SEGMENTS.join(', ')}). Gebruik een nummer zoals 2.0 of 2025-1.`,
      });
    }
  }
  for (const v of history) {
    if (!v.protocol.adoption) {
      problems.push({
        rule: 'version-not-adopted',
        file: v.file,
        field: 'adoption',
        message:
          'een eerdere versie moet vastgesteld zijn; vul `adoption` in (by, date, consent) of verwijder het bestand als het nooit is vastgesteld.',
      });
    }
    const other = seen.get(v.version);
    if (other) {
      const message = `versie ${v.version} komt ook voor in ${other}; geef elke versie een eigen nummer.`;
      problems.push({
        rule: 'duplicate-version',
        file: v.file,
        field: 'version',
        message,
        related: [{ file: other, field: 'version' }],
      });
    }
    seen.set(v.version, v.file);
    if (v.protocol.school.name !== current.protocol.school.name) {
      problems.push({
        rule: 'other-school',
        file: v.file,
        field: 'school.name',
        related: [{ file: current.file, field: 'school.name' }],
        message: `is \`${v.protocol.school.name}\`, maar het huidige protocol (${current.file}) is van \`${current.protocol.school.name}\`. Een eerdere versie hoort bij dezelfde school.`,
      });
    }
  }
  const previous = sortHistory(history).at(-1);
  const reasons = current.protocol.reasons;
  const keys = Object.keys(reasons);
  if (keys.length) {
    // Read for line numbers only when a reason is reported; the file itself was parsed already.
    let located: LocatedYaml | undefined;
    const lineOf = (key: string) => {
      try {
        located ??= parseYamlLocated(current.text, current.file);
        return located.lineOf(['reasons', key]);
      } catch {
        return undefined;
      }
    };
    const unused = previous ? diffVersions(previous.doc, current.doc, reasons).unusedReasons : keys;
    for (const key of unused) {
      problems.push({
        rule: 'unused-reason',
        file: current.file,
        line: lineOf(key),
        field: `reasons.${key}`,
        message: previous
          ? `geen wijziging ten opzichte van versie ${previous.version} heeft de sleutel \`${key}\`. Gebruik de bepaling (\`sectie/naam\`) of \`custom/<naam>\` van een gewijzigd, toegevoegd of geschrapt artikel, of haal de toelichting weg.`
          : `er is geen eerdere versie om wijzigingen tegen te zetten; zet de vorige vastgestelde versie in content/protocols/<school>/<versie>.yaml of haal de toelichting weg.`,
      });
    }
  }
  return problems;
}
