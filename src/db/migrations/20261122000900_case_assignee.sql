-- "Mine" in the console's queues looks up a user's cases; unassigned ones stay on cases_queue.
CREATE INDEX cases_assignee ON cases (store_id, assignee_user_id) WHERE assignee_user_id IS NOT NULL;
