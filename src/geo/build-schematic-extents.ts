/** CLI: geo/schematic-extents.json + geo/beijing-districts.geojson → geo/schematic-extents.geojson (committed data). */
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { deriveExtents, type ExtentSpec } from './schematic-extents.ts';
import { formatFeatureCollection } from './format-geojson.ts';

const readJson = (path: string) => {
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch (e) {
    console.error(`data:extents: cannot read ${path} (${(e as Error).message})`);
    process.exit(1);
  }
};

const specs: ExtentSpec[] = readJson('geo/schematic-extents.json').zones;
const districts = readJson('geo/beijing-districts.geojson');
const fc = deriveExtents(specs, districts);
const out = 'geo/schematic-extents.geojson';
writeFileSync(`${out}.tmp`, formatFeatureCollection(fc));
renameSync(`${out}.tmp`, out);
for (const f of fc.features) {
  const p = f.properties!;
  const parts = (p.parts ?? []) as { name: string; targetKm2: number; areaKm2: number }[];
  console.log(`${p.id.padEnd(22)} ${p.method.padEnd(14)} target ${String(p.targetKm2).padStart(6)} km²  achieved ${p.areaKm2.toFixed(2).padStart(7)} km²`);
  for (const q of parts) console.log(`${''.padEnd(38)}· ${q.name}: target ${q.targetKm2}, achieved ${q.areaKm2.toFixed(2)} km²`);
}
console.log(`data:extents: wrote ${out}`);
