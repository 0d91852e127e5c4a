import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { indexFacts } from '../../../src/app/data/atlas-data.ts';
import { siteOf } from './site-fixtures.ts';
import { LAYER_IDS } from '../../../src/app/state/state.ts';
import { MAX_CAPTIONS, STORY_CAMERA_LIMITS, parseStory } from '../../../src/app/features/tour/story.ts';
import { stepState, stepView } from '../../../src/app/features/tour/tour-model.ts';
import { TOPIC_ORDER } from '../../../src/app/ui/labels.ts';
import type { FactsFile, Gazetteer } from '../../../src/types.ts';
import { factsFile } from '../../fixtures/corpus.ts';

const file: FactsFile = factsFile();
const gazetteer: Gazetteer = JSON.parse(readFileSync('geo/places.json', 'utf8'));
const raw = JSON.parse(readFileSync('seeds/story.json', 'utf8'));
const data = indexFacts(file);
const story = parseStory(raw, siteOf(file).index);
const gazetteerIds = new Set(gazetteer.places.map((p) => p.id));
const seedText = new Map(file.documents.map((d) => [d.id, readFileSync(`seeds/${d.file}`, 'utf8')]));

describe('seeds/story.json (the default story)', () => {
  it('parses against the real facts file', () => {
    expect(story.id).toBe('default');
    expect(story.steps.length).toBeGreaterThanOrEqual(10);
    expect(story.steps.length).toBeLessThanOrEqual(14);
    expect(story.title.zh.trim()).not.toBe('');
    expect(story.title.en.trim()).not.toBe('');
  });

  it('cites only facts that exist, 1–3 per step, whose text is an exact substring of its seed', () => {
    for (const [i, s] of raw.steps.entries()) {
      expect(s.facts.length, `step ${i + 1}`).toBeGreaterThanOrEqual(1);
      expect(s.facts.length, `step ${i + 1}`).toBeLessThanOrEqual(MAX_CAPTIONS);
      for (const id of s.facts) {
        const f = data.facts.get(id);
        expect(f, `step ${i + 1}: fact ${id}`).toBeDefined();
        expect(seedText.get(f!.doc)!.includes(f!.text), `step ${i + 1}: fact ${id} is in its seed`).toBe(true);
      }
    }
  });

  it('names only places that exist in the facts file and the gazetteer', () => {
    for (const [i, s] of raw.steps.entries()) {
      for (const id of [...(s.highlight ?? []), ...(s.fit ? [s.fit] : [])]) {
        expect(data.places.has(id), `step ${i + 1}: ${id}`).toBe(true);
        expect(gazetteerIds.has(id), `step ${i + 1}: ${id}`).toBe(true);
      }
    }
  });

  it('uses only layer ids, known topics and cameras within the map limits', () => {
    for (const [i, s] of raw.steps.entries()) {
      for (const l of s.layers) expect(LAYER_IDS, `step ${i + 1}`).toContain(l);
      if (s.topic !== null) expect(TOPIC_ORDER, `step ${i + 1}`).toContain(s.topic);
      expect(!!s.camera !== !!s.fit, `step ${i + 1}: exactly one of camera and fit`).toBe(true);
      if (s.camera) {
        for (const k of ['lng', 'lat', 'zoom'] as const) {
          const [lo, hi] = STORY_CAMERA_LIMITS[k];
          expect(s.camera[k], `step ${i + 1}: ${k}`).toBeGreaterThanOrEqual(lo);
          expect(s.camera[k], `step ${i + 1}: ${k}`).toBeLessThanOrEqual(hi);
        }
      }
    }
  });

  it('has short titles in both languages', () => {
    for (const [i, s] of story.steps.entries()) {
      expect([...s.title.zh.trim()].length, `step ${i + 1} zh`).toBeGreaterThan(0);
      expect([...s.title.en.trim()].length, `step ${i + 1} en`).toBeGreaterThan(0);
      expect([...s.title.zh].length, `step ${i + 1} zh: ${s.title.zh}`).toBeLessThanOrEqual(24);
      expect([...s.title.en].length, `step ${i + 1} en: ${s.title.en}`).toBeLessThanOrEqual(48);
    }
  });

  it('has a real English title for the story and every step: English words, no Chinese left in it', () => {
    const han = /\p{Script=Han}/u;
    for (const [i, title] of [story.title, ...story.steps.map((s) => s.title)].entries()) {
      expect(han.test(title.en), `title ${i}: ${title.en}`).toBe(false);
      expect(title.en, `title ${i}`).toMatch(/[A-Za-z]{3}/);
    }
  });

  it('covers the goals, the 三城一区 one by one, the sub-parks, districts, Jing-Jin-Ji and national links', () => {
    const captions = story.steps.map((s) => s.facts.map((id) => data.facts.get(id)!.text).join(''));
    const has = (...parts: string[]) => captions.some((c) => parts.every((p) => c.includes(p)));
    expect(has('到2025年', '基本形成')).toBe(true);
    expect(has('到2035年')).toBe(true);
    expect(has('三城一区')).toBe(true);
    for (const id of ['zgc-science-city', 'huairou-science-city', 'future-science-city', 'beijing-etda']) {
      const step = story.steps.find((s) => s.fit === id && s.highlight[0] === id);
      expect(step, id).toBeDefined();
      expect(step!.facts.some((f) => data.facts.get(f)!.places.some((p) => p.id === id && p.how === 'explicit')), id).toBe(true);
    }
    expect(has('一區多園')).toBe(true);
    expect(has('十六個分園')).toBe(true);
    expect(has('豐台區', '軌道交通')).toBe(true);
    expect(has('雄安新区中关村科技园')).toBe(true);
    expect(has('北三縣')).toBe(true);
    expect(has('上海張江', '合肥', '粵港澳大灣區')).toBe(true);
  });

  it('gives every step a view: its captions are the facts’ exact text, with citations', () => {
    for (let n = 1; n <= story.steps.length; n++) {
      const v = stepView(story, data, n, 'zh');
      expect(v.captions.map((c) => c.text)).toEqual(story.steps[n - 1].facts.map((id) => data.facts.get(id)!.text));
      for (const c of v.captions) expect(c.citation).toContain('《');
      const st = stepState(story, n);
      expect(st.step).toBe(n);
      if (st.place) expect(data.places.has(st.place)).toBe(true);
    }
  });
});
