import { useTranslations } from 'next-intl';

import { When } from '../../../_i18n/when';
import type { DeclarationDetail } from '../../../../lib/declarations/get-declaration-detail';
import { StatusBadge } from '../../_components/status';
import { whoOf } from './who-of';

/** Every status change, with who made it and why. */
export function HistorySection({ detail }: { detail: DeclarationDetail }) {
  const { history } = detail;
  const t = useTranslations('declarationPage.history');
  const status = useTranslations('status');
  const who = whoOf(detail, useTranslations('declarationPage.who'));
  return (
    <section aria-labelledby="history-heading">
      <h2 id="history-heading">{t('heading')}</h2>
      <ol className="timeline" data-testid="timeline">
        {history.map((h) => (
          <li key={String(h.id)}>
            <p>
              <StatusBadge status={h.toStatus} />{' '}
              <When date={h.at} />
            </p>
            <p className="muted">
              {h.fromStatus ? t('from', { status: status(h.fromStatus).toLowerCase(), who: who(h.actorId) }) : t('created', { who: who(h.actorId) })}
            </p>
            {h.reason && <blockquote className="reason">{h.reason}</blockquote>}
          </li>
        ))}
      </ol>
    </section>
  );
}
