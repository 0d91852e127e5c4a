/** Topic order and labels, kind labels: UI strings, pure. */
import { TOPICS, isTopic } from '../../contract.ts';
import type { PlaceKind, Topic } from '../../types.ts';
import { type Lang, t } from '../i18n/strings.ts';
import { localeOf, nameIn } from '../i18n/locale.ts';

/** The fixed topic order (the contract's): facts with several topics are grouped under the first. */
export const TOPIC_ORDER = TOPICS;
export { isTopic };

export function topicLabel(topic: Topic | 'other', lang: Lang): string {
  return t(`topic.${topic}`, lang);
}

export function kindLabel(kind: PlaceKind, lang: Lang): string {
  return t(`kind.${kind}`, lang);
}

/** The name of a place in the UI language (Simplified Chinese for zh). */
export function placeName(p: { names: { zhHans: string; en: string } }, lang: Lang): string {
  return nameIn(p.names, localeOf(lang));
}
