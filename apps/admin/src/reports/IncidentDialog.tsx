import { Suspense, lazy, useEffect, useState, type FormEvent } from 'react';
import {
  Alert,
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
  Typography,
  useMediaQuery,
  type Theme,
} from '@mui/material';
import {
  INCIDENT_SCOPES,
  UNCATEGORISED,
  type IncidentCategory,
  type IncidentScope,
  type IncidentView,
  type PlaceView,
} from '@laget/contracts';
import { useLocaleState, useTranslate } from 'react-admin';
import { api } from '../http.js';
import type { IncidentInput } from './useReport.js';
import { SEVERITY_LEVELS, scopeWords, severityHelpWords, severityWord } from './severity-words.js';
import { touchIcon, touchTarget } from './touch.js';
import { TagsInput } from './TagsInput.js';
import { useChoices } from '../shared/useGet.js';

// The map library is large: loaded only when a reporter opens the picker (docs/adr/0022).
const PlacePickerDialog = lazy(async () => ({
  default: (await import('../map/PlacePickerDialog.js')).PlacePickerDialog,
}));

/**
 * The form's values. The assessment starts unanswered: how serious it is and whom it concerns
 * are the reporter's judgement, and a preselected "2" or "E" invites an answer nobody made.
 */
interface Draft extends Omit<IncidentInput, 'assessment' | 'tags'> {
  tags: string[];
  severity: number | null;
  scope: IncidentScope | null;
}

/** A new incident's form before the reporter has written anything. */
export const emptyIncident: Draft = {
  problem: '',
  // Nothing preselected: the category is the reporter's judgement, like the assessment.
  category: '',
  tags: [],
  location: '',
  placeId: null,
  occurredAt: '',
  frequency: '',
  severity: null,
  scope: null,
  comment: '',
};

/** What a save came to: the dialog closes on success and shows the server's words otherwise. */
export interface SaveOutcome {
  ok: boolean;
  error?: string;
}

type Required = 'problem' | 'category' | 'severity' | 'scope';

/** The fields still unanswered, in the form's order (the first one gets the focus). */
export function missingFields(draft: Draft): Required[] {
  const missing: Required[] = [];
  if (draft.problem.trim() === '') missing.push('problem');
  if (draft.category === '') missing.push('category');
  if (draft.severity === null) missing.push('severity');
  if (draft.scope === null) missing.push('scope');
  return missing;
}

/** The radio Tab stops at: the chosen one, or the first while none is. */
function tabStop(chosen: string | number | null, option: string | number, index: number): number {
  return (chosen === null ? index === 0 : chosen === option) ? 0 : -1;
}

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
 * on a phone, where people fill it in between other duties. Problematik, Bedömning and Berör
 * must be answered; the rest may stay empty.
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
  onSave: (input: IncidentInput) => Promise<SaveOutcome>;
}) {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const phone = useMediaQuery<Theme>((theme) => theme.breakpoints.down('sm'));
  const places = usePlaces();
  const categories = useChoices<IncidentCategory>('/api/incident-categories');
  const [values, setValues] = useState<Draft>(emptyIncident);
  const [touched, setTouched] = useState(false);
  const [busy, setBusy] = useState(false);
  const [refused, setRefused] = useState<string | undefined>();
  const [savedOne, setSavedOne] = useState(false);
  const [picking, setPicking] = useState(false);

  useEffect(() => {
    if (!open) return;
    setTouched(false);
    setRefused(undefined);
    setSavedOne(false);
    setValues(
      incident
        ? {
            problem: incident.problem,
            category: incident.category,
            tags: incident.tags,
            location: incident.location,
            placeId: incident.placeId,
            occurredAt: incident.occurredAt,
            frequency: incident.frequency,
            severity: incident.assessment.severity,
            scope: incident.assessment.scope,
            comment: incident.comment,
          }
        : emptyIncident,
    );
  }, [open, incident]);

  const missing = touched ? missingFields(values) : [];
  const isMissing = (field: Required) => missing.includes(field);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setTouched(true);
    const unanswered = missingFields(values);
    if (unanswered.length > 0 || values.severity === null || values.scope === null) {
      // Straight to the first unanswered question, for the keyboard and the screen reader alike.
      const first =
        unanswered[0] === 'problem' || unanswered[0] === 'category'
          ? `incident-${unanswered[0]}`
          : `incident-${unanswered[0]}-first`;
      document.getElementById(first)?.focus();
      return;
    }
    const { severity, scope, ...rest } = values;
    setBusy(true);
    setRefused(undefined);
    // "Spara och lägg till nästa" keeps the form open, emptied, for the next incident: one tap
    // fewer per incident for a reporter with several.
    const another = (event.nativeEvent as SubmitEvent).submitter?.getAttribute('name') === 'another';
    try {
      const outcome = await onSave({ ...rest, assessment: { severity, scope } });
      if (outcome.ok && another) {
        setValues(emptyIncident);
        setTouched(false);
        setSavedOne(true);
        document.getElementById('incident-problem')?.focus();
      } else if (outcome.ok) onClose();
      else if (outcome.error) setRefused(outcome.error);
    } finally {
      setBusy(false);
    }
  }

  const text = (name: 'problem' | 'occurredAt' | 'frequency' | 'comment', multiline = false) => (
    <TextField
      id={`incident-${name}`}
      label={translate(`laget.incident.${name}`)}
      helperText={
        name === 'problem' && isMissing('problem')
          ? translate('laget.common.required')
          : translate(`laget.incident.${name}_help`)
      }
      error={name === 'problem' && isMissing('problem')}
      required={name === 'problem'}
      value={values[name]}
      onChange={(e) => setValues({ ...values, [name]: e.target.value })}
      multiline={multiline}
      minRows={multiline ? 2 : undefined}
      fullWidth
    />
  );

  const choice = <T extends string | number>(
    name: 'severity' | 'scope',
    options: readonly T[],
    label: (option: T) => string,
    help: string,
    parse: (value: string) => T,
  ) => (
    <FormControl required error={isMissing(name)} component="fieldset">
      <FormLabel id={`${name}-label`} component="legend">
        {translate(`laget.incident.${name}`)}
      </FormLabel>
      <RadioGroup
        aria-labelledby={`${name}-label`}
        aria-describedby={`${name}-help`}
        // Required is said once, for the question (the legend's asterisk), not on every option.
        aria-required="true"
        value={values[name] === null ? '' : String(values[name])}
        onChange={(e) => setValues({ ...values, [name]: parse(e.target.value) })}
        sx={{ flexDirection: { xs: 'column', sm: 'row' } }}
      >
        {options.map((option, index) => (
          <FormControlLabel
            key={option}
            value={String(option)}
            control={
              <Radio
                id={index === 0 ? `incident-${name}-first` : undefined}
                // One Tab stop per question, as a group with an answer has: Chrome stops at every
                // radio of a group none of which is checked, and these start unanswered.
                slotProps={{ input: { tabIndex: tabStop(values[name], option, index) } }}
              />
            }
            label={label(option)}
            sx={touchTarget}
          />
        ))}
      </RadioGroup>
      <FormHelperText id={`${name}-help`}>
        {isMissing(name) ? `${translate('laget.incident.choose_one')} ${help}` : help}
      </FormHelperText>
    </FormControl>
  );

  return (
    <Dialog
      open={open}
      onClose={onClose}
      fullScreen={phone}
      fullWidth
      maxWidth="md"
      aria-labelledby="incident-title"
      // The dialog was opened to write an incident: typing starts in Problematik, by keyboard or
      // on a phone. Once shown, since the dialog's focus trap first takes the focus itself.
      slotProps={{ transition: { onEntered: () => document.getElementById('incident-problem')?.focus() } }}
    >
      <form onSubmit={submit} noValidate>
        <DialogTitle id="incident-title">
          {translate(incident ? 'laget.report.edit_incident' : 'laget.report.add_incident')}
        </DialogTitle>
        <DialogContent>
          <Stack spacing={2} sx={{ pt: 1 }}>
            {savedOne && (
              <Typography role="status" variant="body2" color="success.main">
                {translate('laget.report.saved_next')}
              </Typography>
            )}
            {text('problem', true)}
            <TextField
              id="incident-category"
              select
              required
              label={translate('laget.incident.category')}
              helperText={
                isMissing('category')
                  ? translate('laget.common.required')
                  : translate('laget.incident.category_help')
              }
              error={isMissing('category')}
              value={values.category}
              onChange={(e) => setValues({ ...values, category: e.target.value })}
              // A native select: the phone's own picker, and one the keyboard and tests know.
              slotProps={{ select: { native: true }, inputLabel: { shrink: true } }}
              fullWidth
            >
              <option value="" disabled>
                {translate('laget.incident.category_choose')}
              </option>
              {values.category === UNCATEGORISED && (
                <option value={UNCATEGORISED}>{translate('laget.incident.category_uncategorised')}</option>
              )}
              {categories.map((category) => (
                <option key={category.key} value={category.key}>
                  {category.label}
                </option>
              ))}
            </TextField>
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
              slotProps={{ clearIndicator: { sx: touchIcon } }}
              renderInput={(params) => (
                <TextField
                  {...params}
                  label={translate('laget.incident.location')}
                  helperText={translate('laget.incident.location_help')}
                />
              )}
            />
            <Button
              id="incident-place-on-map"
              variant="outlined"
              onClick={() => setPicking(true)}
              sx={{ ...touchTarget, alignSelf: 'flex-start' }}
            >
              {translate('laget.map.pick_button')}
            </Button>
            {picking && (
              <Suspense fallback={null}>
                <PlacePickerDialog
                  open
                  places={places}
                  selectedPlaceId={values.placeId ?? null}
                  onPick={(place) => {
                    setValues((v) => ({ ...v, location: place.name, placeId: place.id }));
                    setPicking(false);
                  }}
                  onClose={() => setPicking(false)}
                />
              </Suspense>
            )}
            <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2}>
              {text('occurredAt')}
              {text('frequency')}
            </Stack>
            {choice(
              'severity',
              SEVERITY_LEVELS,
              (level) => `${level} ${severityWord(level, locale)}`,
              translate('laget.incident.severity_help', severityHelpWords(locale)),
              (value) => Number(value) as (typeof SEVERITY_LEVELS)[number],
            )}
            {choice(
              'scope',
              INCIDENT_SCOPES,
              (scope) => scopeWords(scope, locale),
              translate('laget.incident.scope_help'),
              (value) => value as IncidentScope,
            )}
            {text('comment', true)}
            <TagsInput value={values.tags} onChange={(tags) => setValues({ ...values, tags })} />
            {refused && <Alert severity="error">{refused}</Alert>}
          </Stack>
        </DialogContent>
        {/* On a phone the buttons stack full width, the primary one last, lowest, nearest the thumb. */}
        <DialogActions
          sx={{
            px: 3,
            pb: 2,
            gap: 1,
            flexDirection: { xs: 'column', sm: 'row' },
            alignItems: { xs: 'stretch', sm: 'center' },
            '& > :not(style) ~ :not(style)': { ml: 0 },
          }}
        >
          <Button onClick={onClose} sx={touchTarget}>
            {translate('ra.action.cancel')}
          </Button>
          {!incident && (
            <Button type="submit" name="another" variant="outlined" disabled={busy} sx={touchTarget}>
              {translate('laget.report.save_and_next')}
            </Button>
          )}
          <Button type="submit" variant="contained" disabled={busy} sx={touchTarget}>
            {translate('ra.action.save')}
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
}
