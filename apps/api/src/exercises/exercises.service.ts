import { HttpStatus, Inject, Injectable } from '@nestjs/common';
import { basename } from 'node:path';
import {
  answerKey,
  batchToCsv,
  batchToXlsx,
  datasetPath,
  ExerciseError,
  findExercise,
  gradeBatch,
  itemAnalysisToCsv,
  listExercises,
  loadExerciseData,
  presentKey,
  publicExercise,
  type AnswerKey,
  type BatchInput,
  type Exercise,
} from '@creator-ops/grading';
import { AppError } from '../common/app-error';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { FileSystem } from '../platform/file-system';
import type { Principal } from '../auth/principal';
import { SubmissionsRepository } from './submissions.repository';
import { AssignmentsRepository } from './assignments.repository';
import { ExerciseAccessService, notFound } from './exercise-access.service';
import { unpackZip } from './zip-submissions';

/**
 * The exercise bank (data in fixtures/exercises) as each caller may see it, answer keys computed
 * by the engine (graders of a class the exercise is assigned to), batch grading.
 */
@Injectable()
export class ExercisesService {
  private readonly keys = new Map<string, Promise<AnswerKey>>();

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly access: ExerciseAccessService,
    private readonly assignments: AssignmentsRepository,
    private readonly submissions: SubmissionsRepository,
    private readonly files: FileSystem,
  ) {}

  private get root(): string {
    return this.config.exercisesDir;
  }

  /** The exercises of the caller's workspaces (admins: all), each with its assignments there and the caller's own progress (attempts, best score; null before a first try). */
  async list(p: Principal) {
    const visible = await this.access.visibleExercises(p);
    const scope = this.access.memberOf(p);
    const assigned = await this.assignments.inWorkspaces(scope);
    const progress = await this.submissions.progressOf(p.userId);
    return listExercises(this.root)
      .filter((e) => !visible || visible.has(e.id))
      .map((e) => ({ ...publicExercise(e), assignedTo: assigned.filter((a) => a.exerciseId === e.id).length, progress: progress.get(e.id) ?? null }));
  }

  async get(p: Principal, id: string) {
    const exercise = this.find(id);
    await this.access.assertVisible(p, id);
    return publicExercise(exercise);
  }

  async dataFile(p: Principal, id: string, file: string): Promise<{ body: Buffer; fileName: string }> {
    const exercise = this.find(id);
    await this.access.assertVisible(p, id);
    return { body: this.files.readFile(datasetPath(exercise, file)), fileName: basename(file) };
  }

  async key(p: Principal, id: string, locale: 'zh-CN' | 'en') {
    const exercise = this.find(id);
    await this.access.assertGrader(p, id);
    return presentKey(await this.keyOf(exercise), locale === 'en' ? 'en' : 'zh');
  }

  /** Many answers at once (files, or zips of files): file names without extension are the student ids. */
  async batch(p: Principal, id: string, files: { bytes: Buffer; fileName: string }[]) {
    const exercise = this.find(id);
    await this.access.assertGrader(p, id);
    const key = await this.keyOf(exercise);
    const inputs: BatchInput[] = [];
    for (const f of files) {
      if (/\.zip$/i.test(f.fileName)) inputs.push(...(await unpackZip(f.bytes)));
      else inputs.push({ studentId: basename(f.fileName).replace(/\.[^.]+$/, ''), fileName: basename(f.fileName), bytes: f.bytes });
    }
    if (inputs.length === 0) throw new AppError('FILE_REQUIRED', HttpStatus.BAD_REQUEST);
    return gradeBatch(exercise, key, inputs);
  }

  async batchExport(p: Principal, id: string, files: { bytes: Buffer; fileName: string }[], format: 'csv' | 'xlsx' | 'items.csv') {
    const result = await this.batch(p, id, files);
    if (format === 'xlsx')
      return { body: await batchToXlsx(result), type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', fileName: `${id}-grades.xlsx` };
    return {
      body: Buffer.from(format === 'csv' ? batchToCsv(result) : itemAnalysisToCsv(result)),
      type: 'text/csv; charset=utf-8',
      fileName: `${id}-${format === 'csv' ? 'grades' : 'items'}.csv`,
    };
  }

  /** The exercise, whoever asks (callers check access); 404 when the bank has no such id. */
  find(id: string): Exercise {
    try {
      return findExercise(this.root, id);
    } catch (e) {
      if (e instanceof ExerciseError && e.code === 'EXERCISE_NOT_FOUND') throw notFound(id);
      throw e;
    }
  }

  keyOf(exercise: Exercise): Promise<AnswerKey> {
    let key = this.keys.get(exercise.id);
    if (!key) {
      key = loadExerciseData(exercise).then((data) => answerKey(exercise, data));
      key.catch(() => this.keys.delete(exercise.id));
      this.keys.set(exercise.id, key);
    }
    return key;
  }
}
