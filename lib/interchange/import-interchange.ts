// POST /api/interchange/declarations and the importInterchange mutation: a document in a standard
// format, read by its reader, each message filed (file-interchange-message.ts), the answer in the same
// standard (WCO DM Response XML for XML, CUSRES for CUSDEC). The readers never throw for bad input:
// whatever is wrong is a located error in the answer, and a refused message files nothing.
import type { Actor } from '../auth/actor';
import { assertFiler } from '../auth/policy';
import { AppError } from '../errors';
import { answerFacts } from './answer-facts';
import { buildWcoResponse } from './build-wco-response';
import { fileInterchangeMessage, type MessageOutcome } from './file-interchange-message';
import type { InterchangeFormat } from './interchange-message';
import { readCusdecInterchange } from './read-cusdec-interchange';
import { readWcoDeclaration } from './read-wco-declaration';
import { buildCusres } from './build-cusres';

export interface InterchangeAnswer {
  format: InterchangeFormat;
  outcomes: MessageOutcome[];
  /** The answer in the document's own standard. */
  contentType: string;
  body: string;
}

/** The format a content type names, or null. */
export function interchangeFormatOf(contentType: string): InterchangeFormat | null {
  if (/^(application|text)\/([\w.+-]*\+)?xml\s*(;|$)/i.test(contentType)) return 'WCO_XML';
  if (/^application\/edifact\s*(;|$)/i.test(contentType)) return 'CUSDEC';
  return null;
}

export async function importInterchange(options: { actor: Actor; format: InterchangeFormat; document: Buffer | string; requestId?: string }): Promise<InterchangeAnswer> {
  const { actor, format, requestId } = options;
  assertFiler(actor);
  if (format === 'WCO_XML') {
    const xml = typeof options.document === 'string' ? options.document : decodeUtf8(options.document);
    const message = await readWcoDeclaration(xml);
    const outcome = await fileInterchangeMessage({ actor, message, content: xml, requestId });
    return { format, outcomes: [outcome], contentType: 'application/xml; charset=utf-8', body: buildWcoResponse([answerFacts(outcome)]) };
  }
  if (format === 'CUSDEC') {
    const interchange = readCusdecInterchange(options.document);
    const outcomes: MessageOutcome[] = [];
    if (interchange.errors.length) {
      // The envelope cannot be trusted: nothing in it is filed.
      outcomes.push({ reference: interchange.controlReference ?? '', lrn: null, accepted: false, declarationId: null, status: null, mrn: null, lane: null, errors: interchange.errors, at: new Date().toISOString(), replayed: false });
    } else {
      const text = typeof options.document === 'string' ? options.document : options.document.toString('latin1');
      // Messages in order, each on its own (one refused does not refuse the others).
      for (const message of interchange.messages) outcomes.push(await fileInterchangeMessage({ actor, message, content: `${message.reference}\n${messageText(text, message.reference)}`, requestId }));
    }
    const body = buildCusres(outcomes.map(answerFacts), {
      recipient: interchange.sender ?? 'FILER',
      controlReference: `R${interchange.controlReference ?? Date.now().toString(36)}`.slice(0, 14),
      syntax: interchange.syntax === 'UNOY' ? 'UNOY' : 'UNOC',
      at: outcomes.every((o) => o.replayed) && outcomes[0] ? new Date(outcomes[0].at) : undefined,
    });
    return { format, outcomes, contentType: 'application/edifact', body };
  }
  throw new AppError('UNSUPPORTED_MEDIA_TYPE', `Clearway reads WCO DM XML (application/xml) and UN/EDIFACT CUSDEC (application/edifact), not ${format}.`);
}

/** The text of one message (UNH of `reference` … its UNT): what its content hash covers. */
function messageText(text: string, reference: string): string {
  const ref = reference.slice(reference.indexOf('/') + 1);
  const start = text.indexOf(`UNH+${ref}+`);
  const end = start < 0 ? -1 : text.indexOf(`UNT+`, start);
  return start < 0 || end < 0 ? text : text.slice(start, text.indexOf("'", end) + 1);
}

function decodeUtf8(bytes: Buffer): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    // libxml2 (and this reader) take UTF-8 only; say so rather than guess.
    throw new AppError('BAD_USER_INPUT', 'The XML is not UTF-8: send WCO DM XML encoded in UTF-8. Nothing was filed.', {
      fieldErrors: [{ path: [], code: 'INVALID', message: 'Not valid UTF-8.' }],
    });
  }
}
