import type { UnitScope } from '@app/database';
import type { Actor } from './actor';

/** Officers see their own unit only; the office, signers and administrators see every unit. */
export function unitScopeOf(actor: Actor): UnitScope {
  // an officer always has a unit (a check constraint on users); '' would match no unit anyway
  return actor.role === 'officer' ? { kind: 'unit', unitId: actor.unitId ?? '' } : { kind: 'all' };
}
