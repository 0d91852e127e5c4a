import { defineConfig, type Plugin } from 'vite';

/**
 * The dev server injects each CSS module as a <style> element from JavaScript, which the
 * Content-Security-Policy in index.html refuses; while serving (never in the build) the policy
 * gets 'unsafe-inline' for styles only. Scripts stay 'self' in both.
 */
function devStylesUnderCsp(): Plugin {
  return {
    name: 'atlas-dev-styles-under-csp',
    apply: 'serve',
    transformIndexHtml: (html) => html.replace("style-src 'self'", "style-src 'self' 'unsafe-inline'"),
  };
}

// Relative base so dist/ works from any static host path. MapLibre gets a chunk of its
// own so the benchmark can tell its size from the app's (and browsers cache it apart).
export default defineConfig({
  base: './',
  plugins: [devStylesUnderCsp()],
  build: {
    target: 'es2022',
    sourcemap: false,
    chunkSizeWarningLimit: 1200,
    rolldownOptions: {
      output: {
        advancedChunks: { groups: [{ name: 'maplibre', test: /[\\/]node_modules[\\/]maplibre-gl[\\/]/ }] },
      },
    },
  },
  server: { host: '127.0.0.1', port: 5173 },
  preview: { host: '127.0.0.1', port: 4173 },
});
