-- The scheduled-job runner fences job_runs writes with the Redis lease's fencing token: a holder
-- whose lease expired (and was taken over) can no longer restart or finish the period.
alter table job_runs add column fencing_token bigint not null default 0;
