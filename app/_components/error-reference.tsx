'use client';
import { useTranslations } from 'next-intl';

/**
 * What a person quotes to support after an unexpected error. Next.js gives the browser only a digest
 * of a server error (never its message); instrumentation.ts logs that digest beside the request id and
 * the stack. Errors raised in the browser itself have no digest: nothing was logged on the server.
 */
export function ErrorReference({ digest }: { digest?: string }) {
  const t = useTranslations('errorPage');
  if (!digest) return <p>{t('inBrowser')}</p>;
  return <p>{t.rich('quote', { digest, code: (chunks) => <code data-testid="error-reference">{chunks}</code> })}</p>;
}
