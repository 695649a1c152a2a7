import { Module } from '@nestjs/common';
import { UsersModule } from '../users/users.module.js';
import { AdminPanelController, PanelController } from './panel.controller.js';
import { PanelRepository } from './panel.repository.js';
import { PanelService } from './panel.service.js';

@Module({
  imports: [UsersModule],
  controllers: [PanelController, AdminPanelController],
  providers: [PanelRepository, PanelService],
  exports: [PanelRepository],
})
export class PanelModule {}
