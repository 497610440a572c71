import { TextField, Typography } from '@mui/material';
import { useTranslate } from 'react-admin';

export interface Correction {
  what: string;
  why: string;
}

/** Both are required by the API for a publication after the first (a correction). */
export const correctionMissing = (correction: Correction) =>
  !correction.what.trim() || !correction.why.trim();

/**
 * What a correction changed and why, as readers will see it: the lägesbild's publish panel and
 * the åtgärdsplan's ask the same two things, each with its own help text.
 */
export function CorrectionFields({
  idPrefix,
  help,
  value,
  onChange,
}: {
  idPrefix: string;
  /** The translation key of the text above the fields. */
  help: string;
  value: Correction;
  onChange: (correction: Correction) => void;
}) {
  const translate = useTranslate();
  return (
    <>
      <Typography variant="body2">{translate(help)}</Typography>
      <TextField
        id={`${idPrefix}-what`}
        label={translate('laget.lagesbild.correction_what')}
        value={value.what}
        onChange={(event) => onChange({ ...value, what: event.target.value })}
        required
        multiline
      />
      <TextField
        id={`${idPrefix}-why`}
        label={translate('laget.lagesbild.correction_why')}
        value={value.why}
        onChange={(event) => onChange({ ...value, why: event.target.value })}
        required
        multiline
      />
    </>
  );
}
