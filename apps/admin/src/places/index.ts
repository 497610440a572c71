import PlaceIcon from '@mui/icons-material/Place';
import type { RaRecord } from 'react-admin';
import { PlaceCreate } from './PlaceCreate.js';
import { PlaceEdit } from './PlaceEdit.js';
import { PlaceList } from './PlaceList.js';

export default {
  list: PlaceList,
  create: PlaceCreate,
  edit: PlaceEdit,
  icon: PlaceIcon,
  recordRepresentation: (record: RaRecord) => String(record.name ?? record.id),
};
