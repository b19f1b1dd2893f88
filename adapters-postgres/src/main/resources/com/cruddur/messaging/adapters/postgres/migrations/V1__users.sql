-- The reference's users table, with what it lacked: unique handles, a unique Cognito subject once one is set,
-- and an index for every lookup (uuid: the primary key; handle and cognito_user_id: their unique indexes).
-- ${text} and ${uuid_default} differ per database: TEXT / gen_random_uuid() on PostgreSQL, VARCHAR / RANDOM_UUID() on H2.
CREATE TABLE users (
  uuid            UUID         DEFAULT ${uuid_default} PRIMARY KEY,
  display_name    ${text}      NOT NULL,
  handle          ${text}      NOT NULL,
  email           ${text}      NOT NULL,
  -- NULL until the user is linked to Cognito (the reference wrote the placeholder 'MOCK').
  cognito_user_id ${text},
  created_at      TIMESTAMP WITH TIME ZONE DEFAULT CURRENT_TIMESTAMP NOT NULL,
  CONSTRAINT users_handle_not_blank CHECK (handle <> ''),
  CONSTRAINT users_cognito_user_id_not_blank CHECK (cognito_user_id <> '')
);
-- Unique indexes admit any number of NULLs on both databases: unique "when set".
CREATE UNIQUE INDEX users_handle_key ON users (handle);
CREATE UNIQUE INDEX users_cognito_user_id_key ON users (cognito_user_id);
