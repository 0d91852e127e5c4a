/**
 * The current map view as a PNG at 1×, 2× or 4× its CSS size, framed with title, legend,
 * notice and attribution drawn in the page's font.
 *
 * How the WebGL canvas is read without `preserveDrawingBuffer`: the map is set to the export's
 * pixel ratio, allowed to settle ('idle'), then drawn once more synchronously with `redraw()` and
 * copied with `drawImage` in the same task — the drawing buffer is only cleared once the browser
 * composites, after the task ends. The pixel ratio is restored afterwards.
 */
import type { Map as MapLibreMap } from 'maplibre-gl';
import { FRAME, LEGEND_SYMBOL, footerHeight, layoutFrame, type ExportFrame, type FrameLayout, type LegendItem } from './frame.ts';

export type PngScale = 1 | 2 | 4;

export interface PngSize {
  width: number;
  height: number;
  /** Header and footer bands, device px. */
  header: number;
  footer: number;
}

/**
 * Pixel size of an export of a `cssW` × `cssH` map at `scale`: the map at scale × its CSS size,
 * plus the header (title, subtitle) and the footer (legend rows, notice and attribution lines).
 */
export function pngSize(cssW: number, cssH: number, scale: number, bands: { legendRows?: number; textLines?: number } = {}): PngSize {
  const header = FRAME.header * scale;
  const footer = footerHeight(bands.legendRows ?? 1, bands.textLines ?? 2) * scale;
  return { width: Math.round(cssW * scale), height: Math.round(cssH * scale) + header + footer, header, footer };
}

export interface PngExportInfo extends PngSize {
  scale: PngScale;
  /** The pixel ratio the map was really drawn at: below `scale` when MapLibre's maxCanvasSize capped it (then upscaled). */
  mapScale: number;
  mapWidth: number;
  mapHeight: number;
}

/** The last export's size (for tests and the e2e suite). */
export let lastExportSize: PngExportInfo | null = null;

const SETTLE_TIMEOUT_MS = 15_000;

/** Resolves at the map's next 'idle' after a repaint (style, sources and placement done). */
function settled(map: MapLibreMap): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      map.off('idle', done);
      reject(new Error('the map did not finish drawing'));
    }, SETTLE_TIMEOUT_MS);
    function done() {
      clearTimeout(timer);
      resolve();
    }
    map.once('idle', done);
    map.triggerRepaint();
  });
}

function pageFont(el: Element): string {
  return getComputedStyle(el).fontFamily || 'sans-serif';
}

/** Draws the header and footer bands (in CSS px units: the context is scaled). */
function drawFrame(ctx: CanvasRenderingContext2D, frame: ExportFrame, layout: FrameLayout, cssW: number, mapBottom: number, font: string) {
  const { pad } = FRAME;
  ctx.textBaseline = 'alphabetic';
  ctx.fillStyle = '#1f1b14';
  ctx.font = `700 ${FRAME.titleSize}px ${font}`;
  ctx.fillText(frame.title, pad, 26, cssW - 2 * pad);
  if (frame.subtitle) {
    ctx.fillStyle = '#5d5646';
    ctx.font = `400 ${FRAME.subtitleSize}px ${font}`;
    ctx.fillText(frame.subtitle, pad, 47, cssW - 2 * pad);
  }
  // A hairline between the bands and the map.
  ctx.fillStyle = '#d9d2c0';
  ctx.fillRect(0, layout.header - 1, cssW, 1);
  ctx.fillRect(0, mapBottom, cssW, 1);

  let y = mapBottom + pad;
  ctx.font = `400 ${FRAME.legendSize}px ${font}`;
  for (const c of layout.legend) {
    const ry = y + c.row * FRAME.legendRow;
    drawLegendSymbol(ctx, c.item, c.x, ry);
    ctx.fillStyle = '#1f1b14';
    ctx.fillText(c.item.label, c.x + FRAME.swatchW + 5, ry + 9.5);
  }
  y += layout.legendRows * FRAME.legendRow;
  ctx.fillStyle = '#1f1b14';
  ctx.font = `700 ${FRAME.smallSize}px ${font}`;
  for (const [i, line] of layout.notice.entries()) ctx.fillText(line, pad, y + 11 + i * FRAME.smallLine);
  y += layout.notice.length * FRAME.smallLine;
  ctx.fillStyle = '#5d5646';
  ctx.font = `400 ${FRAME.smallSize}px ${font}`;
  for (const [i, line] of layout.attribution.entries()) ctx.fillText(line, pad, y + 11 + i * FRAME.smallLine);
}

/** A legend row's symbol, as the SVG export draws it: a swatch, a line with the layer's dash, a dot, a halo or an arrow. */
function drawLegendSymbol(ctx: CanvasRenderingContext2D, item: LegendItem, x: number, y: number) {
  const { swatchW: w, swatchH: h } = FRAME;
  const L = LEGEND_SYMBOL;
  const mid = y + h / 2;
  ctx.save();
  ctx.fillStyle = item.colour;
  ctx.strokeStyle = item.colour;
  switch (item.symbol) {
    case 'line': {
      const line = item.line ?? { width: L.lineWidth, dash: [], cap: 'butt' };
      const inset = line.cap === 'round' ? line.width / 2 : 0;
      ctx.lineWidth = line.width;
      ctx.lineCap = line.cap;
      ctx.setLineDash(line.dash);
      ctx.beginPath();
      ctx.moveTo(x + inset, mid);
      ctx.lineTo(x + w - inset, mid);
      ctx.stroke();
      break;
    }
    case 'circle':
      ctx.beginPath();
      ctx.arc(x + w / 2, mid, L.dotRadius, 0, 2 * Math.PI);
      ctx.fill();
      ctx.strokeStyle = '#ffffff';
      ctx.lineWidth = 1;
      ctx.stroke();
      break;
    case 'halo':
      ctx.beginPath();
      ctx.arc(x + w / 2, mid, L.haloRadius, 0, 2 * Math.PI);
      ctx.globalAlpha = L.haloFillOpacity;
      ctx.fill();
      ctx.globalAlpha = L.haloStrokeOpacity;
      ctx.lineWidth = 1;
      ctx.stroke();
      break;
    case 'arrow':
      ctx.font = `400 ${L.arrowSize}px sans-serif`;
      ctx.textAlign = 'center';
      ctx.textBaseline = 'middle';
      ctx.fillText('→', x + w / 2, mid);
      break;
    default:
      ctx.fillRect(x, y, w, h);
      ctx.strokeStyle = L.swatchStroke;
      ctx.lineWidth = 0.6;
      ctx.strokeRect(x, y, w, h);
  }
  ctx.restore();
}

function toBlob(canvas: HTMLCanvasElement): Promise<Blob> {
  return new Promise((resolve, reject) => canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('the PNG could not be encoded'))), 'image/png'));
}

export async function exportPng(map: MapLibreMap, scale: PngScale, frame: ExportFrame): Promise<Blob> {
  const container = map.getContainer();
  // The CSS size MapLibre draws at (its _containerDimensions).
  const cssW = Math.floor(container.clientWidth) || 400;
  const cssH = Math.floor(container.clientHeight) || 300;
  const font = pageFont(container);
  await document.fonts?.ready;

  const out = document.createElement('canvas');
  const ctx = out.getContext('2d');
  if (!ctx) throw new Error('no 2D canvas');
  ctx.font = `400 ${FRAME.legendSize}px ${font}`;
  const measure = (text: string, size: number) => {
    ctx.font = `400 ${size}px ${font}`;
    return ctx.measureText(text).width;
  };
  const layout = layoutFrame(cssW, frame, measure);
  const size = pngSize(cssW, cssH, scale, { legendRows: layout.legendRows, textLines: layout.notice.length + layout.attribution.length });
  out.width = size.width;
  out.height = size.height;
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, out.width, out.height);

  const gl = map.getCanvas();
  const followsDevice = map.getPixelRatio() === window.devicePixelRatio;
  const before = map.getPixelRatio();
  let mapScale: number = scale;
  try {
    map.setPixelRatio(scale);
    await settled(map);
    // Synchronous: draw, then copy before the task ends (the buffer is not preserved).
    map.redraw();
    mapScale = gl.width / cssW;
    ctx.imageSmoothingQuality = 'high';
    ctx.drawImage(gl, 0, 0, gl.width, gl.height, 0, size.header, size.width, Math.round(cssH * scale));
  } finally {
    // null (documented) goes back to following devicePixelRatio, as the map did before.
    map.setPixelRatio(followsDevice ? (null as unknown as number) : before);
  }

  ctx.save();
  ctx.scale(scale, scale);
  drawFrame(ctx, frame, layout, cssW, cssH + layout.header, font);
  ctx.restore();

  const blob = await toBlob(out);
  lastExportSize = { ...size, scale, mapScale, mapWidth: Math.round(cssW * scale), mapHeight: Math.round(cssH * scale) };
  return blob;
}
