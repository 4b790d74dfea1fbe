import { useTranslations } from 'next-intl';

import { When } from '../../../_i18n/when';
import { computeDraftExpiry } from '../../../../lib/declarations/draft-expiry';
import type { DeclarationRecord } from '../../_components/types';

/** A draft's expiry: a warning a few days before (DRAFT_EXPIRY_NOTICE_DAYS), then that it is read-only. */
export function DraftExpiryNotice({ declaration: d }: { declaration: Pick<DeclarationRecord, 'status' | 'updatedAt'> }) {
  const t = useTranslations('declarationPage.draftExpiry');
  if (d.status !== 'DRAFT') return null;
  const { expired, expiresSoon, expiresAt } = computeDraftExpiry(d.updatedAt);
  const day = () => <When date={expiresAt} time={false} />;
  if (expired) {
    return (
      <p className="notice notice-warning" data-testid="draft-expired">
        {t.rich('expired', { day })}
      </p>
    );
  }
  if (!expiresSoon) return null;
  return (
    <p className="notice notice-warning" role="status" data-testid="draft-expires-soon">
      {t.rich('expiresSoon', { day })}
    </p>
  );
}
