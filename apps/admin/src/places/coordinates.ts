/**
 * The optional WGS84 position of a place, as the form holds it (two number inputs that may be
 * empty) and as the API takes it (`coordinates: {lat, lon} | null`, libs/contracts reporting.ts).
 */
export interface CoordinatesInput {
  lat?: number | null;
  lon?: number | null;
}

export interface PlaceFormValues {
  name?: string;
  kind?: string;
  coordinates?: CoordinatesInput | null;
  [field: string]: unknown;
}

const given = (value: number | null | undefined): value is number =>
  typeof value === 'number' && !Number.isNaN(value);

/**
 * The form's problems as react-admin's record-level validation wants them: translation keys at
 * the path of the input they belong to. The API checks the same ranges; checking here says so
 * next to the field before anything is sent.
 */
export function coordinateErrors(values: PlaceFormValues): { coordinates?: { lat?: string; lon?: string } } {
  const { lat, lon } = values.coordinates ?? {};
  const errors: { lat?: string; lon?: string } = {};
  if (given(lat) && (lat < -90 || lat > 90)) errors.lat = 'laget.places.errors.lat_range';
  if (given(lon) && (lon < -180 || lon > 180)) errors.lon = 'laget.places.errors.lon_range';
  // Half a position is no position: name the field that is missing.
  if (given(lat) && !given(lon)) errors.lon ??= 'laget.places.errors.both_or_neither';
  if (given(lon) && !given(lat)) errors.lat ??= 'laget.places.errors.both_or_neither';
  return Object.keys(errors).length > 0 ? { coordinates: errors } : {};
}

/** What is sent: both numbers, or `null` when the place has no position. */
export function toPlaceRequest<T extends PlaceFormValues>(
  values: T,
): Omit<T, 'coordinates'> & { coordinates: { lat: number; lon: number } | null } {
  const { lat, lon } = values.coordinates ?? {};
  return { ...values, coordinates: given(lat) && given(lon) ? { lat, lon } : null };
}

/** `60,0790° N, 15,7320° Ö`: Swedish decimal commas, compass letters from the caller's language. */
export function formatCoordinates(
  coordinates: { lat: number; lon: number } | null | undefined,
  compass: { north: string; south: string; east: string; west: string },
): string {
  if (!coordinates) return '';
  const number = (value: number) =>
    new Intl.NumberFormat('sv-SE', { minimumFractionDigits: 4, maximumFractionDigits: 6 }).format(
      Math.abs(value),
    );
  const lat = `${number(coordinates.lat)}° ${coordinates.lat < 0 ? compass.south : compass.north}`;
  const lon = `${number(coordinates.lon)}° ${coordinates.lon < 0 ? compass.west : compass.east}`;
  return `${lat}, ${lon}`;
}
