// The filters of the broker's work queue (zod, shared by GraphQL, the portal and saved views).
import { z } from 'zod';

import { DeclarationStatus } from '../generated/prisma/enums';

const uuid = z.string().uuid('A company id is a UUID.');
// The statuses are the schema's enum: a status added there is a filter value here at once.
const STATUSES = Object.values(DeclarationStatus);

export const workQueueFilters = z
  .object({
    clientId: uuid.optional(),
    status: z.array(z.enum(DeclarationStatus, { message: `A status is one of ${STATUSES.join(', ')}.` })).max(STATUSES.length).optional(),
    lane: z.enum(['GREEN', 'YELLOW', 'RED'], { message: 'The lane is GREEN, YELLOW or RED.' }).optional(),
    /** Last change on or after this day (YYYY-MM-DD). */
    from: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'A date is YYYY-MM-DD.').optional(),
    /** Last change on or before this day. */
    to: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'A date is YYYY-MM-DD.').optional(),
  })
  .strict();

export type WorkQueueFilters = z.infer<typeof workQueueFilters>;
