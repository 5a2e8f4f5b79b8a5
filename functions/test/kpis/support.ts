/** In-memory lifecycles for the KPI tests: the real lifecycle table, the routing patch, the stored event diff. */
import { DEPARTMENTS, STAFF } from '../../../test/support/fixtures';
import type { Actor } from '../../src/domain/actor';
import { createCalendar, defaultCalendarConfig } from '../../src/domain/calendar';
import { Ticket, type LifecycleTicket, type TicketEvent } from '../../src/domain/documents';
import { applyEffect, decide } from '../../src/domain/lifecycle/decide';
import type { LifecycleActor, LifecycleContext } from '../../src/domain/lifecycle/types';
import { defaultSlaPolicy } from '../../src/domain/sla';
import { kpiDeltaOf, type KpiDelta } from '../../src/domain/kpis/delta';
import { diff } from '../../src/store/tickets';

export const at = (s: string): Date => new Date(`${s.replace(' ', 'T')}:00+08:00`);
export const calendar = createCalendar(defaultCalendarConfig(2024, 2027));
const departments = Object.entries(DEPARTMENTS).map(([id, d]) => ({ id, ...d }));
const staff = new Map(Object.entries(STAFF).map(([uid, s]) => [uid, { deptId: s.deptId, disabled: s.disabled, displayName: s.displayName }]));

export function actor(uid: string): Actor {
  const s = STAFF[uid]!;
  return { uid, role: s.role, deptId: s.deptId, deptKind: DEPARTMENTS[s.deptId]?.kind ?? null, branchId: s.branchId, displayName: s.displayName, locale: s.locale };
}

export function ctx(now: Date): LifecycleContext {
  return { ticketId: 't-1', now, calendar, sla: defaultSlaPolicy(), departments, staff };
}

/** A ticket's life kept like the store keeps it: the ticket, its events (with diffs), the deltas the hooks applied. */
export class Life {
  ticket: LifecycleTicket;
  events: TicketEvent[];
  deltas: KpiDelta[] = [];
  constructor(over: Partial<LifecycleTicket> = {}, receivedAt = at('2025-11-17 10:00')) {
    this.ticket = Ticket.parse({
      number: 'HX-20251117-0001', kind: 'complaint', subject: 'goods_expired', channel: 'hotline', clientId: 'c-1',
      clientName: '万家便利店', clientTier: 'A', branchId: 'br-city', title: '买到过期牛奶', description: '', state: 'received',
      receivedAt, createdBy: 'u-intake', createdByDeptId: 'dept-cs', updatedAt: receivedAt, lastEventSeq: 1, ...over,
    });
    this.events = [{ seq: 1, type: 'received', at: receivedAt, actorUid: 'u-intake', actorName: 'x', from: null, to: 'received', changes: {}, note: '' }];
  }

  private record(patch: Partial<LifecycleTicket>, type: string, now: Date): void {
    const before = this.ticket;
    const after = applyEffect(before, { patch, eventType: type as never, note: '', notify: [] }, now);
    this.events.push({ seq: after.lastEventSeq, type, at: now, actorUid: 'x', actorName: 'x', from: before.state, to: after.state, changes: diff(before, patch), note: '' });
    const d = kpiDeltaOf(before, after, { type, at: now });
    if (d) this.deltas.push(d);
    this.ticket = after;
  }

  /** What routing (store/route-ticket.ts) writes. */
  route(deptId = 'dept-quality', now = this.ticket.receivedAt, dueAt = new Date(now.getTime() + 24 * 3600_000)): this {
    this.record({ state: 'assigned', ownerDeptId: deptId, dueAt, routing: { deptId, deptKind: 'quality', rule: 'test', reason: 'test', authority: null, authorityReason: null } }, 'assigned', now);
    return this;
  }

  /** Fires an action of the lifecycle table; throws when refused. */
  fire(uid: string | 'system', action: string, input: unknown, now: Date): this {
    const who: LifecycleActor = uid === 'system' ? 'system' : actor(uid);
    const d = decide(this.ticket, action, who, input, ctx(now));
    if (!d.ok) throw new Error(`${action} refused: ${d.code} ${d.message}`);
    this.record(d.effect.patch, d.effect.eventType, now);
    return this;
  }

  /** Tries an action; false when refused (random walks). */
  tryFire(uid: string | 'system', action: string, input: unknown, now: Date): boolean {
    const who: LifecycleActor = uid === 'system' ? 'system' : actor(uid);
    const d = decide(this.ticket, action, who, input, ctx(now));
    if (!d.ok) return false;
    this.record(d.effect.patch, d.effect.eventType, now);
    return true;
  }
}
