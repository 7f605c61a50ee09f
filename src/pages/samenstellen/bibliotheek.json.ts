/**
 * `/samenstellen/bibliotheek.json`: the clause library, choice points, reference models and starting points,
 * and the board files, serialised at build time for the wizard (src/components/wizard). The wizard composes,
 * renders and diffs with the same src/lib code, so this is data only.
 */
import { siteData } from '../../node/site-data.ts';
import { startingPoints } from '../../lib/wizard/starting-points.ts';
import type { WizardData } from '../../lib/wizard/wizard-data.ts';

export function GET(): Response {
  const { library, models, modelDocs, boards } = siteData();
  const byNewest = [...models.values()].sort((a, b) => b.datedIso.localeCompare(a.datedIso));
  const year = (iso: string) => iso.slice(0, 4);
  const starts = startingPoints(library, [...models.values()]);
  const data: WizardData = {
    clauses: [...library.clauses.values()].map(({ file: _file, lines: _lines, ...c }) => ({ ...c, file: '' })),
    choicePoints: [...library.choicePoints.values()],
    models: byNewest.map((m) => ({
      id: m.id,
      organisation: m.organisation,
      year: year(m.datedIso),
      sectors: m.sectors,
      doc: modelDocs.get(m.id)!,
    })),
    starts,
    boards: [...boards.values()].map((b) => ({ id: b.id, ...b.board })),
  };
  return new Response(JSON.stringify(data), { headers: { 'Content-Type': 'application/json' } });
}
