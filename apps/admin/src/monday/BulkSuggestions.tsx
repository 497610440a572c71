import { useEffect, useState } from 'react';
import {
  Alert,
  Box,
  Button,
  Checkbox,
  FormControlLabel,
  LinearProgress,
  List,
  ListItem,
  Stack,
  Typography,
} from '@mui/material';
import type { LagesbildDocument, RedactionSuggestion } from '@laget/contracts';
import { useTranslate } from 'react-admin';
import { swedishError } from '../lagesbilder/lagesbild-errors.js';
import { sectionTitleOf } from '../lagesbilder/suggestion-actions.js';
import { BulkDialog, type BulkAction } from './BulkDialog.js';
import {
  contextParts,
  isPersonalData,
  selectedOf,
  toggled,
  toggledAll,
  type BulkOutcome,
  type BulkProgress,
} from './bulk-suggestions.js';

export interface BulkRun {
  action: BulkAction;
  suggestions: RedactionSuggestion[];
  legalGround: string;
  reason: string;
}

/**
 * Läget's suggestions as one list, each with the text around it, handled many at a time: all
 * personnummer, phone numbers and e-mail masked with one legal ground, or the selected ones
 * masked or dismissed with one reason. The run itself (one request per suggestion) is the
 * caller's; this shows its progress and, in Swedish, what was refused.
 */
export function BulkSuggestions({
  doc,
  suggestions,
  grounds,
  onRun,
}: {
  doc: LagesbildDocument;
  suggestions: RedactionSuggestion[];
  grounds: readonly string[];
  onRun: (
    run: BulkRun,
    onProgress: (progress: BulkProgress) => void,
  ) => Promise<BulkOutcome<RedactionSuggestion>>;
}) {
  const translate = useTranslate();
  const [selection, setSelection] = useState<Set<string>>(new Set());
  const [asking, setAsking] = useState<{ action: BulkAction; suggestions: RedactionSuggestion[] }>();
  const [progress, setProgress] = useState<(BulkProgress & { action: BulkAction }) | undefined>();
  const [failed, setFailed] = useState<BulkOutcome<RedactionSuggestion>['failed']>([]);
  const personal = suggestions.filter(isPersonalData);
  const selected = selectedOf(selection, suggestions);
  const busy = progress !== undefined && progress.done < progress.total;

  // A suggestion handled (here or in another tab) leaves the list and the selection.
  useEffect(() => {
    setSelection((current) => new Set(selectedOf(current, suggestions).map((s) => s.id)));
  }, [suggestions]);

  // The suggestions come from the dialog that asked: the run outlives the dialog's state.
  async function run(action: BulkAction, chosen: RedactionSuggestion[], legalGround: string, reason: string) {
    setFailed([]);
    const outcome = await onRun({ action, suggestions: chosen, legalGround, reason }, (p) =>
      setProgress({ ...p, action }),
    );
    setFailed(outcome.failed);
    setSelection(new Set());
  }

  const allSelected = suggestions.length > 0 && selected.length === suggestions.length;
  return (
    <Stack spacing={1}>
      {suggestions.length > 0 && (
        <>
          <Button
            variant="contained"
            disabled={busy || personal.length === 0}
            onClick={() => setAsking({ action: 'mask', suggestions: personal })}
          >
            {translate('laget.lagesbild.monday.mask_personal', { smart_count: personal.length })}
          </Button>
          <Stack direction="row" spacing={1} useFlexGap sx={{ flexWrap: 'wrap' }}>
            <Button
              variant="outlined"
              disabled={busy || selected.length === 0}
              onClick={() => setAsking({ action: 'mask', suggestions: selected })}
            >
              {translate('laget.lagesbild.monday.mask_selected', { smart_count: selected.length })}
            </Button>
            <Button
              variant="outlined"
              disabled={busy || selected.length === 0}
              onClick={() => setAsking({ action: 'dismiss', suggestions: selected })}
            >
              {translate('laget.lagesbild.monday.dismiss_selected', { smart_count: selected.length })}
            </Button>
          </Stack>
        </>
      )}
      {progress && (
        <Box role="status" aria-live="polite">
          <Typography variant="body2">
            {translate(
              `laget.lagesbild.monday.${progress.action}_progress${progress.done < progress.total ? '' : '_done'}`,
              { done: progress.done, smart_count: progress.total },
            )}
          </Typography>
          <LinearProgress
            variant="determinate"
            value={progress.total === 0 ? 100 : (100 * progress.done) / progress.total}
            aria-label={translate('laget.lagesbild.monday.progress')}
          />
        </Box>
      )}
      {failed.length > 0 && (
        <Alert severity="error" role="alert" onClose={() => setFailed([])}>
          {translate('laget.lagesbild.monday.failed', { smart_count: failed.length })}
          <List dense disablePadding>
            {failed.map(({ item, error }) => (
              <ListItem key={item.id} disableGutters>
                {`”${item.text}”: ${swedishError(error)}`}
              </ListItem>
            ))}
          </List>
        </Alert>
      )}
      {suggestions.length > 0 && (
        <FormControlLabel
          control={
            <Checkbox
              checked={allSelected}
              indeterminate={selected.length > 0 && !allSelected}
              onChange={() => setSelection(toggledAll(selection, suggestions))}
            />
          }
          label={translate('laget.lagesbild.monday.select_all')}
        />
      )}
      {suggestions.length === 0 && (
        <Typography color="text.secondary">{translate('laget.lagesbild.no_suggestions')}</Typography>
      )}
      <List dense disablePadding aria-label={translate('laget.lagesbild.suggestions')}>
        {suggestions.map((suggestion) => {
          const { before, hit, after } = contextParts(suggestion);
          const kind = translate(`laget.lagesbild.kind_${suggestion.kind}`, { _: suggestion.kind });
          return (
            <ListItem key={suggestion.id} disableGutters alignItems="flex-start" sx={{ py: 0 }}>
              <Checkbox
                checked={selection.has(suggestion.id)}
                onChange={() => setSelection(toggled(selection, suggestion.id))}
                slotProps={{
                  input: {
                    'aria-label': `${translate('laget.lagesbild.monday.select')}: ${suggestion.text} (${kind})`,
                  },
                }}
                sx={{ mt: -0.5 }}
              />
              <Box sx={{ minWidth: 0 }}>
                <Typography variant="body2">
                  <strong>{suggestion.text}</strong> – {kind}, {sectionTitleOf(doc, suggestion.sectionId)}
                </Typography>
                <Typography variant="body2" color="text.secondary" sx={{ overflowWrap: 'anywhere' }}>
                  …{before}
                  <Box component="mark" sx={{ bgcolor: '#ffe08a', color: 'inherit' }}>
                    {hit}
                  </Box>
                  {after}…
                </Typography>
              </Box>
            </ListItem>
          );
        })}
      </List>
      <BulkDialog
        action={asking?.action}
        suggestions={asking?.suggestions ?? []}
        grounds={grounds}
        onClose={() => setAsking(undefined)}
        onConfirm={run}
      />
    </Stack>
  );
}
