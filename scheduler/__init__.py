"""Scheduling: the working calendar, the reminder policy (pure) and the dispatcher
that claims due reminder rows and hands them to a channel. No Telegram here."""
