/** The objects of the boundary TopoJSON, shared by the build and the browser loader. */
export const BOUNDARY_OBJECTS = ['districts', 'context', 'outlines', 'labels'] as const;
export type BoundaryObject = (typeof BOUNDARY_OBJECTS)[number];
