"""Privacy by design (AVG): the audit view, retention and purge, access requests of
parents and what an access export holds, masking of other children's names, school-system
notes, yearly figures without names, rectification.

Need-to-know access per case is :mod:`cybercase.cases.access` and the correction history
:mod:`cybercase.cases.history`: every layer above the case file uses them, so they live
below this package. Submodules are imported where they are used.
"""
