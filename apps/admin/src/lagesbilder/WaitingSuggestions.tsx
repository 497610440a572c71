import { Alert, List, ListItem, ListItemText } from '@mui/material';
import type { LagesbildDocument, UnhandledSuggestion } from '@laget/contracts';
import { useTranslate } from 'react-admin';
import { sectionTitleOf } from './suggestion-actions.js';

/**
 * Why the approve button was refused: the suggestions the API says still wait for a decision,
 * each with its kind, where it stands and the text around it, so the coordinator can find it.
 */
export function WaitingSuggestions({
  doc,
  waiting,
}: {
  doc: LagesbildDocument;
  waiting: UnhandledSuggestion[];
}) {
  const translate = useTranslate();
  if (waiting.length === 0) return null;
  return (
    <Alert
      severity="warning"
      role="region"
      aria-label={translate('laget.lagesbild.waiting_suggestions_title')}
    >
      {translate('laget.lagesbild.waiting_suggestions', { smart_count: waiting.length })}
      <List dense disablePadding>
        {waiting.map((suggestion) => (
          <ListItem key={suggestion.id} disableGutters>
            <ListItemText
              primary={`”${suggestion.text}” – ${translate(`laget.lagesbild.kind_${suggestion.kind}`, {
                _: suggestion.kind,
              })}, ${sectionTitleOf(doc, suggestion.sectionId)}`}
              secondary={suggestion.context ? `… ${suggestion.context} …` : undefined}
            />
          </ListItem>
        ))}
      </List>
    </Alert>
  );
}
