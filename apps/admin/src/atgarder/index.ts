import AssignmentIcon from '@mui/icons-material/Assignment';
import ReportProblemIcon from '@mui/icons-material/ReportProblem';
import type { RaRecord } from 'react-admin';
import { lazyPage } from '../shared/lazy-page.js';

/** The problems the EST group works on (issue 19). */
export const problems = {
  list: lazyPage(() => import('./ProblemList.js'), 'ProblemList'),
  create: lazyPage(() => import('./ProblemCreate.js'), 'ProblemCreate'),
  edit: lazyPage(() => import('./ProblemEdit.js'), 'ProblemEdit'),
  show: lazyPage(() => import('./ProblemShow.js'), 'ProblemShow'),
  icon: ReportProblemIcon,
  recordRepresentation: (record: RaRecord) => String(record.title ?? record.id),
};

/** Actions (åtgärder) with owners and follow-ups. */
export const actions = {
  list: lazyPage(() => import('./ActionList.js'), 'ActionList'),
  create: lazyPage(() => import('./ActionCreate.js'), 'ActionCreate'),
  edit: lazyPage(() => import('./ActionEdit.js'), 'ActionEdit'),
  icon: AssignmentIcon,
  recordRepresentation: (record: RaRecord) => String(record.title ?? record.id),
};
