import type { Signature } from '../../../shared/contract';

/** A form rule for a SignatureField: the typed name is required; the drawn signature stays optional. */
export function signedRule(message: string) {
  return { validator: (_: unknown, value?: Partial<Signature>) => (value?.name?.trim() ? Promise.resolve() : Promise.reject(new Error(message))) };
}
