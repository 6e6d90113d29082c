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
}

export interface LoginAnswer {
  accessToken: string;
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
