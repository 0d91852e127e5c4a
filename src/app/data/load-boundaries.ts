/** Loads the boundary TopoJSON and checks its shape before anything draws with it. */
import { feature } from 'topojson-client';
import type { FeatureCollection, Point } from 'geojson';
import type { GeometryCollection, Topology } from 'topojson-specification';
import { BOUNDARY_OBJECTS } from '../../boundary-objects.ts';
import { DataFileError, fetchDataFile } from './fetch-data-file.ts';

export const BOUNDARIES_URL = 'data/boundaries.topo.json';
export const BOUNDARIES_COMMAND = 'npm run data:boundaries';

export interface Boundaries {
  districts: FeatureCollection;
  context: FeatureCollection;
  outlines: FeatureCollection;
  labels: FeatureCollection<Point>;
  /** Schematic extents of the 三城一区 (the 一区 through beijing-etda): id, names, targetKm2, areaKm2, schematic. */
  extents: FeatureCollection;
}

const REQUIRED_PROPS = ['id', 'adcode', 'nameZhHans', 'nameZhHant', 'nameEn'];

/** Extents are not administrative units: no adcode, but areas the map states and a schematic flag. */
function extentLacks(props: Record<string, unknown>): string | undefined {
  const str = ['id', 'nameZhHans', 'nameEn'].find((k) => typeof props[k] !== 'string');
  if (str) return str;
  const num = ['targetKm2', 'areaKm2'].find((k) => typeof props[k] !== 'number' || !Number.isFinite(props[k]));
  if (num) return num;
  return props.schematic === true ? undefined : 'schematic';
}

export function parseBoundaries(json: unknown, file = BOUNDARIES_URL): Boundaries {
  const invalid = (reason: string) => new DataFileError(file, reason, 'invalid', BOUNDARIES_COMMAND);
  const topo = json as Topology;
  if (!topo || topo.type !== 'Topology' || typeof topo.objects !== 'object' || topo.objects === null || !Array.isArray(topo.arcs)) {
    throw invalid('not a TopoJSON topology');
  }
  if (!topo.arcs.every((arc) => Array.isArray(arc) && arc.every((pt) => Array.isArray(pt) && pt.length >= 2 && pt.every(Number.isFinite)))) {
    throw invalid('an arc is not a list of positions');
  }
  const tr = topo.transform;
  if (tr !== undefined && !(Array.isArray(tr?.scale) && Array.isArray(tr?.translate) && [...tr.scale, ...tr.translate].length === 4 && [...tr.scale, ...tr.translate].every(Number.isFinite))) {
    throw invalid('the transform is malformed');
  }
  const out: Partial<Boundaries> = {};
  for (const name of BOUNDARY_OBJECTS) {
    const obj = topo.objects[name] as GeometryCollection | undefined;
    if (!obj || obj.type !== 'GeometryCollection' || !Array.isArray(obj.geometries)) throw invalid(`object "${name}" is missing`);
    for (const g of obj.geometries) {
      const props = (g.properties ?? {}) as Record<string, unknown>;
      const lacking = name === 'extents' ? extentLacks(props) : REQUIRED_PROPS.find((k) => typeof props[k] !== 'string');
      if (lacking) throw invalid(`a feature of "${name}" has no "${lacking}"`);
    }
    try {
      (out as Record<string, FeatureCollection>)[name] = feature(topo, obj) as FeatureCollection;
    } catch (e) {
      // e.g. a geometry that points at an arc the file does not have.
      throw invalid(`the geometry of "${name}" cannot be read (${e instanceof Error ? e.message : String(e)})`);
    }
  }
  const badLabel = out.labels!.features.find((f) => f.geometry?.type !== 'Point' || !f.geometry.coordinates.every(Number.isFinite));
  if (badLabel) throw invalid(`label ${String(badLabel.properties?.id)} is not a point`);
  if (out.districts!.features.length !== 16) throw invalid(`expected 16 districts, found ${out.districts!.features.length}`);
  return out as Boundaries;
}

export async function loadBoundaries(fetcher: typeof fetch = fetch): Promise<Boundaries> {
  return parseBoundaries(await fetchDataFile(BOUNDARIES_URL, BOUNDARIES_COMMAND, fetcher));
}
