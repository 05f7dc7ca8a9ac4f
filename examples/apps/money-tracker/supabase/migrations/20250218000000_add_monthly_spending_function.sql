SET search_path TO money_tracker;

-- Keeps updated_at current on every UPDATE.
CREATE OR REPLACE FUNCTION set_updated_at()
RETURNS TRIGGER
LANGUAGE plpgsql
SET search_path = money_tracker, pg_temp
AS $$
BEGIN
    NEW.updated_at := NOW();
    RETURN NEW;
END;
$$;

DROP TRIGGER IF EXISTS trg_transactions_updated_at ON transactions;
CREATE TRIGGER trg_transactions_updated_at
    BEFORE UPDATE ON transactions
    FOR EACH ROW EXECUTE FUNCTION set_updated_at();

-- Spending per category for one month, for the dashboard. SECURITY INVOKER: RLS still applies.
CREATE OR REPLACE FUNCTION monthly_spending(p_month DATE)
RETURNS TABLE (category TEXT, total NUMERIC)
LANGUAGE sql
STABLE
SECURITY INVOKER
SET search_path = money_tracker, pg_temp
AS $$
    SELECT coalesce(c.name, 'Uncategorised') AS category, sum(-t.amount) AS total
    FROM transactions t
    LEFT JOIN categories c ON c.id = t.category_id
    WHERE t.user_id = auth.uid()
      AND t.amount < 0
      AND t.occurred_on >= date_trunc('month', p_month)
      AND t.occurred_on < date_trunc('month', p_month) + INTERVAL '1 month'
    GROUP BY 1
    ORDER BY 2 DESC;
$$;

GRANT EXECUTE ON FUNCTION monthly_spending(DATE) TO authenticated, service_role;
