import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';

import { Verifier } from './verifier';
import styles from './verify.module.css';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('verify');
  return { title: t('title'), description: t('description') };
}

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

// Public: no sign-in. The QR code on a Clearway PDF links to /verify?hash=<SHA-256>.
export default async function VerifyPage({ searchParams }: { searchParams: SearchParams }) {
  const [{ hash }, t] = await Promise.all([searchParams, getTranslations('verify')]);
  const initialHash = (Array.isArray(hash) ? hash[0] : hash) ?? '';
  return (
    <>
      <h1>{t('title')}</h1>
      <p className="lead">{t('lead')}</p>
      <p className={`notice ${styles.privacy}`}>{t.rich('privacy', { strong: (chunks) => <strong>{chunks}</strong> })}</p>
      <Verifier initialHash={initialHash} />
      <section aria-labelledby="verify-how" className={styles.how}>
        <h2 id="verify-how">{t('howTitle')}</h2>
        <p>{t.rich('how', { link: (chunks) => <a href="/.well-known/clearway-ledger.json">{chunks}</a> })}</p>
      </section>
    </>
  );
}
