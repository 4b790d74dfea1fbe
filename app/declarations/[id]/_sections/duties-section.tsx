import type { DeclarationDetail } from '../../../../lib/declarations/get-declaration-detail';
import { formatCommodityCode, formatDateTime } from '../../_components/format';
import type { DutyLineRow, GoodsItemRow } from '../../_components/types';


const TAX_LABEL: Record<string, string> = { DUTY: 'Customs duty', EXCISE: 'Excise', VAT: 'VAT' };

/** A rate's base: a value (ad valorem, 2 decimals) or a quantity (specific, as stored). */
function formatBase(line: DutyLineRow): string {
  return line.rate.includes('%') ? line.base.toFixed(2) : line.base.toFixed(3);
}

function DutyTable({ item, lines }: { item: GoodsItemRow; lines: DutyLineRow[] }) {
  const total = lines.slice(1).reduce((acc, l) => acc.add(l.amount), lines[0]!.amount);
  return (
    <div className="duty-item" data-testid={`duties-item-${item.sequence}`}>
      <h3>
        Item {item.sequence}: <code>{formatCommodityCode(item.commodityCode)}</code> {item.description}
      </h3>
      <div className="table-scroll" role="region" aria-label={`Duties and taxes of item ${item.sequence}`} tabIndex={0}>
        <table className="results compact duty-lines">
          <caption className="visually-hidden">Duties and taxes of item {item.sequence}</caption>
          <thead>
            <tr>
              <th scope="col">Tax</th>
              <th scope="col" className="num">
                Base
              </th>
              <th scope="col">Rate</th>
              <th scope="col" className="num">
                Amount
              </th>
            </tr>
          </thead>
          <tbody>
            {lines.map((l) => (
              <tr key={l.id}>
                <td>{TAX_LABEL[l.taxType] ?? l.taxType}</td>
                <td className="num">{formatBase(l)}</td>
                <td>{l.rate}</td>
                <td className="num">{l.amount.toFixed(2)}</td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row" colSpan={3}>
                Item {item.sequence} total
              </th>
              <td className="num">{total.toFixed(2)}</td>
            </tr>
          </tfoot>
        </table>
      </div>
    </div>
  );
}

/** Duties and taxes per item, their total and the payment (not for drafts). */
export function DutiesSection({ detail }: { detail: DeclarationDetail }) {
  const d = detail.declaration;
  if (d.status === 'DRAFT') return null;
  return (
      <section aria-labelledby="duties-heading" data-testid="duties">
        <h2 id="duties-heading">Duties and taxes</h2>
        {d.dutyTotal === null ? (
          <p className="empty">Not assessed yet: customs assesses duties and taxes {d.lane === 'GREEN' ? 'on acceptance' : 'after its control'}.</p>
        ) : (
          <>
            {detail.duties.map(({ item, lines }) => (
              <DutyTable key={item.id} item={item} lines={lines} />
            ))}
            <p className="duty-total">
              Total duties and taxes: <strong data-testid="duty-total">{d.dutyTotal.toFixed(2)}</strong> <span className="muted">(national currency)</span>
            </p>
            {d.paidAt ? (
              <p data-testid="payment">
                Paid <time dateTime={d.paidAt.toISOString()}>{formatDateTime(d.paidAt)}</time>
                {d.paymentReference && (
                  <>
                    , reference <code>{d.paymentReference}</code>
                  </>
                )}
                .
              </p>
            ) : d.status === 'DUTY_ASSESSED' && !d.dutyTotal.isZero() ? (
              <p className="muted" data-testid="payment">
                Not paid yet: customs records the payment, then releases the goods.
              </p>
            ) : null}
          </>
        )}
      </section>
  );
}
