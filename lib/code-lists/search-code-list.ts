// A code list's entries matching a search, by code first (a typed code is the common case), then by
// words in the name. Pure and browser-safe: GraphQL's Query.codeList and the portal's pickers agree.
import { CODE_LIST_DATA, CODE_LIST_NAMES, type CodeListEntry, type CodeListName } from './data';
import { fieldsNeedCorrecting } from '../validation';

export function isCodeListName(name: string): name is CodeListName {
  return (CODE_LIST_NAMES as string[]).includes(name);
}

export function searchCodeList(options: { name: string; search?: string | null; first?: number | null }): { name: CodeListName; entries: CodeListEntry[]; total: number } {
  const { name } = options;
  if (!isCodeListName(name)) {
    throw fieldsNeedCorrecting([{ path: ['name'], code: 'UNKNOWN', message: `No code list ${name}; the lists are ${CODE_LIST_NAMES.join(', ')}.` }]);
  }
  const first = options.first ?? 20;
  if (!Number.isInteger(first) || first < 1 || first > 500) {
    throw fieldsNeedCorrecting([{ path: ['first'], code: 'INVALID', message: 'first is 1 to 500.' }]);
  }
  const q = options.search?.trim().toLowerCase() ?? '';
  const all: readonly CodeListEntry[] = CODE_LIST_DATA[name].entries;
  const matched = !q
    ? [...all]
    : all
        .map((e) => ({ e, rank: e.code.toLowerCase() === q ? 0 : e.code.toLowerCase().startsWith(q) ? 1 : q.split(/\s+/).every((w) => e.name.toLowerCase().includes(w)) ? 2 : 3 }))
        .filter((r) => r.rank < 3)
        .sort((a, b) => a.rank - b.rank)
        .map((r) => r.e);
  return { name, entries: matched.slice(0, first), total: matched.length };
}
