"""Signals of the imports app.

``import_finished(sender, job)`` is sent inside the transaction that writes a job's final
status (COMPLETED, FAILED or CANCELLED), so a receiver writing an outbox row commits with it.
``import_held(sender, job)`` is sent in the transaction that stops a job at the removal guard
(NEEDS_CONFIRMATION: it waits for a person).
``import_reverted(sender, job)`` is sent the same way when a revert job ends (instead of
``import_finished``); ``job.reverts`` is the import it reverted.
``bulk_action_finished(sender, job, action)`` is sent in the transaction of a bulk action
(``action``: "activate" or "deactivate"; ``imports.bulk_actions``).
"""

from django.dispatch import Signal

import_finished = Signal()
import_reverted = Signal()
bulk_action_finished = Signal()
import_held = Signal()
