/**
 * A path cut back to the deepest field the form has: a problem with one next level of an approver
 * (`approvers.0.fallback.1.role`) belongs to the select of next levels (`approvers.0.fallback`).
 * A path no field of the form starts stays as it is (and is shown above the form).
 */
export function toFormField(path: string, fields: readonly string[]): string {
  const known = new Set(fields);
  const parts = path.split('.');
  for (let length = parts.length; length > 0; length -= 1) {
    const candidate = parts.slice(0, length).join('.');
    if (known.has(candidate)) return candidate;
  }
  return path;
}

/** `approvalRouting.2.label` → `label` for the rule at 2; other paths unchanged. */
export const within = (prefix: string) => (path: string) => (path.startsWith(`${prefix}.`) ? path.slice(prefix.length + 1) : path);
