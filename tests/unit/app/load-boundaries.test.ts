import { describe, expect, it } from 'vitest';
import { loadBoundaries, parseBoundaries } from '../../../src/app/data/load-boundaries.ts';
import { DataFileError } from '../../../src/app/data/fetch-data-file.ts';

const response = (body: string, status = 200) => new Response(body, { status });

describe('parseBoundaries', () => {
  it('rejects something that is not a topology, naming the file', () => {
    expect(() => parseBoundaries({ type: 'FeatureCollection' })).toThrow(DataFileError);
    expect(() => parseBoundaries({ type: 'FeatureCollection' })).toThrow(/boundaries\.topo\.json.*not a TopoJSON/);
  });

  it('rejects a topology that lacks one of its objects', () => {
    const topo = { type: 'Topology', arcs: [], objects: { districts: { type: 'GeometryCollection', geometries: [] } } };
    expect(() => parseBoundaries(topo)).toThrow(/"context" is missing/);
  });

  it('rejects features without the ids scripts rely on', () => {
    const empty = { type: 'GeometryCollection', geometries: [] };
    const topo = {
      type: 'Topology',
      arcs: [],
      objects: { districts: { type: 'GeometryCollection', geometries: [{ type: null, properties: { id: 'x' } }] }, context: empty, outlines: empty, labels: empty },
    };
    expect(() => parseBoundaries(topo)).toThrow(/has no "adcode"/);
  });

  it('requires extents to carry their areas and the schematic flag', () => {
    const empty = { type: 'GeometryCollection', geometries: [] };
    const extent = { type: null, properties: { id: 'x', nameZhHans: 'x', nameEn: 'x', targetKm2: 1, areaKm2: 1 } };
    const topo = { type: 'Topology', arcs: [], objects: { districts: empty, context: empty, outlines: empty, labels: empty, extents: { type: 'GeometryCollection', geometries: [extent] } } };
    expect(() => parseBoundaries(topo)).toThrow(/"extents" has no "schematic"/);
  });
});

describe('loadBoundaries', () => {
  it('reports a missing file with the command that rebuilds it', async () => {
    const err = await loadBoundaries(async () => response('not found', 404)).catch((e) => e);
    expect(err).toBeInstanceOf(DataFileError);
    expect(err).toMatchObject({ kind: 'missing', reason: 'HTTP 404', command: 'npm run data:boundaries' });
  });

  it('reports a file that is not JSON as invalid', async () => {
    const err = await loadBoundaries(async () => response('<!doctype html>')).catch((e) => e);
    expect(err).toMatchObject({ kind: 'invalid', reason: 'not valid JSON' });
  });

  it('reports a network failure as missing', async () => {
    const err = await loadBoundaries(async () => {
      throw new TypeError('Failed to fetch');
    }).catch((e) => e);
    expect(err).toMatchObject({ kind: 'missing', reason: 'Failed to fetch' });
  });
});
