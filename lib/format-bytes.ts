// A size limit in words for an error a person reads: "64 KiB", "1 GiB", else the exact bytes — a
// limit of 2,000 bytes must read "2000 bytes", not "0 MiB" or a rounded "2 KiB".
export function formatBytes(n: number): string {
  for (const [unit, size] of [['GiB', 1024 ** 3], ['MiB', 1024 ** 2], ['KiB', 1024]] as const) {
    if (n >= size && n % size === 0) return `${n / size} ${unit}`;
  }
  return `${n} bytes`;
}
