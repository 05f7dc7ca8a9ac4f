SET search_path TO home_portal;
-- ci-migrate:allow-schema storage the app's own bucket row and policies scoped to bucket_id = 'home-documents'

-- Private bucket for household documents (warranties, leases). Objects live under '<household id>/...'.
INSERT INTO storage.buckets (id, name, public)
VALUES ('home-documents', 'home-documents', false)
ON CONFLICT (id) DO NOTHING;

DROP POLICY IF EXISTS "Members can read household documents" ON storage.objects;
CREATE POLICY "Members can read household documents" ON storage.objects
    FOR SELECT TO authenticated
    USING (bucket_id = 'home-documents' AND is_household_member(((storage.foldername(name))[1])::uuid));

DROP POLICY IF EXISTS "Members can upload household documents" ON storage.objects;
CREATE POLICY "Members can upload household documents" ON storage.objects
    FOR INSERT TO authenticated
    WITH CHECK (bucket_id = 'home-documents' AND is_household_member(((storage.foldername(name))[1])::uuid));
