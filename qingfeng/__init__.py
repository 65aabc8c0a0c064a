"""Entry points: the composition root (``qingfeng.app``), the scheduler set-up and the ``qingfeng`` CLI."""
