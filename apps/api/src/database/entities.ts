import { UserEntity } from '../users/user.entity.js';

/** Every entity the data source knows; the schema itself comes only from migrations/. */
export const ENTITIES = [UserEntity];
