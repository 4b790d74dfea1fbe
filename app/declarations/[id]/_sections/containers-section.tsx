import { useTranslations } from 'next-intl';

import type { DeclarationDetail } from '../../../../lib/declarations/get-declaration-detail';

/** The containers and their seals. */
export function ContainersSection({ detail }: { detail: DeclarationDetail }) {
  const t = useTranslations('declarationPage.containers');
  const { containers } = detail;
  return (
    <section aria-labelledby="containers-heading">
      <h2 id="containers-heading">{t('heading')}</h2>
      {containers.length === 0 ? (
        <p className="empty">{t('none')}</p>
      ) : (
        <table className="results compact">
          <caption className="visually-hidden">{t('caption')}</caption>
          <thead>
            <tr>
              <th scope="col">#</th>
              <th scope="col">{t('container')}</th>
              <th scope="col">{t('seals')}</th>
            </tr>
          </thead>
          <tbody>
            {containers.map((c) => (
              <tr key={c.id}>
                <td>{c.sequence}</td>
                <td>
                  <code>{c.containerNumber}</code>
                </td>
                <td>{c.seals.length ? c.seals.join(', ') : <span className="muted">{t('noSeals')}</span>}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
