"""Where a tenant's webhook may go: the public internet only, and over https outside development.

A webhook URL is checked when it is saved (its scheme, a literal address in any spelling, the
`localhost` names, and what its name resolves to then) and again when it is sent, on every address
the name resolves to at that moment. The sender then connects to exactly the address checked
(workers/automation/webhooks.py), so a name that answers differently the second time (DNS
rebinding) cannot move the connection inside.

CONCORD_WEBHOOK_ALLOWED_HOSTS names the hosts exempt from the address check, for local receivers
in development and tests; the settings refuse it in production.
"""

from __future__ import annotations

import asyncio
import ipaddress
import re
import socket
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Protocol
from urllib.parse import quote, urlsplit

import idna

from domain.automation.errors import AutomationErrorCode
from domain.errors import DomainError
from infra.settings import Environment, Settings

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address
URL_MAX_LENGTH = 2000
DEFAULT_PORTS = {"http": 80, "https": 443}
# Names every resolver answers with loopback (RFC 6761, and the usual /etc/hosts entries).
LOOPBACK_NAMES = ("localhost", "localhost.localdomain", "ip6-localhost", "ip6-loopback")
_NUMBER = re.compile(r"^(0x[0-9a-f]*|[0-9]+)$")
_HOST_NAME = re.compile(r"^[a-z0-9_-]+(\.[a-z0-9_-]+)*$")
_NAT64 = ipaddress.IPv6Network("64:ff9b::/96")


class WebhookTargetRefused(DomainError):
    """The webhook would reach an address inside (or go unencrypted in production): refused for good."""

    def __init__(self, message: str, *, field: str) -> None:
        super().__init__(AutomationErrorCode.WEBHOOK_TARGET_REFUSED, message, field=field)


class HostNotResolved(Exception):
    """The name has no address now, or the lookup timed out: worth trying again later."""


class Resolver(Protocol):
    async def resolve(self, host: str, port: int) -> list[IPAddress]:
        """Every address `host` has now; raises HostNotResolved when it has none."""


class SystemResolver:
    """The operating system's resolver (getaddrinfo), bounded by `timeout` seconds."""

    def __init__(self, *, timeout: float = 5.0) -> None:
        self.timeout = timeout

    async def resolve(self, host: str, port: int) -> list[IPAddress]:
        loop = asyncio.get_running_loop()
        try:
            infos = await asyncio.wait_for(
                loop.getaddrinfo(host, port, type=socket.SOCK_STREAM, proto=socket.IPPROTO_TCP), self.timeout
            )
        except (OSError, TimeoutError) as error:  # socket.gaierror is an OSError
            raise HostNotResolved(f"{host} does not resolve ({type(error).__name__})") from None
        addresses = list(dict.fromkeys(ipaddress.ip_address(info[4][0].split("%")[0]) for info in infos))
        if not addresses:
            raise HostNotResolved(f"{host} does not resolve")
        return addresses


class MappedResolver:
    """Answers names from a mapping, for tests and demos; a name it does not know does not resolve."""

    def __init__(self, addresses: Mapping[str, Sequence[str]]) -> None:
        self._addresses = {name.lower(): [ipaddress.ip_address(a) for a in found] for name, found in addresses.items()}

    async def resolve(self, host: str, port: int) -> list[IPAddress]:
        found = self._addresses.get(host.lower())
        if not found:
            raise HostNotResolved(f"{host} does not resolve")
        return list(found)


@dataclass(frozen=True)
class WebhookTarget:
    """A checked webhook URL, in the parts the sender needs to connect to the address it checks."""

    scheme: str
    host: str  # lower case, ASCII (IDNA), no trailing dot; an IPv6 address without brackets
    port: int
    target: str  # path and query, percent-encoded; the fragment is never sent
    address: IPAddress | None  # the URL's literal address, None for a name
    allowed_inside: bool  # named in CONCORD_WEBHOOK_ALLOWED_HOSTS: exempt from the address check

    @property
    def host_header(self) -> str:
        host = f"[{self.host}]" if isinstance(self.address, ipaddress.IPv6Address) else self.host
        return host if self.port == DEFAULT_PORTS[self.scheme] else f"{host}:{self.port}"


def why_not_public(address: IPAddress) -> str | None:
    """None for a public unicast address; otherwise what kind of address it is."""
    if isinstance(address, ipaddress.IPv6Address):
        embedded = address.ipv4_mapped or address.sixtofour or (address.teredo[1] if address.teredo else None)
        if embedded is None and address in _NAT64:
            embedded = ipaddress.IPv4Address(int(address) & 0xFFFFFFFF)
        if embedded is not None and (reason := why_not_public(embedded)) is not None:
            return f"{reason}, inside an IPv6 address"
    for reason, applies in (
        ("unspecified", address.is_unspecified),
        ("loopback", address.is_loopback),
        ("link-local", address.is_link_local),
        ("multicast", address.is_multicast),
        ("private", address.is_private),
        ("reserved", address.is_reserved),
        ("not globally routable", not address.is_global),  # e.g. 100.64.0.0/10, shared by carrier NAT
    ):
        if applies:
            return reason
    return None


def parse_target(url: str, *, settings: Settings, field: str = "url") -> WebhookTarget:
    """The parts of `url` if it may be a webhook's target as written; raises WebhookTargetRefused (naming `field`) if not.

    A literal address is checked here; a name is checked on what it resolves to (`check_saved_url`, `address_to_connect`).
    """

    def refuse(message: str) -> WebhookTargetRefused:
        return WebhookTargetRefused(message, field=field)

    text = str(url)
    if len(text) > URL_MAX_LENGTH or any(char.isspace() or ord(char) < 32 or char == "\\" for char in text):
        raise refuse(f"url is a URL of at most {URL_MAX_LENGTH} characters, without spaces or backslashes")
    try:
        parts = urlsplit(text)
        port = parts.port
    except ValueError:
        raise refuse("url is not a valid URL (its host or port cannot be read)") from None
    scheme = parts.scheme.lower()
    if scheme not in DEFAULT_PORTS:
        raise refuse("url is an http or https URL")
    if scheme != "https" and settings.environment is not Environment.DEVELOPMENT:
        raise refuse(f"a webhook URL is https outside development; {settings.environment} refuses {scheme}")
    if "@" in parts.netloc:
        raise refuse("a webhook URL carries no user name or password (the signature authenticates the delivery)")
    host = (parts.hostname or "").removesuffix(".")
    if not host:
        raise refuse("url names no host")
    address = _literal_address(host, bracketed=parts.netloc.startswith("["), refuse=refuse)
    if address is None:
        host = _ascii_host(host, refuse=refuse)
    allowed = _allowed(host, address, settings)
    if not allowed and address is not None and (reason := why_not_public(address)) is not None:
        raise refuse(f"{address} is not a public address ({reason}); webhooks reach only the public internet")
    if not allowed and (host in LOOPBACK_NAMES or host.endswith(".localhost")):
        raise refuse(f"{host} is a localhost name (loopback), not a public address; webhooks reach only the public internet")
    target = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
    return WebhookTarget(
        scheme=scheme, host=str(address) if address else host, port=port or DEFAULT_PORTS[scheme],
        target=quote(target, safe="!$%&'()*+,/:;=?@[]~"), address=address, allowed_inside=allowed,
    )


async def check_saved_url(url: str, *, settings: Settings, resolver: Resolver, field: str) -> WebhookTarget:
    """Check a webhook URL being saved, including what its name resolves to now.

    A name that does not resolve yet is accepted: it is checked again, decisively, when sent."""
    target = parse_target(url, settings=settings, field=field)
    if target.address is None and not target.allowed_inside:
        try:
            addresses = await resolver.resolve(target.host, target.port)
        except HostNotResolved:
            return target
        _refuse_inside(target.host, addresses, field=field)
    return target


async def address_to_connect(target: WebhookTarget, *, resolver: Resolver, field: str = "url") -> IPAddress:
    """The one address to connect to for `target`: its name resolved once, and every address it has checked.

    Raises WebhookTargetRefused if any is inside, HostNotResolved if the name has none now."""
    if target.address is not None:
        return target.address
    addresses = await resolver.resolve(target.host, target.port)
    if not target.allowed_inside:
        _refuse_inside(target.host, addresses, field=field)
    return addresses[0]


def _refuse_inside(host: str, addresses: Sequence[IPAddress], *, field: str) -> None:
    # Every address, not only the first: a client may try the others, and a rebinding name mixes them.
    for address in addresses:
        if (reason := why_not_public(address)) is not None:
            raise WebhookTargetRefused(
                f"{host} resolves to {address}, which is not a public address ({reason}); webhooks reach only the public internet",
                field=field,
            )


def _literal_address(host: str, *, bracketed: bool, refuse) -> IPAddress | None:
    """The address a host written as an IP literal means, in every spelling getaddrinfo accepts; None for a name."""
    if bracketed:
        if "%" in host:  # a zone (fe80::1%eth0) only ever names a link-local address
            raise refuse(f"{host} is an IPv6 address with a zone, not a public address")
        try:
            return ipaddress.IPv6Address(host)
        except ValueError:
            raise refuse(f"[{host}] is not an IPv6 address") from None
    labels = host.split(".")
    if not _NUMBER.match(labels[-1]):
        return None
    # A host ending in a number is an IPv4 address (as browsers and inet_aton read it): 2130706433,
    # 0x7f000001, 0177.0.0.1 and 127.1 all mean 127.0.0.1.
    if len(labels) > 4 or not all(_NUMBER.match(label) for label in labels):
        raise refuse(f"{host} is neither a host name nor an IPv4 address")
    try:
        return ipaddress.IPv4Address(socket.inet_aton(host))
    except OSError:
        raise refuse(f"{host} is not a valid IPv4 address") from None


def _ascii_host(host: str, *, refuse) -> str:
    if not host.isascii():
        try:
            host = idna.encode(host, uts46=True).decode("ascii")
        except idna.IDNAError:
            raise refuse(f"{host} is not a valid international host name") from None
    if not _HOST_NAME.match(host):
        raise refuse(f"{host} is not a valid host name")
    return host


def _allowed(host: str, address: IPAddress | None, settings: Settings) -> bool:
    for entry in settings.webhook_allowed_host_list:
        if entry == host:
            return True
        try:
            if address is not None and ipaddress.ip_address(entry.strip("[]")) == address:
                return True
        except ValueError:
            continue
    return False
