import { defineConfig } from 'vite';

// Builds the bare-MapLibre baseline page into dist-bench/ with the same public data.
export default defineConfig({
  root: 'bench/bare',
  base: './',
  publicDir: '../../public',
  logLevel: 'warn',
  build: { outDir: '../../dist-bench', emptyOutDir: true, target: 'es2022', chunkSizeWarningLimit: 1200 },
});
