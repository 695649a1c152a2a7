import { AccountsAndSessions1764000000000 } from './1764000000000-accounts-and-sessions.js';
import { CafeAndWatchedWords1764000300000 } from './1764000300000-cafe-and-watched-words.js';
import { Forum1765000000000 } from './1765000000000-forum.js';
import { Moderation1766000000000 } from './1766000000000-moderation.js';
import { SanctionsByCafeMessage1767000000000 } from './1767000000000-sanctions-by-cafe-message.js';
import { ParserSafeSearch1768100000000 } from './1768100000000-parser-safe-search.js';
import { SanctionReferrals1768400000000 } from './1768400000000-sanction-referrals.js';
import { NotificationsAboutThreads1768400000100 } from './1768400000100-notifications-about-threads.js';
import { NameSkeletons1768400000200 } from './1768400000200-name-skeletons.js';
import { NameSkeletonsFolded1769000000000 } from './1769000000000-name-skeletons-folded.js';
import { OwnScopes1768400000300 } from './1768400000300-own-scopes.js';
import { Consultations1768600000000 } from './1768600000000-consultations.js';
import { StandingConsultation1768600000100 } from './1768600000100-standing-consultation.js';
import { ConsultationAnswersInQueue1768600000200 } from './1768600000200-consultation-answers-in-queue.js';
import { SanctionsDecidedWhenApplied1768400000400 } from './1768400000400-sanctions-decided-when-applied.js';
import { ReaderSafety1768900000000 } from './1768900000000-reader-safety.js';
import { ActivityDirectory1768700000000 } from './1768700000000-activity-directory.js';
import { PanelPool1768800000000 } from './1768800000000-panel-pool.js';
import { Calendar1768500000000 } from './1768500000000-calendar.js';
import { ReceiptCodes1769100000000 } from './1769100000000-receipt-codes.js';
import { CafeRulesAccepted1769100000100 } from './1769100000100-cafe-rules-accepted.js';
import { SearchCompounds1769100000200 } from './1769100000200-search-compounds.js';
import { SearchNewestWindow1769200000000 } from './1769200000000-search-newest-window.js';

/** Every migration, oldest first. The app and the tests run exactly this list. */
export const MIGRATIONS = [
  AccountsAndSessions1764000000000,
  CafeAndWatchedWords1764000300000,
  Forum1765000000000,
  Moderation1766000000000,
  SanctionsByCafeMessage1767000000000,
  ParserSafeSearch1768100000000,
  SanctionReferrals1768400000000,
  NotificationsAboutThreads1768400000100,
  NameSkeletons1768400000200,
  OwnScopes1768400000300,
  Consultations1768600000000,
  StandingConsultation1768600000100,
  ConsultationAnswersInQueue1768600000200,
  SanctionsDecidedWhenApplied1768400000400,
  ReaderSafety1768900000000,
  ActivityDirectory1768700000000,
  PanelPool1768800000000,
  Calendar1768500000000,
  ReceiptCodes1769100000000,
  CafeRulesAccepted1769100000100,
  SearchCompounds1769100000200,
  NameSkeletonsFolded1769000000000,
  SearchNewestWindow1769200000000,
];
