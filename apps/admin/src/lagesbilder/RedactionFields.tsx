import { Autocomplete, TextField } from '@mui/material';
import { useTranslate } from 'react-admin';
import { legalGroundHints } from './legal-grounds.js';

/**
 * The legal ground of a mask, chosen from the grounds the API accepts, each with what it is
 * about. Never preselected: which law allows keeping something secret is the coordinator's call.
 * Shared by the single mask (RedactionDialog) and the Monday screen's bulk masking (BulkDialog).
 */
export function LegalGroundField({
  id,
  grounds,
  value,
  onChange,
  showMissing,
}: {
  id: string;
  grounds: readonly string[];
  value: string;
  onChange: (value: string) => void;
  /** The form was submitted without a ground. */
  showMissing: boolean;
}) {
  const translate = useTranslate();
  return (
    <Autocomplete
      id={id}
      options={grounds}
      value={value || null}
      onChange={(_e, chosen) => onChange(chosen ?? '')}
      renderOption={(props, option) => (
        <li {...props} key={option}>
          <span>
            <strong>{option}</strong>
            {legalGroundHints[option] ? ` – ${legalGroundHints[option]}` : ''}
          </span>
        </li>
      )}
      renderInput={(params) => (
        <TextField
          {...params}
          label={translate('laget.lagesbild.legal_ground')}
          required
          error={showMissing}
          helperText={showMissing ? translate('laget.common.required') : undefined}
        />
      )}
    />
  );
}

/** The reason kept in the log with a mask or a dismissal: required, a few lines. */
export function ReasonField({
  id,
  value,
  onChange,
  touched,
}: {
  id: string;
  value: string;
  onChange: (value: string) => void;
  /** The form was submitted: an empty reason is marked. */
  touched: boolean;
}) {
  const translate = useTranslate();
  const missing = touched && !value.trim();
  return (
    <TextField
      id={id}
      label={translate('laget.lagesbild.reason')}
      helperText={missing ? translate('laget.common.required') : translate('laget.lagesbild.reason_help')}
      error={missing}
      value={value}
      onChange={(e) => onChange(e.target.value)}
      required
      multiline
      minRows={2}
    />
  );
}
