/** facts.json checked at load: each way the file can be wrong is named, and nothing else escapes. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DataFileError, fetchDataFile, fetchDataText } from '../../../src/app/data/fetch-data-file.ts';
import { parseFacts } from '../../../src/app/data/load-facts.ts';
import { loadSummary } from '../../../src/app/data/load-site.ts';
import { siteOf } from './site-fixtures.ts';
import type { FactsFile } from '../../../src/types.ts';
import type { AtlasData } from '../../../src/app/data/atlas-data.ts';
import { panelModel } from '../../../src/app/features/panel/panel-model.ts';
import { buildSearchIndex, search } from '../../../src/app/features/search/search-model.ts';
import { documentsModel } from '../../../src/app/features/documents/documents-model.ts';
import { figuresModel } from '../../../src/app/features/charts/figures-model.ts';
import { districtTopicModel } from '../../../src/app/features/charts/district-topic-model.ts';
import { TOPIC_ORDER } from '../../../src/app/ui/labels.ts';
import { factsJson } from '../../fixtures/corpus.ts';

const raw = factsJson;
type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
const real = (): Json => JSON.parse(raw);
/** The real file with one change made by `edit`. */
const edited = (edit: (f: Json) => void) => {
  const f = real();
  edit(f);
  return f;
};
/** Everything the views derive from the facts, in both languages: what an accepted file must survive. */
const useEverything = (data: AtlasData) => {
  // The app's files cut from it (site-data.ts), read back by the app's loaders.
  const site = siteOf(data.file as FactsFile);
  for (const lang of ['zh', 'en'] as const) {
    // The places a mutation can touch (the first few) and those the facts name.
    const ids = new Set([...data.places.keys()].slice(0, 3));
    for (const f of data.facts.values()) for (const p of f.places) ids.add(p.id);
    for (const id of ids) panelModel(data, id, null, lang);
    search(buildSearchIndex(site.index), '海', lang);
    documentsModel(site.documents, lang);
    for (const topic of [null, ...TOPIC_ORDER.slice(0, 3)]) {
      figuresModel(site.figures, topic, lang);
      districtTopicModel(site.index, topic, lang);
    }
  }
};
const reasonOf = (json: unknown) => {
  let data: AtlasData;
  try {
    data = parseFacts(json);
  } catch (e) {
    expect(e).toBeInstanceOf(DataFileError);
    expect((e as DataFileError).file).toBe('data/facts.json');
    return (e as DataFileError).reason;
  }
  useEverything(data);
  return 'accepted';
};
const pointPlace = (f: Json) => f.places.findIndex((p: Json) => p.geometry.type === 'point');
const factWithFigure = (f: Json) => f.facts.findIndex((x: Json) => x.figures.length > 0);

describe('parseFacts: what it refuses', () => {
  it('accepts the real file', () => {
    expect(reasonOf(real())).toBe('accepted');
  });

  it.each<[string, (f: Json) => void, RegExp]>([
    ['not an object', (f) => Object.keys(f).forEach((k) => delete f[k]), /documents, places and facts lists are required/],
    ['a fact without an id', (f) => delete f.facts[3].id, /^fact 4 has no id$/],
    ['a duplicate fact id', (f) => (f.facts[1].id = f.facts[0].id), /^fact id .* appears twice$/],
    ['a duplicate place id', (f) => (f.places[1].id = f.places[0].id), /^place id .* appears twice$/],
    ['a document without a title', (f) => delete f.documents[0].title, /^document 000 lacks file, title/],
    ['a document with an unknown script', (f) => (f.documents[0].script = 'latin'), /^document 000 has no script$/],
    ['body offsets past the end', (f) => (f.documents[0].bodyEnd = f.documents[0].length + 1), /^document 000 has inconsistent body offsets$/],
    ['a javascript: url', (f) => (f.documents[0].url = 'javascript:alert(1)'), /^document 000 has a url that is not http\(s\)$/],
    ['a place without English name', (f) => delete f.places[0].names.en, /^place .* lacks names/],
    ['aliases that are not a list', (f) => (f.places[0].aliases = '北京'), /has aliases that are not a list of names/],
    ['an unknown kind', (f) => (f.places[0].kind = 'castle'), /has an unknown kind "castle"/],
    ['a point without coordinates', (f) => (f.places[pointPlace(f)].geometry.lonLat = ['116', 40]), /has a point geometry without a valid lonLat/],
    ['an unknown geometry type', (f) => (f.places[0].geometry = { type: 'circle' }), /has an unknown geometry type/],
    ['a role citing a fact that is not there', (f) => (f.places.find((p: Json) => p.role.length).role[0].fact = 'nope'), /has a role that cites an unknown fact/],
    ['a link citing a fact that is not there', (f) => (f.places.find((p: Json) => p.link).link.fact = 'nope'), /has a link that cites an unknown fact/],
    ['a link of a kind the map does not draw', (f) => (f.places.find((p: Json) => p.link).link.kind = 'partner'), /has a link of unknown kind/],
    ['a missing factCount', (f) => delete f.places[0].factCount, /has no factCount/],
    ['text and offsets that disagree', (f) => (f.facts[0].end += 1), /^fact .* has no text or inconsistent offsets$/],
    ['a fact past the end of its document', (f) => {
      const x = f.facts[0];
      x.start += 10_000_000;
      x.end += 10_000_000;
    }, /lies beyond the end of document/],
    ['an unknown document', (f) => (f.facts[0].doc = 'zzz'), /cites unknown document zzz/],
    ['an unknown place', (f) => (f.facts[0].places[0].id = 'atlantis'), /names an unknown place/],
    ['a place without how', (f) => (f.facts[0].places[0].how = 'maybe'), /has a place without how/],
    ['topics that are not a list', (f) => delete f.facts[0].topics, /has an unknown topic/],
    ['an unknown topic', (f) => f.facts[0].topics.push('alchemy'), /has an unknown topic/],
    ['a missing heading flag', (f) => delete f.facts[0].heading, /has no heading flag/],
    ['a figure outside its sentence', (f) => (f.facts[factWithFigure(f)].figures[0].end += 10_000), /has a malformed figure/],
    ['a figure without a value', (f) => (f.facts[factWithFigure(f)].figures[0].value = 'many'), /has a malformed figure/],
  ])('%s', (_what, edit, message) => {
    expect(reasonOf(edited(edit))).toMatch(message);
  });

  it('refuses with a DataFileError, or accepts a file every view can use, whatever one field is replaced by', () => {
    // A valid cut of the real file (its first facts, the roles that cite them), small enough to copy 600 times.
    const cut = real();
    cut.facts = cut.facts.slice(0, 40);
    const kept = new Set(cut.facts.map((x: Json) => x.id));
    for (const p of cut.places) {
      p.role = p.role.filter((r: Json) => kept.has(r.fact));
      if (p.link && !kept.has(p.link.fact)) delete p.link;
    }
    expect(reasonOf(cut)).toBe('accepted');
    const cutText = JSON.stringify(cut);
    const f0 = JSON.parse(cutText);
    const paths: string[][] = [];
    const walk = (x: unknown, path: string[], depth: number) => {
      if (depth > 4 || x === null || typeof x !== 'object') return;
      for (const [k, v] of Object.entries(x)) {
        paths.push([...path, k]);
        // Only the first few entries of each list: their fields stand for the rest.
        if (!Array.isArray(x) || Number(k) < 3) walk(v, [...path, k], depth + 1);
      }
    };
    walk(f0, [], 0);
    const junk = fc.oneof(fc.constant(undefined), fc.constant(null), fc.integer(), fc.double(), fc.string(), fc.boolean(), fc.constant([]), fc.constant({}), fc.array(fc.string(), { maxLength: 2 }));
    fc.assert(
      fc.property(fc.integer({ min: 0, max: paths.length - 1 }), junk, (i, value) => {
        const f = JSON.parse(cutText);
        const path = paths[i];
        let at = f;
        for (const k of path.slice(0, -1)) at = at[k];
        if (value === undefined) delete at[path.at(-1)!];
        else at[path.at(-1)!] = value;
        // Through JSON again, as a fetched file comes: a deleted list item reads as null.
        reasonOf(JSON.parse(JSON.stringify(f))); // throws (failing the property) on anything but a DataFileError, or when a view fails on what was accepted
      }),
      { numRuns: 600, seed: 7 },
    );
  }, 60_000);
});

describe('fetchDataFile', () => {
  const respond = (body: string, type: string, status = 200) => async () => new Response(body, { status, headers: { 'content-type': type } });

  it('calls an HTML page sent in place of the file (an SPA fallback) missing, not invalid', async () => {
    const err = (await fetchDataFile('data/facts.json', 'npm run data', respond('<!doctype html><title>x</title>', 'text/html; charset=utf-8')).catch((e) => e)) as DataFileError;
    expect(err).toMatchObject({ kind: 'missing', file: 'data/facts.json', command: 'npm run data' });
    expect(err.reason).toMatch(/HTML page/);
  });

  it('checks a text file (a reader text) the same way: an HTML page in its place is missing, a text is returned as it is', async () => {
    const err = (await fetchDataText('data/docs/001.txt', 'npm run data', respond('<!doctype html>', 'text/html')).catch((e: unknown) => e)) as DataFileError;
    expect(err).toMatchObject({ kind: 'missing', file: 'data/docs/001.txt', reason: expect.stringMatching(/HTML page/) });
    expect(await fetchDataText('data/docs/001.txt', 'npm run data', respond('北京。\n', 'text/plain; charset=utf-8'))).toBe('北京。\n');
    const gone = (await fetchDataText('data/docs/001.txt', 'npm run data', respond('', 'text/plain', 404)).catch((e: unknown) => e)) as DataFileError;
    expect(gone).toMatchObject({ kind: 'missing', reason: 'HTTP 404' });
  });

  it('calls JSON that does not parse invalid', async () => {
    const err = await loadSummary(respond('{"documents": [', 'application/json')).catch((e: unknown) => e);
    expect(err).toMatchObject({ kind: 'invalid', reason: 'not valid JSON', command: 'npm run data' });
  });

  it('calls valid JSON of the wrong shape invalid, with the reason', async () => {
    const err = await loadSummary(respond('[1, 2, 3]', 'application/json')).catch((e: unknown) => e);
    expect(err).toMatchObject({ kind: 'invalid', reason: 'version 1 with places, docs, tallies and files is required' });
  });
});
