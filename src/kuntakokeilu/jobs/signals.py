"""The hook of the domain apps into the job queue.

`job_abandoned` is sent when a job ends because its worker stopped while it ran: found dead when a worker
starts (or by a live worker's heartbeat), or stopped by a second Ctrl-C/SIGTERM. The job's task result is
already FAILED; a receiver marks its own record (e.g. the evaluation run) failed with the reason, in the same
transaction. Connect with the task as the sender, so each app hears only its own jobs:

    job_abandoned.connect(receiver, sender=my_task)
    def receiver(sender, job_id: str, args: list, kwargs: dict, reason: Promise, **extra) -> None: ...

`reason` is a lazy translation: word it in the language the record is shown in.
"""

from django.dispatch import Signal

job_abandoned = Signal()
