-- ci-migrate stand-in for pgsodium 3.1 (michelp/pgsodium): signatures as its extension/pgsodium--*.sql scripts leave
-- them at 3.1.11 (Supabase ships 3.1.x on PostgreSQL 15).
-- Covers: the pgsodium schema, the roles pgsodium_keyiduser, pgsodium_keyholder and pgsodium_keymaker, the types
-- (key_status, key_type, the keypair and session types), the table pgsodium.key with the views valid_key and
-- decrypted_key, create_key, get_key_by_id, get_key_by_name, get_named_keys, version, crypto_hash_sha256/512,
-- randombytes_buf/random/uniform, sodium_bin2base64/base642bin (working), and every other pgsodium function with its
-- real signature, so functions, triggers and grants that name them replay.
-- Does not cover: cryptography. The other functions raise when called, naming the stand-in; Transparent Column
-- Encryption (SECURITY LABEL FOR pgsodium) needs pgsodium's label provider and fails on this shadow.
-- control: default_version = '3.1.8'
-- control: relocatable = false
-- control: schema = pgsodium

-- Roles belong to the cluster, not the database: another shadow database may have made them already.
DO $$
DECLARE
    role_name text;
BEGIN
    FOREACH role_name IN ARRAY ARRAY['pgsodium_keyiduser', 'pgsodium_keyholder', 'pgsodium_keymaker'] LOOP
        IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = role_name) THEN
            EXECUTE format('CREATE ROLE %I NOLOGIN', role_name);
        END IF;
    END LOOP;
END $$;
GRANT pgsodium_keyiduser TO pgsodium_keyholder;
GRANT pgsodium_keyholder TO pgsodium_keymaker;

CREATE FUNCTION pgsodium._not_run(function_name text) RETURNS void LANGUAGE plpgsql
    AS $$ BEGIN
        RAISE EXCEPTION 'pgsodium is a ci-migrate stand-in on this shadow database: pgsodium.% does no cryptography here', function_name
            USING HINT = 'Replay on a scratch database of a server with pgsodium: environments.<name>.shadow = "scratch".';
    END $$;

CREATE TYPE pgsodium.key_status AS ENUM ('default', 'valid', 'invalid', 'expired');
CREATE TYPE pgsodium.key_type AS ENUM ('aead-ietf', 'aead-det', 'hmacsha512', 'hmacsha256', 'auth', 'shorthash', 'generichash',
    'kdf', 'secretbox', 'secretstream', 'stream_xchacha20');
CREATE TYPE pgsodium._key_id_context AS (key_id bigint, key_context bytea);
CREATE TYPE pgsodium.crypto_box_keypair AS (public bytea, secret bytea);
CREATE TYPE pgsodium.crypto_sign_keypair AS (public bytea, secret bytea);
CREATE TYPE pgsodium.crypto_kx_keypair AS (public bytea, secret bytea);
CREATE TYPE pgsodium.crypto_kx_session AS (rx bytea, tx bytea);
CREATE TYPE pgsodium.crypto_signcrypt_state_key AS (state bytea, shared_key bytea);
CREATE TYPE pgsodium.crypto_signcrypt_keypair AS (public bytea, secret bytea);

CREATE TABLE pgsodium.key (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    status pgsodium.key_status DEFAULT 'valid',
    created timestamptz NOT NULL DEFAULT CURRENT_TIMESTAMP,
    expires timestamptz,
    key_type pgsodium.key_type,
    key_id bigserial,
    key_context bytea DEFAULT 'pgsodium' CHECK (length(key_context) = 8),
    name text CONSTRAINT pgsodium_key_unique_name UNIQUE,
    associated_data text DEFAULT 'associated',
    raw_key bytea,
    raw_key_nonce bytea,
    parent_key uuid REFERENCES pgsodium.key (id),
    comment text,
    user_data text
);
SELECT pg_catalog.pg_extension_config_dump('pgsodium.key', '');
GRANT SELECT ON pgsodium.key TO pgsodium_keyiduser;

CREATE VIEW pgsodium.valid_key AS
SELECT id, name, status, key_type, key_id, key_context, created, expires, associated_data
FROM pgsodium.key
WHERE status IN ('valid', 'default') AND CASE WHEN expires IS NULL THEN true ELSE expires > now() END;
GRANT SELECT ON pgsodium.valid_key TO pgsodium_keyiduser;

CREATE VIEW pgsodium.decrypted_key AS
SELECT id, status, created, expires, key_type, key_id, key_context, name, associated_data, raw_key,
       raw_key AS decrypted_raw_key, raw_key_nonce, parent_key, comment
FROM pgsodium.key;
GRANT SELECT ON pgsodium.decrypted_key TO pgsodium_keymaker;

CREATE FUNCTION pgsodium.version() RETURNS text LANGUAGE sql AS $$ SELECT '3.1.8' $$;

CREATE FUNCTION pgsodium.create_key(key_type pgsodium.key_type DEFAULT 'aead-det', name text DEFAULT NULL, raw_key bytea DEFAULT NULL,
    raw_key_nonce bytea DEFAULT NULL, parent_key uuid DEFAULT NULL, key_context bytea DEFAULT 'pgsodium', expires timestamptz DEFAULT NULL,
    associated_data text DEFAULT '') RETURNS pgsodium.valid_key LANGUAGE sql SECURITY DEFINER SET search_path = ''
    AS $$ WITH k AS (
              INSERT INTO pgsodium.key (key_type, name, raw_key, raw_key_nonce, parent_key, key_context, expires, associated_data)
              VALUES (key_type, name, raw_key, raw_key_nonce, parent_key, key_context, expires, associated_data)
              RETURNING id, name, status, key_type, key_id, key_context, created, expires, associated_data)
          SELECT k.*::pgsodium.valid_key FROM k $$;
GRANT EXECUTE ON FUNCTION pgsodium.create_key TO pgsodium_keymaker;

CREATE FUNCTION pgsodium.get_key_by_id(uuid) RETURNS pgsodium.valid_key LANGUAGE sql SECURITY DEFINER SET search_path = ''
    AS $$ SELECT * FROM pgsodium.valid_key WHERE id = $1 $$;
CREATE FUNCTION pgsodium.get_key_by_name(text) RETURNS pgsodium.valid_key LANGUAGE sql SECURITY DEFINER SET search_path = ''
    AS $$ SELECT * FROM pgsodium.valid_key WHERE name = $1 $$;
CREATE FUNCTION pgsodium.get_named_keys(filter text DEFAULT '%') RETURNS SETOF pgsodium.valid_key LANGUAGE sql SECURITY DEFINER SET search_path = ''
    AS $$ SELECT * FROM pgsodium.valid_key vk WHERE vk.name ILIKE filter $$;

CREATE FUNCTION pgsodium.crypto_hash_sha256(message bytea) RETURNS bytea LANGUAGE sql IMMUTABLE STRICT AS $$ SELECT sha256(message) $$;
CREATE FUNCTION pgsodium.crypto_hash_sha512(message bytea) RETURNS bytea LANGUAGE sql IMMUTABLE STRICT AS $$ SELECT sha512(message) $$;
CREATE FUNCTION pgsodium.randombytes_buf(size integer) RETURNS bytea LANGUAGE sql
    AS $$ SELECT substring(string_agg(decode(md5(random()::text), 'hex'), ''::bytea) FROM 1 FOR size) FROM generate_series(0, size / 16) $$;
CREATE FUNCTION pgsodium.randombytes_random() RETURNS integer LANGUAGE sql AS $$ SELECT (random() * 2147483647)::integer $$;
CREATE FUNCTION pgsodium.randombytes_uniform(upper_bound integer) RETURNS integer LANGUAGE sql AS $$ SELECT floor(random() * upper_bound)::integer $$;
CREATE FUNCTION pgsodium.sodium_bin2base64(bin bytea) RETURNS text LANGUAGE sql IMMUTABLE AS $$ SELECT translate(encode(bin, 'base64'), E'+/\n', '-_') $$;
CREATE FUNCTION pgsodium.sodium_base642bin(base64 text) RETURNS bytea LANGUAGE sql IMMUTABLE AS $$ SELECT decode(translate(base64, '-_', '+/'), 'base64') $$;

CREATE FUNCTION pgsodium.create_mask_view(relid oid, subid integer, debug boolean DEFAULT false) RETURNS void LANGUAGE plpgsql AS $$ BEGIN PERFORM pgsodium._not_run('create_mask_view'); END $$;
CREATE FUNCTION pgsodium.crypto_aead_det_decrypt(ciphertext bytea, additional bytea, key bytea, nonce bytea DEFAULT NULL) RETURNS bytea LANGUAGE plpgsql AS $$ BEGIN PERFORM pgsodium._not_run('crypto_aead_det_decrypt'); END $$;
CREATE FUNCTION pgsodium.crypto_aead_det_decrypt(message bytea, additional bytea, key_id bigint, context bytea DEFAULT 'pgsodium', nonce bytea DEFAULT NULL) RETURNS bytea LANGUAGE plpgsql AS $$ BEGIN PERFORM pgsodium._not_run('crypto_aead_det_decrypt'); END $$;
CREATE FUNCTION pgsodium.crypto_aead_det_decrypt(message bytea, additional bytea, key_uuid uuid) RETURNS bytea LANGUAGE plpgsql AS $$ BEGIN PERFORM pgsodium._not_run('crypto_aead_det_decrypt'); END $$;
CREATE FUNCTION pgsodium.crypto_aead_det_decrypt(message bytea, additional bytea, key_uuid uuid, nonce bytea) RETURNS bytea LANGUAGE plpgsql AS $$ BEGIN PERFORM pgsodium._not_run('crypto_aead_det_decrypt'); END $$;
CREATE FUNCTION pgsodium.crypto_aead_det_encrypt(message bytea, additional bytea, key bytea, nonce bytea DEFAULT NULL) RETURNS bytea LANGUAGE plpgsql AS $$ BEGIN PERFORM pgsodium._not_run('crypto_aead_det_encrypt'); END $$;
CREATE FUNCTION pgsodium.crypto_aead_det_encrypt(message bytea, additional bytea, key_id bigint, context bytea DEFAULT 'pgsodium', nonce bytea DEFAULT NULL) RETURNS bytea LANGUAGE plpgsql AS $$ BEGIN PERFORM pgsodium._not_run('crypto_aead_det_encrypt'); END $$;
CREATE FUNCTION pgsodium.crypto_aead_det_encrypt(message bytea, additional bytea, key_uuid uuid) RETURNS bytea LANGUAGE plpgsql AS $$ BEGIN PERFORM pgsodium._not_run('crypto_aead_det_encrypt'); END $$;
CREATE FUNCTION pgsodium.crypto_aead_det_encrypt(message bytea, additional bytea, key_uuid uuid, nonce bytea) RETURNS bytea LANGUAGE plpgsql AS $$ BEGIN PERFORM pgsodium._not_run('crypto_aead_det_encrypt'); END $$;
CREATE FUNCTION pgsodium.crypto_aead_det_keygen() RETURNS bytea LANGUAGE plpgsql AS $$ BEGIN PERFORM pgsodium._not_run('crypto_aead_det_keygen'); END $$;
CREATE FUNCTION pgsodium.crypto_aead_det_noncegen() RETURNS bytea LANGUAGE plpgsql AS $$ BEGIN PERFORM pgsodium._not_run('crypto_aead_det_noncegen'); END $$;
CREATE FUNCTION pgsodium.crypto_aead_ietf_decrypt(message bytea, additional bytea, nonce bytea, key bytea) RETURNS bytea LANGUAGE plpgsql AS $$ BEGIN PERFORM pgsodium._not_run('crypto_aead_ietf_decrypt'); END $$;
CREATE FUNCTION pgsodium.crypto_aead_ietf_decrypt(message bytea, additional bytea, nonce bytea, key_id bigint, context bytea DEFAULT 'pgsodium') RETURNS bytea LANGUAGE plpgsql AS $$ BEGIN PERFORM pgsodium._not_run('crypto_aead_ietf_decrypt'); END $$;
CREATE FUNCTION pgsodium.crypto_aead_ietf_decrypt(message bytea, additional bytea, nonce bytea, key_uuid uuid) RETURNS bytea LANGUAGE plpgsql AS $$ BEGIN PERFORM pgsodium._not_run('crypto_aead_ietf_decrypt'); END $$;
CREATE FUNCTION pgsodium.crypto_aead_ietf_encrypt(message bytea, additional bytea, nonce bytea, key bytea) RETURNS bytea LANGUAGE plpgsql AS $$ BEGIN PERFORM pgsodium._not_run('crypto_aead_ietf_encrypt'); END $$;
CREATE FUNCTION pgsodium.crypto_aead_ietf_encrypt(message bytea, additional bytea, nonce bytea, key_id bigint, context bytea DEFAULT 'pgsodium') RETURNS bytea LANGUAGE plpgsql AS $$ BEGIN PERFORM pgsodium._not_run('crypto_aead_ietf_encrypt'); END $$;
CREATE FUNCTION pgsodium.crypto_aead_ietf_encrypt(message bytea, additional bytea, nonce bytea, key_uuid uuid) RETURNS bytea LANGUAGE plpgsql AS $$ BEGIN PERFORM pgsodium._not_run('crypto_aead_ietf_encrypt'); END $$;
CREATE FUNCTION pgsodium.crypto_aead_ietf_keygen() RETURNS bytea LANGUAGE plpgsql AS $$ BEGIN PERFORM pgsodium._not_run('crypto_aead_ietf_keygen'); END $$;
CREATE FUNCTION pgsodium.crypto_aead_ietf_noncegen() RETURNS bytea LANGUAGE plpgsql AS $$ BEGIN PERFORM pgsodium._not_run('crypto_aead_ietf_noncegen'); END $$;
CREATE FUNCTION pgsodium.crypto_auth(message bytea, key bytea) RETURNS bytea LANGUAGE plpgsql AS $$ BEGIN PERFORM pgsodium._not_run('crypto_auth'); END $$;
CREATE FUNCTION pgsodium.crypto_auth(message bytea, key_id bigint, context bytea DEFAULT 'pgsodium') RETURNS bytea LANGUAGE plpgsql AS $$ BEGIN PERFORM pgsodium._not_run('crypto_auth'); END $$;
CREATE FUNCTION pgsodium.crypto_auth(message bytea, key_uuid uuid) RETURNS bytea LANGUAGE plpgsql AS $$ BEGIN PERFORM pgsodium._not_run('crypto_auth'); END $$;
CREATE FUNCTION pgsodium.crypto_auth_hmacsha256(message bytea, key_id bigint, context bytea DEFAULT 'pgsodium') RETURNS bytea LANGUAGE plpgsql AS $$ BEGIN PERFORM pgsodium._not_run('crypto_auth_hmacsha256'); END $$;
CREATE FUNCTION pgsodium.crypto_auth_hmacsha256(message bytea, key_uuid uuid) RETURNS bytea LANGUAGE plpgsql AS $$ BEGIN PERFORM pgsodium._not_run('crypto_auth_hmacsha256'); END $$;
CREATE FUNCTION pgsodium.crypto_auth_hmacsha256(message bytea, secret bytea) RETURNS bytea LANGUAGE plpgsql AS $$ BEGIN PERFORM pgsodium._not_run('crypto_auth_hmacsha256'); END $$;
CREATE FUNCTION pgsodium.crypto_auth_hmacsha256_keygen() RETURNS bytea LANGUAGE plpgsql AS $$ BEGIN PERFORM pgsodium._not_run('crypto_auth_hmacsha256_keygen'); END $$;
CREATE FUNCTION pgsodium.crypto_auth_hmacsha256_verify(hash bytea, message bytea, key_id bigint, context bytea DEFAULT 'pgsodium') RETURNS boolean LANGUAGE plpgsql AS $$ BEGIN PERFORM pgsodium._not_run('crypto_auth_hmacsha256_verify'); END $$;
CREATE FUNCTION pgsodium.crypto_auth_hmacsha256_verify(hash bytea, message bytea, secret bytea) RETURNS boolean LANGUAGE plpgsql AS $$ BEGIN PERFORM pgsodium._not_run('crypto_auth_hmacsha256_verify'); END $$;
CREATE FUNCTION pgsodium.crypto_auth_hmacsha256_verify(signature bytea, message bytea, key_uuid uuid) RETURNS boolean LANGUAGE plpgsql AS $$ BEGIN PERFORM pgsodium._not_run('crypto_auth_hmacsha256_verify'); END $$;
CREATE FUNCTION pgsodium.crypto_auth_hmacsha512(message bytea, key_id bigint, context bytea DEFAULT 'pgsodium') RETURNS bytea LANGUAGE plpgsql AS $$ BEGIN PERFORM pgsodium._not_run('crypto_auth_hmacsha512'); END $$;
CREATE FUNCTION pgsodium.crypto_auth_hmacsha512(message bytea, key_uuid uuid) RETURNS bytea LANGUAGE plpgsql AS $$ BEGIN PERFORM pgsodium._not_run('crypto_auth_hmacsha512'); END $$;
CREATE FUNCTION pgsodium.crypto_auth_hmacsha512(message bytea, secret bytea) RETURNS bytea LANGUAGE plpgsql AS $$ BEGIN PERFORM pgsodium._not_run('crypto_auth_hmacsha512'); END $$;
CREATE FUNCTION pgsodium.crypto_auth_hmacsha512_keygen() RETURNS bytea LANGUAGE plpgsql AS $$ BEGIN PERFORM pgsodium._not_run('crypto_auth_hmacsha512_keygen'); END $$;
CREATE FUNCTION pgsodium.crypto_auth_hmacsha512_verify(hash bytea, message bytea, key_id bigint, context bytea DEFAULT 'pgsodium') RETURNS boolean LANGUAGE plpgsql AS $$ BEGIN PERFORM pgsodium._not_run('crypto_auth_hmacsha512_verify'); END $$;
CREATE FUNCTION pgsodium.crypto_auth_hmacsha512_verify(hash bytea, message bytea, secret bytea) RETURNS boolean LANGUAGE plpgsql AS $$ BEGIN PERFORM pgsodium._not_run('crypto_auth_hmacsha512_verify'); END $$;
CREATE FUNCTION pgsodium.crypto_auth_hmacsha512_verify(signature bytea, message bytea, key_uuid uuid) RETURNS boolean LANGUAGE plpgsql AS $$ BEGIN PERFORM pgsodium._not_run('crypto_auth_hmacsha512_verify'); END $$;
CREATE FUNCTION pgsodium.crypto_auth_keygen() RETURNS bytea LANGUAGE plpgsql AS $$ BEGIN PERFORM pgsodium._not_run('crypto_auth_keygen'); END $$;
CREATE FUNCTION pgsodium.crypto_auth_verify(mac bytea, message bytea, key bytea) RETURNS boolean LANGUAGE plpgsql AS $$ BEGIN PERFORM pgsodium._not_run('crypto_auth_verify'); END $$;
CREATE FUNCTION pgsodium.crypto_auth_verify(mac bytea, message bytea, key_id bigint, context bytea DEFAULT 'pgsodium') RETURNS boolean LANGUAGE plpgsql AS $$ BEGIN PERFORM pgsodium._not_run('crypto_auth_verify'); END $$;
CREATE FUNCTION pgsodium.crypto_auth_verify(mac bytea, message bytea, key_uuid uuid) RETURNS boolean LANGUAGE plpgsql AS $$ BEGIN PERFORM pgsodium._not_run('crypto_auth_verify'); END $$;
CREATE FUNCTION pgsodium.crypto_box(message bytea, nonce bytea, public bytea, secret bytea) RETURNS bytea LANGUAGE plpgsql AS $$ BEGIN PERFORM pgsodium._not_run('crypto_box'); END $$;
CREATE FUNCTION pgsodium.crypto_box_new_keypair() RETURNS pgsodium.crypto_box_keypair LANGUAGE plpgsql AS $$ BEGIN PERFORM pgsodium._not_run('crypto_box_new_keypair'); END $$;
CREATE FUNCTION pgsodium.crypto_box_new_seed() RETURNS bytea LANGUAGE plpgsql AS $$ BEGIN PERFORM pgsodium._not_run('crypto_box_new_seed'); END $$;
CREATE FUNCTION pgsodium.crypto_box_noncegen() RETURNS bytea LANGUAGE plpgsql AS $$ BEGIN PERFORM pgsodium._not_run('crypto_box_noncegen'); END $$;
CREATE FUNCTION pgsodium.crypto_box_open(ciphertext bytea, nonce bytea, public bytea, secret bytea) RETURNS bytea LANGUAGE plpgsql AS $$ BEGIN PERFORM pgsodium._not_run('crypto_box_open'); END $$;
CREATE FUNCTION pgsodium.crypto_box_seal(message bytea, public_key bytea) RETURNS bytea LANGUAGE plpgsql AS $$ BEGIN PERFORM pgsodium._not_run('crypto_box_seal'); END $$;
CREATE FUNCTION pgsodium.crypto_box_seal_open(ciphertext bytea, public_key bytea, secret_key bytea) RETURNS bytea LANGUAGE plpgsql AS $$ BEGIN PERFORM pgsodium._not_run('crypto_box_seal_open'); END $$;
CREATE FUNCTION pgsodium.crypto_box_seed_new_keypair(seed bytea) RETURNS pgsodium.crypto_box_keypair LANGUAGE plpgsql AS $$ BEGIN PERFORM pgsodium._not_run('crypto_box_seed_new_keypair'); END $$;
CREATE FUNCTION pgsodium.crypto_cmp(text, text) RETURNS boolean LANGUAGE plpgsql AS $$ BEGIN PERFORM pgsodium._not_run('crypto_cmp'); END $$;
CREATE FUNCTION pgsodium.crypto_generichash(message bytea, key bigint, context bytea DEFAULT 'pgsodium') RETURNS bytea LANGUAGE plpgsql AS $$ BEGIN PERFORM pgsodium._not_run('crypto_generichash'); END $$;
CREATE FUNCTION pgsodium.crypto_generichash(message bytea, key bytea DEFAULT NULL) RETURNS bytea LANGUAGE plpgsql AS $$ BEGIN PERFORM pgsodium._not_run('crypto_generichash'); END $$;
CREATE FUNCTION pgsodium.crypto_generichash(message bytea, key_uuid uuid) RETURNS bytea LANGUAGE plpgsql AS $$ BEGIN PERFORM pgsodium._not_run('crypto_generichash'); END $$;
CREATE FUNCTION pgsodium.crypto_generichash_keygen() RETURNS bytea LANGUAGE plpgsql AS $$ BEGIN PERFORM pgsodium._not_run('crypto_generichash_keygen'); END $$;
CREATE FUNCTION pgsodium.crypto_ipcrypt_bin2ip(bin bytea) RETURNS text LANGUAGE plpgsql AS $$ BEGIN PERFORM pgsodium._not_run('crypto_ipcrypt_bin2ip'); END $$;
CREATE FUNCTION pgsodium.crypto_ipcrypt_decrypt(ip bytea, key bytea) RETURNS bytea LANGUAGE plpgsql AS $$ BEGIN PERFORM pgsodium._not_run('crypto_ipcrypt_decrypt'); END $$;
CREATE FUNCTION pgsodium.crypto_ipcrypt_decrypt(ip bytea, key_id bigint, context bytea DEFAULT 'pgsodium') RETURNS bytea LANGUAGE plpgsql AS $$ BEGIN PERFORM pgsodium._not_run('crypto_ipcrypt_decrypt'); END $$;
CREATE FUNCTION pgsodium.crypto_ipcrypt_decrypt(ip bytea, key_uuid uuid) RETURNS bytea LANGUAGE plpgsql AS $$ BEGIN PERFORM pgsodium._not_run('crypto_ipcrypt_decrypt'); END $$;
CREATE FUNCTION pgsodium.crypto_ipcrypt_decrypt(ip inet, key bytea) RETURNS inet LANGUAGE plpgsql AS $$ BEGIN PERFORM pgsodium._not_run('crypto_ipcrypt_decrypt'); END $$;
CREATE FUNCTION pgsodium.crypto_ipcrypt_decrypt(ip inet, key_uuid uuid) RETURNS inet LANGUAGE plpgsql AS $$ BEGIN PERFORM pgsodium._not_run('crypto_ipcrypt_decrypt'); END $$;
CREATE FUNCTION pgsodium.crypto_ipcrypt_encrypt(ip bytea, key bytea) RETURNS bytea LANGUAGE plpgsql AS $$ BEGIN PERFORM pgsodium._not_run('crypto_ipcrypt_encrypt'); END $$;
CREATE FUNCTION pgsodium.crypto_ipcrypt_encrypt(ip bytea, key_id bigint, context bytea DEFAULT 'pgsodium') RETURNS bytea LANGUAGE plpgsql AS $$ BEGIN PERFORM pgsodium._not_run('crypto_ipcrypt_encrypt'); END $$;
CREATE FUNCTION pgsodium.crypto_ipcrypt_encrypt(ip bytea, key_uuid uuid) RETURNS bytea LANGUAGE plpgsql AS $$ BEGIN PERFORM pgsodium._not_run('crypto_ipcrypt_encrypt'); END $$;
CREATE FUNCTION pgsodium.crypto_ipcrypt_encrypt(ip inet, key bytea) RETURNS inet LANGUAGE plpgsql AS $$ BEGIN PERFORM pgsodium._not_run('crypto_ipcrypt_encrypt'); END $$;
CREATE FUNCTION pgsodium.crypto_ipcrypt_encrypt(ip inet, key_uuid uuid) RETURNS inet LANGUAGE plpgsql AS $$ BEGIN PERFORM pgsodium._not_run('crypto_ipcrypt_encrypt'); END $$;
CREATE FUNCTION pgsodium.crypto_ipcrypt_ip2bin(ip text) RETURNS bytea LANGUAGE plpgsql AS $$ BEGIN PERFORM pgsodium._not_run('crypto_ipcrypt_ip2bin'); END $$;
CREATE FUNCTION pgsodium.crypto_ipcrypt_keygen() RETURNS bytea LANGUAGE plpgsql AS $$ BEGIN PERFORM pgsodium._not_run('crypto_ipcrypt_keygen'); END $$;
CREATE FUNCTION pgsodium.crypto_ipcrypt_nd_decrypt(ciphertext bytea, key bytea) RETURNS bytea LANGUAGE plpgsql AS $$ BEGIN PERFORM pgsodium._not_run('crypto_ipcrypt_nd_decrypt'); END $$;
CREATE FUNCTION pgsodium.crypto_ipcrypt_nd_decrypt(ciphertext bytea, key_id bigint, context bytea DEFAULT 'pgsodium') RETURNS bytea LANGUAGE plpgsql AS $$ BEGIN PERFORM pgsodium._not_run('crypto_ipcrypt_nd_decrypt'); END $$;
CREATE FUNCTION pgsodium.crypto_ipcrypt_nd_decrypt(ciphertext bytea, key_uuid uuid) RETURNS bytea LANGUAGE plpgsql AS $$ BEGIN PERFORM pgsodium._not_run('crypto_ipcrypt_nd_decrypt'); END $$;
CREATE FUNCTION pgsodium.crypto_ipcrypt_nd_encrypt(ip bytea, tweak bytea, key bytea) RETURNS bytea LANGUAGE plpgsql AS $$ BEGIN PERFORM pgsodium._not_run('crypto_ipcrypt_nd_encrypt'); END $$;
CREATE FUNCTION pgsodium.crypto_ipcrypt_nd_encrypt(ip bytea, tweak bytea, key_id bigint, context bytea DEFAULT 'pgsodium') RETURNS bytea LANGUAGE plpgsql AS $$ BEGIN PERFORM pgsodium._not_run('crypto_ipcrypt_nd_encrypt'); END $$;
CREATE FUNCTION pgsodium.crypto_ipcrypt_nd_encrypt(ip bytea, tweak bytea, key_uuid uuid) RETURNS bytea LANGUAGE plpgsql AS $$ BEGIN PERFORM pgsodium._not_run('crypto_ipcrypt_nd_encrypt'); END $$;
CREATE FUNCTION pgsodium.crypto_ipcrypt_nd_keygen() RETURNS bytea LANGUAGE plpgsql AS $$ BEGIN PERFORM pgsodium._not_run('crypto_ipcrypt_nd_keygen'); END $$;
CREATE FUNCTION pgsodium.crypto_ipcrypt_nd_tweakgen() RETURNS bytea LANGUAGE plpgsql AS $$ BEGIN PERFORM pgsodium._not_run('crypto_ipcrypt_nd_tweakgen'); END $$;
CREATE FUNCTION pgsodium.crypto_ipcrypt_ndx_decrypt(ciphertext bytea, key bytea) RETURNS bytea LANGUAGE plpgsql AS $$ BEGIN PERFORM pgsodium._not_run('crypto_ipcrypt_ndx_decrypt'); END $$;
CREATE FUNCTION pgsodium.crypto_ipcrypt_ndx_decrypt(ciphertext bytea, key_id bigint, context bytea DEFAULT 'pgsodium') RETURNS bytea LANGUAGE plpgsql AS $$ BEGIN PERFORM pgsodium._not_run('crypto_ipcrypt_ndx_decrypt'); END $$;
CREATE FUNCTION pgsodium.crypto_ipcrypt_ndx_decrypt(ciphertext bytea, key_uuid uuid) RETURNS bytea LANGUAGE plpgsql AS $$ BEGIN PERFORM pgsodium._not_run('crypto_ipcrypt_ndx_decrypt'); END $$;
CREATE FUNCTION pgsodium.crypto_ipcrypt_ndx_encrypt(ip bytea, tweak bytea, key bytea) RETURNS bytea LANGUAGE plpgsql AS $$ BEGIN PERFORM pgsodium._not_run('crypto_ipcrypt_ndx_encrypt'); END $$;
CREATE FUNCTION pgsodium.crypto_ipcrypt_ndx_encrypt(ip bytea, tweak bytea, key_id bigint, context bytea DEFAULT 'pgsodium') RETURNS bytea LANGUAGE plpgsql AS $$ BEGIN PERFORM pgsodium._not_run('crypto_ipcrypt_ndx_encrypt'); END $$;
CREATE FUNCTION pgsodium.crypto_ipcrypt_ndx_encrypt(ip bytea, tweak bytea, key_uuid uuid) RETURNS bytea LANGUAGE plpgsql AS $$ BEGIN PERFORM pgsodium._not_run('crypto_ipcrypt_ndx_encrypt'); END $$;
CREATE FUNCTION pgsodium.crypto_ipcrypt_ndx_keygen() RETURNS bytea LANGUAGE plpgsql AS $$ BEGIN PERFORM pgsodium._not_run('crypto_ipcrypt_ndx_keygen'); END $$;
CREATE FUNCTION pgsodium.crypto_ipcrypt_ndx_tweakgen() RETURNS bytea LANGUAGE plpgsql AS $$ BEGIN PERFORM pgsodium._not_run('crypto_ipcrypt_ndx_tweakgen'); END $$;
CREATE FUNCTION pgsodium.crypto_ipcrypt_pfx_decrypt(ip bytea, key bytea) RETURNS bytea LANGUAGE plpgsql AS $$ BEGIN PERFORM pgsodium._not_run('crypto_ipcrypt_pfx_decrypt'); END $$;
CREATE FUNCTION pgsodium.crypto_ipcrypt_pfx_decrypt(ip bytea, key_id bigint, context bytea DEFAULT 'pgsodium') RETURNS bytea LANGUAGE plpgsql AS $$ BEGIN PERFORM pgsodium._not_run('crypto_ipcrypt_pfx_decrypt'); END $$;
CREATE FUNCTION pgsodium.crypto_ipcrypt_pfx_decrypt(ip bytea, key_uuid uuid) RETURNS bytea LANGUAGE plpgsql AS $$ BEGIN PERFORM pgsodium._not_run('crypto_ipcrypt_pfx_decrypt'); END $$;
CREATE FUNCTION pgsodium.crypto_ipcrypt_pfx_decrypt(ip inet, key bytea) RETURNS inet LANGUAGE plpgsql AS $$ BEGIN PERFORM pgsodium._not_run('crypto_ipcrypt_pfx_decrypt'); END $$;
CREATE FUNCTION pgsodium.crypto_ipcrypt_pfx_decrypt(ip inet, key_uuid uuid) RETURNS inet LANGUAGE plpgsql AS $$ BEGIN PERFORM pgsodium._not_run('crypto_ipcrypt_pfx_decrypt'); END $$;
CREATE FUNCTION pgsodium.crypto_ipcrypt_pfx_encrypt(ip bytea, key bytea) RETURNS bytea LANGUAGE plpgsql AS $$ BEGIN PERFORM pgsodium._not_run('crypto_ipcrypt_pfx_encrypt'); END $$;
CREATE FUNCTION pgsodium.crypto_ipcrypt_pfx_encrypt(ip bytea, key_id bigint, context bytea DEFAULT 'pgsodium') RETURNS bytea LANGUAGE plpgsql AS $$ BEGIN PERFORM pgsodium._not_run('crypto_ipcrypt_pfx_encrypt'); END $$;
CREATE FUNCTION pgsodium.crypto_ipcrypt_pfx_encrypt(ip bytea, key_uuid uuid) RETURNS bytea LANGUAGE plpgsql AS $$ BEGIN PERFORM pgsodium._not_run('crypto_ipcrypt_pfx_encrypt'); END $$;
CREATE FUNCTION pgsodium.crypto_ipcrypt_pfx_encrypt(ip inet, key bytea) RETURNS inet LANGUAGE plpgsql AS $$ BEGIN PERFORM pgsodium._not_run('crypto_ipcrypt_pfx_encrypt'); END $$;
CREATE FUNCTION pgsodium.crypto_ipcrypt_pfx_encrypt(ip inet, key_uuid uuid) RETURNS inet LANGUAGE plpgsql AS $$ BEGIN PERFORM pgsodium._not_run('crypto_ipcrypt_pfx_encrypt'); END $$;
CREATE FUNCTION pgsodium.crypto_ipcrypt_pfx_keygen() RETURNS bytea LANGUAGE plpgsql AS $$ BEGIN PERFORM pgsodium._not_run('crypto_ipcrypt_pfx_keygen'); END $$;
CREATE FUNCTION pgsodium.crypto_kdf_derive_from_key(subkey_size bigint, subkey_id bigint, context bytea, primary_key bytea) RETURNS bytea LANGUAGE plpgsql AS $$ BEGIN PERFORM pgsodium._not_run('crypto_kdf_derive_from_key'); END $$;
CREATE FUNCTION pgsodium.crypto_kdf_derive_from_key(subkey_size integer, subkey_id bigint, context bytea, primary_key uuid) RETURNS bytea LANGUAGE plpgsql AS $$ BEGIN PERFORM pgsodium._not_run('crypto_kdf_derive_from_key'); END $$;
CREATE FUNCTION pgsodium.crypto_kdf_keygen() RETURNS bytea LANGUAGE plpgsql AS $$ BEGIN PERFORM pgsodium._not_run('crypto_kdf_keygen'); END $$;
CREATE FUNCTION pgsodium.crypto_kx_client_session_keys(client_pk bytea, client_sk bytea, server_pk bytea) RETURNS pgsodium.crypto_kx_session LANGUAGE plpgsql AS $$ BEGIN PERFORM pgsodium._not_run('crypto_kx_client_session_keys'); END $$;
CREATE FUNCTION pgsodium.crypto_kx_new_keypair() RETURNS pgsodium.crypto_kx_keypair LANGUAGE plpgsql AS $$ BEGIN PERFORM pgsodium._not_run('crypto_kx_new_keypair'); END $$;
CREATE FUNCTION pgsodium.crypto_kx_new_seed() RETURNS bytea LANGUAGE plpgsql AS $$ BEGIN PERFORM pgsodium._not_run('crypto_kx_new_seed'); END $$;
CREATE FUNCTION pgsodium.crypto_kx_seed_new_keypair(seed bytea) RETURNS pgsodium.crypto_kx_keypair LANGUAGE plpgsql AS $$ BEGIN PERFORM pgsodium._not_run('crypto_kx_seed_new_keypair'); END $$;
CREATE FUNCTION pgsodium.crypto_kx_server_session_keys(server_pk bytea, server_sk bytea, client_pk bytea) RETURNS pgsodium.crypto_kx_session LANGUAGE plpgsql AS $$ BEGIN PERFORM pgsodium._not_run('crypto_kx_server_session_keys'); END $$;
CREATE FUNCTION pgsodium.crypto_pwhash(password bytea, salt bytea) RETURNS bytea LANGUAGE plpgsql AS $$ BEGIN PERFORM pgsodium._not_run('crypto_pwhash'); END $$;
CREATE FUNCTION pgsodium.crypto_pwhash_saltgen() RETURNS bytea LANGUAGE plpgsql AS $$ BEGIN PERFORM pgsodium._not_run('crypto_pwhash_saltgen'); END $$;
CREATE FUNCTION pgsodium.crypto_pwhash_str(password bytea) RETURNS bytea LANGUAGE plpgsql AS $$ BEGIN PERFORM pgsodium._not_run('crypto_pwhash_str'); END $$;
CREATE FUNCTION pgsodium.crypto_pwhash_str_verify(hashed_password bytea, password bytea) RETURNS boolean LANGUAGE plpgsql AS $$ BEGIN PERFORM pgsodium._not_run('crypto_pwhash_str_verify'); END $$;
CREATE FUNCTION pgsodium.crypto_secretbox(message bytea, nonce bytea, key bytea) RETURNS bytea LANGUAGE plpgsql AS $$ BEGIN PERFORM pgsodium._not_run('crypto_secretbox'); END $$;
CREATE FUNCTION pgsodium.crypto_secretbox(message bytea, nonce bytea, key_id bigint, context bytea DEFAULT 'pgsodium') RETURNS bytea LANGUAGE plpgsql AS $$ BEGIN PERFORM pgsodium._not_run('crypto_secretbox'); END $$;
CREATE FUNCTION pgsodium.crypto_secretbox(message bytea, nonce bytea, key_uuid uuid) RETURNS bytea LANGUAGE plpgsql AS $$ BEGIN PERFORM pgsodium._not_run('crypto_secretbox'); END $$;
CREATE FUNCTION pgsodium.crypto_secretbox_keygen() RETURNS bytea LANGUAGE plpgsql AS $$ BEGIN PERFORM pgsodium._not_run('crypto_secretbox_keygen'); END $$;
CREATE FUNCTION pgsodium.crypto_secretbox_noncegen() RETURNS bytea LANGUAGE plpgsql AS $$ BEGIN PERFORM pgsodium._not_run('crypto_secretbox_noncegen'); END $$;
CREATE FUNCTION pgsodium.crypto_secretbox_open(ciphertext bytea, nonce bytea, key bytea) RETURNS bytea LANGUAGE plpgsql AS $$ BEGIN PERFORM pgsodium._not_run('crypto_secretbox_open'); END $$;
CREATE FUNCTION pgsodium.crypto_secretbox_open(message bytea, nonce bytea, key_id bigint, context bytea DEFAULT 'pgsodium') RETURNS bytea LANGUAGE plpgsql AS $$ BEGIN PERFORM pgsodium._not_run('crypto_secretbox_open'); END $$;
CREATE FUNCTION pgsodium.crypto_secretbox_open(message bytea, nonce bytea, key_uuid uuid) RETURNS bytea LANGUAGE plpgsql AS $$ BEGIN PERFORM pgsodium._not_run('crypto_secretbox_open'); END $$;
CREATE FUNCTION pgsodium.crypto_secretstream_keygen() RETURNS bytea LANGUAGE plpgsql AS $$ BEGIN PERFORM pgsodium._not_run('crypto_secretstream_keygen'); END $$;
CREATE FUNCTION pgsodium.crypto_shorthash(message bytea, key bigint, context bytea DEFAULT 'pgsodium') RETURNS bytea LANGUAGE plpgsql AS $$ BEGIN PERFORM pgsodium._not_run('crypto_shorthash'); END $$;
CREATE FUNCTION pgsodium.crypto_shorthash(message bytea, key bytea) RETURNS bytea LANGUAGE plpgsql AS $$ BEGIN PERFORM pgsodium._not_run('crypto_shorthash'); END $$;
CREATE FUNCTION pgsodium.crypto_shorthash(message bytea, key_uuid uuid) RETURNS bytea LANGUAGE plpgsql AS $$ BEGIN PERFORM pgsodium._not_run('crypto_shorthash'); END $$;
CREATE FUNCTION pgsodium.crypto_shorthash_keygen() RETURNS bytea LANGUAGE plpgsql AS $$ BEGIN PERFORM pgsodium._not_run('crypto_shorthash_keygen'); END $$;
CREATE FUNCTION pgsodium.crypto_sign(message bytea, key bytea) RETURNS bytea LANGUAGE plpgsql AS $$ BEGIN PERFORM pgsodium._not_run('crypto_sign'); END $$;
CREATE FUNCTION pgsodium.crypto_sign_detached(message bytea, key bytea) RETURNS bytea LANGUAGE plpgsql AS $$ BEGIN PERFORM pgsodium._not_run('crypto_sign_detached'); END $$;
CREATE FUNCTION pgsodium.crypto_sign_final_create(state bytea, key bytea) RETURNS bytea LANGUAGE plpgsql AS $$ BEGIN PERFORM pgsodium._not_run('crypto_sign_final_create'); END $$;
CREATE FUNCTION pgsodium.crypto_sign_final_verify(state bytea, signature bytea, key bytea) RETURNS boolean LANGUAGE plpgsql AS $$ BEGIN PERFORM pgsodium._not_run('crypto_sign_final_verify'); END $$;
CREATE FUNCTION pgsodium.crypto_sign_init() RETURNS bytea LANGUAGE plpgsql AS $$ BEGIN PERFORM pgsodium._not_run('crypto_sign_init'); END $$;
CREATE FUNCTION pgsodium.crypto_sign_new_keypair() RETURNS pgsodium.crypto_sign_keypair LANGUAGE plpgsql AS $$ BEGIN PERFORM pgsodium._not_run('crypto_sign_new_keypair'); END $$;
CREATE FUNCTION pgsodium.crypto_sign_new_seed() RETURNS bytea LANGUAGE plpgsql AS $$ BEGIN PERFORM pgsodium._not_run('crypto_sign_new_seed'); END $$;
CREATE FUNCTION pgsodium.crypto_sign_open(signed_message bytea, key bytea) RETURNS bytea LANGUAGE plpgsql AS $$ BEGIN PERFORM pgsodium._not_run('crypto_sign_open'); END $$;
CREATE FUNCTION pgsodium.crypto_sign_seed_new_keypair(seed bytea) RETURNS pgsodium.crypto_sign_keypair LANGUAGE plpgsql AS $$ BEGIN PERFORM pgsodium._not_run('crypto_sign_seed_new_keypair'); END $$;
CREATE FUNCTION pgsodium.crypto_sign_update(state bytea, message bytea) RETURNS bytea LANGUAGE plpgsql AS $$ BEGIN PERFORM pgsodium._not_run('crypto_sign_update'); END $$;
CREATE FUNCTION pgsodium.crypto_sign_update_agg1(state bytea, message bytea) RETURNS bytea LANGUAGE plpgsql AS $$ BEGIN PERFORM pgsodium._not_run('crypto_sign_update_agg1'); END $$;
CREATE FUNCTION pgsodium.crypto_sign_update_agg2(cur_state bytea, initial_state bytea, message bytea) RETURNS bytea LANGUAGE plpgsql AS $$ BEGIN PERFORM pgsodium._not_run('crypto_sign_update_agg2'); END $$;
CREATE FUNCTION pgsodium.crypto_sign_verify_detached(sig bytea, message bytea, key bytea) RETURNS boolean LANGUAGE plpgsql AS $$ BEGIN PERFORM pgsodium._not_run('crypto_sign_verify_detached'); END $$;
CREATE FUNCTION pgsodium.crypto_signcrypt_new_keypair() RETURNS pgsodium.crypto_signcrypt_keypair LANGUAGE plpgsql AS $$ BEGIN PERFORM pgsodium._not_run('crypto_signcrypt_new_keypair'); END $$;
CREATE FUNCTION pgsodium.crypto_signcrypt_sign_after(state bytea, sender_sk bytea, ciphertext bytea) RETURNS bytea LANGUAGE plpgsql AS $$ BEGIN PERFORM pgsodium._not_run('crypto_signcrypt_sign_after'); END $$;
CREATE FUNCTION pgsodium.crypto_signcrypt_sign_before(sender bytea, recipient bytea, sender_sk bytea, recipient_pk bytea, additional bytea) RETURNS pgsodium.crypto_signcrypt_state_key LANGUAGE plpgsql AS $$ BEGIN PERFORM pgsodium._not_run('crypto_signcrypt_sign_before'); END $$;
CREATE FUNCTION pgsodium.crypto_signcrypt_verify_after(state bytea, signature bytea, sender_pk bytea, ciphertext bytea) RETURNS boolean LANGUAGE plpgsql AS $$ BEGIN PERFORM pgsodium._not_run('crypto_signcrypt_verify_after'); END $$;
CREATE FUNCTION pgsodium.crypto_signcrypt_verify_before(signature bytea, sender bytea, recipient bytea, additional bytea, sender_pk bytea, recipient_sk bytea) RETURNS pgsodium.crypto_signcrypt_state_key LANGUAGE plpgsql AS $$ BEGIN PERFORM pgsodium._not_run('crypto_signcrypt_verify_before'); END $$;
CREATE FUNCTION pgsodium.crypto_signcrypt_verify_public(signature bytea, sender bytea, recipient bytea, additional bytea, sender_pk bytea, ciphertext bytea) RETURNS boolean LANGUAGE plpgsql AS $$ BEGIN PERFORM pgsodium._not_run('crypto_signcrypt_verify_public'); END $$;
CREATE FUNCTION pgsodium.crypto_stream_xchacha20(bigint, bytea, bigint, context bytea DEFAULT 'pgsodium') RETURNS bytea LANGUAGE plpgsql AS $$ BEGIN PERFORM pgsodium._not_run('crypto_stream_xchacha20'); END $$;
CREATE FUNCTION pgsodium.crypto_stream_xchacha20(bigint, bytea, bytea) RETURNS bytea LANGUAGE plpgsql AS $$ BEGIN PERFORM pgsodium._not_run('crypto_stream_xchacha20'); END $$;
CREATE FUNCTION pgsodium.crypto_stream_xchacha20_keygen() RETURNS bytea LANGUAGE plpgsql AS $$ BEGIN PERFORM pgsodium._not_run('crypto_stream_xchacha20_keygen'); END $$;
CREATE FUNCTION pgsodium.crypto_stream_xchacha20_noncegen() RETURNS bytea LANGUAGE plpgsql AS $$ BEGIN PERFORM pgsodium._not_run('crypto_stream_xchacha20_noncegen'); END $$;
CREATE FUNCTION pgsodium.crypto_stream_xchacha20_xor(bytea, bytea, bigint, context bytea DEFAULT 'pgosdium') RETURNS bytea LANGUAGE plpgsql AS $$ BEGIN PERFORM pgsodium._not_run('crypto_stream_xchacha20_xor'); END $$;
CREATE FUNCTION pgsodium.crypto_stream_xchacha20_xor(bytea, bytea, bytea) RETURNS bytea LANGUAGE plpgsql AS $$ BEGIN PERFORM pgsodium._not_run('crypto_stream_xchacha20_xor'); END $$;
CREATE FUNCTION pgsodium.crypto_stream_xchacha20_xor_ic(bytea, bytea, bigint, bigint, context bytea DEFAULT 'pgsodium') RETURNS bytea LANGUAGE plpgsql AS $$ BEGIN PERFORM pgsodium._not_run('crypto_stream_xchacha20_xor_ic'); END $$;
CREATE FUNCTION pgsodium.crypto_stream_xchacha20_xor_ic(bytea, bytea, bigint, bytea) RETURNS bytea LANGUAGE plpgsql AS $$ BEGIN PERFORM pgsodium._not_run('crypto_stream_xchacha20_xor_ic'); END $$;
CREATE FUNCTION pgsodium.decrypted_columns(relid OID) RETURNS TEXT LANGUAGE plpgsql AS $$ BEGIN PERFORM pgsodium._not_run('decrypted_columns'); END $$;
CREATE FUNCTION pgsodium.derive_key(key_id bigint, key_len integer DEFAULT 32, context bytea DEFAULT 'pgsodium') RETURNS bytea LANGUAGE plpgsql AS $$ BEGIN PERFORM pgsodium._not_run('derive_key'); END $$;
CREATE FUNCTION pgsodium.disable_security_label_trigger() RETURNS void LANGUAGE plpgsql AS $$ BEGIN PERFORM pgsodium._not_run('disable_security_label_trigger'); END $$;
CREATE FUNCTION pgsodium.enable_security_label_trigger() RETURNS void LANGUAGE plpgsql AS $$ BEGIN PERFORM pgsodium._not_run('enable_security_label_trigger'); END $$;
CREATE FUNCTION pgsodium.encrypted_columns(relid OID) RETURNS TEXT LANGUAGE plpgsql AS $$ BEGIN PERFORM pgsodium._not_run('encrypted_columns'); END $$;
CREATE FUNCTION pgsodium.has_mask(role regrole, source_name text) RETURNS boolean LANGUAGE plpgsql AS $$ BEGIN PERFORM pgsodium._not_run('has_mask'); END $$;
CREATE FUNCTION pgsodium.mask_role(masked_role regrole, source_name text, view_name text) RETURNS void LANGUAGE plpgsql AS $$ BEGIN PERFORM pgsodium._not_run('mask_role'); END $$;
CREATE FUNCTION pgsodium.pgsodium_derive(key_id bigint, key_len integer DEFAULT 32, context bytea DEFAULT decode('pgsodium', 'escape')) RETURNS bytea LANGUAGE plpgsql AS $$ BEGIN PERFORM pgsodium._not_run('pgsodium_derive'); END $$;
CREATE FUNCTION pgsodium.quote_assoc(text, boolean DEFAULT false) RETURNS text LANGUAGE plpgsql AS $$ BEGIN PERFORM pgsodium._not_run('quote_assoc'); END $$;
CREATE FUNCTION pgsodium.randombytes_buf_deterministic(size integer, seed bytea) RETURNS bytea LANGUAGE plpgsql AS $$ BEGIN PERFORM pgsodium._not_run('randombytes_buf_deterministic'); END $$;
CREATE FUNCTION pgsodium.randombytes_new_seed() RETURNS bytea LANGUAGE plpgsql AS $$ BEGIN PERFORM pgsodium._not_run('randombytes_new_seed'); END $$;
CREATE FUNCTION pgsodium.update_mask(target oid, debug boolean DEFAULT false) RETURNS void LANGUAGE plpgsql AS $$ BEGIN PERFORM pgsodium._not_run('update_mask'); END $$;
CREATE FUNCTION pgsodium.update_masks(debug boolean DEFAULT false) RETURNS void LANGUAGE plpgsql AS $$ BEGIN PERFORM pgsodium._not_run('update_masks'); END $$;
