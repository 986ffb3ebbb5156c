"""Consent, patients' rights and audit: the dossier's Consents tab, header badges, the Audit page."""
