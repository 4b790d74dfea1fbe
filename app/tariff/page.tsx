import type { Metadata } from 'next';
import { getLocale, getTranslations } from 'next-intl/server';

import { directionOf, isLocale } from '../../lib/i18n/locales';
import { formatHsCode } from '../../lib/tariff/get-hs-code';
import { searchHsCodes, type HsLevelName } from '../../lib/tariff/search-hs-codes';
import { ListCount, ListError, NoResults, ResultsTable, SearchField, SearchForm } from '../_components/list/list-parts';
import { Pager } from '../_components/list/pager';
import { readListPage } from '../_components/list/read-list-page';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('tariff'))('title') };
}
export const dynamic = 'force-dynamic';

// Each level's label is `tariff.levels.<level>` ('all' for every level).
const LEVELS: ('' | HsLevelName)[] = ['', 'CHAPTER', 'HEADING', 'SUBHEADING'];

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

function one(value: string | string[] | undefined): string | undefined {
  return (Array.isArray(value) ? value[0] : value) || undefined;
}

export default async function TariffPage({ searchParams }: { searchParams: SearchParams }) {
  const [params, t, pageLocale] = await Promise.all([searchParams, getTranslations('tariff'), getLocale()]);
  const locale = isLocale(pageLocale) ? pageLocale : 'en';
  const q = one(params.q) ?? '';
  const levelParam = one(params.level);
  const level = levelParam && LEVELS.includes(levelParam as HsLevelName) ? (levelParam as HsLevelName) : undefined;
  const after = one(params.after);

  const { page, error } = await readListPage(searchHsCodes({ search: q || undefined, level, after, first: 25, locale }));

  return (
    <>
      <h1>{t('heading')}</h1>
      <p className="lead">{t('lead')}</p>
      <SearchForm action="/tariff">
        <SearchField id="q" label={t('search')} defaultValue={q} maxLength={200} />
        <div className="field">
          <label htmlFor="level">{t('level')}</label>
          <select id="level" name="level" defaultValue={level ?? ''}>
            {LEVELS.map((l) => (
              <option key={l} value={l}>
                {t(`levels.${l || 'all'}`)}
              </option>
            ))}
          </select>
        </div>
      </SearchForm>

      <ListError error={error} />
      {page && (
        <section aria-live="polite" aria-labelledby="results-heading">
          <ListCount id="results-heading" count={page.totalCount} text={t('count', { count: page.totalCount, q: q || 'none' })} />
          {page.edges.length === 0 ? (
            <NoResults>{t('noMatch')}</NoResults>
          ) : (
            <ResultsTable label={t('table')}>
              <thead>
                <tr>
                  <th scope="col">{t('code')}</th>
                  <th scope="col">{t('description')}</th>
                </tr>
              </thead>
              <tbody>
                {page.edges.map(({ node }) => (
                  <tr key={node.code} className={`level-${node.level}`}>
                    <td>
                      <code>{formatHsCode(node.code)}</code>
                    </td>
                    {node.descriptionLocale === locale ? (
                      <td>{node.description}</td>
                    ) : (
                      // No translation loaded for the page's language: the English, marked as such.
                      <td>
                        <span lang={node.descriptionLocale} dir={directionOf(node.descriptionLocale)}>
                          {node.description}
                        </span>
                        <span className="hint untranslated">{t('untranslated')}</span>
                      </td>
                    )}
                  </tr>
                ))}
              </tbody>
            </ResultsTable>
          )}
          <Pager
            after={after}
            pageInfo={page.pageInfo}
            hrefFor={(next) => `/tariff?${new URLSearchParams({ ...(q && { q }), ...(level && { level }), ...(next && { after: next }) })}`}
          />
        </section>
      )}
    </>
  );
}
