import HistoryIcon from '@mui/icons-material/History';
import { AuditList } from './AuditList.js';

export default {
  list: AuditList,
  icon: HistoryIcon,
};
