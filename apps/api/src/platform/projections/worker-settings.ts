import type { Checkpoint, EventStore, RecordedEvent, SqlDatabase } from '@laget/event-store';
import type { ProjectionStall } from './projection-failures.js';

/** Nest's LoggerService fits; so does `console`. */
export interface RunnerLogger {
  log(message: string): void;
  warn(message: string): void;
  error(message: string, detail?: unknown): void;
}

export interface WorkerSettings {
  store: EventStore;
  db: SqlDatabase;
  upcast: (event: RecordedEvent) => RecordedEvent;
  logger: RunnerLogger;
  /** Most events applied in one transaction. */
  batchSize: number;
  /** How often a standby instance tries to take over, and the running one checks its checkpoint. */
  lockRetryMs: number;
  /** First wait after a failure; doubles up to 30 s. */
  retryMs: number;
  /** Failures of the same event (not transient) after which the projection stalls; default 3. */
  stallAfter: number;
}

/** `stalled`: stopped at an event it failed to apply `stallAfter` times, until a restart or rebuild (docs/adr/0016). */
export type WorkerState = 'stopped' | 'standby' | 'running' | 'failing' | 'stalled';

export interface WorkerStatus {
  name: string;
  state: WorkerState;
  checkpoint: Checkpoint | null;
  lastError: string | null;
  stall: ProjectionStall | null;
}
