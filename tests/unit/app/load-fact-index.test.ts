import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DataFileError } from '../../../src/app/data/fetch-data-file.ts';
import { FACT_INDEX_URL, parseFactIndex, parseFacts } from '../../../src/app/data/load-facts.ts';
import { factIndex } from '../../../src/pipeline/fact-index.ts';
import { DEFAULTS, loadInputs } from '../../../src/pipeline/cli.ts';
import { runPipeline } from '../../../src/pipeline/run-pipeline.ts';

const file = runPipeline(loadInputs(DEFAULTS).input);
const index = () => JSON.parse(JSON.stringify(factIndex(file)));

const reason = (f: () => unknown): string => {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(DataFileError);
    expect((e as DataFileError).file).toBe(FACT_INDEX_URL);
    return (e as DataFileError).reason;
  }
  throw new Error('expected a DataFileError');
};

describe('parseFactIndex (data/facts-index.json)', () => {
  it('indexes the same counts as the full facts file', () => {
    const fromIndex = parseFactIndex(index());
    const fromFull = parseFacts(JSON.parse(JSON.stringify(file)));
    expect([...fromIndex.districtCounts(null)]).toEqual([...fromFull.districtCounts(null)]);
    expect([...fromIndex.districtCounts('quantum')]).toEqual([...fromFull.districtCounts('quantum')]);
    expect(fromIndex.factsOf('haidian').map((f) => f.id)).toEqual(fromFull.factsOf('haidian').map((f) => f.id));
  });

  it('names the file and the fault for a fact citing an unknown place or document', () => {
    const a = index();
    a.facts[3].places = [{ id: 'atlantis', how: 'explicit' }];
    expect(reason(() => parseFactIndex(a))).toMatch(/names an unknown place/);
    const b = index();
    b.facts[0].doc = 'nope';
    expect(reason(() => parseFactIndex(b))).toMatch(/unknown document nope/);
  });

  it('rejects a file that is not the index at all', () => {
    expect(reason(() => parseFactIndex({ facts: [] }))).toMatch(/lists are required/);
    expect(reason(() => parseFactIndex(JSON.parse(readFileSync('geo/topics.json', 'utf8'))))).toBeTruthy();
  });
});
