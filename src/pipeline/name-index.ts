/**
 * Every name a text may use for a place, with every thing it could mean: the project's
 * gazetteer (places and group terms) and, competing with it, the national division table. One
 * key (the normalised name) can have several referents — 朝阳区 is Beijing's district and a
 * district of 长春 — and resolve-mentions.ts chooses among them by evidence.
 *
 * What goes in from the national table: every province, prefecture and county by full and short
 * name; every Beijing town by full and short name (so 良乡 reaches 房山区); and the towns
 * elsewhere that compete with a Beijing name (their full name contains one: 朝阳镇, 东城街道; or
 * their short form equals one: 东升 of 东升镇). A division that is the same unit as a gazetteer
 * place with the same name (朝阳区 110105 and `chaoyang`) is folded into the place.
 */
import type { Gazetteer, Place } from '../types.ts';
import { AhoCorasick } from './aho-corasick.ts';
import { BEIJING, compatible, isBeijingRegion, shortForm, type Division, type Divisions } from './divisions.ts';
import { normaliseKey } from './normalise-key.ts';

export type Referent =
  | {
    type: 'place'; id: string; region: string; generic: boolean;
    /** Named by a Beijing town's name (燕园, 中关村, 天竺): as weak as the town's own name. */
    town?: boolean;
  }
  | { type: 'group'; term: string; members: string[]; region: string; generic: boolean }
  | { type: 'division'; unit: Division; short: boolean };

interface Rule {
  notAfter: string[];
  notBefore: string[];
}

export interface NameIndex {
  ac: AhoCorasick;
  keys: string[];
  /** Per key: what it can mean. */
  referents: Referent[][];
  /** Gazetteer ambiguity rules by key. */
  rules: Map<string, Rule[]>;
  /** Region code of every gazetteer place ('' when it has none: abroad). */
  regionOf: Map<string, string>;
  kindOf: Map<string, Place['kind']>;
  /** Key → its index in `keys`. */
  keyIndex: Map<string, number>;
}

const keys = new Map<string, string>();
/** A name's matching key (memoised: the index asks for the same names several times). */
export const keyOf = (s: string) => {
  let k = keys.get(s);
  if (k === undefined) keys.set(s, (k = normaliseKey(s).key));
  return k;
};
/** One-character names would match everywhere. */
const MIN_KEY = 2;

export const regionOfReferent = (r: Referent): string => (r.type === 'division' ? r.unit.region : r.region);

/** A gazetteer place's region: its own division code, else its district's, else its parent's; Beijing by default. */
function placeRegions(places: Place[]): Map<string, string> {
  const byId = new Map(places.map((p) => [p.id, p]));
  const out = new Map<string, string>();
  const regionOf = (p: Place, depth: number): string => {
    const known = out.get(p.id);
    if (known !== undefined) return known;
    const via = (id: string | undefined) => {
      const q = id && id !== p.id ? byId.get(id) : undefined;
      return q && depth < 8 ? regionOf(q, depth + 1) : null;
    };
    const r = p.division ?? via(p.district) ?? via(p.parent) ?? (p.kind === 'foreign' ? '' : BEIJING);
    out.set(p.id, r);
    return r;
  };
  for (const p of places) regionOf(p, 0);
  return out;
}

/** Every name of a division as a text may write it: the full name and its short form. */
function divisionNames(u: Division): Array<{ name: string; short: boolean }> {
  const short = shortForm(u.name, u.level);
  if (!short) return [{ name: u.name, short: false }];
  // Beijing's 地区 units were townships and are still written so (东升地区: 东升镇, 东升乡).
  const township = u.level === 4 && u.name.endsWith('地区') && isBeijingRegion(u.region) ? [`${short}镇`, `${short}乡`] : [];
  return [{ name: u.name, short: false }, { name: short, short: true }, ...township.map((name) => ({ name, short: false }))];
}

/** Park names are written with and without 区: 丰台科技园 and 丰台科技园区 are one park. */
function parkVariants(name: string): string[] {
  if (/(?:科技|产业|工业)园$/.test(name)) return [name, `${name}区`];
  if (/(?:科技|产业|工业)园区$/.test(name)) return [name, name.slice(0, -1)];
  return [name];
}

export function buildNameIndex(g: Gazetteer, d: Divisions): NameIndex {
  const regionOf = placeRegions(g.places);
  const byKey = new Map<string, Referent[]>();
  // The division table is written in Simplified, half-width characters: its names are their own
  // keys (normalising 80,000 of them would cost a second per run).
  const add = (name: string, r: Referent) => {
    const k = r.type === 'division' ? name : keyOf(name);
    if (k.length < MIN_KEY) return;
    const list = byKey.get(k) ?? [];
    byKey.set(k, list);
    // Both scripts of a name share one key: one referent per place or group.
    const same = (x: Referent) => (x.type === 'place' && r.type === 'place' && x.id === r.id) || (x.type === 'group' && r.type === 'group' && x.term === r.term);
    if (r.type === 'division' || !list.some(same)) list.push(r);
  };

  // Which division names occur only in Beijing: a Beijing place whose name contains one of
  // them (中关村科学城 contains 中关村, a street of 海淀) locates itself; others (未来科学城, 经开区,
  // 百度) are generic and need the document to be about Beijing.
  // Only a town's short form is weak enough to be shadowed by other towns' short forms (东升 of
  // 东升地区 and of 东升镇 elsewhere); 北京 is not made ambiguous by 广州's 北京街道. Each map holds
  // the one province a name occurs in, or '*' for several.
  const names = d.units.map(divisionNames);
  const provinceOf = new Map<string, string>();
  const townProvinceOf = new Map<string, string>();
  const regionsOf = new Map<string, string[]>();
  d.units.forEach((u, i) => {
    const province = u.region.slice(0, 2);
    for (const { name, short } of names[i]) {
      const regions = regionsOf.get(name);
      if (regions) regions.push(u.region);
      else regionsOf.set(name, [u.region]);
      const table = short && u.level === 4 ? townProvinceOf : provinceOf;
      const known = table.get(name);
      table.set(name, known === undefined || known === province ? province : '*');
    }
  });
  const anchors = [...new Set([...provinceOf.keys(), ...townProvinceOf.keys()])].filter((name) => {
    const full = provinceOf.get(name);
    const town = townProvinceOf.get(name);
    return name.length >= MIN_KEY && (full === BEIJING || (full === undefined && town === BEIJING));
  });
  const anchorAc = new AhoCorasick(anchors);
  /** Beijing town names, full and short (良乡地区, 良乡, 燕园). */
  const beijingTownNames = new Set(d.units.flatMap((u, i) => (u.level === 4 && isBeijingRegion(u.region) ? names[i].map((n) => n.name) : [])));
  /** Names of Beijing's units above town level (北京, 大兴, 大兴区). */
  const aboveTowns = new Set(d.units.flatMap((u, i) => (u.level < 4 && isBeijingRegion(u.region) ? names[i].map((n) => n.name) : [])));
  const locatesItself = (key: string) => anchorAc.search(key).length > 0;
  // A place named by its own division's name (朝阳 for 朝阳区, 北京) is resolved by competing with
  // the namesakes instead; a place that merely shares a name with one (清华, of 清华镇) is generic.
  const ownDivisionName = (key: string, region: string) => (regionsOf.get(key) ?? []).some((r) => compatible(r, region));
  const generic = (name: string, region: string) => !locatesItself(keyOf(name)) && !ownDivisionName(keyOf(name), region);

  for (const p of g.places) {
    const region = regionOf.get(p.id)!;
    for (const name of new Set([p.names.zhHans, p.names.zhHant, ...p.aliases].flatMap(parkVariants))) {
      if (!name) continue;
      // A town's name that holds the name of a bigger Beijing unit (北京经济技术开发区 holds 北京) is no weak town name.
      const key = keyOf(name);
      const town = beijingTownNames.has(key) && !anchorAc.search(key).some((h) => aboveTowns.has(anchors[h.pattern]));
      add(name, { type: 'place', id: p.id, region, generic: generic(name, region), ...(town ? { town } : {}) });
    }
  }
  for (const gr of g.groups ?? []) {
    const regions = gr.members.map((id) => regionOf.get(id) ?? '');
    // The members' common region ('11' for 三城一区; '' for 京津冀, whose members are elsewhere).
    let region = regions[0] ?? '';
    for (const r of regions) while (!r.startsWith(region)) region = region.slice(0, -1);
    for (const name of new Set([gr.term, ...gr.aliases])) {
      if (name) add(name, { type: 'group', term: gr.term, members: gr.members, region, generic: generic(name, region) });
    }
  }

  // Divisions: all units above town level, Beijing's towns, and the towns elsewhere that compete
  // with a Beijing name (the gazetteer's, or a Beijing division's).
  const beijingKeys = new Set(byKey.keys());
  d.units.forEach((u, i) => {
    if (isBeijingRegion(u.region)) for (const { name } of names[i]) beijingKeys.add(name);
  });
  const beijingAc = new AhoCorasick([...beijingKeys]);
  d.units.forEach((u, i) => {
    for (const { name, short } of names[i]) {
      const competes = u.level < 4 || isBeijingRegion(u.region) || (short ? beijingKeys.has(name) : beijingAc.search(name).length > 0);
      if (competes) add(name, { type: 'division', unit: u, short });
    }
  });

  // Fold a division into a gazetteer place of the same name and region (the same unit), and a
  // division into another it contains by the same name (东莞市 the city and 东莞市 the county-level
  // unit its towns hang from): one referent, the most specific.
  for (const [k, list] of byKey) {
    const placeRegions = list.flatMap((r) => (r.type === 'place' ? [r.region] : []));
    const divisions = list.flatMap((r) => (r.type === 'division' ? [r.unit.region] : []));
    byKey.set(k, list.filter((r) => r.type !== 'division' || (
      !placeRegions.some((p) => compatible(p, r.unit.region))
      && !divisions.some((d) => d !== r.unit.region && d.startsWith(r.unit.region)))));
  }

  const keys = [...byKey.keys()];
  const rules = new Map<string, Rule[]>();
  for (const r of g.rules ?? []) {
    const k = keyOf(r.alias);
    const list = rules.get(k) ?? [];
    list.push({ notAfter: (r.notAfter ?? []).map(keyOf), notBefore: (r.notBefore ?? []).map(keyOf) });
    rules.set(k, list);
  }
  return {
    ac: new AhoCorasick(keys), keys, referents: keys.map((k) => byKey.get(k)!), rules, regionOf,
    kindOf: new Map(g.places.map((p) => [p.id, p.kind])), keyIndex: new Map(keys.map((k, i) => [k, i])),
  };
}
