import PlaceIcon from '@mui/icons-material/Place';
import type { RaRecord } from 'react-admin';
import { lazyPage } from '../shared/lazy-page.js';

export default {
  list: lazyPage(() => import('./PlaceList.js'), 'PlaceList'),
  create: lazyPage(() => import('./PlaceCreate.js'), 'PlaceCreate'),
  edit: lazyPage(() => import('./PlaceEdit.js'), 'PlaceEdit'),
  icon: PlaceIcon,
  recordRepresentation: (record: RaRecord) => String(record.name ?? record.id),
};
