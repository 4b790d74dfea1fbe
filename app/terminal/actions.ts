'use server';
// The terminal page's live view asks "has anything changed?": the gate traffic's fingerprint now, null
// when signed out or not allowed (the page then says the connection was lost).
import { getGateTrafficStamp } from '../../lib/gates/get-gate-traffic-stamp';
import { isAppError } from '../../lib/errors';
import { getOptionalActor } from '../session';
import { trafficWindowStart } from './traffic-window';

export async function gateTrafficStampAction(): Promise<string | null> {
  const actor = await getOptionalActor();
  if (!actor) return null;
  try {
    return await getGateTrafficStamp(actor, trafficWindowStart());
  } catch (error) {
    if (isAppError(error) && error.code === 'FORBIDDEN') return null;
    throw error;
  }
}
