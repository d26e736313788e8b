import { Module, type DynamicModule } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { chmodSync, closeSync, existsSync, mkdirSync, openSync } from 'node:fs';
import { join } from 'node:path';
import type { AppConfig } from './config/app-config';
import { DatasetEntity } from './datasets/dataset.entity';
import { DatasetsRepository } from './datasets/datasets.repository';
import { DatasetsService } from './datasets/datasets.service';
import { StorageModule } from './storage/storage.module';
import { AuthRepository } from './auth/auth.repository';
import { AuthService } from './auth/auth.service';
import { PasswordHasher } from './auth/password-hasher';
import { SignInThrottle } from './auth/sign-in-throttle';
import { UserAdminService } from './auth/user-admin.service';
import { CredentialEntity } from './auth/credential.entity';
import { MembershipEntity } from './auth/membership.entity';
import { UserEntity } from './auth/user.entity';
import { AssignmentEntity } from './exercises/assignment.entity';
import { AssignmentsRepository } from './exercises/assignments.repository';
import { AssignmentsService } from './exercises/assignments.service';
import { ExerciseAccessService } from './exercises/exercise-access.service';
import { ExercisesService } from './exercises/exercises.service';
import { SubmissionsService } from './exercises/submissions.service';
import { SubmissionEntity } from './exercises/submission.entity';
import { SubmissionsRepository } from './exercises/submissions.repository';
import { AlertRuleEntity } from './monitoring/alert-rule.entity';
import { AlertEntity } from './monitoring/alert.entity';
import { MonitoringSettingsEntity } from './monitoring/monitoring-settings.entity';
import { MonitoringRepository } from './monitoring/monitoring.repository';
import { MonitoringHook } from './monitoring/monitoring.hook';
import { MonitoringService } from './monitoring/monitoring.service';
import { QueryService } from './query/query.service';
import { ReportsService } from './reports/reports.service';
import { WorkspaceSummaryService } from './workspaces/workspace-summary.service';
import { TablesService } from './tables/tables.service';
import { WorkspaceEntity } from './workspaces/workspace.entity';
import { WorkspacesRepository } from './workspaces/workspaces.repository';
import { WorkspacesService } from './workspaces/workspaces.service';

const ENTITIES = [WorkspaceEntity, DatasetEntity, AlertRuleEntity, AlertEntity, MonitoringSettingsEntity, UserEntity, CredentialEntity, MembershipEntity, SubmissionEntity, AssignmentEntity];
const SERVICES = [WorkspacesRepository, WorkspacesService, DatasetsRepository, DatasetsService, TablesService, QueryService, ReportsService, WorkspaceSummaryService, MonitoringRepository, MonitoringService, AuthRepository, PasswordHasher, SignInThrottle, AuthService, UserAdminService, SubmissionsRepository, AssignmentsRepository, ExerciseAccessService, ExercisesService, SubmissionsService, AssignmentsService];

/** Everything but HTTP: metadata, Arrow storage and the services. Shared by the API and the CLI. */
@Module({})
export class CoreModule {
  static forRoot(config: AppConfig): DynamicModule {
    mkdirSync(config.dataDir, { recursive: true, mode: 0o700 });
    const database = join(config.dataDir, 'creator-ops.sqlite');
    ownerOnly(database);
    return {
      module: CoreModule,
      imports: [
        StorageModule.forRoot(config),
        TypeOrmModule.forRoot({
          type: 'better-sqlite3',
          database,
          entities: ENTITIES,
          synchronize: true,
          enableWAL: true,
          timeout: 10_000,
        }),
        TypeOrmModule.forFeature(ENTITIES),
      ],
      providers: [...SERVICES, MonitoringHook],
      exports: SERVICES,
    };
  }
}

/**
 * The metadata database (users, password hashes, sessions) is readable by its owner only: created
 * 0600 before SQLite opens it (its -wal and -shm files copy the database file's mode), and
 * narrowed if an older version created it wider.
 */
function ownerOnly(database: string): void {
  if (!existsSync(database)) closeSync(openSync(database, 'a', 0o600));
  for (const file of [database, `${database}-wal`, `${database}-shm`]) if (existsSync(file)) chmodSync(file, 0o600);
}
