// What the scan benchmarks scan: a submitted import with one sealed container, its shipment from Shanghai
// to Rotterdam, and a registered scanning station (its token). One copy for bench/scans.ts and
// bench/scan-viewer.ts.
import { loadUserActor } from '../../lib/auth/actor';
import { iso6346CheckDigit } from '../../lib/declarations/codes';
import { createDeclarationDraft } from '../../lib/declarations/create-declaration-draft';
import { submitDeclaration } from '../../lib/declarations/submit-declaration';
import { registerScanStation } from '../../lib/scans/register-scan-station';
import { registerShipment } from '../../lib/tracking/register-shipment';
import { validImport } from '../../test/declarations/fixtures';

export async function prepareScanSubject(options: { lrn: string; containerBody: string; station: { code: string; name: string } }): Promise<{ declarationId: string; containerNumber: string; token: string }> {
  const trader = await loadUserActor({ email: 'trader@rotterdam-importers.example' });
  const admin = await loadUserActor({ email: 'admin@clearway.example' });
  const containerNumber = `${options.containerBody}${iso6346CheckDigit(options.containerBody)}`;
  const { id: declarationId } = await createDeclarationDraft({ actor: trader, input: validImport({ lrn: options.lrn, containers: [{ containerNumber, seals: ['CN1234567'] }] }) });
  await submitDeclaration({ actor: trader, id: declarationId });
  await registerShipment({ actor: trader, input: { declarationId, containerNumber, route: { origin: { locode: 'CNSHA' }, destination: { locode: 'NLRTM' } } } });
  const { token } = await registerScanStation({ actor: admin, input: { code: options.station.code, name: options.station.name, kind: 'FIXED_PORTAL', country: 'NL' } });
  return { declarationId, containerNumber, token };
}
