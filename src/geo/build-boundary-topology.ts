/** CLI: geo/*.geojson → public/data/boundaries.topo.json (run by `npm run data:boundaries`). */
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { buildBoundaryTopology } from './boundary-topology.ts';

const read = (name: string, command = 'npm run build:geo') => {
  const path = `geo/${name}.geojson`;
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch (e) {
    console.error(`data:boundaries: cannot read ${path} (${(e as Error).message}). Run \`${command}\` to rebuild it.`);
    process.exit(1);
  }
};

const topo = buildBoundaryTopology({
  districts: read('beijing-districts'),
  context: read('jjj-context'),
  outlines: read('jjj-outlines'),
  extents: read('schematic-extents', 'npm run data:extents'),
});
mkdirSync('public/data', { recursive: true });
const out = 'public/data/boundaries.topo.json';
writeFileSync(`${out}.tmp`, JSON.stringify(topo));
renameSync(`${out}.tmp`, out);
console.log(`data:boundaries: wrote ${out}`);
