import Link from 'next/link';
import { useTranslations } from 'next-intl';

import type { DeclarationDetail } from '../../../../lib/declarations/get-declaration-detail';
import { LaneBadge, StatusBadge } from '../../_components/status';

/** Breadcrumb, LRN, status, MRN, lane and version. */
export function Heading({ detail, isOfficer }: { detail: DeclarationDetail; isOfficer: boolean }) {
  const d = detail.declaration;
  const t = useTranslations('declaration');
  const shell = useTranslations('shell.nav');
  return (
    <>
      <p className="breadcrumb">
        <Link href="/declarations">{shell('declarations')}</Link>
        {isOfficer && (
          <>
            {' · '}
            <Link href="/officer">{shell('officer')}</Link>
          </>
        )}
      </p>
      <div className="page-head">
        <div>
          <h1>
            {t.rich('title', { lrn: () => <span data-testid="lrn">{d.lrn}</span> })}
          </h1>
          <p className="head-facts" data-testid="current-status" data-status={d.status}>
            <StatusBadge status={d.status} />
            {d.mrn ? (
              <span>
                {t('mrn')} <code data-testid="mrn">{d.mrn}</code>
              </span>
            ) : (
              <span className="muted">{t('noMrn')}</span>
            )}
            {d.lane && (
              <span data-testid="lane">
                {t('lane')} <LaneBadge lane={d.lane} />
              </span>
            )}
            {d.version > 1 && <span className="muted">{t('version', { version: d.version })}</span>}
          </p>
        </div>
      </div>
    </>
  );
}
