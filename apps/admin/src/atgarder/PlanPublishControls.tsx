import { useState } from 'react';
import { Alert, Button, Stack, TextField, Typography } from '@mui/material';
import type { AtgardsplanView } from '@laget/contracts';
import { Confirm, useCanAccess, useTranslate } from 'react-admin';
import { CorrectionFields, correctionMissing } from '../shared/CorrectionFields.js';

interface Props {
  plan: AtgardsplanView;
  busy: boolean;
  run: (path: string, body?: unknown) => Promise<void>;
}

/**
 * Approve, publish (after a first publication: as a correction, with what and why) and retract
 * the åtgärdsplan, as the lägesbild's publish panel does. The server decides who may: with four
 * eyes on, the coordinator who compiled it is refused approval, in Swedish.
 */
export function PlanPublishControls({ plan, busy, run }: Props) {
  const translate = useTranslate();
  const [correction, setCorrection] = useState({ what: '', why: '' });
  const [reason, setReason] = useState('');
  const [confirming, setConfirming] = useState(false);
  const { canAccess: mayApprove } = useCanAccess({ action: 'approve', resource: 'atgardsplaner' });
  const { canAccess: mayPublish } = useCanAccess({ action: 'create', resource: 'atgardsplaner' });
  const { canAccess: mayRetract } = useCanAccess({ action: 'delete', resource: 'atgardsplaner' });
  const base = `/api/atgardsplaner/${plan.year}`;
  const isCorrection = plan.publishedAt !== null || plan.retraction !== null || plan.corrections.length > 0;
  const missing = isCorrection && correctionMissing(correction);

  return (
    <Stack spacing={1} sx={{ mb: 2, maxWidth: 640 }}>
      {mayApprove && plan.status === 'compiled' && (
        <Button
          variant="outlined"
          disabled={busy}
          onClick={() => void run(`${base}/approve`, { contentHash: plan.contentHash })}
        >
          {translate('laget.atgarder.plan_approve')}
        </Button>
      )}
      {mayPublish && plan.status === 'approved' && (
        <>
          {isCorrection && (
            <CorrectionFields
              idPrefix="plan-correction"
              help="laget.atgarder.plan_correction_help"
              value={correction}
              onChange={setCorrection}
            />
          )}
          <Button
            variant="contained"
            disabled={busy || missing}
            onClick={() => void run(`${base}/publish`, isCorrection ? { correction } : {})}
          >
            {translate(isCorrection ? 'laget.lagesbild.publish_correction' : 'laget.atgarder.plan_publish')}
          </Button>
        </>
      )}
      {plan.status === 'retracted' && (
        <Alert severity="warning">{translate('laget.atgarder.plan_retracted_notice')}</Alert>
      )}
      {mayRetract && plan.publishedAt !== null && (
        <>
          <Typography variant="body2" color="text.secondary">
            {translate('laget.atgarder.plan_correction_how')}
          </Typography>
          <TextField
            id="plan-retract-reason"
            label={translate('laget.lagesbild.retract_reason')}
            value={reason}
            onChange={(event) => setReason(event.target.value)}
            multiline
          />
          <Button
            variant="outlined"
            color="error"
            disabled={busy || !reason.trim()}
            onClick={() => setConfirming(true)}
          >
            {translate('laget.lagesbild.retract')}
          </Button>
          <Confirm
            isOpen={confirming}
            loading={busy}
            title="laget.lagesbild.retract"
            content="laget.atgarder.plan_retract_confirm"
            onConfirm={async () => {
              setConfirming(false);
              await run(`${base}/retract`, { reason });
              setReason('');
            }}
            onClose={() => setConfirming(false)}
          />
        </>
      )}
    </Stack>
  );
}
