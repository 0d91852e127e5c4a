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

describe('parseBoundaries: valid JSON, broken geometry', () => {
  const empty = { type: 'GeometryCollection', geometries: [] };
  const props = (id: string) => ({ id, adcode: '1', nameZhHans: id, nameZhHant: id, nameEn: id });
  const topo = (over: Record<string, unknown>) => ({ type: 'Topology', arcs: [[[0, 0], [1, 1]]], objects: { districts: empty, context: empty, outlines: empty, labels: empty, extents: empty }, ...over });
  const objects = (over: Record<string, unknown>) => ({ districts: empty, context: empty, outlines: empty, labels: empty, extents: empty, ...over });

  it('refuses arcs that are not lists of positions', () => {
    expect(() => parseBoundaries(topo({ arcs: [[[0, 0], 'x']] }))).toThrow(/an arc is not a list of positions/);
    expect(() => parseBoundaries(topo({ arcs: [[[0, null]]] }))).toThrow(/an arc is not a list of positions/);
  });

  it('refuses a malformed transform', () => {
    expect(() => parseBoundaries(topo({ transform: { scale: [1], translate: [0, 0] } }))).toThrow(/transform is malformed/);
  });

  it('names a geometry that points at an arc the file does not have, instead of failing with a TypeError', () => {
    const districts = { type: 'GeometryCollection', geometries: [{ type: 'Polygon', arcs: [[7]], properties: props('haidian') }] };
    const err = (() => {
      try {
        parseBoundaries(topo({ objects: objects({ districts }) }));
      } catch (e) {
        return e;
      }
    })();
    expect(err).toBeInstanceOf(DataFileError);
    expect((err as Error).message).toMatch(/the geometry of "districts" cannot be read/);
  });

  it('refuses a label that is not a point', () => {
    const labels = { type: 'GeometryCollection', geometries: [{ type: 'LineString', arcs: [0], properties: props('haidian') }] };
    expect(() => parseBoundaries(topo({ objects: objects({ labels }) }))).toThrow(/label haidian is not a point/);
  });
});

describe('loadBoundaries', () => {
  it('calls an HTML page sent in place of the file missing (a server falling back to index.html)', async () => {
    const err = await loadBoundaries(async () => new Response('<!doctype html>', { headers: { 'content-type': 'text/html' } })).catch((e) => e);
    expect(err).toMatchObject({ kind: 'missing', command: 'npm run data:boundaries' });
  });

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
