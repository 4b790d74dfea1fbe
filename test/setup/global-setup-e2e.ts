// Once per browser-test run: the test template with the demo data in it, so each file's server starts on
// a copy that already has it (its own start then finds the demo seeded and goes on at once).
import type { TestProject } from 'vitest/node';

import { prepareTestTemplate } from './global-setup';

export default function setup(project: TestProject) {
  // As the browser tests' server runs (test/e2e/clearway-process.ts): no demo risk model deciding lanes.
  process.env.RISK_DEMO_MODEL ??= 'off';
  return prepareTestTemplate(project, { demoDeclarations: true });
}
