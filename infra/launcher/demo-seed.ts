import { MikroORM } from '@mikro-orm/postgresql';
import * as argon2 from 'argon2';
import { AgencySchema, ormConfig, UserSchema } from '@liaison/data';
import { ROLES, type AgencyType, type Role } from '@liaison/domain';
import { readSettings } from '@liaison/platform';

export interface DemoLogin {
  email: string;
  roles: string;
  agency: string;
}

interface DemoAgency {
  key: string;
  name: string;
  country: string;
  type: AgencyType;
  centralAuthority: boolean;
  acceptedLanguages: string[];
}

/** Agencies of four countries along the trafficking routes of South and South-East Asia. */
const AGENCIES: DemoAgency[] = [
  {
    key: 'in-cbi',
    name: 'Central Bureau of Investigation',
    country: 'IN',
    type: 'POLICE',
    centralAuthority: false,
    acceptedLanguages: ['en', 'hi'],
  },
  {
    key: 'in-mha',
    name: 'Ministry of Home Affairs, Legal Division',
    country: 'IN',
    type: 'MINISTRY_OF_JUSTICE',
    centralAuthority: true,
    acceptedLanguages: ['en', 'hi'],
  },
  {
    key: 'np-police',
    name: 'Nepal Police, Anti-Human Trafficking Bureau',
    country: 'NP',
    type: 'POLICE',
    centralAuthority: false,
    acceptedLanguages: ['en', 'ne'],
  },
  {
    key: 'np-oag',
    name: 'Office of the Attorney General',
    country: 'NP',
    type: 'PROSECUTION',
    centralAuthority: true,
    acceptedLanguages: ['en', 'ne'],
  },
  {
    key: 'th-rtp',
    name: 'Royal Thai Police, Anti-Trafficking in Persons Division',
    country: 'TH',
    type: 'POLICE',
    centralAuthority: false,
    acceptedLanguages: ['en', 'th'],
  },
  {
    key: 'th-oag',
    name: 'Office of the Attorney General, International Affairs',
    country: 'TH',
    type: 'PROSECUTION',
    centralAuthority: true,
    acceptedLanguages: ['en', 'th'],
  },
  {
    key: 'mm-mpf',
    name: 'Myanmar Police Force, Anti-Trafficking Unit',
    country: 'MM',
    type: 'POLICE',
    centralAuthority: false,
    acceptedLanguages: ['en', 'my'],
  },
  {
    key: 'mm-dsw',
    name: 'Department of Social Welfare',
    country: 'MM',
    type: 'SOCIAL_SERVICES',
    centralAuthority: false,
    acceptedLanguages: ['en', 'my'],
  },
];

/** Agencies whose users of every role are seeded (the others get an officer and a supervisor). */
const FULLY_STAFFED = new Set(['in-cbi', 'np-police', 'th-rtp', 'mm-dsw']);

/**
 * Seeds the demo once (idempotent) and returns its logins; every account has the same demo password. Never in
 * production: a known password on every role is a way in (the first administrator comes from `admin:bootstrap`).
 */
export async function seedDemo(databaseUrl: string, password: string): Promise<DemoLogin[]> {
  if (readSettings(['general']).NODE_ENV === 'production') {
    throw new Error('the demo seed does not run with NODE_ENV=production: use `npm run admin:bootstrap -- --email …`');
  }
  const orm = await MikroORM.init(ormConfig(databaseUrl, { pool: { min: 0, max: 2 } }));
  try {
    const em = orm.em.fork();
    const logins: DemoLogin[] = [];
    const passwordHash = await argon2.hash(password, { type: argon2.argon2id });
    for (const definition of AGENCIES) {
      const { key, ...fields } = definition;
      const agency =
        (await em.findOne(AgencySchema, { country: fields.country, name: fields.name })) ??
        em.create(AgencySchema, fields);
      const roles: Role[] = FULLY_STAFFED.has(key) ? [...ROLES] : ['OFFICER', 'SUPERVISOR'];
      // a second ADMIN where there is one: role grants take two administrators
      const accounts = roles.map((role) => ({
        role,
        prefix: role.toLowerCase(),
        name: displayName(role, fields.country),
      }));
      if (roles.includes('ADMIN')) {
        accounts.push({ role: 'ADMIN', prefix: 'second.admin', name: `Second administrator (${fields.country})` });
      }
      for (const { role, prefix, name } of accounts) {
        const email = `${prefix}@${key}.example`;
        if (!(await em.findOne(UserSchema, { email }))) {
          em.create(UserSchema, {
            agency,
            email,
            displayName: name,
            passwordHash,
            roles: [role],
            secondFactorExempt: true, // honoured only under SECOND_FACTOR_EXEMPTIONS=1, which npm start sets
          });
        }
        logins.push({ email, roles: role, agency: `${fields.name} (${fields.country})` });
      }
    }
    const operator = 'platform.admin@liaison.example';
    if (!(await em.findOne(UserSchema, { email: operator }))) {
      const home = await em.findOneOrFail(AgencySchema, { name: AGENCIES[0].name });
      em.create(UserSchema, {
        agency: home,
        email: operator,
        displayName: 'Platform Administrator',
        passwordHash,
        roles: ['ADMIN'],
        platformAdmin: true,
        secondFactorExempt: true,
      });
    }
    logins.unshift({ email: operator, roles: 'ADMIN + platform admin', agency: 'creates agencies' });
    await em.flush();
    return logins;
  } finally {
    await orm.close(true);
  }
}

function displayName(role: Role, country: string): string {
  return `${role.charAt(0)}${role.slice(1).toLowerCase()} (${country})`;
}
