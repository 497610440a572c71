import { useCallback, useEffect, useState } from 'react';
import {
  Alert,
  Button,
  Card,
  CardContent,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  Typography,
} from '@mui/material';
import type { ProblemIncidentView } from '@laget/contracts';
import { useCanAccess, useNotify, useRecordContext, useRefresh, useTranslate } from 'react-admin';
import { api } from '../http.js';
import { weekLabel } from '../shared/week.js';

interface Incidents {
  linked: ProblemIncidentView[];
  suggested: ProblemIncidentView[];
}

function IncidentTable({
  rows,
  caption,
  action,
}: {
  rows: ProblemIncidentView[];
  caption: string;
  action?: { label: string; run: (incidentId: string) => void };
}) {
  const translate = useTranslate();
  return (
    <Table size="small" aria-label={caption}>
      <TableHead>
        <TableRow>
          <TableCell>{translate('laget.atgarder.week')}</TableCell>
          <TableCell>{translate('laget.incident.problem')}</TableCell>
          <TableCell>{translate('laget.incident.location')}</TableCell>
          <TableCell>{translate('laget.atgarder.severity')}</TableCell>
          {action && <TableCell />}
        </TableRow>
      </TableHead>
      <TableBody>
        {rows.map((row) => (
          <TableRow key={row.incidentId}>
            <TableCell>{weekLabel(row.period)}</TableCell>
            <TableCell>
              {row.problem}
              {row.withdrawn && ` (${translate('laget.atgarder.withdrawn')})`}
            </TableCell>
            <TableCell>{row.location}</TableCell>
            <TableCell>{row.severity ?? '–'}</TableCell>
            {action && (
              <TableCell align="right">
                <Button size="small" onClick={() => action.run(row.incidentId)} sx={{ minHeight: 36 }}>
                  {action.label}
                </Button>
              </TableCell>
            )}
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}

/** A problem's incidents across weeks, and the suggestions the coordinator may link with one click. */
export function ProblemIncidents() {
  const record = useRecordContext();
  const translate = useTranslate();
  const notify = useNotify();
  const refresh = useRefresh();
  const { canAccess: mayLink } = useCanAccess({ action: 'edit', resource: 'problems' });
  const [incidents, setIncidents] = useState<Incidents | null>(null);
  const [error, setError] = useState<string | null>(null);
  const id = record?.id === undefined ? null : String(record.id);

  const load = useCallback(async () => {
    if (!id) return;
    try {
      const { json } = await api<Incidents>(`/api/problems/${encodeURIComponent(id)}/incidents`);
      setIncidents(json);
    } catch (caught) {
      setError((caught as Error).message);
    }
  }, [id]);
  useEffect(() => {
    void load();
  }, [load, record?.version]);

  const change = async (incidentId: string, link: boolean) => {
    if (!id) return;
    try {
      await api(
        link
          ? `/api/problems/${encodeURIComponent(id)}/incidents`
          : `/api/problems/${encodeURIComponent(id)}/incidents/${encodeURIComponent(incidentId)}`,
        link ? { method: 'POST', body: { incidentId } } : { method: 'DELETE' },
      );
      notify(link ? 'laget.atgarder.linked' : 'laget.atgarder.unlinked', { type: 'success' });
      refresh();
      await load();
    } catch (caught) {
      notify((caught as Error).message, { type: 'error' });
    }
  };

  return (
    <Card component="section" aria-labelledby="problem-incidents-heading">
      <CardContent>
        <Typography id="problem-incidents-heading" component="h2" variant="h6" gutterBottom>
          {translate('laget.atgarder.linked_incidents')}
        </Typography>
        {error && <Alert severity="error">{error}</Alert>}
        {incidents && incidents.linked.length === 0 && (
          <Typography>{translate('laget.atgarder.no_linked_incidents')}</Typography>
        )}
        {incidents && incidents.linked.length > 0 && (
          <IncidentTable
            rows={incidents.linked}
            caption={translate('laget.atgarder.linked_incidents')}
            {...(mayLink
              ? {
                  action: {
                    label: translate('laget.atgarder.unlink'),
                    run: (i: string) => void change(i, false),
                  },
                }
              : {})}
          />
        )}
        {mayLink && incidents && (
          <>
            <Typography component="h3" variant="subtitle1" sx={{ mt: 2 }}>
              {translate('laget.atgarder.suggested_incidents')}
            </Typography>
            {incidents.suggested.length === 0 ? (
              <Typography>{translate('laget.atgarder.no_suggestions')}</Typography>
            ) : (
              <IncidentTable
                rows={incidents.suggested}
                caption={translate('laget.atgarder.suggested_incidents')}
                action={{ label: translate('laget.atgarder.link'), run: (i) => void change(i, true) }}
              />
            )}
          </>
        )}
      </CardContent>
    </Card>
  );
}
