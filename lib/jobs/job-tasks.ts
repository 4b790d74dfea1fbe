// The one registry of the job queue's tasks and its cron schedule (graphile-worker). A capability adds
// its task here by name, and declares the task's payload type next to its handler by extending
// `GraphileWorker.Tasks` (declaration merging), so `enqueueJob` type-checks both name and payload:
//
//   declare global { namespace GraphileWorker { interface Tasks { 'send-webhook': { deliveryId: string } } } }
//
// Cron lines (graphile-worker's crontab syntax, minute resolution) run once per cluster however many
// Clearway processes are up: the queue's own `known_crontabs` table decides which process runs a tick.
import type { Task, TaskList } from 'graphile-worker';

import { deliverWebhookLegacyTask, deliverWebhooksTask } from '../notifications/deliver-webhooks-task';
import { fanOutEventLegacyTask, fanOutEventsTask } from '../notifications/fan-out-events-task';
import { fileSpreadsheetTask } from '../interchange/file-spreadsheet-task';
import { processPasswordResetRequestsTask } from '../auth/process-password-reset-requests-task';
import { pruneRateLimitCountersTask } from '../auth/prune-rate-limit-counters-task';
import { publishLedgerAnchorTask } from '../ledger/anchor/publish-ledger-anchor-task';
import { processScanImagesTask } from '../scans/process-scan-images-task';
import { pullPartnerScansTask } from '../scans/pull-partner-scans-task';
import { schedulePartnerScanPullsTask } from '../scans/schedule-partner-scan-pulls-task';
import { purgeBusinessEventsTask } from '../notifications/purge-business-events-task';
import { raiseSilentSealAlertsTask } from '../tracking/raise-silent-seal-alerts-task';
import { rescueWebhookDeliveriesTask } from '../notifications/rescue-webhook-deliveries-task';
import { sendEmailTask } from '../notifications/send-email-task';
import { sendNotificationDigestsTask } from '../notifications/send-notification-digests-task';
import { warnExpiringApiTokensTask } from '../notifications/warn-expiring-api-tokens-task';
import { trainRiskModelTask } from '../risk/train-risk-model-task';

export const jobTasks: TaskList = {
  'prune-rate-limit-counters': pruneRateLimitCountersTask,
  'raise-silent-seal-alerts': raiseSilentSealAlertsTask,
  'publish-ledger-anchor': publishLedgerAnchorTask,
  'process-password-reset-requests': processPasswordResetRequestsTask as Task,
  'send-email': sendEmailTask as Task,
  'fan-out-events': fanOutEventsTask as Task,
  'fan-out-event': fanOutEventLegacyTask as Task,
  'deliver-webhooks': deliverWebhooksTask as Task,
  'deliver-webhook': deliverWebhookLegacyTask as Task,
  'rescue-webhook-deliveries': rescueWebhookDeliveriesTask as Task,
  'purge-business-events': purgeBusinessEventsTask as Task,
  'warn-expiring-api-tokens': warnExpiringApiTokensTask as Task,
  'send-notification-digests': sendNotificationDigestsTask as Task,
  'train-risk-model': trainRiskModelTask as Task,
  'file-spreadsheet': fileSpreadsheetTask as Task,
  'process-scan-images': processScanImagesTask as Task,
  'pull-partner-scans': pullPartnerScansTask as Task,
  'schedule-partner-scan-pulls': schedulePartnerScanPullsTask as Task,
};

export const jobCrontab: string[] = [
  // Counters expire two windows after they start (at most two hours for the hourly limits).
  '*/5 * * * * prune-rate-limit-counters ?max=1',
  // Open shipments whose seal has gone quiet for TRACKING_SILENT_HOURS.
  '*/5 * * * * raise-silent-seal-alerts ?max=1',
  // The latest checkpoint to the chain (when ANCHOR_* is configured) at most every ANCHOR_EVERY_SECONDS.
  '* * * * * publish-ledger-anchor ?max=1',
  '* * * * * rescue-webhook-deliveries ?max=1',
  // Events left pending by a worker that died mid-batch, when no later event's job picked them up.
  '* * * * * fan-out-events ?max=1',
  '17 3 * * * purge-business-events ?max=1',
  '0 6 * * * warn-expiring-api-tokens ?max=1',
  '0 7 * * * send-notification-digests ?max=1',
  // One pull per active partner link (docs/scans.md "Pulling from a partner").
  '*/10 * * * * schedule-partner-scan-pulls ?max=1',
];
