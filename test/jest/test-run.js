// Names shared by the global set-up, the workers (through libs/testing) and the teardown.
const adminUrl = () => process.env.TEST_DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres';

function databaseUrl(name) {
  const url = new URL(adminUrl());
  url.pathname = `/${name}`;
  return url.toString();
}

const templateName = (run) => `liaison_test_${run}_template`;

module.exports = { adminUrl, databaseUrl, templateName };
