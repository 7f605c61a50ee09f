/**
 * `/samenstellen/bibliotheek.json`: the clause library, choice points, reference models and starting points,
 * serialised at build time for the wizard (src/components/wizard). The wizard composes, renders and diffs
 * with the same src/lib code, so this is data only.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { siteData } from '../../node/site-data.ts';
import { contentDir } from '../../node/paths.ts';
import type { ProtocolInput } from '../../lib/schema/protocol.ts';
import type { Sector } from '../../lib/schema/common.ts';
import { SECTOR_NAMES, sectorDefault } from '../../lib/wizard/sector-default.ts';
import type { StartingPoint, WizardData } from '../../lib/wizard/wizard-data.ts';

export function GET(): Response {
  const { library, models, modelDocs } = siteData();
  const byNewest = [...models.values()].sort((a, b) => b.datedIso.localeCompare(a.datedIso));
  const year = (iso: string) => iso.slice(0, 4);
  const starts: StartingPoint[] = byNewest.map((m) => {
    const protocol = parse(fs.readFileSync(path.join(contentDir(), 'protocols', `${m.id}.yaml`), 'utf8')) as ProtocolInput;
    return {
      id: `model:${m.id}`,
      name: `${m.organisation} (${year(m.datedIso)})`,
      description: `Het protocol van ${m.organisation}${m.place ? ` in ${m.place}` : ''} uit ${year(m.datedIso)}, voor het ${m.sectors.map((s) => SECTOR_NAMES[s]).join(' en ')}.`,
      protocol,
    };
  });
  const sectors: Sector[] = ['po', 'vo', 'mbo', 'so'];
  for (const sector of sectors) {
    const model = byNewest.find((m) => m.sectors.includes(sector)) ?? byNewest.find((m) => m.sectors.includes('po'))!;
    starts.push({
      id: `sector:${sector}`,
      name: `Standaard voor het ${SECTOR_NAMES[sector]}`,
      description: `Alle bepalingen uit de bibliotheek die passen bij het ${SECTOR_NAMES[sector]}, met bij elk keuzepunt de keuze die de meeste voorbeeldprotocollen maakten; vergeleken met ${model.organisation} (${year(model.datedIso)}).`,
      protocol: sectorDefault(sector, library, model.id, byNewest.map((m) => m.id)),
    });
  }
  const data: WizardData = {
    clauses: [...library.clauses.values()].map(({ file: _file, ...c }) => ({ ...c, file: '' })),
    choicePoints: [...library.choicePoints.values()],
    models: byNewest.map((m) => ({ id: m.id, organisation: m.organisation, year: year(m.datedIso), sectors: m.sectors, doc: modelDocs.get(m.id)! })),
    starts,
  };
  return new Response(JSON.stringify(data), { headers: { 'Content-Type': 'application/json' } });
}
