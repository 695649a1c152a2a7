import { Module } from '@nestjs/common';
import { ForumModule } from '../forum/forum.module.js';
import { RevealController } from './reveal.controller.js';
import { RevealService } from './reveal.service.js';

/** The audited reveal of an anonymous author (the keys themselves are the authorship module's). */
@Module({ imports: [ForumModule], controllers: [RevealController], providers: [RevealService] })
export class AnonymityModule {}
