import { builtInRoleNames } from '../../../shared/permissions.js';
import { useRoles } from '../../api/queries.js';
import { roleLabel } from '../../i18n/labels.js';
import { useSession } from '../../session/session-context.js';

/**
 * The role names a picker offers: all roles when the user may read them, otherwise the
 * built-in ones (the server still decides whether the user may grant the chosen role).
 */
export function useRoleNames(): string[] {
  const session = useSession();
  const roles = useRoles(session.can('role.read'));
  return roles.data?.map((role) => role.name) ?? [...builtInRoleNames];
}

/** `<option>`s for role names, translated where built in. */
export function RoleOptions({ names }: { names: readonly string[] }) {
  return (
    <>
      {names.map((name) => (
        <option key={name} value={name}>
          {roleLabel(name)}
        </option>
      ))}
    </>
  );
}
