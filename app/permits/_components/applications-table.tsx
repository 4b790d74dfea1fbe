// The table of permit applications shared by the trader's list (/permits) and the agency's queue
// (/agency): number, agency, applicant, goods, status and, while open, how long it has waited.
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';

import { loadCompanies } from '../../../lib/declarations/load-declaration-parts';
import type { getPermitApplication } from '../../../lib/permits/get-permit-application';
import { loadAgencies } from '../../../lib/permits/load-permit-parts';
import { documentName } from '../../../lib/permits/permit-codes';
import { ResultsTable } from '../../_components/list/list-parts';
import { When } from '../../_i18n/when';
import { PermitBadge, type PermitGood } from './permit-format';

type PermitApplication = NonNullable<Awaited<ReturnType<typeof getPermitApplication>>>;

const OPEN = new Set(['SUBMITTED', 'UNDER_REVIEW', 'INFO_REQUESTED']);

/** Hours since submission while the agency has it (the SLA age), as the API's waitingHours. */
export function waitingHours(a: PermitApplication, now = Date.now()): number | null {
  return a.submittedAt && OPEN.has(a.status) ? Math.round(((now - a.submittedAt.getTime()) / 3_600_000) * 10) / 10 : null;
}

export async function ApplicationsTable({ applications, label, showApplicant }: { applications: PermitApplication[]; label: string; showApplicant: boolean }) {
  const [agencies, companies, t] = await Promise.all([
    loadAgencies([...new Set(applications.map((a) => a.agencyId))]),
    loadCompanies([...new Set(applications.map((a) => a.applicantId))]),
    getTranslations('permits'),
  ]);
  const agencyOf = new Map(agencies.filter((a) => a !== null).map((a) => [a.id, a]));
  const companyOf = new Map(companies.filter((c) => c !== null).map((c) => [c.id, c]));
  return (
    <ResultsTable label={label} testId="permit-applications">
      <thead>
        <tr>
          <th scope="col">{t('colApplication')}</th>
          <th scope="col">{t('colFor')}</th>
          {showApplicant && <th scope="col">{t('applicant')}</th>}
          <th scope="col">{t('goods')}</th>
          <th scope="col">{t('colStatus')}</th>
          <th scope="col">{t('submitted')}</th>
          <th scope="col">{t('colWaiting')}</th>
        </tr>
      </thead>
      <tbody>
        {applications.map((a) => {
          const goods = a.goods as unknown as PermitGood[];
          const hours = waitingHours(a);
          const company = companyOf.get(a.applicantId);
          return (
            <tr key={a.id} data-testid={`application-row-${a.number}`}>
              <th scope="row">
                <Link href={`/permits/applications/${a.id}`}>{a.number}</Link>
              </th>
              <td>
                {documentName(a.documentCode)} ({a.documentCode}), {agencyOf.get(a.agencyId)?.code ?? '—'}
              </td>
              {showApplicant && <td>{company ? `${company.name} (${company.eori})` : '—'}</td>}
              <td>
                {goods
                  .slice(0, 2)
                  .map((g) => `${g.commodityCode} ${g.description} (${g.originCountry})`)
                  .join('; ')}
                {goods.length > 2 && t('andMore', { count: goods.length - 2 })}
              </td>
              <td>
                <PermitBadge status={a.status} />
              </td>
              <td>
                <When date={a.submittedAt} />
              </td>
              <td>{hours === null ? '—' : t('hours', { hours })}</td>
            </tr>
          );
        })}
      </tbody>
    </ResultsTable>
  );
}
