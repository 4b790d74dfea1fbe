import { useTranslations } from 'next-intl';

import type { DeclarationDetail } from '../../../../lib/declarations/get-declaration-detail';
import { formatCommodityCode, formatDecimal } from '../../_components/format';

/** The goods items with their prices and customs values. */
export function ItemsSection({ detail }: { detail: DeclarationDetail }) {
  const t = useTranslations('declarationPage.items');
  const d = detail.declaration;
  const { items } = detail;
  return (
    <section aria-labelledby="items-heading">
      <h2 id="items-heading">{t('heading')}</h2>
      {items.length === 0 ? (
        <p className="empty">{t('none')}</p>
      ) : (
        <div className="table-scroll" role="region" aria-label={t('heading')} tabIndex={0}>
          <table className="results" data-testid="items-table">
            <caption className="visually-hidden">{t('heading')}</caption>
            <thead>
              <tr>
                <th scope="col">#</th>
                <th scope="col">{t('commodityCode')}</th>
                <th scope="col">{t('description')}</th>
                <th scope="col">{t('origin')}</th>
                <th scope="col" className="num">
                  {t('packages')}
                </th>
                <th scope="col" className="num">
                  {t('grossNet')}
                </th>
                <th scope="col" className="num">
                  {t('price', { currency: d.invoiceCurrency ?? '—' })}
                </th>
                <th scope="col" className="num">
                  {t('customsValue')}
                </th>
              </tr>
            </thead>
            <tbody>
              {items.map((item) => (
                <tr key={item.id}>
                  <td>{item.sequence}</td>
                  <td>
                    <code>{formatCommodityCode(item.commodityCode)}</code>
                  </td>
                  <td>{item.description}</td>
                  <td>{item.originCountry}</td>
                  <td className="num">
                    {item.packageCount} {item.packageKind}
                  </td>
                  <td className="num">
                    {formatDecimal(item.grossMass, 3)} / {formatDecimal(item.netMass, 3)}
                  </td>
                  <td className="num">{formatDecimal(item.itemPrice, 2)}</td>
                  <td className="num">{item.customsValue ? formatDecimal(item.customsValue, 2) : <span className="muted">{t('onSubmission')}</span>}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
