import { Chip, type ChipProps } from '@mui/material';
import { useTranslate } from 'react-admin';

const colours: Record<string, ChipProps['color']> = {
  draft: 'default',
  missing: 'warning',
  late: 'error',
  submitted: 'success',
  amended: 'info',
  withdrawn: 'default',
  open: 'primary',
  closed: 'default',
  compiled: 'info',
  approved: 'secondary',
  published: 'success',
  retracted: 'warning',
  active: 'success',
  inactive: 'default',
};

/** A status word in the person's language, with a colour that is never the only signal. */
export function StatusChip({
  status,
  size = 'small',
}: {
  status: string | undefined;
  size?: ChipProps['size'];
}) {
  const translate = useTranslate();
  if (!status) return null;
  return (
    <Chip
      size={size}
      color={colours[status] ?? 'default'}
      variant={colours[status] === 'default' ? 'outlined' : 'filled'}
      label={translate(`laget.status.${status}`, { _: status })}
    />
  );
}
