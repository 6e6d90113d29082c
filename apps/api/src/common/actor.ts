import type { Role } from '@app/domain';

/** The authenticated user, as the services see it. */
export interface Actor {
  id: string;
  username: string;
  role: Role;
  unitId: string | null;
  /** the administrator set the password: until the user changes it, only that is allowed */
  mustChangePassword?: boolean;
}
