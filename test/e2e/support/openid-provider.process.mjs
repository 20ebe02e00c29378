// A real OpenID provider (the oidc-provider package) on a local port, started by the single sign-on tests as a
// child process (oidc-provider is an ES module). Its login and consent are two form posts the tests make themselves;
// POST /__control sets its accounts and, to test the client's checks, how it spoils the ID tokens it issues.
import { createServer } from 'node:http';
import { decodeJwt, decodeProtectedHeader, exportJWK, generateKeyPair, SignJWT } from 'jose';
import { Provider } from 'oidc-provider';

const server = createServer();
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const issuer = `http://127.0.0.1:${server.address().port}`;

const KID = 'provider-key-1';
const own = await signingKey();
const foreign = await signingKey(); // someone else's key under the same key id
const accounts = new Map();
let tamper = 'none';

const provider = new Provider(issuer, {
  clients: JSON.parse(process.env.OIDC_CLIENTS ?? '[]'),
  jwks: { keys: [own.jwk] },
  findAccount: (_ctx, id) =>
    accounts.has(id) ? { accountId: id, claims: () => ({ sub: id, ...accounts.get(id) }) } : undefined,
  claims: { openid: ['sub', 'acr', 'amr', 'auth_time'], email: ['email', 'email_verified'] },
  conformIdTokenClaims: false,
  acrValues: ['urn:liaison:test:pwd', 'urn:liaison:test:mfa'],
  features: { devInteractions: { enabled: false } },
  interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
  cookies: { keys: ['openid-provider-of-the-tests'] },
  pkce: { required: () => true },
});

// The token endpoint's answer, spoiled on request: what a client must refuse.
provider.use(async (ctx, next) => {
  await next();
  if (ctx.path === '/token' && ctx.body && ctx.body.id_token && tamper !== 'none') {
    ctx.body = { ...ctx.body, id_token: await spoil(ctx.body.id_token) };
  }
});

const handle = provider.callback();
server.on('request', (req, res) => {
  route(req, res).catch((error) => {
    res.statusCode = 500;
    res.end(String(error?.stack ?? error));
  });
});
process.send?.({ issuer });

async function route(req, res) {
  const url = new URL(req.url ?? '/', issuer);
  if (url.pathname === '/__control' && req.method === 'POST') return control(req, res);
  const interaction = url.pathname.match(/^\/interaction\/[^/]+(?:\/(login|consent))?$/);
  if (!interaction) return handle(req, res);
  if (req.method === 'GET') {
    const details = await provider.interactionDetails(req, res);
    if (!(req.headers.accept ?? '').includes('text/html')) {
      return json(res, 200, { uid: details.uid, prompt: details.prompt.name });
    }
    return page(res, details.prompt.name === 'login' ? loginForm(url.pathname) : consentForm(url.pathname));
  }
  const form = new URLSearchParams(await body(req));
  if (interaction[1] === 'login') {
    const amr = form.get('amr');
    const login = {
      accountId: form.get('account'),
      amr: amr ? amr.split(' ') : undefined,
      acr: form.get('acr') || undefined,
    };
    return provider.interactionFinished(req, res, { login }, { mergeWithLastSubmission: false });
  }
  const details = await provider.interactionDetails(req, res);
  const grant = details.grantId
    ? await provider.Grant.find(details.grantId)
    : new provider.Grant({ accountId: details.session.accountId, clientId: details.params.client_id });
  const missing = details.prompt.details;
  if (missing.missingOIDCScope) grant.addOIDCScope(missing.missingOIDCScope.join(' '));
  if (missing.missingOIDCClaims) grant.addOIDCClaims(missing.missingOIDCClaims);
  const grantId = await grant.save();
  return provider.interactionFinished(req, res, { consent: { grantId } }, { mergeWithLastSubmission: true });
}

async function control(req, res) {
  const settings = JSON.parse(await body(req));
  for (const [id, claims] of Object.entries(settings.accounts ?? {})) accounts.set(id, claims);
  if (settings.tamper) tamper = settings.tamper;
  json(res, 204);
}

async function spoil(idToken) {
  const header = decodeProtectedHeader(idToken);
  const claims = decodeJwt(idToken);
  const now = Math.floor(Date.now() / 1000);
  if (tamper === 'expired') Object.assign(claims, { iat: now - 7200, exp: now - 3600 });
  if (tamper === 'other-nonce') claims.nonce = 'the-nonce-of-another-attempt';
  const key = tamper === 'foreign-key' ? foreign.privateKey : own.privateKey;
  return new SignJWT(claims).setProtectedHeader({ alg: header.alg, kid: header.kid, typ: header.typ }).sign(key);
}

async function signingKey() {
  const { privateKey } = await generateKeyPair('RS256', { extractable: true });
  return { privateKey, jwk: { ...(await exportJWK(privateKey)), kid: KID, alg: 'RS256', use: 'sig' } };
}

async function body(req) {
  const chunks = [];
  for await (const chunk of req) chunks.push(chunk);
  return Buffer.concat(chunks).toString('utf8');
}

function json(res, status, value) {
  res.statusCode = status;
  if (value !== undefined) res.setHeader('content-type', 'application/json');
  res.end(value === undefined ? undefined : JSON.stringify(value));
}

// What a browser is shown: the provider's own login and consent pages, as plain forms.
function loginForm(path) {
  return `<h1>Agency identity provider</h1>
<form method="post" action="${path}/login">
  <label>Account <input name="account" autocomplete="username"></label>
  <label>Methods (amr) <input name="amr" value="pwd otp"></label>
  <input type="hidden" name="acr" value="">
  <button type="submit">Log in at the provider</button>
</form>`;
}

function consentForm(path) {
  return `<h1>Allow Liaison</h1>
<form method="post" action="${path}/consent"><button type="submit">Allow</button></form>`;
}

function page(res, body) {
  res.statusCode = 200;
  res.setHeader('content-type', 'text/html; charset=utf-8');
  res.end(`<!doctype html><html lang="en"><title>Provider</title><main>${body}</main></html>`);
}
