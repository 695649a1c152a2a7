import { Module } from '@nestjs/common';
import { ConsultationsModule } from '../consultations/consultations.module.js';
import { ForumModule } from '../forum/forum.module.js';
import { NotificationsModule } from '../notifications/notifications.module.js';
import { IdentityModule } from '../identity/identity.module.js';
import { UsersModule } from '../users/users.module.js';
import { CalendarClock } from './calendar-clock.service.js';
import { CalendarFeedsController } from './calendar-feeds.controller.js';
import { CalendarFeedsService } from './calendar-feeds.service.js';
import { EventsController } from './events.controller.js';
import { EventsRepository } from './events.repository.js';
import { EventsService } from './events.service.js';

/** The calendar (issue 15): events, sign-up and waitlists, the café's sessions, iCalendar feeds, reminders. */
@Module({
  imports: [ForumModule, NotificationsModule, ConsultationsModule, IdentityModule, UsersModule],
  // The .ics routes first: `events/:id.ics` must be matched before `events/:id`.
  controllers: [CalendarFeedsController, EventsController],
  providers: [EventsRepository, EventsService, CalendarFeedsService, CalendarClock],
  exports: [EventsRepository],
})
export class CalendarModule {}
