/**
 * One contract for the pipeline's door and the app's loader: every defect the app's loader
 * would refuse in the published files, the pipeline refuses in its curated inputs first, with
 * one line naming the file, the entry and the field. Each case runs twice: the CLI on the broken
 * input (refused, nothing written), and the app's loader on a good output with the same defect
 * carried into it (refused too — so the CLI's refusal is what keeps the site from showing only
 * its error screen). A defect the app cannot see (a topic's terms as a string) is refused by the
 * pipeline alone.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PLACE_KINDS } from '../../src/contract.ts';
import { DataFileError } from '../../src/app/data/fetch-data-file.ts';
import { parseFacts } from '../../src/app/data/load-facts.ts';
import { STRINGS } from '../../src/app/i18n/strings.ts';
import { runCli } from '../../src/pipeline/cli.ts';

const FIX = new URL('../fixtures/pipeline/', import.meta.url).pathname;
const SENTENCE = '海淀区聚焦人工智能产业，打造具有全球影响力的创新高地。';
type Json = Record<string, any>;
const readJson = (p: string): Json => JSON.parse(readFileSync(p, 'utf8'));

let dir: string;
let good: Json;
const goodInputs = () => ({
  manifest: [{ file: 'good.txt', id: '004', title: '规划', publisher: '北京市人民政府', date: '2021-11-24', script: 'zhHans', genre: 'plan', body: { startsWith: '海淀区', endsWith: '高地。' } }] as Json[],
  gazetteer: readJson(join(FIX, 'gazetteer.json')),
  topics: readJson(join(FIX, 'topics.json')),
});

/** Runs the CLI on these inputs in a fresh folder; returns its exit code, lines and output path. */
function run(inputs: ReturnType<typeof goodInputs>, name: string) {
  const root = join(dir, name);
  mkdirSync(join(root, 'seeds'), { recursive: true });
  writeFileSync(join(root, 'seeds', 'good.txt'), SENTENCE);
  writeFileSync(join(root, 'seeds', 'manifest.json'), JSON.stringify(inputs.manifest));
  writeFileSync(join(root, 'places.json'), JSON.stringify(inputs.gazetteer));
  writeFileSync(join(root, 'topics.json'), JSON.stringify(inputs.topics));
  const lines: string[] = [];
  const out = join(root, 'out', 'facts.json');
  const code = runCli(['--seeds', join(root, 'seeds'), '--out', out, '--places', join(root, 'places.json'), '--topics', join(root, 'topics.json')], { log: (l) => lines.push(l), error: (l) => lines.push(l) });
  return { code, lines, out };
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'atlas-contract-'));
  const { code, out } = run(goodInputs(), 'good');
  expect(code).toBe(0);
  good = readJson(out);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const place = (g: Json, id: string) => g.places.find((p: Json) => p.id === id);
const pointPlace = 'jd';

interface Case {
  what: string;
  /** Breaks the curated input. */
  input: (i: ReturnType<typeof goodInputs>) => void;
  /** The same defect carried into a good output (absent: the app cannot see it). */
  output?: (f: Json) => void;
  says: RegExp;
}
const CASES: Case[] = [
  { what: 'a title that is a number', input: (i) => (i.manifest[0].title = 14), output: (f) => (f.documents[0].title = 14), says: /manifest\.json: entry 004: title is not a string$/ },
  { what: 'a publisher that is a list', input: (i) => (i.manifest[0].publisher = ['北京']), output: (f) => (f.documents[0].publisher = ['北京']), says: /manifest\.json: entry 004: publisher is not a string$/ },
  { what: 'script "klingon"', input: (i) => (i.manifest[0].script = 'klingon'), output: (f) => (f.documents[0].script = 'klingon'), says: /manifest\.json: entry 004: script must be one of zhHans, zhHant$/ },
  { what: 'date "yesterday"', input: (i) => (i.manifest[0].date = 'yesterday'), output: (f) => (f.documents[0].date = 'yesterday'), says: /manifest\.json: entry 004: date is not an ISO date/ },
  { what: 'a javascript: url', input: (i) => (i.manifest[0].url = 'javascript:alert(1)'), output: (f) => (f.documents[0].url = 'javascript:alert(1)'), says: /manifest\.json: entry 004: url is not an http\(s\) address/ },
  { what: 'aliases as a string', input: (i) => (place(i.gazetteer, 'haidian').aliases = '海淀'), output: (f) => (place(f, 'haidian').aliases = '海淀'), says: /places\.json: place haidian has aliases that are not a list of names$/ },
  { what: 'lonLat ["NaN", 999]', input: (i) => (place(i.gazetteer, pointPlace).geometry.lonLat = ['NaN', 999]), output: (f) => (place(f, pointPlace).geometry.lonLat = ['NaN', 999]), says: /places\.json: place jd has a point geometry without a valid lonLat/ },
  { what: 'an id that is a path', input: (i) => i.gazetteer.places.push({ ...place(i.gazetteer, 'haidian'), id: '../escape', aliases: [] }), output: (f) => f.places.push({ ...place(f, 'haidian'), id: '../escape', aliases: [] }), says: /places\.json: place \.\.\/escape has an id that is not letters, digits/ },
  { what: 'an unknown kind', input: (i) => (place(i.gazetteer, 'haidian').kind = 'castle'), output: (f) => (place(f, 'haidian').kind = 'castle'), says: /places\.json: place haidian has an unknown kind "castle"/ },
  { what: 'names without English', input: (i) => delete place(i.gazetteer, 'haidian').names.en, output: (f) => delete place(f, 'haidian').names.en, says: /places\.json: place haidian lacks names in zhHans, zhHant and en$/ },
  { what: 'a place that is not an object', input: (i) => i.gazetteer.places.push('海淀'), output: (f) => f.places.push('海淀'), says: /places\.json: place #\d+ is not an object$/ },
  { what: 'a topic whose terms are a string', input: (i) => (i.topics.ai.terms = '人工智能'), says: /topics\.json: topic "ai" terms must be a list of words/ },
  { what: 'an unknown topic', input: (i) => (i.topics.alchemy = { en: 'Alchemy', zh: '炼金', terms: ['炼金'] }), says: /topics\.json: topic "alchemy" is not a known topic/ },
  { what: 'a group whose members are a string', input: (i) => (i.gazetteer.groups = [{ term: '三城', aliases: [], members: 'haidian' }]), says: /places\.json: group #1 needs a term, aliases and members/ },
  { what: 'a district that is not a place', input: (i) => (place(i.gazetteer, pointPlace).district = 'atlantis'), says: /places\.json: place jd refers to unknown place\(s\): "atlantis"$/ },
];

describe('the pipeline refuses what the app would refuse', () => {
  it('accepts the good inputs, and the app loads what it wrote', () => {
    expect(() => parseFacts(good)).not.toThrow();
    expect(good.facts.length).toBeGreaterThan(0);
  });

  for (const [n, c] of CASES.entries()) {
    it(`${c.what}: refused at the door with one line naming file, entry and field${c.output ? ', as the app refuses it in the output' : ''}`, () => {
      const inputs = goodInputs();
      c.input(inputs);
      const { code, lines, out } = run(inputs, `case-${n}`);
      expect(code).toBe(1);
      expect(lines).toEqual([expect.stringMatching(new RegExp(`^error: \\S+${c.says.source}`))]);
      expect(existsSync(out)).toBe(false);
      if (c.output) {
        const broken = structuredClone(good);
        c.output(broken);
        expect(() => parseFacts(broken)).toThrow(DataFileError);
      }
    });
  }

  it('still writes facts for the accepted variants of each field (no field is stricter than the contract)', () => {
    const inputs = goodInputs();
    Object.assign(inputs.manifest[0], { date: '2021-11', url: 'https://www.beijing.gov.cn/x.html', script: 'zhHant', genre: 'news' });
    delete inputs.manifest[0].title;
    const { code, out } = run(inputs, 'variants');
    expect(code).toBe(0);
    expect(() => parseFacts(readJson(out))).not.toThrow();
  });
});

/** Every path to a value inside `x` (object keys and list indices). */
function paths(x: unknown, at: Array<string | number> = []): Array<Array<string | number>> {
  if (Array.isArray(x)) return [at, ...x.flatMap((v, i) => paths(v, [...at, i]))];
  if (x && typeof x === 'object') return [at, ...Object.entries(x).flatMap(([k, v]) => paths(v, [...at, k]))];
  return [at];
}
function replaced<T>(root: T, path: Array<string | number>, value: unknown): T {
  if (path.length === 0) return value as T;
  const copy = structuredClone(root) as Json;
  let node = copy;
  for (const k of path.slice(0, -1)) node = node[k];
  node[path.at(-1)!] = value;
  return copy as T;
}

describe('any one value of a curated input replaced by any JSON value', () => {
  it('either is refused with one line (never a raw TypeError), or gives files the app loads', () => {
    const inputs = goodInputs();
    const targets = (['manifest', 'gazetteer', 'topics'] as const).flatMap((which) => paths(inputs[which]).map((p) => [which, p] as const));
    let n = 0;
    fc.assert(fc.property(fc.constantFrom(...targets), fc.jsonValue({ maxDepth: 2 }), ([which, path], value) => {
      const broken = { ...goodInputs(), [which]: replaced(goodInputs()[which], path, value) };
      const { code, lines, out } = run(broken, `fuzz-${n++}`);
      if (code === 0) {
        expect(() => parseFacts(readJson(out))).not.toThrow();
      } else {
        expect(lines).toHaveLength(1);
        expect(lines[0]).toMatch(/^error: \S+: /);
        expect(lines[0]).not.toMatch(/TypeError|Cannot read|is not a function|is not iterable|undefined|\[object Object\]/);
      }
    }), { numRuns: Number(process.env.FUZZ_RUNS ?? 150) });
  }, 120_000);
});

describe('the contract and the interface', () => {
  it('has a label in both languages for every place kind it accepts', () => {
    for (const kind of PLACE_KINDS) {
      const label = (STRINGS as Record<string, { zh: string; en: string } | undefined>)[`kind.${kind}`];
      expect(label, kind).toBeDefined();
      expect(label!.zh && label!.en, kind).toBeTruthy();
    }
  });
});

