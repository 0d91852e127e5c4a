import { describe, expect, it } from 'vitest';
import { replicateCorpus } from '../../../bench/replicate-corpus.ts';
import { runPipeline, type PipelineInput } from '../../../src/pipeline/run-pipeline.ts';
import { loadInputs, DEFAULTS } from '../../../src/pipeline/cli.ts';

const seeds = (): PipelineInput => loadInputs(DEFAULTS).input;

describe('replicateCorpus (the benchmark’s synthetic corpus)', () => {
  it('holds every document n times under distinct files and ids', () => {
    const input = seeds();
    const big = replicateCorpus(input, 3);
    expect(big.documents).toHaveLength(input.documents.length * 3);
    expect(new Set(big.documents.map((d) => d.file)).size).toBe(big.documents.length);
    expect(new Set(big.manifest.map((e) => e.id)).size).toBe(input.manifest.length * 3);
    for (const e of big.manifest) expect(big.documents.some((d) => d.file === e.file)).toBe(true);
  });

  it('gives n times the facts, each copy cited to its own document', () => {
    const input = seeds();
    const one = runPipeline(input);
    const two = runPipeline(replicateCorpus(input, 2));
    expect(two.facts).toHaveLength(one.facts.length * 2);
    expect(two.facts.filter((f) => f.doc.endsWith('-x1'))).toHaveLength(one.facts.length);
    // Three seed corpora through the whole pipeline: seconds, more on a busy 2-core machine.
  }, 30_000);

  it('refuses a count that is not a positive integer', () => {
    expect(() => replicateCorpus(seeds(), 0)).toThrow(/positive integer/);
    expect(() => replicateCorpus(seeds(), 1.5)).toThrow(/positive integer/);
  });
});
