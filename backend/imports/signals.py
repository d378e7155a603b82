"""Signals of the imports app.

``import_finished(sender, job)`` is sent inside the transaction that writes a job's final
status (COMPLETED, FAILED or CANCELLED), so a receiver writing an outbox row commits with it.
"""

from django.dispatch import Signal

import_finished = Signal()
