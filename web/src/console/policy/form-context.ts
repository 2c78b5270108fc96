// What every field of the policy form needs: the draft, how to change it, the errors by path, and
// whether the reader may edit (only the owner may; everyone else reads the same form).
import { createContext, useContext } from 'react';
import type { FieldErrors, Json, JsonObject, Path } from './draft.ts';

export interface PolicyForm {
  draft: JsonObject;
  set: (path: Path, value: Json | undefined) => void;
  errors: FieldErrors;
  readOnly: boolean;
  /** the store's currency: policy amounts (fees, ceilings) are minor units of it */
  currency: string;
}

export const PolicyFormContext = createContext<PolicyForm | null>(null);

export function usePolicyForm(): PolicyForm {
  const form = useContext(PolicyFormContext);
  if (!form) throw new Error('policy fields need a PolicyFormContext');
  return form;
}
