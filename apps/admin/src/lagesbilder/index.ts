import ArticleIcon from '@mui/icons-material/Article';
import type { RaRecord } from 'react-admin';
import { weekLabel } from '../shared/week.js';
import { lazyPage } from '../shared/lazy-page.js';

export default {
  list: lazyPage(() => import('./LagesbildList.js'), 'LagesbildList'),
  show: lazyPage(() => import('./LagesbildPage.js'), 'LagesbildPage'),
  icon: ArticleIcon,
  recordRepresentation: (record: RaRecord) => weekLabel(String(record.id)),
};
