/** Who is signed in (whoAmI) and the per-user change marker the pages poll. */
import type { MeView } from '../../../functions/src/domain/api';
import { callable } from './call';
import type { ChangeMarkerView } from './pending';

type Empty = Record<string, never>;
const whoAmICall = callable<Empty, MeView>('whoAmI');
const markerCall = callable<Empty, ChangeMarkerView>('getChangeMarker');

export const whoAmI = (): Promise<MeView> => whoAmICall({});
export const getChangeMarker = (): Promise<ChangeMarkerView> => markerCall({});
