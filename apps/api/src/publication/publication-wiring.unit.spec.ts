import { createHmac, randomUUID } from 'node:crypto';
import { TZDate } from '@date-fns/tz';
import fc from 'fast-check';
import { defaultPeriodSettings, deadlineOf, parsePeriod } from '../reporting/period.js';
import type { ProjectedEvent } from '../platform/projections/projection.js';
import type { LagesbildEvent } from '../lagesbild/lagesbild.decider.js';
import { jobIdFor } from '../platform/jobs/job-queue.js';
import { publicationWebhookReactor, webhookSignature } from './publication-webhook.js';
import { publicationSettingsFrom } from './publication.settings.js';
import { visiblePublications } from './public-publications.projection.js';
import {
  PUBLISH_LAGESBILD,
  periodOfStream,
  publicationJobIdFor,
  publicationReactor,
} from './publish-lagesbild.job.js';
import {
  cronPattern,
  nextOccurrence,
  parseSlotId,
  reminderEmailId,
  reminderPeriod,
  slotId,
} from './reminder-schedule.js';
import { reminderText } from './send-reminders.job.js';

function recorded(event: LagesbildEvent, streamId = 'lagesbild-2024-W48'): ProjectedEvent<LagesbildEvent> {
  return {
    ...event,
    eventId: randomUUID(),
    streamId,
    streamVersion: 5,
    globalPosition: 42,
    checkpoint: '42' as never,
    recordedAt: '2024-12-02T09:00:00Z',
    metadata: { actorId: 'c', organisationId: null, correlationId: 'x', causationId: null, occurredAt: '' },
  } as ProjectedEvent<LagesbildEvent>;
}

describe('the publication job id', () => {
  it('is the one the publish endpoint answers: derived from the PublicationRequested event id', () => {
    const event = recorded({
      type: 'PublicationRequested',
      data: { publicationNumber: 1, revision: 3, contentHash: 'a'.repeat(64), correction: null, by: 'c' },
    });
    const [job] = publicationReactor().jobsFor(event);
    expect(job).toMatchObject({
      kind: PUBLISH_LAGESBILD,
      payload: { period: '2024-W48', publicationNumber: 1 },
    });
    expect(jobIdFor(job!.kind, event.eventId, job!.suffix)).toBe(publicationJobIdFor(event.eventId));
    expect(publicationJobIdFor(event.eventId)).toBe(`publish-lagesbild-${event.eventId}`);
  });

  it('carries ids only, never content', () => {
    const event = recorded({
      type: 'PublicationRequested',
      data: {
        publicationNumber: 2,
        revision: 4,
        contentHash: 'b'.repeat(64),
        correction: { what: 'Kalle Anka struken', why: 'GDPR' },
        by: 'c',
      },
    });
    expect(JSON.stringify(publicationReactor().jobsFor(event))).not.toContain('Kalle');
  });

  it('reads the period from the stream id and refuses other streams', () => {
    expect(periodOfStream('lagesbild-2024-W01')).toBe('2024-W01');
    expect(() => periodOfStream('report-1')).toThrow(/Not a lägesbild stream/);
  });
});

describe('the webhook', () => {
  it('asks for a delivery per publication and retraction only where configured', () => {
    const published = recorded({
      type: 'LagesbildPublished',
      data: { publicationNumber: 1, contentHash: 'a', publishedAt: '2024-12-02T09:00:00Z' },
    });
    expect(publicationWebhookReactor(false).jobsFor(published)).toEqual([]);
    expect(publicationWebhookReactor(true).jobsFor(published)).toEqual([
      expect.objectContaining({
        payload: { event: 'lagesbild.published', period: '2024-W48', publicationNumber: 1 },
      }),
    ]);
  });

  it('signs timestamp and body with HMAC-SHA256, as a receiver recomputes it', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 32 }), fc.string(), (secret, body) => {
        const expected = createHmac('sha256', secret).update(`1733130000.${body}`).digest('hex');
        expect(webhookSignature(secret, '1733130000', body)).toBe(`sha256=${expected}`);
        expect(webhookSignature(`${secret}x`, '1733130000', body)).not.toBe(`sha256=${expected}`);
      }),
    );
  });
});

describe('what the public site shows', () => {
  const row = (publication_number: number, state: string, period = '2024-W48') => ({
    period,
    publication_number,
    revision: publication_number,
    content_hash: `h${publication_number}`,
    correction: null,
    state,
    published_at: '2024-12-02T09:00:00Z',
  });

  it('shows every published publication of a live week, newest correction included', () => {
    expect(
      visiblePublications([row(1, 'published'), row(2, 'published'), row(3, 'requested')]).map(
        (p) => p.publicationNumber,
      ),
    ).toEqual([1, 2]);
  });

  it('hides a week whose latest publication was retracted, earlier ones too', () => {
    expect(visiblePublications([row(1, 'published'), row(2, 'retracted')])).toEqual([]);
    expect(
      visiblePublications([row(1, 'published', '2024-W47'), row(1, 'retracted')]).map((p) => p.period),
    ).toEqual(['2024-W47']);
  });

  it('shows the week again once a correction after the retraction is published, without the retracted one', () => {
    expect(
      visiblePublications([row(1, 'published'), row(2, 'retracted'), row(3, 'published')]).map(
        (p) => p.publicationNumber,
      ),
    ).toEqual([1, 3]);
  });

  it('never shows a failed or requested publication', () => {
    expect(visiblePublications([row(1, 'failed'), row(2, 'requested')])).toEqual([]);
  });
});

describe('reminder schedule', () => {
  it('names a slot and reads it back', () => {
    expect(slotId({ weekday: 5, time: '10:00' })).toBe('d5-1000');
    expect(parseSlotId('d5-1000')).toEqual({ weekday: 5, time: '10:00' });
    expect(parseSlotId('d8-1000')).toBeNull();
  });

  it('gives BullMQ a cron pattern with Sunday as 0', () => {
    expect(cronPattern({ weekday: 5, time: '10:00' })).toBe('0 10 * * 5');
    expect(cronPattern({ weekday: 7, time: '18:30' })).toBe('30 18 * * 0');
  });

  it('is about the week in progress on a Friday, and the week gone early on a Monday before the deadline', () => {
    expect(reminderPeriod(new Date('2024-11-29T10:00:00+01:00'), defaultPeriodSettings)).toBe('2024-W48');
    expect(reminderPeriod(new Date('2024-12-02T08:00:00+01:00'), defaultPeriodSettings)).toBe('2024-W48');
    expect(reminderPeriod(new Date('2024-12-02T09:30:00+01:00'), defaultPeriodSettings)).toBe('2024-W49');
  });

  it('always picks a week whose deadline is still ahead (any time, default deadline)', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date('2020-01-01'), max: new Date('2030-12-31'), noInvalidDate: true }),
        (now) => {
          const period = reminderPeriod(now, defaultPeriodSettings);
          expect(period).not.toBeNull();
          expect(deadlineOf(parsePeriod(period!), defaultPeriodSettings).getTime()).toBeGreaterThan(
            now.getTime(),
          );
        },
      ),
    );
  });

  it('finds the next occurrence in Swedish time, across the change to winter time', () => {
    // Sunday 27 October 2024 the clocks went back; Friday 10:00 is 09:00 UTC after it.
    expect(
      nextOccurrence({ weekday: 5, time: '10:00' }, new Date('2024-10-25T07:00:00Z')).toISOString(),
    ).toBe('2024-10-25T08:00:00.000Z');
    expect(
      nextOccurrence({ weekday: 5, time: '10:00' }, new Date('2024-10-25T08:00:00Z')).toISOString(),
    ).toBe('2024-11-01T09:00:00.000Z');
  });

  it('always lands on the slot’s weekday and time, strictly later, within a week', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date('2020-01-01'), max: new Date('2030-12-31'), noInvalidDate: true }),
        fc.integer({ min: 1, max: 7 }),
        fc.integer({ min: 0, max: 23 }),
        (after, weekday, hour) => {
          const time = `${String(hour).padStart(2, '0')}:15`;
          const at = nextOccurrence({ weekday, time }, after);
          expect(at.getTime()).toBeGreaterThan(after.getTime());
          expect(at.getTime() - after.getTime()).toBeLessThanOrEqual(7 * 24 * 3600_000 + 3600_000);
          const local = new TZDate(at.getTime(), 'Europe/Stockholm');
          expect(local.getDay() === 0 ? 7 : local.getDay()).toBe(weekday);
          expect(local.getMinutes()).toBe(15);
          // 02:15 does not exist on the night summer time starts; every other hour is kept.
          if (hour !== 2) expect(local.getHours()).toBe(hour);
        },
      ),
    );
  });

  it('derives one e-mail id per week, slot, organisation and person', () => {
    expect(reminderEmailId('2024-W48', 'd5-1000', 'org', 'user')).toBe('reminder-2024-W48-d5-1000-org-user');
  });

  it('writes the reminder in Swedish with the deadline', () => {
    const { subject, text } = reminderText('2024-W48', 'Skolan', 'Åsa', {
      periodSettings: defaultPeriodSettings,
      municipalityName: 'Norbergs kommun',
      publicBaseUrl: 'https://laget.example',
    });
    expect(subject).toBe('Påminnelse: rapportera till lägesbilden för v48 2024');
    expect(text).toContain('senast 2 december 2024 kl. 09.00');
    expect(text).toContain('Skolan har ännu inte lämnat');
  });
});

describe('publication settings', () => {
  it('defaults to the seed municipality, no webhook, Friday 10:00 reminders', () => {
    expect(publicationSettingsFrom({})).toEqual({
      municipality: { name: 'Norbergs kommun', meetingWeekday: 1 },
      webhook: null,
      reminders: { weekdays: [5], time: '10:00' },
    });
  });

  it("takes the meeting weekday from the reporting calendar's LAGET_MEETING_WEEKDAY", () => {
    expect(publicationSettingsFrom({ LAGET_MEETING_WEEKDAY: '3' }).municipality.meetingWeekday).toBe(3);
  });

  it('wants a secret with a webhook and rejects bad schedules, naming the variable', () => {
    expect(() =>
      publicationSettingsFrom({ LAGET_PUBLICATION_WEBHOOK_URL: 'https://kommun.example/hook' }),
    ).toThrow(/LAGET_PUBLICATION_WEBHOOK_SECRET/);
    expect(() => publicationSettingsFrom({ LAGET_REMINDER_DAYS: '0,5' })).toThrow(/LAGET_REMINDER_DAYS/);
    expect(publicationSettingsFrom({ LAGET_REMINDER_DAYS: 'off' }).reminders).toBeNull();
    expect(
      publicationSettingsFrom({ LAGET_REMINDER_DAYS: '7,5,5', LAGET_REMINDER_TIME: '08:30' }).reminders,
    ).toEqual({
      weekdays: [5, 7],
      time: '08:30',
    });
  });
});
