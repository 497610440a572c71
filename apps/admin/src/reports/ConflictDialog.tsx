import {
  Button,
  Dialog,
  DialogActions,
  DialogContent,
  DialogContentText,
  DialogTitle,
  List,
  ListItem,
  Typography,
} from '@mui/material';
import { useTranslate } from 'react-admin';
import type { ReportChange } from './report-changes.js';
import type { Conflict } from './useReport.js';

function useDescribe() {
  const translate = useTranslate();
  return (change: ReportChange): string => {
    switch (change.kind) {
      case 'status':
        return translate('laget.report.changed_status', {
          from: translate(`laget.status.${change.from}`),
          to: translate(`laget.status.${change.to}`),
        });
      case 'narrative':
        return translate('laget.report.changed_narrative');
      case 'attendance':
        return `${translate('laget.report.attendance')}: ${translate(`laget.attendance.${change.to}`)}`;
      case 'statistics':
        return translate('laget.report.statistics');
      case 'incident_added':
        return translate('laget.report.incident_added', { problem: change.problem });
      case 'incident_removed':
        return translate('laget.report.incident_removed', { problem: change.problem });
      case 'incident_changed':
        return translate('laget.report.incident_changed', { problem: change.problem });
    }
  };
}

/** Tells, after a 409, what someone else changed, and hands back the text that was not saved. */
export function ConflictDialog({
  conflict,
  onClose,
}: {
  conflict: Conflict | undefined;
  onClose: () => void;
}) {
  const translate = useTranslate();
  const describe = useDescribe();
  return (
    <Dialog open={Boolean(conflict)} onClose={onClose} aria-labelledby="conflict-title">
      <DialogTitle id="conflict-title">{translate('laget.report.conflict_title')}</DialogTitle>
      <DialogContent>
        <DialogContentText>{translate('laget.report.conflict_text')}</DialogContentText>
        <List dense>
          {conflict?.changes.map((change, index) => (
            <ListItem key={index}>{describe(change)}</ListItem>
          ))}
        </List>
        {conflict?.unsavedNarrative !== undefined && (
          <>
            <Typography variant="subtitle2">{translate('laget.report.conflict_keep')}</Typography>
            <Typography
              component="blockquote"
              sx={{ whiteSpace: 'pre-wrap', borderLeft: 3, borderColor: 'divider', pl: 1 }}
            >
              {conflict.unsavedNarrative}
            </Typography>
          </>
        )}
      </DialogContent>
      <DialogActions>
        <Button variant="contained" onClick={onClose}>
          {translate('laget.report.conflict_ok')}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
