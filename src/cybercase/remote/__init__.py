"""Several coordinators on one vault: reaching it over OpenSSH (set-up texts)."""
