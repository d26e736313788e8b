import { Body, Controller, Delete, Get, HttpCode, Param, Post, Req, Res, type OnApplicationBootstrap } from '@nestjs/common';
import { ApiOperation, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import type { Request, Response } from 'express';
import { Inject } from '@nestjs/common';
import { AppError } from '../common/app-error';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { AuthService } from './auth.service';
import { PasswordHasher } from './password-hasher';
import { credentialOf, SESSION_COOKIE } from './auth.guard';
import { RequirePermission } from './permission.decorator';
import { principalOf } from './principal';

export class LoginDto {
  @ApiProperty() @IsString() @MaxLength(64) username: string;
  @ApiProperty() @IsString() @MaxLength(256) password: string;
}
export class TokenDto {
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(64) name?: string;
  @ApiPropertyOptional({ description: 'Days until the token expires (default TOKEN_DAYS, 90; 0 = never)' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(3650)
  days?: number;
}
export class PasswordDto {
  @ApiProperty() @IsString() @MaxLength(256) current: string;
  @ApiProperty() @IsString() @MaxLength(256) password: string;
}

const me = (req: Request) => {
  const p = principalOf(req);
  if (!p) throw new AppError('AUTH_REQUIRED', 401);
  return p;
};

/** The client a failed sign-in is counted against: the socket's address (no proxy headers are trusted). */
const clientOf = (req: Request) => req.socket.remoteAddress ?? 'unknown';

@ApiTags('auth')
@Controller()
export class AuthController implements OnApplicationBootstrap {
  constructor(
    private readonly auth: AuthService,
    private readonly hasher: PasswordHasher,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** The HTTP server (not the CLI) prepares the decoy hash of unknown-user sign-ins before listening. */
  async onApplicationBootstrap(): Promise<void> {
    await this.hasher.warmUp();
  }

  @Post('auth/login')
  @HttpCode(200)
  @RequirePermission('public')
  @ApiOperation({ summary: 'Sign in: sets an httpOnly session cookie and returns the user (failures slow the next attempt down: 429 with Retry-After)' })
  async login(@Body() body: LoginDto, @Req() req: Request, @Res({ passthrough: true }) res: Response) {
    const { secret, user, expiresAt } = await this.auth.login(body.username, body.password, clientOf(req));
    res.cookie(SESSION_COOKIE, secret, { httpOnly: true, sameSite: 'strict', secure: this.config.cookieSecure, path: '/', expires: expiresAt });
    return user;
  }

  @Post('auth/logout')
  @HttpCode(204)
  @RequirePermission('public')
  @ApiOperation({ summary: 'Sign out (ends the session)' })
  async logout(@Req() req: Request, @Res({ passthrough: true }) res: Response): Promise<void> {
    await this.auth.logout(credentialOf(req));
    res.clearCookie(SESSION_COOKIE, { path: '/', secure: this.config.cookieSecure });
  }

  @Get('auth/me')
  @RequirePermission('user')
  @ApiOperation({ summary: 'The signed-in user' })
  async whoami(@Req() req: Request) {
    const p = me(req);
    return { username: p.username, role: p.role, memberships: await this.auth.membershipsOf(p) };
  }

  @Post('auth/tokens')
  @RequirePermission('user')
  @ApiOperation({ summary: 'A personal API token for the CLI or scripts (Authorization: Bearer <token>); expires after `days` (default 90)' })
  token(@Req() req: Request, @Body() body: TokenDto) {
    return this.auth.createToken(me(req), body.name, body.days);
  }

  @Get('auth/tokens')
  @RequirePermission('user')
  @ApiOperation({ summary: 'One’s personal tokens (id, name, created, expiry; never the secret)' })
  async tokens(@Req() req: Request) {
    return { items: await this.auth.tokens(me(req)) };
  }

  @Delete('auth/tokens/:id')
  @HttpCode(204)
  @RequirePermission('user')
  @ApiOperation({ summary: 'Revoke one of one’s tokens' })
  async revoke(@Req() req: Request, @Param('id') id: string): Promise<void> {
    await this.auth.revokeToken(me(req), id);
  }

  @Post('auth/password')
  @HttpCode(200)
  @RequirePermission('user')
  @ApiOperation({ summary: 'Change one’s own password: every other session and token of the user ends' })
  password(@Req() req: Request, @Body() body: PasswordDto) {
    return this.auth.changePassword(me(req), body.current, body.password, credentialOf(req));
  }
}
