"""The audit log is append-only on SQLite too."""

from tortoise import migrations
from tortoise.migrations import operations as ops


class Migration(migrations.Migration):
    dependencies = [('concord', '0012_outbox_commit_position')]

    initial = False

    operations: list = []
