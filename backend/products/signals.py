"""Signals sent by ``products.services`` inside the transaction that makes each change.

A receiver that writes rows (the webhooks outbox) therefore commits or rolls back together
with the change itself.
"""

from django.dispatch import Signal

#: ``product``: the saved Product.
product_created = Signal()
#: ``product``: the saved Product.
product_updated = Signal()
#: ``product_id`` (int) and ``sku`` (str) of the deleted Product.
product_deleted = Signal()
#: ``deleted_count`` (int).
products_bulk_deleted = Signal()
