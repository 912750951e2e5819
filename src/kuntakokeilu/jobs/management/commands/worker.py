"""`kuntakokeilu worker`: run the jobs of the queue (django-tasks-db's `db_worker`, with its options).

Before it takes a job, it registers itself (`workers.register`) and fails every job that a dead worker left
running (`services.recover_abandoned`), with the reason, and the domain app's record with it (an evaluation
run). While it runs, a heartbeat thread keeps its row fresh and fails the jobs of workers that fell silent.
Ctrl-C or SIGTERM: the running job is finished first; a second one stops it, and the job fails with the
reason.
"""

from __future__ import annotations

from typing import Any

from django_tasks_db.management.commands.db_worker import Command as DbWorkerCommand

from kuntakokeilu.jobs import services, workers


class Command(DbWorkerCommand):
    help = (
        "Run the background tasks of the queue. A worker that starts first fails the tasks that a dead "
        "worker left running. Its id is host:pid:token; --worker-id and --reload are not used."
    )

    def handle(self, *args: Any, **options: Any) -> None:
        worker_id = workers.new_id()
        # The reloader would run the jobs in a child process, whose pid is not the one in the worker id.
        options.update(worker_id=worker_id, reload=False)
        workers.register(worker_id)
        try:
            failed = services.recover_abandoned()
            if failed:
                self.stdout.write(
                    f"Failed {len(failed)} task(s) left running by a worker that stopped: {', '.join(failed)}"
                )
            with workers.heartbeat(worker_id, also=services.recover_abandoned):
                super().handle(*args, **options)
        finally:
            workers.unregister(worker_id)
