'use client';
// No time-out without warning (WCAG 2.2.1): a few minutes before the session cookie expires, a modal
// dialog says so and offers to stay signed in. Staying asks next-auth for the session, which re-issues the
// JWT cookie with a fresh expiry (next-auth rotates JWT sessions whenever /api/auth/session is read).
import { signOut } from 'next-auth/react';
import { useTranslations } from 'next-intl';
import { useCallback, useEffect, useRef, useState } from 'react';

/** How long before the end the warning appears. */
const WARN_BEFORE_MS = 5 * 60_000;

export function SessionExpiryWarning({ expiresAt }: { expiresAt: number }) {
  const t = useTranslations('session');
  const [ends, setEnds] = useState(expiresAt);
  const [open, setOpen] = useState(false);
  const [minutes, setMinutes] = useState(5);
  const dialog = useRef<HTMLDialogElement>(null);

  useEffect(() => {
    const warnIn = Math.max(0, ends - WARN_BEFORE_MS - Date.now());
    const timer = setTimeout(() => {
      setMinutes(Math.max(1, Math.ceil((ends - Date.now()) / 60_000)));
      setOpen(true);
    }, warnIn);
    // When the session has ended, the next page asks the person to sign in again and comes back.
    const end = setTimeout(() => window.location.reload(), Math.max(0, ends - Date.now()) + 1000);
    return () => {
      clearTimeout(timer);
      clearTimeout(end);
    };
  }, [ends]);

  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    if (open && !element.open) element.showModal();
    if (!open && element.open) element.close();
  }, [open]);

  const extend = useCallback(async () => {
    const response = await fetch('/api/auth/session', { cache: 'no-store' });
    const session = (await response.json().catch(() => null)) as { expires?: string } | null;
    setOpen(false);
    if (session?.expires) setEnds(Date.parse(session.expires));
  }, []);

  return (
    <dialog ref={dialog} className="dialog" aria-labelledby="session-expiry-title" aria-describedby="session-expiry-text" onClose={() => setOpen(false)} data-testid="session-expiry">
      <h2 id="session-expiry-title">{t('title')}</h2>
      <p id="session-expiry-text">{t('body', { minutes })}</p>
      <div className="actions">
        <button type="button" onClick={extend} autoFocus>
          {t('extend')}
        </button>{' '}
        <button type="button" className="button-secondary" onClick={() => signOut({ callbackUrl: '/signin' })}>
          {t('signOut')}
        </button>
      </div>
    </dialog>
  );
}
