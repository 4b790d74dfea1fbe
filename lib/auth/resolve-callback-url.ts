// Where to send someone after signing in (or out): only a page of this portal. The address is resolved
// as a browser would resolve it against PUBLIC_URL, so tricks that a prefix check misses (`/\evil.example`,
// which browsers read as `//evil.example`, tabs and newlines, `https:evil.example`) end up on another
// origin and are refused.

/** The same-origin path (with query and fragment) of `url`, or `fallback` when it leads elsewhere. */
export function resolveCallbackUrl(url: string | null | undefined, publicUrl: string, fallback = '/declarations'): string {
  if (!url) return fallback;
  const base = new URL(publicUrl);
  let target: URL;
  try {
    target = new URL(url, base);
  } catch {
    return fallback;
  }
  if (target.origin !== base.origin) return fallback;
  return `${target.pathname}${target.search}${target.hash}`;
}
