/** The signed-in person's notifications. */
import type { z } from 'zod';
import type { ListNotificationsInput, MarkNotificationsReadInput, NotificationView } from '../../../functions/src/domain/api';
import { callable } from './call';

export const listNotifications = callable<z.input<typeof ListNotificationsInput>, { notifications: NotificationView[]; unreadCount: number }>('listNotifications');
export const markNotificationsRead = callable<z.input<typeof MarkNotificationsReadInput>, unknown>('markNotificationsRead');
