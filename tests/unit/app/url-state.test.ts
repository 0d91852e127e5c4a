import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { excerpt, formatState, groupNotices, MAX_EXCERPT, parseState, type Known } from '../../../src/app/state/url-state.ts';
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
  filter: fc.option(
    fc.record({
      publisher: fc.option(fc.oneof(fc.constantFrom('人民网', 'A & B', '北京市人民政府'), fc.string({ unit: 'grapheme', minLength: 1, maxLength: 30 }).filter((x) => !/\p{Cc}/u.test(x))), { nil: null }),
      from: fc.option(fc.constantFrom('2021', '2021-06', '2020-01-31'), { nil: null }),
      to: fc.option(fc.constantFrom('2025', '2025-12', '2024-02-29'), { nil: null }),
      script: fc.constantFrom(null, 'zhHans', 'zhHant'),
    }).filter((f) => Object.values(f).some((v) => v !== null)),
    { nil: null },
  ),
  extra: fc.constant([] as Array<[string, string]>),
}) as fc.Arbitrary<AtlasState>;

const hostileHash = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 300 }),
  fc.string({ unit: 'binary', maxLength: 300 }),
  fc.array(fc.tuple(fc.constantFrom('place', 'layers', 'topic', 'lang', 'cam', 'doc', 'fact', 'tour', 'step', 'view', 'pub', 'from', 'to', 'script', 'x', '', '%', '&'), fc.string({ unit: 'grapheme', maxLength: 60 })), { maxLength: 20 }).map((kv) => '#' + kv.map(([k, v]) => `${k}=${v}`).join('&')),
  fc.constantFrom('#%', '#%E0%A4%A', '#place=%ZZ', '#cam=NaN,NaN,NaN', '#cam=1e400,1,1', '#layers=,,,,', `#${'&'.repeat(5000)}`, '#place=haidian'.repeat(2000), '#lang=\u202Een', '#place=\u0000'),
);

/** Every invariant a parsed state must hold, whatever the hash was. */
function expectValid(state: AtlasState, notices: Array<{ key: string; value: string }>) {
  expect(Object.keys(state).sort()).toEqual(Object.keys(DEFAULT_STATE).sort());
  expect(state.place === null || known.places.has(state.place)).toBe(true);
  expect(state.layers).toEqual(LAYER_IDS.filter((l) => state.layers.includes(l))); // known, canonical order, no repeats
  expect(state.topic === null || known.topics.has(state.topic)).toBe(true);
  expect(['zh', 'en']).toContain(state.lang);
  if (state.camera) {
    const { lng, lat, zoom } = state.camera;
    expect([lng, lat, zoom].every(Number.isFinite) && lng >= 100 && lng <= 135 && lat >= 25 && lat <= 50 && zoom >= 3 && zoom <= 16).toBe(true);
  }
  expect(state.doc === null || known.docs.has(state.doc)).toBe(true);
  expect(state.fact === null || known.factDoc(state.fact) === state.doc).toBe(true);
  expect(state.tour === null ? state.step === null : Number.isInteger(state.step) && state.step! >= 1 && state.step! <= known.tours!.get(state.tour)!).toBe(true);
  expect([null, 'charts', 'docs']).toContain(state.view);
  const extraKeys = state.extra.map(([k]) => k);
  expect(new Set(extraKeys).size).toBe(extraKeys.length);
  expect(extraKeys.some((k) => ['place', 'layers', 'topic', 'lang', 'cam', 'doc', 'fact', 'tour', 'step', 'view'].includes(k))).toBe(false);
  for (const n of notices) expect(n.value.length).toBeLessThanOrEqual(201);
  // Stable once formatted: what the app writes back into the URL parses to the same state.
  const formatted = formatState(state);
  expect(formatState(parse(formatted).state)).toBe(formatted);
}

const KEYS = ['place', 'layers', 'topic', 'lang', 'cam', 'doc', 'fact', 'tour', 'step', 'view', 'pub', 'from', 'to', 'script'] as const;
/** Text meant to break things: bidi controls, lone surrogates, NUL, RTL and astral characters, URL syntax. */
const nasty = fc.constantFrom('\u202E', '\u2066', '\u200F', '\uD800', '\uDFFF', '\u0000', '\uFEFF', 'ש', '𠀀', '😀', '%', '%00', '%E2%80%AE', '%F0%9F', '+', '&', '=', '#', '?', ',', ' ', '\n', '<script>', '..', '／');
const unicodeValue = fc.array(fc.oneof(nasty, fc.string({ unit: 'grapheme', maxLength: 4 }), fc.string({ unit: 'binary', maxLength: 4 })), { maxLength: 12 }).map((xs) => xs.join(''));
/** Values close to the known ones that are not them: case, spacing, fullwidth, suffixes, percent-encoding. */
const nearMiss = (ids: readonly string[]) =>
  fc.tuple(fc.constantFrom(...ids), fc.constantFrom('upper', 'space', 'suffix', 'prefix', 'fullwidth', 'encoded', 'exact')).map(([id, how]) => {
    switch (how) {
      case 'upper': return id.toUpperCase();
      case 'space': return ` ${id}`;
      case 'suffix': return `${id}x`;
      case 'prefix': return `x${id}`;
      case 'fullwidth': return id.replace(/[a-z0-9]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));
      case 'encoded': return id.replace(/[a-z]/, (c) => `%${c.charCodeAt(0).toString(16)}`); // decodes to the id itself
      default: return id;
    }
  });
/** The first value the platform's own parser gives for a key (the oracle for "first of repeated keys"). */
const firstOf = (hash: string, key: string) => new URLSearchParams(hash.slice(1)).get(key);
const enc = (v: string) => v.replace(/[%&#=+]/g, (c) => encodeURIComponent(c));

describe('URL state: hostile hashes, kind by kind', () => {
  it('long: values of up to 100 000 characters and thousands of pairs', () => {
    const longHash = fc.oneof(
      fc.tuple(fc.constantFrom(...KEYS), fc.integer({ min: 1000, max: 100_000 }), fc.constantFrom('x', '海', '\u202E', '%', ',', '1')).map(([k, n, c]) => `#${k}=${c.repeat(n)}`),
      fc.tuple(fc.integer({ min: 500, max: 5000 }), fc.constantFrom(...KEYS, 'extra')).map(([n, k]) => `#${Array.from({ length: n }, (_, i) => `${k}${i % 7 === 0 ? '' : i}=${i}`).join('&')}`),
    );
    fc.assert(fc.property(longHash, (hash) => {
      const { state, notices } = parse(hash);
      expectValid(state, notices);
    }), { numRuns: 200 });
  }, 30_000);

  it('unicode: bidi controls, lone surrogates, NUL, astral characters and broken percent-escapes in every key', () => {
    const hash = fc.array(fc.tuple(fc.constantFrom(...KEYS), unicodeValue), { minLength: 1, maxLength: 10 })
      .map((kv) => `#${kv.map(([k, v]) => `${k}=${v}`).join('&')}`);
    fc.assert(fc.property(hash, (h) => {
      const { state, notices } = parse(h);
      expectValid(state, notices);
    }), { numRuns: 2000 });
  }, 30_000);

  it('repeated keys: the first occurrence decides, later ones are ignored', () => {
    const values = { place: [...known.places, 'atlantis'], topic: [...known.topics, 'magic'], lang: ['zh', 'en', 'fr'], view: ['charts', 'docs', 'maze'], doc: [...known.docs, '999'] };
    const repeated = fc.tuple(
      fc.constantFrom(...(Object.keys(values) as Array<keyof typeof values>)),
      fc.integer({ min: 2, max: 10 }),
    ).chain(([key, n]) => fc.tuple(fc.constant(key), fc.array(fc.constantFrom(...values[key]), { minLength: n, maxLength: n })));
    fc.assert(fc.property(repeated, ([key, vs]) => {
      const hash = `#${vs.map((v) => `${key}=${v}`).join('&')}`;
      const { state, notices } = parse(hash);
      expectValid(state, notices);
      const first = vs[0];
      const isKnown = key === 'lang' ? first !== 'fr' : key === 'view' ? first !== 'maze' : (values[key] as string[]).indexOf(first) < values[key].length - 1;
      const fallback = key === 'lang' ? 'zh' : null;
      expect(state[key]).toBe(isKnown ? first : fallback);
      expect(notices.length).toBe(isKnown ? 0 : 1);
    }), { numRuns: 1000 });
  }, 30_000);

  it('unknown places, topics, documents, facts, tours and views: dropped with a notice naming the value', () => {
    const cases = fc.oneof(
      nearMiss([...known.places]).map((v) => ['place', v, known.places.has(v), 'unknownPlace'] as const),
      nearMiss([...known.topics]).map((v) => ['topic', v, known.topics.has(v), 'unknownTopic'] as const),
      nearMiss([...known.docs]).map((v) => ['doc', v, known.docs.has(v), 'unknownDoc'] as const),
      nearMiss(['004-abc', '000-xyz']).map((v) => ['fact', v, known.factDoc(v) !== undefined, 'unknownFact'] as const),
      nearMiss(['default']).map((v) => ['tour', v, v === 'default', 'unknownTour'] as const),
      nearMiss(['charts', 'docs']).map((v) => ['view', v, v === 'charts' || v === 'docs', 'unknownView'] as const),
    );
    fc.assert(fc.property(cases, fc.option(unicodeValue, { nil: undefined }), ([key, raw, _k, noticeKey], noise) => {
      const hash = `#${key}=${raw}${noise === undefined ? '' : `&noise=${enc(noise)}`}`;
      const value = firstOf(hash, key)!; // what the value decodes to ('%61' is 'a')
      const isKnown = key === 'place' ? known.places.has(value) : key === 'topic' ? known.topics.has(value) : key === 'doc' ? known.docs.has(value)
        : key === 'fact' ? known.factDoc(value) !== undefined : key === 'tour' ? value === 'default' : value === 'charts' || value === 'docs';
      const { state, notices } = parse(hash);
      expectValid(state, notices);
      const got = key === 'fact' ? state.fact : key === 'tour' ? state.tour : state[key];
      expect(got).toBe(isKnown ? value : null);
      expect(notices).toEqual(isKnown ? [] : [{ key: noticeKey, value: excerpt(value) }]);
    }), { numRuns: 2000 });
  }, 30_000);

  it('unknown steps: only 1 to the number of steps, written as plain digits, is a step; anything else is step 1 with a notice', () => {
    const step = fc.oneof(
      fc.integer({ min: -20, max: 40 }).map(String),
      fc.constantFrom('', '0', '00', '01', '012', '1.5', '1e1', '0x3', '+3', ' 3', '3 ', '３', '٣', '1,2', 'NaN', 'Infinity', '99999', '-0', '\u202E3'),
      unicodeValue,
    );
    fc.assert(fc.property(step, (raw) => {
      const hash = `#tour=default&step=${enc(raw)}`;
      const value = firstOf(hash, 'step')!;
      const { state, notices } = parse(hash);
      expectValid(state, notices);
      const n = /^[0-9]{1,4}$/.test(value) ? Number(value) : NaN;
      const ok = n >= 1 && n <= 12;
      expect(state).toMatchObject({ tour: 'default', step: ok ? n : 1 });
      expect(notices).toEqual(ok ? [] : [{ key: 'badStep', value: excerpt(value) }]);
    }), { numRuns: 1000 });
  }, 30_000);
});

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
        const { state, notices } = parse(hash);
        expectValid(state, notices);
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
  }, 30_000);
});

describe('notices from a link', () => {
  it('quote at most a short excerpt of the link, on one line', () => {
    const { notices } = parse(`#place=${encodeURIComponent('Your session has expired.\nCall +86 10 5555 0000 now')}`);
    expect(notices).toEqual([{ key: 'unknownPlace', value: 'Your session has expired…' }]);
    expect(excerpt('a\u0000b\u2028c\td')).toBe('a b c d');
    expect([...excerpt('𠀀'.repeat(100))]).toHaveLength(MAX_EXCERPT + 1);
    expect(excerpt('𠀀'.repeat(100)).endsWith('𠀀…')).toBe(true);
  });

  it('group 500 unknown layers into one notice that counts the rest', () => {
    const names = Array.from({ length: 500 }, (_, i) => `l${i}`).join(',');
    const { notices } = parse(`#layers=districts,${names}&topic=magic&place=nowhere`);
    expect(notices).toHaveLength(502);
    expect(groupNotices(notices)).toEqual([
      { key: 'unknownPlace', value: 'nowhere', more: 0 },
      { key: 'unknownLayer', value: 'l0', more: 499 },
      { key: 'unknownTopic', value: 'magic', more: 0 },
    ]);
  });

  it('never give more notices than there are causes, whatever the link', () => {
    fc.assert(fc.property(fc.string({ maxLength: 3000 }), (hash) => {
      const grouped = groupNotices(parse(`#${hash}`).notices);
      expect(new Set(grouped.map((n) => n.key)).size).toBe(grouped.length);
      expect(grouped.length).toBeLessThanOrEqual(10);
      for (const n of grouped) expect([...n.value].length).toBeLessThanOrEqual(MAX_EXCERPT + 1);
    }), { numRuns: 500 });
  });
});
