// Shipment tracking over GraphQL: shipments and their timelines, seal events in Clearway's own shape,
// alerts, registering journeys, and the live `trackingUpdated` subscription (served over graphql-ws by
// graphql/subscription-server.ts). EPCIS 2.0 documents go through REST (server/epcis-routes.ts).
import type { Actor } from '../../lib/auth/actor';
import { hasScope } from '../../lib/auth/policy';
import { isAppError } from '../../lib/errors';
import { acknowledgeAlert } from '../../lib/tracking/acknowledge-alert';
import { getShipment } from '../../lib/tracking/get-shipment';
import { getTrackingTimeline } from '../../lib/tracking/get-tracking-timeline';
import { listShipments } from '../../lib/tracking/list-shipments';
import type { ShipmentSummary, ShipmentView } from '../../lib/tracking/load-shipments';
import { recordSealEvents } from '../../lib/tracking/record-seal-events';
import { registerShipment } from '../../lib/tracking/register-shipment';
import { trackingUpdates, type TrackingUpdate } from '../../lib/tracking/tracking-events';
import type { GraphQLContext } from '../context';
import { createLoaders } from '../loaders';
import type { Resolvers } from '../generated/resolvers-types';
import { withUserErrors } from '../user-errors';
import { withoutNulls } from '../without-nulls';

/** A read that is "not found" for this caller answers null, as `declaration(id)` does. */
async function orNull<T>(run: () => Promise<T>): Promise<T | null> {
  try {
    return await run();
  } catch (error) {
    if (isAppError(error) && error.code === 'NOT_FOUND') return null;
    throw error;
  }
}

/** A shipment from getShipment already carries its route, seals and alerts; others load them in a batch. */
const details = (s: ShipmentSummary, ctx: GraphQLContext) => ((s as Partial<ShipmentView>).route ? (s as ShipmentView) : ctx.loaders.shipmentDetails.load(s.id));

/**
 * The updates as an iterator whose end (client completes, socket closes) also ends the wait for the
 * next notification: an async generator cannot be returned while it awaits, so the abort signal does it.
 */
function untilReturned(containerNumber: string): AsyncIterableIterator<TrackingUpdate> {
  const controller = new AbortController();
  const updates = trackingUpdates({ containerNumber, signal: controller.signal });
  return {
    next: () => updates.next(),
    return: async (value?: unknown) => {
      controller.abort();
      return updates.return(value as undefined);
    },
    throw: async (error?: unknown) => {
      controller.abort();
      return updates.throw(error);
    },
    [Symbol.asyncIterator]() {
      return this;
    },
  };
}

const canReadDeclarations = (actor: Actor) => hasScope(actor, 'declarations:read') || hasScope(actor, 'declarations:write');

export const trackingResolvers: Resolvers = {
  Query: {
    shipment: async (_root, { id, containerNumber }, ctx) => {
      const actor = await ctx.actor();
      return orNull(() => getShipment({ actor, id, containerNumber }));
    },
    shipments: async (_root, { filter, first, after }, ctx) =>
      listShipments({ actor: await ctx.actor(), filter: filter ? withoutNulls(filter) : undefined, first: first ?? undefined, after: after ?? undefined }),
    trackingTimeline: async (_root, { containerNumber, first, after }, ctx) => {
      const actor = await ctx.actor();
      return orNull(() => getTrackingTimeline({ actor, containerNumber, first: first ?? undefined, after: after ?? undefined }));
    },
  },
  Mutation: {
    recordSealEvents: async (_root, { events }, ctx) => {
      const actor = await ctx.actor();
      const { value, userErrors } = await withUserErrors(() => recordSealEvents({ actor, events: withoutNulls(events), requestId: ctx.requestId }));
      return { capture: value, userErrors };
    },
    acknowledgeAlert: async (_root, { id, note }, ctx) => {
      const actor = await ctx.actor();
      const { value, userErrors } = await withUserErrors(() => acknowledgeAlert({ actor, alertId: id, note, requestId: ctx.requestId }));
      return { alert: value, userErrors };
    },
    registerShipment: async (_root, { input }, ctx) => {
      const actor = await ctx.actor();
      const { value, userErrors } = await withUserErrors(() => registerShipment({ actor, input: withoutNulls(input), requestId: ctx.requestId }));
      if (!value) return { shipmentId: null, shipment: null, userErrors };
      // A token may register (declarations:write) without reading tracking data (tracking:read).
      const shipment = hasScope(actor, 'tracking:read') ? await getShipment({ actor, id: value.id }) : null;
      return { shipmentId: value.id, shipment, userErrors };
    },
  },
  Subscription: {
    trackingUpdated: {
      // Refused before listening: tokens without tracking:read (FORBIDDEN), containers of shipments the
      // caller cannot see (NOT_FOUND, the same answer as for a container nobody tracks).
      subscribe: async (_root, { containerNumber }, ctx) => {
        const actor = await ctx.actor();
        const shipment = await getShipment({ actor, containerNumber });
        return untilReturned(shipment.containerNumber);
      },
      resolve: (update: TrackingUpdate, _args: unknown, ctx: GraphQLContext) => {
        // One context serves every event of the subscription: each event is read afresh.
        ctx.loaders = createLoaders();
        return update;
      },
    },
  },
  TrackingUpdate: {
    shipment: async (u, _args, ctx) => {
      const actor = await ctx.actor();
      return orNull(() => getShipment({ actor, id: u.shipmentId }));
    },
  },
  Declaration: {
    shipments: async (d, _args, ctx) => ctx.loaders.shipments(await ctx.actor()).load(d.id),
  },
  Shipment: {
    declarationId: (s) => s.declaration.id,
    lrn: (s) => s.declaration.lrn,
    mrn: (s) => s.declaration.mrn,
    declaration: async (s, _args, ctx) => {
      const actor = await ctx.actor();
      return canReadDeclarations(actor) ? ctx.loaders.declaration(actor).load(s.declaration.id) : null;
    },
    route: async (s, _args, ctx) => (await details(s, ctx)).route,
    seals: async (s, _args, ctx) => (await details(s, ctx)).seals,
    alerts: async (s, _args, ctx) => (await details(s, ctx)).alerts,
  },
  TrackingAlert: {
    acknowledgedBy: async (a, _args, ctx) => (a.acknowledgedById ? ((await ctx.loaders.user.load(a.acknowledgedById))?.email ?? null) : null),
    note: (a) => a.acknowledgementNote,
  },
};
