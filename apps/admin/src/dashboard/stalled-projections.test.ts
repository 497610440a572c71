import { describe, expect, it } from 'vitest';
import { lagetEnglish } from '../i18n/en.js';
import { lagetSwedish } from '../i18n/sv.js';
import { KNOWN_PROJECTIONS, projectionNameKey, stalledProjectionsIn } from './stalled-projections.js';

const stall = {
  projection: 'audit-log',
  position: 7,
  eventType: 'NarrativeWritten',
  eventId: 'e-1',
  reason: 'invalid input syntax for type json',
  since: '2024-12-03T12:00:00Z',
};

/** `/health/ready` while the audit log is stalled, as the API answers it (docs/adr/0016). */
const notReady = {
  statusCode: 503,
  error: 'Service Unavailable',
  message: 'Läget är inte redo: projections; audit-log har stannat vid händelse 7 …',
  details: {
    status: 'error',
    info: { eventStore: { status: 'up' } },
    error: { projections: { status: 'down', stalled: [stall], states: { 'audit-log': 'stalled' } } },
  },
};

const lookup = (messages: unknown, key: string): unknown =>
  key
    .split('.')
    .reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], messages);

describe('stalled read models on the dashboards', () => {
  it('reads the stalls out of the 503 body, and nothing out of anything else', () => {
    expect(stalledProjectionsIn(notReady)).toEqual([stall]);
    expect(stalledProjectionsIn(notReady.details)).toEqual([stall]);
    expect(stalledProjectionsIn({ statusCode: 503, message: 'Service Unavailable' })).toEqual([]);
    expect(stalledProjectionsIn('<html>Bad gateway</html>')).toEqual([]);
    expect(
      stalledProjectionsIn({ details: { error: { projections: { stalled: [{ projection: 1 }] } } } }),
    ).toEqual([]);
  });

  it('names every known projection in Swedish and English, and an unknown one by itself', () => {
    for (const name of KNOWN_PROJECTIONS) {
      const key = projectionNameKey(name)!;
      expect(lookup(lagetSwedish, key)).toEqual(expect.any(String));
      expect(lookup(lagetEnglish, key)).toEqual(expect.any(String));
    }
    expect(lookup(lagetSwedish, projectionNameKey('audit-log')!)).toBe('Granskningsloggen');
    expect(projectionNameKey('reactor-email')).toBeNull();
    expect(lookup(lagetSwedish, 'laget.dashboard.stalled.item')).toContain('har stannat vid händelse');
  });
});
