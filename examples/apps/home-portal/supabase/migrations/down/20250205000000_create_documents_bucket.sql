SET search_path TO home_portal;
-- ci-migrate:allow-schema storage the app's own bucket row and policies scoped to bucket_id = 'home-documents'

-- Reverts 20250205000000_create_documents_bucket.sql. The bucket row goes only when it holds no objects,
-- so a rollback never orphans uploaded files.
DROP POLICY IF EXISTS "Members can upload household documents" ON storage.objects;
DROP POLICY IF EXISTS "Members can read household documents" ON storage.objects;

DELETE FROM storage.buckets
WHERE id = 'home-documents'
  AND NOT EXISTS (SELECT 1 FROM storage.objects WHERE bucket_id = 'home-documents');
