import VpnKeyIcon from '@mui/icons-material/VpnKey';
import type { RaRecord } from 'react-admin';
import { lazyPage } from '../shared/lazy-page.js';

export default {
  list: lazyPage(() => import('./TokenList.js'), 'TokenList'),
  create: lazyPage(() => import('./TokenList.js'), 'TokenCreate'),
  icon: VpnKeyIcon,
  recordRepresentation: (record: RaRecord) => String(record.name ?? record.id),
};
