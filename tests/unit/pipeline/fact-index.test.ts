import { describe, expect, it } from 'vitest';
import { factIndex } from '../../../src/pipeline/fact-index.ts';
import { DEFAULTS, loadInputs } from '../../../src/pipeline/cli.ts';
import { runPipeline } from '../../../src/pipeline/run-pipeline.ts';

describe('factIndex (facts-index.json, the first view’s data)', () => {
  const file = runPipeline(loadInputs(DEFAULTS).input);
  const index = factIndex(file);

  it('keeps every fact, in order, with its document, places and topics', () => {
    expect(index.facts.map((f) => f.id)).toEqual(file.facts.map((f) => f.id));
    index.facts.forEach((f, i) => {
      expect(f.doc).toBe(file.facts[i].doc);
      expect(f.places).toEqual(file.facts[i].places);
      expect(f.topics).toEqual(file.facts[i].topics);
    });
    expect(index.places).toEqual(file.places);
    expect(index.documents).toEqual(file.documents);
  });

  it('carries no sentence text, offsets or figures', () => {
    for (const f of index.facts) expect(Object.keys(f).sort()).toEqual(['doc', 'heading', 'id', 'places', 'topics']);
    // No sentence survives anywhere (short ones could coincide with a name, so only long ones).
    const json = JSON.stringify(index);
    const long = file.facts.filter((f) => f.text.length > 30);
    expect(long.length).toBeGreaterThan(100);
    expect(long.filter((f) => json.includes(f.text))).toEqual([]);
  });
});

describe('the CLI writes the index beside the facts file', () => {
  it('in the same run, consistent with it', async () => {
    const { mkdtempSync, readFileSync, rmSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    const { runCli } = await import('../../../src/pipeline/cli.ts');
    const dir = mkdtempSync(join(tmpdir(), 'atlas-index-'));
    try {
      const code = runCli(['--out', join(dir, 'facts.json'), '--no-docs', 'yes'], { log: () => undefined, error: () => undefined });
      expect(code).toBe(0);
      const facts = JSON.parse(readFileSync(join(dir, 'facts.json'), 'utf8'));
      const index = JSON.parse(readFileSync(join(dir, 'facts-index.json'), 'utf8'));
      expect(index).toEqual(factIndex(facts));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
