import { randomUUID } from 'node:crypto';

/**
 * The soak's clients (issue 21): every command carries an Idempotency-Key and is sent again with
 * the same key, to the other instance, after a connection error, a 5xx, a 429 or a 409 "still
 * running", until it is answered or the soak gives up on it. What they saw goes into SoakStats.
 */
export class SoakStats {
  acknowledged = 0;
  /** Commands given up on: never answered 2xx in the time allowed (not lost: never acknowledged). */
  abandoned = 0;
  /** Commands answered 4xx other than the retried ones: the soak's own mistake or a bug; listed. */
  readonly refused: string[] = [];
  readonly statuses = new Map<string, number>();
  retries = 0;
  reads = 0;
  private lastServedAt = Date.now();
  /** The longest time no request of any client was answered 2xx, and when it ended. */
  longestOutageMs = 0;
  longestOutageEndedAt = 0;
  /** The longest time from a command's first attempt to its acknowledgement. */
  longestCommandMs = 0;

  start(): void {
    this.lastServedAt = Date.now();
  }

  seen(status: number | 'connection error'): void {
    const key = String(status);
    this.statuses.set(key, (this.statuses.get(key) ?? 0) + 1);
    if (typeof status === 'number' && status < 300) {
      const now = Date.now();
      if (now - this.lastServedAt > this.longestOutageMs) {
        this.longestOutageMs = now - this.lastServedAt;
        this.longestOutageEndedAt = now;
      }
      this.lastServedAt = now;
    }
  }

  /** 5xx answers by status, and connection errors. */
  failures(): Record<string, number> {
    return Object.fromEntries(
      [...this.statuses].filter(([status]) => status === 'connection error' || status.startsWith('5')),
    );
  }
}

export interface Answer {
  status: number;
  body: unknown;
}

const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

export class SoakClient {
  private instance: number;

  constructor(
    private readonly urls: readonly string[],
    private readonly token: string,
    private readonly stats: SoakStats,
    preferred: number,
    /** After this (ms since epoch) a command still unanswered is given up. */
    private readonly giveUpAt: () => number,
  ) {
    this.instance = preferred % urls.length;
  }

  /** A read: one attempt, on the next instance after a failure. */
  async read(path: string): Promise<Answer | null> {
    this.stats.reads++;
    const answer = await this.send('GET', path, undefined, {});
    if (!answer || answer.status >= 500) this.instance = (this.instance + 1) % this.urls.length;
    return answer;
  }

  /**
   * A command, sent until it is answered: 2xx resolves with the answer; another 4xx records it as
   * refused and resolves null; giving up resolves null too.
   */
  async command(path: string, body: unknown, key = randomUUID()): Promise<Answer | null> {
    const first = Date.now();
    for (let attempt = 0; ; attempt++) {
      if (attempt > 0) this.stats.retries++;
      const answer = await this.send('POST', path, body, { 'idempotency-key': key });
      if (answer && answer.status < 300) {
        this.stats.acknowledged++;
        this.stats.longestCommandMs = Math.max(this.stats.longestCommandMs, Date.now() - first);
        return answer;
      }
      const retry = !answer || answer.status >= 500 || answer.status === 429 || answer.status === 409;
      if (answer && !retry) {
        this.stats.refused.push(
          `${answer.status} POST ${path}: ${JSON.stringify(answer.body).slice(0, 200)}`,
        );
        return null;
      }
      if (Date.now() > this.giveUpAt()) {
        this.stats.abandoned++;
        return null;
      }
      // The other instance may serve; back off with jitter so the retries of all clients spread out.
      this.instance = (this.instance + 1) % this.urls.length;
      await sleep(Math.min(2_000, 100 * 2 ** Math.min(attempt, 5)) * (0.5 + Math.random()));
    }
  }

  private async send(
    method: 'GET' | 'POST',
    path: string,
    body: unknown,
    headers: Record<string, string>,
  ): Promise<Answer | null> {
    try {
      const response = await fetch(`${this.urls[this.instance]}${path}`, {
        method,
        headers: {
          authorization: `Bearer ${this.token}`,
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
          ...headers,
        },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
        signal: AbortSignal.timeout(30_000),
      });
      const text = await response.text();
      this.stats.seen(response.status);
      let parsed: unknown = text;
      try {
        parsed = text === '' ? null : JSON.parse(text);
      } catch {
        // not JSON
      }
      return { status: response.status, body: parsed };
    } catch {
      this.stats.seen('connection error');
      return null;
    }
  }
}
