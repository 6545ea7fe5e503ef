-- PostgreSQL's JIT compiler is for long analytic queries: it compiles a plan whose estimated cost
-- passes jit_above_cost (100,000). The app sends short statements that stop early (LIMIT, EXISTS),
-- whose estimates count every row they would read without stopping; at 50,000 projects the
-- navigation's to-do badge (on every page) crossed the threshold and spent 50–130 ms compiling a
-- statement that runs in 10 ms. Turned off for this database's new sessions; where the app's
-- account may not alter its database, the migration says so and goes on (docs/operations.md).
DO $$
BEGIN
  EXECUTE format('ALTER DATABASE %I SET jit = off', current_database());
EXCEPTION WHEN OTHERS THEN
  RAISE NOTICE 'jit 未能关闭（%），可由数据库管理员执行 ALTER DATABASE … SET jit = off', SQLERRM;
END $$;
