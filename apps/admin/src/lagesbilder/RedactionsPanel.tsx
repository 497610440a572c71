import { Button, List, ListItem, ListItemText } from '@mui/material';
import { useTranslate } from 'react-admin';
import type { RedactionOverview } from '@laget/contracts';
import { SidePanel } from './SidePanel.js';

/** The masks and left-out items of the week, each with its legal ground and reason, and a way to lift it. */
export function RedactionsPanel({
  redactions,
  onLift,
}: {
  redactions: RedactionOverview[];
  onLift: (redaction: RedactionOverview) => void;
}) {
  const translate = useTranslate();
  return (
    <SidePanel
      id="redactions"
      title={translate('laget.lagesbild.redactions')}
      empty={redactions.length === 0 ? translate('laget.lagesbild.no_redactions') : undefined}
    >
      <List dense>
        {redactions.map((redaction) => (
          <ListItem
            key={redaction.id}
            disableGutters
            secondaryAction={
              <Button
                size="small"
                onClick={() => onLift(redaction)}
                aria-label={`${translate('laget.lagesbild.lift')}: ${redaction.text ?? redaction.path ?? ''}`}
              >
                {translate('laget.lagesbild.lift')}
              </Button>
            }
            sx={{ pr: 8 }}
          >
            <ListItemText
              primary={
                redaction.kind === 'mask' ? (redaction.text ?? '…') : translate('laget.lagesbild.excluded')
              }
              secondary={`${redaction.legalGround} – ${redaction.reason}${redaction.stale ? ` (${translate('laget.lagesbild.stale')})` : ''}`}
            />
          </ListItem>
        ))}
      </List>
    </SidePanel>
  );
}
