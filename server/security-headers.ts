// Security headers of every answer, set by the one HTTP server before any route runs. Portal pages get a
// Content Security Policy with a fresh nonce per request: the policy is also put on the *request* that
// goes on to Next.js, which reads the nonce from it and puts it on every script it renders (its inline
// bootstrap and data scripts included), so no 'unsafe-inline' is needed for scripts.
import { randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';

import { getEnv } from '../lib/env';

// Pages whose address carries a live secret: no Referer may carry it to another page or site.
const TOKEN_PAGE = /^\/(?:reset-password|invite)\//;

/** Browser features the portal never uses (copying a secret to the clipboard stays allowed). */
const PERMISSIONS_POLICY = 'camera=(), microphone=(), geolocation=(), payment=(), usb=(), serial=(), hid=(), midi=(), display-capture=(), browsing-topics=()';

/** The headers every response carries, pages and API alike. */
export function setSecurityHeaders(res: ServerResponse, pathname: string): void {
  const env = getEnv();
  res.setHeader('x-content-type-options', 'nosniff');
  res.setHeader('x-frame-options', 'DENY');
  res.setHeader('referrer-policy', TOKEN_PAGE.test(pathname) ? 'no-referrer' : 'strict-origin-when-cross-origin');
  res.setHeader('permissions-policy', PERMISSIONS_POLICY);
  res.setHeader('cross-origin-opener-policy', 'same-origin');
  // Only where the portal is served over https: HSTS on plain http is ignored, and would be wrong to promise.
  if (new URL(env.PUBLIC_URL).protocol === 'https:') res.setHeader('strict-transport-security', 'max-age=31536000; includeSubDomains');
}

/** The policy of a portal page, for a nonce. */
function contentSecurityPolicy(nonce: string): string {
  const env = getEnv();
  const dev = env.NODE_ENV === 'development';
  // Sign-in with the OpenID Connect provider posts a form that redirects there.
  const formTargets = ["'self'", ...(env.OIDC_ISSUER ? [new URL(env.OIDC_ISSUER).origin] : [])];
  return [
    "default-src 'self'",
    // 'strict-dynamic': the chunks Next's nonce'd scripts load are trusted; dev mode's hot reload needs eval.
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ''}`,
    // Stylesheets are files; dev mode injects <style> elements. style="" attributes (React props) stay allowed.
    `style-src 'self' ${dev ? "'unsafe-inline'" : `'nonce-${nonce}'`}`,
    "style-src-attr 'unsafe-inline'",
    // QR codes and previews are data: and blob: images; the tracking map is inline SVG.
    "img-src 'self' data: blob:",
    "font-src 'self'",
    // Same origin covers the GraphQL subscriptions' WebSocket.
    "connect-src 'self'",
    "worker-src 'self' blob:",
    "object-src 'none'",
    "frame-src 'none'",
    "base-uri 'none'",
    `form-action ${formTargets.join(' ')}`,
    "frame-ancestors 'none'",
    ...(new URL(env.PUBLIC_URL).protocol === 'https:' ? ['upgrade-insecure-requests'] : []),
  ].join('; ');
}

/** For a request going on to Next.js: a fresh nonce, on the response's policy and on the request for Next to read. */
export function applyPagePolicy(req: IncomingMessage, res: ServerResponse): string {
  const nonce = randomBytes(16).toString('base64');
  const policy = contentSecurityPolicy(nonce);
  res.setHeader('content-security-policy', policy);
  req.headers['content-security-policy'] = policy;
  return nonce;
}
