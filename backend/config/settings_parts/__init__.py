"""Parts of ``config.settings``, one concern each; ``config.settings`` is the settings module."""
