export type Role = 'officer' | 'reviewer' | 'signer' | 'clerk' | 'admin';

export interface Me {
  id: string;
  username: string;
  fullName: string;
  role: Role;
  isLead: boolean;
  email: string | null;
  unit: { id: string; code: string; name: string } | null;
  /** 'YYYY-MM-DD': today in Vietnam on the server's clock (the demo plays May 2024) */
  today: string;
  /** the administrator set the password: the web app asks for a new one before anything else */
  mustChangePassword: boolean;
}

export interface LoginAnswer {
  /** kept in memory only; the session goes on through the refresh cookie (POST /api/auth/refresh) */
  accessToken: string;
  /** seconds the access token lives */
  expiresIn: number;
  /** the password was set by the administrator: only the password change is allowed until it is done */
  mustChangePassword: boolean;
  user: { id: string; username: string; role: Role; unitId: string | null };
}

export interface UnitView {
  id: string;
  code: string;
  name: string;
  kind: string;
  /** the parent unit's code (districts, communes), if any */
  parentCode: string | null;
  effectiveFrom: string;
  effectiveTo: string | null;
  mergedIntoCode: string | null;
  email: string | null;
}

export interface UserView {
  id: string;
  username: string;
  fullName: string;
  role: Role;
  unitId: string | null;
  email: string | null;
  isLead: boolean;
  active: boolean;
  /** the administrator set the password, and the user has not changed it yet */
  mustChangePassword: boolean;
  createdAt: string;
}

/** One lineage row of a restructuring: `to` fills indicator `code` in place of `from` from the effective date. */
export interface LineageView {
  from: string;
  to: string;
  code: string;
}

/** Sáp nhập, chia tách, điều chuyển chỉ tiêu: what one restructuring did. */
export interface RestructureResultView {
  id: string;
  effectiveDate: string;
  created: string[];
  closed: string[];
  lineage: LineageView[];
  /** the users of each closed unit: moved to a unit, or deactivated (movedTo null) */
  users: Array<{ unit: string; movedTo: string | null; usernames: string[] }>;
}

export interface RestructuringView {
  id: string;
  effectiveDate: string;
  decision: string;
  actorUsername: string | null;
  createdAt: string;
  lineage: LineageView[];
}

/** An account the administrator creates (POST /api/users): the password is changed at first login. */
export interface NewAccount {
  username: string;
  password: string;
  fullName: string;
  role: Role;
  unitCode?: string;
  email?: string;
  isLead?: boolean;
}
