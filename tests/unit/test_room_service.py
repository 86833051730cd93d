"""Where the room listens (`--room [ADDRESS][:PORT]`), and the room served for real on
127.0.0.1 from the loop it was started in."""

import socket

import aiohttp
import pytest

from okrtui.document import Document
from okrtui.room.addresses import LOOPBACK, BadAddress, Listen, machine_addresses, parse_listen
from okrtui.room.keys import RoomKeys
from okrtui.room.room import Room
from okrtui.room.service import RoomService
from okrtui.workshop import new_session


@pytest.mark.parametrize(("text", "listen"), [
    ("", Listen(None, 0)),
    (":8080", Listen(None, 8080)),
    ("192.168.1.5", Listen("192.168.1.5", 0)),
    ("192.168.1.5:8080", Listen("192.168.1.5", 8080)),
    ("[::1]:9000", Listen("::1", 9000)),
    ("::1", Listen("::1", 0)),
    ("localhost:80", Listen("localhost", 80)),
    ("0.0.0.0", Listen("0.0.0.0", 0)),
])
def test_an_address_and_a_port_are_read(text: str, listen: Listen) -> None:
    assert parse_listen(text) == listen


@pytest.mark.parametrize(("text", "reason"), [
    ("wifi.example", "room.bad_address"),
    ("1.2.3.4:", "room.bad_port"),
    ("1.2.3.4:65536", "room.bad_port"),
    (":http", "room.bad_port"),
    ("[::1]x", "room.bad_address"),
])
def test_what_is_not_an_address_is_refused_with_its_reason(text: str, reason: str) -> None:
    with pytest.raises(BadAddress) as refused:
        parse_listen(text)
    assert refused.value.args == (reason,)


def test_the_machine_offers_its_addresses_loopback_last_never_every_interface() -> None:
    found = machine_addresses()
    assert found[-1] == LOOPBACK
    assert "0.0.0.0" not in found
    assert len(found) == len(set(found))


def make_room() -> Room:
    return Room(Document(new_session("Atelier", "en")), RoomKeys.fresh())


async def test_the_room_is_served_on_a_free_port_and_stops() -> None:
    room = make_room()
    service = RoomService(room, LOOPBACK)
    await service.start()
    assert service.port > 0
    assert service.join_url == f"http://127.0.0.1:{service.port}/j/{room.keys.join}"
    async with aiohttp.ClientSession() as client:
        async with client.get(service.join_url) as page:
            assert page.status == 200
        async with client.get(service.board_url) as board:
            assert board.status == 200
        async with client.get(service.join_url + "x") as wrong:
            assert wrong.status == 404
    await service.stop()
    assert not service.running
    with socket.socket() as probe:
        assert probe.connect_ex((LOOPBACK, service.port)) != 0  # nobody listens any more


async def test_a_port_taken_is_an_oserror_and_leaves_nothing_open() -> None:
    with socket.socket() as taken:
        taken.bind((LOOPBACK, 0))
        taken.listen()
        service = RoomService(make_room(), LOOPBACK, taken.getsockname()[1])
        with pytest.raises(OSError):
            await service.start()
        assert not service.running
