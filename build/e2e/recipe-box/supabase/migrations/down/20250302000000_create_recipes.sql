SET search_path TO recipe_box;

-- Reverts 20250302000000_create_recipes.sql (policies and indexes go with the table).
DROP TABLE IF EXISTS recipes CASCADE;
