"""The room: participants write and vote from their own device, a board shows the workshop.

okrtui serves it on the local network from the facilitator's own process. The modules
here hold no Textual: `keys` (tokens, the secret, signed cookies), `limits` (sizes and
rates), `room` (what a participant or the board may see and do, through the Document),
`pages` (the HTML), `qr` (the join link's QR code) and `server` (the aiohttp application,
the only module that imports aiohttp: import it when the room opens, not before).
"""
