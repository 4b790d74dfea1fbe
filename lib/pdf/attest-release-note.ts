// The release note as an OpenAttestation v2 document (lib/ledger/open-attestation.ts), issued on the
// ledger anchor's DocumentStore, for whoever may see the released declaration. Anyone holding the file
// can then check it with TradeTrust / OpenAttestation verifiers, without Clearway.
//
// Wrapping salts every field at random, so each call makes a new document with a new Merkle root, and
// publishing that root is a chain transaction (about 48,000 gas): callers should keep the file they get.
import type { WrappedDocument } from '@govtechsg/open-attestation';

import type { Actor } from '../auth/actor';
import { recordAudit } from '../audit';
import { sqlTransaction } from '../database/sql';
import { getEnv } from '../env';
import { AppError } from '../errors';
import { getLedgerAnchor } from '../ledger/anchor/get-ledger-anchor';
import type { AnchorReceipt } from '../ledger/anchor/ledger-anchor';
import { publishWithRetry } from '../ledger/anchor/publish-with-retry';
import { wrapReleaseNoteDocument, type ReleaseNoteDocument } from '../ledger/open-attestation';
import { buildReleaseNotePdfInput } from './build-release-note-pdf-input';
import { loadDeclarationForPdf } from './load-declaration-for-pdf';

export interface AttestedReleaseNote {
  document: WrappedDocument<ReleaseNoteDocument>;
  /** `0x`-prefixed root issued on the DocumentStore. */
  merkleRoot: string;
  receipt: AnchorReceipt;
  /** A file name for downloads, e.g. `release-note-26NL….oa.json`. */
  fileName: string;
}

const DNS_NAME = /^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/i;

/**
 * The DNS name whose TXT record ties the DocumentStore to the customs administration: PUBLIC_URL's host,
 * or (for a portal on localhost or an address) the host part of LEDGER_ORIGIN, the ledger's own identity.
 */
function identityLocation(): string {
  const env = getEnv();
  const candidates = [new URL(env.PUBLIC_URL).hostname, env.LEDGER_ORIGIN.split('/')[0] ?? ''];
  const found = candidates.find((name) => DNS_NAME.test(name));
  if (!found) throw new AppError('CONFLICT', 'Set PUBLIC_URL or LEDGER_ORIGIN to a DNS name: an OpenAttestation issuer is identified by one.');
  return found.toLowerCase();
}

/**
 * NOT_FOUND when the actor cannot see the declaration; CONFLICT unless it is RELEASED, or when no chain is
 * configured (getLedgerAnchor() is null); SERVICE_UNAVAILABLE when the chain does not take the root.
 */
export async function attestReleaseNote(options: { actor: Actor; declarationId: string }): Promise<AttestedReleaseNote> {
  const { actor } = options;
  const source = await loadDeclarationForPdf(options);
  // The same checks and data as the PDF release note.
  const note = buildReleaseNotePdfInput(source, { baseUrl: getEnv().PUBLIC_URL });
  const anchor = getLedgerAnchor();
  if (!anchor) {
    throw new AppError(
      'CONFLICT',
      'No chain is configured: an OpenAttestation release note is issued on a DocumentStore, set up with ANCHOR_RPC_URL, ANCHOR_PRIVATE_KEY and ANCHOR_CONTRACT_ADDRESS. The PDF release note is available without one.',
    );
  }
  const location = identityLocation();
  const { declaration: d } = source;
  const { document, merkleRoot } = wrapReleaseNoteDocument(
    {
      mrn: note.mrn,
      lrn: note.lrn,
      declarant: { name: note.declarant.name, eori: note.declarant.eori ?? '' },
      importer: note.importer ? { name: note.importer.name, eori: note.importer.eori ?? undefined } : undefined,
      exporter: note.exporter ? { name: note.exporter.name, eori: note.exporter.eori ?? undefined } : undefined,
      releasedAt: note.releasedAt,
      items: source.items.map((item) => ({
        itemNumber: item.sequence,
        commodityCode: item.commodityCode,
        description: item.description,
        packages: item.packageCount,
        grossMassKg: item.grossMass.toString(),
      })),
      dutyTotal: note.duties.total,
      currency: note.duties.currency,
      officerName: note.officerName,
      declarationSha256: source.latestVersion?.sha256,
    },
    { documentStoreAddress: getEnv().ANCHOR_CONTRACT_ADDRESS!, issuerName: `Customs administration (${location})`, identityLocation: location },
  );
  const outcome = await publishWithRetry(anchor, merkleRoot, { attempts: 3, baseDelayMs: 500 });
  if (!outcome.ok) throw outcome.error;
  await sqlTransaction((sql) =>
    recordAudit(sql, {
      actor,
      action: 'declaration.release_note_attest',
      targetType: 'declaration',
      targetId: d.id,
      details: { merkleRoot, txHash: outcome.receipt.txHash, chainId: outcome.receipt.chainId, contractAddress: outcome.receipt.contractAddress },
    }),
  );
  return { document, merkleRoot, receipt: outcome.receipt, fileName: `release-note-${note.mrn}.oa.json` };
}
