import { useEffect, useRef, useState } from 'react';
import { Alert, Box, Button, Card, CardContent, CircularProgress, Stack, Typography } from '@mui/material';
import AddIcon from '@mui/icons-material/Add';
import type { IncidentCategory, IncidentView, OrganisationDto, PeriodView } from '@laget/contracts';
import { Confirm, Title, useCanAccess, useGetOne, useTranslate } from 'react-admin';
import { useLocation } from 'react-router-dom';
import { useChoices } from '../shared/useGet.js';
import { StatusChip } from '../shared/StatusChip.js';
import { swedishDateTime, weekLabel, weekNumberLabel } from '../shared/week.js';
import { CompiledEarlyNotice } from './CompiledEarlyNotice.js';
import { ConflictDialog } from './ConflictDialog.js';
import { IncidentCard } from './IncidentCard.js';
import { IncidentDialog, type SaveOutcome } from './IncidentDialog.js';
import { PoliceStatisticsForm } from './PoliceStatisticsForm.js';
import { ReportActionBar } from './ReportActionBar.js';
import { ReportTextCard } from './ReportTextCard.js';
import type { SaveStatus } from './save-status.js';
import { touchTarget } from './touch.js';
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
  const categories = useChoices<IncidentCategory>('/api/incident-categories');
  const location = useLocation();
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
  const [status, setStatus] = useState<SaveStatus>({ kind: 'idle' });
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const heading = useRef<HTMLHeadingElement>(null);
  const serverNarrative = report?.narrative;
  const arrivedToWrite = (location.state as { fresh?: boolean } | null)?.fresh === true;
  const loaded = Boolean(report);

  useEffect(() => {
    if (serverNarrative !== undefined) setNarrative(serverNarrative);
  }, [serverNarrative]);
  useEffect(() => () => clearTimeout(timer.current), []);
  // Straight from "Börja veckans rapport": focus starts at the form's heading, so the next Tab
  // is the form's first field, without opening a phone's keyboard over half the screen.
  useEffect(() => {
    if (loaded && arrivedToWrite) heading.current?.focus();
  }, [loaded, arrivedToWrite]);

  if (error)
    return (
      <Alert severity="error" sx={{ m: 2 }}>
        {(error as { status?: number }).status === 404 ? translate('laget.report.not_found') : error.message}
      </Alert>
    );
  if (!report) return <CircularProgress aria-label={translate('laget.common.loading')} sx={{ m: 4 }} />;

  const submitted = report.status === 'submitted';
  const editable = !readOnly && maySubmit !== false && !report.locked && (!submitted || amending);

  /** Runs a change and says in the action bar how it went; a 409 is the conflict dialog's to say. */
  const act = async (
    action: () => Promise<boolean>,
    what?: 'incident' | 'statistics',
  ): Promise<SaveOutcome> => {
    setStatus({ kind: 'saving' });
    try {
      const ok = await action();
      setStatus(ok ? { kind: 'saved', what } : { kind: 'idle' });
      return { ok };
    } catch (caught) {
      const message = (caught as Error).message;
      setStatus({ kind: 'error', message });
      return { ok: false, error: message };
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

  const onSubmit = async () => {
    clearTimeout(timer.current);
    if (narrative !== report.narrative && !(await act(() => edit({ narrative }))).ok) return;
    setStatus({ kind: 'saving' });
    try {
      if (await submit()) {
        setAmending(false);
        setStatus({ kind: 'submitted' });
      } else setStatus({ kind: 'idle' });
    } catch (caught) {
      setStatus({ kind: 'error', message: (caught as Error).message });
    }
  };

  const title = translate('laget.report.title', {
    week: weekLabel(report.period),
    organisation: organisation?.name ?? '',
  });

  return (
    <Box sx={{ p: { xs: 1, sm: 2 }, pb: 0, maxWidth: 960 }}>
      <Title title={translate('laget.report.bar_title', { week: weekNumberLabel(report.period) })} />
      <Stack direction="row" spacing={1} sx={{ alignItems: 'center', flexWrap: 'wrap', mb: 1 }}>
        <Typography
          ref={heading}
          tabIndex={-1}
          component="h1"
          variant="h5"
          sx={{ flex: 1, overflowWrap: 'anywhere', '&:focus': { outline: 'none' } }}
        >
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
              <Button
                color="inherit"
                onClick={() => {
                  setAmending(true);
                  // "Inskickad. Tack!" belongs to the last submission, not to the change begun now.
                  setStatus({ kind: 'idle' });
                }}
                sx={touchTarget}
              >
                {translate('laget.report.amend')}
              </Button>
            ) : undefined
          }
        >
          {translate('laget.report.read_only')}
        </Alert>
      )}
      {editable && <Typography sx={{ my: 2 }}>{translate('laget.report.help_intro')}</Typography>}

      <ReportTextCard
        report={report}
        editable={editable}
        narrative={narrative}
        onNarrative={onNarrative}
        onNarrativeDone={() => saveNarrative(narrative)}
        onAttendance={(attendance) => void act(() => edit({ attendance }))}
      />

      {(organisation?.kind === 'police' || report.statistics) && (
        <Card sx={{ my: 2 }}>
          <CardContent>
            <PoliceStatisticsForm
              statistics={report.statistics}
              disabled={!editable}
              onSave={(statistics) => void act(() => edit({ statistics }), 'statistics')}
            />
          </CardContent>
        </Card>
      )}

      <Box component="section" aria-labelledby="incidents-heading" sx={{ my: 2 }}>
        <Typography id="incidents-heading" component="h2" variant="h6" sx={{ mb: 1 }}>
          {translate('laget.report.incidents')}
        </Typography>
        {report.incidents.length === 0 && (
          <Typography color="text.secondary">{translate('laget.report.no_incidents')}</Typography>
        )}
        <Stack spacing={1}>
          {report.incidents.map((incident) => (
            <IncidentCard
              key={incident.id}
              incident={incident}
              categoryLabel={categories.find((category) => category.key === incident.category)?.label}
              onEdit={editable ? () => setDialog({ open: true, incident }) : undefined}
              onRemove={editable ? () => setRemoving(incident) : undefined}
            />
          ))}
        </Stack>
        {/* Below the list, where the last incident was just added: the next one is a thumb away. */}
        {editable && report.attendance === 'reporting' && (
          <Button
            startIcon={<AddIcon />}
            variant="outlined"
            onClick={() => setDialog({ open: true })}
            sx={{ ...touchTarget, mt: 1 }}
            fullWidth
          >
            {translate('laget.report.add_incident')}
          </Button>
        )}
      </Box>

      {!readOnly && (editable || status.kind !== 'idle') && (
        <ReportActionBar
          status={status}
          canSubmit={editable}
          busy={saving}
          onSubmit={() => void onSubmit()}
          submitLabel={translate(
            report.submissions > 0 || report.status === 'amended'
              ? 'laget.report.resubmit'
              : 'laget.report.submit',
          )}
        />
      )}

      <IncidentDialog
        open={dialog.open}
        incident={dialog.incident}
        onClose={() => setDialog({ open: false })}
        onSave={(input) =>
          act(
            () => (dialog.incident ? editIncident(dialog.incident.id, input) : addIncident(input)),
            'incident',
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
