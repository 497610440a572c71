import type { RetentionKind } from '@laget/contracts';
import type { Decider } from '../platform/domain/decider.js';
import { conflict } from '../platform/domain/domain-error.js';
import type { MatchKind } from './erasure-match.js';

/**
 * The record of gallring (issue 17): one event per run and one per erasure, each on a stream of
 * its own, so the registrar's report and the audit trail keep who, when, by which rule or on which
 * legal ground and how much, and never what was erased (the match itself is not recorded).
 */
export const gallringRunStream = (runId: string) => `gallring-run-${runId}`;
export const erasureStream = (erasureId: string) => `erasure-${erasureId}`;

export interface GallringCount {
  kind: RetentionKind;
  subjects: number;
  cutoff: string | null;
}

export interface ErasedLocation {
  kind: string;
  week: string | null;
  subject: string;
  eventType: string;
  field: string;
  values: number;
}

export type GallringEvent =
  | {
      type: 'GallringRan';
      data: {
        runId: string;
        at: string;
        counts: GallringCount[];
        appendKeysPruned: number;
        /** Added in session 10 (absent in earlier runs): stored answers and outbox e-mails removed. */
        storedCopiesPruned?: number;
        rebuilt: string[];
      };
    }
  | {
      type: 'PersonalDataErased';
      data: {
        erasureId: string;
        at: string;
        matchKind: MatchKind;
        legalGround: string;
        reason: string;
        erased: number;
        locations: ErasedLocation[];
        /** Added in session 10 (absent in earlier erasures): stored answers and outbox e-mails removed. */
        storedCopies?: number;
        rebuilt: string[];
      };
    };

export type RecordGallring = { type: 'Record'; event: GallringEvent };

/** Each stream holds its one record: a second one for the same id is a conflict, never a copy. */
export const gallringRecordDecider: Decider<{ recorded: boolean }, RecordGallring, GallringEvent> = {
  initialState: () => ({ recorded: false }),
  decide: (command, state) => {
    if (state.recorded) throw conflict('Already recorded');
    return [command.event];
  },
  evolve: () => ({ recorded: true }),
};
