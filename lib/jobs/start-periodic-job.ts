// A pass at start, then one per interval, never two at once; stop() waits for a running pass. For the
// in-process loops the HTTP server's process starts (server/background-jobs.ts); each job decides what
// to log, on success and on failure.
export interface PeriodicJob {
  stop(): Promise<void>;
}

export function startPeriodicJob(options: { intervalMs: number; run: () => Promise<void>; onError: (err: unknown) => void }): PeriodicJob {
  const { intervalMs, run, onError } = options;
  let running: Promise<void> | null = null;
  let stopped = false;
  const pass = () => {
    if (running || stopped) return;
    running = run()
      .catch(onError)
      .finally(() => {
        running = null;
      });
  };
  const timer = setInterval(pass, intervalMs);
  // The loop alone does not keep the process alive.
  timer.unref();
  setImmediate(pass);
  return {
    async stop() {
      stopped = true;
      clearInterval(timer);
      await running;
    },
  };
}
