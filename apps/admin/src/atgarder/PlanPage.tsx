import { useCallback, useEffect, useState } from 'react';
import {
  Alert,
  Box,
  Button,
  Card,
  CardContent,
  Link as MuiLink,
  Stack,
  TextField,
  ToggleButton,
  ToggleButtonGroup,
  Typography,
} from '@mui/material';
import type { AtgardsplanView, PlanView } from '@laget/contracts';
import { HttpError, Title, useCanAccess, useNotify, useTranslate } from 'react-admin';
import { api } from '../http.js';
import { PlanPublishControls } from './PlanPublishControls.js';

/**
 * The yearly åtgärdsplan (issue 19, point 4): compile from the active problems, compare the
 * internal and open versions, approve the open one and publish it (page, JSON, tagged PDF); after
 * that, compile again to correct it, or retract it.
 */
export function PlanPage() {
  const translate = useTranslate();
  const notify = useNotify();
  const [year, setYear] = useState(new Date().getFullYear());
  const [view, setView] = useState<PlanView>('internal');
  const [plan, setPlan] = useState<AtgardsplanView | null>(null);
  const [busy, setBusy] = useState(false);
  // A reviewer (four eyes) approves here too; compiling is the coordinator's.
  const { canAccess: mayCompile } = useCanAccess({ action: 'create', resource: 'atgardsplaner' });

  const load = useCallback(async () => {
    try {
      const { json } = await api<AtgardsplanView>(`/api/atgardsplaner/${year}?view=${view}`);
      setPlan(json);
    } catch (error) {
      if (error instanceof HttpError && error.status === 404) setPlan(null);
      else notify((error as Error).message, { type: 'error' });
    }
  }, [year, view, notify]);
  useEffect(() => {
    void load();
  }, [load]);

  const run = async (path: string, body?: unknown) => {
    setBusy(true);
    try {
      const { status } = await api(path, { method: 'POST', body: body ?? {} });
      // Publishing is a job (202 {jobId}): wait a little for it, as the lägesbild's panel does.
      for (let attempt = 0; status === 202 && attempt < 30; attempt++) {
        const { json } = await api<AtgardsplanView>(`/api/atgardsplaner/${year}?view=${view}`);
        if (json.status === 'published') break;
        await new Promise((resolve) => setTimeout(resolve, 500));
      }
      notify('laget.atgarder.plan_saved', { type: 'success' });
      await load();
    } catch (error) {
      notify((error as Error).message, { type: 'error' });
    } finally {
      setBusy(false);
    }
  };

  return (
    <Box sx={{ p: { xs: 1, sm: 2 } }}>
      <Title title={translate('laget.atgarder.plan_title', { year })} />
      <Typography component="h1" variant="h5" gutterBottom>
        {translate('laget.atgarder.plan_title', { year })}
      </Typography>
      <Stack direction="row" spacing={1} sx={{ flexWrap: 'wrap', alignItems: 'center', mb: 2, gap: 1 }}>
        <TextField
          type="number"
          label={translate('laget.atgarder.plan_year')}
          value={year}
          onChange={(event) => setYear(Number(event.target.value))}
          slotProps={{ htmlInput: { min: 2000, max: 2100 } }}
          sx={{ width: 120 }}
        />
        {mayCompile && (
          <Button
            variant="contained"
            disabled={busy}
            onClick={() => void run('/api/atgardsplaner', { year })}
          >
            {translate('laget.atgarder.plan_compile')}
          </Button>
        )}
        <ToggleButtonGroup
          exclusive
          size="small"
          value={view}
          onChange={(_event, value: PlanView | null) => value && setView(value)}
          aria-label={translate('laget.atgarder.plan_view')}
        >
          <ToggleButton value="internal">{translate('laget.lagesbild.view_internal')}</ToggleButton>
          <ToggleButton value="open">{translate('laget.lagesbild.view_open')}</ToggleButton>
        </ToggleButtonGroup>
      </Stack>
      {!plan && <Alert severity="info">{translate('laget.atgarder.plan_none')}</Alert>}
      {plan && (
        <>
          <PlanPublishControls plan={plan} busy={busy} run={run} />
          <Typography gutterBottom>
            {translate(`laget.atgarder.plan_status.${plan.status}`)}
            {plan.publishedAt !== null && (
              <>
                {' · '}
                <MuiLink href={`/public/atgardsplaner/${plan.year}`}>
                  {translate('laget.atgarder.plan_public_link')}
                </MuiLink>
                {' · '}
                <MuiLink href={`/public/atgardsplaner/${plan.year}.pdf`}>PDF</MuiLink>
              </>
            )}
          </Typography>
          <Stack spacing={1.5}>
            {plan.sections.map((section) => (
              <Card key={section.id} component="section" aria-labelledby={`plan-${section.id}`}>
                <CardContent>
                  <Typography id={`plan-${section.id}`} component="h2" variant="h6">
                    {section.title}
                  </Typography>
                  <Typography sx={{ whiteSpace: 'pre-line' }}>{section.text}</Typography>
                </CardContent>
              </Card>
            ))}
          </Stack>
        </>
      )}
    </Box>
  );
}
