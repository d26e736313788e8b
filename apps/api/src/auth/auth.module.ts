import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { WorkspacesModule } from '../workspaces/workspaces.module';
import { AuthController } from './auth.controller';
import { AuthGuard } from './auth.guard';
import { AuthRepository } from './auth.repository';
import { AuthService } from './auth.service';
import { PasswordHasher } from './password-hasher';
import { SignInThrottle } from './sign-in-throttle';
import { UserAdminService } from './user-admin.service';
import { UsersController } from './users.controller';

const PROVIDERS = [AuthRepository, PasswordHasher, SignInThrottle, AuthService, UserAdminService];

/** Users, sessions and tokens, memberships. */
@Module({ imports: [WorkspacesModule], providers: PROVIDERS, exports: PROVIDERS })
export class AuthModule {}

/** The HTTP side, with the one access check every route passes (the global guard). */
@Module({ imports: [AuthModule, WorkspacesModule], controllers: [AuthController, UsersController], providers: [{ provide: APP_GUARD, useClass: AuthGuard }] })
export class AuthHttpModule {}
