/** Refusals of the configuration screens (reason codes the web translates). Wire format: domain/refusal.ts. */
import type { Catalogue } from '../refusal';

export const CONFIG_REFUSALS = {
  'config.admin_only': { 'zh-CN': '只有系统管理员可以修改配置', en: 'You may not change the configuration: only administrators may' },
  'config.read_not_allowed': { 'zh-CN': '您的角色（{role}）不能查看配置', en: 'Your role ({role}) may not read the configuration' },
  'config.stored_invalid': { 'zh-CN': '已存储的配置 {name} 无效，请重新保存', en: 'The stored {name} configuration is invalid: save it again' },
} as const satisfies Catalogue;
export type ConfigRefusal = keyof typeof CONFIG_REFUSALS;
