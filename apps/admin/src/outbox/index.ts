import OutboxIcon from '@mui/icons-material/Outbox';
import { lazyPage } from '../shared/lazy-page.js';

export default {
  list: lazyPage(() => import('./OutboxList.js'), 'OutboxList'),
  icon: OutboxIcon,
};
