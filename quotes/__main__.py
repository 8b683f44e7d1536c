from quotes.cli import cli

cli()
