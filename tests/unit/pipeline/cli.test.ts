import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../../../src/pipeline/cli.ts';

const FIX = new URL('../../fixtures/pipeline/', import.meta.url).pathname;
const ROOT = new URL('../../../', import.meta.url).pathname;
let dir: string;
let seeds: string;
let out: string;
let lines: string[];
const io = { log: (l: string) => lines.push(l), error: (l: string) => lines.push(l) };
const args = () => ['--seeds', seeds, '--out', out, '--places', join(dir, 'places.json'), '--topics', join(dir, 'topics.json')];
const cli = () => runCli(args(), io);
const gazetteer = () => JSON.parse(readFileSync(join(dir, 'places.json'), 'utf8'));
const writeGazetteer = (g: unknown) => writeFileSync(join(dir, 'places.json'), JSON.stringify(g));

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'atlas-cli-'));
  seeds = join(dir, 'seeds');
  out = join(dir, 'out', 'facts.json');
  lines = [];
  copyFileSync(join(FIX, 'gazetteer.json'), join(dir, 'places.json'));
  copyFileSync(join(FIX, 'topics.json'), join(dir, 'topics.json'));
  mkdirSync(seeds);
  copyFileSync(join(FIX, 'huairou-yizhuang-trad.txt'), join(seeds, 'trad.txt'));
  writeFileSync(join(seeds, 'a.txt'), '菜单\n正文：亦庄聚焦集成电路产业，打造具有全球影响力的产业集群和创新高地。\n页脚');
  writeFileSync(join(seeds, 'notes.md'), '# not a document');
  writeFileSync(join(seeds, 'manifest.json'), JSON.stringify([
    { file: 'a.txt', id: 'a', title: 'A', publisher: 'P', date: '2021-01-01', script: 'zhHans', body: { startsWith: '正文', endsWith: '高地。' } },
  ]));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('data CLI', () => {
  it('writes the facts file and reports each document and a summary', () => {
    expect(cli()).toBe(0);
    const facts = JSON.parse(readFileSync(out, 'utf8'));
    expect(facts.documents.map((d: { id: string }) => d.id)).toEqual(['a', 'trad']);
    expect(lines.join('\n')).toMatch(/trad\.txt {2}read as: utf-8 {2}body: heuristic \(no manifest entry\)/);
    expect(lines.join('\n')).toMatch(/documents: 2 {2}sentences: \d+ {2}facts: \d+/);
    expect(lines.join('\n')).toMatch(/places never hit: .*haidian/);
    expect(readdirSync(join(dir, 'out')).sort()).toEqual(['docs', 'documents.json', 'facts.json', 'figures.json', 'places', 'search', 'summary.json', 'tallies-by-doc.json']);
  });

  it('assigns the places of an unlisted Traditional page dropped into the seeds folder', () => {
    cli();
    const facts: Array<{ doc: string; text: string; places: Array<{ id: string; how: string }> }> = JSON.parse(readFileSync(out, 'utf8')).facts;
    const placesOf = (start: string) => facts.find((f) => f.doc === 'trad' && f.text.startsWith(start))?.places.map((p) => `${p.id}:${p.how}`);
    expect(placesOf('懷柔科學城聚焦')).toEqual(['huairou-sc:explicit']);
    expect(placesOf('目前已建設')).toEqual(['huairou-sc:context']);
    expect(placesOf('亦莊將發揮')).toEqual(['bda:explicit']);
  });

  it('writes each decoded document beside the facts so the reader can cut sentences by the same offsets', () => {
    cli();
    expect(readdirSync(join(dir, 'out', 'docs')).sort()).toEqual(['a.json', 'a.txt', 'trad.json', 'trad.txt']);
    const text = readFileSync(join(dir, 'out', 'docs', 'a.txt'), 'utf8');
    for (const f of JSON.parse(readFileSync(out, 'utf8')).facts.filter((x: { doc: string }) => x.doc === 'a')) {
      expect(text.slice(f.start, f.end)).toBe(f.text);
    }
  });

  it('writes byte-identical output on a second run', () => {
    cli();
    const first = readFileSync(out);
    cli();
    expect(readFileSync(out).equals(first)).toBe(true);
  });

  const failures: Array<[string, () => void, RegExp]> = [
    ['a binary file', () => writeFileSync(join(seeds, 'b.txt'), new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 13])), /b\.txt: binary data/],
    ['a manifest entry for a missing file', () => {
      const m = JSON.parse(readFileSync(join(seeds, 'manifest.json'), 'utf8'));
      writeFileSync(join(seeds, 'manifest.json'), JSON.stringify([...m, { ...m[0], file: 'gone.txt', id: 'g' }]));
    }, /missing file: gone\.txt/],
    ['a body marker that is not in the document', () => {
      const m = JSON.parse(readFileSync(join(seeds, 'manifest.json'), 'utf8'));
      writeFileSync(join(seeds, 'manifest.json'), JSON.stringify([{ ...m[0], body: { startsWith: '不存在', endsWith: '。' } }]));
    }, /a\.txt: body start marker not found/],
    // An unlisted file is named by its file name: 'trad' is also the id given to a.txt here.
    ['duplicate document ids', () => {
      const m = JSON.parse(readFileSync(join(seeds, 'manifest.json'), 'utf8'));
      writeFileSync(join(seeds, 'manifest.json'), JSON.stringify([{ ...m[0], id: 'trad' }]));
    }, /duplicate document id\(s\): trad/],
    ['duplicate place ids', () => {
      const g = gazetteer();
      writeGazetteer({ ...g, places: [...g.places, g.places[1]] });
    }, /duplicate place id\(s\): chaoyang/],
    ['a place without geometry', () => {
      const g = gazetteer();
      delete g.places[2].geometry;
      writeGazetteer(g);
    }, /place haidian has no geometry/],
    ["geometry 'none' without a reason", () => {
      const g = gazetteer();
      g.places[0].geometry = { type: 'none', reason: ' ' };
      writeGazetteer(g);
    }, /place beijing has geometry 'none' without a reason/],
    ['bad JSON in the manifest', () => writeFileSync(join(seeds, 'manifest.json'), '[{'), /bad JSON in manifest/],
  ];

  for (const [what, breakIt, message] of failures) {
    it(`fails on ${what} with a one-line message and leaves the previous output untouched`, () => {
      expect(cli()).toBe(0);
      const before = readFileSync(out);
      breakIt();
      lines = [];
      expect(cli()).toBe(1);
      expect(lines).toHaveLength(1);
      expect(lines[0]).toMatch(/^error: /);
      expect(lines[0]).toMatch(message);
      expect(readFileSync(out).equals(before)).toBe(true);
      expect(readdirSync(join(dir, 'out')).sort()).toEqual(['docs', 'documents.json', 'facts.json', 'figures.json', 'places', 'search', 'summary.json', 'tallies-by-doc.json']);
    });
  }

  it('fails with a message when the output cannot be written, leaving no temp file', () => {
    mkdirSync(out, { recursive: true });
    expect(cli()).toBe(1);
    expect(lines.at(-1)).toMatch(/^error: cannot write .*facts\.json/);
    expect(readdirSync(join(dir, 'out'))).toEqual(['facts.json']);
  });

  it('exits non-zero as a process on bad input and zero on good input', () => {
    const tsx = join(ROOT, 'node_modules/tsx/dist/cli.mjs');
    const run = () => spawnSync(process.execPath, [tsx, join(ROOT, 'src/pipeline/cli.ts'), ...args()], { encoding: 'utf8' });
    expect(run().status).toBe(0);
    writeFileSync(join(seeds, 'b.txt'), new Uint8Array([0, 1, 2, 3]));
    const bad = run();
    expect(bad.status).toBe(1);
    expect(bad.stderr.trim()).toMatch(/^error: b\.txt: binary data/);
  }, 30_000);

  it('says which names it left unassigned and which look like places the gazetteer lacks', () => {
    writeFileSync(join(seeds, 'b.txt'), '朝阳区召开科技大会。');
    writeFileSync(join(seeds, 'c.txt'), '海淀区支持北京生命科学研究所发展，北京生命科学研究所取得突破。');
    expect(cli()).toBe(0);
    const of = (id: string) => lines.slice(lines.findIndex((l) => l.startsWith(`${id} `)) + 1).filter((l) => !/^[a-z]+ {2}/.test(l)).slice(0, 2);
    expect(of('b')).toEqual([
      'warning: b.txt: no place could be assigned: every name of ours it uses is ambiguous or about somewhere else (see "unassigned")',
      '         unassigned: 朝阳区 (several places bear this name, nothing tells which)',
    ]);
    expect(of('c')[0]).toBe('         not in the gazetteer: 北京生命科学研究所 ×2 → 海淀区');
  });

  it('refuses to run without the national division table, naming it and the command that rebuilds it', () => {
    expect(runCli([...args(), '--divisions', join(dir, 'missing.json')], io)).toBe(1);
    expect(lines.at(-1)).toBe(`error: cannot read division table ${join(dir, 'missing.json')}: ENOENT (npm run build:divisions rebuilds it)`);
    writeFileSync(join(dir, 'broken.json'), '{"provinces": []}');
    expect(runCli([...args(), '--divisions', join(dir, 'broken.json')], io)).toBe(1);
    expect(lines.at(-1)).toMatch(/^error: bad division table .*broken\.json: "provinces" is not a list of \[code, name\] rows \(npm run build:divisions rebuilds it\)$/);
  });
});
