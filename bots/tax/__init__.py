"""The tax authority bot: page objects in `pages/`, the bot in `flows.py`."""

from bots.tax.flows import file_vat_return
from bots.tax.params import FileVatReturnParams, VatReturnFiled

__all__ = ["FileVatReturnParams", "VatReturnFiled", "file_vat_return"]
