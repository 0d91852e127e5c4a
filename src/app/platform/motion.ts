/** Whether the reader lets things move: a reduced-motion preference turns camera flights and tour transitions into jumps. */
export function motionAllowed(): boolean {
  if (typeof window === 'undefined' || typeof window.matchMedia !== 'function') return true;
  return !window.matchMedia('(prefers-reduced-motion: reduce)').matches;
}
