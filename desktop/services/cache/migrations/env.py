"""Alembic environment: run on the cache's own (already keyed) connection.

`Cache.open` passes the connection in `config.attributes["connection"]`; there is no
alembic.ini and no URL, since the key must never appear in a connection string.
"""

from __future__ import annotations

from alembic import context

from desktop.services.cache.migrations.env_filters import include_object
from desktop.services.cache.schema import metadata

connection = context.config.attributes["connection"]
context.configure(
    connection=connection,
    target_metadata=metadata,
    include_object=include_object,
    render_as_batch=True,  # SQLite cannot ALTER most things; batch mode copies tables
)
with context.begin_transaction():
    context.run_migrations()
