import { describe, expect, it } from 'vitest';
import { MARGIN, MIN_ROOM, coverPadding, roomFor, type Rect } from '../../../src/app/map/subject-camera.ts';

const map: Rect = { left: 0, top: 60, right: 1280, bottom: 800 };
const W = map.right - map.left;
const H = map.bottom - map.top;
/** The part of the map the padding leaves for the subject. */
const room = (p: ReturnType<typeof coverPadding>) => ({ width: W - p.left - p.right, height: H - p.top - p.bottom });

describe('coverPadding', () => {
  it('keeps only the margin when nothing covers the map (a panel beside it covers nothing)', () => {
    const beside: Rect = { left: 1280, top: 60, right: 1680, bottom: 800 };
    expect(coverPadding(map, [])).toEqual({ top: MARGIN, right: MARGIN, bottom: MARGIN, left: MARGIN });
    expect(coverPadding(map, [beside])).toEqual({ top: MARGIN, right: MARGIN, bottom: MARGIN, left: MARGIN });
  });

  it('clears a bottom sheet from below, not from the side', () => {
    const sheet: Rect = { left: 0, top: 500, right: 1280, bottom: 800 };
    const p = coverPadding(map, [sheet]);
    expect(p.bottom).toBe(300 + MARGIN);
    expect([p.left, p.right, p.top]).toEqual([MARGIN, MARGIN, MARGIN]);
  });

  it('clears a caption card at the bottom left on the side that leaves the larger view', () => {
    // A tall card (most of the height, 45% of the width): the subject goes to its right.
    const tall: Rect = { left: 20, top: 150, right: 596, bottom: 764 };
    const p = coverPadding(map, [tall]);
    expect(p.left).toBe(596 + MARGIN);
    expect(p.bottom).toBe(MARGIN);
    // A wide, low card: the subject goes above it.
    const low: Rect = { left: 20, top: 640, right: 1000, bottom: 764 };
    const q = coverPadding(map, [low]);
    expect(q.bottom).toBe(800 - 640 + MARGIN);
    expect(q.left).toBe(MARGIN);
  });

  it('takes the widest need per side over several covers', () => {
    const a: Rect = { left: 0, top: 600, right: 1280, bottom: 800 };
    const b: Rect = { left: 0, top: 700, right: 1280, bottom: 800 };
    expect(coverPadding(map, [a, b]).bottom).toBe(200 + MARGIN);
  });

  it('never leaves less room than a subject needs: covers give way in proportion', () => {
    // A card over almost all the map: MapLibre would refuse such a fit and leave the camera where it was.
    const huge: Rect = { left: 0, top: 80, right: 1260, bottom: 800 };
    const p = coverPadding(map, [huge]);
    const r = room(p);
    expect(r.width).toBeGreaterThanOrEqual(MIN_ROOM.width - 1);
    expect(r.height).toBeGreaterThanOrEqual(MIN_ROOM.height - 1);
    for (const v of Object.values(p)) expect(v).toBeGreaterThanOrEqual(0);
  });
});

describe('roomFor', () => {
  it('leaves padding that fits alone, and shrinks padding that does not in proportion', () => {
    expect(roomFor({ width: 1000, height: 800 }, { top: 10, right: 20, bottom: 30, left: 40 })).toEqual({ top: 10, right: 20, bottom: 30, left: 40 });
    const p = roomFor({ width: 1000, height: 800 }, { top: 0, right: 0, bottom: 0, left: 2000 });
    expect(p.left).toBe(1000 - MIN_ROOM.width);
    const q = roomFor({ width: 1000, height: 800 }, { top: 0, right: 600, bottom: 0, left: 600 });
    expect(q.left).toBe(q.right);
    expect(1000 - q.left - q.right).toBeGreaterThanOrEqual(MIN_ROOM.width - 1);
  });

  it('on a map smaller than the least room, still leaves most of it', () => {
    const p = roomFor({ width: 150, height: 100 }, { top: 200, right: 0, bottom: 0, left: 0 });
    expect(100 - p.top - p.bottom).toBeGreaterThanOrEqual(79);
  });
});
