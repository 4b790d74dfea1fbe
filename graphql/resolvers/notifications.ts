// Notifications over GraphQL: webhook endpoints and their log, the inbox and preferences, pull
// notifications for API tokens, the work queue and its saved views, and the declarationEvents
// subscription. Each resolver authenticates and delegates to lib/notifications or lib/work-queue.
import { acknowledgeNotifications } from '../../lib/notifications/acknowledge-notifications';
import { businessEventStream } from '../../lib/notifications/business-event-stream';
import { createWebhookEndpoint } from '../../lib/notifications/create-webhook-endpoint';
import { deleteWebhookEndpoint } from '../../lib/notifications/delete-webhook-endpoint';
import { getNotificationPreferences } from '../../lib/notifications/get-notification-preferences';
import { listNotifications } from '../../lib/notifications/list-notifications';
import { listPendingNotifications } from '../../lib/notifications/list-pending-notifications';
import { listWebhookDeliveries } from '../../lib/notifications/list-webhook-deliveries';
import { listWebhookEndpoints } from '../../lib/notifications/list-webhook-endpoints';
import { markNotificationsRead } from '../../lib/notifications/mark-notifications-read';
import { replayWebhookDeliveries } from '../../lib/notifications/replay-webhook-deliveries';
import { rotateWebhookSecret } from '../../lib/notifications/rotate-webhook-secret';
import { sendTestWebhook } from '../../lib/notifications/send-test-webhook';
import { updateNotificationPreferences } from '../../lib/notifications/update-notification-preferences';
import { updateWebhookEndpoint } from '../../lib/notifications/update-webhook-endpoint';
import { webhookBody, type EventRow } from '../../lib/notifications/webhook-body';
import { deleteWorkQueueView } from '../../lib/work-queue/delete-work-queue-view';
import { listWorkQueue } from '../../lib/work-queue/list-work-queue';
import { listWorkQueueViews } from '../../lib/work-queue/list-work-queue-views';
import { saveWorkQueueView } from '../../lib/work-queue/save-work-queue-view';
import type { Resolvers } from '../generated/resolvers-types';
import { withoutNulls } from '../without-nulls';

const page = <T>(r: { nodes: T[]; hasNextPage: boolean; endCursor: string | null }) => ({ nodes: r.nodes, pageInfo: { hasNextPage: r.hasNextPage, endCursor: r.endCursor } });

export const notificationResolvers: Resolvers = {
  Query: {
    webhookEndpoints: async (_root, _args, ctx) => listWebhookEndpoints({ actor: await ctx.actor() }),
    webhookDeliveries: async (_root, args, ctx) => page(await listWebhookDeliveries({ actor: await ctx.actor(), ...args })),
    notifications: async (_root, args, ctx) => {
      const r = await listNotifications({ actor: await ctx.actor(), ...args });
      return { ...page(r), unreadCount: r.unreadCount };
    },
    notificationPreferences: async (_root, _args, ctx) => getNotificationPreferences({ actor: await ctx.actor() }),
    pendingNotifications: async (_root, args, ctx) => {
      const r = await listPendingNotifications({ actor: await ctx.actor(), first: args.first });
      return { nodes: r.nodes.map((n) => ({ id: n.id, type: n.type, version: n.data.version, dmsCode: n.data.dmsCode, occurredAt: new Date(n.timestamp), ...subjectOf(n.data), payload: n.data, body: JSON.stringify(n) }) as unknown as EventRow), hasMore: r.hasMore };
    },
    workQueue: async (_root, args, ctx) => {
      const r = await listWorkQueue({ actor: await ctx.actor(), filters: args.filters ? withoutNulls(args.filters) : {}, first: args.first, after: args.after });
      return { ...page(r), totalCount: r.totalCount };
    },
    workQueueViews: async (_root, _args, ctx) => listWorkQueueViews({ actor: await ctx.actor() }),
  },
  Mutation: {
    createWebhookEndpoint: async (_root, { input }, ctx) => createWebhookEndpoint({ actor: await ctx.actor(), input: { ...withoutNulls(input), url: input.url ?? '' }, requestId: ctx.requestId }),
    updateWebhookEndpoint: async (_root, { id, input }, ctx) => updateWebhookEndpoint({ actor: await ctx.actor(), id, input, requestId: ctx.requestId }),
    rotateWebhookSecret: async (_root, { id, overlapHours }, ctx) => rotateWebhookSecret({ actor: await ctx.actor(), id, overlapHours, requestId: ctx.requestId }),
    deleteWebhookEndpoint: async (_root, { id }, ctx) => {
      await deleteWebhookEndpoint({ actor: await ctx.actor(), id, requestId: ctx.requestId });
      return true;
    },
    replayWebhookDeliveries: async (_root, args, ctx) => replayWebhookDeliveries({ actor: await ctx.actor(), endpointId: args.endpointId, deliveryId: args.deliveryId, since: args.since ? new Date(args.since) : null, requestId: ctx.requestId }),
    sendTestWebhook: async (_root, { endpointId }, ctx) => sendTestWebhook({ actor: await ctx.actor(), endpointId, requestId: ctx.requestId }),
    markNotificationsRead: async (_root, args, ctx) => markNotificationsRead({ actor: await ctx.actor(), ...args }),
    updateNotificationPreferences: async (_root, { input }, ctx) => updateNotificationPreferences({ actor: await ctx.actor(), input }),
    acknowledgeNotifications: async (_root, { ids }, ctx) => acknowledgeNotifications({ actor: await ctx.actor(), ids }),
    saveWorkQueueView: async (_root, { name, filters }, ctx) => saveWorkQueueView({ actor: await ctx.actor(), name, filters: withoutNulls(filters) }),
    deleteWorkQueueView: async (_root, { id }, ctx) => {
      await deleteWorkQueueView({ actor: await ctx.actor(), id });
      return true;
    },
  },
  Subscription: {
    declarationEvents: {
      // Returned from outside: a subscription ends (client gone, server closing) by aborting the wait.
      subscribe: async (_root, { declarationId }, ctx) => {
        const controller = new AbortController();
        const stream = await businessEventStream(await ctx.actor(), { declarationId, signal: controller.signal });
        const iterator: AsyncIterableIterator<{ declarationEvents: EventRow }> = {
          next: async () => {
            const r = await stream.next();
            return r.done ? { done: true, value: undefined } : { done: false, value: { declarationEvents: r.value } };
          },
          return: async () => {
            controller.abort();
            await stream.return(undefined);
            return { done: true, value: undefined };
          },
          [Symbol.asyncIterator]() {
            return this;
          },
        };
        return iterator;
      },
    },
  },
  BusinessEvent: {
    body: (e) => (e as EventRow & { body?: string }).body ?? JSON.stringify(webhookBody(e)),
  },
  WebhookEndpoint: {
    enabled: (w) => w.disabledAt === null,
  },
  WorkQueueView: {
    filters: (v) => JSON.stringify(v.filters),
  },
};

function subjectOf(data: Record<string, unknown>) {
  const s = (data.subject ?? {}) as Record<string, string | null>;
  return { declarationId: s.declarationId ?? null, mrn: s.mrn ?? null, lrn: s.lrn ?? null, containerNumber: s.containerNumber ?? null, companyId: s.companyId ?? null };
}
