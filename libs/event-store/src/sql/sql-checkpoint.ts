import type { Checkpoint } from '../event.js';

/**
 * A SQL store's checkpoint: the committing transaction's id (xid8) and the global position, both
 * zero-padded to 20 digits (2^64 has 20) so that the strings also sort as text. Readers walk
 * the log in (transactionId, globalPosition) order; see docs/adr/0003-event-ordering.md.
 */
export interface SqlPosition {
  transactionId: bigint;
  globalPosition: bigint;
}

const pattern = /^(\d{20}):(\d{20})$/;

export function encodeSqlCheckpoint(
  transactionId: bigint | string,
  globalPosition: bigint | number | string,
): Checkpoint {
  return `${pad(transactionId)}:${pad(globalPosition)}` as Checkpoint;
}

export function decodeSqlCheckpoint(checkpoint: Checkpoint): SqlPosition {
  const match = pattern.exec(checkpoint);
  if (!match) {
    throw new Error(
      `Not a checkpoint of a SQL event store: ${JSON.stringify(checkpoint)} (expected "<xid>:<position>")`,
    );
  }
  return { transactionId: BigInt(match[1]!), globalPosition: BigInt(match[2]!) };
}

export function compareSqlCheckpoints(a: Checkpoint, b: Checkpoint): number {
  const x = decodeSqlCheckpoint(a);
  const y = decodeSqlCheckpoint(b);
  if (x.transactionId !== y.transactionId) return x.transactionId < y.transactionId ? -1 : 1;
  if (x.globalPosition !== y.globalPosition) return x.globalPosition < y.globalPosition ? -1 : 1;
  return 0;
}

function pad(value: bigint | number | string): string {
  // Fast path for what the store passes on every event read: digits, or a safe whole number.
  if (typeof value === 'string' && /^\d{1,20}$/.test(value)) return value.padStart(20, '0');
  if (typeof value === 'number' && Number.isSafeInteger(value) && value >= 0)
    return String(value).padStart(20, '0');
  const digits = BigInt(value).toString();
  if (digits.startsWith('-') || digits.length > 20)
    throw new Error(`Out of range for a checkpoint: ${digits}`);
  return digits.padStart(20, '0');
}
