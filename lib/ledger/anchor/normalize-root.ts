import { AppError } from '../../errors';

const ROOT = /^(0x)?([0-9a-fA-F]{64})$/;

/** A root as the contract wants it (bytes32: `0x` + 64 lowercase hex digits); refuses anything else. */
export function normalizeRoot(rootHex: string): string {
  const match = ROOT.exec(rootHex.trim());
  if (!match) {
    throw new AppError('BAD_USER_INPUT', 'A ledger root is 32 bytes of hex (64 digits, optionally 0x-prefixed).', {
      fieldErrors: [{ path: ['root'], code: 'INVALID', message: 'Expected 64 hex digits.' }],
    });
  }
  return `0x${match[2]!.toLowerCase()}`;
}
