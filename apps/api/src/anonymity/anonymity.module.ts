import { Module } from '@nestjs/common';
import { RevealController } from './reveal.controller.js';
import { RevealService } from './reveal.service.js';

/** The audited reveal. AnonymityService itself is global (core module): posts, sanctions and standing use it. */
@Module({ controllers: [RevealController], providers: [RevealService] })
export class AnonymityModule {}
