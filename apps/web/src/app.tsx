import { lazy } from 'react';
import { Route, Routes } from 'react-router';
import { BreakGate } from './components/break-gate';
import { Layout } from './components/layout';
import { ThreadAddress } from './components/thread-address';
import { HomePage } from './pages/home';

// Every page but the home page is its own chunk, loaded when first visited.
const CategoryPage = lazy(() => import('./pages/category'));
const ThreadPage = lazy(() => import('./pages/thread'));
const SearchPage = lazy(() => import('./pages/search'));
const ConsultationsPage = lazy(() => import('./pages/consultations'));
const ConsultationPage = lazy(() => import('./pages/consultation'));
const CalendarPage = lazy(() => import('./features/calendar/calendar-page'));
const EventPage = lazy(() => import('./features/calendar/event-page'));
const LoginPage = lazy(() => import('./pages/login'));
const RegisterPage = lazy(() => import('./pages/register'));
const ProfilePage = lazy(() => import('./pages/profile'));
const CafeListPage = lazy(() => import('./pages/cafe-list'));
const CafeRoomPage = lazy(() => import('./pages/cafe-room'));
const ModerationPage = lazy(() => import('./pages/moderation'));
const AdminPage = lazy(() => import('./pages/admin'));
const AccessibilityPage = lazy(() => import('./pages/accessibility'));
const PrivacyPage = lazy(() => import('./pages/legal').then((m) => ({ default: m.PrivacyPage })));
const GuidelinesPage = lazy(() => import('./pages/legal').then((m) => ({ default: m.GuidelinesPage })));
const ReceiptPage = lazy(() => import('./pages/receipt'));
const ReceiptsPage = lazy(() => import('./pages/receipt').then((m) => ({ default: m.ReceiptsPage })));
const HelpPage = lazy(() => import('./pages/help'));
const ResetPasswordPage = lazy(() => import('./pages/reset-password'));
const NotFoundPage = lazy(() => import('./pages/not-found'));
const UnansweredPage = lazy(() => import('./pages/unanswered'));
const DirectoryListPage = lazy(() => import('./features/directory/list-page'));
const DirectoryOfferPage = lazy(() => import('./features/directory/offer-page'));
const DirectorySuggestPage = lazy(() => import('./features/directory/suggest-page'));
const DirectoryRecheckPage = lazy(() => import('./features/directory/recheck-page'));
const PoolAboutPage = lazy(() => import('./features/pool/about-page'));
const PoolMinePage = lazy(() => import('./features/pool/mine-page'));
const PoolAdminPage = lazy(() => import('./features/pool/admin-page'));
const PoolAssignmentPage = lazy(() => import('./features/pool/admin-assignment-page'));

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
