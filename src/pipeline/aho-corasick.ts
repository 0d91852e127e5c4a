/**
 * A small Aho–Corasick automaton over UTF-16 code units: all occurrences of all patterns in
 * one pass, linear in text length plus the number of hits.
 */

export interface Hit {
  pattern: number;
  start: number;
  end: number;
}

interface Node {
  next: Map<string, number>;
  fail: number;
  /** Pattern indices ending here, including those reached through the fail chain. */
  out: number[];
}

export class AhoCorasick {
  private nodes: Node[] = [{ next: new Map(), fail: 0, out: [] }];
  readonly lengths: number[] = [];

  constructor(patterns: readonly string[]) {
    patterns.forEach((p, idx) => {
      let n = 0;
      for (const c of p) {
        for (let k = 0; k < c.length; k++) {
          const u = c[k];
          let to = this.nodes[n].next.get(u);
          if (to === undefined) {
            to = this.nodes.push({ next: new Map(), fail: 0, out: [] }) - 1;
            this.nodes[n].next.set(u, to);
          }
          n = to;
        }
      }
      this.nodes[n].out.push(idx);
      this.lengths[idx] = p.length;
    });
    // Breadth-first fail links.
    const queue: number[] = [...this.nodes[0].next.values()];
    for (let qi = 0; qi < queue.length; qi++) {
      const n = queue[qi];
      for (const [u, to] of this.nodes[n].next) {
        let f = this.nodes[n].fail;
        while (f !== 0 && !this.nodes[f].next.has(u)) f = this.nodes[f].fail;
        const cand = this.nodes[f].next.get(u);
        this.nodes[to].fail = cand !== undefined && cand !== to ? cand : 0;
        this.nodes[to].out.push(...this.nodes[this.nodes[to].fail].out);
        queue.push(to);
      }
    }
  }

  search(text: string): Hit[] {
    const hits: Hit[] = [];
    let n = 0;
    for (let i = 0; i < text.length; i++) {
      const u = text[i];
      while (n !== 0 && !this.nodes[n].next.has(u)) n = this.nodes[n].fail;
      n = this.nodes[n].next.get(u) ?? 0;
      for (const p of this.nodes[n].out) hits.push({ pattern: p, start: i + 1 - this.lengths[p], end: i + 1 });
    }
    return hits;
  }
}

/**
 * Non-overlapping selection, longest first: where matches overlap, the longer name wins even
 * when it starts later ("北京中关村东升国际科学园" is the science park, not 北京中关村 + a
 * remainder). Ties go to the leftmost, then the lower pattern index. Returned in text order.
 */
export function longestFirst(hits: Hit[]): Hit[] {
  const sorted = [...hits].sort((a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start || a.pattern - b.pattern);
  const taken: Hit[] = [];
  for (const h of sorted) {
    if (taken.some((t) => h.start < t.end && t.start < h.end)) continue;
    taken.push(h);
  }
  return taken.sort((a, b) => a.start - b.start);
}
