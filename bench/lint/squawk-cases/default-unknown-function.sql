-- ours: adding-volatile-default
-- squawk: adding-field-with-default
-- expect: flag
ALTER TABLE "core_recipe" ADD COLUMN "foo" jsonb DEFAULT myjsonb();
