import PentagonIcon from '@mui/icons-material/Pentagon';
import type { RaRecord } from 'react-admin';
import { lazyPage } from '../shared/lazy-page.js';

export default {
  list: lazyPage(() => import('./AreaList.js'), 'AreaList'),
  edit: lazyPage(() => import('./AreaEdit.js'), 'AreaEdit'),
  icon: PentagonIcon,
  recordRepresentation: (record: RaRecord) => String(record.name ?? record.id),
};
