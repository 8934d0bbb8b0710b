import { createTheme } from '@mui/material/styles';

/** The store's colours: a unicorn purple with a contrast-safe pink accent. */
export const theme = createTheme({
  palette: {
    primary: { main: '#6a1b9a' },
    secondary: { main: '#f8bbd0', contrastText: '#3b0a2a' },
    background: { default: '#faf7fc' },
  },
  shape: { borderRadius: 10 },
});
