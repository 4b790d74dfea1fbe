// The shape of a declaration as filers send it, validated field by field. Shared by the GraphQL API
// and the portal's forms. A draft may be incomplete; lib/declarations/check-completeness.ts says
// what submission additionally requires.
import { z } from 'zod';

import { cataloguedIssue } from '../i18n/catalogued-issue';
import {
  ADDITIONAL_TYPES,
  CUSTOMS_OFFICE,
  containerNumberProblem,
  EORI,
  INCOTERMS_2020,
  isCountryCode,
  isCurrencyCode,
  NON_CURRENCY_CODES,
  TRANSPORT_MODES,
  UN_LOCODE,
} from './codes';

export const MAX_ITEMS = 999;
export const MAX_CONTAINERS = 99;

/**
 * A non-negative decimal as a string (or number), with at most `scale` decimals. `fieldKey` names the
 * field as the spreadsheet mapping names it (`interchange.itemField.netMass`): one name per field, said in
 * the reader's language (lib/i18n/referenced-words.ts).
 */
const decimal = (scale: number, fieldKey: string, options: { positive?: boolean } = {}) =>
  z
    .union([z.string(), z.number()])
    .transform((v) => String(v).trim())
    .refine((v) => /^-?\d+(\.\d+)?$/.test(v), cataloguedIssue('declaration.notANumber', { fieldKey }))
    .refine((v) => !v.startsWith('-'), cataloguedIssue('declaration.negative', { fieldKey }))
    .refine((v) => !options.positive || Number(v) > 0, cataloguedIssue('declaration.notPositive', { fieldKey }))
    .refine((v) => (v.split('.')[1]?.length ?? 0) <= scale, cataloguedIssue('declaration.tooManyDecimals', { fieldKey, scale }))
    .refine((v) => v.split('.')[0]!.replace(/^0+/, '').length <= 15, cataloguedIssue('declaration.tooLarge', { fieldKey }));

const text = (max: number, what: string) =>
  z.string().trim().min(1, `${what} cannot be empty.`).max(max, `${what} is limited to ${max} characters.`);
const upper = (v: string) => v.trim().toUpperCase();
const eori = z.string().transform(upper).refine((v) => EORI.test(v), cataloguedIssue('declaration.eoriFormat'));
const country = z.string().transform(upper).refine(isCountryCode, cataloguedIssue('declaration.countryCode'));
const office = z.string().transform(upper).refine((v) => CUSTOMS_OFFICE.test(v), cataloguedIssue('declaration.officeFormat'));

export const containerInput = z.object({
  containerNumber: z
    .string()
    .transform((v) => v.replace(/[\s-]/g, '').toUpperCase())
    .superRefine((v, ctx) => {
      const problem = containerNumberProblem(v);
      if (problem) ctx.addIssue({ code: 'custom', message: problem });
    }),
  seals: z.array(text(35, 'A seal number')).max(10, 'At most 10 seals per container.').default([]),
});

export const goodsItemInput = z
  .object({
    commodityCode: z
      .string()
      .transform((v) => v.replace(/[.\s]/g, ''))
      .refine((v) => /^\d{6}(\d{2}){0,2}$/.test(v), cataloguedIssue('declaration.commodityCodeFormat')),
    description: text(512, 'The goods description'),
    originCountry: country,
    preferenceCode: z.string().regex(/^\d{3}$/, 'A preference code has 3 digits, e.g. 100.').nullish(),
    packageKind: z.string().transform(upper).refine((v) => /^[A-Z0-9]{2}$/.test(v), cataloguedIssue('declaration.packageKind')),
    packageCount: z.number().int('Packages are counted in whole numbers.').min(0, 'Packages cannot be negative.').max(99_999_999),
    marks: z.string().trim().max(512, 'Marks are limited to 512 characters.').nullish(),
    grossMass: decimal(3, 'interchange.itemField.grossMass', { positive: true }),
    netMass: decimal(3, 'interchange.itemField.netMass', { positive: true }),
    supplementaryQuantity: decimal(3, 'interchange.itemField.supplementaryQuantity').nullish(),
    supplementaryUnit: z.string().transform(upper).refine((v) => /^[A-Z0-9]{2,3}$/.test(v), cataloguedIssue('declaration.supplementaryUnit')).nullish(),
    itemPrice: decimal(2, 'interchange.itemField.itemPrice'),
    valuationMethod: z.number().int().min(1, 'Valuation methods are 1 to 6.').max(6, 'Valuation methods are 1 to 6.').default(1),
    procedureCode: z.string().regex(/^\d{4}$/, 'A procedure code has 4 digits, e.g. 4000.').nullish(),
    documentRefs: z.array(text(70, 'A document reference')).max(20).default([]),
  })
  .superRefine((item, ctx) => {
    if (Number(item.netMass) > Number(item.grossMass)) {
      ctx.addIssue({ code: 'custom', path: ['netMass'], ...cataloguedIssue('declaration.netMassExceedsGross', { netMass: item.netMass, grossMass: item.grossMass }) });
    }
    if ((item.supplementaryQuantity == null) !== (item.supplementaryUnit == null)) {
      ctx.addIssue({ code: 'custom', path: ['supplementaryUnit'], ...cataloguedIssue('declaration.supplementaryBoth') });
    }
  });

export const declarationInput = z
  .object({
    lrn: z.string().trim().refine((v) => /^[A-Za-z0-9\-/._]{1,22}$/.test(v), cataloguedIssue('declaration.lrnFormat')),
    type: z.enum(['IM', 'EX', 'CO'], { message: 'Declaration type is IM, EX or CO.' }),
    // Any text in (the API's input is a string), one of the codes out.
    additionalType: z.string().pipe(z.enum(ADDITIONAL_TYPES, { message: 'Additional type is A, D, Y or Z.' })).default('A'),
    procedureCode: z.string().regex(/^\d{4}$/, 'A procedure code has 4 digits, e.g. 4000.').nullish(),
    additionalProcedure: z.string().transform(upper).refine((v) => /^[A-Z0-9]{3}$/.test(v), cataloguedIssue('declaration.additionalProcedureFormat')).nullish(),
    importerEori: eori.nullish(),
    exporterEori: eori.nullish(),
    representativeEori: eori.nullish(),
    representationStatus: z.enum(['DIRECT', 'INDIRECT']).nullish(),
    incoterm: z.string().transform(upper).refine((v) => (INCOTERMS_2020 as readonly string[]).includes(v), cataloguedIssue('declaration.incoterm', { rules: INCOTERMS_2020.join(', ') })).nullish(),
    incotermPlace: z.string().transform(upper).refine((v) => UN_LOCODE.test(v), cataloguedIssue('declaration.unLocode')).nullish(),
    transportMode: z.number().int().refine((v) => v in TRANSPORT_MODES, cataloguedIssue('declaration.transportMode')).nullish(),
    transportDocument: text(70, 'The transport document number').nullish(),
    officeOfEntry: office.nullish(),
    officeOfDeclaration: office.nullish(),
    officeOfExit: office.nullish(),
    invoiceCurrency: z
      .string()
      .transform(upper)
      .superRefine((v, ctx) => {
        if (NON_CURRENCY_CODES.has(v)) ctx.addIssue({ code: 'custom', ...cataloguedIssue('declaration.notACurrency', { code: v }) });
        else if (!isCurrencyCode(v)) ctx.addIssue({ code: 'custom', ...cataloguedIssue('declaration.currencyCode') });
      })
      .nullish(),
    invoiceAmount: decimal(2, 'interchange.field.invoiceAmount').nullish(),
    exchangeRate: decimal(6, 'interchange.field.exchangeRate', { positive: true }).nullish(),
    freight: decimal(2, 'interchange.field.freight').nullish(),
    insurance: decimal(2, 'interchange.field.insurance').nullish(),
    totalPackages: z.number().int().min(0, 'Packages cannot be negative.').max(99_999_999).nullish(),
    grossMass: decimal(3, 'interchange.field.grossMass').nullish(),
    containers: z.array(containerInput).max(MAX_CONTAINERS, `At most ${MAX_CONTAINERS} containers.`).default([]),
    items: z.array(goodsItemInput).max(MAX_ITEMS, `A declaration has at most ${MAX_ITEMS} goods items; split the consignment.`).default([]),
  })
  .superRefine((d, ctx) => {
    if ((d.representativeEori == null) !== (d.representationStatus == null)) {
      ctx.addIssue({ code: 'custom', path: ['representationStatus'], ...cataloguedIssue('declaration.representation') });
    }
    const seen = new Set<string>();
    d.containers.forEach((c, i) => {
      if (seen.has(c.containerNumber)) ctx.addIssue({ code: 'custom', path: ['containers', i, 'containerNumber'], ...cataloguedIssue('declaration.containerTwice', { container: c.containerNumber }) });
      seen.add(c.containerNumber);
    });
  });

// The field list of a declaration lives in the schemas above; everything else derives from them: the
// stored columns (declaration-columns.ts), the portal form's values, labels and steps
// (app/declarations/_components/form-model.ts), each checked by the compiler for completeness.
export type DeclarationInput = z.input<typeof declarationInput>;
export type ValidDeclaration = z.output<typeof declarationInput>;
export type GoodsItemInput = z.input<typeof goodsItemInput>;
export type ValidGoodsItem = z.output<typeof goodsItemInput>;
export type ContainerInput = z.input<typeof containerInput>;
export type ValidContainer = z.output<typeof containerInput>;
/** The header's fields: everything but the lists of containers and goods items. */
export type HeaderField = Exclude<keyof DeclarationInput, 'containers' | 'items'>;
