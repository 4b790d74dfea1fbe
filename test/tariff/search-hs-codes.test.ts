import { describe, expect, it } from 'vitest';

import { formatHsCode, getHsCode } from '../../lib/tariff/get-hs-code';
import { searchHsCodes } from '../../lib/tariff/search-hs-codes';

describe('searchHsCodes', () => {
  it('finds entries by code prefix, ignoring dots and spaces, ordered by code', async () => {
    const page = await searchHsCodes({ search: '8471.3', first: 100 });
    expect(page.edges.map((e) => e.node.code)).toEqual(['847130']);
    const heading = await searchHsCodes({ search: '09 01', first: 100 });
    expect(heading.edges.map((e) => e.node.code)).toEqual(['0901', '090111', '090112', '090121', '090122', '090190']);
    expect(heading.totalCount).toBe(6);
  });

  it('finds entries containing every word, case-insensitively', async () => {
    const page = await searchHsCodes({ search: 'COFFEE roasted', first: 100 });
    const codes = page.edges.map((e) => e.node.code);
    expect(codes).toEqual(expect.arrayContaining(['090121', '090122']));
    for (const { node } of page.edges) {
      expect(node.description.toLowerCase()).toContain('coffee');
      expect(node.description.toLowerCase()).toContain('roasted');
    }
  });

  it('filters by level', async () => {
    const chapters = await searchHsCodes({ level: 'CHAPTER', first: 100 });
    expect(chapters.totalCount).toBe(97);
    expect(chapters.edges.every((e) => e.node.code.length === 2)).toBe(true);
    const subheadings = await searchHsCodes({ level: 'SUBHEADING', first: 1 });
    expect(subheadings.totalCount).toBe(5613);
  });

  it('pages through results without gaps or repeats', async () => {
    const seen: string[] = [];
    let after: string | undefined;
    let pages = 0;
    do {
      const page = await searchHsCodes({ search: '0901', first: 4, after });
      seen.push(...page.edges.map((e) => e.node.code));
      after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor! : undefined;
      pages++;
    } while (after);
    expect(pages).toBe(2);
    expect(seen).toEqual(['0901', '090111', '090112', '090121', '090122', '090190']);
  });

  it('says which field is wrong', async () => {
    await expect(searchHsCodes({ first: 500 })).rejects.toMatchObject({
      code: 'BAD_USER_INPUT',
      details: { fieldErrors: [{ path: ['first'], message: 'first is at most 100.' }] },
    });
    await expect(searchHsCodes({ search: 'x'.repeat(201) })).rejects.toMatchObject({
      details: { fieldErrors: [{ path: ['search'] }] },
    });
    await expect(searchHsCodes({ after: Buffer.from('other:1').toString('base64url') })).rejects.toMatchObject({
      code: 'BAD_USER_INPUT',
      details: { fieldErrors: [{ path: ['after'] }] },
    });
  });

  it('returns an empty page, not an error, when nothing matches', async () => {
    const page = await searchHsCodes({ search: 'unobtainium' });
    expect(page).toEqual({ edges: [], pageInfo: { hasNextPage: false, endCursor: null }, totalCount: 0 });
  });
});

describe('getHsCode', () => {
  it('reads a code written with a dot', async () => {
    expect(await getHsCode('8471.30')).toMatchObject({ code: '847130', level: 6, parentCode: '8471', sectionId: 'XVI' });
  });
  it('answers null for codes that do not exist or are malformed', async () => {
    expect(await getHsCode('847199')).toBeNull();
    expect(await getHsCode('12345')).toBeNull();
    expect(await getHsCode('abc')).toBeNull();
  });
  it('formats subheadings with a dot', () => {
    expect(formatHsCode('847130')).toBe('8471.30');
    expect(formatHsCode('8471')).toBe('8471');
  });
});
