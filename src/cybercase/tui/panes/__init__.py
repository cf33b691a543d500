"""The case screen's panes (one per tab); each registers in screens/case.py CASE_PANES."""
