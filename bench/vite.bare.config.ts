import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const page = (name: string) => fileURLToPath(new URL(`./bare/${name}.html`, import.meta.url));

// Builds the bare-MapLibre baseline pages into dist-bench/ with the same public data: index.html
// draws the districts alone, same-map.html the app's whole first view (see bench/bare/same-map.ts).
export default defineConfig({
  root: 'bench/bare',
  base: './',
  publicDir: '../../public',
  logLevel: 'warn',
  build: {
    outDir: '../../dist-bench',
    emptyOutDir: true,
    target: 'es2022',
    chunkSizeWarningLimit: 1200,
    rollupOptions: { input: { index: page('index'), 'same-map': page('same-map') } },
  },
});
