// The CUSDEC reader on its own: the envelope and counts, directories, release characters, the syntax
// levels as declared, 10,000 messages in one interchange, and errors located by segment, element and
// component. No database: reading files nothing.
import { describe, expect, it } from 'vitest';

import { declarationInput } from '../../lib/declarations/declaration-input';
import { MAX_MESSAGES_PER_INTERCHANGE, readCusdecInterchange } from '../../lib/interchange/read-cusdec-interchange';
import { writeCusdec } from '../../lib/interchange/write-cusdec';
import { writeEdifactInterchange } from '../../lib/interchange/write-edifact-interchange';
import { validImport } from '../declarations/fixtures';
import { fixture, fixtureBytes } from './helpers';

const SAMPLE = fixture('import-declarations.edi');

describe('readCusdecInterchange', () => {
  it('reads the sample: UNA, UNOC, two messages (one to submit, one draft), released characters', () => {
    const r = readCusdecInterchange(fixtureBytes('import-declarations.edi'));
    expect(r.errors).toEqual([]);
    expect(r).toMatchObject({ syntax: 'UNOC', controlReference: 'CW-EDI-0001', sender: 'NL123456789' });
    expect(r.messages.map((m) => [m.reference, m.submit, m.errors.length])).toEqual([
      ['CW-EDI-0001/M1', true, 0],
      ['CW-EDI-0001/M2', false, 0],
    ]);
    const d = declarationInput.parse(r.messages[0]!.input);
    expect(d).toMatchObject({ lrn: 'CW-EDI-LRN-1', type: 'IM', additionalType: 'A', procedureCode: '4000', incoterm: 'FOB', transportMode: 1, invoiceAmount: '12000.00', exchangeRate: '0.920000', insurance: '40.00' });
    expect(d.items[0]).toMatchObject({ commodityCode: '84713000', description: "Laptop computers: 14' screen+ charger", netMass: '1300', supplementaryUnit: 'NAR' });
    expect(d.containers).toEqual([{ containerNumber: 'CSQU3054383', seals: ['CN1234567'] }]);
  });

  it('checks UNT: a wrong segment count refuses that message only, at UNT element 1', () => {
    const r = readCusdecInterchange(SAMPLE.replace("UNT+38+M1'", "UNT+36+M1'"));
    expect(r.errors).toEqual([]);
    expect(r.messages[0]!.errors).toEqual([expect.objectContaining({ location: 'message M1, segment 38 (UNT), element 1, component 1', code: 'MISMATCH', message: 'UNT counts 36 segments; the message has 38 (UNH to UNT).' })]);
    expect(r.messages[1]!.errors).toEqual([]);
  });

  it('checks UNZ: a wrong message count or reference refuses the whole interchange', () => {
    const count = readCusdecInterchange(SAMPLE.replace("UNZ+2+CW-EDI-0001'", "UNZ+3+CW-EDI-0001'"));
    expect(count.messages).toEqual([]);
    expect(count.errors[0]).toMatchObject({ location: 'segment 54 (UNZ), element 1, component 1', message: 'UNZ counts 3 messages; the interchange has 2.' });
    const ref = readCusdecInterchange(SAMPLE.replace("UNZ+2+CW-EDI-0001'", "UNZ+2+OTHER'"));
    expect(ref.errors[0]!.location).toBe('segment 54 (UNZ), element 2, component 1');
  });

  it('refuses an unknown directory, and takes D96B and later ones', () => {
    const old = readCusdecInterchange(SAMPLE.replace('CUSDEC:D:96B:UN', 'CUSDEC:D:93A:UN'));
    expect(old.messages[0]!.errors[0]).toMatchObject({ location: 'message M1, segment 1 (UNH), element 2, component 3', code: 'UNKNOWN' });
    expect(readCusdecInterchange(SAMPLE.replace('CUSDEC:D:96B:UN', 'CUSDEC:D:XYZ:UN')).messages[0]!.errors[0]!.code).toBe('UNKNOWN');
    expect(readCusdecInterchange(SAMPLE.replace('CUSDEC:D:96B:UN', 'CUSDEC:D:21A:UN')).messages[0]!.errors).toEqual([]);
    expect(readCusdecInterchange(SAMPLE.replace('CUSDEC:D:96B:UN', 'INVOIC:D:96B:UN')).messages[0]!.errors[0]!.message).toContain('only CUSDEC');
  });

  it('refuses a bad release character, at its segment', () => {
    const r = readCusdecInterchange(SAMPLE.replace('Roasted coffee beans', 'Roasted ?coffee beans'));
    expect(r.messages).toEqual([]);
    expect(r.errors[0]).toMatchObject({ location: 'segment 32 (FTX)' });
    expect(r.errors[0]!.message).toContain('Bad release character');
    expect(readCusdecInterchange(SAMPLE.trimEnd() + '?').errors[0]!.message).toContain('the end of the interchange');
  });

  it('reads each syntax level as declared: UNOA refuses lower case, UNOB takes it, UNOY reads UTF-8, others are refused', () => {
    const unoa = readCusdecInterchange(SAMPLE.replace('UNOC:3', 'UNOA:3'));
    expect(unoa.errors[0]!.location).toMatch(/^segment 24 \(FTX\), element 4, component 1/);
    expect(unoa.errors[0]!.message).toContain('syntax level UNOA');
    const upper = SAMPLE.replace('UNOC:3', 'UNOA:3')
      .replace("Laptop computers?: 14?' screen?+ charger", "LAPTOP COMPUTERS?: 14?' SCREEN?+ CHARGER")
      .replace('Roasted coffee beans', 'ROASTED COFFEE BEANS')
      .replace('Green coffee, not roasted', 'GREEN COFFEE, NOT ROASTED');
    expect(readCusdecInterchange(upper).errors).toEqual([]);
    expect(readCusdecInterchange(SAMPLE.replace('UNOC:3', 'UNOB:3')).errors).toEqual([]);
    const utf8 = Buffer.from(SAMPLE.replace('UNOC:3', 'UNOY:3').replace('Roasted coffee beans', 'Café torréfié — 焙煎コーヒー'), 'utf8');
    const y = readCusdecInterchange(utf8);
    expect(y.errors).toEqual([]);
    expect((y.messages[0]!.input!.items![1]!).description).toBe('Café torréfié — 焙煎コーヒー');
    const latin1 = Buffer.from(SAMPLE.replace('Roasted coffee beans', 'Café torréfié'), 'latin1');
    expect((readCusdecInterchange(latin1).messages[0]!.input!.items![1]!).description).toBe('Café torréfié');
    expect(readCusdecInterchange(SAMPLE.replace('UNOC:3', 'UNOD:3')).errors[0]).toMatchObject({ location: 'segment 1 (UNB), element 1, component 1', code: 'UNKNOWN' });
    expect(readCusdecInterchange(Buffer.from(SAMPLE.replace('UNOC:3', 'UNOY:3').replace('Roasted', 'R\xe9'), 'latin1')).errors[0]!.message).toContain('not valid UTF-8');
  });

  it('refuses 10,000 messages in one interchange quickly, at UNZ, with the limit', () => {
    const message = writeCusdec(validImport({ lrn: 'BULK' }), { messageRef: 'X', submit: true });
    const edi = writeEdifactInterchange(
      Array.from({ length: 10_000 }, (_, i) => message.map((s) => (s[0] === 'UNH' || s[0] === 'UNT' ? s.map((e, j) => (j === (s[0] === 'UNH' ? 1 : 2) ? `M${i}` : e)) : s))),
      { sender: 'S', recipient: 'R', controlReference: 'BIG' },
    );
    const started = performance.now();
    const r = readCusdecInterchange(edi);
    expect(performance.now() - started).toBeLessThan(20_000);
    expect(r.messages).toEqual([]);
    expect(r.errors[0]).toMatchObject({ code: 'TOO_BIG' });
    expect(r.errors[0]!.message).toContain(`at most ${MAX_MESSAGES_PER_INTERCHANGE.toLocaleString('en')}`);
  });

  it('locates a missing field at the item it belongs to', () => {
    const r = readCusdecInterchange(SAMPLE);
    expect(r.messages[1]!.locate(['items', '0', 'netMass']).location).toBe('message M2, segment 11 (MEA), element 3, component 2');
    expect(r.messages[1]!.locate(['items', '0', 'marks']).location).toMatch(/^message M2, segment 6 \(CST\), element 1, component 1 \(item 1: PCI element 2/);
    expect(r.messages[0]!.locate(['invoiceAmount']).location).toBe('message M1, segment 14 (MOA), element 1, component 2');
  });
});
