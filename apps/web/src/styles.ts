import '@fontsource-variable/inter/wght.css';
import '@digdir/designsystemet-css';
import '@digdir/designsystemet-theme';
import './styles/app.css';
import './styles/reader-safety.css';
import './styles/directory.css';
import './styles/calendar.css';
import './styles/confirmation.css';
