import { CredentialEntity } from '../auth/credential.entity';
import { MembershipEntity } from '../auth/membership.entity';
import { UserEntity } from '../auth/user.entity';
import { InstanceEntity } from '../coordination/instance.entity';
import { RateLimitEntity } from '../coordination/rate-limit.entity';
import { DatasetEntity } from '../datasets/dataset.entity';
import { AssignmentEntity } from '../exercises/assignment.entity';
import { SubmissionEntity } from '../exercises/submission.entity';
import { AlertRuleEntity } from '../monitoring/alert-rule.entity';
import { AlertEntity } from '../monitoring/alert.entity';
import { MonitoringSettingsEntity } from '../monitoring/monitoring-settings.entity';
import { WorkspaceEntity } from '../workspaces/workspace.entity';

/** Every metadata table. A change here needs a migration for both databases (see database/migrations). */
export const ENTITIES = [
  WorkspaceEntity,
  DatasetEntity,
  AlertRuleEntity,
  AlertEntity,
  MonitoringSettingsEntity,
  UserEntity,
  CredentialEntity,
  MembershipEntity,
  SubmissionEntity,
  AssignmentEntity,
  InstanceEntity,
  RateLimitEntity,
];
