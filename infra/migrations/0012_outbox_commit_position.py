"""The outbox gets a commit-ordered stream position."""

from tortoise import migrations
from tortoise.migrations import operations as ops


class Migration(migrations.Migration):
    dependencies = [('concord', '0011_api_key_person')]

    initial = False

    operations: list = []
