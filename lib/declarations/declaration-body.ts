// Writing a validated declaration's header, containers and goods items (drafts and amendments).
import type { Tx } from '../audit';
import type { FieldError } from '../errors';
import type { ValidDeclaration } from './declaration-input';

/** Company ids for the EORI numbers of the input; unknown numbers become field errors. */
export async function resolveParties(tx: Tx, input: ValidDeclaration, errors: FieldError[]) {
  const wanted = { importerEori: input.importerEori, exporterEori: input.exporterEori, representativeEori: input.representativeEori };
  const eoris = Object.values(wanted).filter((v): v is string => !!v);
  const companies = eoris.length ? await tx.company.findMany({ where: { eori: { in: eoris } }, select: { id: true, eori: true } }) : [];
  const byEori = new Map(companies.map((c) => [c.eori, c.id]));
  const idOf = (field: keyof typeof wanted) => {
    const eori = wanted[field];
    if (!eori) return null;
    const id = byEori.get(eori);
    if (!id) errors.push({ path: [field], code: 'unknown_party', message: `No company with EORI ${eori} is registered.` });
    return id ?? null;
  };
  return { importerId: idOf('importerEori'), exporterId: idOf('exporterEori'), representativeId: idOf('representativeEori') };
}

export function headerData(input: ValidDeclaration) {
  return {
    lrn: input.lrn,
    type: input.type,
    additionalType: input.additionalType,
    procedureCode: input.procedureCode ?? null,
    additionalProcedure: input.additionalProcedure ?? null,
    representationStatus: input.representationStatus ?? null,
    incoterm: input.incoterm ?? null,
    incotermPlace: input.incotermPlace ?? null,
    transportMode: input.transportMode ?? null,
    transportDocument: input.transportDocument ?? null,
    officeOfEntry: input.officeOfEntry ?? null,
    officeOfDeclaration: input.officeOfDeclaration ?? null,
    officeOfExit: input.officeOfExit ?? null,
    invoiceCurrency: input.invoiceCurrency ?? null,
    invoiceAmount: input.invoiceAmount ?? null,
    exchangeRate: input.exchangeRate ?? null,
    freight: input.freight ?? null,
    insurance: input.insurance ?? null,
    totalPackages: input.totalPackages ?? null,
    grossMass: input.grossMass ?? null,
  };
}

/** Replaces the containers and goods items of a declaration with those of the input. */
export async function replaceLines(tx: Tx, declarationId: string, input: ValidDeclaration): Promise<void> {
  await tx.transportEquipment.deleteMany({ where: { declarationId } });
  await tx.goodsItem.deleteMany({ where: { declarationId } });
  if (input.containers.length) {
    await tx.transportEquipment.createMany({
      data: input.containers.map((c, i) => ({ declarationId, sequence: i + 1, containerNumber: c.containerNumber, seals: c.seals })),
    });
  }
  if (input.items.length) {
    await tx.goodsItem.createMany({
      data: input.items.map((item, i) => ({
        declarationId,
        sequence: i + 1,
        commodityCode: item.commodityCode,
        description: item.description,
        originCountry: item.originCountry,
        preferenceCode: item.preferenceCode ?? null,
        packageKind: item.packageKind,
        packageCount: item.packageCount,
        marks: item.marks ?? null,
        grossMass: item.grossMass,
        netMass: item.netMass,
        supplementaryQuantity: item.supplementaryQuantity ?? null,
        supplementaryUnit: item.supplementaryUnit ?? null,
        itemPrice: item.itemPrice,
        valuationMethod: item.valuationMethod,
        procedureCode: item.procedureCode ?? null,
        documentRefs: item.documentRefs,
      })),
    });
  }
}
