import BusinessIcon from '@mui/icons-material/Business';
import CheckIcon from '@mui/icons-material/Check';
import { Button, Divider, ListItemIcon, ListItemText, ListSubheader, MenuItem, useMediaQuery, type Theme } from '@mui/material';
import {
  AppBar,
  LoadingIndicator,
  Logout,
  TitlePortal,
  UserMenu,
  useGetIdentity,
  useLocaleState,
  useTranslate,
  useUserMenu,
} from 'react-admin';
import { Link } from 'react-router-dom';
import type { Identity } from '../auth/authProvider';
import { COMPANY_PATH } from '../company';
import { LOCALES, type Locale } from '../i18n/i18nProvider';

/** Picks the interface language; react-admin stores the choice in localStorage. */
const LanguageItem = ({ locale }: { locale: Locale }) => {
  const [current, setLocale] = useLocaleState();
  const translate = useTranslate();
  const userMenu = useUserMenu();
  const selected = current === locale;
  return (
    <MenuItem
      selected={selected}
      lang={locale}
      onClick={() => {
        setLocale(locale);
        userMenu?.onClose();
      }}
    >
      <ListItemIcon>{selected && <CheckIcon fontSize="small" />}</ListItemIcon>
      <ListItemText>{translate(`ctacte.language.${locale}`)}</ListItemText>
    </MenuItem>
  );
};

const LanguageHeader = () => {
  const translate = useTranslate();
  return <ListSubheader sx={{ lineHeight: '32px' }}>{translate('ctacte.language.label')}</ListSubheader>;
};

const AppUserMenu = () => (
  <UserMenu>
    {[
      <LanguageHeader key="language" />,
      ...LOCALES.map((locale) => <LanguageItem key={locale} locale={locale} />),
      <Divider key="divider" />,
      <Logout key="logout" />,
    ]}
  </UserMenu>
);

/** The session's company, always in sight; it opens the company's settings. */
const CompanyButton = () => {
  const { identity } = useGetIdentity();
  const translate = useTranslate();
  const isLargeEnough = useMediaQuery<Theme>((theme) => theme.breakpoints.up('sm'));
  const name = (identity as Identity | undefined)?.companyName;
  if (!name || !isLargeEnough) return null;
  return (
    <Button
      component={Link}
      to={COMPANY_PATH}
      color="inherit"
      startIcon={<BusinessIcon />}
      title={translate('ctacte.appBar.company', { name })}
      sx={{ textTransform: 'none', mx: 1, maxWidth: 360 }}
      data-testid="company-name"
    >
      <span style={{ overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' }}>{name}</span>
    </Button>
  );
};

export const AppAppBar = () => (
  <AppBar
    userMenu={<AppUserMenu />}
    toolbar={
      <>
        <CompanyButton />
        <LoadingIndicator />
      </>
    }
  >
    <TitlePortal />
  </AppBar>
);
