/**
 * Colour arithmetic for checking the palettes (pure, no DOM): WCAG contrast, colour-vision
 * deficiency simulation and perceptual distance. Used by the unit tests, not by the running
 * app, so the palettes in map-theme.ts and styles.css stay plain hex strings.
 */

/** sRGB components in 0…1. */
export type Rgb = readonly [number, number, number];
export type Lab = readonly [number, number, number];
export type Deficiency = 'protanopia' | 'deuteranopia' | 'tritanopia';

/** '#rgb' or '#rrggbb' → sRGB in 0…1; throws on anything else so a typo cannot pass a check. */
export function parseHex(hex: string): Rgb {
  const m = /^#([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(hex.trim());
  if (!m) throw new Error(`not a hex colour: ${hex}`);
  const h = m[1].length === 3 ? [...m[1]].map((c) => c + c).join('') : m[1];
  return [0, 2, 4].map((i) => parseInt(h.slice(i, i + 2), 16) / 255) as unknown as Rgb;
}

export function toHex(rgb: Rgb): string {
  return `#${rgb.map((c) => Math.round(Math.min(1, Math.max(0, c)) * 255).toString(16).padStart(2, '0')).join('')}`;
}

/** The sRGB transfer curve, undone (IEC 61966-2-1; WCAG 2.2 uses the same 0.04045 knee). */
export function toLinear(c: number): number {
  return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
}

export function fromLinear(c: number): number {
  const v = Math.min(1, Math.max(0, c));
  return v <= 0.0031308 ? v * 12.92 : 1.055 * v ** (1 / 2.4) - 0.055;
}

/** WCAG 2 relative luminance. */
export function relativeLuminance(hex: string): number {
  const [r, g, b] = parseHex(hex).map(toLinear);
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** WCAG 2 contrast ratio, 1…21, the same whichever colour is given first. */
export function contrastRatio(a: string, b: string): number {
  const [hi, lo] = [relativeLuminance(a), relativeLuminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}

/**
 * `fg` painted at `alpha` over `bg`, as a browser or MapLibre composites it (in sRGB values,
 * not linear light): what a translucent fill actually shows.
 */
export function over(fg: string, alpha: number, bg: string): string {
  const f = parseHex(fg);
  const b = parseHex(bg);
  return toHex(f.map((c, i) => c * alpha + b[i] * (1 - alpha)) as unknown as Rgb);
}

/**
 * Machado, Oliveira & Fernandes (2009), "A Physiologically-based Model for Simulation of Color
 * Vision Deficiency", IEEE TVCG 15(6):1291–1298, severity 1.0 matrices from the paper's table,
 * applied to linear RGB (rows give the simulated R, G, B).
 */
const MACHADO_2009: Record<Deficiency, readonly (readonly [number, number, number])[]> = {
  protanopia: [
    [0.152286, 1.052583, -0.204868],
    [0.114503, 0.786281, 0.099216],
    [-0.003882, -0.048116, 1.051998],
  ],
  deuteranopia: [
    [0.367322, 0.860646, -0.227968],
    [0.280085, 0.672501, 0.047413],
    [-0.01182, 0.04294, 0.968881],
  ],
  tritanopia: [
    [1.255528, -0.076749, -0.178779],
    [-0.078411, 0.930809, 0.147602],
    [0.004733, 0.691367, 0.3039],
  ],
};

export const DEFICIENCIES = Object.keys(MACHADO_2009) as Deficiency[];

/** The colour as a viewer with the given (complete) deficiency sees it, as hex. */
export function simulate(hex: string, deficiency: Deficiency): string {
  const lin = parseHex(hex).map(toLinear);
  const m = MACHADO_2009[deficiency];
  return toHex(m.map((row) => fromLinear(row[0] * lin[0] + row[1] * lin[1] + row[2] * lin[2])) as unknown as Rgb);
}

/** CIE 1976 L*a*b* (D65 white), from sRGB through linear RGB and XYZ. */
export function toLab(hex: string): Lab {
  const [r, g, b] = parseHex(hex).map(toLinear);
  // sRGB (D65) → XYZ, normalised by the D65 white point.
  const x = (0.4124564 * r + 0.3575761 * g + 0.1804375 * b) / 0.95047;
  const y = 0.2126729 * r + 0.7151522 * g + 0.072175 * b;
  const z = (0.0193339 * r + 0.119192 * g + 0.9503041 * b) / 1.08883;
  const f = (t: number) => (t > (6 / 29) ** 3 ? Math.cbrt(t) : t / (3 * (6 / 29) ** 2) + 4 / 29);
  const [fx, fy, fz] = [f(x), f(y), f(z)];
  return [116 * fy - 16, 500 * (fx - fy), 200 * (fy - fz)];
}

/** CIE76 colour difference: Euclidean distance in L*a*b*. About 2.3 is a just-noticeable difference. */
export function deltaE76(a: string, b: string): number {
  const p = toLab(a);
  const q = toLab(b);
  return Math.hypot(p[0] - q[0], p[1] - q[1], p[2] - q[2]);
}

/** L* (perceived lightness, 0 black … 100 white). */
export function lightness(hex: string): number {
  return toLab(hex)[0];
}

export type Vision = 'normal' | Deficiency;
export const VISIONS: readonly Vision[] = ['normal', ...DEFICIENCIES];

export function seenAs(hex: string, vision: Vision): string {
  return vision === 'normal' ? hex : simulate(hex, vision);
}

/** The smallest ΔE76 between any two of `colours` under `vision`, with the pair that gives it. */
export function closestPair(colours: Record<string, string>, vision: Vision): { a: string; b: string; deltaE: number } {
  const names = Object.keys(colours);
  let best = { a: '', b: '', deltaE: Infinity };
  for (let i = 0; i < names.length; i++) {
    for (let j = i + 1; j < names.length; j++) {
      const d = deltaE76(seenAs(colours[names[i]], vision), seenAs(colours[names[j]], vision));
      if (d < best.deltaE) best = { a: names[i], b: names[j], deltaE: d };
    }
  }
  return best;
}
