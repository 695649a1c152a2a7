import { lazyPage } from './lib/lazy-page';
import { Route, Routes } from 'react-router';
import { BreakGate } from './components/break-gate';
import { Layout } from './components/layout';
import { ThreadAddress } from './components/thread-address';
import { HomePage } from './pages/home';

// Every page but the home page is its own chunk, loaded when first visited.
const CategoryPage = lazyPage(() => import('./pages/category'));
const ThreadPage = lazyPage(() => import('./pages/thread'));
const SearchPage = lazyPage(() => import('./pages/search'));
const ConsultationsPage = lazyPage(() => import('./pages/consultations'));
const ConsultationPage = lazyPage(() => import('./pages/consultation'));
const CalendarPage = lazyPage(() => import('./features/calendar/calendar-page'));
const EventPage = lazyPage(() => import('./features/calendar/event-page'));
const LoginPage = lazyPage(() => import('./pages/login'));
const RegisterPage = lazyPage(() => import('./pages/register'));
const ProfilePage = lazyPage(() => import('./pages/profile'));
const CafeListPage = lazyPage(() => import('./pages/cafe-list'));
const CafeRoomPage = lazyPage(() => import('./pages/cafe-room'));
const ModerationPage = lazyPage(() => import('./pages/moderation'));
const AdminPage = lazyPage(() => import('./pages/admin'));
const AccessibilityPage = lazyPage(() => import('./pages/accessibility'));
const PrivacyPage = lazyPage(() => import('./pages/legal').then((m) => ({ default: m.PrivacyPage })));
const GuidelinesPage = lazyPage(() => import('./pages/legal').then((m) => ({ default: m.GuidelinesPage })));
const ReceiptPage = lazyPage(() => import('./pages/receipt'));
const ReceiptsPage = lazyPage(() => import('./pages/receipt').then((m) => ({ default: m.ReceiptsPage })));
const HelpPage = lazyPage(() => import('./pages/help'));
const ResetPasswordPage = lazyPage(() => import('./pages/reset-password'));
const NotFoundPage = lazyPage(() => import('./pages/not-found'));
const UnansweredPage = lazyPage(() => import('./pages/unanswered'));
const DirectoryListPage = lazyPage(() => import('./features/directory/list-page'));
const DirectoryOfferPage = lazyPage(() => import('./features/directory/offer-page'));
const DirectorySuggestPage = lazyPage(() => import('./features/directory/suggest-page'));
const DirectoryRecheckPage = lazyPage(() => import('./features/directory/recheck-page'));
const PoolAboutPage = lazyPage(() => import('./features/pool/about-page'));
const PoolMinePage = lazyPage(() => import('./features/pool/mine-page'));
const PoolAdminPage = lazyPage(() => import('./features/pool/admin-page'));
const PoolAssignmentPage = lazyPage(() => import('./features/pool/admin-assignment-page'));

export function App() {
  return (
    <Layout>
      <Routes>
        <Route
          path="/"
          element={
            <BreakGate>
              <HomePage />
            </BreakGate>
          }
        />
        <Route
          path="/kategori/:slug"
          element={
            <BreakGate>
              <CategoryPage />
            </BreakGate>
          }
        />
        <Route
          path="/trad/:id"
          element={
            <BreakGate>
              <ThreadPage />
            </BreakGate>
          }
        />
        <Route path="/threads/:id" element={<ThreadAddress />} />
        <Route path="/sok" element={<SearchPage />} />
        <Route path="/radslag" element={<ConsultationsPage />} />
        <Route path="/radslag/:id" element={<ConsultationPage />} />
        <Route path="/kalender" element={<CalendarPage />} />
        <Route path="/kalender/:id" element={<EventPage />} />
        <Route path="/logg-inn" element={<LoginPage />} />
        <Route path="/registrer" element={<RegisterPage />} />
        <Route path="/profil" element={<ProfilePage />} />
        <Route path="/kafe" element={<CafeListPage />} />
        <Route path="/kafe/:slug" element={<CafeRoomPage />} />
        <Route path="/moderering" element={<ModerationPage />} />
        <Route path="/admin" element={<AdminPage />} />
        <Route path="/admin/panelet" element={<PoolAdminPage />} />
        <Route path="/admin/panelet/oppdrag/:id" element={<PoolAssignmentPage />} />
        <Route path="/tilgjengelighet" element={<AccessibilityPage />} />
        <Route path="/personvern" element={<PrivacyPage />} />
        <Route path="/retningslinjer" element={<GuidelinesPage />} />
        <Route path="/kvittering" element={<ReceiptsPage />} />
        <Route path="/kvittering/:token" element={<ReceiptPage />} />
        <Route path="/hjelp" element={<HelpPage />} />
        <Route path="/nytt-passord" element={<ResetPasswordPage />} />
        <Route path="/ubesvarte" element={<UnansweredPage />} />
        <Route path="/aktiviteter" element={<DirectoryListPage />} />
        <Route path="/aktiviteter/foreslaa" element={<DirectorySuggestPage />} />
        <Route path="/aktiviteter/sjekk" element={<DirectoryRecheckPage />} />
        <Route path="/aktiviteter/:id" element={<DirectoryOfferPage />} />
        <Route path="/panelet" element={<PoolAboutPage />} />
        <Route path="/panelet/mine" element={<PoolMinePage />} />
        <Route path="*" element={<NotFoundPage />} />
      </Routes>
    </Layout>
  );
}
