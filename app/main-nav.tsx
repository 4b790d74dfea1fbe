import Link from 'next/link';
import { getTranslations } from 'next-intl/server';

import type { Actor } from '../lib/auth/actor';
import { isFilerRole, isOfficer, isTerminalOperator } from '../lib/auth/policy';

/** Who is offered a link: everyone, or a role's own pages (every page still checks access itself). */
const NAV: { href: string; key: string; shownTo: (actor: Actor | null) => boolean; plain?: boolean }[] = [
  { href: '/declarations', key: 'declarations', shownTo: () => true },
  { href: '/work-queue', key: 'workQueue', shownTo: (a) => !!a && isFilerRole(a) },
  { href: '/interchange', key: 'interchange', shownTo: (a) => !a || isFilerRole(a) },
  { href: '/tracking', key: 'tracking', shownTo: (a) => !!a && (isFilerRole(a) || isOfficer(a)) },
  { href: '/officer', key: 'officer', shownTo: (a) => !!a && isOfficer(a) },
  { href: '/terminal', key: 'terminal', shownTo: (a) => !!a && (isTerminalOperator(a) || isOfficer(a)) },
  { href: '/permits/finder', key: 'permitsFinder', shownTo: () => true },
  { href: '/tariff', key: 'tariff', shownTo: () => true },
  { href: '/verify', key: 'verify', shownTo: () => true },
  { href: '/performance', key: 'performance', shownTo: () => true },
  // A JSON document, not a page of the portal: a plain link.
  { href: '/api/health', key: 'health', shownTo: () => true, plain: true },
];

/** The header's main navigation: the public pages, and the signed-in person's own (not another role's). */
export async function MainNav({ actor }: { actor: Actor | null }) {
  const t = await getTranslations('shell');
  return (
    <nav aria-label={t('mainNav')}>
      <ul>
        {NAV.filter((item) => item.shownTo(actor)).map((item) => (
          <li key={item.href}>{item.plain ? <a href={item.href}>{t(`nav.${item.key}`)}</a> : <Link href={item.href}>{t(`nav.${item.key}`)}</Link>}</li>
        ))}
      </ul>
    </nav>
  );
}
