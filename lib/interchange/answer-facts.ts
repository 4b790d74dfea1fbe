// The immediate answer to a filed message as response facts: received (a draft), accepted (submitted:
// MRN and lane), or rejected with its located errors. Built from the stored outcome, so a repeated
// message gets the same answer.
import type { ResponseFacts } from './declaration-responses';
import type { MessageOutcome } from './file-interchange-message';

export function answerFacts(outcome: MessageOutcome): ResponseFacts {
  const kind = !outcome.accepted ? 'REJECTED' : outcome.status === 'DRAFT' ? 'RECEIVED' : 'ACCEPTED';
  return {
    kind,
    at: new Date(outcome.at),
    lrn: outcome.lrn ?? outcome.reference,
    mrn: outcome.mrn,
    version: null,
    lane: outcome.lane,
    reason: kind === 'ACCEPTED' ? `Accepted with MRN ${outcome.mrn}${outcome.lane ? `, lane ${outcome.lane}` : ''}` : kind === 'RECEIVED' ? 'Received and kept as a draft' : `Refused: ${outcome.errors.length} problem(s); nothing was filed.`,
    errors: outcome.errors,
    duties: null,
  };
}
