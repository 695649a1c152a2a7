import { Module } from '@nestjs/common';
import { AuditController } from './audit.controller.js';

/** The audit log's reading side (AuditService itself is global, in the core module). */
@Module({ controllers: [AuditController] })
export class AuditModule {}
