"""Webhook targets: a tenant's webhook may only reach the public internet. Saving a rule whose webhook
URL points inside (loopback, link-local and the metadata service, private ranges, multicast,
unspecified or reserved addresses, in any spelling) is refused naming the URL; outside development
only https is accepted; CONCORD_WEBHOOK_ALLOWED_HOSTS is the one opt-in for local receivers."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from domain.automation import service as automation_service
from domain.automation import webhook_targets
from domain.automation.webhook_targets import MappedResolver
from domain.errors import DomainError
from infra.settings import Environment, SettingsError, get_settings, load_settings
from tenants import vault
from tenants.context import tenant_transaction

INSIDE = [
    "http://127.0.0.1/hook",
    "http://169.254.169.254/latest/meta-data",
    "http://10.0.0.5/hook",
    "http://[::1]/hook",
    "http://[::ffff:127.0.0.1]/hook",
    "http://2130706433/hook",
    "http://0x7f000001/hook",
    "http://0177.0.0.1/hook",
    "http://127.1/hook",
    "http://127.0.0.1./hook",
    "http://0.0.0.0/hook",
    "http://[::]/hook",
    "http://192.168.1.20:8080/hook",
    "http://172.16.0.1/hook",
    "http://100.64.0.1/hook",
    "http://[fe80::1]/hook",
    "http://[fc00::1]/hook",
    "http://[fd12:3456::1]/hook",
    "http://224.0.0.1/hook",
    "http://240.0.0.1/hook",
    "http://255.255.255.255/hook",
    "http://[::ffff:169.254.169.254]/hook",
    "http://[::ffff:a00:5]/hook",
    "http://[2002:7f00:1::]/hook",
    "http://localhost:8000/hook",
    "http://api.localhost/hook",
]


@pytest.fixture(autouse=True)
def process_settings(monkeypatch: pytest.MonkeyPatch) -> Iterator[pytest.MonkeyPatch]:
    """The process settings are re-read from the environment each test sets, and restored after it."""
    monkeypatch.delenv("CONCORD_ENVIRONMENT", raising=False)
    monkeypatch.delenv("CONCORD_WEBHOOK_ALLOWED_HOSTS", raising=False)
    get_settings.cache_clear()
    yield monkeypatch
    get_settings.cache_clear()


async def save_webhook_rule(url: str, **options) -> object:
    await vault.set_secret(keys=vault.VaultKeys.from_settings(get_settings()), name="hooks", kind="signing_key", value="whsec-1")
    return await automation_service.create_rule(
        name="Won deals to the tenant's hook", event_type="sales.deal_won", saved_by="ana",
        action={"type": "call_webhook", "params": {"url": url, "secret": "hooks"}}, **options,
    )


@pytest.mark.parametrize("url", INSIDE)
async def test_a_rule_whose_webhook_points_inside_is_refused_naming_the_url(db, tenant, url):
    async with tenant_transaction(tenant.id):
        with pytest.raises(DomainError) as refused:
            await save_webhook_rule(url)

    assert (refused.value.code, refused.value.field) == ("WEBHOOK_TARGET_REFUSED", "action.params.url")
    assert "not a public address" in refused.value.message or "localhost" in refused.value.message


async def test_changing_a_rule_to_a_webhook_inside_is_refused_and_the_rule_stays_as_it_was(db, tenant):
    async with tenant_transaction(tenant.id):
        rule = await save_webhook_rule("https://hooks.example.com/concord", resolver=MappedResolver({"hooks.example.com": ["93.184.216.34"]}))
        with pytest.raises(DomainError) as refused:
            await automation_service.update_rule(
                rule_id=rule.id, saved_by="ana", action={"type": "call_webhook", "params": {"url": "http://169.254.169.254/", "secret": "hooks"}},
            )
        kept = await automation_service.get_rule_or_raise(rule_id=rule.id)

    assert (refused.value.code, refused.value.field) == ("WEBHOOK_TARGET_REFUSED", "action.params.url")
    assert kept.version == 1 and kept.action["params"]["url"] == "https://hooks.example.com/concord"


async def test_a_name_that_resolves_inside_when_saved_is_refused(db, tenant):
    resolver = MappedResolver({"hooks.example.com": ["93.184.216.34", "10.1.2.3"]})
    async with tenant_transaction(tenant.id):
        with pytest.raises(DomainError) as refused:
            await save_webhook_rule("https://hooks.example.com/concord", resolver=resolver)

    assert (refused.value.code, refused.value.field) == ("WEBHOOK_TARGET_REFUSED", "action.params.url")
    assert "10.1.2.3" in refused.value.message


async def test_a_name_that_does_not_resolve_yet_is_saved_and_checked_when_sent(db, tenant):
    async with tenant_transaction(tenant.id):
        rule = await save_webhook_rule("https://hooks.example.com/concord", resolver=MappedResolver({}))

    assert rule.version == 1


async def test_outside_development_only_https_webhooks_are_saved(db, tenant, process_settings):
    process_settings.setenv("CONCORD_ENVIRONMENT", "production")
    public = MappedResolver({"hooks.example.com": ["93.184.216.34"]})
    async with tenant_transaction(tenant.id):
        with pytest.raises(DomainError) as refused:
            await save_webhook_rule("http://hooks.example.com/concord", resolver=public)
        saved = await save_webhook_rule("https://hooks.example.com/concord", resolver=public)

    assert (refused.value.code, refused.value.field) == ("WEBHOOK_TARGET_REFUSED", "action.params.url")
    assert "https" in refused.value.message
    assert saved.version == 1


async def test_a_host_named_in_the_allowed_hosts_setting_may_be_local_in_development(db, tenant, process_settings):
    process_settings.setenv("CONCORD_WEBHOOK_ALLOWED_HOSTS", "127.0.0.1, receiver.test")
    resolver = MappedResolver({"receiver.test": ["127.0.0.1"]})
    async with tenant_transaction(tenant.id):
        by_address = await save_webhook_rule("http://127.0.0.1:8123/hook", resolver=resolver)
        with pytest.raises(DomainError):
            await save_webhook_rule("http://127.0.0.2:8123/hook", resolver=resolver)  # only what is named
    settings = get_settings()

    assert by_address.version == 1
    assert webhook_targets.parse_target("http://receiver.test:9/hook", settings=settings).allowed_inside


def test_the_allowed_hosts_setting_is_refused_in_production():
    with pytest.raises(SettingsError, match="CONCORD_WEBHOOK_ALLOWED_HOSTS"):
        load_settings(environment=Environment.PRODUCTION, webhook_allowed_hosts="127.0.0.1")


@pytest.mark.parametrize(
    "url",
    ["ftp://hooks.example.com/x", "https://user:pw@hooks.example.com/x", "https://[fe80::1%25eth0]/x", "https://999.1.1.1/x", "https:///x"],
)
def test_a_webhook_url_that_is_not_a_plain_http_url_is_refused(url):
    with pytest.raises(DomainError) as refused:
        webhook_targets.parse_target(url, settings=load_settings(), field="action.params.url")

    assert refused.value.field == "action.params.url"


def test_a_public_target_keeps_its_name_port_and_path_for_the_request():
    target = webhook_targets.parse_target("https://Hooks.Example.com:8443/in/concord?tenant=a%20b", settings=load_settings())

    assert (target.scheme, target.host, target.port, target.target) == ("https", "hooks.example.com", 8443, "/in/concord?tenant=a%20b")
    assert target.host_header == "hooks.example.com:8443" and target.address is None and not target.allowed_inside


async def test_a_rule_saved_before_its_webhook_was_refused_can_still_be_disabled(db, tenant, process_settings):
    process_settings.setenv("CONCORD_WEBHOOK_ALLOWED_HOSTS", "127.0.0.1")
    async with tenant_transaction(tenant.id):
        rule = await save_webhook_rule("http://127.0.0.1:8123/hook")
    process_settings.delenv("CONCORD_WEBHOOK_ALLOWED_HOSTS")
    get_settings.cache_clear()
    async with tenant_transaction(tenant.id):
        with pytest.raises(DomainError) as renamed:
            await automation_service.update_rule(rule_id=rule.id, saved_by="ana", name="Still local")
        disabled = await automation_service.disable_rule(rule_id=rule.id, saved_by="ana")

    assert renamed.value.field == "action.params.url"
    assert (disabled.enabled, disabled.version) == (False, 2)
