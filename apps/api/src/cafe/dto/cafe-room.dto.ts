import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsIn, IsISO8601, IsOptional, IsString, Matches, MaxLength, MinLength } from 'class-validator';
import { CAFE_AUDIENCES, type CafeAudience } from '#libs/contracts';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

export class CreateCafeRoomDto {
  @ApiProperty({ example: 'erfaringskafeen', description: '2–48 of a-z, 0-9 and -' })
  @IsString()
  @Matches(/^[a-z0-9-]{2,48}$/, { message: 'slug must be 2–48 of a-z, 0-9 and -' })
  slug: string;

  @ApiProperty({ example: 'Erfaringskaféen', maxLength: 80 })
  @Transform(trim)
  @IsString()
  @MinLength(1, { message: 'name must not be empty' })
  @MaxLength(80)
  name: string;

  @ApiPropertyOptional({ maxLength: 1000, default: '' })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(1000)
  description?: string;

  @ApiProperty({
    enum: CAFE_AUDIENCES,
    description: 'everyone (guests too), members (logged in) or panel (panel members and up)',
  })
  @IsIn(CAFE_AUDIENCES, { message: `audience must be one of ${CAFE_AUDIENCES.join(', ')}` })
  audience: CafeAudience;
}

export class CafeRoomDto {
  @ApiProperty() slug: string;
  @ApiProperty() name: string;
  @ApiProperty() description: string;
  @ApiProperty({ enum: CAFE_AUDIENCES }) audience: CafeAudience;
  @ApiProperty({ description: 'A session is running now' }) isOpen: boolean;
  @ApiProperty({
    type: String,
    format: 'date-time',
    nullable: true,
    description: 'Start of the current or next session',
  })
  opensAt: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'End of the current or next session' })
  closesAt: string | null;
  @ApiProperty({ description: 'Participants in the room now' }) participants: number;
}

export class CreateCafeSessionDto {
  @ApiProperty({ format: 'date-time' })
  @IsISO8601({ strict: true }, { message: 'startsAt must be a date and time such as 2030-01-31T18:00:00Z' })
  startsAt: string;

  @ApiProperty({ format: 'date-time' })
  @IsISO8601({ strict: true }, { message: 'endsAt must be a date and time such as 2030-01-31T20:00:00Z' })
  endsAt: string;
}

export class OpenCafeRoomDto {
  @ApiPropertyOptional({ format: 'date-time', description: 'Open until (default: two hours from now)' })
  @IsOptional()
  @IsISO8601({ strict: true }, { message: 'until must be a date and time such as 2030-01-31T20:00:00Z' })
  until?: string;
}

export class CafeSessionDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ description: 'The room slug' }) room: string;
  @ApiProperty({ format: 'date-time' }) startsAt: string;
  @ApiProperty({ format: 'date-time' }) endsAt: string;
}
