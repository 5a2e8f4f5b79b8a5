/**
 * Contracts of the configuration screens for admins (issue 8.9): routing rules, SLA policy and
 * the settlement-authority thresholds, validated by the same zod schemas the server uses.
 * No Firebase import.
 */
import { z } from 'zod';
import { AuthorityConfig, RoutingConfig } from '../routing';
import { SlaPolicy } from '../sla';

export const ConfigName = z.enum(['routing', 'sla', 'authority']);
export type ConfigName = z.infer<typeof ConfigName>;

/** The schema each editable configuration is validated with (authority is part of `config/routing`). */
export const CONFIG_SCHEMAS = {
  routing: RoutingConfig,
  sla: SlaPolicy,
  authority: AuthorityConfig.nullable(),
} as const;

export const GetConfigInput = z.object({ name: ConfigName }).strict();
export type GetConfigInput = z.infer<typeof GetConfigInput>;

const reason = z.string().trim().min(1, 'say why').max(1000);

/** `doc` is validated by the configuration's own schema; errors name its fields (`doc.rules.0.to`). */
export const AdminSaveConfigInput = z.discriminatedUnion('name', [
  z.object({ name: z.literal('routing'), doc: RoutingConfig, reason }).strict(),
  z.object({ name: z.literal('sla'), doc: SlaPolicy, reason }).strict(),
  z.object({ name: z.literal('authority'), doc: AuthorityConfig.nullable(), reason }).strict(),
]);
export type AdminSaveConfigInput = z.infer<typeof AdminSaveConfigInput>;

export type ConfigDoc<N extends ConfigName> = z.infer<(typeof CONFIG_SCHEMAS)[N]>;

export interface ConfigView<N extends ConfigName = ConfigName> {
  name: N;
  doc: ConfigDoc<N>;
  /** true while nothing is stored and the built-in defaults apply. */
  isDefault: boolean;
  updatedAt: string | null;
  updatedByName: string | null;
}

export interface AdminSaveConfigResult {
  name: ConfigName;
  /** Fields that changed (dotted paths); empty when the saved document equals the stored one. */
  changed: string[];
  auditId: string | null;
}
