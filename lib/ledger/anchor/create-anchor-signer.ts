import { ethers } from 'ethers';

import { AppError } from '../../errors';

export interface AnchorSignerOptions {
  rpcUrl: string;
  privateKey: string;
  /** Per JSON-RPC request; ethers' default (2 minutes) would hold a background job far too long. */
  timeoutMs?: number;
}

/** A wallet on an HTTP(S) JSON-RPC endpoint, for the anchor and the deploy script. */
export function createAnchorSigner({ rpcUrl, privateKey, timeoutMs = 20_000 }: AnchorSignerOptions): ethers.Wallet {
  if (!/^https?:\/\//i.test(rpcUrl)) {
    throw new AppError('BAD_USER_INPUT', 'The anchor RPC URL must be an http(s) JSON-RPC endpoint.', {
      fieldErrors: [{ path: ['rpcUrl'], code: 'INVALID', message: 'Expected http:// or https://.' }],
    });
  }
  // Static: the chain id is asked once and cached, instead of before every call as JsonRpcProvider does.
  const provider = new ethers.providers.StaticJsonRpcProvider({ url: rpcUrl, timeout: timeoutMs });
  try {
    return new ethers.Wallet(privateKey, provider);
  } catch (error) {
    // ethers' own message would quote the key.
    throw new AppError('BAD_USER_INPUT', 'The anchor private key is not a valid secp256k1 key.', {
      fieldErrors: [{ path: ['privateKey'], code: 'INVALID', message: 'Expected 32 bytes of hex.' }],
    }, { cause: error instanceof Error ? new Error(error.name) : undefined });
  }
}
