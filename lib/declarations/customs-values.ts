// Customs (CIF) value: the item's price plus its share of freight and insurance to the border, in
// national currency. Shares follow the items' prices (by count when the invoice total is zero).
import { Prisma } from '../generated/prisma/client';

const D = Prisma.Decimal;

export function customsValues(args: {
  itemPrices: (Prisma.Decimal | string)[];
  invoiceAmount: Prisma.Decimal | string;
  freight?: Prisma.Decimal | string | null;
  insurance?: Prisma.Decimal | string | null;
  exchangeRate: Prisma.Decimal | string;
}): Prisma.Decimal[] {
  const total = new D(args.invoiceAmount);
  const extra = new D(args.freight ?? 0).add(args.insurance ?? 0);
  const count = args.itemPrices.length;
  return args.itemPrices.map((p) => {
    const price = new D(p);
    const share = total.isZero() ? new D(1).div(count) : price.div(total);
    return price.add(extra.mul(share)).mul(args.exchangeRate).toDecimalPlaces(2, D.ROUND_HALF_UP);
  });
}
