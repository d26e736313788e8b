import { Body, Controller, Get, HttpCode, Param, Post, Req } from '@nestjs/common';
import { ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsString, MaxLength } from 'class-validator';
import type { Request } from 'express';
import { AuthService } from './auth.service';
import { RequirePermission } from './permission.decorator';
import { principalOf } from './principal';
import { ROLES } from './roles';
import { UserAdminService } from './user-admin.service';

export class CreateUserDto {
  @ApiProperty() @IsString() @MaxLength(64) username: string;
  @ApiProperty() @IsString() @MaxLength(256) password: string;
  @ApiProperty({ enum: ROLES }) @IsIn(ROLES) role: string;
}
export class ResetPasswordDto {
  @ApiProperty() @IsString() @MaxLength(256) password: string;
}
export class DisableDto {
  @ApiProperty() @IsBoolean() disabled: boolean;
}

/** User administration (admins only). */
@ApiTags('users')
@Controller('users')
export class UsersController {
  constructor(
    private readonly auth: AuthService,
    private readonly admin: UserAdminService,
  ) {}

  @Get()
  @RequirePermission('admin')
  @ApiOperation({ summary: 'Users with role, last sign-in, slowed-down (locked) and disabled state' })
  async list() {
    return { items: await this.admin.list() };
  }

  @Post()
  @RequirePermission('admin')
  @ApiOperation({ summary: 'Create a user' })
  create(@Body() body: CreateUserDto) {
    return this.auth.createUser(body.username, body.password, body.role);
  }

  @Post(':username/unlock')
  @HttpCode(200)
  @RequirePermission('admin')
  @ApiOperation({ summary: 'Clear the failed sign-ins of a user (no more delay)' })
  unlock(@Param('username') username: string) {
    return this.admin.unlock(username);
  }

  @Post(':username/password')
  @HttpCode(200)
  @RequirePermission('admin')
  @ApiOperation({ summary: 'Set a new password for a user (ends their sessions and tokens)' })
  reset(@Param('username') username: string, @Body() body: ResetPasswordDto) {
    return this.admin.resetPassword(username, body.password);
  }

  @Post(':username/disabled')
  @HttpCode(200)
  @RequirePermission('admin')
  @ApiOperation({ summary: 'Disable (ends sessions and tokens) or re-enable a user' })
  disable(@Param('username') username: string, @Body() body: DisableDto, @Req() req: Request) {
    return this.admin.setDisabled(principalOf(req)!, username, body.disabled);
  }
}
