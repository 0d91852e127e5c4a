/**
 * Serves the built site (dist/, made by `npm run build` before the tests) on a free
 * loopback port for the browser tests, and hands them its address. ATLAS_DIST names
 * another build directory (e.g. `vite build --outDir dist-x`) so parallel work does not
 * share one dist/.
 */
import { existsSync } from 'node:fs';
import { preview, type PreviewServer } from 'vite';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
  }
}

let server: PreviewServer | undefined;

export async function setup(project: TestProject) {
  const outDir = process.env.ATLAS_DIST ?? 'dist';
  if (!existsSync(`${outDir}/index.html`)) throw new Error(`${outDir}/ is missing: run \`npm run build\` before the browser tests (\`npm test\` does).`);
  server = await preview({ build: { outDir }, preview: { host: '127.0.0.1', port: 0, strictPort: false }, logLevel: 'warn' });
  const address = server.httpServer.address();
  if (!address || typeof address === 'string') throw new Error('preview server has no port');
  project.provide('baseUrl', `http://127.0.0.1:${address.port}/`);
}

export async function teardown() {
  await new Promise<void>((resolve) => (server ? server.httpServer.close(() => resolve()) : resolve()));
}
