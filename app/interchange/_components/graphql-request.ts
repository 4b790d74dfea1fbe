// The interchange page's calls to /api/graphql (the session cookie rides along, same origin): the data,
// or the first problem. The server words its own problems in the page's language (Accept-Language, as
// the API picks it; docs/languages.md); the ones found here are a RequestProblem that the component says
// from the catalogue (interchange.problem.*).
export type ProblemKey = 'connectionLost' | 'sessionEnded' | 'noAnswer' | 'unreadable';

export class RequestProblem extends Error {
  constructor(
    readonly key: ProblemKey,
    readonly values: { status?: number } = {},
  ) {
    super(key);
  }
}

/** The sentence to show for a failed call: a RequestProblem in the reader's language, else the server's own. */
export function problemText(error: unknown, say: (key: `problem.${ProblemKey}`, values: { status?: number }) => string): string {
  return error instanceof RequestProblem ? say(`problem.${error.key}`, error.values) : (error as Error).message;
}

export async function graphqlRequest<T>(query: string, variables: Record<string, unknown>, locale: string): Promise<T> {
  let res: Response;
  try {
    res = await fetch('/api/graphql', { method: 'POST', headers: { 'content-type': 'application/json', 'accept-language': locale }, body: JSON.stringify({ query, variables }) });
  } catch {
    throw new RequestProblem('connectionLost');
  }
  if (res.status === 401) throw new RequestProblem('sessionEnded');
  const body = (await res.json().catch(() => null)) as { data?: T; errors?: { message: string }[] } | null;
  if (body?.errors?.length) throw new Error(body.errors[0]!.message);
  if (!body?.data) throw new RequestProblem('noAnswer', { status: res.status });
  return body.data;
}
