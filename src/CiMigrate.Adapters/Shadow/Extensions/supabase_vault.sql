-- ci-migrate stand-in for supabase_vault 0.3.1 (supabase/vault): signatures as in its sql/supabase_vault--0.3.0.sql.
-- Covers: the vault schema, the table vault.secrets, the view vault.decrypted_secrets, vault.create_secret and
-- vault.update_secret (with their grants), so migrations storing or reading secrets replay and
-- decrypted_secrets returns what create_secret stored.
-- Does not cover: encryption. Secrets are stored base64-encoded, not encrypted: never point this shadow at real secrets.
-- control: default_version = '0.3.1'
-- control: relocatable = false
-- control: schema = vault

-- Encryption is the behaviour left out: the message passes through unchanged.
CREATE FUNCTION vault._crypto_aead_det_encrypt(message bytea, additional bytea, key_id bigint, context bytea = 'pgsodium', nonce bytea = NULL)
    RETURNS bytea LANGUAGE sql IMMUTABLE AS $$ SELECT message $$;
CREATE FUNCTION vault._crypto_aead_det_decrypt(message bytea, additional bytea, key_id bigint, context bytea = 'pgsodium', nonce bytea = NULL)
    RETURNS bytea LANGUAGE sql IMMUTABLE AS $$ SELECT message $$;
CREATE FUNCTION vault._crypto_aead_det_noncegen() RETURNS bytea LANGUAGE sql IMMUTABLE
    AS $$ SELECT decode(md5(random()::text), 'hex') $$;

CREATE TABLE vault.secrets (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    name text,
    description text NOT NULL DEFAULT '',
    secret text NOT NULL,
    key_id uuid,
    nonce bytea DEFAULT vault._crypto_aead_det_noncegen(),
    created_at timestamptz NOT NULL DEFAULT CURRENT_TIMESTAMP,
    updated_at timestamptz NOT NULL DEFAULT CURRENT_TIMESTAMP
);
COMMENT ON TABLE vault.secrets IS 'Table with encrypted `secret` column for storing sensitive information on disk.';
CREATE UNIQUE INDEX ON vault.secrets USING btree (name) WHERE name IS NOT NULL;

CREATE VIEW vault.decrypted_secrets AS
SELECT s.id, s.name, s.description, s.secret,
       convert_from(vault._crypto_aead_det_decrypt(decode(s.secret, 'base64'), convert_to(s.id::text, 'utf8'), 0, 'pgsodium', s.nonce), 'utf8')
           AS decrypted_secret,
       s.key_id, s.nonce, s.created_at, s.updated_at
FROM vault.secrets s;

CREATE FUNCTION vault.create_secret(new_secret text, new_name text = NULL, new_description text = '', new_key_id uuid = NULL)
    RETURNS uuid SECURITY DEFINER LANGUAGE sql SET search_path = ''
    AS $$ INSERT INTO vault.secrets (secret, name, description)
          VALUES (encode(convert_to(new_secret, 'utf8'), 'base64'), new_name, new_description)
          RETURNING id $$;

CREATE FUNCTION vault.update_secret(secret_id uuid, new_secret text = NULL, new_name text = NULL, new_description text = NULL,
    new_key_id uuid = NULL) RETURNS void SECURITY DEFINER LANGUAGE sql SET search_path = ''
    AS $$ UPDATE vault.secrets s
          SET secret = coalesce(encode(convert_to(new_secret, 'utf8'), 'base64'), s.secret),
              name = coalesce(new_name, s.name),
              description = coalesce(new_description, s.description),
              updated_at = now()
          WHERE s.id = secret_id $$;

REVOKE ALL ON FUNCTION vault._crypto_aead_det_encrypt, vault._crypto_aead_det_decrypt, vault._crypto_aead_det_noncegen,
    vault.create_secret, vault.update_secret FROM PUBLIC;
SELECT pg_catalog.pg_extension_config_dump('vault.secrets', '');
