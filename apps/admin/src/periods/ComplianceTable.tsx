import {
  Chip,
  type ChipProps,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  Link as MuiLink,
  Typography,
} from '@mui/material';
import type { ComplianceEntry, ComplianceState } from '@laget/contracts';
import { Link } from 'react-router-dom';
import { useTranslate } from 'react-admin';
import { swedishDateTime } from '../shared/week.js';
import { complianceCounts } from './compliance.js';

const stateColour: Record<ComplianceState, ChipProps['color']> = {
  on_time: 'success',
  late: 'info',
  pending: 'default',
  missing: 'error',
};

function StateChip({ state }: { state: ComplianceState }) {
  const translate = useTranslate();
  return (
    <Chip
      size="small"
      color={stateColour[state]}
      variant={state === 'pending' ? 'outlined' : 'filled'}
      label={translate(`laget.compliance.${state}`)}
    />
  );
}

/** Who has, has not, and is late with the week's report. */
export function ComplianceTable({ entries, caption }: { entries: ComplianceEntry[]; caption?: string }) {
  const translate = useTranslate();
  const counts = complianceCounts(entries);
  return (
    <>
      <Typography sx={{ mb: 1 }}>{translate('laget.periods.reported_count', counts)}</Typography>
      <Table size="small" aria-label={caption ?? translate('laget.periods.compliance')}>
        <TableHead>
          <TableRow>
            <TableCell component="th" scope="col">
              {translate('laget.periods.organisation')}
            </TableCell>
            <TableCell component="th" scope="col">
              {translate('laget.periods.state')}
            </TableCell>
            <TableCell component="th" scope="col" sx={{ display: { xs: 'none', sm: 'table-cell' } }}>
              {translate('laget.periods.submitted_at')}
            </TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {entries.map((entry) => (
            <TableRow key={entry.organisationId}>
              <TableCell component="th" scope="row">
                {entry.reportId && (entry.state === 'on_time' || entry.state === 'late') ? (
                  <MuiLink component={Link} to={`/reports/${encodeURIComponent(entry.reportId)}/show`}>
                    {entry.organisationName}
                  </MuiLink>
                ) : (
                  entry.organisationName
                )}
              </TableCell>
              <TableCell>
                <StateChip state={entry.state} />
              </TableCell>
              <TableCell sx={{ display: { xs: 'none', sm: 'table-cell' } }}>
                {swedishDateTime(entry.submittedAt)}
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </>
  );
}
