/** Runs `f` once the next frame has been painted (a task queued from inside requestAnimationFrame). */
export const afterPaint = (f: () => void): void => void requestAnimationFrame(() => setTimeout(f, 0));
