/** A legend symbol (swatch, line, dot, halo, arrow) in a colour, drawn by CSS (styles.css `.sym-*`): the side legend's and the presenting legend's. */
import { el } from './dom.ts';

export function legendSymbol(symbol: string, colour: string): HTMLElement {
  const s = el('span', { class: `legend-symbol sym-${symbol}`, 'aria-hidden': 'true' });
  s.style.setProperty('--sym-colour', colour);
  return s;
}
