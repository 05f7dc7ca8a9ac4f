SET search_path TO money_tracker;

-- Reverts 20250220000000_create_budgets.sql (policies and indexes go with the table).
DROP TABLE IF EXISTS budgets CASCADE;
