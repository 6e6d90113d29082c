import { isIsoDate, shiftDays } from '../calendar/iso-date';
import type { ErrorDetail } from '../errors';
import type { IsoDate } from '../period';

/** What the administrator asks for: one restructuring, effective on the first day of a month. */
export interface RestructuringRequest {
  effectiveDate: string;
  /** units that begin on the effective date (a merger into a new unit) */
  newUnits: Array<{ code: string; name: string; kind: string; parentCode?: string | null; email?: string | null }>;
  /** indicators passing from one unit to another; `indicators` null: every indicator `from` fills */
  transfers: Array<{ from: string; to: string; indicators?: string[] | null }>;
  /** units that end the day before; their users go to `usersTo`, or are deactivated (null) */
  close: Array<{ code: string; usersTo?: string | null }>;
}

export interface UnitFact {
  code: string;
  effectiveFrom: IsoDate;
  effectiveTo: IsoDate | null;
}

/** What the database says on the eve of the effective date. */
export interface RestructuringFacts {
  units: ReadonlyMap<string, UnitFact>;
  /** unit code → the codes it fills the day before the effective date */
  heldOnEve: ReadonlyMap<string, ReadonlySet<string>>;
  /** the last day of the latest period already opened (its drafts name the units of that day) */
  lastOpenedDay: IsoDate | null;
  unitKinds: readonly string[];
}

/** One lineage row: `to` fills `code` from the effective date, in place of `from`. */
export interface LineageEntry {
  from: string;
  to: string;
  code: string;
}

export interface RestructuringPlan {
  lineage: LineageEntry[];
  /** closed unit → the unit its users join (null: deactivated) and the unit it merged into */
  closing: Array<{ code: string; usersTo: string | null; mergedInto: string | null }>;
  eve: IsoDate;
}

const CODE = /^[A-Z][A-Z0-9_-]{1,29}$/;

/** Checks a request against the facts: every problem with its stable code, or the plan to write (pure). */
export function planRestructuring(req: RestructuringRequest, facts: RestructuringFacts): { plan: RestructuringPlan | null; errors: ErrorDetail[] } {
  const errors: ErrorDetail[] = [];
  const fail = (code: ErrorDetail['code'], message: string, field?: string) => errors.push({ code, message, ...(field ? { field } : {}) });
  const day = req.effectiveDate;
  if (!isIsoDate(day) || !day.endsWith('-01')) {
    fail('UNIT_EFFECTIVE_DATE_INVALID', 'Ngày hiệu lực phải là ngày đầu của một tháng (YYYY-MM-01).', 'effectiveDate');
    return { plan: null, errors };
  }
  const eve = shiftDays(day, -1);
  if (facts.lastOpenedDay !== null && facts.lastOpenedDay >= day) {
    fail('UNIT_EFFECTIVE_DATE_IN_OPENED_PERIOD', `Kỳ báo cáo đến ngày ${facts.lastOpenedDay} đã được mở với các đơn vị cũ; ngày hiệu lực phải sau ngày đó.`, 'effectiveDate');
  }
  if (req.transfers.length === 0 && req.close.length === 0) fail('UNIT_RESTRUCTURE_EMPTY', 'Không có chỉ tiêu nào được chuyển và không có đơn vị nào kết thúc.');

  const fresh = new Set<string>();
  for (const [i, u] of req.newUnits.entries()) {
    if (!CODE.test(u.code)) fail('VALIDATION_FAILED', `Mã đơn vị "${u.code}" không hợp lệ (chữ in hoa, số, 2–30 ký tự).`, `newUnits[${i}].code`);
    else if (facts.units.has(u.code) || fresh.has(u.code)) fail('UNIT_CODE_TAKEN', `Mã đơn vị ${u.code} đã được dùng.`, `newUnits[${i}].code`);
    if (!facts.unitKinds.includes(u.kind)) fail('VALIDATION_FAILED', `Loại đơn vị "${u.kind}" không có.`, `newUnits[${i}].kind`);
    if (u.parentCode && !facts.units.has(u.parentCode) && !req.newUnits.some((n) => n.code === u.parentCode && n.code !== u.code)) {
      fail('UNIT_PARENT_INVALID', `Đơn vị cấp trên ${u.parentCode} không có.`, `newUnits[${i}].parentCode`);
    }
    fresh.add(u.code);
  }
  /** a unit that exists on the effective date, once the request is applied */
  const inForceAfter = (code: string) => fresh.has(code) || isInForce(facts.units.get(code), day);
  const knownUnit = (code: string, field: string): boolean => {
    if (fresh.has(code)) return true;
    const u = facts.units.get(code);
    if (!u) {
      fail('UNIT_NOT_FOUND', `Không có đơn vị ${code}.`, field);
      return false;
    }
    if (!isInForce(u, eve)) {
      fail('UNIT_ALREADY_CLOSED', `Đơn vị ${code} không còn hoạt động vào ngày ${eve}.`, field);
      return false;
    }
    return true;
  };

  const closing = new Set<string>();
  for (const [i, c] of req.close.entries()) {
    if (!knownUnit(c.code, `close[${i}].code`)) continue;
    if (fresh.has(c.code)) fail('UNIT_NOT_IN_FORCE', `Đơn vị mới ${c.code} không thể kết thúc ngay khi được lập.`, `close[${i}].code`);
    else if (closing.has(c.code)) fail('UNIT_ALREADY_CLOSED', `Đơn vị ${c.code} được kết thúc hai lần.`, `close[${i}].code`);
    const u = facts.units.get(c.code);
    if (u?.effectiveTo && isInForce(u, eve)) {
      fail('UNIT_ALREADY_CLOSED', `Đơn vị ${c.code} đã có ngày kết thúc ${u.effectiveTo}.`, `close[${i}].code`);
    }
    closing.add(c.code);
  }

  const lineage: LineageEntry[] = [];
  const taken = new Map<string, string>(); // predecessor:code → successor
  for (const [i, t] of req.transfers.entries()) {
    const fromOk = knownUnit(t.from, `transfers[${i}].from`);
    const toOk = fresh.has(t.to) || knownUnit(t.to, `transfers[${i}].to`);
    if (!fromOk || !toOk) continue;
    if (t.from === t.to) {
      fail('UNIT_TRANSFER_TO_SELF', `Đơn vị ${t.from} không thể nhận chỉ tiêu từ chính mình.`, `transfers[${i}]`);
      continue;
    }
    if (fresh.has(t.from)) {
      fail('UNIT_INDICATOR_NOT_HELD', `Đơn vị mới ${t.from} chưa có chỉ tiêu nào để chuyển.`, `transfers[${i}].from`);
      continue;
    }
    if (closing.has(t.to)) fail('UNIT_NOT_IN_FORCE', `Đơn vị ${t.to} kết thúc trong cùng lần sắp xếp này, không thể nhận chỉ tiêu.`, `transfers[${i}].to`);
    const held = facts.heldOnEve.get(t.from) ?? new Set<string>();
    const codes = t.indicators ?? [...held];
    if (codes.length === 0) fail('UNIT_INDICATOR_NOT_HELD', `Đơn vị ${t.from} không có chỉ tiêu nào để chuyển.`, `transfers[${i}].indicators`);
    for (const code of codes) {
      if (!held.has(code)) {
        fail('UNIT_INDICATOR_NOT_HELD', `Đơn vị ${t.from} không báo cáo chỉ tiêu ${code} vào ngày ${eve}.`, `transfers[${i}].indicators`);
        continue;
      }
      const key = `${t.from}:${code}`;
      if (taken.has(key)) {
        fail('UNIT_INDICATOR_TAKEN_TWICE', `Chỉ tiêu ${code} của ${t.from} được giao cho hai đơn vị (${taken.get(key)} và ${t.to}).`, `transfers[${i}].indicators`);
        continue;
      }
      taken.set(key, t.to);
      lineage.push({ from: t.from, to: t.to, code });
    }
  }

  const plannedClosing: RestructuringPlan['closing'] = [];
  for (const [i, c] of req.close.entries()) {
    if (!facts.units.has(c.code)) continue;
    const left = [...(facts.heldOnEve.get(c.code) ?? [])].filter((code) => !taken.has(`${c.code}:${code}`));
    if (left.length > 0) {
      fail('UNIT_INDICATORS_LEFT_BEHIND', `Đơn vị ${c.code} kết thúc nhưng các chỉ tiêu ${left.slice(0, 5).join(', ')}${left.length > 5 ? '…' : ''} chưa được giao cho đơn vị nào.`, `close[${i}]`);
    }
    const usersTo = c.usersTo ?? null;
    if (usersTo !== null && (!inForceAfter(usersTo) || closing.has(usersTo))) {
      fail('UNIT_USERS_TARGET_INVALID', `Người dùng của ${c.code} không thể chuyển sang ${usersTo}: đơn vị này không hoạt động từ ngày ${day}.`, `close[${i}].usersTo`);
    }
    const counts = new Map<string, number>();
    for (const l of lineage) if (l.from === c.code) counts.set(l.to, (counts.get(l.to) ?? 0) + 1);
    const mergedInto = [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0]?.[0] ?? null;
    plannedClosing.push({ code: c.code, usersTo, mergedInto });
  }
  return errors.length > 0 ? { plan: null, errors } : { plan: { lineage, closing: plannedClosing, eve }, errors };
}

function isInForce(u: UnitFact | undefined, day: IsoDate): boolean {
  return !!u && u.effectiveFrom <= day && (u.effectiveTo === null || u.effectiveTo >= day);
}
