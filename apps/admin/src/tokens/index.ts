import VpnKeyIcon from '@mui/icons-material/VpnKey';
import type { RaRecord } from 'react-admin';
import { TokenCreate, TokenList } from './TokenList.js';

export default {
  list: TokenList,
  create: TokenCreate,
  icon: VpnKeyIcon,
  recordRepresentation: (record: RaRecord) => String(record.name ?? record.id),
};
