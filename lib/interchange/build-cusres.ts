// Response facts (declaration-responses.ts) as UN/EDIFACT CUSRES messages in one interchange. The same
// facts as the WCO DM Response: GIS carries the same response code (01 accepted, 03 rejected, …), RFF the
// LRN (ABE) and the MRN (ABT), errors are ERP (segment:element:component when known) + ERC + FTX.
// Pure: the same facts give the same interchange.
import type { ResponseFacts } from './declaration-responses';
import { RESPONSE_CODES } from './declaration-responses';
import type { SyntaxLevel } from './edifact-syntax';
import { writeEdifactInterchange } from './write-edifact-interchange';

type Seg = (string | (string | null | undefined)[] | null | undefined)[];
const stamp = (at: Date) => at.toISOString().replace(/[-:T]/g, '').slice(0, 12);
/** FTX 4440 holds 512 characters: longer texts are cut with an ellipsis. */
const clip = (text: string) => (text.length > 350 ? `${text.slice(0, 349)}…` : text);

function message(f: ResponseFacts, n: number): Seg[] {
  const ref = String(n);
  const segments: Seg[] = [
    ['UNH', ref, ['CUSRES', 'D', '96B', 'UN']],
    ['BGM', '962', f.mrn ?? f.lrn, f.kind === 'REJECTED' ? '27' : '29'],
    ['DTM', ['137', stamp(f.at), '203']],
    ['RFF', ['ABE', f.lrn]],
  ];
  if (f.mrn) segments.push(['RFF', ['ABT', f.mrn]]);
  segments.push(['GIS', [RESPONSE_CODES[f.kind], 'RSP']]);
  if (f.lane) segments.push(['GIS', [f.lane === 'GREEN' ? 'GRN' : f.lane === 'YELLOW' ? 'YEL' : 'RED', 'LAN']]);
  if (f.reason) segments.push(['FTX', 'ACB', null, null, [clip(f.reason)]]);
  for (const e of f.errors) {
    const position = /segment (\d+) \((\w+)\)(?:, element (\d+))?(?:, component (\d+))?/.exec(e.location);
    segments.push(['ERP', '1', position ? [position[1], position[3] ?? null, position[4] ?? null] : null]);
    segments.push(['ERC', e.code.replace('_', '').slice(0, 8)]);
    segments.push(['FTX', 'AAO', null, null, [clip(`${e.location}: ${e.message}`)]]);
  }
  if (f.duties) {
    for (const l of f.duties.lines) {
      segments.push(['TAX', '7', l.taxType]);
      segments.push(['MOA', ['161', l.amount, f.duties.currency]]);
    }
    segments.push(['MOA', ['128', f.duties.total, f.duties.currency]]);
  }
  segments.push(['UNT', String(segments.length + 1), ref]);
  return segments;
}

export function buildCusres(facts: ResponseFacts[], options: { recipient?: string; controlReference?: string; syntax?: SyntaxLevel; at?: Date } = {}): string {
  const at = options.at ?? facts.at(-1)?.at ?? new Date();
  return writeEdifactInterchange(
    facts.map((f, i) => message(f, i + 1)),
    { sender: 'CLEARWAY', recipient: options.recipient ?? 'FILER', controlReference: options.controlReference ?? `R${stamp(at)}`.slice(0, 14), syntax: options.syntax ?? 'UNOC', at },
  );
}
