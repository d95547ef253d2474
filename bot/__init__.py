"""Nhắc việc: the chat side (handlers, channels, texts, ingestion, CLI, sandbox)."""
