import type { CalendarEntryResult, FormDraftView, FormIndicatorSpec, YearPlansView } from '@app/contracts';
import type { ApiClient } from './api-client';
import { LANG_SON_2025 } from './restructuring-2025';

/**
 * The reference data of 2025 as the administrator keeps it, through the API (README "How a
 * province maintains its reference data through the year"): the year's days off in December, the
 * year's targets before January is opened, and after the 1 March 2025 restructuring a form version
 * from March whose sections the successor departments fill.
 */

/**
 * The days off of 2025 for public bodies. The days are those of /work/shared/reference/vn-context.md §5
 * (Tết Sat 25/1–Sun 2/2 with no make-up day; Giỗ Tổ Mon 7/4; 30/4–4/5 with Fri 2/5 off, made up on
 * Sat 26/4; Quốc khánh Sat 30/8–Tue 2/9, i.e. Mon 1/9 and Tue 2/9 off). The reference gives no
 * decision number: "Thông báo 6150/TB-LĐTBXH" (Tết and Quốc khánh, November 2024) is from the task
 * brief, and that the 26/4 ↔ 2/5 swap was announced with it is an inference — VERIFY both before
 * quoting them outside the demo.
 */
export const CALENDAR_2025 = {
  decision:
    'Thông báo số 6150/TB-LĐTBXH của Bộ Lao động – Thương binh và Xã hội về lịch nghỉ Tết Âm lịch, Quốc khánh năm 2025 đối với cán bộ, công chức, viên chức; hoán đổi ngày làm việc thứ Sáu 02/5/2025 sang thứ Bảy 26/4/2025 (dữ liệu mẫu, cần đối chiếu văn bản gốc)',
  lunar: { tet: '2025-01-29', hungKings: '2025-04-07' },
  daysOff: [
    { date: '2025-01-01', name: 'Tết Dương lịch' },
    { from: '2025-01-25', to: '2025-02-02', name: 'Tết Nguyên đán Ất Tỵ' },
    { date: '2025-04-07', name: 'Giỗ Tổ Hùng Vương (10/3 âm lịch)' },
    { from: '2025-04-30', to: '2025-05-04', name: 'Ngày Chiến thắng và Quốc tế Lao động (nghỉ thứ Sáu 02/5, làm bù thứ Bảy 26/4)' },
    { from: '2025-08-30', to: '2025-09-02', name: 'Quốc khánh' },
  ],
  makeUpDays: [{ date: '2025-04-26', name: 'Làm bù cho thứ Sáu 02/5/2025' }],
};

export async function enterCalendar2025(api: ApiClient, admin: string, log: (line: string) => void): Promise<CalendarEntryResult> {
  const answer = await api.call<CalendarEntryResult>(admin, 'PUT', '/calendar/2025', CALENDAR_2025);
  log(`Lịch nghỉ năm 2025 (${answer.year.daysOff.length} đợt nghỉ, ${answer.year.makeUpDays.length} ngày làm bù) theo ${CALENDAR_2025.decision.split(' của ')[0]}.`);
  return answer;
}

/** Synthetic targets of 2025 (the README says so): each target of 2024 in force at the year's end, plus 8%. */
export const PLAN_GROWTH_2025 = 1.08;
export const PLAN_DECISION_2025 = 'Nghị quyết của HĐND tỉnh về kế hoạch phát triển kinh tế - xã hội năm 2025 (chỉ tiêu mẫu, suy ra từ kế hoạch năm 2024)';

export function plan2025From(target2024: string): string {
  const grown = Number(target2024) * PLAN_GROWTH_2025;
  // two decimals at most: a target is typed, not computed
  return String(Math.round(grown * 100) / 100);
}

export async function enterPlans2025(api: ApiClient, admin: string, log: (line: string) => void): Promise<YearPlansView> {
  const last = await api.call<YearPlansView>(admin, 'GET', '/plans/2024');
  const lines = last.plans.flatMap((p) => {
    const inForce = p.revisions.length > 0 ? p.revisions[p.revisions.length - 1].target : p.target;
    return inForce === null ? [] : [{ indicatorCode: p.indicatorCode, target: plan2025From(inForce) }];
  });
  const entered = await api.call<YearPlansView>(admin, 'PUT', '/plans/2025', { lines });
  log(`Kế hoạch năm 2025: ${lines.length} chỉ tiêu (${PLAN_DECISION_2025}).`);
  return entered;
}

/** The form version of March 2025: what it adds, what it retires. */
export const FORM_2025 = {
  formCode: 'KTXH-THANG',
  effectiveFrom: '2025-03',
  added: {
    section: 'II.1.4/SNN',
    indicator: {
      code: 'ocop_products_recognized_month',
      name: 'Sản phẩm OCOP được công nhận trong tháng',
      unit: 'sản phẩm',
      kind: 'number',
      parent: null,
      hasCumulative: true,
      hasPlan: false,
      hasSamePeriod: false,
      aggregation: 'flow',
      required: false,
      min: '0',
      integerOnly: true,
      decimals: 0,
    } satisfies FormIndicatorSpec,
    /** the demo's synthetic figure of a month */
    demoFigure: (month: number) => 2 + (month % 4),
  },
  /** "Vị trí đề xuất xây dựng trạm BTS được xem xét, cho ý kiến": no longer asked monthly of Sở Khoa học và Công nghệ */
  retired: 'bts_site_proposals_reviewed',
} as const;

/**
 * After the restructuring, the administrator drafts the next version of the monthly form: every
 * section a merged department filled is now filled by its successor (publishing refuses a unit that
 * no longer exists on 1 March), one indicator is added and one retired; published from March 2025.
 */
export async function publishForm2025(api: ApiClient, admin: string, log: (line: string) => void): Promise<{ version: number; effectiveFrom: string }> {
  const draft = await api.call<FormDraftView>(admin, 'POST', '/form-drafts', { formCode: FORM_2025.formCode });
  const successor = new Map(LANG_SON_2025.flatMap((p) => p.from.map((from) => [from, p.to.code] as const)));
  const retired = draft.body.sections.flatMap((s) => s.indicators).find((i) => i.code === FORM_2025.retired);
  let moved = 0;
  const sections = draft.body.sections.map((s) => {
    const units = [...new Set(s.units.map((u) => successor.get(u) ?? u))];
    if (units.some((u, i) => u !== s.units[i]) || units.length !== s.units.length) moved++;
    let indicators = s.indicators.filter((i) => i.code !== FORM_2025.retired);
    if (s.code === FORM_2025.added.section) indicators = [...indicators, { ...FORM_2025.added.indicator }];
    return { ...s, units, indicators };
  });
  const { code: _code, ...body } = draft.body;
  const saved = await api.call<FormDraftView>(admin, 'PUT', `/form-drafts/${draft.id}`, { version: draft.version, body: { ...body, sections } });
  const published = await api.call<{ version: number; effectiveFrom: string }>(admin, 'POST', `/form-drafts/${draft.id}/publish`, {
    version: saved.version,
    effectiveFrom: FORM_2025.effectiveFrom,
  });
  log(
    `Biểu mẫu ${FORM_2025.formCode} phiên bản ${published.version}, áp dụng từ 01/3/2025: ${moved} mục giao cho các sở mới; ` +
      `thêm "${FORM_2025.added.indicator.name}", bỏ "${retired?.name ?? FORM_2025.retired}".`,
  );
  return published;
}
