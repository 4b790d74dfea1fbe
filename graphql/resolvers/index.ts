import type { Resolvers } from '../generated/resolvers-types';
import { clearanceStatisticsResolvers } from './clearance-statistics';
import { controlResultResolvers } from './control-results';
import { declarationLifecycleResolvers } from './declaration-lifecycle';
import { declarationResolvers } from './declarations';
import { documentResolvers } from './documents';
import { errorResolvers } from './errors';
import { filingAidResolvers } from './filing-aids';
import { gateResolvers } from './gates';
import { healthResolvers } from './health';
import { identityResolvers } from './identity';
import { interchangeResolvers } from './interchange';
import { ledgerResolvers } from './ledger';
import { permitResolvers } from './permits';
import { officerQueueResolvers } from './officer-queue';
import { notificationResolvers } from './notifications';
import { riskResolvers } from './risk';
import { riskModelResolvers } from './risk-models';
import { scalarResolvers } from './scalars';
import { partnerLinkResolvers } from './partner-links';
import { scanPartnerResolvers } from './scan-partners';
import { scanResolvers } from './scans';
import { tariffResolvers } from './tariff';
import { trackingResolvers } from './tracking';

/** Every module's resolvers, merged per type. */
export const resolvers: Resolvers = mergeResolvers([
  scalarResolvers,
  healthResolvers,
  tariffResolvers,
  declarationResolvers,
  declarationLifecycleResolvers,
  riskResolvers,
  identityResolvers,
  documentResolvers,
  ledgerResolvers,
  trackingResolvers,
  permitResolvers,
  filingAidResolvers,
  officerQueueResolvers,
  clearanceStatisticsResolvers,
  notificationResolvers,
  interchangeResolvers,
  controlResultResolvers,
  riskModelResolvers,
  scanResolvers,
  scanPartnerResolvers,
  partnerLinkResolvers,
  gateResolvers,
  errorResolvers,
]);

function mergeResolvers(parts: Resolvers[]): Resolvers {
  const merged: Record<string, Record<string, unknown>> = {};
  for (const part of parts) {
    for (const [type, fields] of Object.entries(part)) {
      merged[type] = { ...merged[type], ...(fields as Record<string, unknown>) };
    }
  }
  return merged as Resolvers;
}
