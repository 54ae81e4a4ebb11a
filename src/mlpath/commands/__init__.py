"""The use cases, one module per command: the decisions a command makes, below the CLI.

Each module holds plain keyword-only functions that a test can call without typer
(pre-commit's ``commands/`` package is the model). The typer commands in ``cli/``
only parse options and call one of these. Nothing here imports typer.
"""
