import { getEnv } from '../../env';
import { createAnchorSigner } from './create-anchor-signer';
import { createEvmAnchor } from './create-evm-anchor';
import type { LedgerAnchor } from './ledger-anchor';

const VARIABLES = ['ANCHOR_RPC_URL', 'ANCHOR_PRIVATE_KEY', 'ANCHOR_CONTRACT_ADDRESS'] as const;

let cached: { key: string; anchor: LedgerAnchor } | undefined;

/**
 * The configured anchor, or null when none is ("embedded only": checkpoints stay in the database).
 * Half a configuration is an error rather than silently no anchor, so an operator notices at start.
 */
export function getLedgerAnchor(): LedgerAnchor | null {
  const env = getEnv();
  const missing = VARIABLES.filter((name) => !env[name]);
  if (missing.length === VARIABLES.length) return null;
  if (missing.length > 0) {
    throw new Error(`Invalid configuration:\n${missing.map((name) => `  ${name}: required when any ANCHOR_* variable is set`).join('\n')}`);
  }
  const rpcUrl = env.ANCHOR_RPC_URL!;
  const privateKey = env.ANCHOR_PRIVATE_KEY!;
  const contractAddress = env.ANCHOR_CONTRACT_ADDRESS!;
  // One instance per configuration, so its transactions stay serialised (see createEvmAnchor).
  const key = `${rpcUrl}\n${contractAddress}\n${privateKey}`;
  if (cached?.key !== key) {
    cached = { key, anchor: createEvmAnchor({ signer: createAnchorSigner({ rpcUrl, privateKey }), contractAddress }) };
  }
  return cached.anchor;
}
