import { Box, Button, Typography } from '@mui/material';
import LockIcon from '@mui/icons-material/Lock';
import { Link } from 'react-router-dom';
import { Title, useTranslate } from 'react-admin';

/** Shown instead of any page or custom route the person may not use. */
export function AccessDenied() {
  const translate = useTranslate();
  return (
    <Box component="section" sx={{ p: 3, textAlign: 'center' }}>
      <Title title={translate('laget.access_denied.title')} />
      <LockIcon sx={{ fontSize: 64, color: 'text.secondary' }} aria-hidden="true" />
      <Typography component="h1" variant="h5" gutterBottom>
        {translate('laget.access_denied.title')}
      </Typography>
      <Typography sx={{ mb: 2 }}>{translate('laget.access_denied.text')}</Typography>
      <Button component={Link} to="/" variant="contained">
        {translate('laget.access_denied.home')}
      </Button>
    </Box>
  );
}
