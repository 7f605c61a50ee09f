import { t } from '../../i18n/t.ts';
import { adoptionSentence } from '../text/format-date.ts';
import type { Protocol } from '../schema/protocol.ts';

/**
 * The status line of a protocol from its recorded history, in Dutch. An adopted protocol: `Vastgesteld door … op …,
 * na instemming van de medezeggenschapsraad op ….` A draft with an adopted predecessor: `Concept van versie 2.0:
 * nog niet vastgesteld. Nu geldt versie 1.0, vastgesteld door … op …, na instemming van de … op ….` A draft without
 * history: `Concept: nog niet vastgesteld.`
 *
 * @param protocol the current file.
 * @param history earlier adopted versions, oldest first (the last is the one in force while this is a draft).
 */
export function statusSentence(
  protocol: Pick<Protocol, 'version' | 'adoption'>,
  history: readonly { protocol: Pick<Protocol, 'version' | 'adoption'> }[],
): string {
  const own = adoptionSentence(protocol.adoption);
  if (own) return own;
  const inForce = history.at(-1)?.protocol;
  const previous = adoptionSentence(inForce?.adoption);
  if (!inForce || !previous) return t('protocol.draft');
  const adopted = `${previous.charAt(0).toLowerCase()}${previous.slice(1)}`;
  return t('protocol.draftOf', { version: protocol.version, inForce: inForce.version, adopted });
}

/** How the two versions of a version diff are named: `versie 1.0` and `concept 2.0` (or `versie 2.0` once adopted). */
export function versionNames(
  current: Pick<Protocol, 'version' | 'adoption'>,
  previous: Pick<Protocol, 'version'>,
): { beforeName: string; afterName: string } {
  return {
    beforeName: `versie ${previous.version}`,
    afterName: `${current.adoption ? 'versie' : 'concept'} ${current.version}`,
  };
}

/** File name of the redline PDF of a version diff: `de-linde-wijzigingen-1.0-2.0.pdf`. */
export function redlinePdfName(id: string, previousVersion: string, currentVersion: string): string {
  const safe = (v: string) => v.replace(/[^0-9A-Za-z.-]+/g, '-');
  return `${id}-wijzigingen-${safe(previousVersion)}-${safe(currentVersion)}.pdf`;
}

/** File name of the redline PDF of a protocol against a reference model: `de-linde-verschillen-scope-2012.pdf`. */
export function modelRedlinePdfName(id: string, modelId: string): string {
  return `${id}-verschillen-${modelId}.pdf`;
}

/**
 * How the two documents of a model redline are named: the model by its organisation (`SCOPE`), the protocol by its
 * school (`Basisschool De Linde`), and the line in the running header: `Model SCOPE (november 2012) → concept 2.0`.
 *
 * @param protocol the school's current file.
 * @param model the reference model's organisation and date as printed (`november 2012`).
 */
export function modelRedlineNames(
  protocol: Pick<Protocol, 'version' | 'adoption'> & { school: { name: string } },
  model: { organisation: string; dated: string },
): { beforeName: string; afterName: string; running: string } {
  const version = `${protocol.adoption ? 'versie' : 'concept'} ${protocol.version}`;
  return {
    beforeName: model.organisation,
    afterName: protocol.school.name,
    running: `Model ${model.organisation} (${model.dated}) → ${version}`,
  };
}
