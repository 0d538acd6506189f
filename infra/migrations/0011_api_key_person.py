"""API keys are bound to the person who created them (four eyes across credentials).

`api_keys.person_id` is the user a key speaks for; existing keys get NULL (nobody: they cannot approve
payments). Payment orders and approvals record the person beside the credential (`requested_by`,
`approved_by` stay the credential, for the audit log); existing rows get NULL. They are plain uuids, not
foreign keys: they are history, and a user's deletion must neither cascade into nor rewrite it.
"""

from tortoise import fields, migrations
from tortoise.fields.base import OnDelete
from tortoise.migrations import operations as ops


class Migration(migrations.Migration):
    dependencies = [('concord', '0010_automation_work_items')]

    initial = False

    operations = [
        ops.AddField(
            model_name='ApiKey',
            name='person',
            field=fields.ForeignKeyField('concord.User', source_field='person_id', db_constraint=True, to_field='id', related_name='api_keys', null=True, on_delete=OnDelete.SET_NULL),
        ),
        ops.AddField(
            model_name='PaymentOrder',
            name='requester_person_id',
            field=fields.UUIDField(null=True),
        ),
        ops.AddField(
            model_name='PaymentApproval',
            name='approver_person_id',
            field=fields.UUIDField(null=True),
        ),
    ]
