"""The service layer: each public coroutine is one transaction, used by the bot and the CLI alike."""
