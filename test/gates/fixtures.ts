// Shared set-up for the gate tests: the demo terminal's reader (an API token with gate:decide of the
// demo terminal operator company), a released declaration under seal, and a tamper report.
import { loadUserActor, type Actor } from '../../lib/auth/actor';
import { captureEpcisDocument } from '../../lib/tracking/capture-epcis-document';
import { releaseSubmitted } from '../support/declarations';
import { epcisDocument, gateway, objectEvent, trackedShipment, withToken } from '../tracking/fixtures';

export const TERMINAL_EMAIL = 'terminal@maasvlakte-terminal.example';
export const GATE_IN = 'NLRTM-MV1-IN';
export const GATE_OUT = 'NLRTM-MV1-OUT';

export const terminalOperator = () => loadUserActor({ email: TERMINAL_EMAIL });
/** The gate reader: a token of the terminal company with gate:decide. */
export const reader = async (): Promise<Actor> => withToken(await terminalOperator(), ['gate:decide']);

/** A tracked container (seal CN1234567) whose declaration customs released. */
export async function releasedShipment() {
  const shipment = await trackedShipment();
  await releaseSubmitted(shipment.declarationId);
  return shipment;
}

/** The carrier's e-seal gateway reports the seal tampered with. */
export async function reportTamper(containerNumber: string): Promise<void> {
  await captureEpcisDocument({ actor: await gateway(), document: epcisDocument([objectEvent({ container: containerNumber, sealState: 'TAMPERED' })]) });
}
