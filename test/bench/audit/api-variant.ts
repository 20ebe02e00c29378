/**
 * The real api application (AppModule, as configured by apps/api), booted for the audit-cost benchmark with some
 * providers replaced, through Nest's testing module only (no switch in production code). BENCH_VARIANT:
 *
 * - `full`: nothing replaced.
 * - `no-audit`: AuditTrail.append does nothing (no advisory lock, no head read, no hash, no insert).
 * - `no-encryption`: PersonIdentityStore.store writes the identity's JSON in clear into the envelope columns with
 *   zeroed nonce, tag and wrapped key (no data key, no AES-GCM, no key wrap); everything else unchanged.
 * - `neither`: both of the above.
 * - `no-audit-no-identity-store`: no-op AuditTrail, and a PersonIdentityStore whose every method throws: a request
 *   that reaches the identity store fails, which proves the transition path never touches identities.
 *
 * Listens on 127.0.0.1 at a free port and prints `listening <port>`; stops on SIGTERM.
 */
import 'reflect-metadata';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { Test, type TestingModuleBuilder } from '@nestjs/testing';
import { uuidv7 } from 'uuidv7';
import { AuditTrail } from '@liaison/audit';
import type { Person } from '@liaison/data';
import { PersonIdentityStore } from '@liaison/requests';
import { AppModule } from '@liaison/api/app.module';
import { configureApp } from '@liaison/api/configure-app';

export const VARIANTS = ['full', 'no-audit', 'no-encryption', 'neither', 'no-audit-no-identity-store'] as const;
export type Variant = (typeof VARIANTS)[number];

/** Same signature as the real appender; nothing written. */
const noAuditTrail: Pick<AuditTrail, 'append'> = { append: () => Promise.resolve(uuidv7()) };

/** The same columns filled, without cryptography: the JSON in clear (not padded) and zeroed nonce, tag, wrapped key. */
class PlaintextIdentityStore extends PersonIdentityStore {
  override store(person: Person, identity: Parameters<PersonIdentityStore['store']>[1]): void {
    person.identityCiphertext = Buffer.from(JSON.stringify(identity), 'utf8');
    person.identityIv = Buffer.alloc(12);
    person.identityTag = Buffer.alloc(16);
    person.wrappedDataKey = Buffer.alloc(60);
    person.masterKeyId = 'bench-plaintext';
  }
}

/** Every method of the real store (store, reveal, redact, findForPurge, purge) throws. */
const refusingIdentityStore = Object.fromEntries(
  Object.getOwnPropertyNames(PersonIdentityStore.prototype)
    .filter((name) => name !== 'constructor')
    .map((name) => [
      name,
      () => {
        throw new Error(`the identity store was called (${name}) on a path that should not use it`);
      },
    ]),
);

function withOverrides(builder: TestingModuleBuilder, variant: Variant): TestingModuleBuilder {
  if (variant === 'no-audit' || variant === 'neither' || variant === 'no-audit-no-identity-store')
    builder.overrideProvider(AuditTrail).useValue(noAuditTrail);
  if (variant === 'no-encryption' || variant === 'neither')
    builder.overrideProvider(PersonIdentityStore).useClass(PlaintextIdentityStore);
  if (variant === 'no-audit-no-identity-store')
    builder.overrideProvider(PersonIdentityStore).useValue(refusingIdentityStore);
  return builder;
}

async function main(): Promise<void> {
  const variant = process.env['BENCH_VARIANT'] as Variant;
  if (!VARIANTS.includes(variant)) throw new Error(`BENCH_VARIANT must be one of ${VARIANTS.join(', ')}`);
  const moduleRef = await withOverrides(Test.createTestingModule({ imports: [AppModule] }), variant).compile();
  const app = configureApp(moduleRef.createNestApplication<NestExpressApplication>({ bodyParser: false }));
  await app.listen(0, '127.0.0.1');
  const address = app.getHttpServer().address() as { port: number };
  process.stdout.write(`listening ${address.port}\n`);
}

if (require.main === module) {
  void main().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
