import PeopleIcon from '@mui/icons-material/People';
import type { RaRecord } from 'react-admin';
import { lazyPage } from '../shared/lazy-page.js';

export default {
  list: lazyPage(() => import('./UserList.js'), 'UserList'),
  create: lazyPage(() => import('./UserCreate.js'), 'UserCreate'),
  edit: lazyPage(() => import('./UserEdit.js'), 'UserEdit'),
  icon: PeopleIcon,
  recordRepresentation: (record: RaRecord) => String(record.displayName ?? record.username ?? record.id),
};
