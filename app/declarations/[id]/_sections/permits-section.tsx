// "Permits and certificates" on a declaration's page: every requirement of its items with its status
// (satisfied by a permit, an external reference, a disclaim or a waiver, or open) and what satisfies
// it. Customs officers waive a blocking requirement with a reason; while any blocks, the section says
// why release is held — the same words the release gate refuses with (describeBlocking).
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';

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
  const [requirements, t] = await Promise.all([getDeclarationPermitRequirements({ declarationId: d.id }), getTranslations('declarationPage.permits')]);
  if (requirements.length === 0) return null;
  const blocking = requirements.filter((r) => r.blocking);
  const officer = isOfficer(actor) && d.status !== 'DRAFT' && !FINAL.has(d.status);
  return (
    <section aria-labelledby="permits-heading" className="panel" data-testid="declaration-permits">
      <h2 id="permits-heading">{t('heading')}</h2>
      {blocking.length > 0 && !FINAL.has(d.status) && (
        <div className={d.status === 'DRAFT' ? 'notice' : 'notice notice-warn'} data-testid="release-held">
          <p>
            <strong>
              {t(d.status === 'DRAFT' ? 'beforeRelease' : 'releaseHeld', { count: blocking.length })}
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
            <th scope="col">{t('item')}</th>
            <th scope="col">{t('needed')}</th>
            <th scope="col">{t('status')}</th>
            <th scope="col">{t('metBy')}</th>
            {(officer || isFilerOfThis) && <th scope="col">{t('action')}</th>}
          </tr>
        </thead>
        <tbody>
          {requirements.map((r) => (
            <tr key={`${r.itemSequence}-${r.ruleKey}`} data-testid={`permit-requirement-${r.itemSequence}-${r.ruleKey}`}>
              <td>
                {r.itemSequence} ({r.commodityCode})
              </td>
              <td>
                {t('documentOf', { document: r.documentName, code: r.documentCode, agency: r.agency.name })}
                {r.severity === 'MAY_BE_REQUIRED' && <span className="hint"> — {t('mayBeRequired')}</span>}
                <br />
                <span className="hint">
                  {r.reason} {t('rule', { rule: r.ruleKey, version: r.ruleVersion })}
                </span>
              </td>
              <td>
                <PermitBadge status={r.status} testId={`permit-requirement-status-${r.itemSequence}-${r.ruleKey}`} />
              </td>
              <td>
                {r.permitNumber && r.permitId && (
                  <>
                    {t.rich('permit', { number: r.permitNumber, link: (chunks) => <Link href={`/permits/held/${r.permitId}`}>{chunks}</Link> })}
                    {r.quantityManaged && (r.reservedQuantity || r.drawnQuantity) && (
                      <> ({r.drawnQuantity ? t('drawn', { quantity: qty(r.drawnQuantity, r.quantityUnit) }) : t('reserved', { quantity: qty(r.reservedQuantity, r.quantityUnit) })})</>
                    )}
                  </>
                )}
                {r.externalReference && (
                  <>
                    {t('external', { reference: r.externalReference, confirmed: r.externalConfirmed ? 'yes' : 'no' })}
                  </>
                )}
                {r.disclaimCode && (
                  <>
                    {t('disclaimed', { code: r.disclaimCode, reason: r.disclaimReason ?? '' })}
                  </>
                )}
                {r.waivedReason && <>{t('waived', { reason: r.waivedReason })}</>}
                {!r.permitNumber && r.application && (
                  <>
                    {t.rich('application', {
                      number: r.application.number,
                      status: r.application.status.replace(/_/g, ' ').toLowerCase(),
                      link: (chunks) => <Link href={`/permits/applications/${r.application!.id}`}>{chunks}</Link>,
                    })}
                  </>
                )}
                {!r.permitNumber && !r.externalReference && !r.disclaimCode && !r.waivedReason && !r.application && <span className="hint">{t('nothingYet')}</span>}
              </td>
              {(officer || isFilerOfThis) && (
                <td>
                  {officer && r.blocking && r.id && <WaiveForm requirementId={r.id} label={t('waiveLabel', { sequence: r.itemSequence, document: r.documentName })} />}
                  {isFilerOfThis && r.blocking && !FINAL.has(d.status) && !r.application && (
                    <Link href={`/permits/apply?declarationId=${d.id}&ruleKey=${encodeURIComponent(r.ruleKey)}`}>{t('applyNow')}</Link>
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
