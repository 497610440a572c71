import type { ComplianceEntry } from '@laget/contracts';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { lagetSwedish } from '../i18n/sv.js';
import { newReminderKey, notReported, reminderOutcome, remindNow } from './remind-now.js';

const entry = (organisationId: string, organisationName: string, state: ComplianceEntry['state']) =>
  ({ organisationId, organisationName, state }) as ComplianceEntry;

const entries = [
  entry('skolan', 'Skolan', 'missing'),
  entry('polisen', 'Polisen', 'on_time'),
  entry('nvk', 'NVK', 'pending'),
  entry('fritid', 'Kultur & Fritid', 'late'),
];

describe('remind now', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('lists those who have not reported, before or after the deadline', () => {
    expect(notReported(entries).map((e) => e.organisationId)).toEqual(['skolan', 'nvk']);
  });

  it('posts the organisations shown, with an Idempotency-Key', async () => {
    const fetch = vi.fn(
      async () =>
        new Response(
          JSON.stringify({
            period: '2024-W48',
            requested: 2,
            organisationIds: [],
            alreadyReported: [],
            jobId: 'j',
          }),
          { status: 202 },
        ),
    );
    vi.stubGlobal('fetch', fetch);
    const answer = await remindNow('2024-W48', ['skolan', 'nvk'], 'remind-abc');
    expect(answer.requested).toBe(2);
    const [path, init] = fetch.mock.calls[0] as unknown as [string, RequestInit];
    expect(path).toBe('/api/periods/2024-W48/reminders');
    expect(init.method).toBe('POST');
    expect(JSON.parse(init.body as string)).toEqual({ organisationIds: ['skolan', 'nvk'] });
    expect((init.headers as Headers).get('Idempotency-Key')).toBe('remind-abc');
  });

  it('makes a new key for each confirmation', () => {
    expect(newReminderKey()).toMatch(/^remind-[0-9a-f]{24}$/);
    expect(newReminderKey()).not.toBe(newReminderKey());
  });

  it('says how many were reminded and names those who had reported meanwhile', () => {
    expect(reminderOutcome({ requested: 2, alreadyReported: [], unreachable: [] }, entries)).toEqual({
      count: 2,
      alreadyReported: null,
      unreachable: null,
    });
    expect(reminderOutcome({ requested: 1, alreadyReported: ['nvk', 'okand'] }, entries)).toEqual({
      count: 1,
      alreadyReported: 'NVK, okand',
      unreachable: null,
    });
  });

  it('names those a reminder reaches nobody at (no reporter with an e-mail address)', () => {
    expect(reminderOutcome({ requested: 2, alreadyReported: [], unreachable: ['nvk'] }, entries)).toEqual({
      count: 2,
      alreadyReported: null,
      unreachable: 'NVK',
    });
  });

  it('has the confirmation in Swedish, singular and plural', () => {
    const monday = lagetSwedish.laget.lagesbild.monday;
    expect(monday.remind).toBe('Påminn dem som inte har rapporterat');
    const [one, many] = monday.reminded.split('||||').map((form: string) => form.trim());
    expect(one!.replace('%{smart_count}', '1')).toBe('Påminnelse skickad till 1 aktör');
    expect(many!.replace('%{smart_count}', '2')).toBe('Påminnelse skickad till 2 aktörer');
  });
});
