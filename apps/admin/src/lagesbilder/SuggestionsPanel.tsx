import { Button, List, ListItem, ListItemText, Stack, Typography } from '@mui/material';
import type { RedactionSuggestion } from '@laget/contracts';
import { useTranslate } from 'react-admin';
import { SidePanel } from './SidePanel.js';

/**
 * Läget's suggestions of what to mask (names, phone numbers …), each with the text around it: a
 * person masks it there, masks it everywhere it stands, or dismisses it (recorded). Approval
 * waits until every one is decided.
 */
export function SuggestionsPanel({
  suggestions,
  onAccept,
  onAcceptEverywhere,
  onDismiss,
}: {
  suggestions: RedactionSuggestion[];
  onAccept: (suggestion: RedactionSuggestion) => void;
  onAcceptEverywhere: (suggestion: RedactionSuggestion) => void;
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
            key={suggestion.id}
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
                  aria-label={`${translate('laget.lagesbild.mask_everywhere')}: ${suggestion.text}`}
                  onClick={() => onAcceptEverywhere(suggestion)}
                >
                  {translate('laget.lagesbild.mask_everywhere_short')}
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
            sx={{ pr: 30 }}
          >
            <ListItemText
              primary={suggestion.text}
              secondary={
                <>
                  {translate(`laget.lagesbild.kind_${suggestion.kind}`, { _: suggestion.kind })}
                  {suggestion.context && (
                    <Typography
                      component="span"
                      variant="body2"
                      sx={{ display: 'block', fontStyle: 'italic' }}
                    >
                      {`”${suggestion.context}”`}
                    </Typography>
                  )}
                </>
              }
            />
          </ListItem>
        ))}
      </List>
    </SidePanel>
  );
}
