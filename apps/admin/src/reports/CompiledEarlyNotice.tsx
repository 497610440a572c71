import { Alert } from '@mui/material';
import type { PeriodView } from '@laget/contracts';
import { useTranslate } from 'react-admin';
import { weekLabel } from '../shared/week.js';

/**
 * Tells a reporter that their week was compiled before its deadline, and that a report not yet
 * filed still belongs to that week: the coordinator takes it in.
 */
export function CompiledEarlyNotice({
  period,
}: {
  period: Pick<PeriodView, 'id' | 'compiledEarly'> | undefined;
}) {
  const translate = useTranslate();
  if (!period?.compiledEarly) return null;
  return (
    <Alert severity="info" sx={{ my: 1 }}>
      {translate('laget.report.compiled_early', { week: weekLabel(period.id) })}
    </Alert>
  );
}
