"""A room served on the network from the event loop it is started in (the app's own: no
second process, no second store). Importing this module imports aiohttp: do it when the
room opens."""

from aiohttp import web

from okrtui.room.addresses import ANY, machine_addresses, url_host
from okrtui.room.room import Room
from okrtui.room.server import create_app

SHUTDOWN_SECONDS = 2.0


class RoomService:
    """Room on host:port (0: a free one) until stop()."""

    def __init__(self, room: Room, host: str, port: int = 0) -> None:
        self.room = room
        self.host = host
        self.port = port
        self._runner: web.AppRunner | None = None

    async def start(self) -> None:
        """Listen; raises OSError (address not on this machine, port taken) having
        released everything."""
        runner = web.AppRunner(create_app(self.room), handle_signals=False,
                               access_log=None, shutdown_timeout=SHUTDOWN_SECONDS)
        await runner.setup()
        try:
            await web.TCPSite(runner, self.host, self.port).start()
        except BaseException:
            await runner.cleanup()
            raise
        self._runner = runner
        self.port = int(runner.addresses[0][1])
        reachable = machine_addresses()[0] if self.host == ANY else self.host
        self.room.join_url_base = f"http://{url_host(reachable)}:{self.port}"

    async def stop(self) -> None:
        """Stop listening and end every open page's live updates."""
        runner, self._runner = self._runner, None
        if runner is not None:
            await runner.cleanup()
        self.room.close()

    @property
    def running(self) -> bool:
        return self._runner is not None

    @property
    def base(self) -> str:
        return self.room.join_url_base or f"http://{url_host(self.host)}:{self.port}"

    @property
    def join_url(self) -> str:
        return f"{self.base}/j/{self.room.keys.join}"

    @property
    def board_url(self) -> str:
        return f"{self.base}/b/{self.room.keys.board}"
