// What an administrator sends to register or change a webhook endpoint (zod, shared with the portal form).
import { z } from 'zod';

import { EVENT_TYPE_NAMES } from './event-types';

export const eventTypesInput = z
  .array(z.string().refine((t) => (EVENT_TYPE_NAMES as string[]).includes(t), { message: `Unknown event type: use one of ${EVENT_TYPE_NAMES.join(', ')}.` }))
  .max(EVENT_TYPE_NAMES.length)
  .transform((types) => [...new Set(types)]);

export const webhookEndpointInput = z.object({
  url: z.string().trim().min(1, 'Give the URL that receives the webhooks.').max(2000, 'A webhook URL is at most 2,000 characters.'),
  description: z.string().trim().max(500, 'At most 500 characters.').default(''),
  /** Empty: every event type. */
  eventTypes: eventTypesInput.default([]),
  /** The body of a declaration's answers: the JSON event, a WCO DM Response (XML) or CUSRES (EDIFACT). */
  payloadFormat: z.enum(['JSON', 'XML', 'EDIFACT'], { message: 'The payload format is JSON, XML (WCO DM Response) or EDIFACT (CUSRES).' }).default('JSON'),
});

export type WebhookEndpointInput = z.input<typeof webhookEndpointInput>;

export const webhookEndpointChanges = webhookEndpointInput.partial().extend({ enabled: z.boolean().optional() });
