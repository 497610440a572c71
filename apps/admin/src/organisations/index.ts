import BusinessIcon from '@mui/icons-material/Business';
import type { RaRecord } from 'react-admin';
import { OrganisationCreate } from './OrganisationCreate.js';
import { OrganisationEdit } from './OrganisationEdit.js';
import { OrganisationList } from './OrganisationList.js';

export default {
  list: OrganisationList,
  create: OrganisationCreate,
  edit: OrganisationEdit,
  icon: BusinessIcon,
  recordRepresentation: (record: RaRecord) => String(record.name ?? record.id),
};
