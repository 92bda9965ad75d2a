"""``python -m facilitate`` runs the command line."""

from facilitate.cli import main

main(prog_name="facilitate")
