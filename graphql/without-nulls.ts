// GraphQL gives an optional input that the client left out as null; lib's zod schemas (and their
// `z.input` types) expect it absent. One conversion at the GraphQL→lib boundary, typed, so that the
// compiler compares the generated input types with lib's instead of a cast hiding the difference.

type NullableKeys<T> = { [K in keyof T]-?: null extends T[K] ? K : never }[keyof T];

/** `T` with every null removed: nullable fields become optional fields, recursively. */
export type WithoutNulls<T> = T extends Date
  ? T
  : T extends readonly (infer U)[]
    ? WithoutNulls<U>[]
    : T extends object
      ? { [K in Exclude<keyof T, NullableKeys<T>>]: WithoutNulls<T[K]> } & { [K in NullableKeys<T>]?: WithoutNulls<Exclude<T[K], null>> }
      : T;

/** Drops null fields (an absent optional input) from objects, deeply; other values stay as they are. */
export function withoutNulls<T>(value: T): WithoutNulls<T>;
export function withoutNulls(value: unknown): unknown {
  if (value === null) return undefined;
  if (Array.isArray(value)) return value.map(withoutNulls);
  if (typeof value === 'object' && !(value instanceof Date)) {
    return Object.fromEntries(Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== null).map(([k, v]) => [k, withoutNulls(v)]));
  }
  return value;
}
