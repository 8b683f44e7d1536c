"""Training scripts behind `make models`.

They read the openly licensed corpora in ../shared/corpora and write the small
artifacts that ship in quotes/models/, so the product never downloads anything
at run time.  Run them all with `python -m quotes.training`.
"""
