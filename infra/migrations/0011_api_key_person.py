"""API keys are bound to the person who created them (four eyes across credentials)."""

from tortoise import migrations
from tortoise.migrations import operations as ops


class Migration(migrations.Migration):
    dependencies = [('concord', '0010_automation_work_items')]

    initial = False

    operations: list = []
