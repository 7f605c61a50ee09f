import type { Library } from '../compose/document.ts';
import { modelToProtocol, type ModelPlaces } from '../model/model-protocol.ts';
import { organisationTerms, type ModelWithSource } from '../model/organisation-terms.ts';
import type { Sector } from '../schema/common.ts';
import { SECTOR_NAMES, sectorDefault } from './sector-default.ts';
import type { StartingPoint } from './wizard-data.ts';

/** A model as the starting points need it: with its source text, and its file and article lines for messages. */
export type StartModel = ModelWithSource & { file?: string; articleLines?: ModelPlaces['articleLines'] };

/**
 * Every starting point the wizard offers: each reference model (newest first) as its rebuild from the library
 * (`modelToProtocol`) with the terms that identify its organisation (`organisationTerms`), then a default per
 * sector (`sectorDefault`), each compared with the newest model of its sector. Pure: the build serialises the
 * result into `/samenstellen/bibliotheek.json`; `startProtocol` makes one the school's own.
 *
 * @param library the clause library.
 * @param models every reference model, with its source text.
 * @throws ContentError when a model cannot be rebuilt (the build has checked that before).
 */
export function startingPoints(library: Library, models: readonly StartModel[]): StartingPoint[] {
  const byNewest = [...models].sort((a, b) => b.datedIso.localeCompare(a.datedIso));
  const year = (iso: string) => iso.slice(0, 4);
  const starts: StartingPoint[] = byNewest.map((m) => {
    const ownValues = [...library.clauses.values()].flatMap((c) =>
      c.sources.filter((s) => s.model === m.id).map((s) => s.values),
    );
    return {
      id: `model:${m.id}`,
      name: `${m.organisation} (${year(m.datedIso)})`,
      description: `Het protocol van ${m.organisation}${m.place ? ` in ${m.place}` : ''} uit ${year(m.datedIso)}, voor het ${m.sectors.map((s) => SECTOR_NAMES[s]).join(' en ')}.`,
      protocol: modelToProtocol(m, library, { file: m.file, articleLines: m.articleLines }),
      terms: organisationTerms(m, models, ownValues),
    };
  });
  const sectors: Sector[] = ['po', 'vo', 'mbo', 'so'];
  for (const sector of sectors) {
    const model =
      byNewest.find((m) => m.sectors.includes(sector)) ??
      byNewest.find((m) => m.sectors.includes('po')) ??
      byNewest[0]!;
    starts.push({
      id: `sector:${sector}`,
      name: `Standaard voor het ${SECTOR_NAMES[sector]}`,
      description: `Alle afspraken uit de bibliotheek die passen bij het ${SECTOR_NAMES[sector]}. Bij elke keuze wat de wet nu vraagt, en anders wat de meeste voorbeeldscholen kozen.`,
      protocol: sectorDefault(
        sector,
        library,
        model.id,
        byNewest.map((m) => m.id),
      ),
    });
  }
  return starts;
}
