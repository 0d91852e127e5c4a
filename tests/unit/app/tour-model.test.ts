import { describe, expect, it } from 'vitest';
import { indexFacts } from '../../../src/app/data/atlas-data.ts';
import { siteOf } from './site-fixtures.ts';
import { DataFileError } from '../../../src/app/data/fetch-data-file.ts';
import { fetchStory, parseStory } from '../../../src/app/features/tour/story.ts';
import { actionTarget, clampStep, keyAction, stepFit, stepLegend, stepState, stepView } from '../../../src/app/features/tour/tour-model.ts';
import { t } from '../../../src/app/i18n/strings.ts';
import type { FactsFile } from '../../../src/types.ts';

// Fact ids name their document (src/pipeline/fact-id.ts).
const [F1, F2, F3] = ['s-00000000f1', 't-00000000f2', 's-00000000f3'];
const place = (id: string) => ({ id, names: { zhHans: id, zhHant: id, en: id }, aliases: [], kind: 'district', factCount: 1, role: [], geometry: { type: 'boundary', layer: 'district', unit: id } });
const doc = (id: string, script: string) => ({ id, file: `${id}.txt`, title: `标题${id}`, publisher: '出版者', date: '2021', script, bodySource: 'manifest', bodyStart: 0, bodyEnd: 10, length: 10 });
const fact = (id: string, d: string, text: string) => ({ id, doc: d, start: 0, end: text.length, text, heading: false, places: [{ id: 'haidian', how: 'explicit' }], topics: ['ai'], figures: [] });
const file = {
  documents: [doc('s', 'zhHans'), doc('t', 'zhHant')],
  places: [place('haidian'), place('fengtai')],
  facts: [fact(F1, 's', '到2025年，基本形成。'), fact(F2, 't', '豐台區聚焦軌道交通。'), fact(F3, 's', '第三句。')],
} as unknown as FactsFile;
const data = indexFacts(file);
/** The first view's index (no sentences), which a story is checked against. */
const index = siteOf(file).index;

const tiny = {
  id: 'tiny',
  title: { zh: '小故事', en: 'A tiny story' },
  steps: [
    { title: { zh: '第一', en: 'One' }, fit: 'haidian', layers: ['sub-parks', 'districts'], topic: null, highlight: ['haidian', 'fengtai'], facts: [F1] },
    { title: { zh: '第二', en: 'Two' }, camera: { lng: 116.4, lat: 39.9, zoom: 9 }, layers: [], topic: 'ai', highlight: [], facts: [F2, F3] },
  ],
};
const story = parseStory(tiny, index);
const clone = () => JSON.parse(JSON.stringify(tiny));

describe('keyAction', () => {
  it('moves on with →, Space and PageDown', () => {
    for (const k of ['ArrowRight', ' ', 'PageDown']) expect(keyAction(k), k).toBe('next');
  });
  it('moves back with ← and PageUp (not Backspace)', () => {
    for (const k of ['ArrowLeft', 'PageUp']) expect(keyAction(k), k).toBe('prev');
    expect(keyAction('Backspace')).toBeNull();
  });
  it('goes to the first step with Home and the last with End', () => {
    expect(keyAction('Home')).toBe('first');
    expect(keyAction('End')).toBe('last');
  });
  it('goes to step N with digits 1–9, and to step 10 with 0', () => {
    for (let d = 1; d <= 9; d++) expect(keyAction(String(d))).toBe(`goto:${d}`);
    expect(keyAction('0')).toBe('goto:10');
  });
  it('toggles full screen with F, either case', () => {
    expect(keyAction('f')).toBe('fullscreen');
    expect(keyAction('F')).toBe('fullscreen');
  });
  it('leaves with Esc', () => {
    expect(keyAction('Escape')).toBe('exit');
    expect(keyAction('Esc')).toBe('exit');
  });
  it('ignores every other key', () => {
    for (const k of ['a', 'Enter', 'Tab', 'ArrowUp', 'ArrowDown', '+', '-', '10', '', 'Shift', 'F1']) expect(keyAction(k), k).toBeNull();
  });
});

describe('clampStep and actionTarget', () => {
  it('keeps step numbers whole and within 1…count', () => {
    expect(clampStep(3, 12)).toBe(3);
    expect(clampStep(0, 12)).toBe(1);
    expect(clampStep(-4, 12)).toBe(1);
    expect(clampStep(13, 12)).toBe(12);
    expect(clampStep(2.6, 12)).toBe(3);
    expect(clampStep(Number.NaN, 12)).toBe(1);
    expect(clampStep(Number.POSITIVE_INFINITY, 12)).toBe(1);
    expect(clampStep(5, 0)).toBe(1);
  });
  it('turns actions into target steps, or null when they lead nowhere', () => {
    expect(actionTarget('next', 3, 12)).toBe(4);
    expect(actionTarget('next', 12, 12)).toBeNull();
    expect(actionTarget('prev', 3, 12)).toBe(2);
    expect(actionTarget('prev', 1, 12)).toBeNull();
    expect(actionTarget('first', 5, 12)).toBe(1);
    expect(actionTarget('last', 5, 12)).toBe(12);
    expect(actionTarget('goto:10', 1, 12)).toBe(10);
    expect(actionTarget('goto:10', 1, 9)).toBeNull();
    expect(actionTarget('goto:4', 4, 12)).toBeNull();
    expect(actionTarget('exit', 4, 12)).toBeNull();
    expect(actionTarget('fullscreen', 4, 12)).toBeNull();
  });
});

describe('stepState and stepFit', () => {
  it('gives a fit step its layers (in LAYER_IDS order), topic, first highlight as the place, and no camera', () => {
    expect(stepState(story, 1)).toEqual({ tour: 'tiny', step: 1, layers: ['districts', 'sub-parks'], topic: null, place: 'haidian', camera: null });
    expect(stepFit(story, 1)).toBe('haidian');
  });
  it('gives a camera step its camera, and no place when nothing is highlighted', () => {
    expect(stepState(story, 2)).toEqual({ tour: 'tiny', step: 2, layers: [], topic: 'ai', place: null, camera: { lng: 116.4, lat: 39.9, zoom: 9 } });
    expect(stepFit(story, 2)).toBeNull();
  });
  it('clamps the step number', () => {
    expect(stepState(story, 99).step).toBe(2);
    expect(stepState(story, 0).step).toBe(1);
  });
});

describe('stepView', () => {
  it('shows the facts’ exact text, tagged by script, with citations and progress', () => {
    const v = stepView(story, data, 2, 'en');
    expect(v.title).toBe('Two');
    expect(v.progress).toBe('2 / 2');
    expect(v.progressText).toBe('Step 2 of 2');
    expect(v.announce).toBe('Step 2 of 2: Two');
    expect(v.isFirst).toBe(false);
    expect(v.isLast).toBe(true);
    expect(v.captions.map((c) => [c.text, c.lang])).toEqual([['豐台區聚焦軌道交通。', 'zh-Hant'], ['第三句。', 'zh-Hans']]);
    expect(v.captions[0].citation).toBe('“标题t”, 出版者, 2021');
    // The same citation with its published fields apart, for the view to tag.
    expect(v.captions[0].citationParts).toEqual(['“', { field: 'title', text: '标题t' }, '”, ', { field: 'publisher', text: '出版者' }, ', 2021']);
    expect(stepView(story, data, 1, 'zh').captions[0].citation).toBe('《标题s》，出版者，2021');
    expect(stepView(story, data, 1, 'zh').progress).toBe('1 / 2');
  });
});

describe('parseStory', () => {
  const error = (mutate: (s: ReturnType<typeof clone>) => void): string => {
    const s = clone();
    mutate(s);
    try {
      parseStory(s, index);
    } catch (e) {
      expect(e).toBeInstanceOf(DataFileError);
      return (e as Error).message;
    }
    throw new Error('parseStory accepted an invalid story');
  };

  it('names the step with an unknown fact id, and the id', () => {
    const m = error((s) => (s.steps[1].facts = [F2, 'nope-123']));
    expect(m).toContain('step 2');
    expect(m).toContain('第二');
    expect(m).toContain('nope-123');
    expect(m).toContain('data/story.json');
  });
  it('rejects unknown places in highlight and fit', () => {
    expect(error((s) => (s.steps[0].highlight = ['atlantis']))).toMatch(/step 1.*atlantis/);
    expect(error((s) => (s.steps[0].fit = 'atlantis'))).toMatch(/step 1.*atlantis/);
  });
  it('rejects unknown layers and topics', () => {
    expect(error((s) => (s.steps[1].layers = ['roads']))).toMatch(/step 2.*roads/);
    expect(error((s) => (s.steps[1].topic = 'cooking'))).toMatch(/step 2.*cooking/);
  });
  it('wants exactly one of camera and fit, and a camera within the map', () => {
    expect(error((s) => (s.steps[0].camera = { lng: 116, lat: 40, zoom: 9 }))).toMatch(/step 1.*exactly one/);
    expect(error((s) => delete s.steps[1].camera)).toMatch(/step 2.*exactly one/);
    expect(error((s) => (s.steps[1].camera.zoom = 20))).toMatch(/step 2.*camera/);
    expect(error((s) => (s.steps[1].camera.lng = 'east'))).toMatch(/step 2.*camera/);
  });
  it('wants 1–3 distinct captions', () => {
    expect(error((s) => (s.steps[0].facts = []))).toMatch(/step 1.*1 to 3/);
    expect(error((s) => (s.steps[0].facts = [F1, F2, F3, F1]))).toMatch(/step 1.*1 to 3/);
    expect(error((s) => (s.steps[0].facts = [F1, F1]))).toMatch(/step 1.*twice/);
  });
  it('wants titles in both languages', () => {
    expect(error((s) => delete s.steps[1].title.en)).toMatch(/step 2.*title/);
    expect(error((s) => (s.title = { zh: '只有中文' }))).toMatch(/story title/);
  });
  it('rejects a story without id or steps', () => {
    expect(error((s) => delete s.id)).toMatch(/no id/);
    expect(error((s) => (s.steps = []))).toMatch(/no steps/);
    expect(() => parseStory(null, index)).toThrow(DataFileError);
  });
  it('loads data/story.json through fetch, naming the file when it is missing', async () => {
    const ok = (async () => new Response(JSON.stringify(tiny))) as unknown as typeof fetch;
    expect(parseStory(await fetchStory(ok), index).steps.length).toBe(2);
    const missing = (async () => new Response('', { status: 404 })) as unknown as typeof fetch;
    await expect(fetchStory(missing)).rejects.toThrow(/data\/story\.json.*404/);
  });
});

describe('stepLegend', () => {
  const counts = () => new Map([['haidian', 12], ['miyun', 0]]);
  it('says what a step draws: the district classes for its theme, then each symbol of its layers once', () => {
    const items = stepLegend({ topic: null, layers: ['districts', 'sub-parks', 'jjj'] }, counts, 'en');
    const labels = items.map((i) => i.label);
    expect(labels).toContain(t('classZero', 'en'));
    expect(labels).toContain(t('legend.subPark', 'en'));
    expect(labels).toContain(t('legend.national', 'en'));
    expect(labels).not.toContain(t('legend.facility', 'en'));
    expect(new Set(labels).size).toBe(labels.length);
    // Classes come first, drawn as fills; layer symbols after.
    expect(items[0].symbol ?? 'fill').toBe('fill');
    expect(items.find((i) => i.label === t('legend.national', 'en'))!.symbol).toBe('arrow');
  });

  it('leaves out the classes when the step hides the districts', () => {
    const items = stepLegend({ topic: null, layers: ['sub-parks'] }, counts, 'zh');
    expect(items.map((i) => i.label)).not.toContain(t('classZero', 'zh'));
    expect(items.length).toBeGreaterThan(0);
  });
});
