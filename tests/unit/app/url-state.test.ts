import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { formatState, parseState, type Known } from '../../../src/app/state/url-state.ts';
import { DEFAULT_STATE, LAYER_IDS, type AtlasState } from '../../../src/app/state/state.ts';

const known: Known = {
  places: new Set(['haidian', 'fengtai', 'huairou-science-city']),
  topics: new Set(['ai', 'quantum', 'biomed']),
  docs: new Set(['000', '004']),
  factDoc: (id) => (id === '004-abc' ? '004' : id === '000-xyz' ? '000' : undefined),
  tours: new Map([['default', 12]]),
};
const parse = (hash: string) => parseState(hash, known);

describe('parseState', () => {
  it('gives the default view for an empty hash', () => {
    expect(parse('')).toEqual({ state: DEFAULT_STATE, notices: [] });
    expect(parse('#')).toEqual({ state: DEFAULT_STATE, notices: [] });
  });

  it('reads selection, layers, topic, language and camera', () => {
    const { state, notices } = parse('#place=haidian&layers=districts,jjj&topic=ai&lang=en&cam=116.3,40.01,9.5');
    expect(notices).toEqual([]);
    expect(state).toMatchObject({ place: 'haidian', layers: ['districts', 'jjj'], topic: 'ai', lang: 'en', camera: { lng: 116.3, lat: 40.01, zoom: 9.5 } });
  });

  it('keeps layers in their canonical order whatever the link says', () => {
    expect(parse('#layers=jjj,districts').state.layers).toEqual(['districts', 'jjj']);
  });

  it('reads an empty layer list as "no layers", not as the default', () => {
    expect(parse('#layers=').state.layers).toEqual([]);
  });

  it('ignores an unknown place with a notice and keeps the rest', () => {
    const { state, notices } = parse('#place=atlantis&topic=ai');
    expect(state.place).toBeNull();
    expect(state.topic).toBe('ai');
    expect(notices).toEqual([{ key: 'unknownPlace', value: 'atlantis' }]);
  });

  it('drops unknown layers, topics, languages and impossible cameras, each with a notice', () => {
    const { state, notices } = parse('#layers=districts,ufo&topic=magic&lang=fr&cam=500,40,9');
    expect(state).toMatchObject({ layers: ['districts'], topic: null, lang: 'zh', camera: null });
    expect(notices.map((n) => n.key)).toEqual(['unknownLayer', 'unknownTopic', 'unknownLang', 'badCamera']);
  });

  it('opens the reader at a fact and infers its document', () => {
    expect(parse('#fact=004-abc').state).toMatchObject({ doc: '004', fact: '004-abc' });
    const mismatch = parse('#doc=000&fact=004-abc');
    expect(mismatch.state).toMatchObject({ doc: '000', fact: null });
    expect(mismatch.notices).toEqual([{ key: 'unknownFact', value: '004-abc' }]);
  });

  it('opens a presentation at a step, and falls back to step 1 for a step out of range', () => {
    expect(parse('#tour=default&step=5').state).toMatchObject({ tour: 'default', step: 5 });
    const bad = parse('#tour=default&step=99');
    expect(bad.state).toMatchObject({ tour: 'default', step: 1 });
    expect(bad.notices).toEqual([{ key: 'badStep', value: '99' }]);
    expect(parse('#tour=nope&step=2')).toMatchObject({ state: { tour: null, step: null }, notices: [{ key: 'unknownTour', value: 'nope' }] });
  });

  it('opens the charts or documents view, ignoring other views', () => {
    expect(parse('#view=charts').state.view).toBe('charts');
    expect(parse('#view=maze')).toMatchObject({ state: { view: null }, notices: [{ key: 'unknownView', value: 'maze' }] });
  });

  it('takes the first of repeated keys', () => {
    expect(parse('#place=fengtai&place=haidian').state.place).toBe('fengtai');
  });

  it('keeps unknown keys for the round trip', () => {
    const { state } = parse('#place=haidian&future=1&theme2=3');
    expect(state.extra).toEqual([['future', '1'], ['theme2', '3']]);
    expect(formatState(state)).toBe('place=haidian&future=1&theme2=3');
  });

  it('clips very long rejected values in notices', () => {
    const { notices } = parse(`#place=${'x'.repeat(10_000)}`);
    expect(notices[0].value.length).toBeLessThanOrEqual(201);
  });
});

describe('formatState', () => {
  it('writes nothing for the default view', () => {
    expect(formatState(DEFAULT_STATE)).toBe('');
  });

  it('writes keys in a fixed order with readable commas', () => {
    const s: AtlasState = { ...DEFAULT_STATE, place: 'haidian', layers: ['districts', 'jjj'], topic: 'ai', lang: 'en', camera: { lng: 116.38123456, lat: 39.9, zoom: 8.123 } };
    expect(formatState(s)).toBe('place=haidian&layers=districts,jjj&topic=ai&lang=en&cam=116.3812,39.9,8.12');
  });
});

// Generators for valid states, and for arbitrary (hostile) hashes.
const validState = fc.record({
  place: fc.constantFrom(null, ...known.places),
  layers: fc.subarray([...LAYER_IDS]),
  topic: fc.constantFrom(null, 'ai', 'quantum', 'biomed'),
  lang: fc.constantFrom('zh', 'en'),
  camera: fc.option(fc.record({ lng: fc.integer({ min: 1100000, max: 1300000 }).map((x) => x / 10000), lat: fc.integer({ min: 300000, max: 450000 }).map((x) => x / 10000), zoom: fc.integer({ min: 300, max: 1600 }).map((x) => x / 100) }), { nil: null }),
  doc: fc.constant(null),
  fact: fc.constant(null),
  tour: fc.constant(null),
  step: fc.constant(null),
  view: fc.constantFrom(null, 'charts', 'docs'),
  extra: fc.constant([] as Array<[string, string]>),
}) as fc.Arbitrary<AtlasState>;

const hostileHash = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 300 }),
  fc.string({ unit: 'binary', maxLength: 300 }),
  fc.array(fc.tuple(fc.constantFrom('place', 'layers', 'topic', 'lang', 'cam', 'doc', 'fact', 'tour', 'step', 'view', 'x', '', '%', '&'), fc.string({ unit: 'grapheme', maxLength: 60 })), { maxLength: 20 }).map((kv) => '#' + kv.map(([k, v]) => `${k}=${v}`).join('&')),
  fc.constantFrom('#%', '#%E0%A4%A', '#place=%ZZ', '#cam=NaN,NaN,NaN', '#cam=1e400,1,1', '#layers=,,,,', `#${'&'.repeat(5000)}`, '#place=haidian'.repeat(2000), '#lang=\u202Een', '#place=\u0000'),
);

describe('URL state properties', () => {
  it('round-trips every valid state', () => {
    fc.assert(
      fc.property(validState, (s) => {
        expect(parse(formatState(s)).state).toEqual(s);
      }),
      { numRuns: 2000 },
    );
  });

  it('never throws on any hash, and always yields a valid state whose format is stable', () => {
    fc.assert(
      fc.property(hostileHash, (hash) => {
        const { state } = parse(hash);
        expect(state.place === null || known.places.has(state.place)).toBe(true);
        expect(state.layers.every((l) => (LAYER_IDS as readonly string[]).includes(l))).toBe(true);
        expect(state.topic === null || known.topics.has(state.topic)).toBe(true);
        expect(['zh', 'en']).toContain(state.lang);
        if (state.camera) expect(Object.values(state.camera).every(Number.isFinite)).toBe(true);
        expect(state.tour === null ? state.step === null : state.step! >= 1 && state.step! <= 12).toBe(true);
        const again = formatState(parse(formatState(state)).state);
        expect(again).toBe(formatState(state));
      }),
      { numRuns: 3000 },
    );
  });
});
