import { Body, Controller, Get, HttpCode, Post, Req, Res } from '@nestjs/common';
import { ApiOperation, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import type { Request, Response } from 'express';
import { AppError } from '../common/app-error';
import { AuthService } from './auth.service';
import { credentialOf, SESSION_COOKIE } from './auth.guard';
import { RequirePermission } from './permission.decorator';
import { principalOf } from './principal';
import { ROLES } from './roles';

export class LoginDto {
  @ApiProperty() @IsString() @MaxLength(64) username: string;
  @ApiProperty() @IsString() @MaxLength(256) password: string;
}
export class TokenDto {
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(64) name?: string;
}
export class PasswordDto {
  @ApiProperty() @IsString() @MaxLength(256) current: string;
  @ApiProperty() @IsString() @MaxLength(256) password: string;
}
export class CreateUserDto {
  @ApiProperty() @IsString() @MaxLength(64) username: string;
  @ApiProperty() @IsString() @MaxLength(256) password: string;
  @ApiProperty({ enum: ROLES }) @IsIn(ROLES) role: string;
}

const me = (req: Request) => {
  const p = principalOf(req);
  if (!p) throw new AppError('AUTH_REQUIRED', 401);
  return p;
};

@ApiTags('auth')
@Controller()
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  @Post('auth/login')
  @HttpCode(200)
  @RequirePermission('public')
  @ApiOperation({ summary: 'Sign in: sets an httpOnly session cookie and returns the user' })
  async login(@Body() body: LoginDto, @Res({ passthrough: true }) res: Response) {
    const { secret, user, expiresAt } = await this.auth.login(body.username, body.password);
    res.cookie(SESSION_COOKIE, secret, { httpOnly: true, sameSite: 'strict', path: '/', expires: expiresAt });
    return user;
  }

  @Post('auth/logout')
  @HttpCode(204)
  @RequirePermission('public')
  @ApiOperation({ summary: 'Sign out (ends the session)' })
  async logout(@Req() req: Request, @Res({ passthrough: true }) res: Response): Promise<void> {
    await this.auth.logout(credentialOf(req));
    res.clearCookie(SESSION_COOKIE, { path: '/' });
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
  @ApiOperation({ summary: 'A personal API token for the CLI or scripts (Authorization: Bearer <token>)' })
  token(@Req() req: Request, @Body() body: TokenDto) {
    return this.auth.createToken(me(req), body.name);
  }

  @Post('auth/password')
  @HttpCode(204)
  @RequirePermission('user')
  @ApiOperation({ summary: 'Change one’s own password' })
  async password(@Req() req: Request, @Body() body: PasswordDto): Promise<void> {
    await this.auth.changePassword(me(req), body.current, body.password);
  }

  @Get('users')
  @RequirePermission('admin')
  @ApiOperation({ summary: 'List users (admin)' })
  async users() {
    return { items: await this.auth.users() };
  }

  @Post('users')
  @RequirePermission('admin')
  @ApiOperation({ summary: 'Create a user (admin)' })
  createUser(@Body() body: CreateUserDto) {
    return this.auth.createUser(body.username, body.password, body.role);
  }
}
