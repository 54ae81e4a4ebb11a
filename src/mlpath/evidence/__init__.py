"""Evidence from local work: read a project's files (never run them) and propose, per skill,
the files that show it.

``signals`` is the table of what counts as a sign of a skill, ``walk`` finds the files
safely, ``scan`` reads them and turns signals into proposals, ``save`` adds proposals to a
profile by editing its lines, and ``render`` draws them. Nothing here fetches a URL or
changes a rating.
"""
