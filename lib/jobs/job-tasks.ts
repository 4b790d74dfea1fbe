// The one registry of the job queue's tasks and its cron schedule (graphile-worker). A capability adds
// its task here by name, and declares the task's payload type next to its handler by extending
// `GraphileWorker.Tasks` (declaration merging), so `enqueueJob` type-checks both name and payload:
//
//   declare global { namespace GraphileWorker { interface Tasks { 'send-webhook': { deliveryId: string } } } }
//
// Cron lines (graphile-worker's crontab syntax, minute resolution) run once per cluster however many
// Clearway processes are up: the queue's own `known_crontabs` table decides which process runs a tick.
import type { Task, TaskList } from 'graphile-worker';

import { processPasswordResetRequestsTask } from '../auth/process-password-reset-requests-task';
import { deliverWebhookTask } from '../notifications/deliver-webhook-task';
import { fanOutEventTask } from '../notifications/fan-out-event-task';
import { purgeBusinessEventsTask } from '../notifications/purge-business-events-task';
import { rescueWebhookDeliveriesTask } from '../notifications/rescue-webhook-deliveries-task';
import { sendEmailTask } from '../notifications/send-email-task';
import { sendNotificationDigestsTask } from '../notifications/send-notification-digests-task';
import { warnExpiringApiTokensTask } from '../notifications/warn-expiring-api-tokens-task';

export const jobTasks: TaskList = {
  'process-password-reset-requests': processPasswordResetRequestsTask as Task,
  'send-email': sendEmailTask as Task,
  'fan-out-event': fanOutEventTask as Task,
  'deliver-webhook': deliverWebhookTask as Task,
  'rescue-webhook-deliveries': rescueWebhookDeliveriesTask as Task,
  'purge-business-events': purgeBusinessEventsTask as Task,
  'warn-expiring-api-tokens': warnExpiringApiTokensTask as Task,
  'send-notification-digests': sendNotificationDigestsTask as Task,
};

export const jobCrontab: string[] = [
  '* * * * * rescue-webhook-deliveries ?max=1',
  '17 3 * * * purge-business-events ?max=1',
  '0 6 * * * warn-expiring-api-tokens ?max=1',
  '0 7 * * * send-notification-digests ?max=1',
];
