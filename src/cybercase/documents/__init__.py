"""Every PDF the school hands out: the police report, the handover sheet, forms, letters."""
