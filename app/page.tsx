import Link from 'next/link';
import { getTranslations } from 'next-intl/server';

import { getHealth } from '../lib/health/get-health';

// Reads the database on every request: never prerendered at build time.
export const dynamic = 'force-dynamic';

const code = (chunks: React.ReactNode) => <code>{chunks}</code>;

export default async function HomePage() {
  const [health, t] = await Promise.all([getHealth(), getTranslations('home')]);
  const ok = health.status === 'OK';
  return (
    <>
      <section className="hero">
        <h1>{t('title')}</h1>
        <p className="lead">{t('lead')}</p>
      </section>

      <section aria-labelledby="start">
        <h2 id="start">{t('start')}</h2>
        <ul className="cards cards-2">
          <li className="card">
            <h3>
              <Link href="/declarations">{t('file')}</Link>
            </h3>
            <p>{t('fileText')}</p>
          </li>
          <li className="card">
            <h3>
              <Link href="/officer">{t('officer')}</Link>
            </h3>
            <p>{t('officerText')}</p>
          </li>
          <li className="card">
            <h3>
              <Link href="/tariff">{t('tariff')}</Link>
            </h3>
            <p>{t('tariffText', { sections: 21, chapters: 97, subheadings: 5613 })}</p>
          </li>
          <li className="card">
            <h3>{t('api')}</h3>
            <p>{t.rich('apiText', { code })}</p>
          </li>
        </ul>
      </section>

      <section aria-labelledby="status">
        <h2 id="status">{t('status')}</h2>
        <p data-testid="service-status" className={ok ? 'status status-ok' : 'status status-degraded'}>
          {ok ? t('statusOk') : t('statusDegraded')} — {t('database', { reachable: String(health.database.reachable) })}
          {health.database.appliedMigration ? `, ${t('schema', { migration: health.database.appliedMigration })}` : ''} ({health.database.mode}).
        </p>
      </section>
    </>
  );
}
