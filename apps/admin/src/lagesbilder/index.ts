import ArticleIcon from '@mui/icons-material/Article';
import type { RaRecord } from 'react-admin';
import { weekLabel } from '../shared/week.js';
import { LagesbildList } from './LagesbildList.js';
import { LagesbildPage } from './LagesbildPage.js';

export default {
  list: LagesbildList,
  show: LagesbildPage,
  icon: ArticleIcon,
  recordRepresentation: (record: RaRecord) => weekLabel(String(record.id)),
};
