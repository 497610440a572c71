import { useState } from 'react';
import {
  Alert,
  Button,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  Typography,
} from '@mui/material';
import UploadFileIcon from '@mui/icons-material/UploadFile';
import { useRefresh, useTranslate } from 'react-admin';
import { api, ourHalf } from '../http.js';
import type { AreaImportAnswer } from '../map/map-types.js';
import { readGeoJson, refusalReason } from './area-import.js';

/**
 * Import areas from a GeoJSON file (e.g. exported from the municipality's GIS): the file goes to
 * POST /api/areas/import as it is, and the answer is shown per feature, refused ones with why.
 */
export function AreaImportDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const translate = useTranslate();
  const refresh = useRefresh();
  const [file, setFile] = useState<File | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [answer, setAnswer] = useState<AreaImportAnswer | null>(null);

  const close = () => {
    setFile(null);
    setError(null);
    setAnswer(null);
    onClose();
  };
  const send = async () => {
    if (!file) return;
    setBusy(true);
    setError(null);
    try {
      const read = readGeoJson(await file.text());
      if (!read.ok) {
        setError(translate('laget.areas.import_bad_file', { message: read.message }));
        return;
      }
      const { json } = await api<AreaImportAnswer>('/api/areas/import', { method: 'POST', body: read.body });
      setAnswer(json);
      refresh();
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Dialog open={open} onClose={close} fullWidth maxWidth="sm" aria-labelledby="area-import-title">
      <DialogTitle id="area-import-title">{translate('laget.areas.import_title')}</DialogTitle>
      <DialogContent>
        <Typography variant="body2" sx={{ mb: 2 }}>
          {translate('laget.areas.import_help')}
        </Typography>
        <Button component="label" variant="outlined" startIcon={<UploadFileIcon />}>
          {translate('laget.areas.import_file')}
          <input
            id="area-import-file"
            type="file"
            accept=".geojson,.json,application/geo+json,application/json"
            hidden
            onChange={(e) => {
              setAnswer(null);
              setError(null);
              setFile(e.target.files?.[0] ?? null);
            }}
          />
        </Button>
        {file && (
          <Typography variant="body2" component="span" sx={{ ml: 2 }}>
            {file.name}
          </Typography>
        )}
        {error && (
          <Alert severity="error" sx={{ mt: 2 }}>
            {error}
          </Alert>
        )}
        {answer && (
          <Table size="small" sx={{ mt: 2 }} aria-label={translate('laget.areas.import_result')}>
            <TableHead>
              <TableRow>
                <TableCell component="th" scope="col">
                  {translate('resources.areas.fields.name')}
                </TableCell>
                <TableCell component="th" scope="col">
                  {translate('laget.areas.import_result')}
                </TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {answer.results.map((r) => (
                <TableRow key={r.index}>
                  <TableCell component="th" scope="row">
                    {r.name ?? translate('laget.areas.import_feature', { index: r.index + 1 })}
                  </TableCell>
                  <TableCell>
                    {translate(`laget.areas.outcome_${r.outcome}`)}
                    {r.reason ? `: ${refusalReason(r.reason, ourHalf)}` : ''}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}
      </DialogContent>
      <DialogActions>
        <Button onClick={close}>{translate('laget.areas.import_cancel')}</Button>
        <Button variant="contained" disabled={!file || busy} onClick={() => void send()}>
          {translate('laget.areas.import_send')}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
