import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiProperty, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import { ApiError } from '../common/api-error.js';
import { HealthService } from './health.service.js';

class HealthDto {
  @ApiProperty({ enum: ['ok'] }) status: 'ok';
  @ApiProperty({ enum: ['ok'] }) database: 'ok';
}

@ApiTags('operations')
@Controller('api/health')
export class HealthController {
  constructor(private readonly service: HealthService) {}

  @Get()
  @ApiOkResponse({ type: HealthDto })
  @ApiServiceUnavailableResponse({ description: 'The database does not answer' })
  async health(): Promise<HealthDto> {
    if (!(await this.service.databaseAnswers()))
      throw new ApiError(503, 'unavailable', 'The database does not answer.');
    return { status: 'ok', database: 'ok' };
  }
}
