import DateRangeIcon from '@mui/icons-material/DateRange';
import type { RaRecord } from 'react-admin';
import { weekLabel } from '../shared/week.js';
import { lazyPage } from '../shared/lazy-page.js';

export default {
  list: lazyPage(() => import('./PeriodList.js'), 'PeriodList'),
  show: lazyPage(() => import('./PeriodShow.js'), 'PeriodShow'),
  icon: DateRangeIcon,
  recordRepresentation: (record: RaRecord) => weekLabel(String(record.id)),
};
