/**
 * Checks on the curated data: geo/places.json, geo/topics.json, seeds/manifest.json and
 * tests/eval/annotations.json. Pure data checks — no pipeline code involved.
 */
import { readFileSync, existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Gazetteer, ManifestEntry, Place } from '../../../src/types';
import { splitSentences } from '../../../src/pipeline/split-sentences.ts';
import { parseDivisions } from '../../../src/pipeline/divisions.ts';
import { buildNameIndex } from '../../../src/pipeline/name-index.ts';
import { byDocument } from '../../../src/pipeline/eval-score.ts';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
const readJson = <T>(p: string): T => JSON.parse(readFileSync(resolve(root, p), 'utf8')) as T;

const gaz = readJson<Gazetteer>('geo/places.json');
const topics = readJson<Record<string, { en: string; zh: string; terms: string[] }>>('geo/topics.json');
const manifest = readJson<Array<ManifestEntry & { notes?: string }>>('seeds/manifest.json');
const ann = readJson<{ about: string; sentences: Array<{ doc: string; text: string; nth?: number; part: string; explicit: string[]; group?: string[]; context: string[] }> }>(
  'tests/eval/annotations.json',
);

const DISTRICTS = 'dongcheng xicheng chaoyang fengtai shijingshan haidian mentougou fangshan tongzhou shunyi changping daxing huairou pinggu miyun yanqing'.split(' ');
const KINDS = new Set([
  'municipality', 'district', 'science-city', 'development-zone', 'sub-park', 'park', 'town', 'facility', 'institute',
  'university', 'company', 'government', 'policy-zone', 'jjj-node', 'national-node', 'foreign', 'other',
]);
const ids = new Set(gaz.places.map((p) => p.id));
const byId = new Map(gaz.places.map((p) => [p.id, p] as [string, Place]));

describe('gazetteer: places', () => {
  it('has unique kebab-case ids', () => {
    expect(ids.size).toBe(gaz.places.length);
    for (const p of gaz.places) expect(p.id, p.id).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);
  });

  it('gives every place names in both scripts and English, a known kind and an alias list', () => {
    for (const p of gaz.places) {
      for (const k of ['zhHans', 'zhHant', 'en'] as const) expect(p.names?.[k]?.trim(), `${p.id}.${k}`).toBeTruthy();
      expect(KINDS.has(p.kind), `${p.id} kind ${p.kind}`).toBe(true);
      expect(Array.isArray(p.aliases), p.id).toBe(true);
      for (const a of p.aliases) expect(a.trim().length, `${p.id} alias "${a}"`).toBeGreaterThan(0);
      expect(new Set(p.aliases).size, `${p.id} duplicate aliases`).toBe(p.aliases.length);
    }
  });

  it('uses Traditional characters in zhHant for the places the brief names', () => {
    const want: Record<string, string> = {
      'huairou-science-city': '懷柔科學城', 'zgc-science-city': '中關村科學城', 'beijing-etda': '北京經濟技術開發區',
      'future-science-city': '未來科學城', 'zgc-nidz': '中關村國家自主創新示範區',
    };
    for (const [id, t] of Object.entries(want)) expect(byId.get(id)?.names.zhHant).toBe(t);
    expect(byId.get('beijing-etda')!.aliases).toEqual(expect.arrayContaining(['亦庄', '亦莊', '经开区', '經開區', '北京亦庄']));
  });

  it('has all 16 districts with district boundary geometry', () => {
    for (const d of DISTRICTS) {
      const p = byId.get(d);
      expect(p, d).toBeDefined();
      expect(p!.kind).toBe('district');
      expect(p!.geometry).toEqual({ type: 'boundary', layer: 'district', unit: d });
    }
  });

  it('has the 三城一区, the 16 sub-parks and the key JJJ and national nodes', () => {
    for (const id of ['zgc-science-city', 'huairou-science-city', 'future-science-city', 'innovation-cluster-zone', 'beijing-etda', 'zgc-nidz',
      'xiongan', 'xiongan-zgc-park', 'binhai', 'tianjin-binhai-zgc-park', 'baodi', 'jingjin-zgc-sci-city', 'baoding',
      'baoding-zgc-innovation-center', 'sanhe', 'dachang', 'xianghe', 'zhangjiakou', 'chongli', 'tianjin', 'hebei',
      'zhangjiang', 'hefei-ncsc', 'gba']) expect(ids.has(id), id).toBe(true);
    const subs = gaz.places.filter((p) => p.kind === 'sub-park');
    expect(subs).toHaveLength(16);
    const seen = new Set<string>();
    for (const s of subs) {
      expect(s.parent, s.id).toBe('zgc-nidz');
      expect(DISTRICTS).toContain(s.district);
      seen.add(s.district!);
    }
    expect(seen.size).toBe(16);
    // The 一区 is drawn through its core, 北京经济技术开发区; the demonstration area itself has no extent.
    for (const id of ['zgc-science-city', 'huairou-science-city', 'future-science-city', 'beijing-etda']) {
      expect(byId.get(id)!.geometry.type, id).toBe('schematic');
    }
    const extents = JSON.parse(readFileSync(resolve(root, 'geo/schematic-extents.geojson'), 'utf8')).features.map((f: { properties: { id: string } }) => f.properties.id);
    const schematic = [...byId.values()].filter((p) => p.geometry.type === 'schematic').map((p) => p.id);
    expect([...extents].sort(), 'every schematic place has a derived extent, and no extent lacks a place').toEqual([...schematic].sort());
    expect(byId.get('innovation-cluster-zone')!.links).toEqual(expect.arrayContaining(['beijing-etda', 'shunyi']));
  });

  it('gives the municipality no map position and leaves out 全国', () => {
    const bj = gaz.places.find((p) => p.names.zhHans === '北京市');
    expect(bj, '北京市 is in the gazetteer').toBeDefined();
    expect(bj!.geometry.type).toBe('none');
    for (const p of gaz.places) expect([p.names.zhHans, ...p.aliases]).not.toContain('全国');
  });

  it('has valid geometry for every place', () => {
    for (const p of gaz.places) {
      const g = p.geometry;
      switch (g.type) {
        case 'point': {
          const [lon, lat] = g.lonLat;
          const foreign = p.kind === 'foreign';
          if (!foreign) {
            expect(lon, `${p.id} lon`).toBeGreaterThanOrEqual(73);
            expect(lon, `${p.id} lon`).toBeLessThanOrEqual(136);
            expect(lat, `${p.id} lat`).toBeGreaterThanOrEqual(18);
            expect(lat, `${p.id} lat`).toBeLessThanOrEqual(54);
          } else {
            expect(Math.abs(lon)).toBeLessThanOrEqual(180);
            expect(Math.abs(lat)).toBeLessThanOrEqual(90);
          }
          expect(g.precisionM, p.id).toBeGreaterThan(0);
          expect(g.source?.trim(), `${p.id} source`).toBeTruthy();
          break;
        }
        case 'none':
          expect(g.reason?.trim(), `${p.id} reason`).toBeTruthy();
          break;
        case 'schematic':
          expect(g.basis?.trim(), `${p.id} basis`).toBeTruthy();
          break;
        case 'boundary':
          expect(['district', 'context', 'province']).toContain(g.layer);
          expect(g.unit, p.id).toBeTruthy();
          if (g.layer === 'district') expect(DISTRICTS).toContain(g.unit);
          if (g.layer === 'province') expect(['beijing', 'tianjin', 'hebei']).toContain(g.unit);
          break;
        default:
          throw new Error(`${p.id}: unknown geometry ${JSON.stringify(g)}`);
      }
    }
  });

  it('puts Beijing points inside the Beijing bounding box when they claim a Beijing district', () => {
    for (const p of gaz.places) {
      if (p.district && p.geometry.type === 'point') {
        const [lon, lat] = p.geometry.lonLat;
        expect(lon, p.id).toBeGreaterThan(115.4);
        expect(lon, p.id).toBeLessThan(117.6);
        expect(lat, p.id).toBeGreaterThan(39.4);
        expect(lat, p.id).toBeLessThan(41.1);
      }
    }
  });

  it('refers only to existing ids (district, parent, links) and has no parent cycles', () => {
    for (const p of gaz.places) {
      if (p.district !== undefined) expect(DISTRICTS, `${p.id} district`).toContain(p.district);
      if (p.parent !== undefined) expect(ids.has(p.parent), `${p.id} parent ${p.parent}`).toBe(true);
      for (const l of p.links ?? []) expect(ids.has(l), `${p.id} link ${l}`).toBe(true);
      const seen = new Set<string>();
      for (let q: Place | undefined = p; q?.parent; q = byId.get(q.parent)) {
        expect(seen.has(q.id), `parent cycle at ${p.id}`).toBe(false);
        seen.add(q.id);
      }
    }
  });
});

describe('gazetteer: groups and rules', () => {
  it('groups have members that exist', () => {
    expect(gaz.groups.length).toBeGreaterThan(0);
    for (const g of gaz.groups) {
      expect(g.term.trim()).toBeTruthy();
      expect(g.members.length, g.term).toBeGreaterThan(0);
      for (const m of g.members) expect(ids.has(m), `${g.term} member ${m}`).toBe(true);
    }
    const g = (t: string) => gaz.groups.find((x) => x.term === t || x.aliases.includes(t));
    expect(g('三城一区')?.members).toHaveLength(4);
    expect(g('三城一區')).toBeDefined();
    expect(g('北三县')?.members.sort()).toEqual(['dachang', 'sanhe', 'xianghe']);
  });

  it('rules are well formed', () => {
    for (const r of gaz.rules) {
      expect(r.alias.trim()).toBeTruthy();
      expect((r.notAfter?.length ?? 0) + (r.notBefore?.length ?? 0), r.alias).toBeGreaterThan(0);
      expect(r.why.trim(), r.alias).toBeTruthy();
    }
  });

  it('no alias or name is shared by two places (or a place and a group) unless a rule covers it', () => {
    const owners = new Map<string, Set<string>>();
    const own = (s: string, who: string) => {
      if (!owners.has(s)) owners.set(s, new Set());
      owners.get(s)!.add(who);
    };
    for (const p of gaz.places) for (const s of new Set([p.names.zhHans, p.names.zhHant, ...p.aliases])) own(s, p.id);
    for (const g of gaz.groups) for (const s of new Set([g.term, ...g.aliases])) own(s, `group:${g.term}`);
    // A shared string is tolerated only when a rule for exactly that alias says, in its `why`, which ids share it.
    const explained = (s: string, who: Set<string>) =>
      gaz.rules.some((r) => r.alias === s && [...who].every((id) => r.why.includes(id.replace(/^group:/, ''))));
    const clashes = [...owners].filter(([s, who]) => who.size > 1 && !explained(s, who)).map(([s, who]) => `${s}: ${[...who].join(', ')}`);
    expect(clashes).toEqual([]);
  });
});

describe('topic lexicon', () => {
  it('has exactly the 21 topics, each with en, zh and non-empty unique terms', () => {
    const want = 'ai quantum blockchain ic biomed brain materials energy auto aerospace robotics agri digital finance culture talent reform infrastructure industry cooperation metrics'.split(' ');
    expect(Object.keys(topics).sort()).toEqual([...want].sort());
    for (const [k, t] of Object.entries(topics)) {
      expect(t.en.trim(), k).toBeTruthy();
      expect(t.zh.trim(), k).toBeTruthy();
      expect(t.terms.length, k).toBeGreaterThan(2);
      expect(new Set(t.terms).size, `${k} duplicate terms`).toBe(t.terms.length);
      for (const term of t.terms) expect(term.trim(), k).toBeTruthy();
      expect(t.terms, `${k}: over-broad term`).not.toContain('创新');
    }
  });
});

function bodyOf(e: ManifestEntry): { text: string; start: number; end: number } {
  const text = readFileSync(resolve(root, 'seeds', e.file), 'utf8');
  const start = text.indexOf(e.body.startsWith);
  const at = start < 0 ? -1 : text.indexOf(e.body.endsWith, start);
  return { text, start, end: at < 0 ? -1 : at + e.body.endsWith.length };
}

describe('document manifest', () => {
  it('lists the five seeds with the required fields', () => {
    expect(manifest.map((e) => e.id)).toEqual(['000', '001', '002', '003', '004']);
    for (const e of manifest) {
      expect(existsSync(resolve(root, 'seeds', e.file)), e.file).toBe(true);
      expect(e.file.startsWith(e.id + '_'), e.file).toBe(true);
      expect(e.title.trim()).toBeTruthy();
      expect(e.publisher.trim()).toBeTruthy();
      expect(e.date, "ISO date, possibly partial (YYYY, YYYY-MM or YYYY-MM-DD)").toMatch(/^\d{4}(-\d{2}(-\d{2})?)?$/);
      expect(['zhHans', 'zhHant']).toContain(e.script);
      if (e.url !== undefined) expect(e.url).toMatch(/^https?:\/\//);
    }
    expect(manifest.find((e) => e.id === '004')!.script).toBe('zhHant');
  });

  it('finds both body markers and brackets a non-trivial body', () => {
    for (const e of manifest) {
      const { text, start, end } = bodyOf(e);
      expect(start, `${e.id} startsWith`).toBeGreaterThanOrEqual(0);
      expect(end, `${e.id} endsWith`).toBeGreaterThan(start);
      const body = text.slice(start, end);
      expect(body.length, e.id).toBeGreaterThan(500);
      expect(body, `${e.id} body must not include the editor line`).not.toMatch(/责编|責編|责任编辑/);
    }
  });
});

describe('gazetteer regions', () => {
  const table = parseDivisions(readJson<unknown>('geo/divisions.json'));
  const index = buildNameIndex(gaz, table);

  it('gives every division code a unit of the national table', () => {
    for (const p of gaz.places.filter((x) => x.division)) expect(table.byCode.has(p.division!), `${p.id}: ${p.division}`).toBe(true);
  });

  it('places every Tianjin, Hebei and national node outside Beijing, and every other place in it (or abroad)', () => {
    for (const p of gaz.places) {
      const region = index.regionOf.get(p.id)!;
      if (p.kind === 'jjj-node' || p.kind === 'national-node' || p.id === 'ustc') expect(region.startsWith('11'), p.id).toBe(false);
      else if (p.kind === 'foreign') expect(region, p.id).toBe('');
      else expect(region.startsWith('11'), p.id).toBe(true);
    }
  });
});

describe('evaluation annotation', () => {
  const bodies = new Map(manifest.map((e) => { const b = bodyOf(e); return [e.id, b.text.slice(b.start, b.end)]; }));

  it('has an about text and every body sentence of every seed, split into dev and held-out parts', () => {
    expect(ann.about.length).toBeGreaterThan(50);
    for (const e of manifest) {
      const b = bodyOf(e);
      const spans = splitSentences(b.text, b.start, b.end);
      expect(ann.sentences.filter((s) => s.doc === e.id).length, e.id).toBe(spans.length);
    }
    const parts = new Set(ann.sentences.map((s) => s.part));
    expect(parts).toEqual(new Set(['dev', 'heldout']));
  });

  it('uses exact substrings of the document bodies; a repeated sentence says which occurrence it is', () => {
    const seen = new Map<string, number>();
    for (const s of ann.sentences) {
      const body = bodies.get(s.doc);
      expect(body, `doc ${s.doc}`).toBeDefined();
      expect(s.text.trim().length).toBeGreaterThan(0);
      expect(body!.includes(s.text), `${s.doc}: ${s.text.slice(0, 30)}`).toBe(true);
      const k = s.doc + '\u0000' + s.text;
      expect(s.nth ?? 0, `occurrence of ${s.text.slice(0, 30)}`).toBe(seen.get(k) ?? 0);
      seen.set(k, (seen.get(k) ?? 0) + 1);
    }
  });

  it('uses only gazetteer ids, never the municipality, and lists a place in one way only', () => {
    const muni = new Set(gaz.places.filter((p) => p.kind === 'municipality').map((p) => p.id));
    for (const s of ann.sentences) {
      const all = [...s.explicit, ...(s.group ?? []), ...s.context];
      for (const id of all) {
        expect(ids.has(id), `${s.doc} "${s.text.slice(0, 20)}": ${id}`).toBe(true);
        expect(muni.has(id), `municipality listed in ${s.text.slice(0, 20)}`).toBe(false);
      }
      expect(new Set(all).size, s.text.slice(0, 20)).toBe(all.length);
    }
  });

  it('covers every sentence of the 001 body in order', () => {
    const body = bodies.get('001')!;
    let at = 0;
    const texts = ann.sentences.filter((s) => s.doc === '001').map((s) => s.text);
    for (const t of texts) {
      const i = body.indexOf(t, at);
      expect(i, t.slice(0, 20)).toBeGreaterThanOrEqual(at);
      expect(body.slice(at, i).replace(/[\s\u3000]/g, ''), `gap before ${t.slice(0, 20)}`).toBe('');
      at = i + t.length;
    }
    expect(body.slice(at).trim()).toBe('');
  });
});

describe('second reading and adjudication of the evaluation annotation', () => {
  type Lists = { explicit: string[]; group: string[]; context: string[] };
  const second = readJson<{ about: string; sentences: Array<Lists & { doc: string; i: number; text: string }> }>('tests/eval/second-reading.json');
  const adjudication = readJson<{ about: string; rows: Array<{ doc: string; i: number; text: string; first: Lists; second: Lists; decided: Lists; why: string }> }>(
    'tests/eval/adjudication.json',
  );
  const goldByDoc = byDocument(ann.sentences);
  const goldAt = (doc: string, i: number) => goldByDoc.get(doc)?.[i];
  const lists = (r: { explicit: string[]; group?: string[]; context: string[] }) => [r.explicit, r.group ?? [], r.context].map((l) => [...l].sort());

  it('reads the gold sentences, by their place in the document, with gazetteer ids only', () => {
    expect(second.about.length).toBeGreaterThan(50);
    expect(second.sentences.length).toBeGreaterThan(0);
    for (const r of second.sentences) {
      expect(goldAt(r.doc, r.i)?.text, `${r.doc} #${r.i}`).toBe(r.text);
      const all = [...r.explicit, ...r.group, ...r.context];
      for (const id of all) expect(ids.has(id) && id !== 'beijing', `${r.doc} #${r.i}: ${id}`).toBe(true);
      expect(new Set(all).size, `${r.doc} #${r.i}`).toBe(all.length);
    }
  });

  it('settles every row where the two readings differ, and the gold holds each decision', () => {
    const settled = new Map(adjudication.rows.map((r) => [`${r.doc} ${r.i}`, r]));
    for (const r of second.sentences) {
      const gold = goldAt(r.doc, r.i)!; // (the test above checks every row has its gold sentence)
      const row = settled.get(`${r.doc} ${r.i}`);
      if (!row) {
        expect(lists(gold), `${r.doc} #${r.i}: the readings differ and nobody decided`).toEqual(lists(r));
        continue;
      }
      expect(row.text).toBe(r.text);
      expect(lists(row.second)).toEqual(lists(r));
      expect(lists(row.first), `${r.doc} #${r.i}: no disagreement to settle`).not.toEqual(lists(r));
      expect(lists(gold), `${r.doc} #${r.i}: the gold is not the decision`).toEqual(lists(row.decided));
      expect(row.why.trim().length).toBeGreaterThan(0);
    }
    expect(adjudication.rows.every((r) => second.sentences.some((s) => s.doc === r.doc && s.i === r.i))).toBe(true);
  });
});

describe('places spanning districts', () => {
  const extents = readJson<{ zones: Array<{ id: string; hosts?: string[]; parts?: Array<{ hosts: string[] }> }> }>('geo/schematic-extents.json');

  it('lists as hosts the districts its schematic extent is drawn in, main host first (its district)', () => {
    for (const z of extents.zones) {
      const p = byId.get(z.id)!;
      const drawnIn = new Set([...(z.hosts ?? []), ...(z.parts ?? []).flatMap((x) => x.hosts)]);
      const hosts = p.hosts ?? [p.district!];
      expect(new Set(hosts), z.id).toEqual(drawnIn);
      expect(hosts[0], z.id).toBe(p.district);
    }
  });

  it('gives the city-wide zone (中关村示范区) no host district, and every host is a district', () => {
    expect(byId.get('zgc-nidz')!.hosts).toEqual([]);
    for (const p of gaz.places) for (const h of p.hosts ?? []) expect(DISTRICTS, p.id).toContain(h);
  });
});
