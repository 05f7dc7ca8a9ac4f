SET search_path TO money_tracker;

-- The merchant name from the bank export, shown next to the description.
ALTER TABLE transactions
    ADD COLUMN IF NOT EXISTS merchant TEXT;

-- ci-migrate:ignore require-concurrent-index one household's transactions: the build takes milliseconds
CREATE INDEX IF NOT EXISTS idx_transactions_merchant ON transactions(merchant);
