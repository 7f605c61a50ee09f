/**
 * The importer in Node: the aligner built from `content/` (clauses, choice points, reference models) and the
 * readers (pdfjs-dist's legacy build, which Node needs, and mammoth), around the same core the wizard runs.
 */
import { buildAligner, type AlignExample, type Aligner, type AlignerOptions } from '../lib/import/align.ts';
import { importText, type ImportResult } from '../lib/import/import-text.ts';
import { alignClauses, examplesFromModels } from '../lib/import/library-data.ts';
import type { PdfjsLike } from '../lib/import/read-pdf.ts';
import { readImportFile, type ImportReaders, type ReadResult } from '../lib/import/read-file.ts';
import type { MammothLike } from '../lib/import/read-docx.ts';
import type { Library } from '../lib/compose/document.ts';
import { loadChoicePoints, loadClauses, loadReferenceModels, type LoadedModel } from './load-content.ts';

/** The readers for Node: pdfjs-dist's legacy build (the modern build needs browser APIs) and mammoth. */
export const nodeReaders: ImportReaders = {
  pdfjs: async () => (await import('pdfjs-dist/legacy/build/pdf.mjs')) as unknown as PdfjsLike,
  mammoth: async () => (await import('mammoth')).default as unknown as MammothLike,
};

/** Everything the importer needs from `content/`, loaded once. */
export interface ImportContext {
  library: Library;
  models: Map<string, LoadedModel>;
  examples: AlignExample[];
  aligner: Aligner;
}

/**
 * Loads the library and the models and builds the aligner.
 * @param options leave-one-out (`excludeModel`, `strict`) or a fixed threshold.
 * @throws ContentError when the content is invalid.
 */
export function loadImportContext(options: AlignerOptions = {}): ImportContext {
  const library: Library = { clauses: loadClauses(), choicePoints: loadChoicePoints() };
  const models = loadReferenceModels();
  const examples = examplesFromModels(models.values());
  const aligner = buildAligner(alignClauses(library.clauses.values()), examples, options);
  return { library, models, examples, aligner };
}

/**
 * Reads and imports one file's bytes.
 * @throws ContentError (rule `import-…`) for a file that cannot be read.
 */
export async function importBytes(
  bytes: Uint8Array,
  file: string,
  ctx: ImportContext,
): Promise<{ read: ReadResult; result: ImportResult }> {
  const read = await readImportFile(bytes, file, nodeReaders);
  const result = importText(
    read.text,
    ctx.aligner,
    { choicePoints: [...ctx.library.choicePoints.values()] },
    read.chrome,
  );
  return { read, result };
}
