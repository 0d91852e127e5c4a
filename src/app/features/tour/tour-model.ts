/**
 * Presenting, the pure part: which key does what, which step a move lands on, what a step means
 * for the atlas state, and the caption view model (exact fact sentences with their citations).
 */
import type { Script, Topic } from '../../../types.ts';
import type { AtlasData } from '../../data/atlas-data.ts';
import { type Lang, t } from '../../i18n/strings.ts';
import type { AtlasState } from '../../state/state.ts';
import { type LegendItem, layerLegendItems, legendItems } from '../legend/legend-model.ts';
import { type CitationPart, type QuoteLang, citationOf, citationParts, formatCitation, quoteLang } from '../../ui/citation.ts';
import type { Story } from './story.ts';

export type TourAction = 'next' | 'prev' | 'first' | 'last' | `goto:${number}` | 'fullscreen' | 'exit';

/**
 * The action for a KeyboardEvent.key: → Space PageDown next; ← PageUp previous; Home first;
 * End last; 1–9 step N and 0 step 10; F full screen; Esc leave. Anything else: null.
 */
export function keyAction(key: string): TourAction | null {
  switch (key) {
    case 'ArrowRight':
    case 'Right':
    case ' ':
    case 'Spacebar':
    case 'PageDown':
      return 'next';
    case 'ArrowLeft':
    case 'Left':
    case 'PageUp':
      return 'prev';
    case 'Home':
      return 'first';
    case 'End':
      return 'last';
    case 'f':
    case 'F':
      return 'fullscreen';
    case 'Escape':
    case 'Esc':
      return 'exit';
  }
  if (/^[0-9]$/.test(key)) return `goto:${key === '0' ? 10 : Number(key)}`;
  return null;
}

/** A whole step number within 1…count (1 when the count or the number is not usable). */
export function clampStep(n: number, count: number): number {
  if (!Number.isFinite(count) || count < 1) return 1;
  if (!Number.isFinite(n)) return 1;
  return Math.min(Math.max(Math.round(n), 1), Math.floor(count));
}

/**
 * The step a navigation action leads to from `step`, or null when it leads nowhere (next on the
 * last step, a digit beyond the last step, and the non-moving actions fullscreen and exit).
 */
export function actionTarget(action: TourAction, step: number, count: number): number | null {
  const here = clampStep(step, count);
  let to: number;
  if (action === 'next') to = here + 1;
  else if (action === 'prev') to = here - 1;
  else if (action === 'first') to = 1;
  else if (action === 'last') to = count;
  else if (action.startsWith('goto:')) to = Number(action.slice(5));
  else return null;
  if (to < 1 || to > count || to === here) return null;
  return to;
}

/**
 * What step n (clamped) implies for the atlas state: the tour and step, its layers and topic,
 * the first highlighted place as the selected place, and its camera — null when the step fits a
 * place instead (see stepFit: the caller fits that place's extent).
 */
export function stepState(story: Story, n: number): Partial<AtlasState> {
  const step = clampStep(n, story.steps.length);
  const s = story.steps[step - 1];
  return {
    tour: story.id,
    step,
    layers: [...s.layers],
    topic: s.topic,
    place: s.highlight[0] ?? null,
    camera: s.camera ? { ...s.camera } : null,
  };
}

/** What step n's map shows, for the presenting legend: the district classes for its theme, then its layers' symbols. */
export function stepLegend(step: Pick<Story['steps'][number], 'topic' | 'layers'>, counts: (topic: Topic | null) => Map<string, number>, lang: Lang): LegendItem[] {
  const classes = step.layers.includes('districts') ? legendItems(counts(step.topic).values(), lang) : [];
  return [...classes, ...layerLegendItems(step.layers, lang)];
}

/** The place whose extent step n's camera fits, or null when the step has a fixed camera. */
export function stepFit(story: Story, n: number): string | null {
  return story.steps[clampStep(n, story.steps.length) - 1].fit;
}

export interface Caption {
  factId: string;
  docId: string;
  /** The fact's exact sentence. */
  text: string;
  script: Script;
  lang: QuoteLang;
  citation: string;
  /** The citation with its title and publisher apart (the view tags them as published text). */
  citationParts: CitationPart[];
  heading: boolean;
}

export interface StepView {
  step: number;
  count: number;
  title: string;
  /** "3 / 12" */
  progress: string;
  /** "Step 3 of 12", for aria-valuetext. */
  progressText: string;
  /** Read out when the step changes: "Step 3 of 12: title". */
  announce: string;
  captions: Caption[];
  isFirst: boolean;
  isLast: boolean;
}

export function stepView(story: Story, data: AtlasData, n: number, lang: Lang): StepView {
  const count = story.steps.length;
  const step = clampStep(n, count);
  const s = story.steps[step - 1];
  const vars = { n: String(step), count: String(count), title: s.title[lang] };
  const captions = s.facts.flatMap((id): Caption[] => {
    const f = data.facts.get(id);
    if (!f) return [];
    const doc = data.documents.get(f.doc);
    const script: Script = doc?.script ?? 'zhHans';
    const cited = citationOf(doc, f.doc);
    return [{ factId: f.id, docId: f.doc, text: f.text, script, lang: quoteLang(script), citation: formatCitation(cited, lang), citationParts: citationParts(cited, lang), heading: f.heading }];
  });
  return {
    step,
    count,
    title: s.title[lang],
    progress: t('tour.progress', lang, vars),
    progressText: t('tour.progressText', lang, vars),
    announce: t('tour.announce', lang, vars),
    captions,
    isFirst: step === 1,
    isLast: step === count,
  };
}
