// A customs release note as an OpenAttestation v2 document, so that anyone holding the file can check it
// with the public TradeTrust / OpenAttestation verifiers, without Clearway being online:
//   1. integrity: `verifySignature` recomputes the target hash from the salted fields and checks the
//      Merkle proof up to `signature.merkleRoot` (any edited field breaks it);
//   2. issuance: `isIssued(merkleRoot)` on the DocumentStore named in `issuers[0].documentStore`
//      (the caller issues the root there, e.g. with the ledger anchor: `anchor.publish(merkleRoot)`);
//   3. identity: a verifier additionally resolves the DNS TXT records of `identityProof.location` and
//      requires one reading `openatts net=ethereum netId=<chainId> addr=<documentStore>`. That step needs
//      the public DNS and cannot run offline, so the tests here cover 1 and 2 only; the customs
//      administration publishes the TXT record once per store (see lib/ledger/anchor/README.md).
import { ethers } from 'ethers';
import { v2, wrapDocument, type WrappedDocument } from '@govtechsg/open-attestation';

import { AppError, type FieldError, type FieldErrorCode } from '../errors';

export interface ReleaseNoteParty {
  name: string;
  eori?: string;
}

export interface ReleaseNoteAttestationInput {
  mrn: string;
  lrn: string;
  declarant: ReleaseNoteParty & { eori: string };
  importer?: ReleaseNoteParty;
  exporter?: ReleaseNoteParty;
  releasedAt: Date;
  /** A summary line per goods item; the full declaration stays in the portal. */
  items: Array<{ itemNumber: number; commodityCode: string; description: string; packages?: number; grossMassKg?: string }>;
  /** Decimal string (amounts are never floats here). */
  dutyTotal: string;
  /** ISO 4217. */
  currency: string;
  officerName?: string;
  /** SHA-256 of the declaration version released, to tie the note to the ledger and the PDF's QR code. */
  declarationSha256?: string;
}

export interface ReleaseNoteIssuer {
  documentStoreAddress: string;
  /** e.g. "Customs Administration of Utopia". */
  issuerName: string;
  /** DNS name whose TXT record names the document store (DNS-TXT identity proof), e.g. "customs.example". */
  identityLocation: string;
  /** Chain of the document store, so verifiers know where to look (recorded as `network`). */
  chainId?: number;
  /** Decentralised renderer serving the CLEARWAY_RELEASE_NOTE template, when one is hosted. */
  rendererUrl?: string;
}

export const RELEASE_NOTE_TEMPLATE = 'CLEARWAY_RELEASE_NOTE';

export type ReleaseNoteDocument = v2.OpenAttestationDocument & {
  name: string;
  mrn: string;
  lrn: string;
  issuedOn: string;
  declarant: ReleaseNoteParty;
  importer?: ReleaseNoteParty;
  exporter?: ReleaseNoteParty;
  releasedAt: string;
  items: ReleaseNoteAttestationInput['items'];
  duties: { total: string; currency: string };
  officerName?: string;
  declarationSha256?: string;
};

export interface WrappedReleaseNote {
  document: WrappedDocument<ReleaseNoteDocument>;
  /** `0x`-prefixed, ready for DocumentStore `issue(bytes32)`. */
  merkleRoot: string;
  targetHash: string;
}

const DNS_NAME = /^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/i;

function check(note: ReleaseNoteAttestationInput, issuer: ReleaseNoteIssuer): void {
  const errors: FieldError[] = [];
  const fail = (path: string[], code: FieldErrorCode, message: string) => errors.push({ path, code, message });
  if (!ethers.utils.isAddress(issuer.documentStoreAddress)) fail(['documentStoreAddress'], 'INVALID', 'Expected a 0x-prefixed 20-byte address.');
  if (!DNS_NAME.test(issuer.identityLocation)) fail(['identityLocation'], 'INVALID', 'Expected a DNS name such as customs.example.');
  if (!issuer.issuerName.trim()) fail(['issuerName'], 'REQUIRED', 'The issuer needs a name.');
  if (!note.mrn.trim()) fail(['mrn'], 'REQUIRED', 'A release note needs the MRN.');
  if (Number.isNaN(note.releasedAt.getTime())) fail(['releasedAt'], 'INVALID', 'Expected a valid date.');
  if (!/^-?\d+(\.\d+)?$/.test(note.dutyTotal)) fail(['dutyTotal'], 'INVALID', 'Expected a decimal string such as 1234.50.');
  if (!/^[A-Z]{3}$/.test(note.currency)) fail(['currency'], 'INVALID', 'Expected an ISO 4217 code.');
  if (note.declarationSha256 !== undefined && !/^[0-9a-f]{64}$/.test(note.declarationSha256)) {
    fail(['declarationSha256'], 'INVALID', 'Expected 64 lowercase hex digits.');
  }
  if (errors.length) throw new AppError('BAD_USER_INPUT', 'The release note cannot be attested as given.', { fieldErrors: errors });
}

/** Drop undefined members: OpenAttestation would salt them as the string "undefined:undefined". */
function defined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

const party = (p: ReleaseNoteParty | undefined) => (p ? defined({ name: p.name, eori: p.eori }) : undefined);

/** The raw (unwrapped) OpenAttestation v2 document of a release note. */
export function buildReleaseNoteDocument(note: ReleaseNoteAttestationInput, issuer: ReleaseNoteIssuer): ReleaseNoteDocument {
  check(note, issuer);
  const releasedAt = note.releasedAt.toISOString();
  return defined({
    $template: defined({ name: RELEASE_NOTE_TEMPLATE, type: v2.TemplateType.EmbeddedRenderer, url: issuer.rendererUrl }),
    id: note.mrn,
    name: 'Customs release note',
    issuedOn: releasedAt,
    issuers: [
      {
        name: issuer.issuerName,
        documentStore: ethers.utils.getAddress(issuer.documentStoreAddress),
        identityProof: { type: v2.IdentityProofType.DNSTxt, location: issuer.identityLocation.toLowerCase() },
      },
    ],
    network: issuer.chainId === undefined ? undefined : { chain: 'ETH', chainId: String(issuer.chainId) },
    recipient: note.importer ? { name: note.importer.name } : undefined,
    mrn: note.mrn,
    lrn: note.lrn,
    declarant: party(note.declarant)!,
    importer: party(note.importer),
    exporter: party(note.exporter),
    releasedAt,
    items: note.items.map((item) => defined({ ...item })),
    duties: { total: note.dutyTotal, currency: note.currency },
    officerName: note.officerName,
    declarationSha256: note.declarationSha256,
  });
}

/**
 * Build and wrap (salt every field, hash, Merkle root) a release note. Issue `merkleRoot` on the
 * document store before handing the document out; until then verifiers report it as not issued.
 */
export function wrapReleaseNoteDocument(note: ReleaseNoteAttestationInput, issuer: ReleaseNoteIssuer): WrappedReleaseNote {
  const document = wrapDocument(buildReleaseNoteDocument(note, issuer));
  return { document, merkleRoot: `0x${document.signature.merkleRoot}`, targetHash: document.signature.targetHash };
}
