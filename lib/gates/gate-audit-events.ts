// The gates' audit actions, spread into AUDIT_EVENTS (lib/audit.ts) so they are typed like every other
// action while living beside the code that writes them.
import { z } from 'zod';

export const GATE_AUDIT_EVENTS = {
  'gate.upsert': { target: 'gate', details: z.object({ code: z.string().describe('Gate'), created: z.boolean().describe('New'), retired: z.boolean().describe('Retired') }) },
  'gate.decide': {
    target: 'gate_event',
    details: z.object({
      gate: z.string().describe('Gate'),
      containerNumber: z.string().describe('Container'),
      decision: z.string().describe('Decision'),
      codes: z.array(z.string()).describe('Reasons'),
    }),
  },
} as const;
