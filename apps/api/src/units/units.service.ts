import {
  closeUnit,
  deactivateUnitUsers,
  endUserSessions,
  findCodesHeldOn,
  findLastOpenedPeriodDay,
  findNewestFormTemplateIds,
  findUnitAncestorIds,
  findUnitListRow,
  indicatorHoldersOn,
  insertAuditEntry,
  insertLineage,
  insertRestructuring,
  insertUnit,
  listRestructurings,
  listUnitsInForce,
  lockUnitChanges,
  moveUnitUsers,
  RestructuringRow,
  UNIT_KINDS,
  UnitListRow,
  updateUnitDetails,
} from '@app/database';
import { codesHeldBy, DomainError, planRestructuring, RestructuringFacts, RestructuringRequest, shiftDays } from '@app/domain';
import type { RestructureResultView } from '@app/contracts';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { SessionState } from '../auth/session-state.service';
import type { Actor } from '../common/actor';
import { CloseUnitDto, CreateUnitRequest, RestructureDto, UpdateUnitDto } from './units.dto';

export type RestructureResult = RestructureResultView;

/**
 * Units and their restructurings. A refused request writes nothing: every check runs on the facts
 * read inside the transaction (under one lock), before the first write.
 */
@Injectable()
export class UnitsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly sessions: SessionState,
  ) {}

  list(day: string | null): Promise<UnitListRow[]> {
    return listUnitsInForce(this.db, day);
  }

  restructurings(): Promise<RestructuringRow[]> {
    return listRestructurings(this.db);
  }

  /** The indicators a unit fills on a day (newest form versions, restructurings applied). */
  async heldIndicators(code: string, day: string): Promise<string[]> {
    const unit = await this.mustFind(this.db, code);
    const ids = await findNewestFormTemplateIds(this.db);
    const held = new Set<string>();
    for (const id of ids) for (const c of await findCodesHeldOn(this.db, id, unit.id, day)) held.add(c);
    return [...held].sort();
  }

  async create(actor: Actor, dto: CreateUnitRequest): Promise<UnitListRow> {
    return this.db.transaction(async (m) => {
      await lockUnitChanges(m);
      if (await findUnitListRow(m, dto.code)) throw new DomainError('UNIT_CODE_TAKEN', `Mã đơn vị ${dto.code} đã được dùng.`);
      const parentId = dto.parentCode ? (await this.parentOf(m, dto.parentCode)).id : null;
      const id = await insertUnit(m, { code: dto.code, name: dto.name, kind: dto.kind, parentId, effectiveFrom: dto.effectiveFrom, email: dto.email ?? null });
      const row = (await findUnitListRow(m, dto.code))!;
      await insertAuditEntry(m, { submissionId: null, entityType: 'unit', entityId: id, action: 'unit.created', actorId: actor.id, after: { ...row } });
      return row;
    });
  }

  /** Renames, sets or removes the parent, changes the address. */
  async update(actor: Actor, code: string, dto: UpdateUnitDto): Promise<UnitListRow> {
    return this.db.transaction(async (m) => {
      await lockUnitChanges(m);
      const before = await this.mustFind(m, code);
      let parentId: string | null = before.parentCode ? (await findUnitListRow(m, before.parentCode))!.id : null;
      if (dto.parentCode !== undefined) {
        parentId = dto.parentCode === null ? null : (await this.parentOf(m, dto.parentCode)).id;
        if (parentId !== null && (parentId === before.id || (await findUnitAncestorIds(m, parentId)).includes(before.id))) {
          throw new DomainError('UNIT_PARENT_INVALID', `Đơn vị ${dto.parentCode} là cấp dưới của ${code}: không thể làm cấp trên.`, [{ field: 'parentCode', code: 'UNIT_PARENT_INVALID', message: 'Vòng lặp cấp trên.' }]);
        }
      }
      await updateUnitDetails(m, before.id, { name: dto.name ?? before.name, parentId, email: dto.email === undefined ? before.email : dto.email });
      const after = (await findUnitListRow(m, code))!;
      await insertAuditEntry(m, { submissionId: null, entityType: 'unit', entityId: before.id, action: 'unit.updated', actorId: actor.id, before: { ...before }, after: { ...after } });
      return after;
    });
  }

  /** Ends a unit that fills nothing any more (a unit with indicators is restructured, so they go somewhere). */
  close(actor: Actor, code: string, dto: CloseUnitDto): Promise<RestructureResult> {
    return this.restructure(actor, { effectiveDate: dto.effectiveDate, decision: dto.decision, close: [{ code, usersTo: dto.usersTo ?? null }] });
  }

  async restructure(actor: Actor, dto: RestructureDto): Promise<RestructureResult> {
    const req: RestructuringRequest = {
      effectiveDate: dto.effectiveDate,
      newUnits: (dto.newUnits ?? []).map((u) => ({ code: u.code, name: u.name, kind: u.kind, parentCode: u.parentCode ?? null, email: u.email ?? null })),
      transfers: (dto.transfers ?? []).map((t) => ({ from: t.from, to: t.to, indicators: t.indicators ?? null })),
      close: (dto.close ?? []).map((c) => ({ code: c.code, usersTo: c.usersTo ?? null })),
    };
    const ended: string[] = [];
    const result = await this.db.transaction(async (m) => {
      await lockUnitChanges(m);
      const { facts, ids } = await this.facts(m, req.effectiveDate);
      const { plan, errors } = planRestructuring(req, facts);
      if (!plan) throw new DomainError(errors[0].code, errors[0].message, errors);

      const restructuringId = await insertRestructuring(m, { effectiveDate: req.effectiveDate, decision: dto.decision, actorId: actor.id });
      for (const u of req.newUnits) {
        const parentId = u.parentCode ? (ids.get(u.parentCode) ?? null) : null;
        ids.set(u.code, await insertUnit(m, { code: u.code, name: u.name, kind: u.kind, parentId, effectiveFrom: req.effectiveDate, email: u.email ?? null }));
      }
      // a parent among the new units is known only once they all exist
      for (const u of req.newUnits.filter((x) => x.parentCode && !facts.units.has(x.parentCode))) {
        await updateUnitDetails(m, ids.get(u.code)!, { name: u.name, parentId: ids.get(u.parentCode!)!, email: u.email ?? null });
      }
      await insertLineage(
        m,
        restructuringId,
        req.effectiveDate,
        plan.lineage.map((l) => ({ predecessorId: ids.get(l.from)!, successorId: ids.get(l.to)!, code: l.code })),
      );
      const users: RestructureResult['users'] = [];
      ended.length = 0; // a transaction retried starts again
      for (const c of plan.closing) {
        const unitId = ids.get(c.code)!;
        if (!(await closeUnit(m, unitId, plan.eve, c.mergedInto))) throw new DomainError('UNIT_ALREADY_CLOSED', `Đơn vị ${c.code} đã kết thúc.`);
        const affected = c.usersTo === null ? await deactivateUnitUsers(m, unitId) : await moveUnitUsers(m, unitId, ids.get(c.usersTo)!);
        // a moved or deactivated user's tokens name the old unit: every session of theirs ends
        for (const u of affected) await endUserSessions(m, u.id);
        ended.push(...affected.map((u) => u.id));
        users.push({ unit: c.code, movedTo: c.usersTo, usernames: affected.map((u) => u.username) });
      }
      const result: RestructureResult = {
        id: restructuringId,
        effectiveDate: req.effectiveDate,
        created: req.newUnits.map((u) => u.code),
        closed: plan.closing.map((c) => c.code),
        lineage: plan.lineage,
        users,
      };
      await insertAuditEntry(m, {
        submissionId: null,
        entityType: 'unit_restructuring',
        entityId: restructuringId,
        action: 'unit.restructured',
        actorId: actor.id,
        after: { decision: dto.decision, newUnits: req.newUnits, closing: plan.closing, ...result },
      });
      return result;
    });
    for (const id of ended) await this.sessions.ended(id);
    return result;
  }

  /** The units, and who fills what on the eve of the effective date, read under the lock. */
  private async facts(m: EntityManager, day: string): Promise<{ facts: RestructuringFacts; ids: Map<string, string> }> {
    const units = await listUnitsInForce(m, null);
    const lastOpenedDay = await findLastOpenedPeriodDay(m);
    const ids = new Map(units.map((u) => [u.code, u.id]));
    const codeOf = new Map(units.map((u) => [u.id, u.code]));
    const heldOnEve = new Map<string, Set<string>>();
    if (/^\d{4}-\d{2}-\d{2}$/.test(day)) {
      const holders = await indicatorHoldersOn(m, await findNewestFormTemplateIds(m), shiftDays(day, -1));
      for (const unitId of new Set([...holders.values()].flatMap((s) => [...s]))) heldOnEve.set(codeOf.get(unitId)!, codesHeldBy(holders, unitId));
    }
    return {
      facts: {
        units: new Map(units.map((u) => [u.code, { code: u.code, effectiveFrom: u.effectiveFrom, effectiveTo: u.effectiveTo }])),
        heldOnEve,
        lastOpenedDay,
        unitKinds: UNIT_KINDS,
      },
      ids,
    };
  }

  private async mustFind(m: DataSource | EntityManager, code: string): Promise<UnitListRow> {
    const row = await findUnitListRow(m, code);
    if (!row) throw new DomainError('UNIT_NOT_FOUND', `Không có đơn vị ${code}.`);
    return row;
  }

  private async parentOf(m: EntityManager, code: string): Promise<UnitListRow> {
    const row = await findUnitListRow(m, code);
    if (!row) throw new DomainError('UNIT_PARENT_INVALID', `Đơn vị cấp trên ${code} không có.`, [{ field: 'parentCode', code: 'UNIT_PARENT_INVALID', message: `Không có đơn vị ${code}.` }]);
    return row;
  }
}
