import HistoryIcon from '@mui/icons-material/History';
import { lazyPage } from '../shared/lazy-page.js';

export default {
  list: lazyPage(() => import('./AuditList.js'), 'AuditList'),
  icon: HistoryIcon,
};
