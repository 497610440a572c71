import { useEffect, useRef, useState } from 'react';
import {
  Alert,
  Box,
  Button,
  Card,
  CardContent,
  CircularProgress,
  FormControl,
  FormControlLabel,
  FormLabel,
  Radio,
  RadioGroup,
  Stack,
  TextField,
  Typography,
} from '@mui/material';
import AddIcon from '@mui/icons-material/Add';
import SendIcon from '@mui/icons-material/Send';
import {
  ATTENDANCES,
  type Attendance,
  type IncidentView,
  type OrganisationDto,
  type PeriodView,
} from '@laget/contracts';
import { Confirm, Title, useCanAccess, useGetOne, useNotify, useTranslate } from 'react-admin';
import { StatusChip } from '../shared/StatusChip.js';
import { swedishDateTime, weekLabel, weekNumberLabel } from '../shared/week.js';
import { CompiledEarlyNotice } from './CompiledEarlyNotice.js';
import { ConflictDialog } from './ConflictDialog.js';
import { IncidentCard } from './IncidentCard.js';
import { IncidentDialog } from './IncidentDialog.js';
import { PoliceStatisticsForm } from './PoliceStatisticsForm.js';
import { useReport } from './useReport.js';

/** How long typing may pause before the draft is saved. */
const autosaveDelayMs = 1200;

/**
 * The weekly report of one organisation: attendance, the narrative (saved as it is typed), the
 * police statistics where the organisation is the police, the incidents, submit and amend.
 * With `readOnly` (a coordinator reading a submitted report) nothing can be changed.
 */
export function ReportEditor({ id, readOnly = false }: { id: string; readOnly?: boolean }) {
  const translate = useTranslate();
  const notify = useNotify();
  const {
    report,
    error,
    conflict,
    saving,
    dismissConflict,
    edit,
    addIncident,
    editIncident,
    removeIncident,
    submit,
  } = useReport(id);
  const { data: organisation } = useGetOne<OrganisationDto & { id: string }>(
    'organisations',
    { id: report?.organisationId ?? '' },
    { enabled: Boolean(report?.organisationId) },
  );
  const { data: period } = useGetOne<PeriodView & { id: string }>(
    'periods',
    { id: report?.period ?? '' },
    { enabled: Boolean(report?.period) },
  );
  const { canAccess: maySubmit } = useCanAccess({ action: 'submit', resource: 'reports' });
  const [narrative, setNarrative] = useState('');
  const [amending, setAmending] = useState(false);
  const [dialog, setDialog] = useState<{ open: boolean; incident?: IncidentView }>({ open: false });
  const [removing, setRemoving] = useState<IncidentView | undefined>();
  const [lastSaved, setLastSaved] = useState<string | undefined>();
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const serverNarrative = report?.narrative;

  useEffect(() => {
    if (serverNarrative !== undefined) setNarrative(serverNarrative);
  }, [serverNarrative]);
  useEffect(() => () => clearTimeout(timer.current), []);

  if (error)
    return (
      <Alert severity="error" sx={{ m: 2 }}>
        {(error as { status?: number }).status === 404 ? translate('laget.report.not_found') : error.message}
      </Alert>
    );
  if (!report) return <CircularProgress aria-label={translate('laget.common.loading')} sx={{ m: 4 }} />;

  const submitted = report.status === 'submitted';
  const editable = !readOnly && maySubmit !== false && !report.locked && (!submitted || amending);

  const act = async (action: () => Promise<boolean>, message?: string) => {
    try {
      const ok = await action();
      if (ok && message) notify(message, { type: 'success' });
      if (ok) setLastSaved(new Date().toISOString());
      return ok;
    } catch (caught) {
      notify((caught as Error).message, { type: 'error' });
      return false;
    }
  };

  const saveNarrative = (text: string) => {
    clearTimeout(timer.current);
    if (text !== report.narrative) void act(() => edit({ narrative: text }));
  };

  const onNarrative = (text: string) => {
    setNarrative(text);
    clearTimeout(timer.current);
    timer.current = setTimeout(() => saveNarrative(text), autosaveDelayMs);
  };

  const title = translate('laget.report.title', {
    week: weekLabel(report.period),
    organisation: organisation?.name ?? '',
  });

  return (
    <Box sx={{ p: { xs: 1, sm: 2 }, maxWidth: 960 }}>
      <Title title={translate('laget.report.bar_title', { week: weekNumberLabel(report.period) })} />
      <Stack direction="row" spacing={1} sx={{ alignItems: 'center', flexWrap: 'wrap', mb: 1 }}>
        <Typography component="h1" variant="h5" sx={{ flex: 1 }}>
          {title}
        </Typography>
        <StatusChip status={report.status} size="medium" />
      </Stack>
      {period?.reportingDeadline && (
        <Typography variant="body2" color="text.secondary" gutterBottom>
          {translate('laget.dashboard.deadline', { date: swedishDateTime(period.reportingDeadline) })}
        </Typography>
      )}
      {report.locked && <Alert severity="info">{translate('laget.report.locked')}</Alert>}
      {!report.locked && <CompiledEarlyNotice period={period} />}
      {!readOnly && submitted && !amending && !report.locked && (
        <Alert
          severity="success"
          action={
            maySubmit ? (
              <Button color="inherit" onClick={() => setAmending(true)}>
                {translate('laget.report.amend')}
              </Button>
            ) : undefined
          }
        >
          {translate('laget.report.read_only')}
        </Alert>
      )}
      {editable && <Typography sx={{ my: 2 }}>{translate('laget.report.help_intro')}</Typography>}

      <Card sx={{ my: 2 }}>
        <CardContent>
          {editable ? (
            <Stack spacing={2}>
              <FormControl>
                <FormLabel id="attendance-label">{translate('laget.report.attendance')}</FormLabel>
                <RadioGroup
                  row
                  aria-labelledby="attendance-label"
                  value={report.attendance}
                  onChange={(e) => void act(() => edit({ attendance: e.target.value as Attendance }))}
                >
                  {ATTENDANCES.map((attendance) => (
                    <FormControlLabel
                      key={attendance}
                      value={attendance}
                      control={<Radio />}
                      label={translate(`laget.attendance.${attendance}`)}
                    />
                  ))}
                </RadioGroup>
              </FormControl>
              <TextField
                id="narrative"
                label={translate('resources.reports.fields.narrative')}
                helperText={translate('laget.report.narrative_help')}
                value={narrative}
                onChange={(e) => onNarrative(e.target.value)}
                onBlur={() => saveNarrative(narrative)}
                multiline
                minRows={4}
                fullWidth
              />
              <Typography variant="body2" color="text.secondary" role="status" aria-live="polite">
                {saving ? translate('laget.report.saving') : lastSaved ? translate('laget.report.saved') : ''}
              </Typography>
            </Stack>
          ) : (
            // Read as text, not as greyed-out inputs: a submitted report must stay easy to read.
            <Stack spacing={1}>
              <Typography>
                <strong>{translate('laget.report.attendance')}:</strong>{' '}
                {translate(`laget.attendance.${report.attendance}`)}
              </Typography>
              <Typography component="h2" variant="subtitle1" sx={{ fontWeight: 600 }}>
                {translate('resources.reports.fields.narrative')}
              </Typography>
              <Typography sx={{ whiteSpace: 'pre-wrap' }}>{report.narrative || '–'}</Typography>
            </Stack>
          )}
        </CardContent>
      </Card>

      {(organisation?.kind === 'police' || report.statistics) && (
        <Card sx={{ my: 2 }}>
          <CardContent>
            <PoliceStatisticsForm
              statistics={report.statistics}
              disabled={!editable}
              onSave={(statistics) => void act(() => edit({ statistics }), 'laget.common.saved')}
            />
          </CardContent>
        </Card>
      )}

      <Box component="section" aria-labelledby="incidents-heading" sx={{ my: 2 }}>
        <Stack direction="row" sx={{ alignItems: 'center', mb: 1 }}>
          <Typography id="incidents-heading" component="h2" variant="h6" sx={{ flex: 1 }}>
            {translate('laget.report.incidents')}
          </Typography>
          {editable && report.attendance === 'reporting' && (
            <Button startIcon={<AddIcon />} variant="outlined" onClick={() => setDialog({ open: true })}>
              {translate('laget.report.add_incident')}
            </Button>
          )}
        </Stack>
        {report.incidents.length === 0 && (
          <Typography color="text.secondary">{translate('laget.report.no_incidents')}</Typography>
        )}
        <Stack spacing={1}>
          {report.incidents.map((incident) => (
            <IncidentCard
              key={incident.id}
              incident={incident}
              onEdit={editable ? () => setDialog({ open: true, incident }) : undefined}
              onRemove={editable ? () => setRemoving(incident) : undefined}
            />
          ))}
        </Stack>
      </Box>

      {editable && (
        <Button
          variant="contained"
          size="large"
          startIcon={<SendIcon />}
          disabled={saving}
          onClick={async () => {
            clearTimeout(timer.current);
            if (narrative !== report.narrative && !(await act(() => edit({ narrative })))) return;
            if (await act(submit, 'laget.report.submitted')) setAmending(false);
          }}
        >
          {translate(
            report.submissions > 0 || report.status === 'amended'
              ? 'laget.report.resubmit'
              : 'laget.report.submit',
          )}
        </Button>
      )}

      <IncidentDialog
        open={dialog.open}
        incident={dialog.incident}
        onClose={() => setDialog({ open: false })}
        onSave={(input) =>
          act(
            () => (dialog.incident ? editIncident(dialog.incident.id, input) : addIncident(input)),
            'laget.common.saved',
          )
        }
      />
      <Confirm
        isOpen={Boolean(removing)}
        title="laget.report.remove_incident"
        content={translate('laget.report.remove_confirm', { problem: removing?.problem ?? '' })}
        onClose={() => setRemoving(undefined)}
        onConfirm={async () => {
          const incident = removing;
          setRemoving(undefined);
          if (incident) await act(() => removeIncident(incident.id));
        }}
      />
      <ConflictDialog conflict={conflict} onClose={dismissConflict} />
    </Box>
  );
}
