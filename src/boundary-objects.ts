/** The objects of the boundary TopoJSON, shared by the build and the browser loader. */
export const BOUNDARY_OBJECTS = ['districts', 'context', 'outlines', 'labels', 'extents'] as const;
export type BoundaryObject = (typeof BOUNDARY_OBJECTS)[number];

/** The properties a schematic extent keeps in the browser file (its basis and sources stay in geo/). */
export const EXTENT_PROPS = ['id', 'nameZhHans', 'nameEn', 'targetKm2', 'areaKm2', 'schematic'] as const;
