/**
 * Who may see which units: everything (office, signer, admin), or one unit (its officers). Reads
 * of unit data take it in their signature, so a read that forgets the caller's unit does not compile.
 */
export type UnitScope = { kind: 'all' } | { kind: 'unit'; unitId: string };
