import { useEffect, useState, type FormEvent } from 'react';
import {
  Autocomplete,
  Button,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  FormControl,
  FormControlLabel,
  FormHelperText,
  FormLabel,
  Radio,
  RadioGroup,
  Stack,
  TextField,
  useMediaQuery,
  type Theme,
} from '@mui/material';
import { INCIDENT_SCOPES, type IncidentView, type PlaceView } from '@laget/contracts';
import { useLocaleState, useTranslate } from 'react-admin';
import { api } from '../http.js';
import type { IncidentInput } from './useReport.js';
import { severityHelpWords, severityWord } from './severity-words.js';

const empty: IncidentInput = {
  problem: '',
  location: '',
  placeId: null,
  occurredAt: '',
  frequency: '',
  assessment: { severity: 2, scope: 'E' },
  comment: '',
};

/** The place register where the API has one; free text is always allowed. */
function usePlaces(): PlaceView[] {
  const [places, setPlaces] = useState<PlaceView[]>([]);
  useEffect(() => {
    api<PlaceView[]>('/api/places?perPage=500&sort=name&order=ASC')
      .then(({ json }) => setPlaces(Array.isArray(json) ? json.filter((p) => !p.retired) : []))
      .catch(() => setPlaces([]));
  }, []);
  return places;
}

/**
 * The six columns of the EST form, each with the form's own question as help text. Full screen
 * on a phone, where people fill it in between other duties.
 */
export function IncidentDialog({
  open,
  incident,
  onClose,
  onSave,
}: {
  open: boolean;
  incident?: IncidentView;
  onClose: () => void;
  onSave: (input: IncidentInput) => Promise<boolean>;
}) {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const phone = useMediaQuery<Theme>((theme) => theme.breakpoints.down('sm'));
  const places = usePlaces();
  const [values, setValues] = useState<IncidentInput>(empty);
  const [touched, setTouched] = useState(false);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (!open) return;
    setTouched(false);
    setValues(
      incident
        ? {
            problem: incident.problem,
            location: incident.location,
            placeId: incident.placeId,
            occurredAt: incident.occurredAt,
            frequency: incident.frequency,
            assessment: { ...incident.assessment },
            comment: incident.comment,
          }
        : empty,
    );
  }, [open, incident]);

  const problemMissing = values.problem.trim() === '';

  async function submit(event: FormEvent) {
    event.preventDefault();
    setTouched(true);
    if (problemMissing) return;
    setBusy(true);
    try {
      if (await onSave(values)) onClose();
    } finally {
      setBusy(false);
    }
  }

  const text = (name: 'problem' | 'occurredAt' | 'frequency' | 'comment', multiline = false) => (
    <TextField
      id={`incident-${name}`}
      label={translate(`laget.incident.${name}`)}
      helperText={
        name === 'problem' && touched && problemMissing
          ? translate('laget.common.required')
          : translate(`laget.incident.${name}_help`)
      }
      error={name === 'problem' && touched && problemMissing}
      required={name === 'problem'}
      value={values[name]}
      onChange={(e) => setValues({ ...values, [name]: e.target.value })}
      multiline={multiline}
      minRows={multiline ? 2 : undefined}
      fullWidth
    />
  );

  return (
    <Dialog
      open={open}
      onClose={onClose}
      fullScreen={phone}
      fullWidth
      maxWidth="md"
      aria-labelledby="incident-title"
    >
      <form onSubmit={submit} noValidate>
        <DialogTitle id="incident-title">
          {translate(incident ? 'laget.report.edit_incident' : 'laget.report.add_incident')}
        </DialogTitle>
        <DialogContent>
          <Stack spacing={2} sx={{ pt: 1 }}>
            {text('problem', true)}
            <Autocomplete
              id="incident-location"
              freeSolo
              options={places}
              getOptionLabel={(option) => (typeof option === 'string' ? option : option.name)}
              inputValue={values.location}
              onInputChange={(_e, location, reason) => {
                if (reason === 'input' || reason === 'clear')
                  setValues((v) => ({ ...v, location, placeId: null }));
              }}
              onChange={(_e, option) => {
                if (option && typeof option !== 'string')
                  setValues((v) => ({ ...v, location: option.name, placeId: option.id }));
              }}
              renderInput={(params) => (
                <TextField
                  {...params}
                  label={translate('laget.incident.location')}
                  helperText={translate('laget.incident.location_help')}
                />
              )}
            />
            <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2}>
              {text('occurredAt')}
              {text('frequency')}
            </Stack>
            <FormControl>
              <FormLabel id="severity-label">{translate('laget.incident.severity')}</FormLabel>
              <RadioGroup
                row
                aria-labelledby="severity-label"
                aria-describedby="severity-help"
                value={String(values.assessment.severity)}
                onChange={(e) =>
                  setValues({
                    ...values,
                    assessment: { ...values.assessment, severity: Number(e.target.value) },
                  })
                }
              >
                {([1, 2, 3, 4, 5] as const).map((level) => (
                  <FormControlLabel
                    key={level}
                    value={String(level)}
                    control={<Radio />}
                    label={`${level} ${severityWord(level, locale)}`}
                  />
                ))}
              </RadioGroup>
              <FormHelperText id="severity-help">
                {translate('laget.incident.severity_help', severityHelpWords(locale))}
              </FormHelperText>
            </FormControl>
            <FormControl>
              <FormLabel id="scope-label">{translate('laget.incident.scope')}</FormLabel>
              <RadioGroup
                row
                aria-labelledby="scope-label"
                aria-describedby="scope-help"
                value={values.assessment.scope}
                onChange={(e) =>
                  setValues({
                    ...values,
                    assessment: { ...values.assessment, scope: e.target.value as 'E' | 'A' | 'EA' },
                  })
                }
              >
                {INCIDENT_SCOPES.map((scope) => (
                  <FormControlLabel
                    key={scope}
                    value={scope}
                    control={<Radio />}
                    label={translate(`laget.incident.scope_${scope}`)}
                  />
                ))}
              </RadioGroup>
              <FormHelperText id="scope-help">{translate('laget.incident.scope_help')}</FormHelperText>
            </FormControl>
            {text('comment', true)}
          </Stack>
        </DialogContent>
        <DialogActions>
          <Button onClick={onClose}>{translate('ra.action.cancel')}</Button>
          <Button type="submit" variant="contained" disabled={busy}>
            {translate('ra.action.save')}
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
}
