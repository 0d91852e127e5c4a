/** The document filter: which documents a filter lets count, and how a link carries it. */
import { describe, expect, it } from 'vitest';
import { matchesFilter, matchingDocs, publishers, sameFilter } from '../../../src/app/state/doc-filter.ts';
import { formatState, parseState, type Known } from '../../../src/app/state/url-state.ts';
import { DEFAULT_STATE, type DocFilter } from '../../../src/app/state/state.ts';
import type { DocumentRecord } from '../../../src/types.ts';

const doc = (id: string, publisher: string, date: string, script: DocumentRecord['script'] = 'zhHans'): DocumentRecord =>
  ({ id, file: `${id}.txt`, title: id, publisher, date, script, bodySource: 'manifest', bodyStart: 0, bodyEnd: 1, length: 1 });
const docs = [doc('a', '人民网', '2021-03-15'), doc('b', '人民网', '2023'), doc('c', '北京市人民政府', '2021-01', 'zhHant'), doc('d', '新华网', '')];
const f = (x: Partial<DocFilter>): DocFilter => ({ publisher: null, from: null, to: null, script: null, ...x });

describe('matchesFilter', () => {
  it('selects by publisher and script, exactly', () => {
    expect(matchingDocs(docs, f({ publisher: '人民网' }))).toEqual(['a', 'b']);
    expect(matchingDocs(docs, f({ script: 'zhHant' }))).toEqual(['c']);
    expect(matchingDocs(docs, f({ publisher: '人民' }))).toEqual([]);
    expect(matchingDocs(docs, null)).toEqual(['a', 'b', 'c', 'd']);
  });

  it('reads partial dates as the span they mean: a range overlapping it lets the document count', () => {
    expect(matchingDocs(docs, f({ from: '2021-03' }))).toEqual(['a', 'b']);
    expect(matchingDocs(docs, f({ from: '2021-02' }))).toEqual(['a', 'b']);
    expect(matchingDocs(docs, f({ to: '2021' }))).toEqual(['a', 'c']);
    expect(matchingDocs(docs, f({ to: '2021-02' }))).toEqual(['c']);
    expect(matchingDocs(docs, f({ from: '2023-12-31' }))).toEqual(['b']);
    expect(matchingDocs(docs, f({ from: '2024' }))).toEqual([]);
    expect(matchingDocs(docs, f({ from: '2021', to: '2021-12-31', publisher: '人民网' }))).toEqual(['a']);
  });

  it('lets an undated document count only when no date is asked', () => {
    expect(matchesFilter(docs[3], f({ publisher: '新华网' }))).toBe(true);
    expect(matchesFilter(docs[3], f({ from: '2000' }))).toBe(false);
  });

  it('lists publishers once, in order; compares filters by value', () => {
    expect(publishers(docs)).toEqual(['人民网', '北京市人民政府', '新华网']);
    expect(sameFilter(f({ from: '2021' }), f({ from: '2021' }))).toBe(true);
    expect(sameFilter(f({ from: '2021' }), null)).toBe(false);
    expect(sameFilter(null, null)).toBe(true);
  });
});

describe('the filter in the URL', () => {
  const known: Known = { places: new Set(), topics: new Set(), docs: new Set(), factDoc: () => undefined };
  it('round-trips, and an empty filter is no filter', () => {
    const filter = f({ publisher: 'A & B 人民网', from: '2021-06', to: '2025', script: 'zhHant' });
    const hash = formatState({ ...DEFAULT_STATE, filter });
    expect(hash).toBe('pub=A+%26+B+%E4%BA%BA%E6%B0%91%E7%BD%91&from=2021-06&to=2025&script=zhHant');
    expect(parseState(`#${hash}`, known)).toEqual({ state: { ...DEFAULT_STATE, filter }, notices: [] });
    expect(parseState('#pub=&from=', known).state.filter).toBeNull();
  });

  it('ignores a value that cannot be a filter, with a notice each, keeping the rest', () => {
    const { state, notices } = parseState('#from=2021-13&to=yesterday&script=latin&pub=%E4%BA%BA%0A&place=x', known);
    expect(state.filter).toBeNull();
    expect(notices.filter((n) => n.key === 'badFilter').map((n) => n.value)).toEqual(['人', '2021-13', 'yesterday', 'latin']);
    expect(parseState('#from=2021&to=2021-13', known).state.filter).toEqual(f({ from: '2021' }));
    expect(parseState(`#pub=${'x'.repeat(101)}`, known).notices.map((n) => n.key)).toEqual(['badFilter']);
  });
});
