import { useState } from 'react';
import {
  Box,
  Button,
  Card,
  CardContent,
  List,
  ListItem,
  ListItemText,
  MenuItem,
  TextField,
  Typography,
} from '@mui/material';
import type { ActionView, FollowUpEffect } from '@laget/contracts';
import { FOLLOW_UP_EFFECTS } from '@laget/contracts';
import { useNotify, useRecordContext, useRefresh, useTranslate } from 'react-admin';
import { api } from '../http.js';
import { todayInStockholm } from './due.js';

/** The follow-ups of an action, newest first, and a form to add one (a dated note on the effect). */
export function FollowUps() {
  const record = useRecordContext<ActionView & { id: string }>();
  const translate = useTranslate();
  const notify = useNotify();
  const refresh = useRefresh();
  const [on, setOn] = useState(todayInStockholm());
  const [effect, setEffect] = useState<FollowUpEffect>('unchanged');
  const [text, setText] = useState('');
  const [saving, setSaving] = useState(false);
  if (!record) return null;

  const save = async () => {
    setSaving(true);
    try {
      await api(`/api/actions/${encodeURIComponent(record.id)}/follow-ups`, {
        method: 'POST',
        body: { on, effect, text },
      });
      setText('');
      notify('laget.atgarder.follow_up_added', { type: 'success' });
      refresh();
    } catch (error) {
      notify((error as Error).message, { type: 'error' });
    } finally {
      setSaving(false);
    }
  };

  return (
    <Card
      component="section"
      aria-labelledby="follow-ups-heading"
      sx={{ ml: { md: 2 }, mt: { xs: 2, md: 0 }, minWidth: 320 }}
    >
      <CardContent>
        <Typography id="follow-ups-heading" component="h2" variant="h6" gutterBottom>
          {translate('laget.atgarder.follow_ups')}
        </Typography>
        {record.followUps.length === 0 && (
          <Typography>{translate('laget.atgarder.no_follow_ups')}</Typography>
        )}
        <List dense>
          {[...record.followUps].reverse().map((followUp, index) => (
            <ListItem key={`${followUp.on}-${index}`} disableGutters>
              <ListItemText
                primary={`${followUp.on} · ${translate(`laget.atgarder.effect.${followUp.effect}`)}`}
                secondary={followUp.text}
              />
            </ListItem>
          ))}
        </List>
        <Box
          component="form"
          onSubmit={(event) => (event.preventDefault(), void save())}
          sx={{ display: 'grid', gap: 1.5, mt: 1 }}
        >
          <Typography component="h3" variant="subtitle1">
            {translate('laget.atgarder.add_follow_up')}
          </Typography>
          <TextField
            type="date"
            label={translate('laget.atgarder.follow_up_on')}
            value={on}
            onChange={(event) => setOn(event.target.value)}
            slotProps={{ inputLabel: { shrink: true } }}
            required
          />
          <TextField
            select
            label={translate('laget.atgarder.follow_up_effect')}
            value={effect}
            onChange={(event) => setEffect(event.target.value as FollowUpEffect)}
          >
            {FOLLOW_UP_EFFECTS.map((value) => (
              <MenuItem key={value} value={value}>
                {translate(`laget.atgarder.effect.${value}`)}
              </MenuItem>
            ))}
          </TextField>
          <TextField
            label={translate('laget.atgarder.follow_up_text')}
            value={text}
            onChange={(event) => setText(event.target.value)}
            multiline
            minRows={2}
            required
          />
          <Button
            type="submit"
            variant="contained"
            disabled={saving || text.trim() === ''}
            sx={{ minHeight: 44 }}
          >
            {translate('laget.atgarder.add_follow_up')}
          </Button>
        </Box>
      </CardContent>
    </Card>
  );
}
