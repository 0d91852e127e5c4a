/**
 * The subject's name: the selected place (a tour step's subject, a clicked district, a searched
 * park) is always named, above every other label and never dropped in a collision. Its ordinary
 * label is filtered out meanwhile (build-style.ts: withoutSubject), so no name is shown twice.
 */
import type { ExpressionSpecification, LayerSpecification } from 'maplibre-gl';
import type { Lang } from '../../i18n/strings.ts';
import { PALETTE, districtNameField, labelFont } from '../map-theme.ts';
import { at, type LayerDescriptor } from '../layer-descriptor.ts';

export const SUBJECT_SOURCE = 'subject';
const isArea: ExpressionSpecification = ['==', ['get', 'area'], true];
const LOOK = { size: 14, haloWidth: 2.5 } as const;

function subjectLayer(lang: Lang, id: string, area: boolean): LayerSpecification {
  return {
    id,
    type: 'symbol',
    source: SUBJECT_SOURCE,
    filter: area ? isArea : ['!', isArea],
    layout: {
      'text-field': districtNameField(lang),
      'text-font': labelFont,
      'text-size': LOOK.size,
      'text-max-width': 12,
      'text-allow-overlap': true,
      // Areas are named on their label point; a dot or an arrow is named beside it, where there is room.
      ...(area ? {} : { 'text-variable-anchor': ['top', 'bottom', 'right', 'left'], 'text-radial-offset': 0.9 }),
    },
    paint: { 'text-color': PALETTE.selected, 'text-halo-color': PALETTE.halo, 'text-halo-width': LOOK.haloWidth },
  } as LayerSpecification;
}

export function subjectLayers(lang: Lang): LayerSpecification[] {
  return [subjectLayer(lang, 'subject-area-label', true), subjectLayer(lang, 'subject-point-label', false)];
}

/** Drawn whatever the toggles (the subject is named even with its layer off); the topmost labels. */
export const subjectLabelLayer: LayerDescriptor = {
  id: null,
  style: ({ lang }) => subjectLayers(lang).map(at(199)),
  hits: {},
  legend: [],
};
