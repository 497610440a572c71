import { describe, expect, it } from 'vitest';
import type { MapIncident } from './map-types.js';
import { placeIncidentItems } from './place-incidents.js';

const incident = (
  incidentId: string,
  reportId: string,
  period: string,
  severity: number | null,
): MapIncident => ({
  type: 'Feature',
  geometry: { type: 'Point', coordinates: [15.9, 60.06] },
  properties: {
    incidentId,
    reportId,
    period,
    organisationId: 'nvk',
    organisationName: 'NVK',
    category: 'skadegorelse',
    categoryLabel: 'Skadegörelse',
    severity,
    placeId: 'torget',
    placeName: 'Torget',
    areaId: 'centrum',
    areaName: 'Centrum',
  },
});

describe('a chosen place’s incidents', () => {
  it('lists the latest week first, each linking to its report in the panel', () => {
    const items = placeIncidentItems([
      incident('i1', 'r-49', '2024-W49', 3),
      incident('i2', 'r-50', '2024-W50', null),
    ]);
    expect(items).toEqual([
      {
        incidentId: 'i2',
        reportPath: '/reports/r-50/show',
        title: '2024-W50 · Skadegörelse',
        organisationName: 'NVK',
        severity: null,
      },
      {
        incidentId: 'i1',
        reportPath: '/reports/r-49/show',
        title: '2024-W49 · Skadegörelse',
        organisationName: 'NVK',
        severity: 3,
      },
    ]);
  });

  it('keeps a report id that is not a plain path segment inside its segment', () => {
    const [item] = placeIncidentItems([incident('i1', 'r/../users?x=1#y', '2024-W49', 1)]);
    expect(item?.reportPath).toBe('/reports/r%2F..%2Fusers%3Fx%3D1%23y/show');
  });
});
