import Link from 'next/link';

import type { Actor } from '../../acting-user';

/** Shown instead of the form to users who do not file declarations (officers, administrators). */
export function NotAFiler({ actor }: { actor: Actor }) {
  return (
    <div className="notice" data-testid="not-a-filer">
      <p>
        <strong>Only traders and customs brokers file declarations; switch the acting user.</strong>
      </p>
      <p>
        You are acting as <code>{actor.email}</code>. Choose a trader or broker in the “Acting as” switcher at the top of the page, or go back to the{' '}
        <Link href="/declarations">declarations</Link>.
      </p>
    </div>
  );
}
