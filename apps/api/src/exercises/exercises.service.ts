import { HttpStatus, Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import {
  answerKey,
  batchToCsv,
  batchToXlsx,
  datasetPath,
  ExerciseError,
  findExercise,
  gradeBatch,
  gradeSubmission,
  itemAnalysisToCsv,
  listExercises,
  loadExerciseData,
  parseSubmission,
  presentKey,
  publicExercise,
  SubmissionError,
  type AnswerKey,
  type BatchInput,
  type Exercise,
} from '@creator-ops/grading';
import { AppError } from '../common/app-error';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import type { Principal } from '../auth/principal';
import { ROLE_PERMISSIONS } from '../auth/roles';
import { SubmissionsRepository } from './submissions.repository';
import { unpackZip } from './zip-submissions';

/** Exercises (data in fixtures/exercises), answer keys computed by the engine, submissions graded and kept. */
@Injectable()
export class ExercisesService {
  private readonly keys = new Map<string, Promise<AnswerKey>>();

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly submissions: SubmissionsRepository,
  ) {}

  private get root(): string {
    return this.config.exercisesDir;
  }

  /** The bank, each task with the caller's own progress (attempts, best score; null before a first try). */
  async list(principal: Principal) {
    const progress = await this.submissions.progressOf(principal.userId);
    return listExercises(this.root).map((e) => ({ ...publicExercise(e), progress: progress.get(e.id) ?? null }));
  }

  get(id: string) {
    return publicExercise(this.exercise(id));
  }

  dataFile(id: string, file: string): { body: Buffer; fileName: string } {
    const exercise = this.exercise(id);
    try {
      return { body: readFileSync(datasetPath(exercise, file)), fileName: basename(file) };
    } catch (e) {
      throw this.mapError(e);
    }
  }

  async key(id: string, locale: 'zh-CN' | 'en') {
    const exercise = this.exercise(id);
    return presentKey(await this.keyOf(exercise), locale === 'en' ? 'en' : 'zh');
  }

  async submit(id: string, principal: Principal, file: { bytes: Buffer; fileName: string }) {
    const exercise = this.exercise(id);
    const key = await this.keyOf(exercise);
    if (looksBinary(file.bytes)) throw new AppError('SUBMISSION_UNREADABLE', HttpStatus.UNPROCESSABLE_ENTITY);
    const submission = await parseSubmission(file.bytes, file.fileName).catch((e) => {
      throw this.mapError(e);
    });
    const result = gradeSubmission(exercise, key, submission);
    const saved = await this.submissions.save({ id: randomUUID(), exerciseId: exercise.id, userId: principal.userId, username: principal.username, fileName: basename(file.fileName).slice(0, 200), score: result.score, maxScore: result.maxScore, result });
    return { id: saved.id, ...result };
  }

  /** Trainees see their own submissions; graders and admins see everyone's. */
  async listSubmissions(id: string, principal: Principal) {
    const exercise = this.exercise(id);
    const everyone = ROLE_PERMISSIONS[principal.role].includes('exercise:key');
    const rows = await this.submissions.list(exercise.id, everyone ? null : principal.userId);
    return rows.map((s) => ({ id: s.id, username: s.username, fileName: s.fileName, score: s.score, maxScore: s.maxScore, createdAt: s.createdAt.toISOString(), result: s.result }));
  }

  /** Many answers at once (files, or zips of files): file names without extension are the student ids. */
  async batch(id: string, files: { bytes: Buffer; fileName: string }[]) {
    const exercise = this.exercise(id);
    const key = await this.keyOf(exercise);
    const inputs: BatchInput[] = [];
    for (const f of files) {
      if (/\.zip$/i.test(f.fileName)) inputs.push(...(await unpackZip(f.bytes)));
      else inputs.push({ studentId: basename(f.fileName).replace(/\.[^.]+$/, ''), fileName: basename(f.fileName), bytes: f.bytes });
    }
    if (inputs.length === 0) throw new AppError('FILE_REQUIRED', HttpStatus.BAD_REQUEST);
    return gradeBatch(exercise, key, inputs);
  }

  async batchExport(id: string, files: { bytes: Buffer; fileName: string }[], format: 'csv' | 'xlsx' | 'items.csv') {
    const result = await this.batch(id, files);
    if (format === 'xlsx') return { body: await batchToXlsx(result), type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', fileName: `${id}-grades.xlsx` };
    return { body: Buffer.from(format === 'csv' ? batchToCsv(result) : itemAnalysisToCsv(result)), type: 'text/csv; charset=utf-8', fileName: `${id}-${format === 'csv' ? 'grades' : 'items'}.csv` };
  }

  private exercise(id: string): Exercise {
    try {
      return findExercise(this.root, id);
    } catch (e) {
      throw this.mapError(e);
    }
  }

  private keyOf(exercise: Exercise): Promise<AnswerKey> {
    let key = this.keys.get(exercise.id);
    if (!key) {
      key = loadExerciseData(exercise).then((data) => answerKey(exercise, data));
      key.catch(() => this.keys.delete(exercise.id));
      this.keys.set(exercise.id, key);
    }
    return key;
  }

  private mapError(e: unknown): unknown {
    if (e instanceof ExerciseError) {
      const status = e.code === 'EXERCISE_NOT_FOUND' || e.code === 'DATASET_NOT_FOUND' ? HttpStatus.NOT_FOUND : HttpStatus.UNPROCESSABLE_ENTITY;
      return new AppError(e.code, status, {}, undefined, { zh: e.message, en: e.message });
    }
    if (e instanceof SubmissionError) return new AppError(e.code, HttpStatus.UNPROCESSABLE_ENTITY, {}, undefined, { zh: e.zh, en: e.message });
    return e;
  }
}

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];

/** Not a table at all (an image, a binary): refused rather than graded as an empty answer. */
function looksBinary(bytes: Buffer): boolean {
  if (ZIP_MAGIC.every((b, i) => bytes[i] === b)) return false;
  const head = bytes.subarray(0, 4096);
  const utf16 = (head[0] === 0xff && head[1] === 0xfe) || (head[0] === 0xfe && head[1] === 0xff);
  return !utf16 && head.includes(0);
}
