import DateRangeIcon from '@mui/icons-material/DateRange';
import type { RaRecord } from 'react-admin';
import { weekLabel } from '../shared/week.js';
import { PeriodList } from './PeriodList.js';
import { PeriodShow } from './PeriodShow.js';

export default {
  list: PeriodList,
  show: PeriodShow,
  icon: DateRangeIcon,
  recordRepresentation: (record: RaRecord) => weekLabel(String(record.id)),
};
