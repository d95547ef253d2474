"""Channel adapters: how a reminder reaches a person (Telegram first, Zalo second)."""
