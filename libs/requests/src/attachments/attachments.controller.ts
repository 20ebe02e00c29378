import { Body, Controller, Get, Param, Post, Res, StreamableFile, UploadedFile, UseInterceptors } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import {
  ApiBearerAuth,
  ApiBody,
  ApiConsumes,
  ApiCreatedResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiPayloadTooLargeResponse,
  ApiTags,
  ApiUnsupportedMediaTypeResponse,
} from '@nestjs/swagger';
import type { Response } from 'express';
import { CurrentActor } from '@liaison/auth';
import type { Actor, CallerContext } from '@liaison/domain';
import { Caller, parseUuid } from '@liaison/platform';
import { AttachmentListView, AttachmentView } from './attachment.view';
import { AttachmentsService } from './attachments.service';
import { UploadAttachmentDto } from './upload-attachment.dto';
import type { UploadedFileData } from './uploaded-file';

@ApiTags('attachments')
@ApiBearerAuth()
@ApiNotFoundResponse({ description: 'No such request or attachment, or not one the caller may see.' })
@Controller('requests/:id/attachments')
export class AttachmentsController {
  constructor(private readonly attachments: AttachmentsService) {}

  @Post()
  @UseInterceptors(FileInterceptor('file'))
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    schema: {
      type: 'object',
      required: ['file'],
      properties: {
        file: { type: 'string', format: 'binary' },
        handlingCode: { type: 'string', enum: ['H0', 'H1', 'H2', 'H3'] },
        handlingRestriction: { type: 'string' },
        language: { type: 'string' },
        translationAttached: { type: 'boolean' },
      },
    },
  })
  @ApiCreatedResponse({ type: AttachmentView })
  @ApiPayloadTooLargeResponse({ description: 'Larger than ATTACHMENT_MAX_BYTES.' })
  @ApiUnsupportedMediaTypeResponse({ description: 'Not PDF, PNG, JPEG, TIFF, plain text, DOCX or ODT.' })
  upload(
    @Caller() caller: CallerContext,
    @Param('id', parseUuid('id')) id: string,
    @UploadedFile() file: UploadedFileData | undefined,
    @Body() body: UploadAttachmentDto,
  ): Promise<AttachmentView> {
    return this.attachments.upload(caller, id, file, body);
  }

  @Get()
  @ApiOkResponse({ type: AttachmentListView })
  list(@CurrentActor() actor: Actor, @Param('id', parseUuid('id')) id: string): Promise<AttachmentListView> {
    return this.attachments.list(actor, id);
  }

  @Get(':attachmentId/content')
  @ApiOkResponse({ description: 'The bytes, as uploaded. Each download is audited.' })
  async content(
    @Caller() caller: CallerContext,
    @Param('id', parseUuid('id')) id: string,
    @Param('attachmentId', parseUuid('attachmentId')) attachmentId: string,
    @Res({ passthrough: true }) response: Response,
  ): Promise<StreamableFile> {
    const { attachment, stream } = await this.attachments.content(caller, id, attachmentId);
    response.setHeader(
      'Content-Disposition',
      `attachment; filename*=UTF-8''${encodeURIComponent(attachment.fileName)}`,
    );
    response.setHeader('Digest', `sha-256=${Buffer.from(attachment.sha256, 'hex').toString('base64')}`);
    return new StreamableFile(stream, { type: attachment.contentType, length: attachment.size });
  }
}
