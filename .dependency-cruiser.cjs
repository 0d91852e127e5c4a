/**
 * Import rules, run by `npm test` (`npm run lint:deps`). Imports run one way:
 *   features (ui, charts, export, tour, views, main.ts)
 *     → render (map: the MapLibre style and the map contract; scene: the style evaluated, renderer-neutral; svg-map)
 *       → services (data, state, i18n, platform)
 *         → domain (src/*.ts: types, the data contract, the counting rule, the search key)
 * The pipeline (Node) and the app (browser) share only the domain.
 */
const FEATURES = '^src/app/(ui|charts|export|tour|views)/|^src/app/main\\.ts$';
const RENDER = '^src/app/(map|svg-map|scene)/';
const SERVICES = '^src/app/(data|state|i18n|platform)/';

module.exports = {
  forbidden: [
    { name: 'no-circular', severity: 'error', comment: 'A cycle makes load order matter and hides which module owns what.', from: {}, to: { circular: true } },
    { name: 'domain-stands-alone', severity: 'error', comment: 'The domain modules are shared by pipeline and app and import neither.', from: { path: '^src/[^/]+\\.ts$' }, to: { path: '^src/(app|pipeline|geo)/' } },
    { name: 'pipeline-not-app', severity: 'error', comment: 'The pipeline runs in Node; what it shares with the app lives in the domain.', from: { path: '^src/(pipeline|geo)/' }, to: { path: '^src/app/' } },
    { name: 'app-not-pipeline', severity: 'error', comment: 'The app ships to the browser; pipeline code (jieba, fs) must not follow it there.', from: { path: '^src/app/' }, to: { path: '^src/(pipeline|geo)/' } },
    { name: 'services-below-render', severity: 'error', comment: 'Data, state, strings and platform helpers know nothing of how the map is drawn or of any feature.', from: { path: SERVICES }, to: { path: `${RENDER}|${FEATURES}` } },
    { name: 'render-below-features', severity: 'error', comment: 'The map draws state; the features (panel, tour, export …) use the map, never the other way round.', from: { path: RENDER }, to: { path: FEATURES } },
    { name: 'nothing-imports-main', severity: 'error', comment: 'main.ts is the composition root.', from: {}, to: { path: '^src/app/main\\.ts$' } },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    exclude: { path: '\\.css$' },
  },
};
