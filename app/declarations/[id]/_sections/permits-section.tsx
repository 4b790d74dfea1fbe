// "Permits and certificates" on a declaration's page: every requirement of its items with its status
// (satisfied by a permit, an external reference, a disclaim or a waiver, or open) and what satisfies
// it. Customs officers waive a blocking requirement with a reason; while any blocks, the section says
// why release is held — the same words the release gate refuses with (describeBlocking).
import Link from 'next/link';

import type { Actor } from '../../../../lib/auth/actor';
import { isOfficer } from '../../../../lib/auth/policy';
import type { DeclarationDetail } from '../../../../lib/declarations/get-declaration-detail';
import { describeBlocking } from '../../../../lib/permits/check-permit-release-gate';
import { getDeclarationPermitRequirements } from '../../../../lib/permits/get-declaration-permit-requirements';
import { ResultsTable } from '../../../_components/list/list-parts';
import { WaiveForm } from '../../../permits/_components/permit-forms';
import { PermitBadge, qty } from '../../../permits/_components/permit-format';

const FINAL = new Set(['RELEASED', 'REJECTED', 'CANCELLED']);

export async function PermitsSection({ detail, actor, isFilerOfThis }: { detail: DeclarationDetail; actor: Actor; isFilerOfThis: boolean }) {
  const d = detail.declaration;
  const requirements = await getDeclarationPermitRequirements({ declarationId: d.id });
  if (requirements.length === 0) return null;
  const blocking = requirements.filter((r) => r.blocking);
  const officer = isOfficer(actor) && d.status !== 'DRAFT' && !FINAL.has(d.status);
  return (
    <section aria-labelledby="permits-heading" className="panel" data-testid="declaration-permits">
      <h2 id="permits-heading">Permits and certificates</h2>
      {blocking.length > 0 && !FINAL.has(d.status) && (
        <div className={d.status === 'DRAFT' ? 'notice' : 'notice notice-warn'} data-testid="release-held">
          <p>
            <strong>
              {d.status === 'DRAFT' ? 'Before customs can release these goods' : 'Release is held'}: {blocking.length} requirement{blocking.length === 1 ? '' : 's'} not met.
            </strong>
          </p>
          <ul>
            {blocking.map((r) => (
              <li key={`${r.itemSequence}-${r.ruleKey}`}>{describeBlocking(r)}</li>
            ))}
          </ul>
        </div>
      )}
      <ResultsTable labelledBy="permits-heading" testId="permit-requirements">
        <thead>
          <tr>
            <th scope="col">Item</th>
            <th scope="col">Needed</th>
            <th scope="col">Status</th>
            <th scope="col">Met by</th>
            {(officer || isFilerOfThis) && <th scope="col">Action</th>}
          </tr>
        </thead>
        <tbody>
          {requirements.map((r) => (
            <tr key={`${r.itemSequence}-${r.ruleKey}`} data-testid={`permit-requirement-${r.itemSequence}-${r.ruleKey}`}>
              <td>
                {r.itemSequence} ({r.commodityCode})
              </td>
              <td>
                {r.documentName} ({r.documentCode}) of {r.agency.name}
                {r.severity === 'MAY_BE_REQUIRED' && <span className="hint"> — may be required</span>}
                <br />
                <span className="hint">
                  {r.reason} Rule {r.ruleKey}, version {r.ruleVersion}.
                </span>
              </td>
              <td>
                <PermitBadge status={r.status} testId={`permit-requirement-status-${r.itemSequence}-${r.ruleKey}`} />
              </td>
              <td>
                {r.permitNumber && r.permitId && (
                  <>
                    Permit <Link href={`/permits/held/${r.permitId}`}>{r.permitNumber}</Link>
                    {r.quantityManaged && (r.reservedQuantity || r.drawnQuantity) && <> ({r.drawnQuantity ? `${qty(r.drawnQuantity, r.quantityUnit)} drawn` : `${qty(r.reservedQuantity, r.quantityUnit)} reserved`})</>}
                  </>
                )}
                {r.externalReference && (
                  <>
                    External reference {r.externalReference} ({r.externalConfirmed ? 'confirmed' : 'not confirmed yet'})
                  </>
                )}
                {r.disclaimCode && (
                  <>
                    Disclaimed ({r.disclaimCode}): {r.disclaimReason}
                  </>
                )}
                {r.waivedReason && <>Waived by customs: {r.waivedReason}</>}
                {!r.permitNumber && r.application && (
                  <>
                    Application <Link href={`/permits/applications/${r.application.id}`}>{r.application.number}</Link> ({r.application.status.replace(/_/g, ' ').toLowerCase()})
                  </>
                )}
                {!r.permitNumber && !r.externalReference && !r.disclaimCode && !r.waivedReason && !r.application && <span className="hint">Nothing yet</span>}
              </td>
              {(officer || isFilerOfThis) && (
                <td>
                  {officer && r.blocking && r.id && <WaiveForm requirementId={r.id} label={`item ${r.itemSequence}’s ${r.documentName}`} />}
                  {isFilerOfThis && r.blocking && !FINAL.has(d.status) && !r.application && (
                    <Link href={`/permits/apply?declarationId=${d.id}&ruleKey=${encodeURIComponent(r.ruleKey)}`}>Apply now</Link>
                  )}
                </td>
              )}
            </tr>
          ))}
        </tbody>
      </ResultsTable>
    </section>
  );
}
