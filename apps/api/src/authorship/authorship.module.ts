import { Global, Module } from '@nestjs/common';
import { AuthorshipRepository } from './authorship.repository.js';
import { Authorship } from './authorship.service.js';

/**
 * Authorship (docs/ARCHITECTURE.md): global, since posts, café, notifications, standing, export and
 * the reveal all ask it. Its repository is not exported: nothing else reads `anon_salt`.
 */
@Global()
@Module({ providers: [AuthorshipRepository, Authorship], exports: [Authorship] })
export class AuthorshipModule {}
