// A second Clearway process for crash tests: drains the job queue (graphile-worker) against
// DATABASE_URL, and is killed by the test mid-job.
import { runPendingJobs } from '../../lib/jobs/run-pending-jobs';

await runPendingJobs();
process.exit(0);
