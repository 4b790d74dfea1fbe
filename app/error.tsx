'use client';

// Shown in place of a page that failed unexpectedly; the header and navigation stay usable.
import { useTranslations } from 'next-intl';

import { ErrorReference } from './_components/error-reference';

export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const t = useTranslations('errorPage');
  return (
    <>
      <h1>{t('title')}</h1>
      <p>{t('lead')}</p>
      <ErrorReference digest={error.digest} />
      <p>
        <button type="button" onClick={() => reset()}>
          {t('tryAgain')}
        </button>
      </p>
    </>
  );
}
