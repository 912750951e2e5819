"""The durable job queue: everything that runs in the background (evaluation runs; the what-if, monitoring
recomputes, imports and exports next).

Built on Django's tasks API (`django-tasks`, in Django itself from 6.0) with its database backend
(`django-tasks-db`), so jobs are rows in the project's own database, SQLite or PostgreSQL, and outlive the
process that queued them. This app adds what the library leaves to us: enqueueing with the caller's
transaction (`services.enqueue`), progress reported from inside a job (`services.report_progress`), the
worker (`kuntakokeilu worker`, which knows which workers are alive: `workers.py`), the recovery of jobs whose
worker died (`services.recover_abandoned`, with the `signals.job_abandoned` hook for the domain apps), and
the admins' list of jobs (`/jobs/`). It knows no domain app.
"""
