import { Module } from '@nestjs/common';
import { AdminPanelController, PanelController } from './panel.controller.js';
import { PanelService } from './panel.service.js';

@Module({ controllers: [PanelController, AdminPanelController], providers: [PanelService] })
export class PanelModule {}
