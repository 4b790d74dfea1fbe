// The table of permit applications shared by the trader's list (/permits) and the agency's queue
// (/agency): number, agency, applicant, goods, status and, while open, how long it has waited.
import Link from 'next/link';

import { loadCompanies } from '../../../lib/declarations/load-declaration-parts';
import type { getPermitApplication } from '../../../lib/permits/get-permit-application';
import { loadAgencies } from '../../../lib/permits/load-permit-parts';
import { documentName } from '../../../lib/permits/permit-codes';
import { ResultsTable } from '../../_components/list/list-parts';
import { PermitBadge, when, type PermitGood } from './permit-format';

type PermitApplication = NonNullable<Awaited<ReturnType<typeof getPermitApplication>>>;

const OPEN = new Set(['SUBMITTED', 'UNDER_REVIEW', 'INFO_REQUESTED']);

/** Hours since submission while the agency has it (the SLA age), as the API's waitingHours. */
export function waitingHours(a: PermitApplication, now = Date.now()): number | null {
  return a.submittedAt && OPEN.has(a.status) ? Math.round(((now - a.submittedAt.getTime()) / 3_600_000) * 10) / 10 : null;
}

export async function ApplicationsTable({ applications, label, showApplicant }: { applications: PermitApplication[]; label: string; showApplicant: boolean }) {
  const [agencies, companies] = await Promise.all([loadAgencies([...new Set(applications.map((a) => a.agencyId))]), loadCompanies([...new Set(applications.map((a) => a.applicantId))])]);
  const agencyOf = new Map(agencies.filter((a) => a !== null).map((a) => [a.id, a]));
  const companyOf = new Map(companies.filter((c) => c !== null).map((c) => [c.id, c]));
  return (
    <ResultsTable label={label} testId="permit-applications">
      <thead>
        <tr>
          <th scope="col">Application</th>
          <th scope="col">For</th>
          {showApplicant && <th scope="col">Applicant</th>}
          <th scope="col">Goods</th>
          <th scope="col">Status</th>
          <th scope="col">Submitted</th>
          <th scope="col">Waiting</th>
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
                {goods.length > 2 && `; and ${goods.length - 2} more`}
              </td>
              <td>
                <PermitBadge status={a.status} />
              </td>
              <td>{when(a.submittedAt)}</td>
              <td>{hours === null ? '—' : `${hours} h`}</td>
            </tr>
          );
        })}
      </tbody>
    </ResultsTable>
  );
}
