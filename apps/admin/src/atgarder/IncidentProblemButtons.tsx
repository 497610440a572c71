import { useState } from 'react';
import {
  Button,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  MenuItem,
  TextField,
} from '@mui/material';
import type { ProblemView } from '@laget/contracts';
import { useNavigate } from 'react-router-dom';
import { useCanAccess, useGetList, useNotify, useTranslate } from 'react-admin';
import { api } from '../http.js';

/**
 * On an incident of a lägesbild: "Koppla till problem" links it to a problem the coordinator picks;
 * "Ny åtgärd" links it too and opens a new action for that problem.
 */
export function IncidentProblemButtons({ incidentId }: { incidentId: string }) {
  const translate = useTranslate();
  const notify = useNotify();
  const navigate = useNavigate();
  const { canAccess: mayLink } = useCanAccess({ action: 'edit', resource: 'problems' });
  const [mode, setMode] = useState<'link' | 'action' | null>(null);
  const [problemId, setProblemId] = useState('');
  const { data: problems = [] } = useGetList<ProblemView & { id: string }>(
    'problems',
    { filter: {}, pagination: { page: 1, perPage: 500 } },
    { enabled: mode !== null },
  );
  if (!mayLink) return null;
  const open = problems.filter((problem) => problem.status !== 'closed');

  const confirm = async () => {
    try {
      await api(`/api/problems/${encodeURIComponent(problemId)}/incidents`, {
        method: 'POST',
        body: { incidentId },
      });
      notify('laget.atgarder.linked', { type: 'success' });
      if (mode === 'action') {
        navigate(`/actions/create?source=${encodeURIComponent(JSON.stringify({ problemId }))}`);
      }
      setMode(null);
    } catch (error) {
      notify((error as Error).message, { type: 'error' });
    }
  };

  return (
    <>
      <Button size="small" onClick={() => setMode('link')}>
        {translate('laget.atgarder.link_to_problem')}
      </Button>
      <Button size="small" onClick={() => setMode('action')}>
        {translate('laget.atgarder.new_action')}
      </Button>
      <Dialog open={mode !== null} onClose={() => setMode(null)} fullWidth maxWidth="sm">
        <DialogTitle>
          {translate(mode === 'action' ? 'laget.atgarder.new_action' : 'laget.atgarder.link_to_problem')}
        </DialogTitle>
        <DialogContent>
          <TextField
            select
            fullWidth
            margin="dense"
            label={translate('laget.atgarder.choose_problem')}
            value={problemId}
            onChange={(event) => setProblemId(event.target.value)}
          >
            {open.map((problem) => (
              <MenuItem key={problem.id} value={problem.id}>
                {problem.title}
              </MenuItem>
            ))}
          </TextField>
        </DialogContent>
        <DialogActions>
          <Button onClick={() => setMode(null)}>{translate('ra.action.cancel')}</Button>
          <Button variant="contained" disabled={problemId === ''} onClick={() => void confirm()}>
            {translate(mode === 'action' ? 'laget.atgarder.new_action' : 'laget.atgarder.link')}
          </Button>
        </DialogActions>
      </Dialog>
    </>
  );
}
