// Checks a scan pulled from a partner (Query.partnerScans) against the partner ledger's pinned key, with
// the ledger's own verifier (lib/ledger/verify-proof.ts, the code /verify runs in the browser) and nothing
// the partner's server says about itself: the metadata is canonical JSON (RFC 8785) hashing to the item of
// a proof whose entry is `scan/<id>/metadata`; every image's bytes hash to the item of a `scan-image`
// proof; the verdict record, when there is one, hashes to a `scan-verdict` proof of `scan/<id>/verdict`
// and names exactly these images. Each proof leads to a checkpoint signed by the pinned key.
// A proof still missing (the partner's next checkpoint will cover the item) is "pending", not a refusal.
import { createHash } from 'node:crypto';

import canonicalize from 'canonicalize';

import { verifyProofBundle, type ProofBundle } from '../ledger/verify-proof';

/** A scan as pull-partner-scans.ts asks for it. */
export interface PulledPartnerScan {
  id: string;
  containerNumber: string | null;
  metadataCanonical: string | null;
  metadataSha256: string;
  metadataProof: string | null;
  images: { sequence: number; sha256: string; contentBase64: string; proof: string | null }[];
  verdict: { verdict: string; record: string | null; recordSha256: string; proof: string | null } | null;
}

export type PartnerScanVerification =
  | { status: 'verified'; metadata: Record<string, unknown>; images: { sequence: number; bytes: Buffer; sha256: string }[]; verdictRecord: string | null }
  | { status: 'pending'; reason: string }
  | { status: 'refused'; reason: string };

const sha256 = (data: Buffer | string) => createHash('sha256').update(data).digest('hex');

async function proofProblem(what: string, proofText: string, itemSha256: string, ledger: { publicKey: string; origin: string }, expect: { kind: string; ref?: RegExp }): Promise<string | null> {
  let bundle: ProofBundle;
  try {
    bundle = JSON.parse(proofText) as ProofBundle;
  } catch {
    return `${what}: the proof is not JSON.`;
  }
  const check = await verifyProofBundle(bundle, { publicKey: ledger.publicKey, origin: ledger.origin, itemSha256 });
  if (!check.ok) return `${what}: ${check.problems.join(' ')}`;
  if (check.entry!.kind !== expect.kind) return `${what}: the ledger entry is a ${check.entry!.kind}, not a ${expect.kind}.`;
  if (expect.ref && !expect.ref.test(check.entry!.ref)) return `${what}: the ledger entry is ${check.entry!.ref}, not this scan's.`;
  return null;
}

export async function verifyPartnerScan(scan: PulledPartnerScan, ledger: { publicKey: string; origin: string }): Promise<PartnerScanVerification> {
  const refused = (reason: string) => ({ status: 'refused', reason }) as const;
  const escaped = scan.id.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

  // The metadata.
  if (scan.metadataCanonical === null) return refused('The metadata was anchored before the canonical form (its hash covers the text as posted, which cannot be recomputed): not provable.');
  let metadata: unknown;
  try {
    metadata = JSON.parse(scan.metadataCanonical);
  } catch {
    return refused('The metadata is not JSON.');
  }
  if (!metadata || typeof metadata !== 'object' || Array.isArray(metadata)) return refused('The metadata is not a JSON object.');
  if (canonicalize(metadata) !== scan.metadataCanonical) return refused('The metadata is not in RFC 8785 canonical form.');
  if (!scan.metadataProof) return { status: 'pending', reason: 'No signed checkpoint covers the metadata yet.' };
  const metadataProblem = await proofProblem('Metadata', scan.metadataProof, sha256(scan.metadataCanonical), ledger, { kind: 'scan-image', ref: new RegExp(`^scan/${escaped}/metadata$`) });
  if (metadataProblem) return refused(metadataProblem);
  const listed = (metadata as { images?: unknown }).images;
  if (!Array.isArray(listed) || listed.length !== scan.images.length) return refused(`The metadata lists ${Array.isArray(listed) ? listed.length : 'no'} images; ${scan.images.length} were sent.`);

  // The images.
  const images: { sequence: number; bytes: Buffer; sha256: string }[] = [];
  for (const image of [...scan.images].sort((a, b) => a.sequence - b.sequence)) {
    const bytes = Buffer.from(image.contentBase64, 'base64');
    const hash = sha256(bytes);
    if (!image.proof) return { status: 'pending', reason: `No signed checkpoint covers image ${image.sequence} yet.` };
    // The earliest entry of these bytes is proved; the same bytes may have been posted with another scan first.
    const problem = await proofProblem(`Image ${image.sequence}`, image.proof, hash, ledger, { kind: 'scan-image', ref: /^scan\/[^/]+\/\d+$/ });
    if (problem) return refused(problem);
    images.push({ sequence: image.sequence, bytes, sha256: hash });
  }

  // The verdict, when given and still rebuildable by the partner.
  let verdictRecord: string | null = null;
  if (scan.verdict?.record) {
    if (!scan.verdict.proof) return { status: 'pending', reason: 'No signed checkpoint covers the verdict yet.' };
    const problem = await proofProblem('Verdict', scan.verdict.proof, sha256(scan.verdict.record), ledger, { kind: 'scan-verdict', ref: new RegExp(`^scan/${escaped}/verdict$`) });
    if (problem) return refused(problem);
    let named: unknown;
    try {
      named = (JSON.parse(scan.verdict.record) as { images?: unknown }).images;
    } catch {
      return refused('Verdict: the record is not JSON.');
    }
    if (JSON.stringify(named) !== JSON.stringify(images.map((i) => i.sha256))) return refused('Verdict: the record names other images than the ones sent.');
    verdictRecord = scan.verdict.record;
  }
  return { status: 'verified', metadata: metadata as Record<string, unknown>, images, verdictRecord };
}
