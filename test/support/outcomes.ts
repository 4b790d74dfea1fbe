// What a lib call that should fail failed with: its AppError code, field errors as `path:CODE`, message.
export async function codeOf(p: Promise<unknown>): Promise<{ code: string; fields: string[]; message: string }> {
  try {
    await p;
  } catch (error: any) {
    return { code: error.code, fields: (error.details?.fieldErrors ?? []).map((f: any) => `${f.path.join('.')}:${f.code}`), message: error.message };
  }
  throw new Error('expected an error');
}
