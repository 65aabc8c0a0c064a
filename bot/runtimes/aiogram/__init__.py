"""The aiogram runtime: ``updates``/``errors`` (routers: updates → Incoming), ``client`` (aiogram's dialect),
``dispatcher`` (the Dispatcher), ``botapi`` (the Bot on the configured API root), ``notifier`` (the outbox port)."""
