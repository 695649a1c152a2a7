import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiProperty, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import { ApiError } from '../common/api-error.js';
import { HealthRepository } from './health.repository.js';

class HealthDto {
  @ApiProperty({ enum: ['ok'] }) status: 'ok';
  @ApiProperty({ enum: ['ok'] }) database: 'ok';
}

@ApiTags('operations')
@Controller('api/health')
export class HealthController {
  constructor(private readonly db: HealthRepository) {}

  @Get()
  @ApiOkResponse({ type: HealthDto })
  @ApiServiceUnavailableResponse({ description: 'The database does not answer' })
  async health(): Promise<HealthDto> {
    try {
      await this.db.ping();
    } catch {
      throw new ApiError(503, 'unavailable', 'The database does not answer.');
    }
    return { status: 'ok', database: 'ok' };
  }
}
