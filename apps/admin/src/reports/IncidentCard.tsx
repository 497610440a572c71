import { Box, Card, CardActions, CardContent, Chip, IconButton, Stack, Typography } from '@mui/material';
import DeleteIcon from '@mui/icons-material/Delete';
import EditIcon from '@mui/icons-material/Edit';
import { assessmentText, type IncidentView } from '@laget/contracts';
import { useTranslate } from 'react-admin';
import { touchIcon } from './touch.js';

/** One incident as the EST form's six columns, with its category and tags, readable on a phone. */
export function IncidentCard({
  incident,
  categoryLabel,
  onEdit,
  onRemove,
}: {
  incident: IncidentView;
  /** The category as the municipality names it (the key where the list has not come yet). */
  categoryLabel?: string | undefined;
  onEdit?: () => void;
  onRemove?: () => void;
}) {
  const translate = useTranslate();
  const row = (label: string, value: string) =>
    value ? (
      <Box component="div" sx={{ display: 'flex', gap: 1, flexWrap: 'wrap' }}>
        <Typography component="dt" variant="body2" sx={{ fontWeight: 600, minWidth: 90 }}>
          {translate(label)}
        </Typography>
        <Typography component="dd" variant="body2" sx={{ m: 0, whiteSpace: 'pre-wrap' }}>
          {value}
        </Typography>
      </Box>
    ) : null;
  return (
    <Card variant="outlined" component="article" aria-label={incident.problem}>
      <CardContent sx={{ pb: 1 }}>
        <Stack direction="row" spacing={1} sx={{ alignItems: 'center', mb: 1, flexWrap: 'wrap' }}>
          <Typography component="h3" variant="subtitle1" sx={{ flex: 1, whiteSpace: 'pre-wrap' }}>
            {incident.problem}
          </Typography>
          <Chip size="small" variant="outlined" label={categoryLabel ?? incident.category} />
          <Chip
            size="small"
            label={`${translate('laget.incident.severity')}: ${assessmentText(incident.assessment)}`}
          />
        </Stack>
        <Box component="dl" sx={{ m: 0, display: 'grid', gap: 0.5 }}>
          {row('laget.incident.location', incident.location)}
          {row('laget.incident.occurredAt', incident.occurredAt)}
          {row('laget.incident.frequency', incident.frequency)}
          {row('laget.incident.comment', incident.comment)}
          {row('laget.incident.tags', incident.tags.join(', '))}
        </Box>
      </CardContent>
      {(onEdit || onRemove) && (
        <CardActions sx={{ justifyContent: 'flex-end', pt: 0 }}>
          {onEdit && (
            <IconButton
              onClick={onEdit}
              sx={touchIcon}
              aria-label={`${translate('laget.report.edit_incident')}: ${incident.problem}`}
            >
              <EditIcon />
            </IconButton>
          )}
          {onRemove && (
            <IconButton
              onClick={onRemove}
              sx={touchIcon}
              aria-label={`${translate('laget.report.remove_incident')}: ${incident.problem}`}
            >
              <DeleteIcon />
            </IconButton>
          )}
        </CardActions>
      )}
    </Card>
  );
}
