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
    REDIS_URL: url(['redis', 'rediss']).optional(),
    LAGET_QUEUE_PREFIX: z
      .string()
      .regex(/^[a-z0-9_-]{1,40}$/, 'must be 1–40 characters a–z, 0–9, _ or -')
      .default('laget'),
    DATA_DIR: z.string().min(1).default('./data'),
    PUBLIC_BASE_URL: url(['http', 'https']).default('http://localhost:3000'),
    SMTP_URL: url(['smtp', 'smtps']).optional(),
    LAGET_DEMO: booleanFlag,
    LAGET_ADMIN_PASSWORD: z.string().min(12, 'must be at least 12 characters').optional(),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    ADMIN_DIST_DIR: z.string().min(1).optional(),
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
  readonly redisUrl: string | undefined;
  /** BullMQ's key prefix: instances sharing it share their jobs (one municipality, one prefix). */
  readonly queuePrefix: string;
  readonly dataDir: string;
  readonly publicBaseUrl: string;
  readonly smtpUrl: string | undefined;
  readonly demo: boolean;
  readonly adminPassword: string | undefined;
  readonly logLevel: string;
  readonly adminDistDir: string | undefined;

  private constructor(env: z.output<typeof environmentSchema>) {
    this.port = env.PORT;
    this.host = env.HOST;
    this.eventStore = env.EVENT_STORE;
    this.databaseUrl = env.DATABASE_URL;
    this.eventStoreUrl = env.EVENTSTORE_URL;
    this.redisUrl = env.REDIS_URL;
    this.queuePrefix = env.LAGET_QUEUE_PREFIX;
    this.dataDir = resolve(env.DATA_DIR);
    this.publicBaseUrl = env.PUBLIC_BASE_URL.replace(/\/$/, '');
    this.smtpUrl = env.SMTP_URL;
    this.demo = env.LAGET_DEMO;
    this.adminPassword = env.LAGET_ADMIN_PASSWORD;
    this.logLevel = env.LOG_LEVEL;
    this.adminDistDir = env.ADMIN_DIST_DIR;
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

export class ConfigurationError extends Error {
  override readonly name = 'ConfigurationError';
  constructor(readonly issues: readonly z.core.$ZodIssue[]) {
    super(
      'Invalid configuration:\n' +
        issues.map((issue) => `  ${issue.path.join('.') || '(environment)'}: ${issue.message}`).join('\n'),
    );
  }
}
