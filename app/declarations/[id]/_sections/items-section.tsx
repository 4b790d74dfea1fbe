import type { DeclarationDetail } from '../../../../lib/declarations/get-declaration-detail';
import { formatCommodityCode, formatDecimal } from '../../_components/format';

/** The goods items with their prices and customs values. */
export function ItemsSection({ detail }: { detail: DeclarationDetail }) {
  const d = detail.declaration;
  const { items } = detail;
  return (
    <section aria-labelledby="items-heading">
      <h2 id="items-heading">Goods items</h2>
      {items.length === 0 ? (
        <p className="empty">No goods items yet.</p>
      ) : (
        <div className="table-scroll" role="region" aria-label="Goods items" tabIndex={0}>
          <table className="results" data-testid="items-table">
            <caption className="visually-hidden">Goods items</caption>
            <thead>
              <tr>
                <th scope="col">#</th>
                <th scope="col">Commodity code</th>
                <th scope="col">Description</th>
                <th scope="col">Origin</th>
                <th scope="col" className="num">
                  Packages
                </th>
                <th scope="col" className="num">
                  Gross / net kg
                </th>
                <th scope="col" className="num">
                  Price ({d.invoiceCurrency ?? '—'})
                </th>
                <th scope="col" className="num">
                  Customs value
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
                  <td className="num">{item.customsValue ? formatDecimal(item.customsValue, 2) : <span className="muted">On submission</span>}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
