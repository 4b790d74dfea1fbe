import { defineConfig } from 'vitest/config';

// Browser tests: a real Clearway server process driven by Debian's Chromium through playwright-core.
export default defineConfig({
  test: {
    include: ['test/e2e/**/*.test.ts'],
    globalSetup: ['test/setup/global-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 300_000,
    fileParallelism: false,
    // A page's answer on a loaded 2-core CI machine can take far longer than vitest's 1 s default.
    expect: { poll: { timeout: 20_000, interval: 100 } },
  },
});
