import { Controller, Get, HttpCode, Param, Post, Query, Req, Res, UploadedFile, UploadedFiles, UseInterceptors } from '@nestjs/common';
import { FileInterceptor, FilesInterceptor } from '@nestjs/platform-express';
import { ApiBody, ApiConsumes, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { readFile, rm } from 'node:fs/promises';
import { RequirePermission } from '../auth/permission.decorator';
import { principalOf } from '../auth/principal';
import { ValidationError } from '../common/app-error';
import { ExercisesService } from './exercises.service';
import { SubmissionsService } from './submissions.service';

const contentDisposition = (fileName: string) =>
  `attachment; filename="${fileName.replace(/[^\x20-\x7e]|"/g, '_')}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;

async function readUploads(files: Express.Multer.File[]): Promise<{ bytes: Buffer; fileName: string }[]> {
  try {
    return await Promise.all(files.map(async (f) => ({ bytes: await readFile(f.path), fileName: f.originalname })));
  } finally {
    await Promise.all(files.map((f) => rm(f.path, { force: true })));
  }
}

@ApiTags('exercises')
@Controller('exercises')
export class ExercisesController {
  constructor(
    private readonly exercises: ExercisesService,
    private readonly submissions: SubmissionsService,
  ) {}

  @Get()
  @RequirePermission('exercise:read')
  @ApiOperation({ summary: 'The exercises of one’s workspaces (admins: the whole bank); tasks only, never the keys), each with the caller’s progress' })
  async list(@Req() req: Request) {
    return { items: await this.exercises.list(principalOf(req)!) };
  }

  @Get(':id')
  @RequirePermission('exercise:read')
  @ApiOperation({ summary: 'One exercise: task text, columns, data files' })
  get(@Param('id') id: string, @Req() req: Request) {
    return this.exercises.get(principalOf(req)!, id);
  }

  @Get(':id/data/:file')
  @RequirePermission('exercise:read')
  @ApiOperation({ summary: 'Download one of the exercise’s data files' })
  async data(@Param('id') id: string, @Param('file') file: string, @Req() req: Request, @Res() res: Response) {
    const { body, fileName } = await this.exercises.dataFile(principalOf(req)!, id, file);
    res
      .type(/\.xlsx$/i.test(fileName) ? 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' : 'text/csv; charset=utf-8')
      .setHeader('Content-Disposition', contentDisposition(fileName));
    res.send(body);
  }

  @Get(':id/key')
  @RequirePermission('exercise:key')
  @ApiQuery({ name: 'locale', required: false, enum: ['zh-CN', 'en'] })
  @ApiOperation({ summary: 'The answer key, computed by the engine (graders of a class the exercise is assigned to)' })
  key(@Param('id') id: string, @Req() req: Request, @Query('locale') locale?: string) {
    return this.exercises.key(principalOf(req)!, id, locale === 'en' ? 'en' : 'zh-CN');
  }

  @Post(':id/submissions')
  @RequirePermission('exercise:submit')
  @ApiConsumes('multipart/form-data')
  @ApiBody({ schema: { type: 'object', required: ['file'], properties: { file: { type: 'string', format: 'binary' } } } })
  @ApiQuery({ name: 'workspace', required: false, description: 'The class to submit in, when the exercise is assigned to several of one’s workspaces' })
  @ApiOperation({
    summary:
      'Submit an answer (CSV, XLSX or JSON): score and feedback as the class’s policy allows (practice / exam); empty answers are refused (EMPTY_ANSWER) and count as a try',
  })
  @UseInterceptors(FileInterceptor('file'))
  async submit(@Param('id') id: string, @UploadedFile() file: Express.Multer.File | undefined, @Req() req: Request, @Query('workspace') workspace?: string) {
    if (!file) throw new ValidationError('FILE_REQUIRED');
    const [upload] = await readUploads([file]);
    return this.submissions.submit(principalOf(req)!, id, upload, typeof workspace === 'string' && workspace ? workspace : undefined);
  }

  @Get(':id/submissions')
  @RequirePermission('exercise:submit')
  @ApiOperation({ summary: 'Submissions: one’s own; graders also those of their classes; admins all' })
  async submissionsOf(@Param('id') id: string, @Req() req: Request) {
    return { items: await this.submissions.list(principalOf(req)!, id) };
  }

  @Post(':id/batch')
  @HttpCode(200)
  @RequirePermission('exercise:key')
  @ApiConsumes('multipart/form-data')
  @ApiBody({ schema: { type: 'object', properties: { files: { type: 'array', items: { type: 'string', format: 'binary' } } } } })
  @ApiQuery({ name: 'format', required: false, enum: ['json', 'csv', 'xlsx', 'items.csv'] })
  @ApiOperation({ summary: 'Grade many answers (files or zips; file name = student id): per-student × per-item table, item analysis' })
  @UseInterceptors(FilesInterceptor('files', 500))
  async batch(
    @Param('id') id: string,
    @UploadedFiles() files: Express.Multer.File[] | undefined,
    @Query('format') format: string | undefined,
    @Req() req: Request,
    @Res() res: Response,
  ) {
    const uploads = await readUploads(files ?? []);
    if (format === 'csv' || format === 'xlsx' || format === 'items.csv') {
      const { body, type, fileName } = await this.exercises.batchExport(principalOf(req)!, id, uploads, format);
      res.type(type).setHeader('Content-Disposition', contentDisposition(fileName));
      res.send(body);
      return;
    }
    res.json(await this.exercises.batch(principalOf(req)!, id, uploads));
  }
}
