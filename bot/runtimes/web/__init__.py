"""The web chat (issue 19): the same dialogs as Telegram's, in a page an office puts on its website."""
