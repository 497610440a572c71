import { useState } from 'react';
import { Box, Button, List, ListItem, ListItemText, Stack, Typography } from '@mui/material';
import AddIcon from '@mui/icons-material/Add';
import type { LagesbildDocument } from '@laget/contracts';
import { useTranslate } from 'react-admin';
import { AudienceDialog } from './AudienceDialog.js';
import { AudiencePreview } from './AudiencePreview.js';
import { ConfirmDialog } from './ConfirmDialog.js';
import type { Audience } from '@laget/contracts';
import type { LagesbildChange } from './lagesbild-data.js';

/**
 * The week's target-group internal versions (DESIGN.md, step 5): each a chosen set of sections
 * for chosen organisations and roles. Create, change, preview as its readers see it, remove.
 */
export function AudiencesPanel({
  doc,
  audiences,
  organisations,
  failure,
  attempt,
  clearFailure,
}: {
  doc: LagesbildDocument;
  audiences: Audience[];
  organisations: { id: string; name: string }[];
  /** The last refusal, shown inside the open dialog. */
  failure?: string;
  /** Runs one audited change, refreshes what it changed, and answers whether it went through. */
  attempt: (change: LagesbildChange, message?: string) => Promise<boolean>;
  clearFailure: () => void;
}) {
  const translate = useTranslate();
  const [editing, setEditing] = useState<{ audience?: Audience } | undefined>();
  const [previewing, setPreviewing] = useState<Audience | undefined>();
  const [removing, setRemoving] = useState<Audience | undefined>();
  const who = (audience: Audience) =>
    [
      ...audience.organisationIds.map((id) => organisations.find((o) => o.id === id)?.name ?? id),
      ...audience.roles.map((role) => translate(`laget.roles.${role}`)),
    ].join(', ');
  const close = (then: () => void) => () => {
    clearFailure();
    then();
  };

  return (
    <Box component="section" aria-labelledby="audiences-heading">
      <Stack direction="row" sx={{ alignItems: 'center', flexWrap: 'wrap', gap: 1 }}>
        <Typography id="audiences-heading" component="h2" variant="h6" sx={{ flex: 1 }}>
          {translate('laget.lagesbild.audiences')}
        </Typography>
        <Button size="small" startIcon={<AddIcon />} onClick={() => setEditing({})}>
          {translate('laget.lagesbild.audience_new')}
        </Button>
      </Stack>
      {audiences.length === 0 ? (
        <Typography color="text.secondary">{translate('laget.lagesbild.no_audiences')}</Typography>
      ) : (
        <List dense>
          {audiences.map((audience) => (
            <ListItem key={audience.name} disableGutters sx={{ flexWrap: 'wrap' }}>
              <ListItemText
                primary={audience.title}
                secondary={translate('laget.lagesbild.audience_summary', {
                  who: who(audience),
                  smart_count: audience.sectionIds.length,
                })}
                sx={{ flex: '1 1 100%' }}
              />
              <Stack direction="row" spacing={0.5}>
                <Button
                  size="small"
                  onClick={() => setPreviewing(audience)}
                  aria-label={`${translate('laget.lagesbild.audience_preview')}: ${audience.title}`}
                >
                  {translate('laget.lagesbild.audience_preview')}
                </Button>
                <Button
                  size="small"
                  onClick={() => setEditing({ audience })}
                  aria-label={`${translate('ra.action.edit')}: ${audience.title}`}
                >
                  {translate('ra.action.edit')}
                </Button>
                <Button
                  size="small"
                  color="error"
                  onClick={() => setRemoving(audience)}
                  aria-label={`${translate('ra.action.delete')}: ${audience.title}`}
                >
                  {translate('ra.action.delete')}
                </Button>
              </Stack>
            </ListItem>
          ))}
        </List>
      )}

      <AudienceDialog
        open={Boolean(editing)}
        initial={editing?.audience}
        doc={doc}
        organisations={organisations}
        existingNames={audiences.map((a) => a.name)}
        error={failure}
        onClose={close(() => setEditing(undefined))}
        onSave={(audience) => attempt({ kind: 'defineAudience', audience }, 'laget.lagesbild.audience_saved')}
      />
      <AudiencePreview period={doc.id} audience={previewing} onClose={() => setPreviewing(undefined)} />
      <ConfirmDialog
        open={Boolean(removing)}
        title={translate('laget.lagesbild.audience_remove_title', { title: removing?.title ?? '' })}
        confirmLabel={translate('ra.action.delete')}
        destructive
        error={failure}
        onClose={close(() => setRemoving(undefined))}
        onConfirm={() =>
          attempt({ kind: 'removeAudience', name: removing?.name ?? '' }, 'laget.lagesbild.audience_removed')
        }
      >
        {translate('laget.lagesbild.audience_remove_text')}
      </ConfirmDialog>
    </Box>
  );
}
