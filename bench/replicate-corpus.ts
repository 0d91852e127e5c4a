/**
 * A synthetic corpus `copies` times the size of the given one, for the pipeline's scaling
 * figure: every document again under a new file name and id, with its manifest entry.
 * The copies are byte-identical to their originals, so the work per copy is the same.
 */
import type { PipelineInput } from '../src/pipeline/run-pipeline.ts';

export function replicateCorpus(input: PipelineInput, copies: number): PipelineInput {
  if (!Number.isInteger(copies) || copies < 1) throw new Error(`copies must be a positive integer, got ${copies}`);
  const byFile = new Map(input.manifest.map((e) => [e.file, e]));
  const documents: PipelineInput['documents'] = [];
  const manifest: PipelineInput['manifest'] = [];
  for (let i = 0; i < copies; i++) {
    for (const d of input.documents) {
      const file = i === 0 ? d.file : `x${i}-${d.file}`;
      documents.push({ file, bytes: d.bytes });
      const entry = byFile.get(d.file);
      if (entry) manifest.push(i === 0 ? entry : { ...entry, file, id: `${entry.id}-x${i}` });
    }
  }
  return { ...input, documents, manifest };
}
