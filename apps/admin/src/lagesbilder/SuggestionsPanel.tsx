import { Button, List, ListItem, ListItemText, Stack } from '@mui/material';
import type { RedactionSuggestion } from '@laget/contracts';
import { useTranslate } from 'react-admin';
import { SidePanel } from './SidePanel.js';

export const suggestionKey = (s: RedactionSuggestion) => `${s.sectionId}|${s.path}|${s.start}|${s.end}`;

/** Läget's suggestions of what to mask (names, phone numbers …): a person accepts or dismisses each. */
export function SuggestionsPanel({
  suggestions,
  onAccept,
  onDismiss,
}: {
  suggestions: RedactionSuggestion[];
  onAccept: (suggestion: RedactionSuggestion) => void;
  onDismiss: (suggestion: RedactionSuggestion) => void;
}) {
  const translate = useTranslate();
  return (
    <SidePanel
      id="suggestions"
      title={translate('laget.lagesbild.suggestions')}
      empty={suggestions.length === 0 ? translate('laget.lagesbild.no_suggestions') : undefined}
    >
      <List dense>
        {suggestions.map((suggestion) => (
          <ListItem
            key={suggestionKey(suggestion)}
            disableGutters
            secondaryAction={
              <Stack direction="row" spacing={0.5}>
                <Button
                  size="small"
                  aria-label={`${translate('laget.lagesbild.accept')}: ${suggestion.text}`}
                  onClick={() => onAccept(suggestion)}
                >
                  {translate('laget.lagesbild.accept')}
                </Button>
                <Button
                  size="small"
                  aria-label={`${translate('laget.lagesbild.dismiss')}: ${suggestion.text}`}
                  onClick={() => onDismiss(suggestion)}
                >
                  {translate('laget.lagesbild.dismiss')}
                </Button>
              </Stack>
            }
            sx={{ pr: 18 }}
          >
            <ListItemText
              primary={suggestion.text}
              secondary={translate(`laget.lagesbild.kind_${suggestion.kind}`, { _: suggestion.kind })}
            />
          </ListItem>
        ))}
      </List>
    </SidePanel>
  );
}
