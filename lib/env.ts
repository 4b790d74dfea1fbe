// The one place that reads configuration from the environment. Every setting has a default that
// works on a developer machine; docs/operations.md documents each one.
import path from 'node:path';
import { z } from 'zod';

const intFrom = (def: number, min: number, max: number) =>
  z.coerce.number().int().min(min).max(max).default(def);

const schema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  /** External PostgreSQL; when unset, Clearway starts an embedded PostgreSQL under DATA_DIR. */
  DATABASE_URL: z.preprocess((v) => (v === '' ? undefined : v), z.string().url().optional()),
  DATABASE_POOL_SIZE: intFrom(10, 1, 200),
  DATA_DIR: z.string().default('.data'),
  EMBEDDED_PG_PORT: intFrom(54329, 1024, 65535),
  PORT: intFrom(3000, 0, 65535),
  HOST: z.string().default('0.0.0.0'),
  /** Create the ~50 demo declarations at first start. */
  SEED_DEMO: z.enum(['true', 'false']).default('true').transform((v) => v === 'true'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  GRAPHQL_BODY_LIMIT_BYTES: intFrom(1_000_000, 1_000, 100_000_000),
  GRAPHQL_MAX_DEPTH: intFrom(10, 2, 100),
  GRAPHQL_MAX_ALIASES: intFrom(15, 1, 1000),
  GRAPHQL_MAX_COST: intFrom(5000, 10, 1_000_000),
  GRAPHQL_MAX_TOKENS: intFrom(2000, 100, 1_000_000),
  /** Tracking: seal events dated further ahead of the server clock than this are refused (device clocks drift). */
  TRACKING_CLOCK_SKEW_SECONDS: intFrom(300, 0, 86_400),
  /** Tracking: seal events dated longer ago than this are refused (a reset device clock says 1970 or year 1). */
  TRACKING_MAX_EVENT_AGE_DAYS: intFrom(365, 1, 36_500),
  /** Tracking: an open shipment whose seal reports nothing for this long raises a silent-seal alert. */
  TRACKING_SILENT_HOURS: intFrom(24, 1, 24 * 365),
  /** Tracking: most events accepted in one EPCIS document (or one recordSealEvents call). */
  EPCIS_MAX_EVENTS: intFrom(10_000, 1, 1_000_000),
  /** Tracking: largest accepted body of POST /api/epcis/capture and /events (50 MiB: a 10,000-event document with sensor data is about 20 MiB). */
  EPCIS_BODY_LIMIT_BYTES: intFrom(52_428_800, 1_000, 1_000_000_000),
  /** The ledger's identity in its signed checkpoints (C2SP origin and signed-note key name). */
  LEDGER_ORIGIN: z.string().regex(/^[^\s+]{1,255}$/, 'must be 1 to 255 characters without spaces or "+"').default('clearway.example/ledger'),
  /** Ed25519 private key (PKCS#8 PEM or base64 DER); unset: generated once into DATA_DIR/ledger-key.pem. */
  LEDGER_SIGNING_KEY: z.preprocess((v) => (v === '' ? undefined : v), z.string().optional()),
  /** A checkpoint is signed once the last one is this old and leaves are pending, or… */
  LEDGER_CHECKPOINT_SECONDS: intFrom(10, 1, 86_400),
  /** …when this many leaves are pending. */
  LEDGER_CHECKPOINT_LEAVES: intFrom(1000, 1, 100_000_000),
  /** How often the ledger integrator looks for pending entries, in milliseconds. */
  LEDGER_INTEGRATE_POLL_MS: intFrom(50, 5, 60_000),
  /** Jobs one process runs at once on the job queue (graphile-worker); 0 makes the process web-only. */
  JOB_CONCURRENCY: intFrom(4, 0, 100),
  /** How often the job queue looks for jobs scheduled for later or retried, in milliseconds (new jobs arrive by LISTEN/NOTIFY at once). */
  JOB_POLL_MS: intFrom(2_000, 100, 600_000),
  /** Outgoing e-mail (nodemailer), e.g. smtp://user:pass@mail.example:587 or smtps://…; unset: messages stay in the inbox and the outbox table, and the log says they went out. */
  SMTP_URL: z.preprocess((v) => (v === '' ? undefined : v), z.string().regex(/^smtps?:\/\//i, 'must be an smtp:// or smtps:// URL').optional()),
  /** The From header of e-mail. */
  MAIL_FROM: z.string().min(3).default('Clearway <no-reply@clearway.example>'),
  /** Webhooks may target private, loopback and link-local addresses (SSRF guard off): for local receivers in development and tests only. */
  WEBHOOK_ALLOW_PRIVATE: z.enum(['true', 'false']).default('false').transform((v) => v === 'true'),
  /** Webhooks may use plain http:// URLs (otherwise https:// only). */
  WEBHOOK_ALLOW_HTTP: z.enum(['true', 'false']).default('false').transform((v) => v === 'true'),
  /** A webhook request that has not answered with a 2xx within this many milliseconds failed. */
  WEBHOOK_TIMEOUT_MS: intFrom(15_000, 100, 60_000),
  /** After a secret rotation the old secret keeps signing for this many hours (receivers switch over). */
  WEBHOOK_SECRET_OVERLAP_HOURS: intFrom(24, 0, 24 * 30),
  /** Days business events (and so deliveries, pull notifications and replays) are kept. */
  NOTIFICATION_RETENTION_DAYS: intFrom(30, 1, 365),
  /** Risk: points the active risk model adds to the rules' score at probability 1 (a weighted input; thresholds and overrides still apply). */
  RISK_MODEL_WEIGHT: intFrom(60, 0, 1000),
  /** Risk: share of GREEN declarations sent to a documentary check at random, so the model keeps learning what it would not select (0 to 0.5). */
  RISK_RANDOM_CONTROL_SHARE: z.coerce.number().min(0).max(0.5).default(0.01),
  /** Risk: with SEED_DEMO, the demo start imports a synthetic control history and trains a model on it, then activates it (`active`), leaves it in shadow mode (`shadow`) or does nothing (`off`). */
  RISK_DEMO_MODEL: z.enum(['off', 'shadow', 'active']).default('active'),
  /** Risk: largest control history CSV accepted by importControlHistory, in bytes. */
  CONTROL_HISTORY_MAX_BYTES: intFrom(104_857_600, 1_000, 10_000_000_000),
  /** Requests per minute per API token and per signed-in user (sliding window, shared by all processes). */
  API_RATE_LIMIT_PER_MINUTE: intFrom(600, 1, 100_000_000),
  /** Where rate-limit counters live: `postgres` (shared by every process on the database) or `memory` (this process only). */
  RATE_LIMIT_STORE: z.enum(['postgres', 'memory']).default('postgres'),
  /** Requests per minute per client address without credentials. */
  API_ANONYMOUS_RATE_LIMIT_PER_MINUTE: intFrom(300, 1, 100_000_000),
  /** Behind a reverse proxy: take the client address from the first X-Forwarded-For hop. */
  TRUST_PROXY: z.enum(['true', 'false']).default('false').transform((v) => v === 'true'),
  /** The portal's public address, for links in messages (invitations, password resets) and QR codes. */
  PUBLIC_URL: z.string().url().default('http://localhost:3000'),
  /** Optional OpenID Connect provider (e.g. a national trader-ID system): all four or none. */
  OIDC_ISSUER: z.preprocess((v) => (v === '' ? undefined : v), z.string().url().optional()),
  OIDC_CLIENT_ID: z.string().optional(),
  OIDC_CLIENT_SECRET: z.string().optional(),
  OIDC_NAME: z.string().default('National trader ID'),
  /** Optional EVM chain for ledger checkpoint roots (OpenAttestation DocumentStore): all three or none. */
  ANCHOR_RPC_URL: z.preprocess(
    (v) => (v === '' ? undefined : v),
    z.string().url().regex(/^https?:\/\//i, 'must be an http(s) JSON-RPC URL').optional(),
  ),
  /** Never echoed in errors or logs: the account holds the store's issuer role and pays its gas. */
  ANCHOR_PRIVATE_KEY: z.preprocess(
    (v) => (v === '' ? undefined : v),
    z.string().regex(/^(0x)?[0-9a-fA-F]{64}$/, 'must be 32 bytes of hex').optional(),
  ),
  /** Publish the latest checkpoint to the chain at most this often. */
  ANCHOR_EVERY_SECONDS: intFrom(60, 1, 86_400),
  ANCHOR_CONTRACT_ADDRESS: z.preprocess(
    (v) => (v === '' ? undefined : v),
    z.string().regex(/^0x[0-9a-fA-F]{40}$/, 'must be a 0x-prefixed 20-byte address').optional(),
  ),
  /** Documents: largest accepted upload (POST /api/documents answers 413 beyond). */
  DOCUMENT_MAX_BYTES: intFrom(20 * 1024 * 1024, 1, 1024 * 1024 * 1024),
  /** Scans: largest accepted POST /api/scans request (metadata and all images), 413 beyond (docs/scans.md). */
  SCAN_MAX_BYTES: intFrom(512 * 1024 * 1024, 1024, 4 * 1024 * 1024 * 1024),
  /** Scans: an analyst's claim lapses after this many minutes without a verdict. */
  SCAN_CLAIM_MINUTES: intFrom(30, 1, 24 * 60),
  /** Scans: a scan should have a verdict within this many minutes of arriving (the queue's SLA). */
  SCAN_ANALYSIS_SLA_MINUTES: intFrom(60, 1, 7 * 24 * 60),
  /** Scans: a partner administration's signed request (RFC 9421) is refused when its `created` is further than this from the server clock. */
  SCAN_PARTNER_MAX_SKEW_SECONDS: intFrom(300, 10, 3_600),
  /** Scans: pulling from a partner link asks for the containers of shipments open or closed within this many days (docs/scans.md). */
  SCAN_PARTNER_PULL_DAYS: intFrom(30, 1, 3_650),
  /** Scans: one request to a partner administration's GraphQL endpoint gives up after this many seconds. */
  SCAN_PARTNER_PULL_TIMEOUT_SECONDS: intFrom(60, 1, 600),
  /** Documents: where the bytes live, `local` (BLOB_DIR) or `s3` (the S3_* variables). */
  BLOB_STORE: z.enum(['local', 's3']).default('local'),
  /** Local blob store folder; unset: DATA_DIR/blobs. */
  BLOB_DIR: z.preprocess((v) => (v === '' ? undefined : v), z.string().optional()),
  /** S3-compatible blob store (BLOB_STORE=s3): endpoint (path-style URLs), bucket, region and keys. */
  S3_ENDPOINT: z.preprocess((v) => (v === '' ? undefined : v), z.string().url().regex(/^https?:\/\//i, 'must be an http(s) URL').optional()),
  S3_BUCKET: z.preprocess((v) => (v === '' ? undefined : v), z.string().regex(/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/, 'must be an S3 bucket name').optional()),
  S3_REGION: z.string().min(1).default('us-east-1'),
  S3_ACCESS_KEY_ID: z.preprocess((v) => (v === '' ? undefined : v), z.string().optional()),
  /** Never echoed in errors or logs. */
  S3_SECRET_ACCESS_KEY: z.preprocess((v) => (v === '' ? undefined : v), z.string().optional()),
  /** Drafts untouched this long become read-only (kept, never deleted); UK CDS uses 30 days. */
  DRAFT_EXPIRY_DAYS: intFrom(30, 1, 3650),
  /** The draft's page warns this many days before it expires. */
  DRAFT_EXPIRY_NOTICE_DAYS: intFrom(5, 0, 365),
  /** Officer queue: a claim older than this returns the declaration to the queue. */
  CLAIM_TIMEOUT_MINUTES: intFrom(120, 1, 7 * 24 * 60),
  /** Officer queue: service level per lane, hours from submission, e.g. GREEN=4,YELLOW=24,RED=72. */
  SERVICE_LEVEL_HOURS: z
    .string()
    .regex(/^(GREEN|YELLOW|RED)=\d{1,5}(,(GREEN|YELLOW|RED)=\d{1,5})*$/, 'must be LANE=hours pairs, e.g. GREEN=4,YELLOW=24,RED=72')
    .default('GREEN=4,YELLOW=24,RED=72'),
  /** Clearance statistics: how long computed figures are reused (0 turns the cache off). */
  STATISTICS_CACHE_SECONDS: intFrom(60, 0, 86_400),
});

export type Env = z.infer<typeof schema>;

let cached: Env | undefined;

/** Parsed configuration; throws one readable error listing every invalid variable. */
export function getEnv(): Env {
  if (cached) return cached;
  const parsed = schema.safeParse(process.env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`Invalid configuration:\n${lines.join('\n')}`);
  }
  cached = parsed.data;
  return cached;
}

/** Forget the parsed configuration (tests change process.env between cases). */
export function resetEnvCache(): void {
  cached = undefined;
}

export function dataDir(): string {
  return path.resolve(getEnv().DATA_DIR);
}

/** Directory of the checked-in migrations. */
export function migrationsDir(): string {
  return path.resolve(process.cwd(), 'prisma', 'migrations');
}
