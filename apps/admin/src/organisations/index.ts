import BusinessIcon from '@mui/icons-material/Business';
import type { RaRecord } from 'react-admin';
import { lazyPage } from '../shared/lazy-page.js';

export default {
  list: lazyPage(() => import('./OrganisationList.js'), 'OrganisationList'),
  create: lazyPage(() => import('./OrganisationCreate.js'), 'OrganisationCreate'),
  edit: lazyPage(() => import('./OrganisationEdit.js'), 'OrganisationEdit'),
  icon: BusinessIcon,
  recordRepresentation: (record: RaRecord) => String(record.name ?? record.id),
};
