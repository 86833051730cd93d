"""Where a room may listen: the address the facilitator chose among the machine's own,
read from `--room [ADDRESS][:PORT]` or picked on screen. Never every interface (0.0.0.0)
unless asked for by name."""

import ipaddress
import socket
from dataclasses import dataclass

LOOPBACK = "127.0.0.1"
ANY = "0.0.0.0"
_ROUTE_PROBE = ("192.0.2.1", 9)
"""A documentation address (TEST-NET-1): connecting a UDP socket to it sends nothing and
tells which local address the default route leaves from."""
_SIOCGIFADDR = 0x8915


class BadAddress(ValueError):
    """`--room` was given something that is not [ADDRESS][:PORT]; args holds a catalog key."""


@dataclass(frozen=True)
class Listen:
    host: str | None
    """None: let the facilitator choose among the machine's addresses."""
    port: int = 0
    """0: a free port."""


def parse_listen(text: str) -> Listen:
    """ADDRESS, :PORT, ADDRESS:PORT or [IPV6]:PORT; empty means choose and any free port."""
    text = text.strip()
    if not text:
        return Listen(None)
    host, port_text = text, ""
    if text.startswith("["):
        host, _, rest = text[1:].partition("]")
        if rest and not rest.startswith(":"):
            raise BadAddress("room.bad_address")
        port_text = rest[1:]
    elif text.count(":") == 1:
        host, port_text = text.split(":")
    port = 0
    if port_text or text.endswith(":"):
        if not port_text.isdigit() or not 0 <= int(port_text) <= 65535:
            raise BadAddress("room.bad_port")
        port = int(port_text)
    if not host:
        return Listen(None, port)
    if host != "localhost":
        try:
            host = str(ipaddress.ip_address(host))
        except ValueError:
            raise BadAddress("room.bad_address") from None
    return Listen(host, port)


def url_host(host: str) -> str:
    """host as it goes in a link (an IPv6 address in brackets)."""
    return f"[{host}]" if ":" in host else host


def machine_addresses() -> list[str]:
    """The machine's IPv4 addresses, the one other devices most likely reach first, the
    loopback (this machine only) last. Reading them sends nothing on the network."""
    found: list[str] = []
    for address in (_default_route_address(), *_interface_addresses(), *_host_addresses()):
        if address and address not in found and address != ANY:
            found.append(address)
    loopback = [a for a in found if ipaddress.ip_address(a).is_loopback]
    others = [a for a in found if a not in loopback]
    return others + [LOOPBACK]


def _default_route_address() -> str | None:
    try:
        with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as probe:
            probe.connect(_ROUTE_PROBE)
            address: str = probe.getsockname()[0]
            return address
    except OSError:
        return None


def _interface_addresses() -> list[str]:
    """Each interface's IPv4 address (Linux; elsewhere none, the others still answer)."""
    try:
        import fcntl
        import struct
    except ImportError:
        return []
    found = []
    try:
        names = [name for _, name in socket.if_nameindex()]
    except OSError:
        return []
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as probe:
        for name in names:
            try:
                packed = fcntl.ioctl(probe.fileno(), _SIOCGIFADDR,
                                     struct.pack("256s", name[:15].encode()))
            except OSError:
                continue  # an interface without an IPv4 address
            found.append(socket.inet_ntoa(packed[20:24]))
    return found


def _host_addresses() -> list[str]:
    try:
        infos = socket.getaddrinfo(socket.gethostname(), None, socket.AF_INET)
    except OSError:
        return []
    return [str(info[4][0]) for info in infos]
