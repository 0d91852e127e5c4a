/**
 * The SVG map: the MapView the app falls back to when WebGL cannot be used. Drawn with d3-geo
 * from the same boundaries and place features as the WebGL map, in one <svg> whose viewBox is
 * the camera (viewport.ts); clicks, keys, hover, wheel and drag zoom, and a one-line notice
 * saying why this simpler map is shown. Loaded with import() only when it is needed.
 */
import './svg-map.css';
import { geoPath } from 'd3-geo';
import { type AtlasIndex, countsKey } from '../data/atlas-data.ts';
import type { Boundaries } from '../data/load-boundaries.ts';
import { type Lang, t } from '../i18n/strings.ts';
import { selectionTargets } from '../map/apply-state.ts';
import { beijingBounds } from '../map/place-camera.ts';
import { PALETTE, localIdeographFontFamily } from '../map/map-theme.ts';
import { placeSources } from '../map/build-style.ts';
import { type AtlasState, type Camera, LAYER_IDS } from '../state/state.ts';
import { motionAllowed } from '../platform/motion.ts';
import type { FallbackReason, MapView } from '../map/map-view.ts';
import { contextShapes, drawContext, drawOutlines, outlineShapes } from './base.ts';
import { districtLooks, districtShapes, drawDistricts, restyleDistricts } from './districts.ts';
import { drawExtents, extentShapes, retitleExtents } from './extents.ts';
import { type LabelSpec, drawLabels, labelSpecs, layoutLabels } from './labels.ts';
import { drawLinks, linkShapes } from './links.ts';
import { fallbackNotice } from './notice.ts';
import { drawHalos, drawPins, pinShapes } from './points.ts';
import { applySceneLooks } from './scene-looks.ts';
import { sceneOfState } from '../scene/scene-of-state.ts';
import type { MapScene } from '../scene/map-scene.ts';
import { setAttrs, svgEl } from './svg-dom.ts';
import {
  MAX_BOUNDS,
  type Viewport,
  atlasProjection,
  cameraOf,
  clampViewport,
  fitBox,
  interpolateViewport,
  panBy,
  projectBounds,
  viewBoxOf,
  viewportOfCamera,
  visibleBounds,
  zoomAround,
  zoomOf,
} from './viewport.ts';

/** The first view fits Beijing as the WebGL map's does. */
const HOME_PADDING = { top: 24, right: 24, bottom: 24, left: 24 };
const FLY_MS = 450;
/** After the last wheel step or key press, labels are laid out again and the camera reported. */
const SETTLE_MS = 200;
const DRAG_THRESHOLD_PX = 4;
const KEY_PAN_PX = 80;

const ease = (k: number) => (k < 0.5 ? 2 * k * k : 1 - (-2 * k + 2) ** 2 / 2);

export function svgView(container: HTMLElement, b: Boundaries, data: AtlasIndex, state: AtlasState, reason: FallbackReason): MapView {
  const projection = atlasProjection();
  const path = geoPath(projection).digits(1);
  const area = projectBounds(MAX_BOUNDS, projection);
  const size = () => ({ width: Math.max(1, container.clientWidth), height: Math.max(1, container.clientHeight) });
  const home = () => fitBox(projectBounds(beijingBounds(b), projection), size(), HOME_PADDING);

  // — the document: a frame holding the notice, the svg, the zoom buttons and the attribution —
  const notice = document.createElement('p');
  notice.className = 'svg-map-notice';
  notice.setAttribute('role', 'status');
  const attribution = document.createElement('p');
  attribution.className = 'svg-map-attrib';
  const button = (cls: string, text: string) => {
    const el = document.createElement('button');
    el.type = 'button';
    el.className = cls;
    el.textContent = text;
    return el;
  };
  const zoomIn = button('svg-map-zoom-in', '+');
  const zoomOut = button('svg-map-zoom-out', '−');
  const reset = button('svg-map-reset', '');
  reset.append(svgEl('svg', { viewBox: '0 0 16 16', width: 16, height: 16, 'aria-hidden': 'true' }, svgEl('path', { d: 'M2 6V2h4M10 2h4v4M14 10v4h-4M6 14H2v-4', fill: 'none', stroke: 'currentColor', 'stroke-width': 1.8 })));
  const controls = document.createElement('div');
  controls.className = 'svg-map-controls';
  controls.append(zoomIn, zoomOut, reset);

  const svg = svgEl('svg', { class: 'svg-map', 'data-renderer': 'svg', 'font-family': localIdeographFontFamily });
  const bg = projectBounds([MAX_BOUNDS[0] - 10, MAX_BOUNDS[1] - 10, MAX_BOUNDS[2] + 10, MAX_BOUNDS[3] + 10], projection);
  svg.append(svgEl('rect', { x: bg[0], y: bg[1], width: bg[2] - bg[0], height: bg[3] - bg[1], fill: PALETTE.background, class: 'svg-map-bg' }));
  svg.append(drawContext(contextShapes(b, path)));
  const districts = districtShapes(b, path);
  const districtLayer = drawDistricts(districts);
  svg.append(districtLayer);
  const outlineOf = new Map(districts.map((d) => [d.id, d.d]));
  const hover = svgEl('path', { class: 'hover-outline', d: '' });
  const marked = svgEl('g', { class: 'marked-outlines', 'data-layer': 'districts' });
  svg.append(svgEl('g', { class: 'district-outlines', 'data-layer': 'districts' }, hover), marked);
  const extents = extentShapes(b, path);
  const extentLayer = drawExtents(extents, state.lang);
  svg.append(extentLayer, drawOutlines(outlineShapes(b, path)));
  // Links, halos, pins and labels change with the topic and the language: redrawn into these.
  const dynamic = svgEl('g', { class: 'places' });
  const labelLayer = svgEl('g', { class: 'label-layer' });
  svg.append(dynamic, labelLayer);

  const frame = document.createElement('div');
  frame.className = 'svg-map-frame';
  frame.append(svg, notice, controls, attribution);
  container.append(frame);

  // — the camera —
  let vp: Viewport = clampViewport(state.camera ? viewportOfCamera(state.camera, projection) : home(), area);
  let pinned: Array<{ el: SVGGraphicsElement; x: number; y: number }> = [];
  const collectPinned = () => {
    pinned = [...svg.querySelectorAll<SVGGraphicsElement>('[data-x]')].map((el) => ({ el, x: Number(el.dataset.x), y: Number(el.dataset.y) }));
  };
  /** The viewBox for the viewport, and every pin at its point at a pixel's scale. */
  const place = () => {
    svg.setAttribute('viewBox', viewBoxOf(vp, size()).map((n) => n.toFixed(2)).join(' '));
    const scale = ` scale(${vp.upp.toPrecision(5)})`;
    for (const p of pinned) p.el.setAttribute('transform', `translate(${p.x.toFixed(1)} ${p.y.toFixed(1)})${scale}`);
  };

  let current = state;
  let specs: LabelSpec[] = [];
  const relayout = () => {
    labelLayer.replaceChildren(drawLabels(layoutLabels(specs, current.layers, vp, size(), zoomOf(vp))));
    collectPinned();
    place();
    markAll();
  };
  /**
   * Every place element's looks from the scene at the current zoom (dot sizes follow the zoom,
   * the selection looks as MapLibre draws it). The scene is evaluated again only when the state
   * or the zoom changed; its looks are applied every time (the marked outlines are drawn anew).
   */
  let scene: { key: string; value: MapScene } | null = null;
  const restyle = () => {
    const zoom = Math.round(zoomOf(vp) * 1e6) / 1e6;
    const key = [countsKey(current.topic, data), current.lang, current.layers.join(), current.place, zoom].join('|');
    if (scene?.key !== key) scene = { key, value: sceneOfState(b, data, current, zoom) };
    svg.dataset.zoom = String(zoom);
    applySceneLooks(svg, scene.value);
  };

  const cameraListeners: Array<(c: Camera) => void> = [];
  /** After a move: dots sized and labels laid out for the new zoom, and the camera reported. */
  const settle = () => {
    relayout();
    const c = cameraOf(vp, projection);
    for (const cb of cameraListeners) cb(c);
  };
  let frameId = 0;
  let settleTimer: ReturnType<typeof setTimeout> | undefined;
  /** 'fly' animates (unless reduced motion is asked for), 'jump' moves at once, 'live' follows a gesture and settles once it pauses. */
  const moveTo = (target: Viewport, how: 'fly' | 'jump' | 'live') => {
    cancelAnimationFrame(frameId);
    clearTimeout(settleTimer);
    const to = clampViewport(target, area);
    if (how === 'live') {
      vp = to;
      place();
      settleTimer = setTimeout(settle, SETTLE_MS);
      return;
    }
    if (how === 'jump' || !motionAllowed()) {
      vp = to;
      place();
      settle();
      return;
    }
    const from = vp;
    const t0 = performance.now();
    const step = (now: number) => {
      const k = Math.min(1, (now - t0) / FLY_MS);
      vp = interpolateViewport(from, to, ease(k));
      place();
      if (k < 1) frameId = requestAnimationFrame(step);
      else settle();
    };
    frameId = requestAnimationFrame(step);
  };

  // — the state —
  const applied: { counts: string | undefined; lang: Lang | undefined; layers: string | undefined; place: string | null | undefined } = {
    counts: undefined,
    lang: undefined,
    layers: undefined,
    place: undefined,
  };
  let reading: readonly string[] = [];
  const drawnIds = () => {
    const ids = new Map<string, Set<string>>();
    for (const el of svg.querySelectorAll<SVGElement>('[data-source][data-place]')) {
      const set = ids.get(el.dataset.source!) ?? new Set<string>();
      set.add(el.dataset.place!);
      ids.set(el.dataset.source!, set);
    }
    return ids;
  };
  /** Marks the selection and the places being read (their elements, and outlines over the districts). */
  const markAll = () => {
    const ids = drawnIds();
    for (const el of svg.querySelectorAll('.is-selected, .is-reading')) el.classList.remove('is-selected', 'is-reading');
    marked.replaceChildren();
    const mark = (places: readonly string[], cls: string) => {
      for (const { source, id } of places.flatMap((p) => selectionTargets(p, data, ids))) {
        for (const el of svg.querySelectorAll(`[data-source="${source}"][data-place="${CSS.escape(id)}"]`)) el.classList.add(cls);
        const d = source === 'districts' ? outlineOf.get(id) : undefined;
        if (d) marked.append(svgEl('path', { class: `marked-outline ${cls}`, d, 'data-place': id }));
      }
    };
    mark(reading, 'is-reading');
    mark(current.place ? [current.place] : [], 'is-selected');
    restyle();
  };

  const setStrings = (lang: Lang) => {
    notice.textContent = fallbackNotice(reason, lang);
    notice.title = notice.textContent;
    attribution.textContent = t('attribution', lang);
    for (const [el, key] of [[zoomIn, 'map.zoomIn'], [zoomOut, 'map.zoomOut'], [reset, 'svgMap.reset']] as const) {
      el.setAttribute('aria-label', t(key, lang));
      el.title = t(key, lang);
    }
  };

  const apply = (s: AtlasState) => {
    current = s;
    let redraw = false;
    if (countsKey(s.topic, data) !== applied.counts || s.lang !== applied.lang) {
      restyleDistricts(districtLayer, districtLooks(b, data.districtCounts(s.topic), s.lang));
      const sources = placeSources({ data, boundaries: b, topic: s.topic });
      const pins = pinShapes(sources, projection, s.lang);
      const links = linkShapes(sources, path, s.lang);
      dynamic.replaceChildren(
        // Lines, then every layer's halos, then its dots and arrows, each group toggled with its layer.
        ...LAYER_IDS.map((id) => drawLinks(links, id)),
        ...LAYER_IDS.map((id) => drawHalos(pins, id)),
        ...LAYER_IDS.map((id) => drawPins(pins, id)),
      );
      specs = labelSpecs(b, pins, projection, path, s.lang);
      if (s.lang !== applied.lang) {
        retitleExtents(extentLayer, extents, s.lang);
        setStrings(s.lang);
      }
      applied.counts = countsKey(s.topic, data);
      applied.lang = s.lang;
      redraw = true;
    }
    const layers = s.layers.join();
    if (redraw || layers !== applied.layers) {
      for (const id of LAYER_IDS) {
        for (const g of svg.querySelectorAll(`[data-layer="${id}"]`)) setAttrs(g, { display: s.layers.includes(id) ? null : 'none' });
      }
      applied.layers = layers;
      redraw = true;
    }
    if (redraw) relayout();
    else if (s.place !== applied.place) markAll();
    applied.place = s.place;
  };
  apply(state);

  // — interaction —
  const placeListeners: Array<(id: string) => void> = [];
  const select = (target: EventTarget | null) => {
    const el = (target as Element | null)?.closest?.('[data-place]') as SVGElement | null;
    if (el) for (const cb of placeListeners) cb(el.dataset.place!);
  };
  let drag: { id: number; x: number; y: number; moved: boolean } | null = null;
  let swallowClick = false;
  svg.addEventListener('pointerdown', (e) => {
    if (e.button === 0) drag = { id: e.pointerId, x: e.clientX, y: e.clientY, moved: false };
  });
  svg.addEventListener('pointermove', (e) => {
    if (!drag || e.pointerId !== drag.id) return;
    const dx = e.clientX - drag.x;
    const dy = e.clientY - drag.y;
    if (!drag.moved && Math.hypot(dx, dy) < DRAG_THRESHOLD_PX) return;
    if (!drag.moved) {
      // Captured only once it is a drag: a capture from pointerdown would retarget every click to the svg.
      drag.moved = true;
      svg.setPointerCapture(e.pointerId);
      svg.classList.add('is-dragging');
    }
    drag.x = e.clientX;
    drag.y = e.clientY;
    moveTo(panBy(vp, dx, dy), 'live');
  });
  const endDrag = (e: PointerEvent) => {
    if (!drag || e.pointerId !== drag.id) return;
    if (drag.moved) {
      svg.classList.remove('is-dragging');
      swallowClick = true;
      // The click that may follow the drag's pointerup is not a selection; none may follow.
      setTimeout(() => (swallowClick = false), 0);
      moveTo(vp, 'jump');
    }
    drag = null;
  };
  svg.addEventListener('pointerup', endDrag);
  svg.addEventListener('pointercancel', endDrag);
  svg.addEventListener('click', (e) => {
    if (!swallowClick) select(e.target);
  });
  svg.addEventListener('keydown', (e) => {
    if ((e.key === 'Enter' || e.key === ' ') && (e.target as Element).matches('[data-place][tabindex]')) {
      e.preventDefault();
      select(e.target);
    }
  });
  svg.addEventListener('dblclick', (e) => {
    const r = svg.getBoundingClientRect();
    moveTo(zoomAround(vp, e.shiftKey ? 0.5 : 2, [e.clientX - r.left, e.clientY - r.top], size()), 'fly');
  });
  svg.addEventListener(
    'wheel',
    (e) => {
      e.preventDefault();
      const perUnit = e.deltaMode === 1 ? 1 / 20 : e.deltaMode === 2 ? 1 : 1 / 500;
      const r = svg.getBoundingClientRect();
      moveTo(zoomAround(vp, 2 ** (-e.deltaY * perUnit), [e.clientX - r.left, e.clientY - r.top], size()), 'live');
    },
    { passive: false },
  );
  svg.addEventListener('pointerover', (e) => {
    const d = (e.target as Element).closest('.district')?.getAttribute('d');
    hover.setAttribute('d', d ?? '');
  });
  svg.addEventListener('pointerleave', () => hover.setAttribute('d', ''));

  const centre = (): [number, number] => [size().width / 2, size().height / 2];
  zoomIn.addEventListener('click', () => moveTo(zoomAround(vp, 2, centre(), size()), 'fly'));
  zoomOut.addEventListener('click', () => moveTo(zoomAround(vp, 0.5, centre(), size()), 'fly'));
  reset.addEventListener('click', () => moveTo(home(), 'fly'));
  /** The WebGL map's keys on the focused map: + and − zoom, arrows pan. */
  const onKey = (e: KeyboardEvent) => {
    if (e.defaultPrevented || e.altKey || e.ctrlKey || e.metaKey || (e.target as Element).closest('button')) return;
    const pan: Record<string, [number, number]> = { ArrowLeft: [KEY_PAN_PX, 0], ArrowRight: [-KEY_PAN_PX, 0], ArrowUp: [0, KEY_PAN_PX], ArrowDown: [0, -KEY_PAN_PX] };
    if (e.key === '+' || e.key === '=') moveTo(zoomAround(vp, 2, centre(), size()), 'fly');
    else if (e.key === '-' || e.key === '_') moveTo(zoomAround(vp, 0.5, centre(), size()), 'fly');
    else if (pan[e.key]) moveTo(panBy(vp, ...pan[e.key]), 'live');
    else return;
    e.preventDefault();
  };
  container.addEventListener('keydown', onKey);
  // The container carries the SVG map's keys, so it is the Tab stop (also after a lost WebGL context).
  container.tabIndex = 0;

  let resizeFrame = 0;
  const observer = new ResizeObserver(() => {
    cancelAnimationFrame(resizeFrame);
    resizeFrame = requestAnimationFrame(() => {
      place();
      relayout();
    });
  });
  observer.observe(container);

  return {
    kind: 'svg',
    map: null,
    container,
    drawn: () => Promise.resolve(),
    apply: (s) => apply(s),
    highlight(ids) {
      reading = [...ids];
      markAll();
    },
    fitBounds: (bounds, o) => moveTo(fitBox(projectBounds(bounds, projection), size(), o.padding, o.maxZoom), o.animate ? 'fly' : 'jump'),
    flyTo: (c, o) => moveTo(viewportOfCamera(c, projection, o.padding), o.animate ? 'fly' : 'jump'),
    visibleBounds: () => visibleBounds(vp, size(), projection),
    resize: () => {
      place();
      relayout();
    },
    focus: () => container.focus(),
    onPlaceClick: (cb) => void placeListeners.push(cb),
    onCameraChange: (cb) => void cameraListeners.push(cb),
    // An SVG map has no context to lose.
    onLost: () => undefined,
    destroy() {
      cancelAnimationFrame(frameId);
      cancelAnimationFrame(resizeFrame);
      clearTimeout(settleTimer);
      observer.disconnect();
      container.removeEventListener('keydown', onKey);
      frame.remove();
    },
  };
}
