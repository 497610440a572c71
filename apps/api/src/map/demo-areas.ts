import type { AreaGeometry, PlaceKind } from '@laget/contracts';

/**
 * Demo mode's areas and places around Norberg (issue 20): drawn by hand for the demo, not the
 * municipality's real district boundaries. Norberg's centre is about 60.067 N, 15.925 E.
 */
const ring = (...points: [number, number][]): AreaGeometry => ({
  type: 'Polygon',
  coordinates: [[...points, points[0]!]],
});

export const DEMO_AREAS: ReadonlyArray<{ name: string; geometry: AreaGeometry }> = [
  {
    name: 'Centrum',
    geometry: ring(
      [15.908, 60.0595],
      [15.94, 60.0595],
      [15.9425, 60.0675],
      [15.94, 60.0755],
      [15.908, 60.0755],
    ),
  },
  {
    name: 'Åsen',
    geometry: ring([15.9425, 60.0675], [15.968, 60.064], [15.972, 60.086], [15.94, 60.086], [15.94, 60.0755]),
  },
  {
    name: 'Kärrgruvan',
    geometry: ring([15.858, 60.079], [15.902, 60.079], [15.905, 60.101], [15.858, 60.101]),
  },
  {
    name: 'Olovsbo',
    geometry: ring([15.876, 60.048], [15.908, 60.048], [15.908, 60.0595], [15.908, 60.066], [15.876, 60.066]),
  },
];

export const DEMO_PLACES: ReadonlyArray<{ name: string; kind: PlaceKind; lat: number; lon: number }> = [
  { name: 'Frida Hansdotter Arena', kind: 'sports_facility', lat: 60.0652, lon: 15.9312 },
  { name: 'Unkan', kind: 'youth_centre', lat: 60.0683, lon: 15.9228 },
  { name: 'Kvarnbacksskolan', kind: 'school', lat: 60.0712, lon: 15.9338 },
  { name: 'Busstationen', kind: 'public_transport', lat: 60.0662, lon: 15.9196 },
  { name: 'Torget', kind: 'square', lat: 60.0676, lon: 15.9262 },
  { name: 'Åsens torg', kind: 'square', lat: 60.0751, lon: 15.9531 },
  { name: 'Kärrgruvans skola', kind: 'school', lat: 60.0902, lon: 15.8811 },
  { name: 'Olovsbo badplats', kind: 'park', lat: 60.0561, lon: 15.8932 },
];
