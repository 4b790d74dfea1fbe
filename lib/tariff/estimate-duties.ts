// A duty estimate before filing: the same valuation and tariff arithmetic as an assessment, nothing stored.
import { z } from 'zod';

import { customsValues } from '../declarations/customs-values';
import { sqlOfPrisma } from '../database/sql';
import { getDb } from '../db';
import type { FieldError } from '../errors';
import { Prisma } from '../generated/prisma/client';
import { parseInput, throwFieldErrors } from '../validation';
import { computeItemDuties, loadTariffLines, quantityProblems, resolveTariffLine, type ComputedDutyLine } from './compute-duties';
import { isCountryCode } from '../declarations/codes';

const amount = (what: string) =>
  z.union([z.string(), z.number()]).transform((v) => String(v).trim()).refine((v) => /^\d+(\.\d+)?$/.test(v), { message: `${what} must be a non-negative number.` });

const input = z.object({
  exchangeRate: amount('The exchange rate').refine((v) => Number(v) > 0, { message: 'The exchange rate must be more than zero.' }).default('1'),
  freight: amount('Freight').optional(),
  insurance: amount('Insurance').optional(),
  items: z
    .array(
      z.object({
        commodityCode: z.string().transform((v) => v.replace(/[.\s]/g, '')).refine((v) => /^\d{6}(\d{2}){0,2}$/.test(v), { message: 'A commodity code has 6, 8 or 10 digits.' }),
        originCountry: z.string().transform((v) => v.trim().toUpperCase()).refine(isCountryCode, { message: 'Use an ISO 3166-1 alpha-2 country code.' }),
        preferenceCode: z.string().regex(/^\d{3}$/).nullish(),
        netMass: amount('Net mass'),
        supplementaryQuantity: amount('Supplementary quantity').nullish(),
        supplementaryUnit: z.string().nullish(),
        itemPrice: amount('Item price'),
      }),
    )
    .min(1, 'Give at least one item.')
    .max(999, 'At most 999 items.'),
});

export interface DutyEstimate {
  items: { sequence: number; customsValue: Prisma.Decimal; lines: ComputedDutyLine[]; total: Prisma.Decimal }[];
  total: Prisma.Decimal;
}

export async function estimateDuties(options: z.input<typeof input>): Promise<DutyEstimate> {
  const data = parseInput(input, options, 'Some fields need correcting.');
  const values = customsValues({
    itemPrices: data.items.map((i) => i.itemPrice),
    invoiceAmount: data.items.reduce((acc, i) => acc.add(i.itemPrice), new Prisma.Decimal(0)),
    freight: data.freight,
    insurance: data.insurance,
    exchangeRate: data.exchangeRate,
  });
  const db = getDb();
  const lines = await loadTariffLines(sqlOfPrisma(db), data.items.map((i) => i.commodityCode));
  const known = new Set((await db.hsCode.findMany({ where: { code: { in: data.items.map((i) => i.commodityCode.slice(0, 6)) }, level: 6 }, select: { code: true } })).map((c) => c.code));
  const errors: FieldError[] = [];
  const items = data.items.map((item, i) => {
    const path = ['items', String(i)];
    if (!known.has(item.commodityCode.slice(0, 6))) errors.push({ path: [...path, 'commodityCode'], code: 'UNKNOWN', message: `${item.commodityCode.slice(0, 6)} is no HS 2022 subheading.` });
    const { line, problem } = resolveTariffLine(item.commodityCode, lines);
    if (problem) errors.push({ path: [...path, 'commodityCode'], code: 'INVALID', message: problem });
    errors.push(...quantityProblems(item, line, path));
    const computed = computeItemDuties({ ...item, customsValue: values[i]! }, line);
    return { sequence: i + 1, customsValue: values[i]!, lines: computed, total: computed.reduce((acc, l) => acc.add(l.amount), new Prisma.Decimal(0)) };
  });
  throwFieldErrors(errors);
  return { items, total: items.reduce((acc, i) => acc.add(i.total), new Prisma.Decimal(0)) };
}
