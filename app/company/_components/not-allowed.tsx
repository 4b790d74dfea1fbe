import type { ReactNode } from 'react';

import type { Actor } from '../../session';

/** Shown instead of an administration page to someone it is not for: what it is for, and where to go. */
export function NotAllowed({ actor, title, children }: { actor: Actor; title: string; children?: ReactNode }) {
  return (
    <div className="notice" data-testid="not-allowed">
      <p>
        <strong>{title}</strong>
      </p>
      <p>
        You are signed in as <code>{actor.email}</code>.
      </p>
      {children}
    </div>
  );
}
