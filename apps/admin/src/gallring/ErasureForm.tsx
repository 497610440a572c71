import {
  Alert,
  Box,
  Button,
  Card,
  CardContent,
  MenuItem,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  TextField,
  Typography,
} from '@mui/material';
import type { ErasureAnswer, ErasureRequest } from '@laget/contracts';
import { useState } from 'react';
import { Confirm, useTranslate } from 'react-admin';
import { api } from '../http.js';

export type MatchKind = 'text' | 'personnummer' | 'phone' | 'email';
const matchKinds: MatchKind[] = ['personnummer', 'text', 'phone', 'email'];

/** The request body for one search: the match under its own kind (the API takes one of four). */
export function erasureBody(
  kind: MatchKind,
  value: string,
  legalGround: string,
  reason: string,
  dryRun: boolean,
): ErasureRequest {
  const match = { [kind]: value.trim() } as ErasureRequest['match'];
  return { match, legalGround: legalGround.trim(), reason: reason.trim(), dryRun };
}

/**
 * Erasure on request (admin, coordinator): search internal material for a person, see where
 * (by kind, week and field, never the content), then erase behind a confirmation. Published open
 * versions are never touched. The answer is the same one the registrar's report records.
 */
export function ErasureForm({ onErased }: { onErased: () => void }) {
  const translate = useTranslate();
  const [kind, setKind] = useState<MatchKind>('personnummer');
  const [value, setValue] = useState('');
  const [legalGround, setLegalGround] = useState('GDPR art. 17');
  const [reason, setReason] = useState('');
  const [preview, setPreview] = useState<ErasureAnswer | null>(null);
  const [done, setDone] = useState<ErasureAnswer | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const complete = value.trim() !== '' && legalGround.trim() !== '' && reason.trim() !== '';

  const send = async (dryRun: boolean) => {
    setBusy(true);
    setError(null);
    try {
      const { json } = await api<ErasureAnswer>('/api/erasures', {
        method: 'POST',
        body: erasureBody(kind, value, legalGround, reason, dryRun),
      });
      if (dryRun) {
        setPreview(json);
        setDone(null);
      } else {
        setDone(json);
        setPreview(null);
        setValue('');
        onErased();
      }
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : String(failure));
    } finally {
      setBusy(false);
      setConfirming(false);
    }
  };
  // A changed search makes an earlier preview say nothing about what "Radera" would erase.
  const changed = (set: (text: string) => void) => (event: { target: { value: string } }) => {
    set(event.target.value);
    setPreview(null);
  };
  const shown = done ?? preview;

  return (
    <Card>
      <CardContent>
        <Typography component="h2" variant="h6">
          {translate('laget.gallring.erasure.title')}
        </Typography>
        <Typography variant="body2">{translate('laget.gallring.erasure.intro')}</Typography>
        <Box
          component="form"
          sx={{ display: 'grid', gap: 2, mt: 2, maxWidth: 640 }}
          onSubmit={(event) => {
            event.preventDefault();
            if (complete) void send(true);
          }}
        >
          <TextField
            select
            label={translate('laget.gallring.erasure.kind')}
            value={kind}
            onChange={(event) => {
              setKind(event.target.value as MatchKind);
              setPreview(null);
            }}
          >
            {matchKinds.map((name) => (
              <MenuItem key={name} value={name}>
                {translate(`laget.gallring.erasure.kinds.${name}`)}
              </MenuItem>
            ))}
          </TextField>
          <TextField
            label={translate(`laget.gallring.erasure.kinds.${kind}`)}
            value={value}
            onChange={changed(setValue)}
            required
            autoComplete="off"
          />
          <TextField
            label={translate('laget.gallring.erasure.legal_ground')}
            value={legalGround}
            onChange={changed(setLegalGround)}
            required
          />
          <TextField
            label={translate('laget.gallring.erasure.reason')}
            value={reason}
            onChange={changed(setReason)}
            required
            multiline
            minRows={2}
          />
          <Box sx={{ display: 'flex', gap: 1, flexWrap: 'wrap' }}>
            <Button type="submit" variant="outlined" disabled={busy || !complete}>
              {translate('laget.gallring.erasure.preview')}
            </Button>
            <Button
              variant="contained"
              color="error"
              disabled={busy || !complete || !preview || preview.erased + preview.storedCopies === 0}
              onClick={() => setConfirming(true)}
            >
              {translate('laget.gallring.erasure.erase')}
            </Button>
          </Box>
        </Box>
        {error && (
          <Alert severity="error" sx={{ mt: 1 }}>
            {error}
          </Alert>
        )}
        {shown && (
          <Box role="status" sx={{ mt: 2 }}>
            <Typography variant="subtitle2">
              {translate(done ? 'laget.gallring.erasure.did' : 'laget.gallring.erasure.would', {
                count: shown.erased,
              })}
              {shown.storedCopies > 0 &&
                ` ${translate(
                  done ? 'laget.gallring.erasure.copies_did' : 'laget.gallring.erasure.copies_would',
                  {
                    count: shown.storedCopies,
                  },
                )}`}
            </Typography>
            {shown.locations.length > 0 && (
              <Table size="small">
                <TableHead>
                  <TableRow>
                    {(['kind', 'week', 'eventType', 'field', 'values'] as const).map((column) => (
                      <TableCell key={column}>
                        {translate(`laget.gallring.erasure.columns.${column}`)}
                      </TableCell>
                    ))}
                  </TableRow>
                </TableHead>
                <TableBody>
                  {shown.locations.map((location) => (
                    <TableRow key={`${location.subject}-${location.eventType}-${location.field}`}>
                      <TableCell>
                        {translate(`laget.gallring.kinds.${location.kind}`, { _: location.kind })}
                      </TableCell>
                      <TableCell>{location.week ?? '–'}</TableCell>
                      <TableCell>
                        {translate(`laget.events.${location.eventType}`, { _: location.eventType })}
                      </TableCell>
                      <TableCell>{location.field}</TableCell>
                      <TableCell align="right">{location.values}</TableCell>
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
            )}
          </Box>
        )}
        <Confirm
          isOpen={confirming}
          loading={busy}
          title="laget.gallring.erasure.confirm_title"
          content="laget.gallring.erasure.confirm_content"
          translateOptions={{ count: preview?.erased ?? 0 }}
          onConfirm={() => void send(false)}
          onClose={() => setConfirming(false)}
        />
      </CardContent>
    </Card>
  );
}
