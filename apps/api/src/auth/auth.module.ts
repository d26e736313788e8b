import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { overDataSource } from '../database/over-data-source';
import { WorkspacesModule } from '../workspaces/workspaces.module';
import { AuthController } from './auth.controller';
import { AuthGuard } from './auth.guard';
import { AuthRepository } from './auth.repository';
import { AuthService } from './auth.service';
import { PasswordHasher } from './password-hasher';
import { SignInThrottle } from './sign-in-throttle';
import { UserAdminService } from './user-admin.service';
import { UsersController } from './users.controller';

const PROVIDERS = [
  overDataSource(AuthRepository),
  { provide: PasswordHasher, inject: [APP_CONFIG], useFactory: (config: AppConfig) => new PasswordHasher(config) },
  SignInThrottle,
  AuthService,
  UserAdminService,
];
const EXPORTED = [AuthRepository, PasswordHasher, SignInThrottle, AuthService, UserAdminService];

/** Users, sessions and tokens, memberships. */
@Module({ imports: [WorkspacesModule], providers: PROVIDERS, exports: EXPORTED })
export class AuthModule {}

/** The HTTP side, with the one access check every route passes (the global guard). */
@Module({ imports: [AuthModule, WorkspacesModule], controllers: [AuthController, UsersController], providers: [{ provide: APP_GUARD, useClass: AuthGuard }] })
export class AuthHttpModule {}
