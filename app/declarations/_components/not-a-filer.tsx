import Link from 'next/link';
import { useTranslations } from 'next-intl';

import type { Actor } from '../../session';

/** Shown instead of the form to users who do not file declarations (officers, administrators). */
export function NotAFiler({ actor }: { actor: Actor }) {
  const t = useTranslations('declarationForm.notAFiler');
  return (
    <div className="notice" data-testid="not-a-filer">
      <p>
        <strong>{t('title')}</strong>
      </p>
      <p>
        {t.rich('body', {
          email: actor.email,
          code: (chunks) => <code>{chunks}</code>,
          link: (chunks) => <Link href="/declarations">{chunks}</Link>,
        })}
      </p>
    </div>
  );
}
