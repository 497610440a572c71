/** Small promise tools of the projection worker: signals that are replaced once fired, and races against a deadline. */

export interface Deferred {
  promise: Promise<void>;
  resolve: () => void;
}

export function deferred(): Deferred {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
}

/** 'done' when `work` settles first, 'changed' when `changed` does, 'deadline' at the deadline. */
export async function raceUntil(
  work: Promise<unknown>,
  changed: Promise<unknown>,
  deadline: number,
): Promise<'done' | 'changed' | 'deadline'> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<'deadline'>((resolve) => {
    timer = setTimeout(() => resolve('deadline'), Math.max(0, deadline - Date.now()));
  });
  try {
    return await Promise.race([
      work.then(
        () => 'done' as const,
        () => 'changed' as const,
      ),
      changed.then(() => 'changed' as const),
      timeout,
    ]);
  } finally {
    clearTimeout(timer);
  }
}

export function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms).unref());
}
