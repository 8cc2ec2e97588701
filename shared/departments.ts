/** A department and every department below it, by code (the scope of "own department"). */
export function departmentSubtreeCodes(departments: readonly { code: string; parentCode: string | null }[], root: string): Set<string> {
  const scope = new Set([root]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const department of departments) {
      if (department.parentCode !== null && scope.has(department.parentCode) && !scope.has(department.code)) {
        scope.add(department.code);
        grew = true;
      }
    }
  }
  return scope;
}
