// The one place that reads configuration from the environment. Every setting has a default that
// works on a developer machine; README.md documents each one.
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
