import { type BuiltServer, startBuiltServer } from '../../test/support/built-server.js';

/** One time an instance ended that the soak did not end itself (e.g. at the PostgreSQL restart). */
export interface ProcessExit {
  instance: number;
  code: number | null;
  signal: string | null;
  /** Seconds since the fleet started. */
  atSecond: number;
  lastLog: string;
}

/**
 * The soak's API instances: the built server in child processes on fixed ports, watched; one that
 * dies on its own is recorded as a process exit and started again, as a supervisor would.
 */
export class SoakFleet {
  readonly servers: BuiltServer[] = [];
  readonly exits: ProcessExit[] = [];
  /** Milliseconds from a kill or a death to the instance's next /health/ready 200. */
  readonly restartsMs: number[] = [];
  private readonly expected = new Set<BuiltServer>();
  private readonly restarting = new Set<number>();
  private watch: NodeJS.Timeout | null = null;
  private readonly startedAt = Date.now();

  constructor(private readonly env: Record<string, string>) {}

  get urls(): string[] {
    return this.servers.map((server) => server.url);
  }

  async start(count: number): Promise<void> {
    for (let i = 0; i < count; i++) this.servers.push(await startBuiltServer(this.env));
    this.watch = setInterval(() => this.look(), 200);
  }

  /** kill -9 of one instance, then a new one on its port after `downMs`. */
  async killAndRestart(instance: number, downMs: number): Promise<void> {
    const server = this.servers[instance]!;
    this.expected.add(server);
    const killedAt = Date.now();
    server.child.kill('SIGKILL');
    await server.exited;
    await new Promise((done) => setTimeout(done, downMs));
    await this.restart(instance, killedAt);
  }

  /** SIGTERM to every instance; their exit codes (0: a graceful shutdown). */
  async stop(): Promise<Array<number | null>> {
    if (this.watch) clearInterval(this.watch);
    while (this.restarting.size > 0) await new Promise((done) => setTimeout(done, 100));
    return Promise.all(
      this.servers.map(async (server) => {
        this.expected.add(server);
        if (server.child.exitCode !== null || server.child.signalCode !== null) return server.child.exitCode;
        server.child.kill('SIGTERM');
        return server.exited;
      }),
    );
  }

  private look(): void {
    this.servers.forEach((server, instance) => {
      const ended = server.child.exitCode !== null || server.child.signalCode !== null;
      if (!ended || this.expected.has(server) || this.restarting.has(instance)) return;
      this.expected.add(server);
      this.exits.push({
        instance,
        code: server.child.exitCode,
        signal: server.child.signalCode,
        atSecond: Math.round((Date.now() - this.startedAt) / 1000),
        lastLog: firstError(server.output()),
      });
      void this.restart(instance, Date.now());
    });
  }

  private async restart(instance: number, downSince: number): Promise<void> {
    this.restarting.add(instance);
    try {
      for (;;) {
        try {
          this.servers[instance] = await startBuiltServer(this.env, { port: this.servers[instance]!.port });
          break;
        } catch (error) {
          // Not ready in time (the database still away): try again.
          console.log(`instance ${instance} did not start: ${String(error).slice(0, 200)}`);
        }
      }
      this.restartsMs.push(Date.now() - downSince);
    } finally {
      this.restarting.delete(instance);
    }
  }
}

/** The first line naming an error in the end of a dead instance's log: why it died. */
function firstError(output: string): string {
  const tail = output.slice(-4_000).split('\n');
  return (tail.find((line) => /error/i.test(line)) ?? tail.slice(-3).join(' ')).trim().slice(0, 400);
}
