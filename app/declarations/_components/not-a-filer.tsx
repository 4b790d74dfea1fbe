import Link from 'next/link';

import type { Actor } from '../../session';

/** Shown instead of the form to users who do not file declarations (officers, administrators). */
export function NotAFiler({ actor }: { actor: Actor }) {
  return (
    <div className="notice" data-testid="not-a-filer">
      <p>
        <strong>Only traders and customs brokers file declarations.</strong>
      </p>
      <p>
        You are signed in as <code>{actor.email}</code>. Sign in as a trader or broker to file, or go back to the{' '}
        <Link href="/declarations">declarations</Link>.
      </p>
    </div>
  );
}
