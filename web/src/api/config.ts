/** Admin configuration documents: routing rules, SLA policy, authority thresholds. */
import { callable } from './call';
import type { AdminSaveConfigResult, ConfigName, ConfigView } from './pending';

export const getConfig = callable<{ name: ConfigName }, ConfigView>('getConfig');
export const adminSaveConfig = callable<{ name: ConfigName; doc: unknown; reason: string }, AdminSaveConfigResult>('adminSaveConfig');
