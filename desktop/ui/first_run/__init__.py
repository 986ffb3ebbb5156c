"""First-run wizard: language, vault and recovery key, optional enrolment, a short tour."""
