/**
 * Where the camera goes for a subject, given what covers the map right now: the panel, the
 * phone's bottom sheet, the tour's caption card, the reader. Pure: rectangles in, padding out.
 * Each cover is cleared on the side that costs the map least (a side column on its side, a
 * bottom sheet from below, a caption card on whichever side leaves the larger view), and the
 * padding never leaves less room than a subject needs — when the covers leave too little, they
 * give way in proportion, so the camera always moves to the subject and never stays where it was
 * (MapLibre refuses a fit whose padding exceeds the canvas).
 */
import type { Padding } from './map-view.ts';

export interface Rect {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

/** The least room (px) a subject is framed in, and the margin kept around it. */
export const MIN_ROOM = { width: 200, height: 150 } as const;
export const MARGIN = 32;

const SIDES = ['left', 'right', 'top', 'bottom'] as const;

/** The part of `r` over `map`, or null when they do not overlap. */
function overlap(map: Rect, r: Rect): Rect | null {
  const o = { left: Math.max(map.left, r.left), top: Math.max(map.top, r.top), right: Math.min(map.right, r.right), bottom: Math.min(map.bottom, r.bottom) };
  return o.right - o.left > 1 && o.bottom - o.top > 1 ? o : null;
}

/** Padding (px, from the map's edges) that keeps a subject clear of every cover, `margin` beyond it. */
export function coverPadding(map: Rect, covers: readonly Rect[], margin = MARGIN): Padding {
  const width = map.right - map.left;
  const height = map.bottom - map.top;
  const pad: Padding = { top: 0, right: 0, bottom: 0, left: 0 };
  for (const c of covers) {
    const o = overlap(map, c);
    if (!o) continue;
    // What clearing the cover on each side would take, as a share of the map lost on that axis.
    const need: Padding = { left: o.right - map.left, right: map.right - o.left, top: o.bottom - map.top, bottom: map.bottom - o.top };
    const cost = (side: (typeof SIDES)[number]) => need[side] / (side === 'left' || side === 'right' ? width : height);
    const side = SIDES.reduce((best, s) => (cost(s) < cost(best) ? s : best));
    pad[side] = Math.max(pad[side], need[side]);
  }
  for (const s of SIDES) pad[s] += margin;
  return roomFor({ width, height }, pad);
}

/** Shrinks the padding on an axis, in proportion, until MIN_ROOM (or the whole map, if smaller) is left. */
export function roomFor(size: { width: number; height: number }, pad: Padding): Padding {
  const fit = (a: number, b: number, total: number, min: number) => {
    const room = Math.min(min, total * 0.8);
    const over = a + b - (total - room);
    if (over <= 0) return [a, b];
    const k = Math.max(0, (total - room) / (a + b));
    return [a * k, b * k];
  };
  const [left, right] = fit(pad.left, pad.right, size.width, MIN_ROOM.width);
  const [top, bottom] = fit(pad.top, pad.bottom, size.height, MIN_ROOM.height);
  const r = (n: number) => Math.max(0, Math.round(n));
  return { top: r(top), right: r(right), bottom: r(bottom), left: r(left) };
}
