/** The app's files checked at load (load-site.ts): each way one can be wrong is named, with its file. */
import { describe, expect, it } from 'vitest';
import { DataFileError } from '../../../src/app/data/fetch-data-file.ts';
import { loadPlaceFile, parseDocuments, parsePlaceFile, parseSummary, parseTalliesByDoc, SUMMARY_URL } from '../../../src/app/data/load-site.ts';
import { DEFAULTS, loadInputs } from '../../../src/pipeline/cli.ts';
import { runPipeline } from '../../../src/pipeline/run-pipeline.ts';
import { siteOf } from './site-fixtures.ts';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
const site = siteOf(runPipeline(loadInputs(DEFAULTS).input));
const copy = (path: string): Json => structuredClone(site.files.get(path)) as Json;
const summary = () => copy('summary.json');

const reason = (f: () => unknown, file: string): string => {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(DataFileError);
    expect((e as DataFileError).file).toBe(file);
    return (e as DataFileError).reason;
  }
  throw new Error('expected a DataFileError');
};

describe('parseSummary (data/summary.json)', () => {
  it('accepts what the pipeline wrote', () => {
    expect(parseSummary(summary()).count('haidian')).toBeGreaterThan(0);
  });

  it('names the fault: wrong shape, a malformed tally, a tally for an unknown place, a role citing an unknown document', () => {
    expect(reason(() => parseSummary({ places: [] }), SUMMARY_URL)).toMatch(/version 1/);
    const a = summary();
    a.tallies.haidian.t.ai = [1];
    expect(reason(() => parseSummary(a), SUMMARY_URL)).toMatch(/place haidian has a malformed tally/);
    const b = summary();
    b.tallies.atlantis = b.tallies.haidian;
    expect(reason(() => parseSummary(b), SUMMARY_URL)).toMatch(/unknown place atlantis/);
    const c = summary();
    const withRole = c.places.find((p: Json) => p.role.length > 0);
    withRole.role[0].fact = 'nope-0123456789';
    expect(reason(() => parseSummary(c), SUMMARY_URL)).toMatch(new RegExp(`place ${withRole.id} has a role that cites an unknown fact`));
    const d = summary();
    d.tallies.haidian.n = -1;
    expect(reason(() => parseSummary(d), SUMMARY_URL)).toMatch(/malformed tally/);
  });

  it('refuses a place file name that leads out of places/ (it is fetched as given)', () => {
    for (const bad of ['places/../../etc/passwd.json', '/places/x.json', 'https://example.org/x.json', 'places/x.js', 'places/.hidden.json']) {
      const s = summary();
      s.files.haidian.head = bad;
      expect(reason(() => parseSummary(s), SUMMARY_URL), bad).toMatch(/haidian has malformed file names/);
    }
  });

  it('answers with a document filter’s tallies, and with the whole corpus’s again', () => {
    const index = parseSummary(summary());
    const whole = index.count('haidian');
    index.useTallies(new Map());
    expect(index.filtered()).toBe(true);
    expect(index.count('haidian')).toBe(0);
    expect(index.isCited('haidian')).toBe(false);
    index.useTallies(null);
    expect(index.filtered()).toBe(false);
    expect(index.count('haidian')).toBe(whole);
  });
});

describe('place files, documents, tallies by document', () => {
  const index = parseSummary(summary());
  const head = site.index.files.haidian.head;

  it('refuses a place file that is another place’s, or whose fact names an unknown place', () => {
    const file = `data/${head}`;
    expect(reason(() => parsePlaceFile(copy(head), file, 'chaoyang', index), file)).toMatch(/not the file of place chaoyang/);
    const bad = copy(head);
    bad.facts[0].places = [{ id: 'atlantis', how: 'explicit' }];
    expect(reason(() => parsePlaceFile(bad, file, 'haidian', index), file)).toMatch(/names an unknown place/);
    const cut = copy(head);
    cut.facts[0].text = cut.facts[0].text.slice(1);
    expect(reason(() => parsePlaceFile(cut, file, 'haidian', index), file)).toMatch(/inconsistent offsets/);
  });

  it('gives a place nothing cites an empty, complete slice without fetching', async () => {
    const uncited = [...index.places.keys()].find((id) => !index.files[id])!;
    const never = (async () => {
      throw new Error('fetched');
    }) as unknown as typeof fetch;
    const slice = await loadPlaceFile(uncited, 'head', index, never);
    expect(slice.complete).toBe(true);
    expect(slice.data.facts.size).toBe(0);
  });

  it('refuses a documents file from another run, and a tally for an unknown document', () => {
    const docs = copy('documents.json');
    docs.documents[0].id = 'elsewhere';
    docs.contributed.elsewhere = docs.contributed[site.documents.list[0].id];
    expect(reason(() => parseDocuments(docs, index), 'data/documents.json')).toMatch(/elsewhere is not in the summary/);
    const byDoc = copy('tallies-by-doc.json');
    byDoc.elsewhere = {};
    expect(reason(() => parseTalliesByDoc(byDoc, index), 'data/tallies-by-doc.json')).toMatch(/unknown document elsewhere/);
  });
});
