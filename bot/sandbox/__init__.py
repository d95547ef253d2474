"""A Bot API sandbox: a small ASGI app that speaks the Telegram Bot API methods the
bot uses, with Telegram's limits, so the real python-telegram-bot can be driven
end to end without Telegram. Used by the tests and by `nhacviec chat`."""

from bot.sandbox.server import RateLimits, SandboxState, create_app

__all__ = ["RateLimits", "SandboxState", "create_app"]
