/**
 * The national division table (geo/divisions.json) as the geoparser reads it: every unit with
 * its level and region code, and the short form a text may use for it (长春 for 长春市, 朝阳 for
 * 朝阳区, 良乡 for 良乡地区). Region codes nest by prefix: province 22 ⊃ prefecture 2201 ⊃ county
 * 220104; a town's region is its county's code.
 */

export type DivisionLevel = 1 | 2 | 3 | 4;

export interface Division {
  /** The code for provinces, prefectures and counties; `<county>/<name>` for towns. */
  id: string;
  name: string;
  level: DivisionLevel;
  region: string;
}

export interface Divisions {
  units: Division[];
  /** Provinces, prefectures and counties by code (towns have no code of their own here). */
  byCode: Map<string, Division>;
}

export const BEIJING = '11';

export const isBeijingRegion = (region: string) => region.startsWith(BEIJING);
/** Two regions are compatible when one contains the other. */
export const compatible = (a: string, b: string) => a.startsWith(b) || b.startsWith(a);

// The 56 recognised ethnic groups, as they appear in autonomous unit names (with or without 族).
const ETHNIC = '蒙古|回|藏|维吾尔|苗|彝|壮|布依|朝鲜|满|侗|瑶|白|土家|哈尼|哈萨克|傣|黎|傈僳|佤|畲|高山|拉祜|水|东乡|纳西|景颇|柯尔克孜|土|达斡尔|仫佬|羌|布朗|撒拉|毛南|仡佬|锡伯|阿昌|普米|塔吉克|怒|乌孜别克|俄罗斯|鄂温克|德昂|保安|裕固|京|塔塔尔|独龙|鄂伦春|赫哲|门巴|珞巴|基诺';
// A one-character people's name only counts with 族 (大理白族自治州), lest 西藏 lose 藏 or 丽水 its 水.
const ETHNIC_TAIL = new RegExp(`(?:(?:${ETHNIC.split('|').filter((e) => e.length > 1).join('|')})族?|(?:${ETHNIC.split('|').filter((e) => e.length === 1).join('|')})族)+$`);

/** Suffixes a text drops when it names the unit by its short form, by level, longest first. */
const SUFFIXES: Record<DivisionLevel, string[]> = {
  1: ['特别行政区', '自治区', '省', '市'],
  2: ['自治州', '地区', '盟', '市'],
  3: ['自治县', '自治旗', '新区', '林区', '特区', '区', '县', '市', '旗'],
  4: ['街道办事处', '地区办事处', '办事处', '民族乡', '街道', '地区', '苏木', '镇', '乡'],
};
/** County-level units that are zones, not places with a short name (长春经济技术开发区). */
const NO_SHORT = ['开发区', '管理区', '园区', '示范区', '工业区', '矿区', '农场', '林场'];

/** The short form of a unit's name, or null when it has none of at least two characters. */
export function shortForm(name: string, level: DivisionLevel): string | null {
  // String tests, not regular expressions: this runs for every unit of the country on each run.
  if (NO_SHORT.some((x) => name.endsWith(x))) return null;
  const suffix = SUFFIXES[level].find((x) => name.endsWith(x));
  if (!suffix) return null;
  let short = name.slice(0, -suffix.length);
  // 延边朝鲜族自治州 → 延边; 大厂回族自治县 → 大厂: an autonomous unit drops its peoples too.
  if (suffix.startsWith('自治') || suffix === '民族乡' || short.endsWith('族')) {
    const bare = short.replace(ETHNIC_TAIL, '');
    if (bare.length >= 2) short = bare;
  }
  return short.length >= 2 ? short : null;
}

const isRows = (x: unknown): x is Array<[string, string]> =>
  Array.isArray(x) && x.every((r) => Array.isArray(r) && r.length === 2 && typeof r[0] === 'string' && typeof r[1] === 'string');

/** Reads the file's JSON; throws an Error naming what is wrong (the CLI adds the file name). */
export function parseDivisions(json: unknown): Divisions {
  const f = json as Record<string, unknown> | null;
  if (!f || typeof f !== 'object') throw new Error('not an object');
  const units: Division[] = [];
  const levels: Array<[string, DivisionLevel, number]> = [['provinces', 1, 2], ['cities', 2, 4], ['counties', 3, 6]];
  for (const [field, level, length] of levels) {
    const rows = f[field];
    if (!isRows(rows) || rows.length === 0) throw new Error(`"${field}" is not a list of [code, name] rows`);
    for (const [code, name] of rows) {
      if (code.length !== length || !/^\d+$/.test(code)) throw new Error(`"${field}": bad code ${code}`);
      units.push({ id: code, name, level, region: code });
    }
  }
  if (!isRows(f.towns)) throw new Error('"towns" is not a list of [county code, names] rows');
  for (const [county, names] of f.towns) {
    for (const name of names.split(' ')) if (name) units.push({ id: `${county}/${name}`, name, level: 4, region: county });
  }
  return { units, byCode: new Map(units.filter((u) => u.level < 4).map((u) => [u.id, u])) };
}
