// The parameters each kind of risk rule takes, validated when a rule is edited and when it is read.
import { z } from 'zod';

import { AppError } from '../errors';
import type { RiskRuleKind } from '../generated/prisma/client';
import { TrackingAlertKind } from '../generated/prisma/enums';

export const ruleParamSchemas = {
  ORIGIN_WATCHLIST: z.object({ countries: z.array(z.string().regex(/^[A-Z]{2}$/, 'Countries are ISO 3166-1 alpha-2 codes.')).min(1).max(250) }),
  HS_CHAPTER: z.object({ chapters: z.array(z.string().regex(/^\d{2}$/, 'Chapters are 2 digits, e.g. 93.')).min(1).max(99) }),
  NEW_FILER: z.object({ minPriorDeclarations: z.number().int().min(1).max(1000) }),
  LOW_VALUE_PER_KG: z.object({ maxRobustZ: z.number().max(0, 'maxRobustZ is negative: how far below the median counts.').min(-20), minSamples: z.number().int().min(3).max(10000) }),
  // Which electronic-seal alerts (lib/tracking) feed the declaration's risk: a finding and the RED lane.
  SEAL_INTEGRITY: z.object({ alertKinds: z.array(z.enum(TrackingAlertKind)).max(10) }),
} satisfies Record<RiskRuleKind, z.ZodType>;

export type RuleParams<K extends RiskRuleKind> = z.output<(typeof ruleParamSchemas)[K]>;

export function ruleParams<K extends RiskRuleKind>(kind: K, params: unknown): RuleParams<K> {
  const parsed = ruleParamSchemas[kind].safeParse(params);
  if (!parsed.success) throw new AppError('INTERNAL_SERVER_ERROR', `Risk rule parameters of kind ${kind} are invalid: ${parsed.error.message}`);
  return parsed.data as RuleParams<K>;
}
