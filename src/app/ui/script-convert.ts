/**
 * Traditional → Simplified display conversion, loaded on first use. Only OpenCC's
 * Traditional→Simplified build ('opencc-js/t2cn', ~110 kB) is fetched, as its own chunk.
 */
export type Convert = (text: string) => string;

let pending: Promise<Convert> | null = null;

export function loadT2S(): Promise<Convert> {
  pending ??= import('opencc-js/t2cn')
    .then((OpenCC) => OpenCC.Converter({ from: 'tw', to: 'cn' }))
    .catch((e: unknown) => {
      pending = null;
      throw e;
    });
  return pending;
}
