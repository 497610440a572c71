import type { ComplianceState } from '@laget/contracts';
import type { Decider } from '../platform/domain/decider.js';
import { DomainError } from '../platform/domain/domain-error.js';
import { comparePeriods, parsePeriod, periodContaining } from '../reporting/period.js';

/**
 * The coordinator's "remind them now" (issue 16): one `RemindersRequested` per request on the
 * week's own stream, so the audit log lists every request for the week together, apart from the
 * lägesbild's stream (a reminder changes nothing the lägesbild decides on). The e-mails are the
 * job's (send-reminders.job.ts), started by the reactor from this event.
 */
export const remindersStreamId = (period: string) => `reminders-${period}`;

export interface RequestReminders {
  type: 'RequestReminders';
  data: {
    period: string;
    requestedBy: string;
    /** Named by the coordinator; absent: every organisation that has not reported. */
    organisationIds?: readonly string[];
    /** Who the week expects a report from and where each stands, as the compliance read now. */
    compliance: readonly { organisationId: string; state: ComplianceState }[];
    /** When the request is decided (ISO): a week that has not begun has nothing to remind of. */
    at: string;
  };
}

export interface RemindersRequested {
  type: 'RemindersRequested';
  data: {
    period: string;
    /** The organisations to remind: none of them had reported when this was decided. */
    organisationIds: string[];
    /** Named in the request but reported already: left out, and said so in the answer. */
    alreadyReported: string[];
    requestedBy: string;
  };
}

export interface ReminderRequestState {
  /** Requests so far this week; nothing is decided on it, but the version guards the append. */
  requests: number;
}

const notReported = (state: ComplianceState) => state === 'pending' || state === 'missing';

/**
 * An unknown organisation (not among those the week expects: a typo, an inactive actor, the
 * coordinator's own) is refused (422, naming them): the coordinator asked for something that
 * cannot happen. One that has reported meanwhile is skipped, not refused: between the screen
 * showing it and the click it may well have reported, and reminding the rest is still wanted.
 * Nobody left to remind is refused too (422): no event, no job, and the panel says so.
 */
export const reminderRequestDecider: Decider<ReminderRequestState, RequestReminders, RemindersRequested> = {
  initialState: () => ({ requests: 0 }),

  decide({ data }) {
    const period = parsePeriod(data.period);
    const running = periodContaining(new Date(data.at));
    if (comparePeriods(period, running) > 0) {
      throw new DomainError(
        'rule',
        `period: ${data.period} har inte börjat än / period: ${data.period} has not started yet`,
        { field: 'period' },
      );
    }
    const states = new Map(data.compliance.map((entry) => [entry.organisationId, entry.state]));
    const named = data.organisationIds ?? data.compliance.map((entry) => entry.organisationId);
    const unknown = named.filter((id) => !states.has(id));
    if (unknown.length > 0) {
      throw new DomainError(
        'rule',
        `organisationIds: okända eller inaktiva organisationer ${unknown.join(', ')} / ` +
          `organisationIds: unknown or inactive organisations ${unknown.join(', ')}`,
        { field: 'organisationIds', unknown },
      );
    }
    const organisationIds = named.filter((id) => notReported(states.get(id)!));
    // Only what was named counts as skipped: without names the reported ones were never asked for.
    const alreadyReported = data.organisationIds ? named.filter((id) => !notReported(states.get(id)!)) : [];
    if (organisationIds.length === 0) {
      throw new DomainError(
        'rule',
        'Alla har redan rapporterat för veckan / Everyone has reported for the week already',
        { field: 'organisationIds', alreadyReported },
      );
    }
    return [
      {
        type: 'RemindersRequested',
        data: { period: data.period, organisationIds, alreadyReported, requestedBy: data.requestedBy },
      },
    ];
  },

  evolve: (state) => ({ requests: state.requests + 1 }),
};
