import { Module } from '@nestjs/common';
import { WorkspacesModule } from '../workspaces/workspaces.module';
import { AssignmentsController } from './assignments.controller';
import { AssignmentsRepository } from './assignments.repository';
import { AssignmentsService } from './assignments.service';
import { ExerciseAccessService } from './exercise-access.service';
import { ExercisesController } from './exercises.controller';
import { ExercisesService } from './exercises.service';
import { SubmissionsRepository } from './submissions.repository';
import { SubmissionsService } from './submissions.service';

const PROVIDERS = [SubmissionsRepository, AssignmentsRepository, ExerciseAccessService, ExercisesService, SubmissionsService, AssignmentsService];

/** The exercise bank, assignments to classes (workspaces), submissions and grading. */
@Module({ imports: [WorkspacesModule], providers: PROVIDERS, exports: PROVIDERS })
export class ExercisesModule {}

@Module({ imports: [ExercisesModule, WorkspacesModule], controllers: [ExercisesController, AssignmentsController] })
export class ExercisesHttpModule {}
