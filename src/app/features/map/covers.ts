/**
 * What covers the map right now, read from the page: the place panel (a bottom sheet on a phone;
 * beside the map on a wide screen, where it covers nothing), the tour's caption card, the reader,
 * the side column opened over the map on a narrow screen. The camera keeps its subject clear of
 * them (map/subject-camera.ts).
 */
import type { Padding } from '../../map/map-view.ts';
import { coverPadding, type Rect } from '../../map/subject-camera.ts';

const COVERS = ['#panel', '#tour', '#reader .reader', '#sidebar.is-open'];

const rectOf = (el: Element): Rect => {
  const r = el.getBoundingClientRect();
  return { left: r.left, top: r.top, right: r.right, bottom: r.bottom };
};

export function coversOf(doc: Document = document): Rect[] {
  return COVERS.flatMap((sel) => [...doc.querySelectorAll<HTMLElement>(sel)])
    .filter((el) => !el.closest('[hidden]') && el.getClientRects().length > 0)
    .map(rectOf);
}

/** The padding that frames a subject on the part of the map nothing covers. */
export function subjectPadding(container: HTMLElement): Padding {
  return coverPadding(rectOf(container), coversOf(container.ownerDocument));
}
