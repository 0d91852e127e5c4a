/** A full-panel error that says what went wrong and what to do; text only, never HTML. */
export function showError(root: HTMLElement, title: string, message: string): void {
  const box = document.createElement('section');
  box.className = 'error-screen';
  box.setAttribute('role', 'alert');
  const h = document.createElement('h2');
  h.textContent = title;
  const p = document.createElement('p');
  p.textContent = message;
  box.append(h, p);
  root.replaceChildren(box);
}
