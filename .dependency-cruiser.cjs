/**
 * Import rules, run by `npm test` (`npm run lint:deps`). Imports run one way:
 *   main.ts (the composition root)
 *     → features (src/app/features/<feature>/: model, view, controller)
 *       → render (map: the MapLibre style and the map contract; scene: the style evaluated, renderer-neutral; svg-map)
 *         and the UI kit (ui: DOM helpers, names and labels, citations, error text)
 *         → services (data, state, i18n, platform)
 *           → domain (src/*.ts: types, the data contract, the counting rule, the search key)
 * A feature uses another feature's model or controller interface, never its DOM view; a model is
 * pure and imports no view.
 * The pipeline (Node) and the app (browser) share only the domain.
 */
const FEATURES = '^src/app/features/|^src/app/main\\.ts$';
const UI_KIT = '^src/app/ui/';
const RENDER = '^src/app/(map|svg-map|scene)/';
const SERVICES = '^src/app/(data|state|i18n|platform)/';

module.exports = {
  forbidden: [
    { name: 'no-circular', severity: 'error', comment: 'A cycle makes load order matter and hides which module owns what.', from: {}, to: { circular: true } },
    { name: 'domain-stands-alone', severity: 'error', comment: 'The domain modules are shared by pipeline and app and import neither.', from: { path: '^src/[^/]+\\.ts$' }, to: { path: '^src/(app|pipeline|geo)/' } },
    { name: 'pipeline-not-app', severity: 'error', comment: 'The pipeline runs in Node; what it shares with the app lives in the domain.', from: { path: '^src/(pipeline|geo)/' }, to: { path: '^src/app/' } },
    { name: 'app-not-pipeline', severity: 'error', comment: 'The app ships to the browser; pipeline code (jieba, fs) must not follow it there.', from: { path: '^src/app/' }, to: { path: '^src/(pipeline|geo)/' } },
    { name: 'services-below-render', severity: 'error', comment: 'Data, state, strings and platform helpers know nothing of how the map is drawn or of any feature.', from: { path: SERVICES }, to: { path: `${RENDER}|${FEATURES}` } },
    { name: 'ui-kit-below-features', severity: 'error', comment: 'The UI kit is shared by the features and knows none of them, nor how the map is drawn.', from: { path: UI_KIT }, to: { path: `${FEATURES}|${RENDER}` } },
    { name: 'render-not-ui-kit', severity: 'error', comment: 'The map layers draw from the scene and strings, not from the DOM kit of the features.', from: { path: RENDER }, to: { path: UI_KIT } },
    { name: 'features-keep-their-views', severity: 'error', comment: "A feature's DOM view is its own: others go through its controller or model (the overlay hosts the charts and documents panes, and mounts them).", from: { path: '^src/app/features/([^/]+)/', pathNot: '^src/app/features/overlay/' }, to: { path: '^src/app/features/[^/]+/[^/]+-view\\.ts$', pathNot: '^src/app/features/$1/' } },
    { name: 'models-are-pure', severity: 'error', comment: 'A model is pure: it imports no view, controller or DOM kit, so it is tested in Node.', from: { path: '-model\\.ts$' }, to: { path: `-view\\.ts$|-controller\\.ts$|^src/app/ui/(dom|layout|error-screen)\\.ts$` } },
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
