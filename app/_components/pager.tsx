import Link from 'next/link';

/**
 * "First page" / "Next page" links of a keyset-paged list. `hrefFor(after)` builds the list's URL with
 * its current filters; without `after` it is the first page. Renders nothing on a single page.
 */
export function Pager({ after, pageInfo, hrefFor }: { after?: string; pageInfo: { hasNextPage: boolean; endCursor: string | null }; hrefFor: (after?: string) => string }) {
  const next = pageInfo.hasNextPage && pageInfo.endCursor ? pageInfo.endCursor : null;
  if (!after && !next) return null;
  return (
    <nav aria-label="Pages" className="pager">
      {after && <Link href={hrefFor()}>First page</Link>}
      {next && <Link href={hrefFor(next)}>Next page</Link>}
    </nav>
  );
}
