import { findChangedSourceUnits, ReportRevision } from '@app/database';
import { DomainError } from '@app/domain';
import type { EntityManager } from 'typeorm';

/**
 * Before a revision goes to the signer or is signed: every submission it was composed from must still
 * be approved at the version it was composed from (409 REPORT_SOURCES_CHANGED with the units: it must
 * be consolidated again), and the units it lacks must each be named by the actor (409
 * REPORT_UNITS_MISSING with the units). Returns the missing units accepted, to record on the action.
 */
export async function checkSources(m: EntityManager, revision: ReportRevision, accepted: string[] | undefined): Promise<string[] | null> {
  // a revision composed before the sources were recorded (null) has nothing to compare
  const changed = revision.sourceVersions ? await findChangedSourceUnits(m, revision.sourceVersions) : [];
  if (changed.length > 0) {
    throw new DomainError(
      'REPORT_SOURCES_CHANGED',
      `Số liệu của ${changed.join(', ')} đã thay đổi (mở lại hoặc duyệt lại) sau khi bản số ${revision.number} được tổng hợp: cần tổng hợp lại trước khi trình ký hoặc ký.`,
      undefined,
      { units: changed, revision: revision.number },
    );
  }
  const missing = [...revision.missingUnits].sort();
  if (missing.length === 0) return null;
  const named = new Set(accepted ?? []);
  const unnamed = missing.filter((u) => !named.has(u));
  if (unnamed.length > 0) {
    throw new DomainError(
      'REPORT_UNITS_MISSING',
      `Bản số ${revision.number} còn thiếu số liệu của ${missing.join(', ')}: chỉ trình ký hoặc ký khi ghi rõ chấp nhận thiếu các đơn vị này.`,
      undefined,
      { units: missing, revision: revision.number },
    );
  }
  return missing;
}
