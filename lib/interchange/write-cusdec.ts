// A declaration (in Clearway's input shape) as one CUSDEC message, following cusdec-segments.ts, so
// that readCusdecInterchange gives the same declaration back. Pure.
import type { DeclarationInput } from '../declarations/declaration-input';

type Seg = (string | (string | null | undefined)[] | null | undefined)[];
const s = (v: unknown): string | null => (v === null || v === undefined || v === '' ? null : String(v));

/** The message's segments from UNH to UNT (UNT counts them). */
export function writeCusdec(d: DeclarationInput, options: { messageRef: string; submit: boolean; directory?: string }): Seg[] {
  const segments: Seg[] = [
    ['UNH', options.messageRef, ['CUSDEC', 'D', options.directory ?? '96B', 'UN']],
    ['BGM', [d.type === 'EX' ? '830' : '929', null, null, `${d.type}${d.additionalType ?? 'A'}`], d.lrn, options.submit ? '9' : null],
  ];
  /** Pushes the segment when the value it carries is given. */
  const add = (seg: Seg, value: unknown) => {
    if (value !== null && value !== undefined && value !== '') segments.push(seg);
  };
  add(['LOC', '22', s(d.officeOfDeclaration)], d.officeOfDeclaration);
  add(['LOC', '41', s(d.officeOfEntry)], d.officeOfEntry);
  add(['LOC', '42', s(d.officeOfExit)], d.officeOfExit);
  add(['LOC', '1', s(d.incotermPlace)], d.incotermPlace);
  add(['GIS', [s(d.procedureCode), 'PRC']], d.procedureCode);
  add(['GIS', [s(d.additionalProcedure), 'ADP']], d.additionalProcedure);
  add(['GIS', [d.representationStatus === 'DIRECT' ? '2' : d.representationStatus === 'INDIRECT' ? '3' : null, 'REP']], d.representationStatus);
  add(['RFF', ['BM', s(d.transportDocument)]], d.transportDocument);
  add(['TOD', null, null, s(d.incoterm)], d.incoterm);
  add(['TDT', '20', null, s(d.transportMode)], d.transportMode);
  add(['NAD', 'IM', s(d.importerEori)], d.importerEori);
  add(['NAD', 'EX', s(d.exporterEori)], d.exporterEori);
  add(['NAD', 'AE', s(d.representativeEori)], d.representativeEori);
  if (d.invoiceCurrency || d.exchangeRate) segments.push(['CUX', ['2', s(d.invoiceCurrency), '4'], null, s(d.exchangeRate)]);
  add(['MOA', ['39', s(d.invoiceAmount)]], d.invoiceAmount);
  add(['MOA', ['64', s(d.freight)]], d.freight);
  add(['MOA', ['67', s(d.insurance)]], d.insurance);
  add(['MEA', 'WT', 'G', ['KGM', s(d.grossMass)]], d.grossMass);
  add(['CNT', ['11', s(d.totalPackages)]], d.totalPackages);
  for (const c of d.containers ?? []) {
    segments.push(['EQD', 'CN', c.containerNumber]);
    for (const seal of c.seals ?? []) segments.push(['SEL', seal]);
  }
  segments.push(['UNS', 'D']);
  (d.items ?? []).forEach((item, i) => {
    segments.push(['CST', String(i + 1), [item.commodityCode, 'TSP']]);
    // 4440 is an..512 in later directories; five components of 512 keep longer texts whole elsewhere.
    segments.push(['FTX', 'AAA', null, null, [item.description]]);
    add(['LOC', '27', item.originCountry], item.originCountry);
    add(['GIS', [s(item.procedureCode), 'PRC']], item.procedureCode);
    add(['GIS', [s(item.preferenceCode), 'PRF']], item.preferenceCode);
    add(['GIS', [s(item.valuationMethod), 'VM']], item.valuationMethod);
    segments.push(['PAC', s(item.packageCount), null, item.packageKind]);
    add(['PCI', null, s(item.marks)], item.marks);
    segments.push(['MEA', 'WT', 'G', ['KGM', s(item.grossMass)]]);
    segments.push(['MEA', 'WT', 'N', ['KGM', s(item.netMass)]]);
    add(['QTY', ['182', s(item.supplementaryQuantity), s(item.supplementaryUnit)]], item.supplementaryQuantity ?? item.supplementaryUnit);
    segments.push(['MOA', ['38', s(item.itemPrice)]]);
    for (const ref of item.documentRefs ?? []) segments.push(['DOC', 'ZZZ', ref]);
  });
  segments.push(['UNS', 'S']);
  segments.push(['UNT', String(segments.length + 1), options.messageRef]);
  return segments;
}
