import {
  Alert,
  Box,
  Button,
  Card,
  CardContent,
  List,
  ListItem,
  ListItemText,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  Typography,
} from '@mui/material';
import type { RetentionReportEntry, RetentionView } from '@laget/contracts';
import { useEffect, useState } from 'react';
import { Title, useCanAccess, useTranslate } from 'react-admin';
import { api } from '../http.js';
import { ErasureForm } from './ErasureForm.js';
import { downloadReportCsv } from './report-csv.js';
import { RunGallringCard } from './RunGallringCard.js';

/**
 * The registrar's view of gallring (issue 17): the rules in force, the next run, and what was
 * gallrad or erased, when and by which rule or request, counts per kind, never the content.
 */
export function GallringPage() {
  const translate = useTranslate();
  const [rules, setRules] = useState<RetentionView | null>(null);
  const [entries, setEntries] = useState<RetentionReportEntry[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  // A run or an erasure adds lines to the registrar's report: read it again.
  const [revision, setRevision] = useState(0);
  const reload = () => setRevision((n) => n + 1);
  const { canAccess: mayRun } = useCanAccess({ action: 'create', resource: 'retention' });
  const { canAccess: mayErase } = useCanAccess({ action: 'delete', resource: 'retention' });
  useEffect(() => {
    Promise.all([
      api<RetentionView>('/api/retention'),
      api<RetentionReportEntry[]>('/api/retention/report'),
    ]).then(
      ([r, e]) => {
        setRules(r.json);
        setEntries(e.json);
      },
      (failure: unknown) => setError(failure instanceof Error ? failure.message : String(failure)),
    );
  }, [revision]);
  const kind = (name: string) => translate(`laget.gallring.kinds.${name}`, { _: name });
  return (
    <Box sx={{ p: 2, display: 'grid', gap: 2 }}>
      <Title title={translate('laget.gallring.title')} />
      <Typography component="h1" variant="h5">
        {translate('laget.gallring.title')}
      </Typography>
      <Typography>{translate('laget.gallring.intro')}</Typography>
      {error && <Alert severity="error">{error}</Alert>}
      {rules && (
        <Card>
          <CardContent>
            <Typography component="h2" variant="h6">
              {translate('laget.gallring.rules')}
            </Typography>
            <List dense>
              {rules.rules.map((rule) => (
                <ListItem key={rule.kind}>
                  <ListItemText
                    primary={`${kind(rule.kind)}: ${translate('laget.gallring.months', { months: rule.months })}`}
                    secondary={rule.description}
                  />
                </ListItem>
              ))}
              {rules.kept.map((text) => (
                <ListItem key={text}>
                  <ListItemText primary={text} />
                </ListItem>
              ))}
            </List>
            {rules.nextRunAt && (
              <Typography variant="body2">
                {translate('laget.gallring.next_run', {
                  at: new Date(rules.nextRunAt).toLocaleString('sv-SE'),
                })}
              </Typography>
            )}
          </CardContent>
        </Card>
      )}
      {mayRun && <RunGallringCard onRun={reload} />}
      {mayErase && <ErasureForm onErased={reload} />}
      <Card>
        <CardContent>
          <Typography component="h2" variant="h6">
            {translate('laget.gallring.report')}
          </Typography>
          <Typography variant="body2">{translate('laget.gallring.report_intro')}</Typography>
          <Button
            onClick={() => void downloadReportCsv().catch((failure: Error) => setError(failure.message))}
          >
            {translate('laget.gallring.csv')}
          </Button>
          {entries && entries.length === 0 && <Typography>{translate('laget.gallring.empty')}</Typography>}
          {entries && entries.length > 0 && (
            <Table size="small">
              <TableHead>
                <TableRow>
                  {(['at', 'what', 'by', 'legalGround', 'kind', 'count'] as const).map((column) => (
                    <TableCell key={column}>{translate(`laget.gallring.columns.${column}`)}</TableCell>
                  ))}
                </TableRow>
              </TableHead>
              <TableBody>
                {entries.map((entry) => (
                  <TableRow key={`${entry.reference}-${entry.kind}`}>
                    <TableCell>{new Date(entry.at).toLocaleString('sv-SE')}</TableCell>
                    <TableCell>{translate(`laget.gallring.what.${entry.what}`)}</TableCell>
                    <TableCell>{entry.by}</TableCell>
                    <TableCell>{entry.legalGround ?? '–'}</TableCell>
                    <TableCell>{kind(entry.kind)}</TableCell>
                    <TableCell align="right">{entry.count}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          )}
        </CardContent>
      </Card>
    </Box>
  );
}
