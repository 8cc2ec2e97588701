import { departmentSubtreeCodes } from '../../../shared/departments';
import { useCan } from '../app/ArchiveSettings';
import { useSession } from '../app/SessionProvider';
import { useChannel } from './use-channel';

/**
 * The departments the signed-in user may file dossiers into: every one for those who read across
 * departments, else the own one and those below it – the rule the core checks (owningDepartment).
 */
export function useFileableDepartments() {
  const { session } = useSession();
  const can = useCan();
  const departments = useChannel('department:list', {});
  const own = session?.user.department?.code;
  const scope = own ? departmentSubtreeCodes(departments.data ?? [], own) : new Set<string>();
  return { loading: departments.loading, departments: (departments.data ?? []).filter((d) => can('dossier.read-all') || scope.has(d.code)) };
}
