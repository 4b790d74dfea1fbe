// What the steps of the declaration form get from the form that holds the state.
import { type FieldBinding } from '../../_components/form/bound-fields';
import type { DeclarationFormValues } from './form-model';

/** A draft (saved, edited, submitted) or an amendment of a submitted declaration (with its reason). */
export type FormMode = { kind: 'draft' } | { kind: 'amend'; nextVersion: number };

export interface FormApi {
  mode: FormMode;
  state: DeclarationFormValues;
  /** Value, error and handlers of the field with this key ("lrn", "items.0.grossMass"; "reason" when amending). */
  bind: (key: string) => FieldBinding;
  update: (key: string, value: string) => void;
  /** Several fields at once (e.g. the HS picker sets code and label). */
  updateMany: (changes: Record<string, string>) => void;
  addContainer: () => void;
  removeContainer: (index: number) => void;
  addItem: () => void;
  removeItem: (index: number) => void;
  /** Error of a whole list ("items": none yet), shown next to its add button. */
  listError: (key: 'items' | 'containers') => string | undefined;
  goTo: (step: number) => void;
}
