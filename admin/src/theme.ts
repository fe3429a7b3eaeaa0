import { defaultTheme, type RaThemeOptions } from 'react-admin';

/** react-admin's default theme in a sober blue, with a sidebar wide enough for Spanish labels. */
export const theme: RaThemeOptions = {
  ...defaultTheme,
  palette: {
    ...defaultTheme.palette,
    primary: { main: '#1f4e79' },
    secondary: { main: '#1f4e79' },
  },
  sidebar: { width: 264, closedWidth: 55 },
};
