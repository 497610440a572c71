import AssignmentIcon from '@mui/icons-material/Assignment';
import type { RaRecord } from 'react-admin';
import { weekLabel } from '../shared/week.js';
import { lazyPage } from '../shared/lazy-page.js';

export default {
  list: lazyPage(() => import('./ReportList.js'), 'ReportList'),
  edit: lazyPage(() => import('./ReportPage.js'), 'ReportEdit'),
  show: lazyPage(() => import('./ReportPage.js'), 'ReportShow'),
  icon: AssignmentIcon,
  recordRepresentation: (record: RaRecord) => weekLabel(String(record.period ?? '')),
};
