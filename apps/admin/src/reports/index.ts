import AssignmentIcon from '@mui/icons-material/Assignment';
import type { RaRecord } from 'react-admin';
import { weekLabel } from '../shared/week.js';
import { ReportList } from './ReportList.js';
import { ReportEdit, ReportShow } from './ReportPage.js';

export default {
  list: ReportList,
  edit: ReportEdit,
  show: ReportShow,
  icon: AssignmentIcon,
  recordRepresentation: (record: RaRecord) => weekLabel(String(record.period ?? '')),
};
