import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export class OperatorDto {
  @ApiProperty({
    description:
      'Who runs the service (behandlingsansvarlig), e.g. "Erfaringspanelet i DPS X"; "" until an administrator sets it',
  })
  name: string;
  @ApiPropertyOptional({ format: 'email' }) email?: string;
  @ApiPropertyOptional() phone?: string;
  @ApiPropertyOptional({ description: 'Postal address, lines separated by newlines' }) address?: string;
  @ApiPropertyOptional({ format: 'date', description: 'The accessibility statement’s date (erklæringsdato)' })
  accessibilityStatementDate?: string;
}
