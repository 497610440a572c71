import {
  Alert,
  Box,
  Button,
  Card,
  CardContent,
  List,
  ListItem,
  ListItemText,
  Typography,
} from '@mui/material';
import type { RetentionRunAnswer } from '@laget/contracts';
import { useState } from 'react';
import { Confirm, useTranslate } from 'react-admin';
import { api } from '../http.js';

/**
 * Gallring now (admin): first what would go (a dry run changes nothing), then the run itself
 * behind a confirmation, since a shredded key cannot be brought back. The daily job does the
 * same; this is for the registrar who wants it done before a deadline or an inspection.
 */
export function RunGallringCard({ onRun }: { onRun: () => void }) {
  const translate = useTranslate();
  const [answer, setAnswer] = useState<RetentionRunAnswer | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const run = async (dryRun: boolean) => {
    setBusy(true);
    setError(null);
    try {
      const { json } = await api<RetentionRunAnswer>('/api/retention/runs', {
        method: 'POST',
        body: { dryRun },
      });
      setAnswer(json);
      if (!dryRun) onRun();
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : String(failure));
    } finally {
      setBusy(false);
      setConfirming(false);
    }
  };
  const kind = (name: string) => translate(`laget.gallring.kinds.${name}`, { _: name });
  const total = answer ? answer.counts.reduce((sum, count) => sum + count.subjects, 0) : 0;
  return (
    <Card>
      <CardContent>
        <Typography component="h2" variant="h6">
          {translate('laget.gallring.run.title')}
        </Typography>
        <Typography variant="body2">{translate('laget.gallring.run.intro')}</Typography>
        <Box sx={{ display: 'flex', gap: 1, mt: 1, flexWrap: 'wrap' }}>
          <Button variant="outlined" disabled={busy} onClick={() => void run(true)}>
            {translate('laget.gallring.run.dry')}
          </Button>
          <Button variant="contained" color="error" disabled={busy} onClick={() => setConfirming(true)}>
            {translate('laget.gallring.run.now')}
          </Button>
        </Box>
        {error && (
          <Alert severity="error" sx={{ mt: 1 }}>
            {error}
          </Alert>
        )}
        {answer && (
          <Box role="status" sx={{ mt: 1 }}>
            <Typography variant="subtitle2">
              {translate(answer.dryRun ? 'laget.gallring.run.would' : 'laget.gallring.run.did', {
                count: total,
              })}
            </Typography>
            <List dense>
              {answer.counts.map((count) => (
                <ListItem key={count.kind}>
                  <ListItemText
                    primary={`${kind(count.kind)}: ${count.subjects}`}
                    secondary={
                      count.cutoff
                        ? translate('laget.gallring.run.cutoff', {
                            at: new Date(count.cutoff).toLocaleDateString('sv-SE'),
                          })
                        : undefined
                    }
                  />
                </ListItem>
              ))}
              <ListItem>
                <ListItemText primary={`${kind('append_keys')}: ${answer.appendKeysPruned}`} />
              </ListItem>
              <ListItem>
                <ListItemText primary={`${kind('stored_copies')}: ${answer.storedCopiesPruned}`} />
              </ListItem>
            </List>
          </Box>
        )}
        <Confirm
          isOpen={confirming}
          loading={busy}
          title="laget.gallring.run.confirm_title"
          content="laget.gallring.run.confirm_content"
          onConfirm={() => void run(false)}
          onClose={() => setConfirming(false)}
        />
      </CardContent>
    </Card>
  );
}
