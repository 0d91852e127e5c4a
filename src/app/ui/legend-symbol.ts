/**
 * A legend symbol (swatch, line, dot, halo, arrow) in a colour: the side legend's and the
 * presenting legend's. Shapes are drawn by CSS (styles.css `.sym-*`); a line with a look is an
 * inline SVG stroke with the map's width, dash and cap, so a dotted link reads as dots here too.
 */
import { el } from './dom.ts';

const SVG = 'http://www.w3.org/2000/svg';
/** The sample's size in CSS pixels (the `.legend-symbol` box). */
const SAMPLE = { width: 18, height: 12 } as const;

export function legendSymbol(symbol: string, colour: string, line?: { width: number; dash: readonly number[]; cap: 'round' | 'butt' }): HTMLElement {
  const s = el('span', { class: `legend-symbol sym-${symbol}`, 'aria-hidden': 'true' });
  s.style.setProperty('--sym-colour', colour);
  if (symbol === 'line' && line) {
    s.classList.add('sym-drawn');
    const svg = document.createElementNS(SVG, 'svg');
    svg.setAttribute('width', String(SAMPLE.width));
    svg.setAttribute('height', String(SAMPLE.height));
    svg.setAttribute('viewBox', `0 0 ${SAMPLE.width} ${SAMPLE.height}`);
    const inset = line.cap === 'round' ? line.width / 2 : 0;
    const stroke = document.createElementNS(SVG, 'line');
    const attrs: Record<string, string> = {
      x1: String(inset), x2: String(SAMPLE.width - inset), y1: String(SAMPLE.height / 2), y2: String(SAMPLE.height / 2),
      stroke: colour, 'stroke-width': String(line.width), 'stroke-linecap': line.cap,
    };
    if (line.dash.length) attrs['stroke-dasharray'] = line.dash.join(' ');
    for (const [k, v] of Object.entries(attrs)) stroke.setAttribute(k, v);
    svg.append(stroke);
    s.append(svg);
  }
  return s;
}
