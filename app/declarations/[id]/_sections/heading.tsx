import Link from 'next/link';

import type { DeclarationDetail } from '../../../../lib/declarations/get-declaration-detail';
import { LaneBadge, StatusBadge } from '../../_components/status';

/** Breadcrumb, LRN, status, MRN, lane and version. */
export function Heading({ detail, isOfficer }: { detail: DeclarationDetail; isOfficer: boolean }) {
  const d = detail.declaration;
  return (
    <>
      <p className="breadcrumb">
        <Link href="/declarations">Declarations</Link>
        {isOfficer && (
          <>
            {' · '}
            <Link href="/officer">Officer queue</Link>
          </>
        )}
      </p>
      <div className="page-head">
        <div>
          <h1>
            Declaration <span data-testid="lrn">{d.lrn}</span>
          </h1>
          <p className="head-facts" data-testid="current-status" data-status={d.status}>
            <StatusBadge status={d.status} />
            {d.mrn ? (
              <span>
                MRN <code data-testid="mrn">{d.mrn}</code>
              </span>
            ) : (
              <span className="muted">No MRN yet: it is assigned when customs accepts the declaration.</span>
            )}
            {d.lane && (
              <span data-testid="lane">
                Lane <LaneBadge lane={d.lane} />
              </span>
            )}
            {d.version > 1 && <span className="muted">Version {d.version}</span>}
          </p>
        </div>
      </div>
    </>
  );
}
