import { useEffect, useState } from 'react';
import {
  Alert,
  Button,
  CircularProgress,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  useMediaQuery,
  type Theme,
} from '@mui/material';
import type { LagesbildDocument } from '@laget/contracts';
import { useTranslate } from 'react-admin';
import type { Audience } from '@laget/contracts';
import { lagesbildApi } from './lagesbild-api.js';
import { swedishError } from './lagesbild-errors.js';
import { SectionView } from './SectionView.js';

/** The target-group version exactly as its readers get it (`?view=audience:<name>`), read-only. */
export function AudiencePreview({
  period,
  audience,
  onClose,
}: {
  period: string;
  audience: Audience | undefined;
  onClose: () => void;
}) {
  const translate = useTranslate();
  const phone = useMediaQuery<Theme>((theme) => theme.breakpoints.down('sm'));
  const [doc, setDoc] = useState<LagesbildDocument | undefined>();
  const [error, setError] = useState<string | undefined>();

  useEffect(() => {
    setDoc(undefined);
    setError(undefined);
    if (!audience) return;
    let current = true;
    lagesbildApi
      .document(period, `audience:${audience.name}`)
      .then((found) => current && setDoc(found))
      .catch((caught: unknown) => current && setError(swedishError(caught)));
    return () => {
      current = false;
    };
  }, [period, audience]);

  return (
    <Dialog
      open={Boolean(audience)}
      onClose={onClose}
      fullWidth
      maxWidth="md"
      fullScreen={phone}
      aria-labelledby="audience-preview-title"
    >
      <DialogTitle id="audience-preview-title">
        {translate('laget.lagesbild.audience_preview_title', { title: audience?.title ?? '' })}
      </DialogTitle>
      <DialogContent dividers>
        {error && <Alert severity="error">{error}</Alert>}
        {!doc && !error && <CircularProgress aria-label={translate('laget.common.loading')} />}
        {doc?.sections.map((section) => (
          <SectionView key={section.id} section={section} selectable={false} />
        ))}
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>{translate('ra.action.close')}</Button>
      </DialogActions>
    </Dialog>
  );
}
