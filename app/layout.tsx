import type { Metadata } from 'next';
import Link from 'next/link';
import type { ReactNode } from 'react';

import './globals.css';
import { UserMenu } from './user-menu';

export const metadata: Metadata = {
  title: { default: 'Clearway', template: '%s · Clearway' },
  description: 'Single-window portal for paperless cross-border trade: declarations, documents, tracking.',
};

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body>
        <a className="skip-link" href="#main">
          Skip to content
        </a>
        <header className="site-header">
          <Link href="/" className="brand">
            Clearway
          </Link>
          <nav aria-label="Main">
            <ul>
              <li>
                <Link href="/declarations">Declarations</Link>
              </li>
              <li>
                <Link href="/work-queue">Work queue</Link>
              </li>
              <li>
                <Link href="/tracking">Tracking</Link>
              </li>
              <li>
                <Link href="/officer">Officer queue</Link>
              </li>
              <li>
                <Link href="/terminal">Gates</Link>
              </li>
              <li>
                <Link href="/tariff">HS nomenclature</Link>
              </li>
              <li>
                <Link href="/verify">Verify a document</Link>
              </li>
              <li>
                <Link href="/performance">Performance</Link>
              </li>
              <li>
                <a href="/api/health">Service health</a>
              </li>
            </ul>
          </nav>
          <UserMenu />
        </header>
        <main id="main">{children}</main>
        <footer className="site-footer">
          <p>
            Clearway is open source. GraphQL API at <code>/api/graphql</code>.
          </p>
        </footer>
      </body>
    </html>
  );
}
