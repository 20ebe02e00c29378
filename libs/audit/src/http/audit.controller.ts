import { Body, Controller, Get, Header, HttpCode, Inject, Param, Post, Query, StreamableFile } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiConflictResponse,
  ApiForbiddenResponse,
  ApiOkResponse,
  ApiProduces,
  ApiTags,
} from '@nestjs/swagger';
import { EntityManager } from '@mikro-orm/postgresql';
import { AuditCheckpointSchema } from '@liaison/data';
import type { Actor, CallerContext } from '@liaison/domain';
import {
  Caller,
  cursorPageView,
  LIAISON_CONFIG,
  parseUuid,
  StepUp,
  toCursorPage,
  type CursorPage,
  type LiaisonConfig,
} from '@liaison/platform';
import { AuditReader } from '../access/audit-reader.decorator';
import { auditScopeOf } from '../access/audit-scope';
import { InclusionProofs } from '../checkpoints/inclusion-proofs';
import { AuditExport } from '../export/audit-export.service';
import { AuditEntries } from '../query/audit-entries.service';
import { AuditPublicKey } from '../signing/audit-public-key';
import { TrailVerifier } from '../verify/trail-verifier.service';
import { AuditEntryView } from './dto/audit-entry.view';
import { CheckpointView, InclusionProofView, PublicKeyView } from './dto/checkpoint.view';
import { ListCheckpointsQuery } from './dto/list-checkpoints.query';
import { ListAuditEntriesQuery } from './dto/list-audit-entries.query';
import { VerificationView } from './dto/verification.view';
import { VerifyTrailDto } from './dto/verify-trail.dto';

/** The auditors' trail: AUDITOR role (own agency's streams), oversight auditors and platform admins (everything). */
@ApiTags('audit')
@ApiBearerAuth()
@ApiForbiddenResponse({ description: 'Not an auditor.' })
@Controller('audit')
export class AuditController {
  constructor(
    private readonly entries: AuditEntries,
    private readonly proofs: InclusionProofs,
    private readonly verifier: TrailVerifier,
    private readonly exporter: AuditExport,
    private readonly publicKeys: AuditPublicKey,
    private readonly em: EntityManager,
    @Inject(LIAISON_CONFIG) private readonly config: LiaisonConfig,
  ) {}

  @Get('entries')
  @ApiOkResponse({
    type: cursorPageView(AuditEntryView, 'AuditEntryPageView'),
    description: 'A page of entries in the reader scope, oldest first.',
  })
  list(@AuditReader() actor: Actor, @Query() filters: ListAuditEntriesQuery): Promise<CursorPage<AuditEntryView>> {
    return this.entries.list(auditScopeOf(actor, this.config), filters);
  }

  @Get('entries/:entryId/proof')
  @ApiOkResponse({ type: InclusionProofView })
  @ApiConflictResponse({ description: 'No checkpoint covers the entry yet.' })
  proof(
    @AuditReader() actor: Actor,
    @Param('entryId', parseUuid('entryId')) entryId: string,
  ): Promise<InclusionProofView> {
    return this.proofs.of(auditScopeOf(actor, this.config), entryId);
  }

  @Get('checkpoints')
  @ApiOkResponse({
    type: cursorPageView(CheckpointView, 'CheckpointPageView'),
    description: 'A page of signed checkpoints, oldest first (latest first with order=desc).',
  })
  async checkpoints(
    @AuditReader() actor: Actor,
    @Query() page: ListCheckpointsQuery,
  ): Promise<CursorPage<CheckpointView>> {
    auditScopeOf(actor, this.config);
    const after = page.order === 'desc' ? '$lt' : '$gt';
    const rows = await this.em.fork().find(AuditCheckpointSchema, page.cursor ? { id: { [after]: page.cursor } } : {}, {
      orderBy: { id: page.order },
      limit: page.limit + 1,
    });
    return toCursorPage(rows, page.limit, CheckpointView.from);
  }

  @Get('public-key')
  @ApiOkResponse({
    type: PublicKeyView,
    description: 'The Ed25519 key that signs checkpoints (also for the offline verifier).',
  })
  publicKey(): PublicKeyView {
    const key = this.publicKeys.require();
    return {
      algorithm: 'Ed25519',
      keyId: this.publicKeys.keyId as string,
      publicKeyPem: key.export({ format: 'pem', type: 'spki' }).toString(),
    };
  }

  @Post('verify')
  @HttpCode(200)
  @ApiOkResponse({ type: VerificationView })
  verify(@AuditReader() actor: Actor, @Body() body: VerifyTrailDto): Promise<VerificationView> {
    return this.verifier.verify(auditScopeOf(actor, this.config), body);
  }

  @Get('export')
  @StepUp()
  @Header('Content-Type', 'application/jsonl; charset=utf-8')
  @Header('Content-Disposition', 'attachment; filename="liaison-audit-export.jsonl"')
  @ApiProduces('application/jsonl')
  @ApiOkResponse({
    description:
      'JSON Lines: header, checkpoints each followed by its entries and their proofs, the entries after the last checkpoint, end. Verify with `npx liaison-audit verify`.',
  })
  async export(@Caller() caller: CallerContext): Promise<StreamableFile> {
    const scope = auditScopeOf(caller.actor, this.config);
    await this.exporter.record(caller, scope);
    return new StreamableFile(this.exporter.open(scope));
  }
}
