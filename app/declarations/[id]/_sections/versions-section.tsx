import { useTranslations } from 'next-intl';

import { When } from '../../../_i18n/when';
import type { DeclarationDetail } from '../../../../lib/declarations/get-declaration-detail';
import { orDash } from '../../_components/format';
import { whoOf } from './who-of';

/** The frozen versions and their hashes. */
export function VersionsSection({ detail }: { detail: DeclarationDetail }) {
  const { versions } = detail;
  const t = useTranslations('declarationPage.versions');
  const who = whoOf(detail, useTranslations('declarationPage.who'));
  return (
    <section aria-labelledby="versions-heading">
      <h2 id="versions-heading">{t('heading')}</h2>
      {versions.length === 0 ? (
        <p className="empty">{t('none')}</p>
      ) : (
        <ol className="versions">
          {versions.map((v) => (
            <li key={v.id}>
              <p>
                <strong>{t('version', { version: v.version })}</strong> · <When date={v.createdAt} />
              </p>
              <p>
                SHA-256{' '}
                <code title={v.sha256} data-testid="version-sha">
                  {v.sha256.slice(0, 16)}…
                </code>
              </p>
              <p className="muted">
                {t('by', { reason: orDash(v.reason), who: who(v.createdById) })}
              </p>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
