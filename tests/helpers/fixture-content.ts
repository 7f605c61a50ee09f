import path from 'node:path';
import type { Library } from '../../src/lib/compose/document.ts';
import { loadChoicePoints, loadClauses, loadReferenceModels, type LoadedModel } from '../../src/node/load-content.ts';
import { ROOT } from '../../src/node/paths.ts';

/** A fixture content folder loaded as the build loads `content/`: its library and its reference models. */
export interface FixtureContent {
  /** Absolute path of the folder. */
  dir: string;
  library: Library;
  models: Map<string, LoadedModel>;
  modelIds: string[];
}

/**
 * Loads `tests/fixtures/content/<name>/` (clauses, choice points, reference models). The core's unit tests use these
 * small libraries, so that adding a clause to the real library never breaks a test that found no defect.
 */
export function fixtureContent(name: string): FixtureContent {
  const dir = path.join(ROOT, 'tests/fixtures/content', name);
  const library = {
    clauses: loadClauses(path.join(dir, 'clauses')),
    choicePoints: loadChoicePoints(path.join(dir, 'choice-points.yaml')),
  };
  const models = loadReferenceModels(path.join(dir, 'reference-models'));
  return { dir, library, models, modelIds: [...models.keys()] };
}

/** A path relative to the project root, as messages print it. */
export function relFromRoot(p: string): string {
  return path.relative(ROOT, p);
}
