"""Signals of the feeds app.

``feed_disabled(sender, feed)`` is sent inside the transaction that disables a feed after
too many failed runs in a row, so a receiver writing an outbox row commits with it.
"""

from django.dispatch import Signal

feed_disabled = Signal()
