import { resolve } from 'node:path';
import { z } from 'zod';

/**
 * Läget's whole configuration, read from the environment once at start and validated, so that a
 * bad or missing variable stops the app with a message naming it (README, "Configuration").
 */
const booleanFlag = z
  .enum(['0', '1', 'true', 'false'])
  .optional()
  .transform((value) => value === '1' || value === 'true');

const url = (protocols: string[]) =>
  z
    .url({ message: `must be a URL (${protocols.join(', ')})` })
    .refine((value) => protocols.some((p) => value.startsWith(`${p}:`)), {
      message: `must start with ${protocols.map((p) => `${p}://`).join(' or ')}`,
    });

const environmentSchema = z
  .object({
    PORT: z.coerce.number().int().min(0).max(65535).default(3000),
    HOST: z.string().min(1).default('0.0.0.0'),
    EVENT_STORE: z.enum(['pglite', 'postgres', 'eventstoredb']).default('pglite'),
    DATABASE_URL: url(['postgres', 'postgresql']).optional(),
    EVENTSTORE_URL: url(['kurrentdb', 'esdb', 'kurrent', 'esdb+discover', 'kurrentdb+discover']).optional(),
    /** Keeps this installation to KurrentDB streams starting with it (several on one server). */
    EVENTSTORE_STREAM_PREFIX: z
      .string()
      .regex(/^[a-z0-9_-]{1,40}$/, 'must be 1–40 characters a–z, 0–9, _ or -')
      .optional(),
    REDIS_URL: url(['redis', 'rediss']).optional(),
    LAGET_QUEUE_PREFIX: z
      .string()
      .regex(/^[a-z0-9_-]{1,40}$/, 'must be 1–40 characters a–z, 0–9, _ or -')
      .default('laget'),
    DATA_DIR: z.string().min(1).default('./data'),
    /** Defaults to the address Läget listens on (see defaultPublicBaseUrl). */
    PUBLIC_BASE_URL: url(['http', 'https']).optional(),
    LAGET_PUBLIC_FRAME_ANCESTORS: z
      .string()
      .transform((value) => value.split(/[\s,]+/).filter((entry) => entry.length > 0))
      .pipe(
        z.array(
          z
            .url({ protocol: /^https?$/, message: 'must be web addresses (https://…) separated by spaces' })
            .transform((entry) => new URL(entry))
            .refine((entry) => entry.pathname === '/' && !entry.search && !entry.hash && !entry.username, {
              message: 'must be origins only, like https://www.kommun.se (no path, query or login)',
            })
            .transform((entry) => entry.origin),
        ),
      )
      .optional(),
    SMTP_URL: url(['smtp', 'smtps']).optional(),
    LAGET_DEMO: booleanFlag,
    LAGET_ADMIN_PASSWORD: z.string().min(12, 'must be at least 12 characters').optional(),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    ADMIN_DIST_DIR: z.string().min(1).optional(),
    LAGET_SHUTDOWN_SECONDS: z.coerce
      .number({ message: 'must be a number of seconds' })
      .int('must be a whole number of seconds')
      .min(1, 'must be at least 1 second')
      .max(600, 'must be at most 600 seconds')
      .default(20),
  })
  .superRefine((env, ctx) => {
    if (env.EVENT_STORE === 'postgres' && !env.DATABASE_URL) {
      ctx.addIssue({
        code: 'custom',
        path: ['DATABASE_URL'],
        message: 'is required when EVENT_STORE=postgres',
      });
    }
    if (env.EVENT_STORE === 'eventstoredb' && !env.EVENTSTORE_URL) {
      ctx.addIssue({
        code: 'custom',
        path: ['EVENTSTORE_URL'],
        message: 'is required when EVENT_STORE=eventstoredb',
      });
    }
  });

export type Environment = z.input<typeof environmentSchema>;

export class AppConfig {
  readonly port: number;
  readonly host: string;
  readonly eventStore: 'pglite' | 'postgres' | 'eventstoredb';
  readonly databaseUrl: string | undefined;
  readonly eventStoreUrl: string | undefined;
  /** KurrentDB only: the prefix of every stream name this installation reads and writes. */
  readonly eventStoreStreamPrefix: string | undefined;
  readonly redisUrl: string | undefined;
  /** BullMQ's key prefix: instances sharing it share their jobs (one municipality, one prefix). */
  readonly queuePrefix: string;
  readonly dataDir: string;
  readonly publicBaseUrl: string;
  /** Sites that may frame the public pages besides Läget itself: the municipality's own (CSP frame-ancestors). */
  readonly publicFrameAncestors: readonly string[];
  readonly smtpUrl: string | undefined;
  readonly demo: boolean;
  readonly adminPassword: string | undefined;
  readonly logLevel: string;
  readonly adminDistDir: string | undefined;
  /** How long SIGTERM waits for requests, the running job step and the projections before it forces the exit. */
  readonly shutdownSeconds: number;

  private constructor(env: z.output<typeof environmentSchema>) {
    this.port = env.PORT;
    this.host = env.HOST;
    this.eventStore = env.EVENT_STORE;
    this.databaseUrl = env.DATABASE_URL;
    this.eventStoreUrl = env.EVENTSTORE_URL;
    this.eventStoreStreamPrefix = env.EVENTSTORE_STREAM_PREFIX;
    this.redisUrl = env.REDIS_URL;
    this.queuePrefix = env.LAGET_QUEUE_PREFIX;
    this.dataDir = resolve(env.DATA_DIR);
    this.publicBaseUrl = (env.PUBLIC_BASE_URL ?? defaultPublicBaseUrl(env.HOST, env.PORT)).replace(/\/$/, '');
    this.publicFrameAncestors = env.LAGET_PUBLIC_FRAME_ANCESTORS ?? [];
    this.smtpUrl = env.SMTP_URL;
    this.demo = env.LAGET_DEMO;
    this.adminPassword = env.LAGET_ADMIN_PASSWORD;
    this.logLevel = env.LOG_LEVEL;
    this.adminDistDir = env.ADMIN_DIST_DIR;
    this.shutdownSeconds = env.LAGET_SHUTDOWN_SECONDS;
  }

  /** Reads the given variables (process.env by default); empty strings count as unset. */
  static fromEnvironment(source: Record<string, string | undefined> = process.env): AppConfig {
    const cleaned = Object.fromEntries(Object.entries(source).filter(([, value]) => value !== ''));
    const parsed = environmentSchema.safeParse(cleaned);
    if (!parsed.success) throw new ConfigurationError(parsed.error.issues);
    return new AppConfig(parsed.data);
  }

  /**
   * Where read models live: with the events for pglite and postgres; for eventstoredb in
   * DATABASE_URL when given, otherwise in embedded PGlite.
   */
  get readStore(): 'pglite' | 'postgres' {
    if (this.eventStore === 'pglite') return 'pglite';
    return this.databaseUrl ? 'postgres' : 'pglite';
  }
}

/**
 * The address a browser on this machine reaches Läget at, from HOST and PORT: "all addresses"
 * becomes localhost, so that the quick start's links work on whatever port it was given.
 */
export function defaultPublicBaseUrl(host: string, port: number): string {
  return listeningUrl({ address: host, port });
}

/** `http://…` for a listening address as `server.address()` gives it. */
export function listeningUrl({ address, port }: { address: string; port: number }): string {
  const unspecified = ['0.0.0.0', '::', '[::]', ''].includes(address);
  const host = unspecified ? 'localhost' : address.includes(':') ? `[${address}]` : address;
  return `http://${host}:${port}`;
}

export class ConfigurationError extends Error {
  override readonly name = 'ConfigurationError';
  constructor(readonly issues: readonly z.core.$ZodIssue[]) {
    super(
      'Invalid configuration:\n' +
        issues.map((issue) => `  ${issue.path.join('.') || '(environment)'}: ${issue.message}`).join('\n'),
    );
  }
}
