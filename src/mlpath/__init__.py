"""mlpath: how far you are from an ML role, what to learn next, and your next career step."""

__version__ = "0.1.0"
