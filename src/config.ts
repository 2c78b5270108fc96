// The only place that reads process.env: parsed once at start-up, then passed down.
import { z } from 'zod';

const envSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('127.0.0.1'),
  AFTERSALE_DATA_DIR: z.string().min(1).default('./data'),
  DATABASE_URL: z.string().url().optional(),
  // A read replica of DATABASE_URL: the analytics (summary, breakdowns, case analytics, supplier
  // scorecards and their CSVs) read there, so long aggregates never compete with the return flow.
  AFTERSALE_ANALYTICS_DATABASE_URL: z.string().url().optional(),
  AFTERSALE_BOOTSTRAP_TOKEN: z.string().min(1).optional(),
  // Unset: the demo on a fresh PGlite folder (a clone's first start), never on DATABASE_URL, where
  // its published password would open a production database.
  AFTERSALE_DEMO: z
    .enum(['true', 'false', '1', '0'])
    .optional()
    .transform((v) => (v === undefined ? undefined : v === 'true' || v === '1')),
  // /metrics is served only when this is set, and then only to `Authorization: Bearer <it>`.
  AFTERSALE_METRICS_TOKEN: z.string().min(16, 'at least 16 characters').optional(),
  AFTERSALE_PUBLIC_URL: z.string().url().optional(),
  // Behind a reverse proxy: `true` (trust every hop) or the proxies' addresses/CIDRs separated by
  // commas. Rate limits and logs then see the client's address, not the proxy's.
  AFTERSALE_TRUST_PROXY: z
    .string()
    .regex(/^(true|false|[0-9a-fA-F.:/]+(\s*,\s*[0-9a-fA-F.:/]+)*)$/, "true, false or the proxies' addresses")
    .default('false')
    .transform((v): boolean | string[] =>
      v === 'true' ? true : v === 'false' ? false : v.split(',').map((a) => a.trim()),
    ),
  // Encrypts the integrations' secrets at rest (AES-256-GCM, key derived with HKDF); without it no
  // secret is stored. AFTERSALE_SECRET_KEY_PREVIOUS still reads what the key before it sealed, until
  // `aftersale secrets rotate` has sealed everything again.
  AFTERSALE_SECRET_KEY: z.string().min(32, 'at least 32 characters').optional(),
  AFTERSALE_SECRET_KEY_PREVIOUS: z.string().min(32, 'at least 32 characters').optional(),
  // Mail to customers: smtp://user:pass@host:port (STARTTLS) or smtps://… (TLS). Without both, mail
  // is kept in the outbox and shown in the console.
  AFTERSALE_SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, 'an smtp:// or smtps:// address')
    .optional(),
  AFTERSALE_MAIL_FROM: z.email().optional(),
  // Takes mail forwarded from the store's support address (host:port), as POST /api/v1/inbound/email does.
  AFTERSALE_SMTP_LISTEN: z
    .string()
    .regex(/^[^:\s]+:\d{1,5}$/, 'host:port')
    .optional(),
  // `aftersale serve` with this many HTTP processes (Node's cluster) beside the background role;
  // unset: one process for everything. More than one needs PostgreSQL (DATABASE_URL).
  AFTERSALE_WORKERS: z.coerce.number().int().min(1).max(256).optional(),
  // How often the background role opens the late and lost parcel cases that fell due; 0: never
  // (then run `aftersale cases scan` from a scheduler).
  AFTERSALE_SHIPMENT_SCAN_MINUTES: z.coerce.number().int().min(0).max(1440).default(15),
  // Named (prepared) statements on PostgreSQL: parsed and planned once per connection. Turn off
  // behind a pooler in transaction mode that cannot keep them (PgBouncer before 1.21).
  AFTERSALE_PREPARED_STATEMENTS: z
    .enum(['true', 'false', '1', '0'])
    .default('true')
    .transform((v) => v === 'true' || v === '1'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});

export interface Config {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | undefined;
  /** AFTERSALE_ANALYTICS_DATABASE_URL: where analytics read (a replica); unset: the main database */
  analyticsDatabaseUrl: string | undefined;
  bootstrapToken: string | undefined;
  demo: boolean;
  metricsToken: string | undefined;
  publicUrl: string;
  trustProxy: boolean | string[];
  logLevel: string;
  smtpUrl: string | undefined;
  mailFrom: string | undefined;
  smtpListen: { host: string; port: number } | undefined;
  /** HTTP processes for `serve` (AFTERSALE_WORKERS); undefined: one process runs everything */
  workers: number | undefined;
  /** AFTERSALE_PREPARED_STATEMENTS: PostgreSQL statements prepared once per connection */
  preparedStatements: boolean;
  /** AFTERSALE_SHIPMENT_SCAN_MINUTES: the background role's shipment scan interval; 0: off */
  shipmentScanMinutes: number;
  /** AFTERSALE_SECRET_KEY first, then AFTERSALE_SECRET_KEY_PREVIOUS; empty: no secrets can be stored */
  secretKeys: string[];
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`).join('\n');
    throw new Error(`Invalid environment:\n${lines}`);
  }
  const e = parsed.data;
  if (e.AFTERSALE_ANALYTICS_DATABASE_URL && !e.DATABASE_URL)
    throw new Error(
      'Invalid environment:\n  AFTERSALE_ANALYTICS_DATABASE_URL: a replica of DATABASE_URL, which is not set (PGlite has no replicas)',
    );
  return {
    port: e.PORT,
    host: e.HOST,
    dataDir: e.AFTERSALE_DATA_DIR,
    databaseUrl: e.DATABASE_URL,
    analyticsDatabaseUrl: e.AFTERSALE_ANALYTICS_DATABASE_URL,
    bootstrapToken: e.AFTERSALE_BOOTSTRAP_TOKEN,
    demo: e.AFTERSALE_DEMO ?? !e.DATABASE_URL,
    metricsToken: e.AFTERSALE_METRICS_TOKEN,
    publicUrl: e.AFTERSALE_PUBLIC_URL ?? `http://${e.HOST}:${e.PORT}`,
    trustProxy: e.AFTERSALE_TRUST_PROXY,
    logLevel: e.LOG_LEVEL,
    smtpUrl: e.AFTERSALE_SMTP_URL,
    mailFrom: e.AFTERSALE_MAIL_FROM,
    smtpListen: e.AFTERSALE_SMTP_LISTEN
      ? {
          host: e.AFTERSALE_SMTP_LISTEN.slice(0, e.AFTERSALE_SMTP_LISTEN.lastIndexOf(':')),
          port: Number(e.AFTERSALE_SMTP_LISTEN.slice(e.AFTERSALE_SMTP_LISTEN.lastIndexOf(':') + 1)),
        }
      : undefined,
    workers: e.AFTERSALE_WORKERS,
    shipmentScanMinutes: e.AFTERSALE_SHIPMENT_SCAN_MINUTES,
    preparedStatements: e.AFTERSALE_PREPARED_STATEMENTS,
    secretKeys: [e.AFTERSALE_SECRET_KEY, e.AFTERSALE_SECRET_KEY_PREVIOUS].filter((k): k is string => !!k),
  };
}
