import { Box, Typography } from '@mui/material';
import { Login, LoginForm, useTranslate } from 'react-admin';

/** react-admin's login page with the product's name above the form. */
export const LoginPage = () => {
  const translate = useTranslate();
  return (
    <Login>
      <Box sx={{ textAlign: 'center', px: 2 }}>
        <Typography variant="h5" component="h1" sx={{ fontWeight: 600 }}>
          ctacte
        </Typography>
        <Typography variant="body2" color="text.secondary">
          {translate('ctacte.appName')}
        </Typography>
      </Box>
      <LoginForm />
    </Login>
  );
};
