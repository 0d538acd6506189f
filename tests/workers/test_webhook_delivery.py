"""Sending a webhook: the target's name is resolved once, every address it resolves to is checked
against the webhook policy, and the request goes to exactly that checked address (with the name as
Host and TLS SNI), so a second lookup cannot switch it inside; a redirect is never followed.

The resolver is a stub of our own (no DNS); the receivers are real HTTP(S) servers on 127.0.0.1,
reached through the explicit CONCORD_WEBHOOK_ALLOWED_HOSTS opt-in where a delivery must land."""

from __future__ import annotations

import datetime as dt
import ssl
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID

from domain.automation import service as automation_service
from domain.automation.webhook_targets import MappedResolver, WebhookTargetRefused
from domain.errors import DomainError
from infra.settings import get_settings
from tenants import vault
from tenants.context import tenant_transaction
from workers.automation.webhooks import WebhookNotDelivered, post_signed

PUBLIC = "93.184.216.34"


@dataclass
class Receiver:
    """A tenant's endpoint on loopback, answering every request with `status` (and `location`)."""

    status: int = 200
    location: str | None = None
    requests: list[dict] = field(default_factory=list)
    sni: list[str | None] = field(default_factory=list)
    port: int = 0


def serve(receiver: Receiver, *, tls: ssl.SSLContext | None = None) -> ThreadingHTTPServer:
    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            body = self.rfile.read(int(self.headers["Content-Length"]))
            receiver.requests.append({"path": self.path, "headers": dict(self.headers), "body": body})
            self.send_response(receiver.status)
            if receiver.location:
                self.send_header("Location", receiver.location)
            self.send_header("Content-Length", "0")
            self.end_headers()

        def log_message(self, *args) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    if tls is not None:
        tls.sni_callback = lambda sock, name, context: receiver.sni.append(name)
        server.socket = tls.wrap_socket(server.socket, server_side=True)
    receiver.port = server.server_port
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


@pytest.fixture
def receiver() -> Iterator[Receiver]:
    state = Receiver()
    server = serve(state)
    try:
        yield state
    finally:
        server.shutdown()


@pytest.fixture(autouse=True)
def process_settings(monkeypatch: pytest.MonkeyPatch) -> Iterator[pytest.MonkeyPatch]:
    monkeypatch.delenv("CONCORD_ENVIRONMENT", raising=False)
    monkeypatch.delenv("CONCORD_WEBHOOK_ALLOWED_HOSTS", raising=False)
    get_settings.cache_clear()
    yield monkeypatch
    get_settings.cache_clear()


def allow_hosts(monkeypatch: pytest.MonkeyPatch, hosts: str) -> None:
    monkeypatch.setenv("CONCORD_WEBHOOK_ALLOWED_HOSTS", hosts)
    get_settings.cache_clear()


async def signing_key() -> None:
    await vault.set_secret(keys=vault.VaultKeys.from_settings(get_settings()), name="hooks", kind="signing_key", value="whsec-1")


async def send(url: str, resolver: MappedResolver) -> int:
    return await post_signed(url=url, secret_name="hooks", body={"event_id": "e1"}, idempotency_key="k1", resolver=resolver)


async def test_a_name_that_resolved_public_when_saved_but_loopback_when_sent_is_not_connected_to(db, tenant, receiver):
    url = f"http://hooks.rebind.test:{receiver.port}/hook"
    async with tenant_transaction(tenant.id):
        await signing_key()
        saved = await automation_service.create_rule(
            name="Rebinding", event_type="sales.deal_won", saved_by="ana",
            action={"type": "call_webhook", "params": {"url": url, "secret": "hooks"}},
            resolver=MappedResolver({"hooks.rebind.test": [PUBLIC]}),
        )
        with pytest.raises(WebhookTargetRefused) as refused:
            await send(url, MappedResolver({"hooks.rebind.test": [PUBLIC, "127.0.0.1"]}))

    assert saved.version == 1
    assert refused.value.code == "WEBHOOK_TARGET_REFUSED" and "127.0.0.1" in refused.value.message
    assert receiver.requests == []


async def test_the_request_goes_to_the_checked_address_under_the_original_name(db, tenant, receiver, process_settings):
    # receiver.test exists only in the stub: the request can only land if it went to the address checked.
    allow_hosts(process_settings, "receiver.test")
    async with tenant_transaction(tenant.id):
        await signing_key()
        status = await send(f"http://receiver.test:{receiver.port}/hook?x=1", MappedResolver({"receiver.test": ["127.0.0.1"]}))

    [request] = receiver.requests
    assert status == 200
    assert request["path"] == "/hook?x=1" and request["headers"]["Host"] == f"receiver.test:{receiver.port}"


async def test_a_redirect_is_not_followed_and_fails_the_delivery_for_good(db, tenant, receiver, process_settings):
    allow_hosts(process_settings, "127.0.0.1")
    receiver.status, receiver.location = 302, "http://169.254.169.254/latest/meta-data"
    async with tenant_transaction(tenant.id):
        await signing_key()
        with pytest.raises(DomainError) as redirected:
            await send(f"http://127.0.0.1:{receiver.port}/hook", MappedResolver({}))

    assert redirected.value.code == "WEBHOOK_REDIRECTED" and "302" in redirected.value.message
    assert len(receiver.requests) == 1  # the Location was never asked for


async def test_an_error_status_is_a_failure_worth_retrying(db, tenant, receiver, process_settings):
    allow_hosts(process_settings, "127.0.0.1")
    receiver.status = 503
    async with tenant_transaction(tenant.id):
        await signing_key()
        with pytest.raises(WebhookNotDelivered):
            await send(f"http://127.0.0.1:{receiver.port}/hook", MappedResolver({}))


async def test_a_name_that_does_not_resolve_when_sent_is_retried_not_refused(db, tenant):
    async with tenant_transaction(tenant.id):
        await signing_key()
        with pytest.raises(WebhookNotDelivered, match="does not resolve"):
            await send("https://hooks.gone.test/hook", MappedResolver({}))


def certificate_for(name: str, directory: Path) -> tuple[Path, ssl.SSLContext]:
    """A throwaway CA (its PEM file, for SSL_CERT_FILE) and a server context with a certificate for `name` it signed."""
    now = dt.datetime.now(dt.UTC)

    def issue(subject: str, key, issuer: str, issuer_key, *, ca: bool) -> x509.Certificate:
        builder = (
            x509.CertificateBuilder().subject_name(x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, subject)]))
            .issuer_name(x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, issuer)])).public_key(key.public_key())
            .serial_number(x509.random_serial_number()).not_valid_before(now - dt.timedelta(hours=1))
            .not_valid_after(now + dt.timedelta(hours=1))
            .add_extension(x509.BasicConstraints(ca=ca, path_length=None), critical=True)
        )
        if ca:
            builder = builder.add_extension(
                x509.KeyUsage(False, False, False, False, False, True, True, False, False), critical=True
            ).add_extension(x509.SubjectKeyIdentifier.from_public_key(key.public_key()), critical=False)
        else:
            builder = builder.add_extension(x509.SubjectAlternativeName([x509.DNSName(subject)]), critical=False).add_extension(
                x509.AuthorityKeyIdentifier.from_issuer_public_key(issuer_key.public_key()), critical=False
            )
        return builder.sign(issuer_key, hashes.SHA256())

    ca_key, leaf_key = ec.generate_private_key(ec.SECP256R1()), ec.generate_private_key(ec.SECP256R1())
    ca = issue("Concord test CA", ca_key, "Concord test CA", ca_key, ca=True)
    leaf = issue(name, leaf_key, "Concord test CA", ca_key, ca=False)
    (directory / "ca.pem").write_bytes(ca.public_bytes(serialization.Encoding.PEM))
    (directory / "leaf.pem").write_bytes(leaf.public_bytes(serialization.Encoding.PEM))
    (directory / "leaf.key").write_bytes(
        leaf_key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption())
    )
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(directory / "leaf.pem", directory / "leaf.key")
    return directory / "ca.pem", context


async def test_https_goes_to_the_checked_address_with_the_name_as_sni_and_for_the_certificate(db, tenant, tmp_path, process_settings):
    ca_file, server_context = certificate_for("secure.receiver.test", tmp_path)
    process_settings.setenv("SSL_CERT_FILE", str(ca_file))
    allow_hosts(process_settings, "secure.receiver.test,127.0.0.1")
    state = Receiver()
    server = serve(state, tls=server_context)
    try:
        async with tenant_transaction(tenant.id):
            await signing_key()
            status = await send(f"https://secure.receiver.test:{state.port}/hook", MappedResolver({"secure.receiver.test": ["127.0.0.1"]}))
            # The same server by its address: the certificate names secure.receiver.test, not 127.0.0.1.
            with pytest.raises(WebhookNotDelivered):
                await send(f"https://127.0.0.1:{state.port}/hook", MappedResolver({}))
    finally:
        server.shutdown()

    assert status == 200
    assert state.sni[0] == "secure.receiver.test"
    assert state.requests[0]["headers"]["Host"] == f"secure.receiver.test:{state.port}"
    assert len(state.requests) == 1
