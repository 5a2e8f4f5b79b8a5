/** The unread-notification count in the header; refetched when the change marker moves. */
import { reactive } from 'vue';
import { listNotifications } from '../api/notifications';

export const unread = reactive({ count: 0 });

export async function refreshUnread(): Promise<void> {
  const res = await listNotifications({ unreadOnly: true, limit: 1 });
  unread.count = res.unreadCount;
}
