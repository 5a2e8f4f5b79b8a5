/** Every area of the web client beyond tickets and administration, in navigation order. */
import calendar from './calendar';
import clients from './clients';
import kpis from './kpis';
import publicPages from './public';
import surveys from './surveys';
import type { WebArea } from './types';
import workorders from './workorders';

export const AREAS: readonly WebArea[] = [clients, workorders, surveys, kpis, calendar, publicPages];
