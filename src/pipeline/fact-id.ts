/**
 * Stable fact ids: document id + a hash of the sentence's normalised text, so that editing
 * one sentence or inserting another does not renumber the rest. Equal texts within a
 * document (and the rare hash collision) get -2, -3 … in document order.
 */

/** cyrb53: a small, well-mixed 53-bit string hash. */
function cyrb53(s: string): number {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 2654435761);
    h2 = Math.imul(h2 ^ c, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return 4294967296 * (2097151 & h2) + (h1 >>> 0);
}

export function factIdMaker(doc: string): (normalisedText: string) => string {
  const used = new Set<string>();
  return (normalisedText) => {
    const base = `${doc}-${cyrb53(normalisedText.replace(/\s+/g, '')).toString(16).padStart(14, '0').slice(0, 10)}`;
    let id = base;
    for (let n = 2; used.has(id); n++) id = `${base}-${n}`;
    used.add(id);
    return id;
  };
}
