"""Storage: SQLAlchemy 2 models, sessions, migrations and the small services that
change stored state (directory, notices, tasks, reports). Knows nothing of Telegram."""
