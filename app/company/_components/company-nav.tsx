import Link from 'next/link';

const SECTIONS = [
  { key: 'users', href: '/company', label: 'Users' },
  { key: 'delegations', href: '/company/delegations', label: 'Delegations' },
  { key: 'api-tokens', href: '/company/api-tokens', label: 'API tokens' },
  { key: 'webhooks', href: '/company/webhooks', label: 'Webhooks' },
  { key: 'audit', href: '/company/audit', label: 'Audit log' },
] as const;

export type CompanySection = (typeof SECTIONS)[number]['key'];

/** The sub-navigation of the company administration pages. */
export function CompanyNav({ current }: { current: CompanySection }) {
  return (
    <nav aria-label="Company administration" className="subnav">
      <ul>
        {SECTIONS.map((s) => (
          <li key={s.key}>
            <Link href={s.href} aria-current={s.key === current ? 'page' : undefined}>
              {s.label}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
