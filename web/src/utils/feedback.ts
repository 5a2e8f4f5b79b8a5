/**
 * Element Plus's programmatic messages and dialogs (imported with their styles: the template
 * resolver only sees <el-…> tags).
 */
import { ElMessage, ElMessageBox } from 'element-plus';
import 'element-plus/es/components/message/style/css';
import 'element-plus/es/components/message-box/style/css';
import { t } from '../locales';

export function toastOk(text: string): void {
  ElMessage({ type: 'success', message: text, grouping: true });
}

export function toastError(text: string): void {
  ElMessage({ type: 'error', message: text, grouping: true, duration: 6000 });
}

/** A yes/no dialog with explicit labels; resolves true only on the confirming button. */
export async function confirmAction(message: string, okLabel: string, cancelLabel: string, danger = false): Promise<boolean> {
  try {
    await ElMessageBox.confirm(message, t('confirmTitle'), {
      confirmButtonText: okLabel,
      cancelButtonText: cancelLabel,
      type: danger ? 'warning' : 'info',
      confirmButtonClass: danger ? 'el-button--danger' : '',
      distinguishCancelAndClose: true,
      autofocus: false,
    });
    return true;
  } catch {
    return false;
  }
}

/** Asks for a reason (recorded in the audit log); null when dismissed. Never `prompt()`. */
export async function askReason(message: string, okLabel: string, danger = false): Promise<string | null> {
  try {
    const { value } = await ElMessageBox.prompt(message, t('reasonTitle'), {
      confirmButtonText: okLabel,
      cancelButtonText: t('back'),
      inputValidator: (v: string) => (v && v.trim() !== '' && v.trim().length <= 1000) || t('vRequired'),
      inputPlaceholder: t('reasonPrompt'),
      confirmButtonClass: danger ? 'el-button--danger' : '',
      customClass: 'reason-box',
    });
    return typeof value === 'string' ? value.trim() : null;
  } catch {
    return null;
  }
}
