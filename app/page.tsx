import Link from 'next/link';

import { getHealth } from '../lib/health/get-health';

// Reads the database on every request: never prerendered at build time.
export const dynamic = 'force-dynamic';

export default async function HomePage() {
  const health = await getHealth();
  const ok = health.status === 'OK';
  return (
    <>
      <section className="hero">
        <h1>Clear goods across borders, without paper</h1>
        <p className="lead">
          Clearway is a single-window portal for importers, exporters, customs brokers and officers: file customs
          declarations online, attach documents whose authenticity anyone can verify, and follow sealed containers
          from loading to release.
        </p>
      </section>

      <section aria-labelledby="start">
        <h2 id="start">Start here</h2>
        <ul className="cards cards-2">
          <li className="card">
            <h3>
              <Link href="/declarations">File a customs declaration</Link>
            </h3>
            <p>
              Prepare an import or export declaration step by step, save it as a draft, and submit it to receive its
              movement reference number (MRN). Follow every declaration of your company from one dashboard.
            </p>
          </li>
          <li className="card">
            <h3>
              <Link href="/officer">Work the officer queue</Link>
            </h3>
            <p>Customs officers see submitted declarations ranked by risk, and release or reject them with a reason.</p>
          </li>
          <li className="card">
            <h3>
              <Link href="/tariff">Look up an HS code</Link>
            </h3>
            <p>Search the HS 2022 nomenclature by code or by words: 21 sections, 97 chapters, 5,613 subheadings.</p>
          </li>
          <li className="card">
            <h3>Integrate over GraphQL</h3>
            <p>
              Third-party systems use the public API at <code>/api/graphql</code> (POST, JSON). The schema is
              introspectable and documented.
            </p>
          </li>
        </ul>
      </section>

      <section aria-labelledby="status">
        <h2 id="status">Service status</h2>
        <p data-testid="service-status" className={ok ? 'status status-ok' : 'status status-degraded'}>
          {ok ? 'All systems operational' : 'Degraded'} — database {health.database.reachable ? 'reachable' : 'unreachable'}
          {health.database.appliedMigration ? `, schema ${health.database.appliedMigration}` : ''} ({health.database.mode}).
        </p>
      </section>
    </>
  );
}
