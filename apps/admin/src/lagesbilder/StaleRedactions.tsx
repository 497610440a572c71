import { Alert, Box, Button, List, ListItem, ListItemText, Stack, Typography } from '@mui/material';
import type { LagesbildDocument } from '@laget/contracts';
import { useTranslate } from 'react-admin';
import type { RedactionOverview } from '@laget/contracts';
import { placeLabel } from './place-label.js';

/**
 * Masks whose text changed after they were chosen. Until each is re-confirmed on the new text or
 * lifted, the open version hides the whole field and approval is refused (ADR 0006); this says
 * so where the coordinator looks, and offers both ways out.
 */
export function StaleRedactions({
  doc,
  redactions,
  mayChange,
  onReconfirm,
  onLift,
}: {
  doc: LagesbildDocument;
  redactions: RedactionOverview[];
  mayChange: boolean;
  onReconfirm: (redaction: RedactionOverview) => void;
  onLift: (redaction: RedactionOverview) => void;
}) {
  const translate = useTranslate();
  if (redactions.length === 0) return null;
  return (
    <Alert
      severity="warning"
      sx={{ mb: 2, '& .MuiAlert-message': { width: '100%' } }}
      role="region"
      aria-labelledby="stale-heading"
    >
      <Typography id="stale-heading" component="h2" variant="subtitle1" sx={{ fontWeight: 600 }}>
        {translate('laget.lagesbild.stale_heading', { smart_count: redactions.length })}
      </Typography>
      <Typography variant="body2">{translate('laget.lagesbild.stale_explanation')}</Typography>
      <List dense disablePadding>
        {redactions.map((redaction) => {
          const place = placeLabel(translate, doc, redaction.sectionId, redaction.path);
          return (
            <ListItem key={redaction.id} disableGutters sx={{ flexWrap: 'wrap', gap: 1 }}>
              <ListItemText
                primary={place}
                secondary={`${redaction.legalGround} – ${redaction.reason}`}
                sx={{ flex: '1 1 16rem' }}
              />
              {mayChange && (
                <Stack direction="row" spacing={1} component={Box}>
                  <Button
                    size="small"
                    variant="outlined"
                    color="inherit"
                    onClick={() => onReconfirm(redaction)}
                    aria-label={`${translate('laget.lagesbild.reconfirm')}: ${place}`}
                  >
                    {translate('laget.lagesbild.reconfirm')}
                  </Button>
                  <Button
                    size="small"
                    color="inherit"
                    onClick={() => onLift(redaction)}
                    aria-label={`${translate('laget.lagesbild.lift')}: ${place}`}
                  >
                    {translate('laget.lagesbild.lift')}
                  </Button>
                </Stack>
              )}
            </ListItem>
          );
        })}
      </List>
    </Alert>
  );
}
