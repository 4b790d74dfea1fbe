import Link from 'next/link';
import { useTranslations } from 'next-intl';

const SECTIONS = [
  { key: 'users', href: '/company' },
  { key: 'delegations', href: '/company/delegations' },
  { key: 'api-tokens', href: '/company/api-tokens' },
  { key: 'webhooks', href: '/company/webhooks' },
  { key: 'audit', href: '/company/audit' },
] as const;

export type CompanySection = (typeof SECTIONS)[number]['key'];

/** The sub-navigation of the company administration pages. */
export function CompanyNav({ current }: { current: CompanySection }) {
  const t = useTranslations('company.nav');
  return (
    <nav aria-label={t('label')} className="subnav">
      <ul>
        {SECTIONS.map((s) => (
          <li key={s.key}>
            <Link href={s.href} aria-current={s.key === current ? 'page' : undefined}>
              {t(s.key)}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
