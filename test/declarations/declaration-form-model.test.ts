// The portal form's values derive from the declaration's zod schema (app/declarations/_components/form-model.ts).
import { describe, expect, it } from 'vitest';

import { emptyContainer, emptyForm, emptyItem, labelOf, prefillSupplementaryUnit, stepOf, toInput, validate, type DeclarationFormValues } from '../../app/declarations/_components/form-model';
import { containerInput, declarationInput, goodsItemInput } from '../../lib/declarations/declaration-input';
import { validImport } from './fixtures';

/** The form as a person would fill it in for the fixture: every value typed as a string. */
function typed(): DeclarationFormValues {
  const input = validImport();
  const asText = (v: unknown) => (v === null || v === undefined ? '' : Array.isArray(v) ? v.join(', ') : String(v));
  const texts = (o: object) => Object.fromEntries(Object.entries(o).map(([k, v]) => [k, asText(v)]));
  const { containers, items, ...header } = input;
  return emptyForm({
    ...texts(header),
    containers: containers!.map((c, i) => ({ ...emptyContainer(`c${i}`), ...texts(c) })),
    items: items!.map((item, i) => ({ ...emptyItem(`i${i}`), ...texts(item) })),
  });
}

describe('the declaration form model', () => {
  it('holds exactly the fields of the schema, with the form’s defaults', () => {
    const form = emptyForm();
    expect(Object.keys(form).sort()).toEqual(Object.keys(declarationInput.shape).sort());
    expect(form).toMatchObject({ type: 'IM', additionalType: 'A', lrn: '', containers: [], items: [] });
    expect(Object.keys(emptyItem('k')).sort()).toEqual(['commodityLabel', 'key', 'unitFilledFrom', ...Object.keys(goodsItemInput.shape)].sort());
    expect(emptyItem('k').valuationMethod).toBe('1');
    expect(Object.keys(emptyContainer('k')).sort()).toEqual(['key', ...Object.keys(containerInput.shape)].sort());
  });

  it('turns what was typed into the input the server parses to the same declaration', () => {
    const { input, errors } = validate(typed());
    expect(errors).toEqual({});
    // An empty field is sent as null where the fixture leaves it out: the same for the schema.
    const withoutNulls = (v: unknown) => JSON.parse(JSON.stringify(v, (_k, x) => (x === null ? undefined : x)));
    expect(withoutNulls(declarationInput.parse(input))).toEqual(withoutNulls(declarationInput.parse(validImport({ lrn: input.lrn }))));
  });

  it('converts each kind of field as the schema expects it', () => {
    const form = typed();
    const input = toInput({
      ...form,
      transportMode: ' 3 ',
      totalPackages: '',
      freight: '  ',
      additionalType: '',
      officeOfExit: ' NL000123 ',
      containers: [{ key: 'c', containerNumber: 'CSQU3054383', seals: 'S1, S2,, ' }],
      items: [{ ...form.items[0]!, packageCount: 'twelve', valuationMethod: '', documentRefs: '', marks: '' }],
    });
    expect(input).toMatchObject({ transportMode: 3, totalPackages: null, freight: null, additionalType: undefined, officeOfExit: 'NL000123' });
    expect(input.containers).toEqual([{ containerNumber: 'CSQU3054383', seals: ['S1', 'S2'] }]);
    expect(input.items![0]).toMatchObject({ packageCount: Number.NaN, valuationMethod: undefined, documentRefs: undefined, marks: null });
    expect(validate({ ...form, items: [{ ...form.items[0]!, packageCount: 'twelve' }] }).errors).toEqual({ 'items.0.packageCount': 'Enter a whole number, e.g. 12.' });
  });

  it('names every field and its step for the error summary', () => {
    expect([labelOf('lrn'), stepOf('lrn')]).toEqual(['LRN', 0]);
    expect([labelOf('incoterm'), stepOf('incoterm')]).toEqual(['Incoterms rule', 1]);
    expect([labelOf('grossMass'), stepOf('grossMass')]).toEqual(['Total gross mass', 2]);
    expect(labelOf('items.1.grossMass')).toBe('Goods item 2, gross mass');
    expect(labelOf('items.0.procedureCode')).toBe('Goods item 1, item procedure code');
    expect([labelOf('containers.0.seals'), stepOf('containers.0.seals')]).toEqual(['Container 1, seal numbers', 1]);
    expect([labelOf('reason'), stepOf('reason')]).toEqual(['Reason for the amendment', 3]);
    for (const key of Object.keys(declarationInput.shape)) expect(labelOf(key), key).not.toBe(key);
  });

  it('fills the supplementary unit from the tariff line, never over what the person typed', () => {
    const laptops = { formattedCode: '8471.30 00', supplementaryUnit: 'NAR' };
    const coffee = { formattedCode: '0901.21 00', supplementaryUnit: null };
    const wine = { formattedCode: '2204.21 09', supplementaryUnit: 'LTR' };
    // Empty: filled in, and the form remembers which line did it (for the hint).
    expect(prefillSupplementaryUnit({ supplementaryUnit: '', unitFilledFrom: '' }, laptops, 2)).toEqual({ 'items.2.supplementaryUnit': 'NAR', 'items.2.unitFilledFrom': '8471.30 00' });
    // Typed by the person (unitFilledFrom empty): left alone, whatever the line says.
    expect(prefillSupplementaryUnit({ supplementaryUnit: 'KGM', unitFilledFrom: '' }, laptops, 0)).toEqual({});
    expect(prefillSupplementaryUnit({ supplementaryUnit: 'KGM', unitFilledFrom: '' }, coffee, 0)).toEqual({});
    // Filled in by an earlier line: follows the new line, and goes when the new line has no unit.
    expect(prefillSupplementaryUnit({ supplementaryUnit: 'NAR', unitFilledFrom: '8471.30 00' }, wine, 0)).toEqual({ 'items.0.supplementaryUnit': 'LTR', 'items.0.unitFilledFrom': '2204.21 09' });
    expect(prefillSupplementaryUnit({ supplementaryUnit: 'NAR', unitFilledFrom: '8471.30 00' }, coffee, 0)).toEqual({ 'items.0.supplementaryUnit': '', 'items.0.unitFilledFrom': '' });
    // Nothing to fill and nothing of ours to take back.
    expect(prefillSupplementaryUnit({ supplementaryUnit: '', unitFilledFrom: '' }, coffee, 0)).toEqual({});
    expect(prefillSupplementaryUnit({ supplementaryUnit: '  ', unitFilledFrom: '' }, { formattedCode: '0901.21', supplementaryUnit: undefined }, 0)).toEqual({});
  });
});
