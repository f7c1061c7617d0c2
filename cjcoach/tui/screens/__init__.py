"""The screens of the workshop room: home, chat, report preview, help and small dialogs."""
