/**
 * The facts file cut for the app (site-data.ts): every number the first view shows agrees with
 * facts.json counted whole, and a panel drawn from a place's first file is the panel drawn from
 * facts.json, in every topic — the cut loses nothing the app shows.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { indexFacts } from '../../../src/app/data/atlas-data.ts';
import { parsePlaceFile } from '../../../src/app/data/load-site.ts';
import { panelModel } from '../../../src/app/features/panel/panel-model.ts';
import { headCap, headOf, PANEL_HEAD, sumTallies, tallies, tallyCount, tallyListed, type Tally } from '../../../src/place-facts.ts';
import { DEFAULTS, loadInputs, runCli } from '../../../src/pipeline/cli.ts';
import { runPipeline } from '../../../src/pipeline/run-pipeline.ts';
import { siteData, type SummaryFile } from '../../../src/pipeline/site-data.ts';
import { TOPICS } from '../../../src/contract.ts';
import type { FactsFile, Topic } from '../../../src/types.ts';
import { siteOf } from '../app/site-fixtures.ts';

const file: FactsFile = runPipeline(loadInputs(DEFAULTS).input);
const site = siteOf(file);
const files = site.files;
const summary = files.get('summary.json') as SummaryFile;
const full = indexFacts(file);
const topics: Array<Topic | null> = [null, ...TOPICS];

describe('summary.json: the first view counts what facts.json counts', () => {
  it('gives every place, in every topic, the counted and listed numbers of the counting rule', () => {
    let checked = 0;
    for (const p of file.places) {
      for (const topic of topics) {
        const of = full.placeFacts(p.id, topic);
        expect(site.index.count(p.id, topic), `${p.id} ${topic}`).toBe(of.counted.length);
        expect(site.index.listed(p.id, topic), `${p.id} ${topic}`).toBe(of.listed.length);
        checked += of.counted.length;
      }
      expect(site.index.isCited(p.id)).toBe(full.isCited(p.id));
    }
    expect(checked).toBeGreaterThan(1000);
    expect([...site.index.districtCounts('ai')]).toEqual([...full.districtCounts('ai')]);
  });

  it('carries no sentence: its size does not grow with the facts', () => {
    const json = JSON.stringify(summary);
    const long = file.facts.filter((f) => f.text.length > 30);
    expect(long.length).toBeGreaterThan(100);
    expect(long.filter((f) => json.includes(f.text))).toEqual([]);
    expect(json).not.toContain('"facts"');
  });

  it('adds up from the per-document tallies, for every set of documents', () => {
    const byDoc = files.get('tallies-by-doc.json') as Record<string, Record<string, Tally>>;
    expect(Object.fromEntries(sumTallies(byDoc, file.documents.map((d) => d.id)))).toEqual(summary.tallies);
    for (const d of file.documents) {
      const own = tallies(file.places, file.facts.filter((f) => f.doc === d.id));
      expect(Object.fromEntries(sumTallies(byDoc, [d.id]))).toEqual(Object.fromEntries(own));
    }
    const two = file.documents.slice(0, 2).map((d) => d.id);
    const direct = tallies(file.places, file.facts.filter((f) => two.includes(f.doc)));
    expect(Object.fromEntries(sumTallies(byDoc, two))).toEqual(Object.fromEntries(direct));
  });
});

describe('places/<id>-<hash>.json: a panel from its first file is the panel from facts.json', () => {
  const slice = (path: string, id: string) => parsePlaceFile(files.get(path), `data/${path}`, id, site.index);

  it('draws the same panel, for every cited place, topic and language', () => {
    let incomplete = 0;
    for (const [id, names] of Object.entries(summary.files)) {
      const head = slice(names.head, id);
      if (!head.complete) incomplete++;
      const tally = site.index.tally(id)!;
      for (const topic of topics) {
        for (const lang of ['zh', 'en'] as const) {
          const fromHead = panelModel(head.data, id, topic, lang, { tally, head: !head.complete });
          const fromFull = panelModel(full, id, topic, lang, { head: !head.complete });
          expect(fromHead, `${id} ${topic} ${lang}`).toEqual(fromFull);
        }
      }
    }
    // The seeds have places with more facts than a panel shows first: the cut is exercised.
    expect(incomplete).toBeGreaterThan(0);
  });

  it('holds every fact that reaches the place in its "all" file, and nothing else', () => {
    for (const [id, names] of Object.entries(summary.files)) {
      const all = slice(names.all, id);
      expect(all.complete).toBe(true);
      const of = full.placeFacts(id);
      expect([...all.data.facts.keys()].sort(), id).toEqual([...of.counted, ...of.listed].map((x) => x.fact.id).sort());
      // Facts are the pipeline's, unchanged (exact sentences and offsets).
      for (const f of all.data.facts.values()) expect(f).toEqual(full.facts.get(f.id));
    }
  });

  it('keeps a first file within the panel’s caps, whatever the place', () => {
    for (const [id, names] of Object.entries(summary.files)) {
      const head = slice(names.head, id);
      const roles = file.places.reduce((n, p) => n + p.role.length, 0);
      // Per reach (about it, in it, spanning it, through a group term), for no topic and for each.
      expect(head.data.facts.size, id).toBeLessThanOrEqual(4 * (headCap(null) + TOPICS.length * headCap('ai')) + roles);
      if (!head.complete) expect(headOf(full.placeFacts(id), PANEL_HEAD).counted.every((x) => head.data.facts.has(x.fact.id))).toBe(true);
    }
  });

  it('names place files by their content', () => {
    const again = siteData(file, { fold: (s) => s });
    expect(again.map((f) => f.path)).toEqual([...files.keys()]);
    const changed = structuredClone(file);
    const f = changed.facts.find((x) => x.places.some((p) => p.id === 'haidian'))!;
    f.topics = f.topics.includes('ai') ? f.topics.filter((t) => t !== 'ai') : [...f.topics, 'ai'];
    const paths = new Set(siteData(changed, { fold: (s) => s }).map((x) => x.path));
    expect(paths.has(summary.files.haidian.all)).toBe(false);
    // Places the changed fact does not reach keep their names (and their caches).
    const kept = Object.values(summary.files).filter((n) => paths.has(n.head)).length;
    expect(kept).toBeGreaterThan(Object.keys(summary.files).length / 2);
  });
});

describe('docs/<id>.json and documents.json', () => {
  it('give each document its facts in order, and what it contributed', () => {
    for (const d of file.documents) {
      const own = files.get(`docs/${d.id}.json`) as { doc: string; facts: FactsFile['facts'] };
      expect(own.doc).toBe(d.id);
      expect(own.facts).toEqual(file.facts.filter((f) => f.doc === d.id));
      expect(site.documents.contributed.get(d.id)?.facts).toBe(own.facts.length);
    }
    expect(site.documents.list).toEqual(file.documents);
  });

  it('figures.json holds exactly the facts with figures', () => {
    expect([...site.figures.facts.keys()]).toEqual(file.facts.filter((f) => f.figures.length > 0).map((f) => f.id));
  });
});

describe('the CLI writes the app files beside the facts file', () => {
  it('in the same run, and removes generated files no run wrote', () => {
    const dir = mkdtempSync(join(tmpdir(), 'atlas-site-'));
    try {
      mkdirSync(join(dir, 'places'));
      writeFileSync(join(dir, 'places', 'gone-00000000.json'), '{}');
      writeFileSync(join(dir, 'facts-index.json'), '{}');
      writeFileSync(join(dir, 'places', 'notes.md'), 'kept: not a name the pipeline writes');
      const code = runCli(['--out', join(dir, 'facts.json')], { log: () => undefined, error: () => undefined });
      expect(code).toBe(0);
      const written = JSON.parse(readFileSync(join(dir, 'summary.json'), 'utf8'));
      expect(written).toEqual(summary);
      const placeFiles = readdirSync(join(dir, 'places')).sort();
      const expected = [...files.keys()].filter((p) => p.startsWith('places/')).map((p) => p.slice('places/'.length));
      expect(placeFiles).toEqual([...expected, 'notes.md'].sort());
      expect(readdirSync(dir)).not.toContain('facts-index.json');
      expect(tallyCount(written.tallies.haidian) + tallyListed(written.tallies.haidian)).toBeGreaterThan(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
