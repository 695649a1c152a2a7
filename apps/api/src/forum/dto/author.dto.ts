import { ApiProperty, getSchemaPath } from '@nestjs/swagger';
import { ROLES, type Role } from '#libs/contracts';

/** A named author whose account exists. */
export class UserAuthorDto {
  @ApiProperty({ enum: ['user'] }) kind: 'user';
  @ApiProperty() username: string;
  @ApiProperty() displayName: string;
  @ApiProperty({ enum: ROLES }) role: Role;
}

/** An anonymous author: an alias such as "Anonym 2", stable within one thread, and nothing else. */
export class AnonymousAuthorDto {
  @ApiProperty({ enum: ['anonymous'] }) kind: 'anonymous';
  @ApiProperty({ example: 'Anonym 1', description: 'Stable within one thread; unrelated across threads' })
  alias: string;
}

/** A guest: an alias such as "Gjest 1", and nothing else. */
export class GuestAuthorDto {
  @ApiProperty({ enum: ['guest'] }) kind: 'guest';
  @ApiProperty({ example: 'Gjest 1' }) alias: string;
}

/** A named author whose account was deleted. */
export class DeletedAuthorDto {
  @ApiProperty({ enum: ['deleted'] }) kind: 'deleted';
}

/** The author shapes of docs/API.md "Conventions", told apart by `kind`. */
export type AuthorDto = UserAuthorDto | AnonymousAuthorDto | GuestAuthorDto | DeletedAuthorDto;

/** The models of the author union; registered once (on ThreadsController) so the refs below resolve. */
export const AUTHOR_MODELS = [UserAuthorDto, AnonymousAuthorDto, GuestAuthorDto, DeletedAuthorDto];

/** An `author` property: one of the four shapes, described as a union so generated clients get it exact. */
export const ApiAuthor = (options: { description?: string } = {}) =>
  ApiProperty({
    ...options,
    oneOf: AUTHOR_MODELS.map((model) => ({ $ref: getSchemaPath(model) })),
    discriminator: {
      propertyName: 'kind',
      mapping: {
        user: getSchemaPath(UserAuthorDto),
        anonymous: getSchemaPath(AnonymousAuthorDto),
        guest: getSchemaPath(GuestAuthorDto),
        deleted: getSchemaPath(DeletedAuthorDto),
      },
    },
  });

export class NoticeDto {
  @ApiProperty({ enum: ['held_for_review', 'personal_details'] }) code: string;
  @ApiProperty() message: string;
}
