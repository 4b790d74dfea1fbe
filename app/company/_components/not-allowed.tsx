import { useTranslations } from 'next-intl';
import type { ReactNode } from 'react';

import type { Actor } from '../../session';

/** Shown instead of an administration page to someone it is not for: what it is for, and where to go. */
export function NotAllowed({ actor, title, children }: { actor: Actor; title: string; children?: ReactNode }) {
  const t = useTranslations('company');
  return (
    <div className="notice" data-testid="not-allowed">
      <p>
        <strong>{title}</strong>
      </p>
      <p>{t.rich('signedInAs', { email: actor.email, code: (chunks) => <code>{chunks}</code> })}</p>
      {children}
    </div>
  );
}
