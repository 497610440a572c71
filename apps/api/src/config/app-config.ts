import { resolve } from 'node:path';
import { z } from 'zod';
import {
  booleanFlag,
  ConfigurationError,
  type Environment,
  keyPrefix,
  setVariables,
  url,
} from './environment.js';

export { ConfigurationError, type Environment } from './environment.js';

/**
 * Läget's one configuration: the platform's variables (below), the municipality-wide ones several
 * features read (`municipalitySchema`, defined once here) and each feature's own, declared as a
 * zod object in its manifest (`settings`, platform/feature.ts). Read from the environment once at
 * start and validated together, so that bad or missing variables stop Läget with one message
 * naming every one of them. Every variable carries `.describe()` text: the README's table is
 * generated from these schemas (`npm run config:doc`, docs/adr/0023).
 */
const platformSchema = z
  .object({
    PORT: z.coerce.number().int().min(0).max(65535).default(3000).describe('HTTP port (0: any free port)'),
    HOST: z.string().min(1).default('0.0.0.0').describe('address to listen on'),
    EVENT_STORE: z
      .enum(['pglite', 'postgres', 'eventstoredb'])
      .default('pglite')
      .describe(
        '`pglite` (embedded, everything in `DATA_DIR`), `postgres` (events and read models in `DATABASE_URL`) or `eventstoredb` (events in EventStoreDB/KurrentDB, read models in `DATABASE_URL` or, without it, PGlite)',
      ),
    DATABASE_URL: url(['postgres', 'postgresql'])
      .optional()
      .describe(
        'PostgreSQL, e.g. `postgres://laget:secret@db:5432/laget`; required for `EVENT_STORE=postgres`',
      ),
    EVENTSTORE_URL: url(['kurrentdb', 'esdb', 'kurrent', 'esdb+discover', 'kurrentdb+discover'])
      .optional()
      .describe(
        'KurrentDB connection string, e.g. `kurrentdb://localhost:2113?tls=false`; required for `EVENT_STORE=eventstoredb`; KurrentDB 26.1 or newer',
      ),
    EVENTSTORE_STREAM_PREFIX: keyPrefix()
      .optional()
      .describe(
        'KurrentDB only: keeps this installation to streams whose names start with it (a–z, 0–9, _ or -), so several can share one server',
      ),
    REDIS_URL: url(['redis', 'rediss'])
      .optional()
      .describe('Redis for BullMQ jobs, e.g. `redis://localhost:6379`; without it jobs run in-process'),
    LAGET_QUEUE_PREFIX: keyPrefix()
      .default('laget')
      .describe('BullMQ key prefix; instances serving one municipality share it'),
    DATA_DIR: z.string().min(1).default('./data').describe('where embedded PGlite keeps its files'),
    PUBLIC_BASE_URL: url(['http', 'https'])
      .optional()
      .describe(
        'the address the public reaches Läget at (links in the feed, PDFs, e-mails); `https://…` turns on secure cookies and HSTS',
      )
      .meta({ documentedDefault: '`http://localhost:$PORT`' }),
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
      .optional()
      .describe(
        "the municipality's sites that may show the public pages in a frame, as origins separated by spaces (`https://www.kommun.se`); Läget itself always may, no other site",
      ),
    SMTP_URL: url(['smtp', 'smtps'])
      .optional()
      .describe(
        'e-mail, e.g. `smtps://user:pass@mail.example.se`; without it e-mails are kept in an outbox shown in the admin panel',
      ),
    LAGET_DEMO: booleanFlag()
      .describe("`1` loads the seed's organisations, logins and week as demo data")
      .meta({ documentedDefault: 'off' }),
    LAGET_ADMIN_PASSWORD: z
      .string()
      .min(12, 'must be at least 12 characters')
      .optional()
      .describe(
        'password of the first `admin` login (at least 12 characters); without it a random one is printed once to the log',
      )
      .meta({ documentedDefault: 'random' }),
    LAGET_MASTER_KEY: z
      .string()
      .regex(/^[A-Za-z0-9+/]{43}=$/, 'must be 32 bytes in base64 (`openssl rand -base64 32`)')
      .optional()
      .describe(
        'the master key that wraps the data keys of personal data in events (32 bytes, base64; docs/adr/0025); required when `NODE_ENV=production`, otherwise generated into `DATA_DIR/master.key`',
      )
      .meta({ documentedDefault: 'generated' }),
    LOG_LEVEL: z
      .enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
      .default('info')
      .describe('pino log level'),
    ADMIN_DIST_DIR: z
      .string()
      .min(1)
      .optional()
      .describe('where the built admin panel is served from')
      .meta({ documentedDefault: '`apps/admin/dist`' }),
    LAGET_SHUTDOWN_SECONDS: z.coerce
      .number({ message: 'must be a number of seconds' })
      .int('must be a whole number of seconds')
      .min(1, 'must be at least 1 second')
      .max(600, 'must be at most 600 seconds')
      .default(20)
      .describe(
        "on SIGTERM, how long Läget finishes the requests in flight, the running job step and the projections' batch before it exits anyway (docs/adr/0019)",
      ),
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

/**
 * Variables of the whole municipality that more than one feature reads, defined here once:
 * identity (the name is a word a password must not lean on; with four eyes only an admin resets
 * the logins of those who approve), lägesbild (the default Bakgrund; who may approve) and
 * publication (the PDF header and public pages).
 */
export const municipalitySchema = z.object({
  LAGET_MUNICIPALITY_NAME: z
    .string()
    .trim()
    .min(2)
    .max(100)
    .default('Norbergs kommun')
    .describe('the municipality, in the PDF header, public pages and the default Bakgrund text'),
  LAGET_FOUR_EYES: booleanFlag()
    .describe(
      '`1`: the open version must be approved by someone other than the last person who edited or redacted it, and only an admin resets the logins of reviewers and coordinators',
    )
    .meta({ documentedDefault: 'off' }),
});

/** The platform's and the municipality's schemas, for the README's table (scripts/config-doc.ts). */
export const platformSettings: readonly SettingsSchema[] = [platformSchema, municipalitySchema];

/** A feature's settings: a zod object of environment variables (FeatureManifest.settings). */
export type SettingsSchema = z.ZodObject;

/** What declares settings: a feature manifest (platform/feature.ts), structurally. */
export interface DeclaresSettings {
  readonly settings?: SettingsSchema;
}

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
  /** LAGET_MASTER_KEY: wraps the data keys of personal data (docs/adr/0025); generated into DATA_DIR when absent outside production. */
  readonly masterKey: string | undefined;
  /** How long SIGTERM waits for requests, the running job step and the projections before it forces the exit. */
  readonly shutdownSeconds: number;
  /** LAGET_MUNICIPALITY_NAME: the municipality's name, for every feature that shows or checks it. */
  readonly municipalityName: string;
  /** LAGET_FOUR_EYES: approval by a second person, and admin-only resets of those who approve. */
  readonly fourEyes: boolean;

  /** Each feature's parsed settings, by its schema (settingsOf). */
  private readonly settings = new Map<SettingsSchema, unknown>();

  private constructor(
    private readonly variables: Readonly<Record<string, string>>,
    env: z.output<typeof platformSchema>,
    municipality: z.output<typeof municipalitySchema>,
  ) {
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
    this.masterKey = env.LAGET_MASTER_KEY;
    this.municipalityName = municipality.LAGET_MUNICIPALITY_NAME;
    this.fourEyes = municipality.LAGET_FOUR_EYES;
  }

  /**
   * Reads the given variables (main.ts passes process.env: the one place Läget reads it) and
   * validates the platform's, the municipality's and the given features' settings together;
   * throws one ConfigurationError naming every bad variable. Empty strings count as unset.
   */
  static fromEnvironment(source: Environment, features: readonly DeclaresSettings[] = []): AppConfig {
    const variables = setVariables(source);
    const issues: z.core.$ZodIssue[] = [];
    const parse = <S extends SettingsSchema>(schema: S): z.output<S> | undefined => {
      const parsed = schema.safeParse(variables);
      if (parsed.success) return parsed.data;
      issues.push(...parsed.error.issues);
      return undefined;
    };
    const platform = parse(platformSchema);
    const municipality = parse(municipalitySchema);
    const featureSettings = features.flatMap((feature) =>
      feature.settings ? [[feature.settings, parse(feature.settings)] as const] : [],
    );
    if (platform && !platform.LAGET_MASTER_KEY && variables.NODE_ENV === 'production') {
      // A generated key in one instance's DATA_DIR would make another's events unreadable.
      issues.push({
        code: 'custom',
        path: ['LAGET_MASTER_KEY'],
        message: 'is required when NODE_ENV=production',
        input: undefined,
      });
    }
    if (issues.length > 0 || !platform || !municipality) throw new ConfigurationError(issues);
    const config = new AppConfig(variables, platform, municipality);
    for (const [schema, parsed] of featureSettings) config.settings.set(schema, parsed);
    return config;
  }

  /**
   * A feature's settings, parsed from the same variables: validated at start for the features
   * given to `fromEnvironment` (the application's, main.ts), otherwise on first use (a test that
   * builds its configuration from a few variables); both throw a ConfigurationError.
   */
  settingsOf<S extends SettingsSchema>(schema: S): z.output<S> {
    if (!this.settings.has(schema)) {
      const parsed = schema.safeParse(this.variables);
      if (!parsed.success) throw new ConfigurationError(parsed.error.issues);
      this.settings.set(schema, parsed.data);
    }
    return this.settings.get(schema) as z.output<S>;
  }

  /** Validates the settings of every given feature at once (AppModule), one error naming every bad variable. */
  requireSettings(features: readonly DeclaresSettings[]): void {
    const issues = features.flatMap((feature) => {
      if (!feature.settings) return [];
      try {
        this.settingsOf(feature.settings);
        return [];
      } catch (error) {
        if (error instanceof ConfigurationError) return error.issues;
        throw error;
      }
    });
    if (issues.length > 0) throw new ConfigurationError(issues);
  }

  /** The same configuration listening on `port` (main.ts, when PORT=0 left the choice to the system). */
  withPort(port: number): AppConfig {
    const config = new AppConfig(
      this.variables,
      platformSchema.parse({ ...this.variables, PORT: String(port) }),
      municipalitySchema.parse(this.variables),
    );
    for (const [schema, parsed] of this.settings) config.settings.set(schema, parsed);
    return config;
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
