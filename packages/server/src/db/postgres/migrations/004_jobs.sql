-- Background work that runs once across nodes: a row per job name, locked by its holder's transaction
-- (SELECT … FOR UPDATE to wait, SKIP LOCKED to pass), so that a node that dies releases it with its
-- connection. The row also says when the job last ran and on which node, for whoever investigates.
CREATE TABLE jobs (
  name text PRIMARY KEY,
  last_run_at timestamptz,
  node text
);
