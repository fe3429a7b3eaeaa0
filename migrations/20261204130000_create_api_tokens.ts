import type { Knex } from 'knex';

// API tokens: service accounts of other software (billing, the shop, the POS). The secret is
// kept only as a SHA-256 hash; a fixed window per token counts requests for its rate limit.
export async function up(knex: Knex): Promise<void> {
  await knex.raw(`
    CREATE TABLE api_tokens (
      company_id integer NOT NULL REFERENCES companies(id),
      id integer GENERATED ALWAYS AS IDENTITY,
      name varchar(100) NOT NULL,
      prefix varchar(24) NOT NULL,
      token_hash char(64) NOT NULL,
      role varchar(12),
      scopes text[],
      expires_at timestamptz,
      allowed_ips text[],
      rate_per_minute integer NOT NULL DEFAULT 600,
      window_start timestamptz,
      window_count integer NOT NULL DEFAULT 0,
      last_used_at timestamptz,
      last_used_ip varchar(64),
      revoked_at timestamptz,
      revoked_by integer REFERENCES users(id),
      created_by integer NOT NULL REFERENCES users(id),
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (company_id, id),
      CONSTRAINT api_tokens_role_or_scopes CHECK ((role IS NULL) <> (scopes IS NULL)),
      CONSTRAINT api_tokens_role_check CHECK (role IS NULL OR role IN ('clerk','supervisor','manager','admin')),
      CONSTRAINT api_tokens_rate_check CHECK (rate_per_minute BETWEEN 1 AND 100000)
    );
    CREATE UNIQUE INDEX api_tokens_hash_unique ON api_tokens (company_id, token_hash);
    -- A bearer request knows only its secret: the lookup index cannot lead with the company.
    CREATE INDEX api_tokens_hash ON api_tokens (token_hash);
    CREATE UNIQUE INDEX api_tokens_name_unique ON api_tokens (company_id, lower(name)) WHERE revoked_at IS NULL;
  `);
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTableIfExists('api_tokens');
}
