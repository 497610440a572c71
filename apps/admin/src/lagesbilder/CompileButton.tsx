import { useState } from 'react';
import { Button, List, ListItem, Typography } from '@mui/material';
import type { LagesbildDocument } from '@laget/contracts';
import { useNotify, useTranslate } from 'react-admin';
import { swedishDateTime } from '../shared/week.js';
import { ConfirmDialog } from './ConfirmDialog.js';
import { earlyCompileQuestion, timeLeft, type EarlyCompileQuestion } from './early-compile.js';
import { lagesbildApi } from './lagesbild-api.js';
import { swedishError } from './lagesbild-errors.js';

/**
 * Compiles the week. Before its deadline the API refuses while organisations have not reported
 * (409 naming them); the coordinator then sees who is missing and how long is left, and may
 * compile anyway. Used on the lägesbild page and on the coordinator's dashboard.
 */
export function CompileButton({
  period,
  label,
  variant = 'outlined',
  color = 'inherit',
  onCompiled,
}: {
  period: string;
  label?: string;
  variant?: 'outlined' | 'contained';
  color?: 'inherit' | 'primary';
  onCompiled: (document: LagesbildDocument | undefined) => void | Promise<void>;
}) {
  const translate = useTranslate();
  const notify = useNotify();
  const [question, setQuestion] = useState<EarlyCompileQuestion | undefined>();
  const [failure, setFailure] = useState<string | undefined>();

  async function compile(confirmEarly: boolean): Promise<boolean> {
    setFailure(undefined);
    try {
      const document = await lagesbildApi.compile(period, confirmEarly);
      notify('laget.lagesbild.compiled', { type: 'success' });
      await onCompiled(document);
      return true;
    } catch (caught) {
      const asked = confirmEarly ? undefined : earlyCompileQuestion(caught);
      if (asked) setQuestion(asked);
      else if (question) setFailure(swedishError(caught));
      else notify(swedishError(caught), { type: 'error' });
      return false;
    }
  }

  const left = question ? timeLeft(question.reportingDeadline) : undefined;
  return (
    <>
      <Button color={color} variant={variant} onClick={() => void compile(false)}>
        {label ?? translate('laget.lagesbild.compile')}
      </Button>
      <ConfirmDialog
        open={Boolean(question)}
        title={translate('laget.lagesbild.early.title')}
        confirmLabel={translate('laget.lagesbild.early.confirm')}
        error={failure}
        onClose={() => {
          setQuestion(undefined);
          setFailure(undefined);
        }}
        onConfirm={() => compile(true)}
      >
        {question && left && (
          <>
            <Typography>
              {translate('laget.lagesbild.early.intro', {
                deadline: swedishDateTime(question.reportingDeadline),
                left: translate('laget.lagesbild.early.time_left', left),
              })}
            </Typography>
            <List dense aria-label={translate('laget.dashboard.not_reported')}>
              {question.missingOrganisations.map((organisation) => (
                <ListItem key={organisation.id}>{organisation.name}</ListItem>
              ))}
            </List>
            <Typography>{translate('laget.lagesbild.early.after')}</Typography>
          </>
        )}
      </ConfirmDialog>
    </>
  );
}
