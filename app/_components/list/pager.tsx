import Link from 'next/link';
import { useTranslations } from 'next-intl';

/**
 * "First page" / "Next page" links of a keyset-paged list. `hrefFor(after)` builds the list's URL with
 * its current filters; without `after` it is the first page. Renders nothing on a single page.
 */
export function Pager({
  after,
  pageInfo,
  hrefFor,
  labels,
}: {
  after?: string;
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  hrefFor: (after?: string) => string;
  /** Words for the two links where "page" says less than the list's order (e.g. "Newest events", "Older events"). */
  labels?: { first: string; next: string };
}) {
  const t = useTranslations('list');
  const next = pageInfo.hasNextPage && pageInfo.endCursor ? pageInfo.endCursor : null;
  if (!after && !next) return null;
  return (
    <nav aria-label={t('pages')} className="pager">
      {after && <Link href={hrefFor()}>{labels?.first ?? t('firstPage')}</Link>}
      {next && <Link href={hrefFor(next)}>{labels?.next ?? t('nextPage')}</Link>}
    </nav>
  );
}
