// A UN/EDIFACT interchange (UNB … UNZ) of CUSDEC messages read into Clearway's declaration input, each
// message on its own. The syntax is the `edifact` parser's (UNA service characters, the syntax level's
// character set, releases); the envelope, counts and the CUSDEC mapping (cusdec-segments.ts) are here.
// Every problem is located: message reference, segment number (UNH = 1, as UNT counts), element and
// component. A syntax or envelope problem refuses the whole interchange; a message's own problems (its
// directory, its UNT) refuse only that message.
import Parser from 'edifact/parser.js';

import type { DeclarationInput, GoodsItemInput, HeaderField } from '../declarations/declaration-input';
import { CUSDEC_CONTAINER, CUSDEC_HEADER, CUSDEC_ITEM, type SegmentPosition } from './cusdec-segments';
import { DEFAULT_SEPARATORS, isSyntaxLevel, SYNTAX_LEVELS, type Separators, type SyntaxLevel } from './edifact-syntax';
import type { InterchangeMessage, LocatedError } from './interchange-message';

/** More messages than this in one interchange are refused (split it): each is filed while the request waits. */
export const MAX_MESSAGES_PER_INTERCHANGE = 1000;

interface Segment {
  tag: string;
  elements: string[][];
  /** 1-based in the interchange. */
  index: number;
}

export interface CusdecInterchange {
  syntax: SyntaxLevel | null;
  syntaxVersion: string | null;
  sender: string | null;
  recipient: string | null;
  controlReference: string | null;
  messages: InterchangeMessage[];
  /** Problems of the interchange itself: when any, every message is refused. */
  errors: LocatedError[];
}

const at = (segment: Segment | undefined, element: number, component = 1): string | null => {
  const v = segment?.elements[element - 1]?.[component - 1];
  return v === undefined || v === '' ? null : v;
};
const where = (n: number, tag: string, element?: number, component?: number) =>
  `segment ${n} (${tag})${element ? `, element ${element}` : ''}${component ? `, component ${component}` : ''}`;

export function readCusdecInterchange(bytes: Buffer | string): CusdecInterchange {
  const result: CusdecInterchange = { syntax: null, syntaxVersion: null, sender: null, recipient: null, controlReference: null, messages: [], errors: [] };
  const fail = (location: string, message: string, code: LocatedError['code'] = 'INVALID') => {
    result.errors.push({ location, field: null, code, message });
    return result;
  };
  const raw = typeof bytes === 'string' ? bytes : bytes.toString('latin1');
  const start = raw.replace(/^\uFEFF/, '').trimStart();
  const separators: Separators = start.startsWith('UNA')
    ? { component: start[3]!, element: start[4]!, decimal: start[5]!, release: start[6]!, segment: start[8]! }
    : DEFAULT_SEPARATORS;
  const body = start.startsWith('UNA') ? start.slice(9) : start;
  const unb = new RegExp(`^\\s*UNB${escape(separators.element)}([A-Z0-9]{4})${escape(separators.component)}(\\d)`).exec(body);
  if (!unb) return fail(where(1, 'UNB', 1, 1), 'An interchange starts with UNB (after an optional UNA), whose first element is the syntax identifier, e.g. UNOC:3.', 'REQUIRED');
  const level = unb[1]!;
  if (!isSyntaxLevel(level)) return fail(where(1, 'UNB', 1, 1), `Syntax identifier ${level} is not supported: use UNOA, UNOB, UNOC or UNOY.`, 'UNKNOWN');
  result.syntax = level;
  result.syntaxVersion = unb[2]!;
  let text = body;
  if (typeof bytes !== 'string' && SYNTAX_LEVELS[level] === 'utf8') {
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/, '').trimStart();
      if (text.startsWith('UNA')) text = text.slice(9);
    } catch {
      return fail(where(1, 'UNB', 1, 1), 'The interchange declares UNOY but is not valid UTF-8.');
    }
  }

  const segments: Segment[] = [];
  const problem = splitAndParse(text, separators, level, segments);
  if (problem) return fail(problem.location, problem.message);
  if (segments[0]?.tag !== 'UNB') return fail(where(1, segments[0]?.tag ?? '?'), 'The interchange must start with UNB.');
  const header = segments[0];
  result.sender = at(header, 2);
  result.recipient = at(header, 3);
  result.controlReference = at(header, 5);
  const last = segments.at(-1)!;
  if (last.tag !== 'UNZ') return fail(where(last.index, last.tag), 'The interchange must end with UNZ (interchange trailer).', 'REQUIRED');
  if (!result.controlReference) return fail(where(1, 'UNB', 5, 1), 'The interchange control reference (0020) is required: it identifies the interchange.', 'REQUIRED');
  if (at(last, 2) !== result.controlReference) {
    return fail(where(last.index, 'UNZ', 2, 1), `UNZ's control reference ${at(last, 2) ?? '(none)'} differs from UNB's ${result.controlReference}.`, 'MISMATCH');
  }

  // Messages: UNH … UNT.
  const groups: Segment[][] = [];
  let open: Segment[] | null = null;
  for (const s of segments.slice(1, -1)) {
    if (s.tag === 'UNH') {
      if (open) return fail(where(s.index, 'UNH'), 'A message starts before the previous one ended with UNT.');
      open = [s];
    } else if (!open) {
      return fail(where(s.index, s.tag), `${s.tag} outside a message: every segment between UNB and UNZ belongs to a UNH … UNT message.`);
    } else {
      open.push(s);
      if (s.tag === 'UNT') {
        groups.push(open);
        open = null;
      }
    }
  }
  if (open) return fail(where(open[0]!.index, 'UNH'), 'The last message has no UNT.', 'REQUIRED');
  const declared = at(last, 1);
  if (declared !== String(groups.length)) {
    return fail(where(last.index, 'UNZ', 1, 1), `UNZ counts ${declared ?? 'no'} messages; the interchange has ${groups.length}.`, 'MISMATCH');
  }
  if (groups.length > MAX_MESSAGES_PER_INTERCHANGE) {
    return fail(where(last.index, 'UNZ', 1, 1), `The interchange has ${groups.length.toLocaleString('en')} messages; at most ${MAX_MESSAGES_PER_INTERCHANGE.toLocaleString('en')} are taken in one: split it. Nothing was filed.`, 'TOO_BIG');
  }
  result.messages = groups.map((g) => readMessage(g, result.controlReference!, separators));
  return result;
}

function escape(c: string): string {
  return c.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Splits on unreleased segment terminators (checking releases), then lets the parser read each segment. */
function splitAndParse(text: string, s: Separators, level: SyntaxLevel, out: Segment[]): { location: string; message: string } | null {
  const parser = new Parser();
  parser.encoding(level);
  parser.configure({ segmentTerminator: s.segment.charCodeAt(0), dataElementSeparator: s.element.charCodeAt(0), componentDataSeparator: s.component.charCodeAt(0), decimalMark: s.decimal.charCodeAt(0), releaseCharacter: s.release.charCodeAt(0) });
  let current: Segment | null = null;
  parser.on('opensegment', (tag: string) => {
    current = { tag, elements: [], index: out.length + 1 };
  });
  parser.on('element', () => current!.elements.push([]));
  parser.on('component', (data: string) => current!.elements.at(-1)!.push(data));
  parser.on('closesegment', () => {
    out.push(current!);
    current = null;
  });
  const released = new Set([s.component, s.element, s.release, s.segment]);
  let segStart = 0;
  let n = 1;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === s.release) {
      const next = text[i + 1];
      if (next === undefined || !released.has(next)) {
        const tag = text.slice(segStart).trimStart().slice(0, 3);
        return { location: where(n, tag || '?'), message: `Bad release character: ${s.release} must be followed by a service character (${[...released].join(' ')}); found ${next === undefined ? 'the end of the interchange' : JSON.stringify(next)}.` };
      }
      i++;
      continue;
    }
    if (c === s.segment) {
      const piece = text.slice(segStart, i + 1);
      const tag = piece.trim().slice(0, 3);
      try {
        parser.write(piece);
      } catch (error) {
        const el = (current as Segment | null)?.elements.length ?? 0;
        const comp = (current as Segment | null)?.elements.at(-1)?.length ?? 0;
        const message = (error as Error).message.replace(/ at position \d+$/, '');
        return { location: where(n, tag, el || undefined, el ? comp + 1 : undefined), message: `${message} (not allowed in syntax level ${level}, or a malformed segment).` };
      }
      segStart = i + 1;
      n++;
    }
  }
  if (text.slice(segStart).trim() !== '') return { location: where(n, text.slice(segStart).trim().slice(0, 3)), message: `The last segment is not terminated with ${s.segment}.` };
  return null;
}

const DIRECTORY = /^(9[6-9][AB]|[0-4]\d[AB])$/;

function readMessage(segments: Segment[], interchangeRef: string, s: Separators): InterchangeMessage {
  const unh = segments[0]!;
  const unt = segments.at(-1)!;
  const ref = at(unh, 1) ?? '';
  const errors: LocatedError[] = [];
  const positions = new Map<string, string>();
  const local = (seg: Segment) => seg.index - unh.index + 1;
  const loc = (seg: Segment, element: number, component: number) => `message ${ref}, ${where(local(seg), seg.tag, element, component)}`;
  const problem = (seg: Segment, element: number, component: number, message: string, code: LocatedError['code'] = 'INVALID') => errors.push({ location: loc(seg, element, component), field: null, code, message });

  const [type, version, release, agency] = [at(unh, 2, 1), at(unh, 2, 2), at(unh, 2, 3), at(unh, 2, 4)];
  if (!ref) problem(unh, 1, 1, 'The message reference (0062) is required.', 'REQUIRED');
  if (type !== 'CUSDEC') problem(unh, 2, 1, `Message type ${type ?? '(none)'}: only CUSDEC is filed here.`, 'UNKNOWN');
  else if (version !== 'D' || !release || !DIRECTORY.test(release) || agency !== 'UN') {
    problem(unh, 2, 3, `Unknown directory ${[version, release, agency].filter(Boolean).join(':') || '(none)'}: CUSDEC is read from D:96B:UN and later directories (e.g. D:96B:UN, D:01B:UN).`, 'UNKNOWN');
  }
  if (at(unt, 1) !== String(segments.length)) problem(unt, 1, 1, `UNT counts ${at(unt, 1) ?? 'no'} segments; the message has ${segments.length} (UNH to UNT).`, 'MISMATCH');
  if (at(unt, 2) !== ref) problem(unt, 2, 1, `UNT's message reference ${at(unt, 2) ?? '(none)'} differs from UNH's ${ref}.`, 'MISMATCH');

  const num = (v: string | null) => (v === null ? null : v.replace(s.decimal, '.'));
  const int = (v: string | null): number | string | null => (v !== null && /^\d{1,15}$/.test(v) ? Number(v) : v);
  const header: Record<string, unknown> = { containers: [], items: [] };
  const items: Record<string, unknown>[] = [];
  const itemSegments: Segment[] = [];
  const containerSegments: Segment[] = [];
  let bgm: Segment | null = null;
  const put = (target: Record<string, unknown>, key: string, path: string, seg: Segment, element: number, component: number, value: unknown) => {
    target[key] = value;
    positions.set(path, loc(seg, element, component));
  };
  const position = (p: SegmentPosition) => [p.element, p.component] as const;
  for (const seg of segments.slice(1, -1)) {
    const q = at(seg, 1);
    const item = items.at(-1);
    const i = items.length - 1;
    const prefix = item ? `items.${i}.` : '';
    const setH = (field: HeaderField, value: unknown) => put(header, field, field, seg, ...position(CUSDEC_HEADER[field]), value);
    const setI = (field: keyof GoodsItemInput, value: unknown) => put(item!, field, `${prefix}${field}`, seg, ...position(CUSDEC_ITEM[field]), value);
    switch (seg.tag) {
      case 'BGM': {
        bgm = seg;
        const name = at(seg, 1, 4) ?? '';
        setH('lrn', at(seg, 2) ?? '');
        setH('type', name.slice(0, 2));
        if (name.length > 2) setH('additionalType', name.slice(2));
        break;
      }
      case 'GIS': {
        const code = at(seg, 1, 1);
        const kind = at(seg, 1, 2);
        if (kind === 'PRC' && item) setI('procedureCode', code);
        else if (kind === 'PRC') setH('procedureCode', code);
        else if (kind === 'ADP' && !item) setH('additionalProcedure', code);
        else if (kind === 'REP' && !item) setH('representationStatus', code === '2' ? 'DIRECT' : code === '3' ? 'INDIRECT' : code);
        else if (kind === 'PRF' && item) setI('preferenceCode', code);
        else if (kind === 'VM' && item) setI('valuationMethod', int(code));
        break;
      }
      case 'NAD':
        if (q === 'IM') setH('importerEori', at(seg, 2));
        else if (q === 'EX') setH('exporterEori', at(seg, 2));
        else if (q === 'AE') setH('representativeEori', at(seg, 2));
        break;
      case 'TOD':
        setH('incoterm', at(seg, 3));
        break;
      case 'TDT':
        setH('transportMode', int(at(seg, 3)));
        break;
      case 'RFF':
        if (q === 'BM') setH('transportDocument', at(seg, 1, 2));
        break;
      case 'LOC': {
        const place = at(seg, 2);
        if (item && q === '27') setI('originCountry', place);
        else if (!item && q === '1') setH('incotermPlace', place);
        else if (!item && q === '41') setH('officeOfEntry', place);
        else if (!item && q === '22') setH('officeOfDeclaration', place);
        else if (!item && q === '42') setH('officeOfExit', place);
        break;
      }
      case 'CUX':
        setH('invoiceCurrency', at(seg, 1, 2));
        if (at(seg, 3) !== null) setH('exchangeRate', num(at(seg, 3)));
        break;
      case 'MOA': {
        const amount = num(at(seg, 1, 2));
        if (item && q === '38') setI('itemPrice', amount);
        else if (!item && q === '39') setH('invoiceAmount', amount);
        else if (!item && q === '64') setH('freight', amount);
        else if (!item && q === '67') setH('insurance', amount);
        break;
      }
      case 'CNT':
        if (q === '11' && !item) put(header, 'totalPackages', 'totalPackages', seg, 1, 2, int(at(seg, 1, 2)));
        break;
      case 'MEA': {
        const value = num(at(seg, 3, 2));
        const property = at(seg, 2);
        if (q !== 'WT') break;
        if (item && property === 'G') setI('grossMass', value);
        else if (item && property === 'N') setI('netMass', value);
        else if (!item && property === 'G') setH('grossMass', value);
        break;
      }
      case 'EQD':
        if (q === 'CN' && !item) {
          const c = (header.containers as Record<string, unknown>[]).length;
          (header.containers as Record<string, unknown>[]).push({ containerNumber: at(seg, 2) ?? '', seals: [] });
          positions.set(`containers.${c}.containerNumber`, loc(seg, CUSDEC_CONTAINER.containerNumber.element, 1));
          containerSegments.push(seg);
        }
        break;
      case 'SEL': {
        const containers = header.containers as { seals: string[] }[];
        const container = containers.at(-1);
        if (container && !item) {
          positions.set(`containers.${containers.length - 1}.seals.${container.seals.length}`, loc(seg, 1, 1));
          container.seals.push(at(seg, 1) ?? '');
        }
        break;
      }
      case 'CST':
        items.push({ commodityCode: at(seg, 2) ?? '', description: '', originCountry: '', packageKind: '', packageCount: null, grossMass: '', netMass: '', itemPrice: '', documentRefs: [] });
        itemSegments.push(seg);
        positions.set(`items.${items.length - 1}.commodityCode`, loc(seg, 2, 1));
        break;
      case 'FTX':
        if (item && q === 'AAA') setI('description', [1, 2, 3, 4, 5].map((c) => at(seg, 4, c) ?? '').join(''));
        break;
      case 'PAC':
        if (item) {
          setI('packageCount', int(at(seg, 1)));
          setI('packageKind', at(seg, 3));
        }
        break;
      case 'PCI':
        if (item) setI('marks', at(seg, 2));
        break;
      case 'QTY':
        if (item && q === '182') {
          setI('supplementaryQuantity', num(at(seg, 1, 2)));
          setI('supplementaryUnit', at(seg, 1, 3));
        }
        break;
      case 'DOC':
        if (item) {
          const refs = item.documentRefs as string[];
          positions.set(`${prefix}documentRefs.${refs.length}`, loc(seg, 2, 1));
          refs.push(at(seg, 2) ?? '');
        }
        break;
      default:
        break;
    }
  }
  if (!bgm) errors.push({ location: `message ${ref}, segment 2`, field: 'lrn', code: 'REQUIRED', message: 'BGM (the LRN, the declaration type and the message function) is required after UNH.' });
  const functionCode = bgm ? at(bgm, 3) : null;
  if (bgm && functionCode !== null && functionCode !== '9') problem(bgm, 3, 1, `Message function ${functionCode} is not taken here: 9 (original) files and submits; leave it out to keep a draft.`, 'NOT_ALLOWED');
  // An item's procedure equal to the declaration's is the declaration's (as the XML reader does).
  for (const item of items) if (item.procedureCode === header.procedureCode) item.procedureCode = null;
  header.items = items;
  const input = header as unknown as DeclarationInput;
  return {
    format: 'CUSDEC',
    reference: `${interchangeRef}/${ref}`,
    submit: functionCode === '9',
    input,
    errors,
    // EDIFACT positions are identifiers: the same in every language.
    locate: (path) => ({ location: positionOf(path) }),
  };

  function positionOf(path: readonly string[]): string {
    const key = path.join('.');
    const exact = positions.get(key);
    if (exact) return exact;
    const [head, index] = path;
    if (head === 'items' && index !== undefined && itemSegments[Number(index)]) {
      const seg = itemSegments[Number(index)]!;
      const field = path[2] as keyof GoodsItemInput | undefined;
      const p = field ? CUSDEC_ITEM[field] : undefined;
      return `${loc(seg, 1, 1)} (item ${Number(index) + 1}${p ? `: ${p.segment} element ${p.element}, component ${p.component} is missing` : ''})`;
    }
    if (head === 'containers' && index !== undefined && containerSegments[Number(index)]) return loc(containerSegments[Number(index)]!, 2, 1);
    const p = CUSDEC_HEADER[head as HeaderField];
    if (p) return `message ${ref}: ${p.segment} element ${p.element}, component ${p.component} (missing)`;
    return bgm ? loc(bgm, 1, 1) : `message ${ref}`;
  }
}
