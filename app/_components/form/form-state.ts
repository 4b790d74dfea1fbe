// What the portal forms' server actions answer (identity, company, declaration and tracking forms): problems
// a person can fix come back as field errors and a message for the form to show, never thrown. `values`
// is what was typed (never a password), shown again because React resets a form after its action ran.
import type { FieldError } from '../../../lib/errors';

export interface FormState<R = undefined> {
  ok: boolean;
  message: string | null;
  fieldErrors: FieldError[];
  values?: Record<string, string>;
  /** What a successful action hands back to show once (an invitation link, an API token's secret). */
  result?: R;
}

export const INITIAL_FORM_STATE: FormState<never> = { ok: false, message: null, fieldErrors: [] };

/** The first error the server reported for a field of the form (by its name). */
export function errorOf(state: FormState<unknown>, name: string): string | undefined {
  return state.ok ? undefined : state.fieldErrors.find((f) => f.path[0] === name)?.message;
}
