// The interchange page's calls to /api/graphql (the session cookie rides along, same origin): the data,
// or the first problem worded for a person.
export async function graphqlRequest<T>(query: string, variables: Record<string, unknown>): Promise<T> {
  let res: Response;
  try {
    res = await fetch('/api/graphql', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query, variables }) });
  } catch {
    throw new Error('The connection to the server was lost. Try again.');
  }
  if (res.status === 401) throw new Error('Your session has ended: sign in again.');
  const body = (await res.json().catch(() => null)) as { data?: T; errors?: { message: string }[] } | null;
  if (body?.errors?.length) throw new Error(body.errors[0]!.message);
  if (!body?.data) throw new Error(`The server did not answer (HTTP ${res.status}). Try again.`);
  return body.data;
}
