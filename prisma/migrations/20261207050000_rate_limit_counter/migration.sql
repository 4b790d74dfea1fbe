-- Rate-limit counters shared by every Clearway process (lib/auth/postgres-rate-limiter.ts): one row per
-- key and fixed window, counted with one INSERT ... ON CONFLICT DO UPDATE per request. UNLOGGED: no WAL
-- for a counter that is worth nothing after a crash (PostgreSQL empties the table on crash recovery,
-- which forgets at most a minute's counts), and twice as cheap to update. Only the primary key is
-- indexed, so a hit updates `hits` in place (a HOT update); the prune job scans the small table.
-- Windows are milliseconds since the epoch by the database's clock, never a process's.

-- CreateTable
CREATE UNLOGGED TABLE "rate_limit_counter" (
    "key" TEXT NOT NULL,
    "window_start" BIGINT NOT NULL,
    "hits" INTEGER NOT NULL,
    "expires_at" BIGINT NOT NULL,

    CONSTRAINT "rate_limit_counter_pkey" PRIMARY KEY ("key","window_start")
);
