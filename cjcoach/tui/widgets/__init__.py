"""Reusable widgets of the workshop room: chat log, answer input, question bar, map."""
